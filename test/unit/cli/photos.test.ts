/**
 * `talk-capture photos`: the plan in words and as JSON, --write (images and note), refused when
 * the note changed while the photos were read, nothing left written when a step fails, bad files.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import exifr from 'exifr';
import { photoWriteHooks } from '../../../src/cli/photos';
import { cli } from '../helpers/cli';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'photos');

const NOTE = ['## Day 1 (2026-03-24)', '', '### 11:00 eBPF in production - Ana Lima, Acme', '', 'Notes.', '', '### 11:25 Tracing, gently', '', 'pic from phone', ''].join('\n');

/** A Hugo site with the note as a single-file post, and a folder with the fixture photos. */
function site(): { root: string; note: string; photos: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-photos-'));
  fs.writeFileSync(path.join(root, 'hugo.toml'), 'title = "t"\n');
  fs.mkdirSync(path.join(root, 'content', 'posts'), { recursive: true });
  const note = path.join(root, 'content', 'posts', 'kubecon.md');
  fs.writeFileSync(note, NOTE);
  const photos = path.join(root, 'phone');
  fs.mkdirSync(photos);
  for (const f of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, f), path.join(photos, f));
  fs.writeFileSync(path.join(photos, '.hidden.jpg'), fs.readFileSync(path.join(fixtures, 'rotated.jpg')));
  return { root, note, photos };
}

interface PhotosJson {
  photos: { file: string; taken: string | null; talk: { line: number; title: string } | null; reason: string | null; target: string | null; links: string[] }[];
}

