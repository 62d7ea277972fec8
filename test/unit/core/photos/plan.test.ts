/**
 * Slide photos, the plan: talk windows (schedule by session link and by title, Start/End Talk
 * times, heading times, the next talk's start as an end, the grace after a session), reasons
 * (before the first talk, a break, no time, HEIC, already in the post), names (per talk, in
 * capture order, never an existing one), folders (page bundle, single file with static/, the
 * setting's variables, `../` and odd names) and the note's edits.
 */
import * as assert from 'assert';
import { applyEdits } from '../../../../src/core/document';
import {
  ancestorFolders,
  DEFAULT_GRACE_MINUTES,
  photoEdits,
  photoFolder,
  planPhotos,
  talkSlug,
  talkWindows,
  type PhotoAssignment,
  type PhotoInfo,
  type PlacementSource,
  type PlanOptions,
  type TalkTimes,
  type WindowSource,
} from '../../../../src/core/photos';
import type { Schedule, Session } from '../../../../src/core/schedule';

const ZONE = 'Europe/Paris';

/** A photo read without problems, taken at `taken` (ISO with offset) or without a time. */
function photo(file: string, taken: string | null, more: Partial<PhotoInfo> = {}): PhotoInfo {
  return {
    file,
    kind: 'jpeg',
    size: 1000,
    width: 640,
    height: 480,
    orientation: 1,
    taken,
    takenMs: taken ? Date.parse(taken) : null,
    offsetKnown: true,
    hash: `h-${file}`,
    problem: null,
    ...more,
  };
}

function session(title: string, start: string, end: string, url: string | null = null, kind: Session['kind'] = 'talk'): Session {
  return { id: title, title, speakers: [], companies: [], byline: null, room: null, track: null, kind, start, end, url };
}

const schedule: Schedule = {
  source: 'test',
  format: 'ics',
  title: 'Test Con',
  timeZone: ZONE,
  sessions: [
    session('Opening Keynote', '2026-03-24T09:00:00+01:00', '2026-03-24T09:30:00+01:00', 'https://con.example/s/1'),
    session('Coffee', '2026-03-24T10:30:00+01:00', '2026-03-24T11:00:00+01:00', null, 'break'),
    session('Service Mesh Deep Dive', '2026-03-24T11:00:00+01:00', '2026-03-24T11:30:00+01:00', 'https://con.example/s/2'),
  ],
};

const NOTE = [
  '---',
  'title: Test Con notes',
  'date: 2026-03-24',
  '---',
  '',
  '## Day 1 (2026-03-24)',
  '',
  '### Welcome and opening', // 8: linked to session 1
  '',
  '[Session page](https://con.example/s/1)',
  '',
  '### 10:00 Platform engineering at scale', // 12: heading time, open end
  '',
  'pic from phone',
  '',
  '### Service Mesh Deep Dive - Ana Lima, Acme', // 16: title matches session 2
  '',
  '- sidecars',
  '- [//]: # (picture on phone)',
  '',
  '### Lightning: eBPF tricks', // 21: Start/End Talk times
  '',
  'Notes.',
  '',
].join('\n');

const base: PlanOptions = {
  notePath: 'content/posts/test-con.md',
  schedule,
  timeZone: ZONE,
  talkTimes: [{ heading: 'Lightning: eBPF tricks', start: '2026-03-24T11:40:00+01:00', end: '2026-03-24T11:50:00+01:00' }] satisfies TalkTimes[],
};

const rowOf = (plan: ReturnType<typeof planPhotos>, file: string) => plan.rows.find((r) => r.file === file)!;

