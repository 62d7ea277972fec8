import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { cliText as cli } from '../helpers/cli';

const DIR = path.join(__dirname, '..', '..', 'fixtures', 'schedule');
const SCHED = path.join(DIR, 'sched-democon.ics');

describe('talk-capture schedule', () => {
  it('--json has exactly the documented shape, sorted by start then room', async () => {
    const { code, out, err } = await cli('schedule', SCHED, '--json');
    assert.strictEqual(code, 0, err);
    const json = JSON.parse(out);
    assert.deepStrictEqual(Object.keys(json), ['source', 'format', 'title', 'timeZone', 'sessions']);
    assert.deepStrictEqual([json.source, json.format, json.title, json.timeZone], [SCHED, 'sched-ics', 'DemoCon Europe 2099', 'Europe/Amsterdam']);
    assert.strictEqual(json.sessions.length, 19);
    for (const s of json.sessions) {
      assert.deepStrictEqual(Object.keys(s), ['id', 'title', 'speakers', 'companies', 'byline', 'room', 'track', 'kind', 'start', 'end', 'url']);
      assert.match(s.start, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    }
    const keys = json.sessions.map((s: { start: string; room: string | null }) => [Date.parse(s.start), s.room ?? '\uffff']);
    for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1][0] < keys[i][0] || (keys[i - 1][0] === keys[i][0] && keys[i - 1][1] <= keys[i][1]), `order at ${i}`);
    assert.deepStrictEqual(
      json.sessions.find((s: { title: string }) => s.title === 'Welcome Back'),
      {
        id: '000000000000000000000000033b2602',
        title: 'Welcome Back',
        speakers: ['Jane Doe', 'John Roe'],
        companies: ['Example Foundation', 'Acme Corp'],
        byline: 'Jane Doe, Executive Director, Example Foundation & John Roe, CTO, Acme Corp',
        room: 'Hall 12',
        track: 'KEYNOTE SESSIONS',
        kind: 'keynote',
        start: '2099-03-26T09:15:00+01:00',
        end: '2099-03-26T09:35:00+01:00',
        url: 'http://democon2099.sched.com/event/000000000000000000000000033b2602',
      },
    );
  });

  it('--at keeps the sessions running then (with an offset, or in the conference zone without one)', async () => {
    const a = JSON.parse((await cli('schedule', SCHED, '--json', '--at', '2099-03-26T11:20:00+01:00')).out);
    assert.deepStrictEqual(
      a.sessions.map((s: { title: string }) => s.title),
      ['Registration & Badge Pick-Up', 'Kubernetes - The Hard Way', 'Tracing, Gently', 'Sponsored Demo: Widget Platform'],
    );
    const b = JSON.parse((await cli('schedule', SCHED, '--json', '--at', '2099-03-26T11:20')).out);
    assert.deepStrictEqual(b.sessions, a.sessions);
    const c = JSON.parse((await cli('schedule', SCHED, '--json', '--at', '2099-03-26T10:20:00Z')).out);
    assert.deepStrictEqual(c.sessions, a.sessions);
    const none = await cli('schedule', SCHED, '--at', '2099-03-28T12:00');
    assert.strictEqual(none.code, 0);
    assert.match(none.out, /^DemoCon Europe 2099: 16 sessions over 4 days, Europe\/Amsterdam \(sched-ics\)\n0 sessions running at 2099-03-28T11:00:00.000Z\n$/);
  });

  it('--tz writes the times in another zone', async () => {
    const json = JSON.parse((await cli('schedule', SCHED, '--json', '--tz', 'America/New_York')).out);
    assert.strictEqual(json.timeZone, 'America/New_York');
    assert.strictEqual(json.sessions.find((s: { title: string }) => s.title === 'Tracing, Gently').start, '2099-03-26T06:15:00-04:00');
    const bad = await cli('schedule', SCHED, '--tz', 'Nowhere/Land');
    assert.strictEqual(bad.code, 2);
    assert.strictEqual(bad.err, "talk-capture schedule: --tz: unknown time zone 'Nowhere/Land' (use an IANA name such as Europe/Amsterdam)\n");
  });

  it('human output: sessions by conference day and time, kind, speakers, companies and room', async () => {
    const { code, out } = await cli('schedule', path.join(DIR, 'pretalx-democon.json'));
    assert.strictEqual(code, 0);
    assert.strictEqual(
      out,
      [
        'DemoCon 2099: 5 sessions over 2 days, Europe/Berlin (pretalx-json)',
        '',
        '2099-09-15 Tuesday',
        '  10:00–10:45  Keynote: Welcome to DemoCon — Ana Lima · Main Stage',
        '  11:00–11:30  Rust in the Kernel, Carefully — Bo Chen, Cy Diaz · Room 2',
        '  11:00–12:00  Workshop: Packaging for Everyone — Room 3',
        '  23:30–00:30  Midnight Music & Code — Fay Gray · Main Stage',
        '',
        '2099-10-27 Tuesday',
        '  10:00–10:30  Lightning Talk: After the Clock Change — Di Evans · Main Stage',
        '',
      ].join('\n'),
    );
    const sched = (await cli('schedule', SCHED)).out;
    assert.ok(sched.includes('\n  11:15–11:45  Tracing, Gently — Ana Lima, Bo Chen, Cy Diaz (Acme, Initech) · Hall 7 | Room B\n'));
    assert.ok(sched.includes('\n  10:30–11:00  Coffee Break (break) — Expo Hall\n'));
    assert.ok(sched.includes('\n2099-03-29 Sunday\n  01:30–03:30  Night Owls: Upgrading Clusters Across a Clock Change — Fay Gray (Initech) · Hack Lounge\n'));
  });

  it('every fixture format reads', async () => {
    for (const [file, format] of [
      ['pretalx-democon.ics', 'ics'],
      ['fosdem-style.ics', 'ics'],
      ['pretalx-democon.xml', 'pretalx-xml'],
      ['sessionize-all.json', 'sessionize-json'],
    ]) {
      const { code, out } = await cli('schedule', path.join(DIR, file), '--json', '--tz', 'UTC');
      assert.strictEqual(code, 0, file);
      assert.strictEqual(JSON.parse(out).format, format);
    }
  });

  it('unreadable input: exit 2 with one line', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'schedule-cli-'));
    try {
      const binary = path.join(tmp, 'photo.ics');
      fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      const cases: Array<[string[], RegExp]> = [
        [[path.join(tmp, 'missing.ics')], /missing\.ics: no such file$/],
        [[tmp], /is a folder, not a schedule$/],
        [[binary], /photo\.ics: not a schedule: binary data$/],
        [[path.join(DIR, 'not-a-schedule.json')], /not-a-schedule\.json: not a schedule: expected a Sched or other iCalendar \.ics/],
        [[path.join(DIR, 'web-page.html')], /web-page\.html: not a schedule: this is a web page/],
        [[SCHED, '--at', 'tomorrow'], /--at: 'tomorrow' is not an ISO 8601 date-time/],
        [[SCHED, '--at', '2099-13-01T10:00'], /--at: '2099-13-01T10:00' is not an ISO 8601 date-time/],
        [[SCHED, '--bogus'], /unknown or incomplete option --bogus \(usage: schedule SOURCE/],
        [[], /^talk-capture schedule: usage: schedule SOURCE \[--json\] \[--at ISO-8601\] \[--tz IANA-ZONE\]$/],
        [['a.ics', 'b.ics'], /usage: schedule SOURCE/],
        [['http://democon.example.org/all.ics'], /only https: URLs are loaded \(http: only to this machine\)/],
      ];
      for (const [args, re] of cases) {
        const { code, out, err } = await cli('schedule', ...args);
        assert.strictEqual(code, 2, args.join(' '));
        assert.strictEqual(out, '');
        assert.strictEqual(err.split('\n').length, 2, `one line: ${err}`);
        assert.match(err.trimEnd(), re);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('SOURCE may be a URL (loopback http: here)', async () => {
    const server = http.createServer((_req, res) => res.end(fs.readFileSync(SCHED)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/all.ics`;
    try {
      const { code, out } = await cli('schedule', url, '--json', '--at', '2099-03-26T12:01');
      assert.strictEqual(code, 0);
      const json = JSON.parse(out);
      assert.strictEqual(json.source, url);
      assert.deepStrictEqual(
        json.sessions.map((s: { title: string }) => s.title),
        ['Registration & Badge Pick-Up', 'Tiny Controllers', 'Fix All The Docs'],
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('is listed in the usage', async () => {
    const { out } = await cli('--help');
    assert.match(out, /schedule SOURCE \[--json\] \[--at ISO-8601\] \[--tz IANA-ZONE\]/);
  });
});