const listTree = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listTree(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

describe('cli: talk-capture photos', function () {
  this.timeout(30000);
  afterEach(() => delete photoWriteHooks.beforeWrite);

  it('prints the plan, each photo with its time and talk or why none', async () => {
    const { note, photos } = site();
    const r = await cli('photos', note, photos, '--tz', 'Europe/Paris');
    assert.strictEqual(r.code, 0, r.err);
    const lines = r.outLines.map((l) => l.replace(photos + path.sep, ''));
    assert.strictEqual(lines[0], `${note}: 9 photos, 3 under 2 talks`);
    assert.ok(
      lines.includes('  offset-gps.jpg  2026-03-24T11:05:00+01:00  → ../../static/images/kubecon/ebpf-in-production-01.jpg  (line 3: eBPF in production; heading)'),
      lines.join('\n'),
    );
    assert.ok(lines.includes('      QR link: https://example.com/slides/ebpf-talk'));
    assert.ok(lines.includes('  truncated.jpg  no time  not placed: unreadable: the file ends early (truncated)'));
    assert.ok(!lines.some((l) => l.includes('.hidden')), 'hidden files are skipped');
    assert.deepStrictEqual(listTree(path.dirname(note)), ['kubecon.md'], 'nothing written without --write');
  });

  it('--json has the documented shape', async () => {
    const { note, photos } = site();
    const r = await cli('photos', note, photos, '--tz', 'Europe/Paris', '--json');
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as PhotosJson;
    assert.deepStrictEqual(Object.keys(j), ['photos']);
    assert.deepStrictEqual(j.photos[0], {
      file: path.join(photos, 'offset-gps.jpg'),
      taken: '2026-03-24T11:05:00+01:00',
      talk: { line: 3, title: 'eBPF in production' },
      reason: null,
      target: '../../static/images/kubecon/ebpf-in-production-01.jpg',
      links: [],
    });
    const heic = j.photos.find((p) => p.file.endsWith('slide.heic'))!;
    assert.deepStrictEqual([heic.taken, heic.talk, heic.target], ['2026-03-24T11:10:00+01:00', null, null]);
    assert.match(heic.reason ?? '', /^not an image browsers show \(HEIC/);
    assert.deepStrictEqual(j.photos.find((p) => p.file.endsWith('qr-slide.jpg'))!.links, ['https://example.com/slides/ebpf-talk']);
  });

  it('--write writes the images without metadata and links them in the note; a second run adds nothing', async () => {
    const { root, note, photos } = site();
    const r = await cli('photos', note, photos, '--tz', 'Europe/Paris', '--write', '--max-edge', '200');
    assert.strictEqual(r.code, 0, r.err);
    const images = path.join(root, 'static', 'images', 'kubecon');
    assert.deepStrictEqual(fs.readdirSync(images).sort(), ['ebpf-in-production-01.jpg', 'ebpf-in-production-02.jpg', 'tracing-gently-01.jpg']);
    const tags = (await exifr.parse(fs.readFileSync(path.join(images, 'ebpf-in-production-01.jpg')), { gps: true })) as Record<string, unknown> | undefined;
    assert.strictEqual(tags?.latitude, undefined);
    const text = fs.readFileSync(note, 'utf8');
    assert.ok(
      text.includes(
        'Notes.\n\n![Slide: eBPF in production](/images/kubecon/ebpf-in-production-01.jpg)\n\n![Slide: eBPF in production](/images/kubecon/ebpf-in-production-02.jpg)\n',
      ),
      text,
    );
    assert.ok(text.includes('\n![Slide: Tracing, gently](/images/kubecon/tracing-gently-01.jpg)\n'), text);
    assert.ok(!text.includes('pic from phone'));
    const again = await cli('photos', note, photos, '--tz', 'Europe/Paris', '--write', '--json');
    assert.strictEqual(again.code, 0, again.err);
    assert.ok((JSON.parse(again.out) as PhotosJson).photos.every((p) => p.talk === null));
    assert.strictEqual(fs.readFileSync(note, 'utf8'), text);
    assert.strictEqual(fs.readdirSync(images).length, 3);
  });

  it('refuses when the note changed while the photos were read, and leaves nothing written', async () => {
    const { root, note, photos } = site();
    photoWriteHooks.beforeWrite = () => fs.appendFileSync(note, 'typed meanwhile\n');
    const r = await cli('photos', note, photos, '--tz', 'Europe/Paris', '--write');
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /kubecon\.md: it changed on disk since it was read; nothing was written/);
    assert.strictEqual(fs.readFileSync(note, 'utf8'), NOTE + 'typed meanwhile\n');
    assert.ok(!fs.existsSync(path.join(root, 'static')), 'the folders made for the images are gone too');
  });

  it('never overwrites an image: a name taken meanwhile stops the write, and nothing is left', async () => {
    const { root, note, photos } = site();
    const images = path.join(root, 'static', 'images', 'kubecon');
    photoWriteHooks.beforeWrite = () => {
      fs.mkdirSync(images, { recursive: true });
      fs.writeFileSync(path.join(images, 'tracing-gently-01.jpg'), 'theirs');
    };
    const r = await cli('photos', note, photos, '--tz', 'Europe/Paris', '--write');
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /tracing-gently-01\.jpg: it exists now \(written meanwhile\?\); nothing was written/);
    assert.deepStrictEqual(fs.readdirSync(images), ['tracing-gently-01.jpg']);
    assert.strictEqual(fs.readFileSync(path.join(images, 'tracing-gently-01.jpg'), 'utf8'), 'theirs');
    assert.strictEqual(fs.readFileSync(note, 'utf8'), NOTE);
  });

  it('bad arguments: a missing photo, a bad zone, a bad size, too few paths', async () => {
    const { note, photos } = site();
    const missing = await cli('photos', note, path.join(photos, 'nope.jpg'));
    assert.deepStrictEqual([missing.code, missing.err], [2, `talk-capture photos: ${path.join(photos, 'nope.jpg')}: no such file`]);
    assert.match((await cli('photos', note, photos, '--tz', 'Mars/Olympus')).err, /--tz: unknown time zone 'Mars\/Olympus'/);
    assert.match((await cli('photos', note, photos, '--max-edge', 'big')).err, /--max-edge must be a number of pixels/);
    assert.strictEqual((await cli('photos', note)).code, 2);
  });

  it('reads the schedule from the note’s front matter', async () => {
    const { note, photos, root } = site();
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//t//t//EN',
      'BEGIN:VEVENT',
      'UID:1',
      'DTSTART;TZID=Europe/Paris:20260324T105500',
      'DTEND;TZID=Europe/Paris:20260324T113500',
      'SUMMARY:Tracing\\, gently',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    fs.writeFileSync(path.join(root, 'content', 'posts', 'con.ics'), ics);
    // No times in the headings: only the schedule tells when the talk ran.
    const untimed = NOTE.replace(/### \d\d:\d\d /g, '### ');
    fs.writeFileSync(note, untimed);
    const without = await cli('photos', note, path.join(photos, 'offset-gps.jpg'), '--json');
    assert.match((JSON.parse(without.out) as PhotosJson).photos[0].reason ?? '', /^no talk of the note has a time/);
    fs.writeFileSync(note, `---\nschedule: con.ics\n---\n${untimed}`);
    const r = await cli('photos', note, path.join(photos, 'offset-gps.jpg'), '--json');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual((JSON.parse(r.out) as PhotosJson).photos[0].talk, { line: 10, title: 'Tracing, gently' });
  });
});
