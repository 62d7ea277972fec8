/**
 * Slide photos: photos read (kind, size, EXIF time, hash) and placed under a 60-talk note's talks,
 * per second, on 12-megapixel phone-sized JPEGs; the resize of one 12-megapixel JPEG to a long
 * edge of 1600 px (decode, box filter, encode) with jpeg-js (pure JavaScript: what the extension
 * runs, in Node and in the browser) beside sharp (libvips, native) in the same run; and the QR
 * code search of one such photo. All photos are made in memory.
 */
import * as path from 'path';
import sharp from 'sharp';
import { median, type BenchRow } from './types';
import { withExif } from '../scripts/photo-fixtures';
import { decodeQrLinks, planPhotos, processPhoto, readPhoto, type PhotoInfo } from '../src/core/photos';

const SUITE = 'photos';
const ZONE = 'Europe/Paris';

/** A 4000×3000 JPEG of soft noise (about the size a phone writes). */
async function twelveMegapixels(): Promise<Uint8Array> {
  const noise = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(1.2)
    .jpeg({ quality: 85 })
    .toBuffer();
  return new Uint8Array(noise);
}

/** A note of one day with 60 talks at 10-minute steps from 09:00, heading times only. */
function note(): string {
  const lines = ['## Day 1 (2026-03-24)', ''];
  for (let i = 0; i < 60; i++) {
    const m = 9 * 60 + i * 10;
    lines.push(`### ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')} Talk number ${i + 1}`, '', 'Notes.', '');
  }
  return lines.join('\n');
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const plain = await twelveMegapixels();
  const mb = plain.length / 1048576;
  // 20 photos a minute apart from 09:05, each with its own EXIF (so each hash is its own).
  const photos = Array.from({ length: 20 }, (_, i) => {
    const m = 9 * 60 + 5 + i * 17;
    const taken = `2026:03:24 ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
    return new Uint8Array(withExif(plain, { taken, offset: '+01:00', gps: true }));
  });
  const text = note();
  const rounds: number[] = [];
  let placed = 0;
  for (let r = 0; r < 5; r++) {
    const { ms, value } = await timed(async () => {
      const infos: PhotoInfo[] = [];
      for (let i = 0; i < photos.length; i++) infos.push(await readPhoto(`IMG_${i}.jpg`, photos[i], { timeZone: ZONE }));
      return planPhotos(text, infos, { notePath: 'content/posts/day.md', timeZone: ZONE });
    });
    placed = value.rows.filter((row) => row.talk).length;
    rounds.push(ms);
  }
  const perSecond = (photos.length * 1000) / median(rounds);
  rows.push({
    suite: SUITE,
    name: `photos read and placed per second (12 MP JPEG, ${mb.toFixed(1)} MB each; ${placed}/${photos.length} placed in a 60-talk note; median of 5)`,
    value: Math.round(perSecond),
    unit: 'count',
    goal: '≥ 20 per second',
    pass: perSecond >= 20,
  });

  const info = await readPhoto('IMG.jpg', photos[0], { timeZone: ZONE });
  const ours: number[] = [];
  const native: number[] = [];
  let size = '';
  for (let i = 0; i < 3; i++) {
    const a = await timed(() => processPhoto(photos[0], info, { maxEdge: 1600 }));
    const b = await timed(() => sharp(photos[0]).rotate().resize(1600, 1600, { fit: 'inside' }).jpeg({ quality: 85 }).toBuffer());
    ours.push(a.ms);
    native.push(b.ms);
    size = `${a.value.width}×${a.value.height}, ${Math.round(a.value.bytes.length / 1024)} KB (sharp ${Math.round(b.value.length / 1024)} KB)`;
  }
  rows.push({
    suite: SUITE,
    name: `resize 12 MP JPEG to 1600 px, jpeg-js + box filter (${size}; median of 3)`,
    value: median(ours),
    unit: 'ms',
    peer: { name: 'sharp (libvips, native)', value: median(native) },
    goal: '≤ 5000 ms',
    pass: median(ours) <= 5000,
  });
  rows.push({ suite: SUITE, name: 'resize 12 MP: jpeg-js ÷ sharp', value: median(ours) / median(native), unit: 'ratio' });
  // A slide with a QR code, photographed at 12 MP (the fixture scaled up and softened).
  const slide = new Uint8Array(
    await sharp(path.join(__dirname, '..', 'test', 'fixtures', 'photos', 'qr-slide.jpg'))
      .resize(4000, 2667)
      .blur(1.5)
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
  const slideInfo = await readPhoto('slide.jpg', slide, { timeZone: ZONE });
  const qr = await timed(() => Promise.resolve(decodeQrLinks(slide, slideInfo)));
  rows.push({ suite: SUITE, name: `QR code on a 12 MP slide photo (decode, scale to 1200 px, jsQR: ${qr.value.length ? 'found' : 'NOT found'})`, value: qr.ms, unit: 'ms' });
  return rows;
}
