import * as assert from 'assert';
import { parseNotes } from '../../../../src/core/notes/parse';
import { previewRows, shortUrl } from '../../../../src/core/published/preview';
import { findWithPicks } from '../../../../src/core/published/picks';
import type { TalkLinks } from '../../../../src/core/published/types';
import type { Session } from '../../../../src/core/schedule/model';

function session(id: string, title: string): Session {
  return {
    id,
    title,
    speakers: [],
    companies: [],
    byline: null,
    room: null,
    track: null,
    kind: 'talk',
    start: '2099-03-26T10:00:00+01:00',
    end: '2099-03-26T10:30:00+01:00',
    url: `https://democon2099.sched.com/event/${id}`,
  };
}

const PDF = 'https://static.sched.com/hosted_files/democon2099/4f/Deck%20Final.pdf';
const VIDEO = 'https://www.youtube.com/watch?v=abcDEF12345';

const NOTE = ['## Day01', '', '### Storage at scale', '', '- [slides](TODO)', '', '### Mesh it', '', '- notes', '', '### Hallway', ''].join('\n');

const talks: TalkLinks[] = [
  {
    line: 3,
    title: 'Storage at scale',
    match: { session: session('a1', 'Storage at Scale'), confidence: 1, how: 'title' },
    candidates: [],
    links: [
      { kind: 'slides', url: PDF, source: 'sched-page' },
      { kind: 'recording', url: VIDEO, source: 'sched-page' },
    ],
    problems: [],
  },
  {
    line: 7,
    title: 'Mesh it',
    match: { session: session('a2', 'Mesh It Without Tears'), confidence: 0.72, how: 'title' },
    candidates: [],
    links: [{ kind: 'slides', url: 'https://static.sched.com/hosted_files/democon2099/09/mesh.pdf', source: 'cache' }],
    problems: [],
  },
  { line: 11, title: 'Hallway', match: null, candidates: [], links: [], problems: [] },
];

describe('published links: the preview’s rows', () => {
  it('shortens URLs to their host and last part (the video id kept)', () => {
    assert.strictEqual(shortUrl(PDF), 'static.sched.com/…/Deck Final.pdf');
    assert.strictEqual(shortUrl(VIDEO), 'youtube.com/watch?v=abcDEF12345');
    assert.strictEqual(shortUrl('https://example.org/'), 'example.org');
    assert.strictEqual(shortUrl('not a url'), 'not a url');
  });

  it('says per talk how sure, what was found and what will be written where; only sure rows with something to write are pre-selected', () => {
    const rows = previewRows(NOTE, parseNotes(NOTE), talks);
    assert.deepStrictEqual(
      rows.map((r) => [r.line, r.sureness, r.sure, r.found]),
      [
        [3, 'same title', true, 'slides: static.sched.com/…/Deck Final.pdf · recording: youtube.com/watch?v=abcDEF12345'],
        [7, 'title 72%', false, 'slides: static.sched.com/…/mesh.pdf'],
        [11, 'no session', false, 'no session matched'],
      ],
    );
    assert.strictEqual(rows[0].writes, 'after line 3: adds [Recording](youtube.com/watch?v=abcDEF12345); line 5: - [slides](TODO) → - [slides](static.sched.com/…/Deck Final.pdf)');
    assert.ok(rows[1].edits.length > 0, 'a row not sure still shows what it would write');
    assert.strictEqual(rows[1].writes, 'after line 7: adds [Slides](static.sched.com/…/mesh.pdf)');
    assert.deepStrictEqual(rows[2].edits, []);
    assert.strictEqual(rows[2].writes, '');
  });

  it('a page not read again this run says why its last read gave nothing', () => {
    const gone: TalkLinks = { ...talks[1], links: [] };
    const url = 'https://democon2099.sched.com/event/a2';
    const cache = { version: 1 as const, entries: { [url]: { url, fetchedAt: '2099-03-30T10:00:00.000Z', slides: [], error: 'HTTP 404 Not Found' } } };
    assert.strictEqual(previewRows(NOTE, parseNotes(NOTE), [gone], { cache })[0].found, 'the session page could not be read (HTTP 404 Not Found, 2099-03-30)');
    assert.strictEqual(previewRows(NOTE, parseNotes(NOTE), [gone])[0].found, 'nothing published yet');
  });

  it('a session the person picked is sure', () => {
    const rows = previewRows(NOTE, parseNotes(NOTE), talks, { picked: new Set([7]) });
    assert.strictEqual(rows[1].sureness, 'picked');
    assert.strictEqual(rows[1].sure, true);
  });
});

describe('published links: a session the person picked', () => {
  const ics = (site: string) => ({
    source: 'democon.ics',
    format: 'sched-ics' as const,
    title: 'DemoCon',
    timeZone: 'Europe/Amsterdam',
    sessions: [
      { ...session('p1', 'Platform Teams at Scale'), url: `${site}/event/p1/platform` },
      { ...session('p2', 'Storage at Scale'), url: `${site}/event/p2/storage` },
    ],
  });
  const NOTE2 = ['---', 'date: 2099-03-26', '---', '', '## Day01', '', '### The hallway chat', '', '- [slides](TODO)', ''].join('\n');

  it('gets that session and its links (here from the cache, nothing fetched)', async () => {
    const schedule = ics('https://democon2099.sched.com');
    const cache = {
      version: 1 as const,
      entries: {
        [`https://democon2099.sched.com/event/p1/platform`]: {
          url: 'https://democon2099.sched.com/event/p1/platform',
          fetchedAt: '2099-03-30T10:00:00.000Z',
          slides: [PDF],
          recording: VIDEO,
        },
      },
    };
    const plain = await findWithPicks(NOTE2, parseNotes(NOTE2), schedule, cache, { now: '2099-03-30T11:00:00Z', offline: true }, {});
    assert.strictEqual(plain.talks[0].match, null, 'the hallway chat matches nothing by itself');
    const picked = await findWithPicks(NOTE2, parseNotes(NOTE2), schedule, cache, { now: '2099-03-30T11:00:00Z', offline: true }, { 7: 'p1' });
    assert.strictEqual(picked.requests, 0);
    assert.strictEqual(picked.talks[0].match?.session.id, 'p1');
    assert.deepStrictEqual(
      picked.talks[0].links.map((l) => [l.kind, l.url]),
      [
        ['slides', PDF],
        ['recording', VIDEO],
      ],
    );
    const rows = previewRows(NOTE2, parseNotes(NOTE2), picked.talks, { picked: new Set([7]) });
    assert.strictEqual(rows[0].sureness, 'picked');
    assert.match(rows[0].writes, /line 9: - \[slides\]\(TODO\) → - \[slides\]\(static\.sched\.com\/…\/Deck Final\.pdf\)/);
  });

  it('a picked id the schedule does not have changes nothing', async () => {
    const picked = await findWithPicks(NOTE2, parseNotes(NOTE2), ics('https://democon2099.sched.com'), { version: 1, entries: {} }, { now: 0, offline: true }, { 7: 'nope' });
    assert.strictEqual(picked.talks[0].match, null);
    assert.deepStrictEqual(picked.talks[0].links, []);
  });
});
