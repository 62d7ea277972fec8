/**
 * The Schedule view's day at the size of a real conference: main-track slots, side sessions
 * folded under their time, a workshop that does not stretch its slot, "next" as the next main
 * slot; and the conference's name instead of a calendar id.
 */
import * as assert from 'assert';
import { conferenceName, daySlots, parseSchedule, sessionsOnDay, slotMarks, type Session } from '../../../../src/core/schedule';
import type { SessionKind } from '../../../../src/core/schedule/model';

const ZONE = '+01:00';
const at = (day: number, hhmm: string) => `2099-03-${String(23 + day).padStart(2, '0')}T${hhmm}:00${ZONE}`;
const plus = (iso: string, minutes: number) => {
  const t = new Date(Date.parse(iso) + minutes * 60000);
  const local = new Date(t.getTime() + 60 * 60000).toISOString();
  return `${local.slice(0, 19)}${ZONE}`;
};

let n = 0;
function session(start: string, minutes: number, room: string | null, kind: SessionKind = 'talk', title = `Session ${n}`): Session {
  n++;
  return { id: `s${n}`, title, speakers: kind === 'break' ? [] : ['Ana Lima'], companies: [], byline: null, room, track: null, kind, start, end: plus(start, minutes), url: null };
}

const MAIN_ROOMS = ['Hall 7 | Room A', 'Hall 7 | Room B', 'Hall 7 | Room C', 'Hall 8 | Room D', 'Hall 8 | Room E', 'Elicium 1', 'Elicium 2', 'Auditorium', 'G102', 'G103', 'G104'];
const TALK_STARTS = ['11:00', '11:45', '12:30', '14:00', '14:45', '15:30', '16:15', '17:00'];

/**
 * One invented day of a big conference (about 150 sessions): registration all day, six keynotes,
 * eleven breakout rooms with 30-minute talks (one 90-minute workshop), breaks, two sponsor
 * theatres with 15-minute demos every 20 minutes, a project pavilion of 10-minute lightning talks.
 */
function bigDay(day: number): Session[] {
  const list: Session[] = [session(at(day, '08:00'), 600, 'Hall 1 Foyer', 'break', 'Registration & Badge Pick-Up')];
  for (let k = 0; k < 6; k++) list.push(session(plus(at(day, '09:00'), k * 15), 15, 'Hall 12', 'keynote'));
  list.push(session(at(day, '10:30'), 30, 'Hall 12', 'break', 'Coffee Break'));
  list.push(session(at(day, '13:00'), 60, 'Hall 12', 'break', 'Lunch'));
  for (const start of TALK_STARTS) {
    for (const room of MAIN_ROOMS) {
      list.push(session(at(day, start), room === 'G104' && start === '14:00' ? 90 : 30, room, room === 'G104' && start === '14:00' ? 'workshop' : 'talk'));
    }
  }
  for (const theatre of ['Solutions Showcase Theater A', 'Solutions Showcase Theater B']) {
    for (let m = 0; m < 8 * 60; m += 20) list.push(session(plus(at(day, '10:00'), m), 15, theatre));
  }
  for (let m = 0; m < 5 * 60; m += 30) list.push(session(plus(at(day, '11:00'), m + 5), 10, 'Project Pavilion Stage 1', 'lightning'));
  return list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.room ?? '').localeCompare(b.room ?? ''));
}

