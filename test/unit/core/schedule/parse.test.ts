import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateSchedIcs } from '../../../fixtures/schedule/generate-sched';
import { detectScheduleFormat, parseSchedule, ScheduleError, type Schedule, type Session } from '../../../../src/core/schedule';

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'schedule');
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');
const load = (f: string, options: Parameters<typeof parseSchedule>[1] = {}) =>
  parseSchedule(fs.readFileSync(path.join(DIR, f)), { source: f, fallbackTimeZone: 'Asia/Tokyo', ...options });
const byTitle = (s: Schedule, title: string): Session => {
  const found = s.sessions.find((x) => x.title === title);
  assert.ok(found, `no session titled ${title}: ${s.sessions.map((x) => x.title).join(' | ')}`);
  return found;
};
const throwsSchedule = (fn: () => unknown, re: RegExp) => assert.throws(fn, (err: unknown) => err instanceof ScheduleError && re.test(err.message) && !err.message.includes('\n'));

describe('schedule: formats and readers', () => {
  it('detects each format from the content, not the file name', () => {
    assert.strictEqual(detectScheduleFormat(read('sched-democon.ics')), 'sched-ics');
    assert.strictEqual(detectScheduleFormat(read('pretalx-democon.ics')), 'ics');
    assert.strictEqual(detectScheduleFormat(read('fosdem-style.ics')), 'ics');
    assert.strictEqual(detectScheduleFormat(read('pretalx-democon.json')), 'pretalx-json');
    assert.strictEqual(detectScheduleFormat(read('pretalx-democon.xml')), 'pretalx-xml');
    assert.strictEqual(detectScheduleFormat(read('sessionize-all.json')), 'sessionize-json');
    assert.strictEqual(detectScheduleFormat(read('not-a-schedule.json')), undefined);
    assert.strictEqual(detectScheduleFormat(read('web-page.html')), undefined);
    assert.strictEqual(detectScheduleFormat('\ufeff' + read('pretalx-democon.xml')), 'pretalx-xml');
  });

  it('Sched: title, speakers, companies, room, track, kind, UTC times in the conference zone, URL', () => {
    const s = load('sched-democon.ics');
    assert.strictEqual(s.format, 'sched-ics');
    assert.strictEqual(s.title, 'DemoCon Europe 2099');
    assert.strictEqual(s.timeZone, 'Europe/Amsterdam');
    assert.strictEqual(s.source, 'sched-democon.ics');
    assert.strictEqual(s.sessions.length, 19);
    assert.deepStrictEqual(byTitle(s, 'Tracing, Gently'), {
      id: '000000000000000000000000033b2605',
      title: 'Tracing, Gently',
      speakers: ['Ana Lima', 'Bo Chen', 'Cy Diaz'],
      companies: ['Acme', 'Initech'],
      byline: 'Ana Lima & Bo Chen, Acme; Cy Diaz, Initech',
      room: 'Hall 7 | Room B',
      track: 'OBSERVABILITY',
      kind: 'talk',
      start: '2099-03-26T11:15:00+01:00',
      end: '2099-03-26T11:45:00+01:00',
      url: 'http://democon2099.sched.com/event/000000000000000000000000033b2605',
    });
  });

  it('Sched: kinds from categories and prefixes; breaks and registration are breaks', () => {
    const s = load('sched-democon.ics');
    const kinds = Object.fromEntries(s.sessions.map((x) => [x.title, x.kind]));
    assert.strictEqual(kinds['Registration & Badge Pick-Up'], 'break');
    assert.strictEqual(kinds['Coffee Break'], 'break');
    assert.strictEqual(kinds['Lunch'], 'break');
    assert.strictEqual(kinds['Welcome Back'], 'keynote');
    assert.strictEqual(kinds['Building Bridges'], 'keynote');
    assert.strictEqual(kinds['Tiny Controllers'], 'lightning');
    assert.strictEqual(kinds['Fix All The Docs'], 'contribfest');
    assert.strictEqual(kinds['Hands-on eBPF & You'], 'workshop');
    assert.strictEqual(kinds['Who Maintains the Maintainers?'], 'panel');
    assert.strictEqual(kinds['Sponsored Demo: Widget Platform'], 'other');
    assert.strictEqual(kinds['After Hours Social - Off-site'], 'other');
    assert.strictEqual(kinds['Kubernetes - The Hard Way'], 'talk');
    assert.strictEqual(byTitle(s, 'Tiny Controllers').track, 'LIGHTNING TALKS');
    assert.strictEqual(byTitle(s, 'Fix All The Docs').track, 'CONTRIBFEST');
  });

  it('Sched: escaped commas, HTML entities, folded and very long lines', () => {
    const text = read('sched-democon.ics');
    assert.ok(text.includes('\r\n'), 'fixture has CRLF');
    assert.ok(
      text.split('\r\n').some((l) => l.length > 2000),
      'fixture has a long unfolded line',
    );
    assert.ok(/\r\n [^\r\n]/.test(text), 'fixture has folded lines');
    const s = load('sched-democon.ics');
    assert.ok(byTitle(s, 'Café Chat: Rust & Go in the Control Plane'));
    assert.ok(byTitle(s, 'Scaling Clusters Without Tears: A Very Long Title That Keeps Going and Going to Make the Summary Line Longer Than Seventy-Five Octets'));
    assert.deepStrictEqual(byTitle(s, 'Who Maintains the Maintainers?').speakers, ['Ana Lima', 'Bo Chen', 'Cy Diaz', 'Di Evans']);
    assert.deepStrictEqual(byTitle(s, 'Welcome Back').speakers, ['Jane Doe', 'John Roe']);
    assert.strictEqual(byTitle(s, 'Project Lightning Round').byline, 'Maintainers of 12 Projects, Various');
    assert.deepStrictEqual(byTitle(s, 'Project Lightning Round').speakers, []);
    // An off-site address keeps its street; the city and country go.
    assert.strictEqual(byTitle(s, 'After Hours Social - Off-site').room, 'Example Brewery, Keizersgracht 1');
    assert.strictEqual(byTitle(s, 'After Hours Social - Off-site').url, null);
  });

  it('sessions are sorted by start, then room', () => {
    const s = load('sched-democon.ics');
    const at1115 = s.sessions.filter((x) => x.start === '2099-03-26T11:15:00+01:00').map((x) => x.room);
    assert.deepStrictEqual(at1115, ['Hall 7 | Room A', 'Hall 7 | Room B', 'Solutions Showcase Theater']);
    for (let i = 1; i < s.sessions.length; i++) assert.ok(Date.parse(s.sessions[i - 1].start) <= Date.parse(s.sessions[i].start));
  });

  it('pretalx .ics: VTIMEZONE and TZID, names-only bylines, the zone from the file', () => {
    const s = load('pretalx-democon.ics');
    assert.strictEqual(s.format, 'ics');
    assert.strictEqual(s.title, 'DemoCon 2099');
    assert.strictEqual(s.timeZone, 'Europe/Berlin');
    const rust = byTitle(s, 'Rust in the Kernel, Carefully');
    assert.deepStrictEqual(rust.speakers, ['Bo Chen', 'Cy Diaz']);
    assert.deepStrictEqual(rust.companies, []);
    assert.strictEqual(rust.room, 'Room 2');
    assert.strictEqual(rust.id, 'pretalx-democon-2099-EF34GH@pretalx.example.org');
    assert.strictEqual(rust.start, '2099-09-15T11:00:00+02:00');
    assert.strictEqual(byTitle(s, 'After the Clock Change').start, '2099-10-27T10:00:00+01:00');
    assert.strictEqual(byTitle(s, 'Packaging for Everyone').kind, 'workshop');
  });

  it('FOSDEM-style .ics: floating times in X-WR-TIMEZONE, ATTENDEE speakers, one-slash URLs repaired', () => {
    const s = load('fosdem-style.ics');
    assert.strictEqual(s.timeZone, 'Europe/Brussels');
    assert.strictEqual(s.title, 'DemoFest 2099');
    const mail = byTitle(s, 'Mail Servers Are Fine');
    assert.deepStrictEqual(mail.speakers, ['Fay Gray', 'Gus Hale']);
    assert.strictEqual(mail.start, '2099-02-01T11:00:00+01:00');
    assert.strictEqual(mail.track, 'Mail');
    assert.strictEqual(mail.room, 'H.1308');
    assert.strictEqual(mail.url, 'https://fosdem.example.org/2099/schedule/event/1002/');
    assert.strictEqual(byTitle(s, 'Late Lightning Round').kind, 'lightning');
    assert.strictEqual(byTitle(s, 'Late Lightning Round').end, '2099-02-03T00:00:00+01:00');
    assert.strictEqual(byTitle(s, 'Twenty Years of Demos').kind, 'keynote');
    // The file says where its clock is: an override changes how the times are shown, not when they are.
    const london = load('fosdem-style.ics', { timeZone: 'Europe/London' });
    assert.strictEqual(london.timeZone, 'Europe/London');
    assert.strictEqual(byTitle(london, 'Mail Servers Are Fine').start, '2099-02-01T10:00:00+00:00');
  });

  it('floating times in a file that names no zone are read in the override, else the fallback zone', () => {
    const text =
      'BEGIN:VCALENDAR\r\nPRODID:-//Example//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20990701T090000\r\nDTEND:20990701T093000\r\nSUMMARY:Floating\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    assert.strictEqual(parseSchedule(text, { timeZone: 'America/New_York' }).sessions[0].start, '2099-07-01T09:00:00-04:00');
    assert.strictEqual(parseSchedule(text, { fallbackTimeZone: 'Asia/Kolkata' }).sessions[0].start, '2099-07-01T09:00:00+05:30');
  });

  it('personal export: a Windows zone name resolved through its VTIMEZONE, DURATION, cancelled events left out', () => {
    const s = load('personal-export.ics');
    assert.strictEqual(s.timeZone, 'Europe/Berlin');
    assert.strictEqual(s.title, null);
    assert.deepStrictEqual(
      s.sessions.map((x) => [x.title, x.start, x.end, x.room, x.kind]),
      [
        ['Meet the Maintainers', '2099-06-16T14:00:00+02:00', '2099-06-16T15:00:00+02:00', 'Room 5', 'talk'],
        ['Coffee with the Program Committee', '2099-06-17T10:00:00+02:00', '2099-06-17T10:45:00+02:00', 'Foyer', 'break'],
      ],
    );
  });

  it('pretalx schedule.json: rooms keyed by name, persons, duration, track and type', () => {
    const s = load('pretalx-democon.json');
    assert.strictEqual(s.format, 'pretalx-json');
    assert.strictEqual(s.title, 'DemoCon 2099');
    assert.strictEqual(s.timeZone, 'Europe/Berlin');
    assert.deepStrictEqual(byTitle(s, 'Rust in the Kernel, Carefully'), {
      id: '5f0c1e7a-1111-4a4a-9b9b-000000000002',
      title: 'Rust in the Kernel, Carefully',
      speakers: ['Bo Chen', 'Cy Diaz'],
      companies: [],
      byline: 'Bo Chen & Cy Diaz',
      room: 'Room 2',
      track: 'Systems',
      kind: 'talk',
      start: '2099-09-15T11:00:00+02:00',
      end: '2099-09-15T11:30:00+02:00',
      url: 'https://pretalx.example.org/democon-2099/talk/EF34GH/',
    });
    assert.strictEqual(byTitle(s, 'Welcome to DemoCon').kind, 'keynote');
    assert.strictEqual(byTitle(s, 'After the Clock Change').kind, 'lightning');
    assert.strictEqual(byTitle(s, 'Midnight Music & Code').end, '2099-09-16T00:30:00+02:00');
  });

  it('pretalx schedule.xml gives the same sessions as schedule.json', () => {
    const json = load('pretalx-democon.json');
    const xml = load('pretalx-democon.xml');
    assert.strictEqual(xml.format, 'pretalx-xml');
    assert.deepStrictEqual(xml.sessions, json.sessions);
    assert.strictEqual(xml.timeZone, json.timeZone);
  });

  it('Sessionize: speakers and companies from tag lines, service sessions are breaks, plenary duplicates become one', () => {
    const s = load('sessionize-all.json', { fallbackTimeZone: 'Europe/Oslo' });
    assert.strictEqual(s.format, 'sessionize-json');
    assert.strictEqual(s.timeZone, 'Europe/Oslo');
    const keynotes = s.sessions.filter((x) => x.title === 'Opening Keynote: Clouds All the Way Down');
    assert.strictEqual(keynotes.length, 1);
    assert.strictEqual(keynotes[0].room, 'Main Hall');
    assert.strictEqual(keynotes[0].kind, 'keynote');
    assert.strictEqual(keynotes[0].start, '2099-05-10T09:00:00+02:00');
    const secrets = byTitle(s, 'Secrets Without Tears');
    assert.deepStrictEqual(
      [secrets.speakers, secrets.companies, secrets.byline, secrets.track, secrets.url],
      [['Bo Chen', 'Cy Diaz'], ['Globex'], 'Bo Chen, Globex; Cy Diaz', 'Security', null],
    );
    assert.strictEqual(byTitle(s, 'Hands-on Supply Chain').kind, 'workshop');
    assert.deepStrictEqual(byTitle(s, 'Hands-on Supply Chain').companies, ['Initech']);
    assert.strictEqual(byTitle(s, 'Lunch').kind, 'break');
    assert.strictEqual(byTitle(s, 'Registration').kind, 'break');
    // `Z` times are instants, shown in the conference zone.
    assert.strictEqual(byTitle(s, 'Five Minutes of YAML').start, '2099-05-10T15:00:00+02:00');
    assert.strictEqual(byTitle(s, 'Five Minutes of YAML').kind, 'lightning');
  });

  it('not a schedule, malformed files and empty calendars say why in one line', () => {
    throwsSchedule(() => load('not-a-schedule.json'), /^not a schedule: expected/);
    throwsSchedule(() => load('web-page.html'), /web page/);
    throwsSchedule(() => parseSchedule(''), /empty/);
    throwsSchedule(() => parseSchedule(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])), /binary/);
    throwsSchedule(() => parseSchedule('[{"id": 1}]'), /Sessionize use the "All" view/);
    throwsSchedule(() => parseSchedule('{"schedule": {"conference": '), /^not valid JSON/);
    throwsSchedule(() => parseSchedule('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nthis line has no colon\r\nEND:VCALENDAR\r\n'), /^not a valid iCalendar file \(line 3\)/);
    throwsSchedule(() => parseSchedule('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'), /no events/);
    throwsSchedule(
      () => parseSchedule('<schedule><conference><title>x</title></conference><day date="2099-01-01"><room name="A"><event></room></day></schedule>'),
      /^not valid XML \(line 1\)/,
    );
    throwsSchedule(() => parseSchedule('{"schedule": {"conference": {"title": "Empty", "days": []}}}'), /no sessions/);
    throwsSchedule(() => load('sched-democon.ics', { timeZone: 'Mars/Olympus_Mons' }), /unknown time zone 'Mars\/Olympus_Mons'/);
  });

  it('the generated 600-session Sched file (the bench input) reads completely', () => {
    const text = generateSchedIcs(600);
    assert.ok(text.length > 700_000, `${text.length} characters`);
    const s = parseSchedule(text, { fallbackTimeZone: 'UTC' });
    assert.strictEqual(s.sessions.length, 600);
    assert.strictEqual(s.timeZone, 'Europe/Amsterdam');
    assert.strictEqual(new Set(s.sessions.map((x) => x.id)).size, 600);
    // Every session with a byline in a known shape has its speakers; breaks and demos have none.
    for (const x of s.sessions) {
      if (x.kind === 'break' || x.title.startsWith('Sponsored Demo')) assert.deepStrictEqual([x.speakers, x.byline], [[], null], x.title);
      else assert.ok(x.speakers.length >= 1 && x.companies.length >= 1, `${x.title}: ${x.byline}`);
    }
  });

  it('ids are unique even when a file repeats a UID', () => {
    const ev = (start: string) => `BEGIN:VEVENT\r\nUID:same\r\nDTSTART:${start}\r\nDTEND:${start}\r\nSUMMARY:Again\r\nEND:VEVENT\r\n`;
    const s = parseSchedule(`BEGIN:VCALENDAR\r\nPRODID:-//Example//EN\r\n${ev('20990101T100000Z')}${ev('20990102T100000Z')}END:VCALENDAR\r\n`, { fallbackTimeZone: 'UTC' });
    assert.deepStrictEqual(
      s.sessions.map((x) => x.id),
      ['same', 'same#2'],
    );
  });
});
