import * as assert from 'assert';
import { InMemoryDocument } from '../../../src/core/document';
import { TalkTimer, formatElapsed, headingLineIn, lineAfterChanges, savedTalk, sessionTarget, shortTitle } from '../../../src/language/talkTimer';
import { democonSchedule } from '../../support/noteCommands';
import { MemoryAnalyses } from '../../support/language';
import { MemoryScheduleStore } from '../../support/capture';

const KEY = 'file:///workspace/sched-democon.ics';
const TRACING = '000000000000000000000000033b2605';
const NOTE = '## Day01\n\n### Intro\n\n- a\n\n### Tracing, Gently - Ana Lima\n\n- spans\n- sampling\n\n\n### Next talk\n';

function timer(nowMs = 1_000_000, scheduleNowMs = Date.parse('2099-03-26T10:30:00Z')) {
  const store = new MemoryScheduleStore();
  store.schedules.set(KEY, democonSchedule());
  const clocks = { now: nowMs, schedule: scheduleNowMs };
  const analyses = new MemoryAnalyses();
  const t = new TalkTimer({ analysisOf: (d) => analyses.analysisOf(d), now: () => clocks.now, scheduleNow: () => clocks.schedule, schedules: store });
  return { t, store, clocks };
}

describe('language/talkTimer: the running talk, built with in-memory services', () => {
  it('shows the title and the elapsed time, and the minutes left of a scheduled session', () => {
    const { t, clocks } = timer();
    const talk = t.start({ uri: 'file:///n.md', title: 'Tracing, Gently', heading: '### Tracing, Gently', line: 6 });
    assert.strictEqual(talk.startedAt, 1_000_000);
    clocks.now += 75_000;
    assert.strictEqual(t.statusText(talk), '$(record) Tracing, Gently 01:15');
    const session = democonSchedule().sessions.find((s) => s.id === TRACING)!;
    const scheduled = t.start({ uri: 'file:///n.md', title: 'Tracing, Gently', heading: '### Tracing, Gently', line: 6 }, { session, scheduleKey: KEY });
    assert.deepStrictEqual([scheduled.sessionId, scheduled.scheduleKey, scheduled.sessionEnd], [TRACING, KEY, '2099-03-26T11:45:00+01:00']);
    clocks.schedule = Date.parse('2099-03-26T10:30:30Z'); // 11:30:30 in Amsterdam: 14.5 minutes left
    assert.strictEqual(t.statusText(scheduled), '$(record) Tracing, Gently 00:00 · 15 min left');
    assert.strictEqual(t.isOver(scheduled), false);
    clocks.schedule = Date.parse('2099-03-26T10:45:00Z');
    assert.strictEqual(t.statusText(scheduled), '$(record) Tracing, Gently 00:00 · over');
    assert.strictEqual(t.isOver(scheduled), true);
    assert.strictEqual(t.isOver(talk), false);
    assert.ok(t.tooltip(talk).startsWith('Tracing, Gently: running since '));
    assert.strictEqual(t.endMessage(talk), '$(debug-stop) Tracing, Gently ended after 01:15');
  });

  it('formats the time past an hour and shortens long titles', () => {
    assert.strictEqual(formatElapsed(3_723_000), '1:02:03');
    assert.strictEqual(formatElapsed(-5), '00:00');
    assert.strictEqual(shortTitle('  A\n title '), 'A title');
    assert.strictEqual(shortTitle('x'.repeat(45)), `${'x'.repeat(39)}…`);
  });

  it('offers the next starred session when a scheduled one is over', async () => {
    const { t, store } = timer();
    const session = democonSchedule().sessions.find((s) => s.id === TRACING)!;
    const talk = t.start({ uri: 'file:///n.md', title: 'Tracing, Gently', heading: '### Tracing, Gently', line: 6 }, { session, scheduleKey: KEY });
    assert.strictEqual(await t.nextOffer(talk), undefined); // nothing starred
    store.star(KEY, TRACING, '000000000000000000000000033b260c', '000000000000000000000000033b2608');
    const offer = await t.nextOffer(talk);
    assert.strictEqual(offer?.session.title, 'Tiny Controllers');
    assert.strictEqual(offer?.message.startsWith('Talk Capture: “Tracing, Gently” is over. Next starred: Tiny Controllers at 12:00 ('), true, offer?.message);
    assert.strictEqual(await t.nextOffer(t.start({ uri: 'u', title: 't', heading: 'h', line: 0 })), undefined);
  });

  it('finds a session a view passes, or says it is gone', async () => {
    const { t } = timer();
    const found = await t.sessionToStart({ scheduleKey: KEY, sessionId: TRACING });
    assert.strictEqual('session' in found && found.session.title, 'Tracing, Gently');
    assert.deepStrictEqual(await t.sessionToStart({ scheduleKey: KEY, sessionId: 'gone' }), { warning: 'Talk Capture: that session is no longer in the imported schedule.' });
    assert.deepStrictEqual(sessionTarget({ scheduleKey: KEY, sessionId: 'a' }), { scheduleKey: KEY, sessionId: 'a' });
    assert.strictEqual(sessionTarget({ scheduleKey: KEY }), undefined);
  });

  it('follows the heading through edits above it and finds it where its text moved', () => {
    // Two lines added above, then one removed; an edit below changes nothing.
    const changes = [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'a\nb\n' },
      { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
      { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'x\n' },
    ];
    assert.strictEqual(lineAfterChanges(6, changes), 7);
    const doc = new InMemoryDocument('file:///timer-1.md', NOTE);
    assert.strictEqual(headingLineIn(doc, { line: 6, heading: '### Tracing, Gently - Ana Lima' }), 6);
    assert.strictEqual(headingLineIn(doc, { line: 1, heading: '### Tracing, Gently - Ana Lima' }), 6);
    assert.strictEqual(headingLineIn(doc, { line: 6, heading: '### Gone' }), undefined);
  });

  it('Reveal Running Talk: the cursor at the end of the talk’s notes, or a warning', () => {
    const { t } = timer();
    const talk = t.start({ uri: 'file:///timer-2.md', title: 'Tracing', heading: '### Tracing, Gently - Ana Lima', line: 3 });
    assert.deepStrictEqual(t.reveal(new InMemoryDocument('file:///timer-2.md', NOTE), talk), { line: 6, cursor: { line: 9, character: 10 } });
    // The same with CRLF line breaks: the cursor at the end of the text, before the line break.
    assert.deepStrictEqual(t.reveal(new InMemoryDocument('file:///timer-4.md', NOTE.replace(/\n/g, '\r\n')), talk), { line: 6, cursor: { line: 9, character: 10 } });
    assert.deepStrictEqual(t.reveal(new InMemoryDocument('file:///timer-3.md', '# x\n'), talk), { warning: 'Talk Capture: the heading of “Tracing” is no longer in the note.' });
  });

  it('restores a saved talk only when it is one', () => {
    assert.deepStrictEqual(savedTalk({ title: 'T', startedAt: 5, uri: 'u' }), { title: 'T', startedAt: 5, uri: 'u', line: 0, heading: '' });
    assert.strictEqual(savedTalk({ title: 'T', uri: 'u' }), undefined);
    assert.strictEqual(savedTalk(undefined), undefined);
  });
});