describe('photos: which talk', () => {
  it('builds each talk’s window from the schedule (link, then title), the timer, the heading', () => {
    const w = talkWindows(NOTE, base);
    const sources: WindowSource[] = w.map((x) => x.source);
    assert.deepStrictEqual(sources, ['schedule', 'heading', 'schedule', 'timer']);
    assert.deepStrictEqual(
      w.map((x) => [x.line, x.source, new Date(x.start).toISOString(), new Date(x.end!).toISOString()]),
      [
        [8, 'schedule', '2026-03-24T08:00:00.000Z', '2026-03-24T08:40:00.000Z'],
        [12, 'heading', '2026-03-24T09:00:00.000Z', '2026-03-24T10:00:00.000Z'],
        [16, 'schedule', '2026-03-24T10:00:00.000Z', '2026-03-24T10:40:00.000Z'],
        [21, 'timer', '2026-03-24T10:40:00.000Z', '2026-03-24T10:50:00.000Z'],
      ],
    );
  });

  it('places photos by capture time, with the reasons for the rest', () => {
    const photos = [
      photo('early.jpg', '2026-03-24T08:10:00+01:00'),
      photo('keynote.jpg', '2026-03-24T09:10:00+01:00'),
      photo('questions.jpg', '2026-03-24T09:38:00+01:00'), // within 10 minutes after the keynote
      photo('gap.jpg', '2026-03-24T09:45:00+01:00'),
      photo('platform.jpg', '2026-03-24T10:59:00+01:00'), // open end: until the mesh talk starts
      photo('mesh.jpg', '2026-03-24T11:05:00+01:00'),
      photo('ebpf.jpg', '2026-03-24T11:45:00+01:00'),
      photo('late.jpg', '2026-03-24T18:00:00+01:00'),
      photo('screenshot.png', null, { kind: 'png' }),
      photo('slide.heic', '2026-03-24T09:05:00+01:00', { kind: 'heic' }),
    ];
    const plan = planPhotos(NOTE, photos, base);
    const summary = plan.rows.map((r) => [r.file, r.talk?.line ?? null, r.reason]);
    assert.deepStrictEqual(summary, [
      ['early.jpg', null, 'before the first talk'],
      ['slide.heic', null, 'not an image browsers show (HEIC: export it as JPEG, or set the phone’s camera to Most Compatible)'],
      ['keynote.jpg', 8, null],
      ['questions.jpg', 8, null],
      ['gap.jpg', null, 'in a break (between Welcome and opening and Platform engineering at scale)'],
      ['platform.jpg', 12, null],
      ['mesh.jpg', 16, null],
      ['ebpf.jpg', 21, null],
      ['late.jpg', null, 'after the last talk (Lightning: eBPF tricks ended 11:50)'],
      ['screenshot.png', null, 'no capture time'],
    ]);
  });

  it('without a grace the minutes after a session are a break', () => {
    assert.strictEqual(DEFAULT_GRACE_MINUTES, 10);
    const plan = planPhotos(NOTE, [photo('questions.jpg', '2026-03-24T09:38:00+01:00')], { ...base, graceMinutes: 0 });
    assert.match(plan.rows[0].reason ?? '', /^in a break/);
  });

  it('a note without any time says so', () => {
    const plan = planPhotos('## Day 1\n\n### A talk\n', [photo('a.jpg', '2026-03-24T09:00:00+01:00')], { notePath: 'n.md', timeZone: ZONE });
    assert.match(plan.rows[0].reason ?? '', /^no talk of the note has a time/);
  });

  it('the user’s choice wins: a talk for a photo without time, or left out', () => {
    const photos = [photo('screenshot.png', null, { kind: 'png' }), photo('mesh.jpg', '2026-03-24T11:05:00+01:00')];
    const assign: PhotoAssignment = { 'screenshot.png': 12, 'mesh.jpg': null };
    const plan = planPhotos(NOTE, photos, { ...base, assign });
    const row = rowOf(plan, 'screenshot.png');
    const source: PlacementSource | null = row.source;
    assert.deepStrictEqual([row.talk?.line, source, row.target], [12, 'chosen', 'images/platform-engineering-at-scale-01.png']);
    assert.strictEqual(rowOf(plan, 'mesh.jpg').reason, 'left out');
  });

  it('a photo already in the post, or given twice, is not added again', () => {
    const photos = [
      photo('a.jpg', '2026-03-24T11:05:00+01:00', { hash: 'same' }),
      photo('copy.jpg', '2026-03-24T11:06:00+01:00', { hash: 'same' }),
      photo('b.jpg', '2026-03-24T11:07:00+01:00'),
    ];
    const plan = planPhotos(NOTE, photos, { ...base, existingHashes: ['h-b.jpg'] });
    assert.deepStrictEqual(
      plan.rows.map((r) => r.reason),
      [null, 'the same photo as a.jpg', 'already in the post'],
    );
  });
});

