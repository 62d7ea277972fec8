import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { diffSchedules, parseSchedule, scheduleFromJson, scheduleJson } from '../../../../src/core/schedule';
import { linksFromSchedPage } from '../../../../src/core/published/sched';
import { linksFromPretalxResources, pretalxResourcesUrl } from '../../../../src/core/published/pretalxApi';
import { cacheJson, emptyCache, parseCache, publishedEdits } from '../../../../src/core/published';
import { applyEdits } from '../../../../src/core/document';
import { parseNotes } from '../../../../src/core/notes/parse';
import { countTodos } from '../../../../src/core/notes/todos';
import type { FoundLink, TalkLinks } from '../../../../src/core/published/types';

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'schedule');
const PAGE = 'https://democon2099.sched.com/event/1a2b/tracing-gently';

/** A Sched-like session page (written for the tests), with what is passed in its body. */
const schedPage = (body: string) =>
  `<!DOCTYPE html><html><head><title>Tracing, Gently</title></head><body><div class="sched-container-inner"><h1>Tracing, Gently</h1>${body}</div></body></html>`;

describe('published links: the sources', () => {
  it('a Sched page: uploaded files as slides, the embedded YouTube video as its watch URL; nothing else', () => {
    const html = schedPage(`
      <div class="sched-file"><a class="file-uploaded" href="https://static.sched.com/hosted_files/democon2099/3f/Tracing%20Gently.pdf" target="_blank">Tracing Gently.pdf</a></div>
      <A HREF="//static.sched.com/hosted_files/democon2099/c6/deck.pptx">deck.pptx</A>
      <a class="file-uploaded" href="https://static.sched.com/hosted_files/democon2099/3f/Tracing%20Gently.pdf">again</a>
      <a href="javascript:alert(1)">x</a><a class="file-uploaded" href="javascript:alert(1)">y</a>
      <a class="file-uploaded" href="data:text/html,hi">z</a><a href="https://example.com/hosted_files/not-sched.pdf">elsewhere</a>
      <iframe src="https://www.youtube-nocookie.com/embed/AbC_d-12345?rel=0" allowfullscreen></iframe>
      <iframe src="https://www.youtube.com/embed/SecondOne99"></iframe>`);
    assert.deepStrictEqual(linksFromSchedPage(html, PAGE), [
      { kind: 'slides', url: 'https://static.sched.com/hosted_files/democon2099/3f/Tracing%20Gently.pdf', source: 'sched-page' },
      { kind: 'slides', url: 'https://static.sched.com/hosted_files/democon2099/c6/deck.pptx', source: 'sched-page' },
      { kind: 'recording', url: 'https://www.youtube.com/watch?v=AbC_d-12345', source: 'sched-page' },
    ]);
  });

  it('a Sched page without links, broken HTML, a huge page: no links, no throw, linear', () => {
    assert.deepStrictEqual(linksFromSchedPage(schedPage('<p>No files yet.</p>'), PAGE), []);
    assert.deepStrictEqual(linksFromSchedPage('<a class="file-uploaded" href="https://static.sched.com/hosted_files/x/aa/a.pdf"', PAGE), []);
    assert.deepStrictEqual(linksFromSchedPage('<<<<>>>><a href=<iframe src=', PAGE), []);
    const many = '<a class="file-uploaded" href="https://static.sched.com/hosted_files/x/aa/f.pdf?n=1">f</a>'.repeat(20000) + '<div>'.repeat(100000);
    const found = linksFromSchedPage(schedPage(many), PAGE);
    assert.strictEqual(found.length, 1);
  });

  it('pretalx/frab JSON and XML keep links and attachments; Sessionize keeps recordingUrl; the stored JSON keeps them', () => {
    const json = JSON.parse(fs.readFileSync(path.join(DIR, 'pretalx-democon.json'), 'utf8'));
    const talk = json.schedule.conference.days[0].rooms['Main Stage'][0];
    talk.attachments = [{ title: 'Slides', url: 'https://pretalx.example.org/media/democon/submissions/AB12CD/resources/slides.pdf', type: 'related' }];
    talk.links = [
      { title: 'Video', url: 'https://media.ccc.de/v/democon-2099-101-welcome', type: 'related' },
      { title: 'Project', url: 'https://example.org/project', type: 'related' },
      { title: 'bad', url: 'javascript:alert(1)', type: 'related' },
    ];
    const pretalx = parseSchedule(JSON.stringify(json), { source: 'p.json' });
    const s = pretalx.sessions.find((x) => x.title === 'Welcome to DemoCon')!;
    assert.deepStrictEqual(
      s.links?.map((l) => [l.kind, l.url]),
      [
        ['recording', 'https://media.ccc.de/v/democon-2099-101-welcome'],
        ['other', 'https://example.org/project'],
        ['slides', 'https://pretalx.example.org/media/democon/submissions/AB12CD/resources/slides.pdf'],
      ],
    );
    assert.deepStrictEqual(scheduleFromJson(JSON.parse(JSON.stringify(scheduleJson(pretalx))))!.sessions.find((x) => x.id === s.id)!.links, s.links);
    assert.strictEqual(pretalx.sessions.filter((x) => x.links).length, 1, 'sessions without links have no links key');

    const xml = fs
      .readFileSync(path.join(DIR, 'pretalx-democon.xml'), 'utf8')
      .replace(
        /<\/event>/,
        '<links><link href="https://video.fosdem.org/2099/h1/talk.webm">Video recording (WebM)</link></links><attachments><attachment type="slides" href="https://fosdem.example.org/slides.pdf">Slides</attachment></attachments></event>',
      );
    const fromXml = parseSchedule(xml, { source: 'p.xml' }).sessions.find((x) => x.links)!;
    assert.deepStrictEqual(
      fromXml.links!.map((l) => [l.kind, l.url]),
      [
        ['recording', 'https://video.fosdem.org/2099/h1/talk.webm'],
        ['slides', 'https://fosdem.example.org/slides.pdf'],
      ],
    );

    const sz = JSON.parse(fs.readFileSync(path.join(DIR, 'sessionize-all.json'), 'utf8'));
    sz.sessions[1].recordingUrl = 'https://www.youtube.com/watch?v=OpeningKey1';
    sz.sessions[2].recordingUrl = 'not a url';
    const sessionize = parseSchedule(JSON.stringify(sz), { source: 's.json' });
    assert.deepStrictEqual(
      sessionize.sessions.filter((x) => x.links).map((x) => [x.title, x.links]),
      [['Opening Keynote: Clouds All the Way Down', [{ title: null, url: 'https://www.youtube.com/watch?v=OpeningKey1', kind: 'recording' }]]],
    );
  });

  it('pretalx API resources: the address from the talk page, public http(s) resources only', () => {
    assert.strictEqual(
      pretalxResourcesUrl('https://pretalx.example.org/democon-2099/talk/AB12CD/'),
      'https://pretalx.example.org/api/events/democon-2099/submissions/AB12CD/?expand=resources',
    );
    assert.strictEqual(pretalxResourcesUrl('https://democon2099.sched.com/event/1a2b'), undefined);
    const body = JSON.stringify({
      code: 'AB12CD',
      resources: [
        { resource: 'https://pretalx.example.org/media/r/slides.pdf', description: 'Slides', is_public: true },
        { resource: 'https://www.youtube.com/watch?v=Recorded01', description: 'Recording', is_public: true },
        { resource: 'https://pretalx.example.org/media/r/private.pdf', description: 'Notes', is_public: false },
        { resource: 'javascript:alert(1)', description: 'x' },
        'nonsense',
      ],
    });
    assert.deepStrictEqual(
      linksFromPretalxResources(body).map((l) => [l.kind, l.url]),
      [
        ['slides', 'https://pretalx.example.org/media/r/slides.pdf'],
        ['recording', 'https://www.youtube.com/watch?v=Recorded01'],
      ],
    );
    for (const bad of ['', 'not json', '[]', '{"resources": 3}', 'null']) assert.deepStrictEqual(linksFromPretalxResources(bad), []);
  });

  it('the cache: read back as written; unreadable or hostile caches are empty or cleaned', () => {
    const cache = emptyCache();
    cache.entries[PAGE] = {
      url: PAGE,
      fetchedAt: '2099-04-01T10:00:00.000Z',
      slides: ['https://static.sched.com/hosted_files/x/aa/a.pdf'],
      recording: 'https://www.youtube.com/watch?v=AbCdEf12',
    };
    assert.deepStrictEqual(parseCache(cacheJson(cache)), cache);
    for (const bad of [undefined, '', '{', '[]', '{"entries": []}', 'null']) assert.deepStrictEqual(parseCache(bad), emptyCache());
    const hostile = parseCache(
      JSON.stringify({
        entries: {
          __proto__: { fetchedAt: '2099-01-01' },
          [PAGE]: { fetchedAt: 'never', slides: [] },
          'https://a.example/event/1': { fetchedAt: '2099-01-01T00:00:00Z', slides: ['javascript:x', 'https://a.example/s.pdf'], recording: 'data:x' },
        },
      }),
    );
    assert.deepStrictEqual(hostile.entries, {
      'https://a.example/event/1': { url: 'https://a.example/event/1', fetchedAt: '2099-01-01T00:00:00Z', slides: ['https://a.example/s.pdf'] },
    });
  });
});