describe('schedule: slots of a big day', () => {
  const days = [0, 1, 2, 3].map(bigDay);

  it('600 sessions over four days: a day has its keynote, break and talk slots only (not one per demo), each side session folded once', () => {
    assert.ok(days.flat().length >= 600, `${days.flat().length} sessions`);
    for (const day of days) {
      const slots = daySlots(day);
      const clocks = slots.map((s) => s.start.slice(11, 16));
      assert.deepStrictEqual(clocks, ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', ...TALK_STARTS.slice(0, 3), '13:00', ...TALK_STARTS.slice(3)]);
      const folded = slots.flatMap((s) => s.side);
      assert.strictEqual(folded.length + slots.flatMap((s) => s.main).length, day.length, 'every session once');
      assert.deepStrictEqual(
        [...new Set(folded.map((s) => s.room))].sort(),
        ['Hall 1 Foyer', 'Project Pavilion Stage 1', 'Solutions Showcase Theater A', 'Solutions Showcase Theater B'],
        'registration, the theatres and the pavilion are folded',
      );
      for (const slot of slots) for (const s of slot.side) assert.ok(slot.startMs <= Date.parse(s.start) || slot === slots[0], `${s.title} folded under the slot it falls in`);
    }
  });

  it('a side session goes under the slot running at its start; a long workshop does not stretch its slot', () => {
    const slots = daySlots(days[0]);
    const at1400 = slots.find((s) => s.start.slice(11, 16) === '14:00')!;
    assert.strictEqual(at1400.end.slice(11, 16), '14:30', 'the end most sessions share');
    assert.ok(at1400.main.some((s) => s.kind === 'workshop'));
    assert.deepStrictEqual(
      at1400.side.map((s) => `${s.start.slice(11, 16)} ${s.room}`),
      [
        '14:00 Solutions Showcase Theater A',
        '14:00 Solutions Showcase Theater B',
        '14:05 Project Pavilion Stage 1',
        '14:20 Solutions Showcase Theater A',
        '14:20 Solutions Showcase Theater B',
        '14:35 Project Pavilion Stage 1',
        '14:40 Solutions Showcase Theater A',
        '14:40 Solutions Showcase Theater B',
      ],
    );
    assert.strictEqual(slots[0].side[0].title, 'Registration & Badge Pick-Up', 'before every slot: under the first');
  });

  it('now is the main slot running, next the next main slot with a talk (not a demo in between, not a break)', () => {
    const slots = days.flatMap((d) => daySlots(d));
    const clock = (iso: string) => slotMarks(slots, Date.parse(iso));
    let m = clock(at(0, '11:35')); // between the 11:00 talks' end and 11:45; a demo starts at 11:40
    assert.deepStrictEqual(m.now, []);
    assert.strictEqual(m.next?.start, at(0, '11:45'));
    m = clock(at(0, '14:40')); // the workshop still runs: not a slot of its own
    assert.deepStrictEqual(m.now, []);
    assert.strictEqual(m.next?.start, at(0, '14:45'));
    m = clock(at(0, '12:50')); // lunch next, then the 14:00 talks
    assert.strictEqual(m.next?.start, at(0, '14:00'));
    m = clock(at(0, '12:40'));
    assert.deepStrictEqual(
      m.now.map((s) => s.start),
      [at(0, '12:30')],
    );
    m = clock(at(0, '18:00'));
    assert.strictEqual(m.next?.start, at(1, '09:00'), 'the next day’s first keynote');
  });

  it('a day of side rooms only (or a filter on one) keeps its sessions as slots', () => {
    const theatre = days[0].filter((s) => s.room === 'Solutions Showcase Theater A');
    const slots = daySlots(theatre);
    assert.strictEqual(slots.length, theatre.length);
    assert.ok(slots.every((s) => s.side.length === 0));
    assert.deepStrictEqual(daySlots([]), []);
  });
});

describe('schedule: the conference’s name', () => {
  const ics = (head: string) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      head,
      'X-WR-TIMEZONE:UTC',
      'BEGIN:VEVENT',
      'DTSTART:20990326T081500Z',
      'DTEND:20990326T083500Z',
      'SUMMARY:Tracing\\, Gently - Ana Lima\\, Acme',
      'LOCATION:Hall 7\\, Amsterdam\\, Netherlands',
      'UID:x1',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');

  it('a Sched file whose calendar name is its id: the name from its product line', () => {
    const s = parseSchedule(ics('PRODID:-//Sched.com DemoCon Europe 2099//EN\r\nX-WR-CALNAME:dmcneu2099'), { source: 'https://dmcneu2099.sched.com/all.ics' });
    assert.strictEqual(s.title, 'DemoCon Europe 2099');
    assert.strictEqual(conferenceName(s), 'DemoCon Europe 2099');
  });

  it('a calendar name that is a name wins; an id alone, or only a source, is made readable', () => {
    assert.strictEqual(parseSchedule(ics('PRODID:-//Sched.com DemoCon Europe 2099//EN\r\nX-WR-CALNAME:DemoCon EU'), {}).title, 'DemoCon EU');
    assert.strictEqual(conferenceName({ title: 'dmcneu2099', source: 'x.ics' }), 'DMCNEU 2099');
    assert.strictEqual(conferenceName({ title: null, source: 'schedule/democon-europe_2099.ics' }), 'Democon Europe 2099');
    assert.strictEqual(conferenceName({ title: null, source: 'https://dmcneu2099.sched.com/all.ics' }), 'DMCNEU 2099');
    assert.strictEqual(conferenceName({ title: null, source: 'https://pretalx.example.org/democon-2099/schedule/export/schedule.json' }), 'Democon 2099');
    assert.strictEqual(conferenceName({ title: 'PyCon', source: '' }), 'PyCon');
    assert.strictEqual(conferenceName({ title: null, source: '' }), null);
  });

  it('sessionsOnDay still gives a day in schedule order (what the slots are made from)', () => {
    const s = parseSchedule(ics('PRODID:-//Example//EN'), { source: 'a.ics' });
    assert.strictEqual(daySlots(sessionsOnDay(s, '2099-03-26')).length, 1);
  });
});
