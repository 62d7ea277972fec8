import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  describeDiff,
  diffSchedules,
  findSessionByTitle,
  schedulePeople,
  speakerDifferences,
  formatSessionHeading,
  minutesLeft,
  nextSession,
  parseSchedule,
  scheduleFromJson,
  scheduleJson,
  sessionLinkLine,
  sessionsAt,
  sessionsNowOrSoon,
  sessionsOnDay,
  sessionTimeRange,
  summarizeSchedule,
  type Schedule,
  type Session,
} from '../../../../src/core/schedule';
import { splitTalkHeading } from '../../../../src/core/notes/talkHeading';

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'schedule');
const sched = (): Schedule => parseSchedule(fs.readFileSync(path.join(DIR, 'sched-democon.ics')), { source: 'sched-democon.ics', fallbackTimeZone: 'UTC' });
const titles = (list: Session[]) => list.map((s) => s.title);
const find = (s: Schedule, title: string) => s.sessions.find((x) => x.title === title)!;

describe('schedule: queries', () => {
  it('sessions running at an instant (breaks included), and none between sessions', () => {
    const s = sched();
    assert.deepStrictEqual(titles(sessionsAt(s.sessions, Date.parse('2099-03-26T11:20:00+01:00'))), [
      'Registration & Badge Pick-Up',
      'Kubernetes - The Hard Way',
      'Tracing, Gently',
      'Sponsored Demo: Widget Platform',
    ]);
    assert.deepStrictEqual(titles(sessionsAt(s.sessions, new Date('2099-03-26T11:20:00+01:00'), { includeBreaks: false })), [
      'Kubernetes - The Hard Way',
      'Tracing, Gently',
      'Sponsored Demo: Widget Platform',
    ]);
    // The end is not part of a session.
    assert.deepStrictEqual(titles(sessionsAt(s.sessions, Date.parse('2099-03-27T09:30:00+01:00'))), []);
    assert.deepStrictEqual(titles(sessionsAt(s.sessions, Date.parse('2099-03-27T09:29:59+01:00'))), [
      'Scaling Clusters Without Tears: A Very Long Title That Keeps Going and Going to Make the Summary Line Longer Than Seventy-Five Octets',
    ]);
  });

  it('now or within N minutes: no breaks, sorted by start then room', () => {
    const s = sched();
    const at = Date.parse('2099-03-26T11:50:00+01:00');
    assert.deepStrictEqual(titles(sessionsNowOrSoon(s.sessions, at, 10)), ['Tiny Controllers', 'Fix All The Docs']);
    assert.deepStrictEqual(titles(sessionsNowOrSoon(s.sessions, at, 5)), []);
    assert.deepStrictEqual(titles(sessionsNowOrSoon(s.sessions, Date.parse('2099-03-26T12:02:00+01:00'), 10)), ['Tiny Controllers', 'Fix All The Docs']);
    assert.deepStrictEqual(titles(sessionsNowOrSoon(s.sessions, Date.parse('2099-03-26T10:35:00+01:00'), 10)), []);
    assert.deepStrictEqual(titles(sessionsNowOrSoon(s.sessions, Date.parse('2099-03-26T10:35:00+01:00'), 10, { includeBreaks: true })), [
      'Registration & Badge Pick-Up',
      'Coffee Break',
    ]);
  });

  it('the next session after an instant, optionally among chosen ones', () => {
    const s = sched();
    assert.strictEqual(nextSession(s.sessions, Date.parse('2099-03-26T09:40:00+01:00'))?.title, 'Kubernetes - The Hard Way');
    assert.strictEqual(nextSession(s.sessions, Date.parse('2099-03-26T09:40:00+01:00'), { includeBreaks: true })?.title, 'Coffee Break');
    const starred = new Set([find(s, 'Tracing, Gently').id]);
    assert.strictEqual(nextSession(s.sessions, Date.parse('2099-03-26T09:40:00+01:00'), { accept: (x) => starred.has(x.id) })?.title, 'Tracing, Gently');
    assert.strictEqual(nextSession(s.sessions, Date.parse('2100-01-01T00:00:00Z')), undefined);
  });

  it('days, sessions of a day, time ranges, minutes left, summary', () => {
    const s = sched();
    assert.strictEqual(sessionsOnDay(s, '2099-03-27').length, 2);
    assert.strictEqual(sessionTimeRange(find(s, 'Tracing, Gently')), '11:15–11:45');
    assert.strictEqual(minutesLeft(find(s, 'Tracing, Gently'), Date.parse('2099-03-26T11:30:00+01:00')), 15);
    assert.strictEqual(minutesLeft(find(s, 'Tracing, Gently'), Date.parse('2099-03-26T12:30:00+01:00')), 0);
    assert.strictEqual(summarizeSchedule(s), '16 sessions over 4 days, Europe/Amsterdam');
  });

  it('diff by id: added, changed (with the fields), removed', () => {
    const before = sched();
    const after: Schedule = JSON.parse(JSON.stringify(before));
    const moved = after.sessions.find((x) => x.title === 'Tracing, Gently')!;
    moved.room = 'Hall 8 | Room F';
    // The same instant written with another offset is no change.
    const same = after.sessions.find((x) => x.title === 'Lunch')!;
    same.start = new Date(Date.parse(same.start)).toISOString();
    after.sessions = after.sessions.filter((x) => x.title !== 'Coffee Break');
    after.sessions.push({ ...moved, id: 'new-session', title: 'A New Talk' });
    const diff = diffSchedules(before, after);
    assert.deepStrictEqual(titles(diff.added), ['A New Talk']);
    assert.deepStrictEqual(titles(diff.removed), ['Coffee Break']);
    assert.deepStrictEqual(
      diff.changed.map((c) => [c.after.title, c.fields]),
      [['Tracing, Gently', ['room']]],
    );
    assert.strictEqual(diff.unchanged, before.sessions.length - 2);
    assert.strictEqual(describeDiff(diff), '1 added, 1 changed, 1 removed');
    assert.strictEqual(describeDiff(diffSchedules(before, sched())), 'no changes');
  });

  it('people for suggestions, sessions found by a heading title, speaker typos', () => {
    const s = sched();
    const people = schedulePeople(s);
    assert.ok(people.speakers.includes('Jo (JJ) Park') && people.speakers.includes('Ana DE LA CRUZ'));
    assert.strictEqual(new Set(people.speakers).size, people.speakers.length);
    assert.deepStrictEqual(people.companies.slice(0, 3), ['Acme', 'Acme Corp', 'Example Foundation']);
    assert.strictEqual(findSessionByTitle(s.sessions, 'tracing gently')?.id, find(s, 'Tracing, Gently').id);
    assert.strictEqual(findSessionByTitle(s.sessions, 'Keynote 2: Closing the loop')?.title, 'Closing the Loop');
    assert.strictEqual(findSessionByTitle(s.sessions, 'Lightning Talk: Tiny Controllers', '2099-03-26')?.title, 'Tiny Controllers');
    assert.strictEqual(findSessionByTitle(s.sessions, 'Lunch'), undefined);
    assert.strictEqual(findSessionByTitle(s.sessions, 'A talk that is not there'), undefined);
    assert.deepStrictEqual(speakerDifferences(find(s, 'Tracing, Gently'), ['ana lima', 'Bo Chn']), { unknown: ['Bo Chn'], missing: ['Bo Chen', 'Cy Diaz'] });
  });

  it('JSON form: exactly the documented keys, and read back', () => {
    const s = sched();
    const json = scheduleJson(s);
    assert.deepStrictEqual(Object.keys(json), ['source', 'format', 'title', 'timeZone', 'sessions']);
    assert.deepStrictEqual(Object.keys(json.sessions[0]), ['id', 'title', 'speakers', 'companies', 'byline', 'room', 'track', 'kind', 'start', 'end', 'url']);
    assert.deepStrictEqual(scheduleFromJson(JSON.parse(JSON.stringify(json))), s);
    assert.strictEqual(scheduleFromJson({ source: 'x' }), undefined);
    assert.strictEqual(scheduleFromJson({ source: 'x', format: 'ics', timeZone: 'UTC', sessions: [{ id: 1 }] }), undefined);
  });
});

