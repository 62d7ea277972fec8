import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  formatInstant,
  localClock,
  localDate,
  localToInstant,
  normalizeTimeZone,
  offsetMinutes,
  parseSchedule,
  scheduleDays,
  sessionDay,
  withTimeZone,
  zoneFromLocation,
} from '../../../../src/core/schedule';

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'schedule');

describe('schedule: time zones and DST', () => {
  it('writes instants with the zone offset in force at that instant', () => {
    assert.strictEqual(formatInstant(Date.UTC(2026, 2, 24, 8, 15), 'Europe/Amsterdam'), '2026-03-24T09:15:00+01:00');
    assert.strictEqual(formatInstant(Date.UTC(2026, 2, 30, 7, 15), 'Europe/Amsterdam'), '2026-03-30T09:15:00+02:00');
    assert.strictEqual(formatInstant(Date.UTC(2026, 10, 10, 17, 0), 'America/Los_Angeles'), '2026-11-10T09:00:00-08:00');
    assert.strictEqual(formatInstant(Date.UTC(2026, 0, 1, 0, 0), 'Asia/Kathmandu'), '2026-01-01T05:45:00+05:45');
    assert.strictEqual(formatInstant(Date.UTC(2026, 0, 1, 0, 0), 'UTC'), '2026-01-01T00:00:00+00:00');
  });

  it('the last Sunday of March: offsets on both sides of 01:00Z', () => {
    assert.strictEqual(offsetMinutes(Date.UTC(2099, 2, 29, 0, 59), 'Europe/Amsterdam'), 60);
    assert.strictEqual(offsetMinutes(Date.UTC(2099, 2, 29, 1, 0), 'Europe/Amsterdam'), 120);
    assert.strictEqual(formatInstant(Date.UTC(2099, 2, 29, 0, 30), 'Europe/Amsterdam'), '2099-03-29T01:30:00+01:00');
    assert.strictEqual(formatInstant(Date.UTC(2099, 2, 29, 1, 30), 'Europe/Amsterdam'), '2099-03-29T03:30:00+02:00');
  });

  it('local wall-clock times to instants, also in the skipped and the repeated hour', () => {
    const at = (y: number, mo: number, d: number, h: number, mi: number, zone: string) =>
      formatInstant(localToInstant({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, zone), zone);
    assert.strictEqual(at(2099, 3, 29, 1, 30, 'Europe/Amsterdam'), '2099-03-29T01:30:00+01:00');
    assert.strictEqual(at(2099, 3, 29, 3, 30, 'Europe/Amsterdam'), '2099-03-29T03:30:00+02:00');
    // 02:30 does not exist that night: read with the offset before the change, as clocks then show it.
    assert.strictEqual(at(2099, 3, 29, 2, 30, 'Europe/Amsterdam'), '2099-03-29T03:30:00+02:00');
    // 02:30 happens twice on the last Sunday of October: the first one.
    assert.strictEqual(at(2099, 10, 25, 2, 30, 'Europe/Amsterdam'), '2099-10-25T02:30:00+02:00');
    assert.strictEqual(at(2026, 3, 8, 9, 0, 'America/New_York'), '2026-03-08T09:00:00-04:00');
    assert.strictEqual(at(2026, 3, 7, 9, 0, 'America/New_York'), '2026-03-07T09:00:00-05:00');
  });

  it('the Sched fixture: a session across the clock change, and days after it in summer time', () => {
    const s = parseSchedule(fs.readFileSync(path.join(DIR, 'sched-democon.ics')), { fallbackTimeZone: 'UTC' });
    const night = s.sessions.find((x) => x.title.startsWith('Night Owls'))!;
    assert.strictEqual(night.start, '2099-03-29T01:30:00+01:00');
    assert.strictEqual(night.end, '2099-03-29T03:30:00+02:00');
    assert.strictEqual(Date.parse(night.end) - Date.parse(night.start), 3600000);
    assert.strictEqual(s.sessions.find((x) => x.title === 'Closing the Loop')!.start, '2099-03-30T09:15:00+02:00');
    assert.deepStrictEqual(scheduleDays(s), ['2099-03-26', '2099-03-27', '2099-03-29', '2099-03-30']);
  });

  it('days are the conference-local dates, not UTC dates', () => {
    assert.strictEqual(localDate(Date.UTC(2026, 10, 11, 1, 30), 'America/Chicago'), '2026-11-10');
    assert.strictEqual(localDate('2026-11-11T01:30:00Z', 'Asia/Tokyo'), '2026-11-11');
    assert.strictEqual(localClock('2026-11-11T01:30:00Z', 'Asia/Tokyo'), '10:30');
    const s = parseSchedule(
      'BEGIN:VCALENDAR\r\nPRODID:-//Sched.com X//EN\r\nX-WR-TIMEZONE:UTC\r\nBEGIN:VEVENT\r\nUID:late\r\nDTSTART:20991111T013000Z\r\nDTEND:20991111T020000Z\r\nSUMMARY:Late Party\r\nLOCATION:Rooftop\\, Chicago\\, United States\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      { fallbackTimeZone: 'UTC' },
    );
    assert.strictEqual(s.timeZone, 'America/Chicago');
    assert.strictEqual(sessionDay(s.sessions[0]), '2099-11-10');
    assert.deepStrictEqual(scheduleDays(s), ['2099-11-10']);
    assert.strictEqual(sessionDay(s.sessions[0], 'Asia/Tokyo'), '2099-11-11');
  });

  it('the zone of a location: a city or a one-zone country; nothing when unsure', () => {
    assert.strictEqual(zoneFromLocation('Hall 7 | Room B, Amsterdam, Netherlands'), 'Europe/Amsterdam');
    assert.strictEqual(zoneFromLocation('Hall 7, RAI, The Netherlands'), 'Europe/Amsterdam');
    assert.strictEqual(zoneFromLocation('Salle A, Paris, France'), 'Europe/Paris');
    assert.strictEqual(zoneFromLocation('Messe, Hamburg, Germany'), 'Europe/Berlin');
    assert.strictEqual(zoneFromLocation('Room 1, Somewhere, Japan'), 'Asia/Tokyo');
    assert.strictEqual(zoneFromLocation('Ballroom A, Example City, United States'), undefined);
    assert.strictEqual(zoneFromLocation('Room B'), undefined);
    assert.strictEqual(zoneFromLocation(''), undefined);
  });

  it('the conference zone: from the file, else the location, else the fallback; the override wins', () => {
    const us = fs.readFileSync(path.join(DIR, 'sched-us.ics'));
    assert.strictEqual(parseSchedule(us, { fallbackTimeZone: 'America/Denver' }).timeZone, 'America/Denver');
    assert.strictEqual(parseSchedule(us, { fallbackTimeZone: 'America/Denver' }).sessions[0].start, '2099-11-10T10:00:00-07:00');
    const sched = fs.readFileSync(path.join(DIR, 'sched-democon.ics'));
    assert.strictEqual(parseSchedule(sched, { fallbackTimeZone: 'America/Denver' }).timeZone, 'Europe/Amsterdam');
    const over = parseSchedule(sched, { timeZone: 'Asia/Tokyo' });
    assert.strictEqual(over.timeZone, 'Asia/Tokyo');
    assert.strictEqual(over.sessions.find((x) => x.title === 'Tracing, Gently')!.start, '2099-03-26T19:15:00+09:00');
  });

  it('zone names as files write them', () => {
    assert.strictEqual(normalizeTimeZone('Europe-Brussels'), 'Europe/Brussels');
    assert.strictEqual(normalizeTimeZone('"Europe/Brussels"'), 'Europe/Brussels');
    assert.strictEqual(normalizeTimeZone('W. Europe Standard Time'), undefined);
  });

  it('withTimeZone rewrites the times of a schedule, keeping the instants', () => {
    const s = parseSchedule(fs.readFileSync(path.join(DIR, 'pretalx-democon.json')));
    const ny = withTimeZone(s, 'America/New_York');
    assert.strictEqual(ny.timeZone, 'America/New_York');
    assert.deepStrictEqual(
      ny.sessions.map((x) => Date.parse(x.start)),
      s.sessions.map((x) => Date.parse(x.start)),
    );
    assert.strictEqual(ny.sessions[0].start, '2099-09-15T04:00:00-04:00');
  });
});
