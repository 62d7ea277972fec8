/**
 * Hostile schedule files (each generated here, a few hundred bytes): rule bombs in VTIMEZONE,
 * schedule values that try to become Markdown or HTML in a note, bad single items.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import MarkdownIt from 'markdown-it';
import { cliText as cli } from '../../helpers/cli';
import { formatSessionHeading, parseSchedule, scheduleDays, ScheduleError, type Schedule } from '../../../../src/core/schedule';
import { placeSession } from '../../../../src/core/schedule/editor-place';
import { MAX_SCHEDULE_SESSIONS } from '../../../../src/core/schedule/parse';
import { parseNotes } from '../../../../src/core/notes/parse';
import { applyEdits } from '../../../../src/core/document';
import { VTimezone, VTIMEZONE_STEP_BUDGET, type JComp } from '../../../../src/core/schedule/vtimezone';

/** An iCalendar file with one VTIMEZONE (its STANDARD/DAYLIGHT lines given) and events in it. */
function icsWithZone(tzid: string, observances: string[][], events: Array<[string, string]>, extra: string[] = []): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hostile Test//EN', 'BEGIN:VTIMEZONE', `TZID:${tzid}`, ...extra];
  for (const o of observances) lines.push(...o);
  lines.push('END:VTIMEZONE');
  events.forEach(([start, title], i) => lines.push('BEGIN:VEVENT', `UID:e${i}`, `DTSTART;TZID=${tzid}:${start}`, 'DURATION:PT30M', `SUMMARY:${title}`, 'END:VEVENT'));
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: string, to: string, rule?: string) => [
  `BEGIN:${kind}`,
  `DTSTART:${start}`,
  ...(rule ? [`RRULE:${rule}`] : []),
  `TZOFFSETFROM:${from}`,
  `TZOFFSETTO:${to}`,
  `END:${kind}`,
];
const CET = [
  observance('STANDARD', '16011028T030000', '+0200', '+0100', 'FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10'),
  observance('DAYLIGHT', '16010325T020000', '+0100', '+0200', 'FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3'),
];
const throwsSchedule = (fn: () => unknown, re: RegExp) => assert.throws(fn, (err: unknown) => err instanceof ScheduleError && re.test(err.message) && !err.message.includes('\n'));

