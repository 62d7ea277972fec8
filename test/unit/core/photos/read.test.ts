/**
 * Slide photos, the bytes: kind by magic bytes, capture time with and without offset, size and
 * orientation, problems (truncated, not an image, empty, too large), metadata removal (read back
 * with exifr: no GPS, no serial, no owner), resizing (read back: dimensions), orientation, QR codes.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { decodeQrLinks, hashBytes, HEIC_REASON, photoHashes, photoKind, processPhoto, readPhoto, type PhotoInfo } from '../../../../src/core/photos';

const dir = path.join(__dirname, '..', '..', '..', 'fixtures', 'photos');
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));
const read = (name: string, timeZone = 'Europe/Paris') => readPhoto(name, bytesOf(name), { timeZone });
const tagsOf = async (bytes: Uint8Array) =>
  ((await exifr.parse(bytes, { gps: true, reviveValues: false, translateValues: false, mergeOutput: true })) ?? {}) as Record<string, unknown>;

describe('photos: reading a photo', () => {
  it('tells the kind by magic bytes, not by name', () => {
    const kinds = ['offset-gps.jpg', 'screenshot.png', 'slide.heic', 'notes.jpg'].map((f) => photoKind(bytesOf(f)));
    assert.deepStrictEqual(kinds, ['jpeg', 'png', 'heic', 'other']);
    assert.strictEqual(photoKind(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50])), 'webp');
  });

  it('reads the capture time with its own offset', async () => {
    const info = await read('offset-gps.jpg', 'America/New_York');
    assert.strictEqual(info.taken, '2026-03-24T11:05:00+01:00');
    assert.strictEqual(info.takenMs, Date.parse('2026-03-24T10:05:00Z'));
    assert.strictEqual(info.offsetKnown, true);
    assert.deepStrictEqual([info.kind, info.width, info.height, info.orientation, info.problem], ['jpeg', 320, 240, 1, null]);
  });

  it('reads a time without offset in the zone it is given (the conference’s)', async () => {
    const paris = await read('no-offset.jpg', 'Europe/Paris');
    assert.strictEqual(paris.taken, '2026-03-24T14:40:00+01:00');
    assert.strictEqual(paris.offsetKnown, false);
    const ny = await read('no-offset.jpg', 'America/New_York');
    assert.strictEqual(ny.taken, '2026-03-24T14:40:00-04:00');
    assert.strictEqual(ny.takenMs! - paris.takenMs!, 5 * 3600000);
  });

  it('reads the orientation of a rotated photo', async () => {
    const info = await read('rotated.jpg');
    assert.deepStrictEqual([info.width, info.height, info.orientation], [200, 100, 6]);
  });

  it('reads a HEIC photo’s capture time', async () => {
    const info = await read('slide.heic');
    assert.strictEqual(info.kind, 'heic');
    assert.strictEqual(info.taken, '2026-03-24T11:10:00+01:00');
    assert.strictEqual(info.problem, null);
  });

  it('a PNG screenshot and a JPEG without EXIF have no capture time, and no problem', async () => {
    for (const name of ['screenshot.png', 'no-exif.jpg']) {
      const info = await read(name);
      assert.strictEqual(info.taken, null, name);
      assert.strictEqual(info.problem, null, name);
    }
    assert.deepStrictEqual([(await read('screenshot.png')).width, (await read('screenshot.png')).height], [64, 48]);
  });

  it('names what is wrong with a truncated file, a text file named .jpg, an empty file and a file too large', async () => {
    assert.strictEqual((await read('truncated.jpg')).problem, 'unreadable: the file ends early (truncated)');
    assert.strictEqual((await read('notes.jpg')).problem, 'unreadable: not a JPEG, PNG, WebP or HEIC image');
    assert.strictEqual((await readPhoto('empty.jpg', new Uint8Array(), { timeZone: 'UTC' })).problem, 'unreadable: the file is empty');
    const big = await readPhoto('big.jpg', bytesOf('offset-gps.jpg'), { timeZone: 'UTC', maxBytes: 20 * 1024 });
    assert.strictEqual(big.problem, 'too large (39 KB; the limit is 20 KB)');
  });

  it('hashes bytes with FNV-1a 64 (checked against a BigInt reference)', () => {
    const reference = (b: Uint8Array) => {
      let h = 0xcbf29ce484222325n;
      for (const x of b) h = ((h ^ BigInt(x)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    assert.strictEqual(hashBytes(new Uint8Array()), 'cbf29ce484222325');
    assert.strictEqual(hashBytes(new TextEncoder().encode('a')), 'af63dc4c8601ec8c');
    const b = bytesOf('rotated.jpg');
    assert.strictEqual(hashBytes(b), reference(b));
  });
});

async function processed(name: string, options: Parameters<typeof processPhoto>[2]) {
  const bytes = bytesOf(name);
  const info = await read(name);
  return { info, out: await processPhoto(bytes, info, options) };
}

describe('photos: the bytes written', () => {
  it('removes GPS, serial number and owner from a photo small enough to keep its pixels', async () => {
    const before = await tagsOf(bytesOf('offset-gps.jpg'));
    assert.ok(before.GPSLatitude && before.SerialNumber && before.Artist, 'the fixture has them');
    const { info, out } = await processed('offset-gps.jpg', { maxEdge: 1600 });
    assert.strictEqual(out.reencoded, false);
    const after = await tagsOf(out.bytes);
    for (const tag of ['GPSLatitude', 'GPSLongitude', 'SerialNumber', 'Artist', 'Make', 'DateTimeOriginal']) assert.strictEqual(after[tag], undefined, tag);
    // The pixels are the same: the scan is copied byte for byte.
    const a = jpeg.decode(bytesOf('offset-gps.jpg'), { useTArray: true });
    const b = jpeg.decode(out.bytes, { useTArray: true });
    assert.deepStrictEqual([b.width, b.height], [320, 240]);
    assert.ok(Buffer.from(a.data).equals(Buffer.from(b.data)));
    // The copy names the photo it came from: a later run knows it is in the post.
    assert.deepStrictEqual(photoHashes(out.bytes), [hashBytes(out.bytes), info.hash]);
  });

  it('leaves out what a phone appends after the image (a trailer with its own metadata)', async () => {
    const photo = bytesOf('offset-gps.jpg');
    const trailer = new TextEncoder().encode('SEFH owner=Jane Owner serial=SERIAL123456');
    const withTrailer = new Uint8Array([...photo, ...trailer]);
    const info = await readPhoto('trailer.jpg', withTrailer, { timeZone: 'UTC' });
    assert.strictEqual(info.problem, null);
    const out = await processPhoto(withTrailer, info, {});
    assert.ok(!Buffer.from(out.bytes).includes('Jane Owner'));
    assert.deepStrictEqual([out.bytes[out.bytes.length - 2], out.bytes[out.bytes.length - 1]], [0xff, 0xd9]);
  });

  it('keeps the orientation as a minimal Exif when the pixels are kept', async () => {
    const { out } = await processed('rotated.jpg', {});
    const tags = await tagsOf(out.bytes);
    assert.deepStrictEqual(Object.keys(tags), ['Orientation']);
    assert.strictEqual(tags.Orientation, 6);
    assert.deepStrictEqual([out.width, out.height], [100, 200]);
  });

  it('resizes to the long edge and re-encodes (read back: dimensions), without metadata', async () => {
    const { out } = await processed('offset-gps.jpg', { maxEdge: 100 });
    assert.strictEqual(out.reencoded, true);
    const d = jpeg.decode(out.bytes, { useTArray: true });
    assert.deepStrictEqual([d.width, d.height, out.width, out.height], [100, 75, 100, 75]);
    assert.strictEqual((await tagsOf(out.bytes)).GPSLatitude, undefined);
  });

  it('applies the orientation to the pixels when it resizes (left half dark becomes top half)', async () => {
    const { out } = await processed('rotated.jpg', { maxEdge: 50 });
    const d = jpeg.decode(out.bytes, { useTArray: true });
    assert.deepStrictEqual([d.width, d.height], [25, 50]);
    assert.strictEqual((await tagsOf(out.bytes)).Orientation, undefined);
    const red = (x: number, y: number) => d.data[(y * d.width + x) * 4];
    // Stored: x < 100 dark (40), x ≥ 100 light (200); turned 90° clockwise: the dark half is on top.
    assert.ok(red(12, 5) < 100 && red(12, 45) > 150, `${red(12, 5)} ${red(12, 45)}`);
  });

  it('keeps the metadata when asked (setting), and 0 keeps the size', async () => {
    const { out } = await processed('offset-gps.jpg', { maxEdge: 0, keepMetadata: true });
    assert.ok(Buffer.from(out.bytes).equals(Buffer.from(bytesOf('offset-gps.jpg'))));
    const resized = await processed('offset-gps.jpg', { maxEdge: 100, keepMetadata: true });
    assert.ok((await tagsOf(resized.out.bytes)).GPSLatitude);
  });

  it('copies a PNG without its text chunks, and refuses HEIC and a damaged file by name', async () => {
    const png = await processed('screenshot.png', {});
    assert.ok(Buffer.from(png.out.bytes).equals(Buffer.from(bytesOf('screenshot.png'))));
    const heic = await processed('slide.heic', {});
    assert.deepStrictEqual([heic.out.problem, heic.out.bytes.length], [HEIC_REASON, 0]);
    assert.strictEqual((await processed('truncated.jpg', {})).out.problem, 'unreadable: the file ends early (truncated)');
  });
});

describe('photos: QR codes on slides', () => {
  it('decodes the QR code on a slide as an http(s) link', async () => {
    const info = await read('qr-slide.jpg');
    assert.deepStrictEqual(decodeQrLinks(bytesOf('qr-slide.jpg'), info), ['https://example.com/slides/ebpf-talk']);
  });

  it('finds nothing on a photo without a code, and never reads a non-JPEG', async () => {
    assert.deepStrictEqual(decodeQrLinks(bytesOf('offset-gps.jpg'), await read('offset-gps.jpg')), []);
    const png: PhotoInfo = await read('screenshot.png');
    assert.deepStrictEqual(decodeQrLinks(bytesOf('screenshot.png'), png), []);
  });
});
