/**
 * `talk-capture published` against a local server (node:http on 127.0.0.1) serving a Sched-like
 * schedule and session pages (files and a video, files only, none yet, a 404, a slow one, an
 * oversized one) and a pretalx schedule with its API: the note is filled, a second run reads only
 * what was missing, `--offline` reads nothing. Requests are counted on the server.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../helpers/cli';
import { findPublished, emptyCache } from '../../../src/core/published';
import { parseNotes } from '../../../src/core/notes/parse';
import { parseSchedule } from '../../../src/core/schedule';

const PDF = 'https://static.sched.com/hosted_files/democon2099/3f/Tracing%20Gently.pdf';
const PPTX = 'https://static.sched.com/hosted_files/democon2099/c6/Scaling.pptx';
const VIDEO = 'https://www.youtube.com/watch?v=TracingVid1';

const page = (title: string, body: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
const PAGES: Record<string, string> = {
  e1: page(
    'Tracing, Gently',
    `<a class="file-uploaded" href="${PDF}">Tracing Gently.pdf</a><iframe src="https://www.youtube.com/embed/TracingVid1?rel=0"></iframe><a href="javascript:alert(1)">x</a>`,
  ),
  e2: page('Scaling Prometheus', `<a class="file-uploaded" href="${PPTX}">Scaling.pptx</a>`),
  e3: page('Policy as Code', '<p>No files yet.</p>'),
};

function vevent(id: string, start: string, summary: string, base: string): string {
  return [
    'BEGIN:VEVENT',
    `DTSTART:${start}`,
    `DTEND:${start.slice(0, 11)}${String(Number(start.slice(9, 11)) + 1).padStart(2, '0')}0000Z`.replace(/T(\d{2})(\d{2})0000Z$/, 'T$10000Z'),
    `SUMMARY:${summary}`,
    `UID:${id}`,
    `URL:${base}/event/${id}/${summary
      .split(' - ')[0]
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/-$/, '')}`,
    'END:VEVENT',
  ].join('\r\n');
}

function ics(base: string): string {
  const events = [
    vevent('e1', '20990512T090000Z', 'Tracing\\, Gently - Ana Lima\\, Acme', base),
    vevent('e2', '20990512T100000Z', 'Scaling Prometheus: Sharding Without Tears - Ravi Nair\\, Initech', base),
    vevent('e3', '20990512T110000Z', 'Policy as Code with OpenFGA - Hana Ito\\, Globex', base),
    vevent('e4', '20990512T120000Z', 'A Removed Session - Bo Chen\\, Acme', base),
    vevent('e5', '20990512T130000Z', 'The Slow Page - Cy Diaz\\, Acme', base),
    vevent('e6', '20990512T140000Z', 'An Oversized Page - Di Evans\\, Acme', base),
  ];
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Sched.com DemoCon 2099//EN', 'X-WR-TIMEZONE:UTC', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

const NOTE = `---
title: DemoCon 2099
schedule: SCHEDULE
---

## Day 1

### Tracing gently - Ana Lima

Good. [slides](TODO)
TODO: will add link when it's published

### Scaling Prometheus

the deck (link)

### Policy as code with OpenFGA

### A removed session

### The slow page

### An oversized page

### Chatting with old friends
`;

interface Server {
  base: string;
  hits: Map<string, number>;
  total: () => number;
  close: () => Promise<void>;
}

async function serve(): Promise<Server> {
  const hits = new Map<string, number>();
  let base = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    if (url.pathname === '/schedule.ics') return res.end(ics(base));
    if (url.pathname.startsWith('/api/events/democon-2099/submissions/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ resources: [{ resource: 'https://pretalx.example.org/media/rust.pdf', description: 'Slides', is_public: true }] }));
    }
    if (url.pathname.startsWith('/event/e5/')) return undefined; // never answers: beyond the timeout
    if (url.pathname.startsWith('/event/e6/')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<p>' + 'x'.repeat(5 * 1024 * 1024) + '</p>');
    }
    const body = PAGES[url.pathname.split('/')[2] ?? ''];
    if (body === undefined) {
      res.writeHead(404, 'Not Found');
      return res.end('gone');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const pagesHit = () => [...hits].filter(([p]) => p.startsWith('/event/')).reduce((n, [, c]) => n + c, 0);
  return {
    base,
    hits,
    total: pagesHit,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('talk-capture published (a local server)', () => {
  let server: Server;
  let dir: string;
  let note: string;
  const run = (...args: string[]) => cli('published', note, '--pause', '0', '--timeout', '1500', ...args);
  const pageHits = (id: string) => [...server.hits].filter(([p]) => p.startsWith(`/event/${id}/`)).reduce((n, [, c]) => n + c, 0);

  beforeEach(async () => {
    server = await serve();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-published-'));
    note = path.join(dir, 'democon.md');
    fs.writeFileSync(note, NOTE.replace('SCHEDULE', `${server.base}/schedule.ics`));
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fills the note from the session pages (--write), names each refused page in one line, and a second run reads only what was missing', async () => {
    const first = await run('--write', '--now', '2099-06-01T00:00:00Z');
    assert.strictEqual(first.code, 0, first.err);
    const text = fs.readFileSync(note, 'utf8');
    assert.ok(text.includes(`Good. [slides](${PDF})\n[recording](${VIDEO})\n`), text);
    assert.ok(text.includes(`the [deck](${PPTX})`), text);
    assert.ok(!text.includes('(TODO)') && !text.includes('(link)'));
    assert.strictEqual(text.match(/\[Slides\]|\[Recording\]/g), null, 'placeholders were enough: no line added');
    const problems = first.errLines.filter((l) => l.includes('did not give'));
    assert.strictEqual(problems.length, 3, first.err);
    assert.match(problems[0], new RegExp(`line \\d+: 127\\.0\\.0\\.1:\\d+ did not give the session’s links \\(HTTP 404 Not Found\\): open ${server.base}/event/e4/`));
    assert.match(problems[1], /longer than 1\.5 s.*open http:\/\/127\.0\.0\.1:\d+\/event\/e5\//);
    assert.match(problems[2], /more than 4 MB.*open http:\/\/127\.0\.0\.1:\d+\/event\/e6\//);
    assert.strictEqual(server.total(), 6, 'each page once');
    assert.match(first.err, /6 of 7 talks matched a session; 6 pages read; .*written \(3 changes\)/);
    const cache = JSON.parse(fs.readFileSync(path.join(dir, '.talk-capture', 'published-cache.json'), 'utf8'));
    assert.deepStrictEqual(cache.entries[`${server.base}/event/e1/tracing-gently`], {
      url: `${server.base}/event/e1/tracing-gently`,
      fetchedAt: '2099-06-01T00:00:00.000Z',
      slides: [PDF],
      recording: VIDEO,
    });

    // An hour later nothing is read again; a day later only the pages still missing something.
    const soon = await run('--json', '--now', '2099-06-01T01:00:00Z');
    assert.strictEqual(server.total(), 6, soon.err);
    const later = await run('--write', '--now', '2099-06-02T00:00:00Z');
    assert.strictEqual(later.code, 0, later.err);
    assert.deepStrictEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map(pageHits), [1, 2, 2, 2, 2, 2]);
    assert.strictEqual(fs.readFileSync(note, 'utf8'), text, 'nothing new to write');
  });

  it('--json: the documented shape; --offline reads nothing and still reports cached links', async () => {
    const offlineFirst = await run('--json', '--offline');
    assert.strictEqual(offlineFirst.code, 0, offlineFirst.err);
    assert.strictEqual(server.total(), 0);
    const json = JSON.parse((await run('--json', '--now', '2099-06-01T00:00:00Z')).out);
    const tracing = json.talks[0];
    assert.deepStrictEqual(Object.keys(json), ['talks']);
    assert.deepStrictEqual(Object.keys(tracing), ['line', 'title', 'session', 'confidence', 'links']);
    assert.deepStrictEqual(tracing.session, { id: 'e1', url: `${server.base}/event/e1/tracing-gently`, title: 'Tracing, Gently' });
    assert.ok(tracing.confidence >= 0.6 && tracing.confidence <= 1);
    assert.deepStrictEqual(tracing.links, [
      { kind: 'slides', url: PDF, source: 'sched-page' },
      { kind: 'recording', url: VIDEO, source: 'sched-page' },
    ]);
    const hallway = json.talks.find((t: { title: string }) => t.title === 'Chatting with old friends');
    assert.deepStrictEqual([hallway.session, hallway.confidence, hallway.links], [null, 0, []]);
    const before = server.total();
    const offline = JSON.parse((await run('--json', '--offline', '--now', '2099-07-01T00:00:00Z')).out);
    assert.strictEqual(server.total(), before, '--offline makes no request');
    assert.deepStrictEqual(
      offline.talks[0].links.map((l: { source: string }) => l.source),
      ['cache', 'cache'],
    );
    assert.strictEqual(fs.readFileSync(note, 'utf8'), NOTE.replace('SCHEDULE', `${server.base}/schedule.ics`), 'without --write the note is not changed');
  });

  it('a talk whose slides and recording the user linked already: its page is not read', async () => {
    fs.writeFileSync(
      note,
      NOTE.replace('SCHEDULE', `${server.base}/schedule.ics`)
        .replace('Good. [slides](TODO)', 'Good. [my slides](https://mine.example/s.pdf) and [the video](https://youtu.be/Mine12345)')
        .replace("TODO: will add link when it's published\n", ''),
    );
    const r = await run('--json', '--now', '2099-06-01T00:00:00Z');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(pageHits('e1'), 0);
    assert.strictEqual(pageHits('e2'), 1);
  });

  it('bad input: no schedule, an unknown option, a note that is not there: one line, exit 2', async () => {
    fs.writeFileSync(note, '## Day 1\n\n### A talk\n');
    const none = await run();
    assert.strictEqual(none.code, 2);
    assert.match(none.err, /no schedule: give --schedule SOURCE/);
    assert.strictEqual((await run('--bogus')).code, 2);
    assert.strictEqual((await cli('published', path.join(dir, 'missing.md'))).code, 2);
    assert.match((await run('--pause', 'soon')).err, /--pause takes a number/);
  });

  it('a pretalx schedule: links it lists are used without a request; the API gives the rest; Cancel stops before the next page', async () => {
    const json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'schedule', 'pretalx-democon.json'), 'utf8'));
    const talks = Object.values(json.schedule.conference.days[0].rooms as Record<string, Array<Record<string, unknown>>>).flat();
    for (const t of talks) t.url = String(t.url).replace('https://pretalx.example.org', server.base);
    talks[0].attachments = [{ title: 'Slides', url: 'https://pretalx.example.org/media/welcome.pdf' }];
    talks[0].links = [{ title: 'Recording', url: 'https://media.ccc.de/v/democon-2099-welcome' }];
    const schedule = parseSchedule(JSON.stringify(json), { source: 'pretalx.json' });
    const text = '## 2099-09-15\n\n### Welcome to DemoCon\n\n### Rust in the kernel, carefully\n\n### Packaging for everyone\n';
    const controller = new AbortController();
    const result = await findPublished(text, parseNotes(text), schedule, emptyCache(), {
      now: '2099-10-01T00:00:00Z',
      pauseMs: 0,
      timeoutMs: 1500,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort();
      },
    });
    assert.deepStrictEqual(
      result.talks[0].links.map((l) => [l.kind, l.source]),
      [
        ['slides', 'schedule'],
        ['recording', 'schedule'],
      ],
    );
    assert.deepStrictEqual(
      result.talks[1].links.map((l) => [l.kind, l.url, l.source]),
      [['slides', 'https://pretalx.example.org/media/rust.pdf', 'pretalx-api']],
    );
    assert.deepStrictEqual(result.talks[2].links, []);
    assert.strictEqual(result.requests, 1, 'the complete talk is not asked for; Cancel stops after the first page');
    assert.strictEqual(result.cancelled, true);
    assert.match([...server.hits.keys()].join(' '), /\/api\/events\/democon-2099\/submissions\/\w+\//);
  });
});