describe('schedule: hostile files', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-hostile-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('VTIMEZONE rule bombs', () => {
    for (const [freq, since] of [
      ['SECONDLY', '20200101T000000'],
      ['HOURLY', '16010101T000000'],
      ['DAILY', '16010101T000000'],
    ]) {
      it(`a rule repeating ${freq.toLowerCase()} since ${since.slice(0, 4)} under an unknown zone name is refused by name, not expanded`, () => {
        const text = icsWithZone('Bomb Standard Time', [observance('STANDARD', since, '+0100', '+0100', `FREQ=${freq}`)], [['20260301T100000', 'Only Talk']]);
        assert.ok(text.length < 450, `${text.length} bytes`);
        throwsSchedule(() => parseSchedule(text), /time zone 'Bomb Standard Time' cannot be read: its STANDARD rule repeats/);
      });
    }

    it('the CLI says which file and which zone, exit 2', async () => {
      const file = path.join(tmp, 'bomb.ics');
      fs.writeFileSync(file, icsWithZone('Bomb/Zone', [observance('STANDARD', '20200101T000000', '+0100', '+0100', 'FREQ=SECONDLY')], [['20260301T100000', 'Only Talk']]));
      const r = await cli('schedule', file);
      assert.strictEqual(r.code, 2);
      assert.ok(r.err.includes(file) && r.err.includes("'Bomb/Zone'"), r.err);
    });

    it('a zone the platform knows by its TZID (or X-LIC-LOCATION) is used as is: its VTIMEZONE is never expanded', () => {
      const bomb = [observance('STANDARD', '20200101T000000', '+0100', '+0100', 'FREQ=SECONDLY')];
      const known = parseSchedule(icsWithZone('Europe/Berlin', bomb, [['20990616T140000', 'Summer']]));
      assert.strictEqual(known.sessions[0].start, '2099-06-16T14:00:00+02:00');
      const located = parseSchedule(icsWithZone('Custom Berlin', bomb, [['20990616T140000', 'Summer']], ['X-LIC-LOCATION:Europe/Berlin']));
      assert.strictEqual(located.sessions[0].start, '2099-06-16T14:00:00+02:00');
    });

    it('a yearly zone since 1601 gives the right offsets in summer and winter, looking at a few years only', () => {
      const s: Schedule = parseSchedule(
        icsWithZone('W. Europe Standard Time', CET, [
          ['20990616T140000', 'Summer'],
          ['20991215T090000', 'Winter'],
          ['20991025T120000', 'Day After'],
        ]),
        { fallbackTimeZone: 'UTC' },
      );
      assert.deepStrictEqual(
        s.sessions.map((x) => [x.title, new Date(x.start).toISOString()]),
        [
          ['Summer', '2099-06-16T12:00:00.000Z'],
          ['Day After', '2099-10-25T11:00:00.000Z'],
          ['Winter', '2099-12-15T08:00:00.000Z'],
        ],
      );
      const comp: JComp = [
        'vtimezone',
        [['tzid', {}, 'text', 'Old']],
        [
          [
            'standard',
            [
              ['dtstart', {}, 'date-time', '0001-10-28T03:00:00'],
              ['tzoffsetfrom', {}, 'utc-offset', '+02:00'],
              ['tzoffsetto', {}, 'utc-offset', '+01:00'],
              ['rrule', {}, 'recur', { freq: 'YEARLY', byday: '-1SU', bymonth: 10 }],
            ],
            [],
          ],
          [
            'daylight',
            [
              ['dtstart', {}, 'date-time', '0001-03-25T02:00:00'],
              ['tzoffsetfrom', {}, 'utc-offset', '+01:00'],
              ['tzoffsetto', {}, 'utc-offset', '+02:00'],
              ['rrule', {}, 'recur', { freq: 'YEARLY', byday: '-1SU', bymonth: 3 }],
            ],
            [],
          ],
        ],
      ];
      const zone = new VTimezone('Old', comp);
      assert.strictEqual(new Date(zone.toInstant({ year: 9999, month: 7, day: 1, hour: 12, minute: 0, second: 0 })).toISOString(), '9999-07-01T10:00:00.000Z');
      // Work does not follow the distance from DTSTART (year 1 to 9999): a few years of two rules.
      assert.ok(zone.steps < 2000, `${zone.steps} steps`);
      // Nor the number of times read: each costs a few steps (the budget is per time, not per file).
      const before = zone.steps;
      for (let i = 0; i < 5000; i++) zone.toInstant({ year: 2000 + (i % 100), month: 1 + (i % 12), day: 1 + (i % 28), hour: i % 24, minute: 0, second: 0 });
      assert.ok((zone.steps - before) / 5000 < 40, `${(zone.steps - before) / 5000} steps a time`);
    });

    it('UNTIL and COUNT end a rule: the US change of 2007 read from two rules', () => {
      const us = [
        observance('DAYLIGHT', '19870405T020000', '-0500', '-0400', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z'),
        observance('STANDARD', '19871025T020000', '-0400', '-0500', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z'),
        observance('DAYLIGHT', '20070311T020000', '-0500', '-0400', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU'),
        observance('STANDARD', '20071104T020000', '-0400', '-0500', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU'),
        observance('DAYLIGHT', '19700301T020000', '-0500', '-0400', 'FREQ=YEARLY;BYMONTH=3;BYDAY=1SU;COUNT=2'),
        observance('STANDARD', '19701101T020000', '-0400', '-0500', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU;COUNT=2'),
      ];
      const s = parseSchedule(
        icsWithZone('Eastern (custom)', us, [
          ['20060320T100000', 'Before April 2006'],
          ['20080320T100000', 'After March 2008'],
          ['19710310T100000', 'Second Year'],
          ['19720305T100000', 'Third Year'],
        ]),
        { fallbackTimeZone: 'UTC' },
      );
      const utc = (t: string) => new Date(s.sessions.find((x) => x.title === t)!.start).toISOString();
      assert.strictEqual(utc('Before April 2006'), '2006-03-20T15:00:00.000Z');
      assert.strictEqual(utc('After March 2008'), '2008-03-20T14:00:00.000Z');
      assert.strictEqual(utc('Second Year'), '1971-03-10T14:00:00.000Z');
      // COUNT=2: no third change in March 1972 (the November 1971 one is the last).
      assert.strictEqual(utc('Third Year'), '1972-03-05T15:00:00.000Z');
    });

    it('a yearly rule that fires every day since year 1 with a COUNT is stopped by the step budget, with the zone named', () => {
      const days = Array.from({ length: 31 }, (_, i) => i + 1).join(',');
      const text = icsWithZone(
        'Dense',
        [observance('STANDARD', '00010101T000000', '+0100', '+0100', `FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=${days};COUNT=999999999`)],
        [['20990101T100000', 'Far']],
      );
      throwsSchedule(() => parseSchedule(text), new RegExp(`time zone 'Dense' cannot be read: its rules take more than ${VTIMEZONE_STEP_BUDGET} steps`));
    });
  });

  describe('schedule values are data in the note', () => {
    const EVIL_URL = 'https://evil.example/x)[run](command:workbench.action.terminal.new)';
    const ics = [
      'BEGIN:VCALENDAR',
      'PRODID:-//Hostile Test//EN',
      'X-WR-TIMEZONE:Europe/Berlin',
      'BEGIN:VEVENT',
      'UID:h1',
      'DTSTART:20990616T120000Z',
      'DURATION:PT30M',
      'SUMMARY:<img src=x onerror=alert(1)> &lt\\;script&gt\\;alert(2)&lt\\;/script&gt\\; [click](command:x) \\\\[',
      'ATTENDEE;CN="<b>Mallory</b> [x](javascript:alert(3))":mailto:m@example.org',
      'LOCATION:<i>Room</i> [A](command:y)',
      'CATEGORIES:<u>Track</u>',
      `URL:${EVIL_URL}`,
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:h2',
      'DTSTART:20990616T130000Z',
      'DURATION:PT30M',
      'SUMMARY:Plain Talk',
      'URL:javascript:alert(4)',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const md = new MarkdownIt({ html: true, linkify: true });
    /** What a Markdown renderer makes of the note: no HTML element from the schedule, no link other than http(s). */
    function assertInert(note: string) {
      const html = md.render(note);
      for (const tag of ['<img', '<script', '<b>', '<i>', '<u>']) assert.ok(!html.includes(tag), `${tag} in ${html}`);
      for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1], /^https?:\/\//, html);
    }

    it('titles, names, rooms and tracks are escaped, the page goes through the URL gate (heading, link line, {url}, linked title)', () => {
      const s = parseSchedule(ics, { fallbackTimeZone: 'UTC' });
      const evil = s.sessions[0];
      assert.strictEqual(s.sessions[1].url, null, 'a javascript: page is dropped');
      for (const [format, sessionLink] of [
        ['### {title} - {speakers}, {company}', 'line'],
        ['### {time} {title} ({room}, {track}) {byline} {url}', 'title'],
      ] as const) {
        const text = '# Notes\n\n## Day 1\n\n';
        const p = placeSession(text, parseNotes(text), evil, { scheduleDays: scheduleDays(s), talkFormat: format, sessionLink });
        const note = applyEdits(text, [p.edit]);
        assertInert(note);
        // The text still says what the schedule said: a reader sees the title's characters, and the notes model reads the title back.
        assert.ok(md.renderInline(p.heading.replace(/^#+ /, '')).includes('&lt;img src=x onerror=alert(1)&gt;'), p.heading);
        if (sessionLink === 'line') assert.ok(parseNotes(note).days[0].talks[0].title.startsWith(`${evil.title} - <b>Mallory</b>`), note);
      }
      const linked = formatSessionHeading(evil, '### {title}', { linkTitle: true });
      const links = md.parseInline(linked.slice(4), {})[0].children!.filter((t) => t.type === 'link_open');
      assert.deepStrictEqual(
        links.map((t) => t.attrGet('href')),
        ['https://evil.example/x%29%5Brun%5D%28command:workbench.action.terminal.new%29'],
      );
    });
  });

  it('control characters (a terminal escape, a bidirectional override) are not part of a title or a name', () => {
    const json = JSON.stringify({
      schedule: {
        conference: {
          title: 'Con\u001b]0;owned\u0007',
          days: [
            { date: '2099-01-01', rooms: { R: [{ guid: 'g', title: 'Safe\u001b[2J Title\u202e', date: '2099-01-01T10:00:00Z', persons: [{ public_name: 'Ana\u0000 Lima' }] }] } },
          ],
        },
      },
    });
    const s = parseSchedule(json, { fallbackTimeZone: 'UTC' });
    assert.deepStrictEqual([s.title, s.sessions[0].title, s.sessions[0].speakers], ['Con]0;owned', 'Safe[2J Title', ['Ana Lima']]);
  });

  describe('the schedule command reads regular files only', () => {
    it('a FIFO and a device are refused by name without being read (no hang, no growing memory)', async function () {
      if (process.platform === 'win32') this.skip(); // no FIFOs or device files to make on Windows
      const fifo = path.join(tmp, 'pipe.ics');
      assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
      const r = await cli('schedule', fifo);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /pipe\.ics: is a named pipe \(FIFO\), not a schedule; it is not read/);
      const zero = await cli('schedule', '/dev/zero', '--json');
      assert.strictEqual(zero.code, 2);
      assert.match(zero.err, /\/dev\/zero: is a device, not a schedule; it is not read$/m);
    });
  });

  describe('one bad item', () => {
    const event = (uid: string, start: string, extra: string) => ['BEGIN:VEVENT', `UID:${uid}`, `DTSTART:${start}`, extra, `SUMMARY:Talk ${uid}`, 'END:VEVENT'];
    const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', 'PRODID:-//Hostile Test//EN', ...events.flat(), 'END:VCALENDAR'].join('\r\n');

    it('a session lasting 99,999,999 weeks is left out and named; the others are read (CLI: a warning, exit 0)', async () => {
      const text = calendar(event('bad', '20990101T100000Z', 'DURATION:P99999999W'), event('good', '20990101T110000Z', 'DURATION:PT1H'));
      const s = parseSchedule(text, { fallbackTimeZone: 'UTC' });
      assert.deepStrictEqual(
        s.sessions.map((x) => x.title),
        ['Talk good'],
      );
      assert.deepStrictEqual(s.skipped, ["'Talk bad' (id bad): it would last 699,999,993 days"]);
      const file = path.join(tmp, 'long.ics');
      fs.writeFileSync(file, text);
      const r = await cli('schedule', file, '--json', '--tz', 'UTC');
      assert.strictEqual(r.code, 0, r.err);
      assert.strictEqual(r.err, `talk-capture schedule: ${file}: skipped 'Talk bad' (id bad): it would last 699,999,993 days\n`);
      assert.deepStrictEqual(Object.keys(JSON.parse(r.out)), ['source', 'format', 'title', 'timeZone', 'sessions']);
    });

    it('when every session is bad, the error names the first and counts the rest', () => {
      const text = calendar(event('a', '20990101T100000Z', 'DURATION:P99999999W'), event('b', '20990101T100000Z', 'DURATION:P99999999W'));
      throwsSchedule(() => parseSchedule(text), /^no sessions with a start time in this ics file \(skipped 'Talk a' \(id a\): it would last [\d,]+ days, and 1 more\)$/);
    });

    it('a value nested 100,000 deep in schedule.json is read without a stack overflow', () => {
      const n = 100000;
      const title = '{"#text":'.repeat(n) + '"Deep"' + '}'.repeat(n);
      const json = `{"schedule":{"conference":{"title":${title},"days":[{"date":"2099-01-01","rooms":{"R":[{"guid":"g","title":${title},"date":"2099-01-01T10:00:00+01:00","duration":"00:30"}]}}]}}}`;
      const s = parseSchedule(json, { fallbackTimeZone: 'UTC' });
      assert.deepStrictEqual(
        s.sessions.map((x) => [x.title, x.room]),
        [['(untitled)', 'R']],
      );
    });

    it('XML the parser cannot take (nested 100,000 deep) is a schedule error naming the file, not a crash', async () => {
      const n = 100000;
      const xml = `<?xml version="1.0"?>\n<schedule><conference><title>x</title></conference><day date="2099-01-01"><room name="R"><event guid="g"><title>T</title><date>2099-01-01T10:00:00+01:00</date><duration>00:30</duration><abstract>${'<a>'.repeat(n)}${'</a>'.repeat(n)}</abstract></event></room></day></schedule>\n`;
      throwsSchedule(() => parseSchedule(xml), /^not valid XML: /);
      const file = path.join(tmp, 'deep.xml');
      fs.writeFileSync(file, xml);
      const r = await cli('schedule', file);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, new RegExp(`^talk-capture schedule: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid XML: `));
    });
  });

  describe('proportionate', () => {
    for (const [format, item, wrap] of [
      [
        'ics',
        (i: number) => `BEGIN:VEVENT\r\nUID:${i}\r\nDTSTART:20990101T100000Z\r\nSUMMARY:T\r\nEND:VEVENT\r\n`,
        (body: string) => `BEGIN:VCALENDAR\r\nPRODID:x\r\n${body}END:VCALENDAR\r\n`,
      ],
      [
        'schedule.xml',
        (i: number) => `<event guid="${i}"><title>T</title><date>2099-01-01T10:00:00Z</date></event>`,
        (body: string) => `<schedule><conference><title>x</title></conference><day date="2099-01-01"><room name="R">${body}</room></day></schedule>`,
      ],
      [
        'schedule.json',
        (i: number) => `${i ? ',' : ''}{"guid":"${i}","title":"T","date":"2099-01-01T10:00:00Z"}`,
        (body: string) => `{"schedule":{"conference":{"title":"x","days":[{"date":"2099-01-01","rooms":{"R":[${body}]}}]}}}`,
      ],
    ] as const) {
      it(`${format}: more sessions than a conference has (${MAX_SCHEDULE_SESSIONS.toLocaleString('en-US')}) is refused before it is read`, () => {
        const body = Array.from({ length: MAX_SCHEDULE_SESSIONS + 1 }, (_, i) => item(i)).join('');
        throwsSchedule(() => parseSchedule(wrap(body)), /^more than 10,000 sessions: too many for a conference schedule; it is not read$/);
        assert.strictEqual(parseSchedule(wrap(item(0) + item(1)), { fallbackTimeZone: 'UTC' }).sessions.length, 2);
      });
    }
  });
});
