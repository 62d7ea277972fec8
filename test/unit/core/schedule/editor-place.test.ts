import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseSchedule, scheduleDays, type Schedule } from '../../../../src/core/schedule';
import { speakerHints } from '../../../../src/core/schedule/editor-check';
import { dayTitleFor, insertDatedDayHeading, noteDayDate, placeSession, scheduleNextDay, scheduleSourceOf, setScheduleSource } from '../../../../src/core/schedule/editor-place';
import { parseNotes } from '../../../../src/core/notes/parse';
import { applyEdits } from '../../../../src/core/document';
import { openFrontMatter } from '../../../../src/core/frontmatter/fields';

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'schedule');
const sched = (): Schedule => parseSchedule(fs.readFileSync(path.join(DIR, 'sched-democon.ics')), { source: 'sched-democon.ics' });
const byTitle = (s: Schedule, t: string) => s.sessions.find((x) => x.title === t)!;

function place(text: string, title: string, options: Partial<Parameters<typeof placeSession>[3]> = {}) {
  const s = sched();
  const model = parseNotes(text);
  const p = placeSession(text, model, byTitle(s, title), { scheduleDays: scheduleDays(s), ...options });
  return { p, after: applyEdits(text, [p.edit]) };
}

describe('schedule in the editor: front matter key', () => {
  it('adds `schedule` at the end of YAML front matter, keeping the rest', () => {
    const text = '---\ntitle: "DemoCon"  # the post\ntags: [a]\n---\n\nbody\n';
    const r = setScheduleSource(text, 'schedules/democon.ics');
    assert.ok(r.ok);
    const after = applyEdits(text, r.edits);
    assert.strictEqual(after, '---\ntitle: "DemoCon"  # the post\ntags: [a]\nschedule: schedules/democon.ics\n---\n\nbody\n');
    assert.strictEqual(scheduleSourceOf(openFrontMatter(after)), 'schedules/democon.ics');
  });

  it('replaces an existing value keeping its quotes; TOML too; no edit when unchanged', () => {
    const yaml = "---\nschedule: 'old.ics'\ntitle: x\n---\n";
    const r = setScheduleSource(yaml, 'https://democon2099.sched.com/all.ics');
    assert.ok(r.ok);
    assert.strictEqual(applyEdits(yaml, r.edits), "---\nschedule: 'https://democon2099.sched.com/all.ics'\ntitle: x\n---\n");
    const toml = '+++\ntitle = "x"\n+++\n';
    const t = setScheduleSource(toml, 'a b.ics');
    assert.ok(t.ok);
    assert.strictEqual(applyEdits(toml, t.edits), '+++\ntitle = "x"\nschedule = "a b.ics"\n+++\n');
    const same = setScheduleSource("---\nschedule: 'old.ics'\n---\n", 'old.ics');
    assert.ok(same.ok && !same.changed && same.edits.length === 0);
  });

  it('refuses broken front matter with its line', () => {
    const r = setScheduleSource('---\ntitle: [unclosed\n---\n', 'x.ics');
    assert.ok(!r.ok);
    assert.match(r.message, /line \d/);
    assert.strictEqual(setScheduleSource('no front matter\n', 'x').ok, false);
  });
});

