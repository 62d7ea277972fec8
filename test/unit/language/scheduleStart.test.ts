import * as assert from 'assert';
import { applyEdits, InMemoryDocument } from '../../../src/core/document';
import { SessionInserter, sessionOffer, sessionsToOffer } from '../../../src/language/scheduleStart';
import { democonSchedule } from '../../support/noteCommands';
import { MemoryCaptureServices } from '../../support/capture';

const NOTE = '---\ntitle: "DemoCon"\ndate: 2099-03-26\nschedule: sched-democon.ics\n---\n\n## Day01\n\n### Keynote 1: Welcome Back\n\n- hello\n';
const at = (iso: string) => Date.parse(iso);
let notes = 0;

describe('language/scheduleStart: Start Talk Now with a schedule, built with in-memory services', () => {
  it('offers the sessions running now or starting within 10 minutes, starred first, then by room, never a break', () => {
    const schedule = democonSchedule();
    const titles = (stars: Set<string>) => sessionsToOffer(schedule, at('2099-03-26T10:08:00Z'), stars).map((s) => s.title);
    assert.deepStrictEqual(titles(new Set()), ['Kubernetes - The Hard Way', 'Tracing, Gently', 'Sponsored Demo: Widget Platform']);
    assert.deepStrictEqual(titles(new Set(['000000000000000000000000033b2607'])), ['Sponsored Demo: Widget Platform', 'Kubernetes - The Hard Way', 'Tracing, Gently']);
    // 10:40 in Amsterdam: only the coffee break runs.
    assert.deepStrictEqual(sessionsToOffer(schedule, at('2099-03-26T09:40:00Z'), new Set()), []);
  });

  it('the pick’s rows: a star on the starred, the room and time, then Other talk…', () => {
    const offer = sessionOffer('sched-democon.ics', democonSchedule(), at('2099-03-26T10:15:00Z'), new Set(['000000000000000000000000033b2605']));
    assert.strictEqual(offer.kind, 'pick');
    if (offer.kind !== 'pick') return;
    assert.deepStrictEqual(
      offer.rows.map((r) => r.label),
      ['$(star-full) Tracing, Gently', 'Kubernetes - The Hard Way', 'Sponsored Demo: Widget Platform', '$(edit) Other talk…'],
    );
    assert.ok(offer.rows[0].description.includes('Hall 7 | Room B'), offer.rows[0].description);
    assert.ok(offer.rows[0].detail?.includes('11:15'), offer.rows[0].detail);
    assert.strictEqual(offer.rows[3].session, undefined);
    assert.strictEqual(offer.rows[3].alwaysShow, true);
  });

  it('says why there is no pick: not imported, or nothing now', () => {
    assert.deepStrictEqual(sessionOffer('x.ics', undefined, 0, new Set()), {
      kind: 'none',
      status: 'Talk Capture: the schedule x.ics is not imported yet (Import Conference Schedule…)',
    });
    assert.deepStrictEqual(sessionOffer('x.ics', democonSchedule(), at('2099-03-27T23:00:00Z'), new Set()), {
      kind: 'none',
      status: 'Talk Capture: no session of the schedule runs now or starts within 10 minutes',
    });
  });

  it('writes the session’s heading and page under its day, creating the day when missing', () => {
    const services = new MemoryCaptureServices();
    const schedule = democonSchedule();
    const tracing = schedule.sessions.find((s) => s.id === '000000000000000000000000033b2605')!;
    const doc = new InMemoryDocument(`file:///start-${++notes}.md`, NOTE);
    const placed = new SessionInserter(services).insertion(doc, schedule, tracing, 11);
    const after = applyEdits(NOTE, [placed.edit]);
    const lines = after.split('\n');
    assert.strictEqual(placed.heading, '### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech');
    assert.strictEqual(lines[placed.headingLine], placed.heading);
    assert.ok(after.startsWith(NOTE.replace(/\n$/, '') + '\n\n### Tracing, Gently'), after);
    // The second day's session: its day is written first.
    const later = schedule.sessions.find((s) => s.start.startsWith('2099-03-27'))!;
    const next = new SessionInserter(services).insertion(doc, schedule, later, 11);
    assert.strictEqual(next.dayHeading, '## Day02');
    assert.ok(applyEdits(NOTE, [next.edit]).includes(`\n## Day02\n\n${next.heading}\n`));
  });

  it('follows the time and link settings', () => {
    const services = new MemoryCaptureServices();
    const schedule = democonSchedule();
    const tracing = schedule.sessions.find((s) => s.id === '000000000000000000000000033b2605')!;
    const doc = new InMemoryDocument(`file:///start-${++notes}.md`, NOTE);
    services.timeFirst = true;
    services.sessionLink = 'none';
    const placed = new SessionInserter(services).insertion(doc, schedule, tracing, 11);
    assert.strictEqual(placed.heading, '### 11:15 Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech');
    assert.strictEqual(placed.linkLine, undefined);
  });
});