describe('schedule: talk headings', () => {
  it("the default format gives today's heading, which the notes model reads back", () => {
    const s = sched();
    const one = formatSessionHeading(find(s, 'Kubernetes - The Hard Way'));
    assert.strictEqual(one, '### Kubernetes - The Hard Way - Jo (JJ) Park, Umbrella Labs');
    const two = formatSessionHeading(find(s, 'Fix All The Docs'));
    assert.strictEqual(two, '### ContribFest: Fix All The Docs - Bo van der Berg & Di Evans, Initech');
    const parts = splitTalkHeading(two.slice(4));
    assert.deepStrictEqual([parts.title, parts.speakers, parts.company, parts.kind], ['ContribFest: Fix All The Docs', ['Bo van der Berg', 'Di Evans'], 'Initech', 'ContribFest']);
  });

  it('several company groups are written grouped, and read back with every speaker', () => {
    const h = formatSessionHeading(sched().sessions.find((x) => x.title === 'Tracing, Gently')!);
    assert.strictEqual(h, '### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech');
    const parts = splitTalkHeading(h.slice(4));
    assert.deepStrictEqual(parts.speakers, ['Ana Lima', 'Bo Chen', 'Cy Diaz']);
    assert.strictEqual(parts.company, 'Acme, Initech');
  });

  it('kinds: a prefix unless the format has {kind}; keynotes may use the keynote format', () => {
    const s = sched();
    const tiny = find(s, 'Tiny Controllers');
    assert.strictEqual(formatSessionHeading(tiny), '### Lightning Talk: Tiny Controllers - Ana DE LA CRUZ, Hooli');
    assert.strictEqual(formatSessionHeading(tiny, '### {kind}: {title} ({speakers})'), '### Lightning Talk: Tiny Controllers (Ana DE LA CRUZ)');
    const keynote = find(s, 'Closing the Loop');
    assert.strictEqual(formatSessionHeading(keynote, undefined, { keynoteFormat: '### Keynote {n}: {title}', n: 3 }), '### Keynote 3: Closing the Loop');
    assert.strictEqual(formatSessionHeading(keynote), '### Keynote: Closing the Loop - Ivy Kim, Hooli');
  });

  it('{room}, {time}, {url}, {companies}; empty parts drop out with their separators', () => {
    const s = sched();
    const t = find(s, 'Kubernetes - The Hard Way');
    assert.strictEqual(
      formatSessionHeading(t, '### {time} {title} ({room}) - {speakers}, {companies} <{url}>'),
      '### 11:15 Kubernetes - The Hard Way (Hall 7 | Room A) - Jo (JJ) Park, Umbrella Labs <http://democon2099.sched.com/event/000000000000000000000000033b2606>',
    );
    assert.strictEqual(formatSessionHeading(t, '{title}', { includeTime: true }), '### 11:15 Kubernetes - The Hard Way');
    const ama = find(s, 'Ask Me Anything');
    assert.strictEqual(formatSessionHeading(ama), '### Ask Me Anything');
    // The template rule of src/core/capture: between two kept placeholders stands the separator after the first.
    assert.strictEqual(formatSessionHeading(ama, '### {title} - {speakers}, {company} @ {room}'), '### Ask Me Anything - Hall 7 | Room C');
  });

  it('a byline that could not be split is written as typed', () => {
    assert.strictEqual(formatSessionHeading(find(sched(), 'Project Lightning Round')), '### Project Lightning Round - Maintainers of 12 Projects, Various');
  });

  it('session links: the title as a link, or a line under the heading', () => {
    const t = find(sched(), 'Tracing, Gently');
    assert.strictEqual(formatSessionHeading(t, '### {title}', { linkTitle: true }), '### [Tracing, Gently](http://democon2099.sched.com/event/000000000000000000000000033b2605)');
    assert.strictEqual(sessionLinkLine(t), '[Session page](http://democon2099.sched.com/event/000000000000000000000000033b2605)');
    assert.strictEqual(sessionLinkLine({ ...t, url: null }), null);
  });
});