describe('photos: linear in photos and talks', () => {
  /** n talks (Start/End Talk times, 30 minutes each, overlapping the next by 10) and 2n photos over them. */
  function steps(n: number): { steps: number; placed: number } {
    const lines = ['## Day 1', ''];
    const talkTimes: TalkTimes[] = [];
    const t0 = Date.parse('2026-03-24T08:00:00Z');
    for (let i = 0; i < n; i++) {
      lines.push(`### Talk ${i}`, '', 'Notes.', '');
      talkTimes.push({ heading: `Talk ${i}`, start: new Date(t0 + i * 20 * 60000).toISOString(), end: new Date(t0 + (i * 20 + 30) * 60000).toISOString() });
    }
    const photos = Array.from({ length: 2 * n }, (_, i) => photo(`p${i}.jpg`, new Date(t0 + i * 10 * 60000 + 60000).toISOString()));
    const work = { steps: 0 };
    const plan = planPhotos(lines.join('\n'), photos, { notePath: 'n.md', timeZone: 'UTC', talkTimes, work });
    return { steps: work.steps, placed: plan.rows.filter((r) => r.talk).length };
  }

  it('places 2n photos among n overlapping talks in steps proportional to n', () => {
    const small = steps(500);
    const large = steps(2000);
    assert.deepStrictEqual([small.placed, large.placed], [1000, 4000]);
    assert.ok(large.steps <= 4 * small.steps + 10, `${small.steps} → ${large.steps}`);
    assert.ok(large.steps <= 2 * 2000 + 4 * 2000, `${large.steps} steps for 4,000 photos and 2,000 talks`);
  });
});

describe('photos: names and folders', () => {
  it('numbers per talk in capture order, skipping names that exist', () => {
    const photos = [photo('2.jpg', '2026-03-24T11:10:00+01:00'), photo('1.jpg', '2026-03-24T11:05:00+01:00'), photo('3.jpg', '2026-03-24T11:45:00+01:00')];
    const plan = planPhotos(NOTE, photos, { ...base, existingNames: ['service-mesh-deep-dive-01.jpg', 'Service-Mesh-Deep-Dive-03.JPG'] });
    assert.deepStrictEqual(
      plan.rows.map((r) => [r.file, r.target, r.url]),
      [
        ['1.jpg', 'images/service-mesh-deep-dive-02.jpg', 'images/service-mesh-deep-dive-02.jpg'],
        ['2.jpg', 'images/service-mesh-deep-dive-04.jpg', 'images/service-mesh-deep-dive-04.jpg'],
        ['3.jpg', 'images/lightning-ebpf-tricks-01.jpg', 'images/lightning-ebpf-tricks-01.jpg'],
      ],
    );
  });

  it('slugs titles: no path, no odd characters, accents folded', () => {
    assert.strictEqual(talkSlug('../../etc/passwd'), 'etc-passwd');
    assert.strictEqual(talkSlug('Café: <Kubernetes> & “Wasm” 🚀'), 'cafe-kubernetes-wasm');
    assert.strictEqual(talkSlug('日本語'), 'talk');
  });

  it('a page bundle keeps its images beside it', () => {
    assert.deepStrictEqual(photoFolder('content/posts/kubecon/index.md', { siteRoot: '../../..' }), { folder: 'images', linkPrefix: 'images/' });
  });

  it('a single-file post uses static/images/<post slug>/ of the site root, linked from the site’s root', () => {
    assert.deepStrictEqual(photoFolder('site/content/posts/KubeCon EU.md', { siteRoot: '../..' }), { folder: '../../static/images/kubecon-eu', linkPrefix: '/images/kubecon-eu/' });
    assert.deepStrictEqual(photoFolder('notes/kubecon.md', { siteRoot: null }), { folder: 'images', linkPrefix: 'images/' });
    assert.deepStrictEqual(ancestorFolders('/a/b/c.md'), ['', '..', '../..']);
  });

  it('the folder setting overrides, with variables, relative to the note or to the workspace', () => {
    assert.deepStrictEqual(photoFolder('content/posts/kubecon.md', { destination: 'assets/${documentBaseName}' }), { folder: 'assets/kubecon', linkPrefix: 'assets/kubecon/' });
    assert.deepStrictEqual(photoFolder('content/posts/kubecon.md', { destination: '/static/img/${documentDirName}/', workspacePath: 'content/posts/kubecon.md' }), {
      folder: '../../static/img/posts',
      linkPrefix: '../../static/img/posts/',
    });
  });
});