describe('schedule in the editor: days and placement', () => {
  it('reads a note day’s date from its title, its number or its weekday', () => {
    const ctx = { scheduleDays: ['2099-03-26', '2099-03-27', '2099-03-29'] };
    assert.strictEqual(noteDayDate({ title: 'Day 2 (2099-03-27)' }, ctx), '2099-03-27');
    assert.strictEqual(noteDayDate({ title: 'Day02' }, ctx), '2099-03-27');
    assert.strictEqual(noteDayDate({ title: 'Day two' }, { ...ctx, startDate: '2099-03-25' }), '2099-03-26');
    assert.strictEqual(noteDayDate({ title: 'Sunday' }, ctx), '2099-03-29');
    assert.strictEqual(noteDayDate({ title: 'Hallway track' }, ctx), undefined);
  });

  it('writes a new day title in the note’s style', () => {
    const ctx = { scheduleDays: ['2099-03-26', '2099-03-27', '2099-03-29'], startDate: '2099-03-26' };
    assert.strictEqual(dayTitleFor('2099-03-27', 'Day01', ctx), 'Day02');
    assert.strictEqual(dayTitleFor('2099-03-29', 'Day 1 (2099-03-26)', ctx), 'Day 4 (2099-03-29)');
    assert.strictEqual(dayTitleFor('2099-03-27', 'Day one', ctx), 'Day two');
    assert.strictEqual(dayTitleFor('2099-03-27', '2099-03-26', ctx), '2099-03-27');
    assert.strictEqual(dayTitleFor('2099-03-27', 'Thursday', ctx), 'Friday');
    assert.strictEqual(dayTitleFor('2099-03-27', undefined, ctx, true), 'Day02 (2099-03-27)');
  });

  it('puts the full heading and the session page under the session’s day, the cursor after a blank line (prose there would join the link’s paragraph)', () => {
    const text = '---\ntitle: x\ndate: 2099-03-26\n---\n\n## Day01\n\n### Earlier - Ana Lima\n\n- note\n\n## Day02\n\n### Next day\n';
    const { p, after } = place(text, 'Tracing, Gently');
    assert.strictEqual(p.heading, '### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech');
    assert.strictEqual(
      after,
      '---\ntitle: x\ndate: 2099-03-26\n---\n\n## Day01\n\n### Earlier - Ana Lima\n\n- note\n\n### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech\n\n[Session page](http://democon2099.sched.com/event/000000000000000000000000033b2605)\n\n\n\n## Day02\n\n### Next day\n',
    );
    assert.strictEqual(after.split('\n')[p.headingLine], p.heading);
    assert.deepStrictEqual(p.cursor, { line: 15, character: 0 });
    assert.strictEqual(after.split('\n')[p.cursor.line - 1], '', 'a blank line between the session page and the notes');
    assert.strictEqual(after.split('\n')[p.cursor.line], '');
  });

  it('creates the missing day in date order and in the note’s style; keynotes numbered from 1', () => {
    const text = '## Day01\n\n### A\n\n## Day05 (2099-03-31)\n\n### B\n';
    const { p, after } = place(text, 'Closing the Loop', { keynoteFormat: '### Keynote {n}: {title} - {speakers}, {company}', sessionLink: 'none' });
    // 2099-03-30 is the schedule's 4th day (no start date in the note): Day04, before Day05 (dated later).
    assert.strictEqual(p.dayHeading, '## Day04');
    assert.strictEqual(after, '## Day01\n\n### A\n\n## Day04\n\n### Keynote 1: Closing the Loop - Ivy Kim, Hooli\n\n\n## Day05 (2099-03-31)\n\n### B\n');
    assert.strictEqual(after.split('\n')[p.headingLine], p.heading);
  });

  it('links the title instead of a line with sessionLink=title; keeps CRLF', () => {
    const text = '## Day01\r\n\r\n### A\r\n';
    const { after } = place(text, 'Kubernetes - The Hard Way', { sessionLink: 'title' });
    assert.strictEqual(
      after,
      '## Day01\r\n\r\n### A\r\n\r\n### [Kubernetes - The Hard Way](http://democon2099.sched.com/event/000000000000000000000000033b2606) - Jo (JJ) Park, Umbrella Labs\r\n',
    );
  });

  it('adds a first day to a note without days', () => {
    const text = '---\ntitle: x\n---\n\nIntro.\n';
    const { after } = place(text, 'Kubernetes - The Hard Way', { sessionLink: 'none', talkFormat: '### {time} {title} ({room})' });
    assert.strictEqual(after, '---\ntitle: x\n---\n\nIntro.\n\n## Day01\n\n### 11:15 Kubernetes - The Hard Way (Hall 7 | Room A)\n');
  });
});

describe('schedule in the editor: speaker typos for the publish check', () => {
  it('hints at a name that nearly matches the session’s speaker, with its column', () => {
    const text = '---\ndate: 2099-03-26\n---\n\n## Day01\n\n### Tracing, Gently - Ana Lma & Bo Chen, Acme\n\n- x\n\n### Kubernetes - The Hard Way - Someone Else\n';
    const hints = speakerHints(text.split('\n'), parseNotes(text), sched(), { startDate: '2099-03-26' });
    assert.deepStrictEqual(
      hints.map((h) => [h.line, h.column, h.endColumn, h.suggestion]),
      [[7, 23, 30, 'Ana Lima']],
      'a typo is hinted; a different name altogether is not',
    );
    assert.match(hints[0].message, /“Ana Lma” is not a speaker of “Tracing, Gently” in the schedule: did you mean Ana Lima\?/);
  });
});

describe('schedule in the editor: Insert Day Heading with the schedule’s next day', () => {
  it('skips the days without sessions and keeps the note’s numbering', () => {
    const s = sched();
    const text = '---\ndate: 2099-03-26\n---\n\n## Day01 (2099-03-26)\n\n### A\n\n## Day02 (2099-03-27)\n\n### B\n';
    const model = parseNotes(text);
    const next = scheduleNextDay(model, { scheduleDays: scheduleDays(s), startDate: '2099-03-26' });
    assert.strictEqual(next, '2099-03-29', 'the 28th has no session');
    assert.strictEqual(applyEdits(text, [insertDatedDayHeading(text, model, next!).edit]), `${text}\n## Day03 (2099-03-29)\n`);
    assert.strictEqual(scheduleNextDay(parseNotes('## Day 4 (2099-03-30)\n'), { scheduleDays: scheduleDays(s) }), undefined, 'after the last day: none');
    assert.strictEqual(scheduleNextDay(parseNotes('Intro\n'), { scheduleDays: scheduleDays(s) }), '2099-03-26', 'no day yet: the first');
  });
});