const SLIDES = 'https://static.sched.com/hosted_files/democon2099/3f/Tracing (final).pdf';
const VIDEO = 'https://www.youtube.com/watch?v=AbC_d-12345';
const found = (line: number, ...links: FoundLink[]): TalkLinks => ({ line, title: '', match: null, candidates: [], problems: [], links });
const slides = (url = SLIDES): FoundLink => ({ kind: 'slides', url, source: 'sched-page' });
const video = (url = VIDEO): FoundLink => ({ kind: 'recording', url, source: 'sched-page' });

function fill(text: string, links: TalkLinks[], lineFormat?: string): string {
  return applyEdits(text, publishedEdits(text, parseNotes(text), links, { lineFormat }));
}

describe('published links: filling them in', () => {
  it('placeholders take the links: [slides](TODO), [slides](), slides (link), deck (link), [recording](TODO), TODO: will add link…', () => {
    const text = `## Day 1

### Tracing, Gently - Ana Lima

Good one. [slides](TODO) and [recording](TODO)

### Second talk

the deck (link), a book (link), [Slides]()
TODO: will add link when it's published
`;
    const out = fill(text, [found(3, slides(), video()), found(7, slides('https://s.example/2.pdf'), video('https://www.youtube.com/watch?v=Second0001'))]);
    assert.strictEqual(
      out,
      [
        '## Day 1',
        '',
        '### Tracing, Gently - Ana Lima',
        '',
        `Good one. [slides](https://static.sched.com/hosted_files/democon2099/3f/Tracing%20%28final%29.pdf) and [recording](${VIDEO})`,
        '',
        '### Second talk',
        '',
        'the [deck](https://s.example/2.pdf), a book (link), [Slides](https://s.example/2.pdf)',
        '[recording](https://www.youtube.com/watch?v=Second0001)',
        '',
      ].join('\n'),
    );
    assert.deepStrictEqual(publishedEdits(out, parseNotes(out), [found(3, slides(), video())]), [], 'a second run adds nothing');
  });

  it('no placeholder: one line under the heading (format option), CRLF kept; a link the user wrote stays, running twice adds nothing', () => {
    const text = '## Day 1\r\n\r\n### Tracing, Gently\r\nnotes right under\r\n\r\n### Mine\r\n\r\n[my slides](https://mine.example/s.pdf)\r\n';
    const out = fill(text, [found(3, slides(), video()), found(6, slides(), video())]);
    assert.strictEqual(
      out,
      `## Day 1\r\n\r\n### Tracing, Gently\r\n\r\n[Slides](https://static.sched.com/hosted_files/democon2099/3f/Tracing%20%28final%29.pdf) · [Recording](${VIDEO})\r\n\r\nnotes right under\r\n\r\n### Mine\r\n\r\n[Recording](${VIDEO})\r\n\r\n[my slides](https://mine.example/s.pdf)\r\n`,
    );
    assert.strictEqual(fill(out, [found(3, slides(), video()), found(8, slides(), video())]), out);
    assert.strictEqual(
      fill('### Only slides', [found(1, slides('https://s.example/a.pdf'))], 'Links: {recording} | {slides}'),
      '### Only slides\n\nLinks: [Slides](https://s.example/a.pdf)',
    );
    assert.strictEqual(fill('### Only video\n', [found(1, video())], '{slides} — {recording}'), `### Only video\n\n[Recording](${VIDEO})\n`);
    assert.strictEqual(fill('### Nothing\n', [found(1)]), '### Nothing\n');
  });

  it('the TODO Links view and the publish check count [slides](TODO), [slides]() and [recording](TODO) as left to do', () => {
    const model = parseNotes('### Talk\n\n[slides](TODO) [slides]() [recording](TODO)\n');
    assert.strictEqual(countTodos(model.todos), 3);
  });
});

describe('published links: a re-import', () => {
  it('counts links a session gained as a change', () => {
    const sz = JSON.parse(fs.readFileSync(path.join(DIR, 'sessionize-all.json'), 'utf8'));
    const before = parseSchedule(JSON.stringify(sz), { source: 's.json' });
    sz.sessions[4].recordingUrl = 'https://www.youtube.com/watch?v=Secrets0001';
    const diff = diffSchedules(before, parseSchedule(JSON.stringify(sz), { source: 's.json' }));
    assert.deepStrictEqual(
      diff.changed.map((c) => [c.after.title, c.fields]),
      [['Secrets Without Tears', ['links']]],
    );
  });
});