describe('photos: the note’s edits', () => {
  const plan = planPhotos(
    NOTE,
    [
      photo('k.jpg', '2026-03-24T09:10:00+01:00'),
      photo('p1.jpg', '2026-03-24T10:10:00+01:00'),
      photo('p2.jpg', '2026-03-24T10:20:00+01:00'),
      photo('m.jpg', '2026-03-24T11:05:00+01:00'),
    ],
    base,
  );

  it('adds images at the end of a talk’s section, in place of a marker, in place of a hidden marker', () => {
    const edits = photoEdits(NOTE, plan.rows);
    assert.strictEqual(edits.length, 3, 'one edit per place');
    const out = applyEdits(NOTE, edits).split('\n');
    assert.deepStrictEqual(out.slice(7, 31), [
      '### Welcome and opening',
      '',
      '[Session page](https://con.example/s/1)',
      '',
      '![Slide: Welcome and opening](images/welcome-and-opening-01.jpg)',
      '',
      '### 10:00 Platform engineering at scale',
      '',
      '![Slide: Platform engineering at scale](images/platform-engineering-at-scale-01.jpg)',
      '',
      '![Slide: Platform engineering at scale](images/platform-engineering-at-scale-02.jpg)',
      '',
      '### Service Mesh Deep Dive - Ana Lima, Acme',
      '',
      '- sidecars',
      '- ![Slide: Service Mesh Deep Dive](images/service-mesh-deep-dive-01.jpg)',
      '',
      '### Lightning: eBPF tricks',
      '',
      'Notes.',
      '',
    ]);
  });

  it('a marker in a code block is text, not a marker', () => {
    const coded = NOTE.replace('pic from phone', '```\npic from phone\n```');
    const out = applyEdits(coded, photoEdits(coded, planPhotos(coded, [photo('p1.jpg', '2026-03-24T10:10:00+01:00')], base).rows));
    assert.ok(out.includes('```\npic from phone\n```\n\n![Slide: Platform engineering at scale](images/platform-engineering-at-scale-01.jpg)\n'), out);
  });

  it('keeps a CRLF note’s line endings and touches nothing else', () => {
    const crlf = NOTE.replace(/\n/g, '\r\n');
    const out = applyEdits(crlf, photoEdits(crlf, plan.rows));
    assert.ok(!/[^\r]\n/.test(out), 'every line break is CRLF');
    assert.strictEqual(out.replace(/\r\n/g, '\n'), applyEdits(NOTE, photoEdits(NOTE, plan.rows)));
  });

  it('writes chosen QR links as [from the slides](url), http(s) only, once', () => {
    const links = [
      { talkLine: 21, url: 'https://example.com/slides (v2)' },
      { talkLine: 21, url: 'javascript:alert(1)' },
      { talkLine: 21, url: 'https://example.com/slides (v2)' },
    ];
    const out = applyEdits(NOTE, photoEdits(NOTE, [], links));
    assert.ok(out.endsWith('Notes.\n\n[from the slides](https://example.com/slides%20%28v2%29)\n'), JSON.stringify(out.slice(-80)));
    assert.ok(!out.includes('javascript'));
  });

  it('encodes a folder with spaces or parentheses in the link', () => {
    const odd = planPhotos(NOTE, [photo('m.jpg', '2026-03-24T11:05:00+01:00')], { ...base, destination: 'my pics (2026)' });
    const out = applyEdits(NOTE, photoEdits(NOTE, odd.rows));
    assert.ok(out.includes('- ![Slide: Service Mesh Deep Dive](my%20pics%20%282026%29/service-mesh-deep-dive-01.jpg)'));
  });
});
