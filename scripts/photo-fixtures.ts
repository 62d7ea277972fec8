/**
 * `npm run photo-fixtures`: writes the small photos of test/fixtures/photos/ that the slide
 * photo tests read. Each is made here from nothing (drawn pixels, EXIF built by hand), so the
 * fixtures hold no real photo, place or person.
 */
import * as fs from 'fs';
import * as path from 'path';
import jpeg from 'jpeg-js';
import QRCode from 'qrcode';
import sharp from 'sharp';

const out = path.join(__dirname, '..', 'test', 'fixtures', 'photos');

// --- EXIF (TIFF, big-endian) built by hand ---
type Entry = { tag: number; type: 2 | 3 | 4 | 5; values: string | number[] };
const TYPE_SIZE = { 2: 1, 3: 2, 4: 4, 5: 8 } as const;
const count = (e: Entry) => (typeof e.values === 'string' ? e.values.length + 1 : e.type === 5 ? e.values.length / 2 : e.values.length);
const byteLen = (e: Entry) => count(e) * TYPE_SIZE[e.type];
const ifdSize = (es: Entry[]) => 2 + 12 * es.length + 4 + es.reduce((n, e) => n + (byteLen(e) > 4 ? byteLen(e) + (byteLen(e) % 2) : 0), 0);

function writeIfd(buf: Buffer, at: number, es: Entry[]): void {
  const sorted = [...es].sort((a, b) => a.tag - b.tag);
  buf.writeUInt16BE(sorted.length, at);
  let data = at + 2 + 12 * sorted.length + 4;
  sorted.forEach((e, k) => {
    const p = at + 2 + 12 * k;
    buf.writeUInt16BE(e.tag, p);
    buf.writeUInt16BE(e.type, p + 2);
    buf.writeUInt32BE(count(e), p + 4);
    const len = byteLen(e);
    let w = len > 4 ? data : p + 8;
    if (len > 4) {
      buf.writeUInt32BE(data, p + 8);
      data += len + (len % 2);
    }
    if (typeof e.values === 'string') buf.write(e.values + '\0', w, 'latin1');
    else {
      for (const v of e.values) {
        if (e.type === 3) buf.writeUInt16BE(v, w);
        else buf.writeUInt32BE(v, w);
        w += TYPE_SIZE[e.type] === 2 ? 2 : 4;
      }
    }
  });
  buf.writeUInt32BE(0, at + 2 + 12 * sorted.length);
}

export interface Exif {
  taken?: string;
  offset?: string;
  orientation?: number;
  gps?: boolean;
}

/** A TIFF block (what follows `Exif\0\0`): orientation, owner and serial, capture time, GPS. */
function tiff(x: Exif): Buffer {
  const ifd0: Entry[] = [
    { tag: 0x010f, type: 2, values: 'TestMaker' },
    { tag: 0x013b, type: 2, values: 'Jane Owner' },
  ];
  if (x.orientation) ifd0.push({ tag: 0x0112, type: 3, values: [x.orientation] });
  const exif: Entry[] = [{ tag: 0xa431, type: 2, values: 'SERIAL123456' }];
  if (x.taken) exif.push({ tag: 0x9003, type: 2, values: x.taken });
  if (x.offset) exif.push({ tag: 0x9011, type: 2, values: x.offset });
  const gps: Entry[] = x.gps
    ? [
        { tag: 0x0001, type: 2, values: 'N' },
        { tag: 0x0002, type: 5, values: [48, 1, 8, 1, 3000, 100] },
        { tag: 0x0003, type: 2, values: 'E' },
        { tag: 0x0004, type: 5, values: [2, 1, 21, 1, 0, 1] },
      ]
    : [];
  ifd0.push({ tag: 0x8769, type: 4, values: [0] });
  if (gps.length) ifd0.push({ tag: 0x8825, type: 4, values: [0] });
  const exifAt = 8 + ifdSize(ifd0);
  const gpsAt = exifAt + ifdSize(exif);
  ifd0.find((e) => e.tag === 0x8769)!.values = [exifAt];
  if (gps.length) ifd0.find((e) => e.tag === 0x8825)!.values = [gpsAt];
  const buf = Buffer.alloc(gpsAt + (gps.length ? ifdSize(gps) : 0));
  buf.write('MM\0\x2a', 0, 'latin1');
  buf.writeUInt32BE(8, 4);
  writeIfd(buf, 8, ifd0);
  writeIfd(buf, exifAt, exif);
  if (gps.length) writeIfd(buf, gpsAt, gps);
  return buf;
}

/** A JPEG with an APP1 Exif segment (built from `exif`) put right after its SOI marker. */
export function withExif(plain: Uint8Array, exif: Exif): Buffer {
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff(exif)]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([plain.subarray(0, 2), head, body, plain.subarray(2)]);
}

/** JPEG pixels from a painter, with an APP1 Exif segment after SOI when asked. */
function jpegOf(width: number, height: number, paint: (x: number, y: number) => number, exif?: Exif): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = paint(x, y);
      data.set([v, (v * 3) & 255, 255 - v, 255], (y * width + x) * 4);
    }
  }
  const plain = Buffer.from(jpeg.encode({ data, width, height }, 90).data);
  return exif ? withExif(plain, exif) : plain;
}

const gradient = (x: number, y: number) => (x * 2 + y) & 255;

/** A slide with a QR code of `url` drawn in its right half. */
function qrSlide(url: string, exif: Exif): Buffer {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = 5;
  const left = 180;
  const top = 40;
  const dark = (x: number, y: number) => {
    const mx = Math.floor((x - left) / scale);
    const my = Math.floor((y - top) / scale);
    return mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx) === 1;
  };
  const w = 360;
  const h = 240;
  const data = Buffer.alloc(w * h * 4, 255);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (dark(x, y) || (y > 20 && y < 30 && x > 20 && x < 150)) data.fill(0, (y * w + x) * 4, (y * w + x) * 4 + 3);
  return withExif(Buffer.from(jpeg.encode({ data, width: w, height: h }, 92).data), exif);
}

function box(kind: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(kind, 4, 'latin1');
  return Buffer.concat([head, body]);
}
const u16 = (n: number) => Buffer.from([n >> 8, n & 255]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
};

/** A minimal HEIF file: ftyp, meta (iinf with one Exif item, iloc pointing at it), mdat with the Exif. No picture. */
function heic(exif: Exif): Buffer {
  const ftyp = box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1'));
  const exifItem = Buffer.concat([u32(6), Buffer.from('Exif\0\0', 'latin1'), tiff(exif)]);
  const infe = box('infe', u32(0x02000000), u16(1), u16(0), Buffer.from('Exif\0', 'latin1'));
  const iinf = box('iinf', u32(0), u16(1), infe);
  const ilocOf = (offset: number) => box('iloc', u32(0), Buffer.from([0x44, 0x00]), u16(1), u16(1), u16(0), u16(1), u32(offset), u32(exifItem.length));
  const metaOf = (offset: number) => box('meta', u32(0), box('hdlr', u32(0), u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(13)), iinf, ilocOf(offset));
  const metaLen = metaOf(0).length;
  const offset = ftyp.length + metaLen + 8;
  return Buffer.concat([ftyp, metaOf(offset), box('mdat', exifItem)]);
}

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const write = (name: string, bytes: Buffer | string) => fs.writeFileSync(path.join(out, name), bytes);
  const withOffset = jpegOf(320, 240, gradient, { taken: '2026:03:24 11:05:00', offset: '+01:00', orientation: 1, gps: true });
  write('offset-gps.jpg', withOffset);
  write(
    'no-offset.jpg',
    jpegOf(240, 160, (x, y) => (x + y * 2) & 255, { taken: '2026:03:24 14:40:00' }),
  );
  write(
    'rotated.jpg',
    jpegOf(200, 100, (x) => (x < 100 ? 40 : 200), { taken: '2026:03:24 11:20:00', offset: '+01:00', orientation: 6 }),
  );
  write('no-exif.jpg', jpegOf(64, 64, gradient));
  write('qr-slide.jpg', qrSlide('https://example.com/slides/ebpf-talk', { taken: '2026:03:24 11:30:00', offset: '+01:00' }));
  write(
    'screenshot.png',
    await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 120, b: 200 } } })
      .png()
      .toBuffer(),
  );
  write('slide.heic', heic({ taken: '2026:03:24 11:10:00', offset: '+01:00' }));
  write('truncated.jpg', withOffset.subarray(0, Math.floor(withOffset.length / 2)));
  write('notes.jpg', 'These are not pixels, just a text file with an image name.\n');
}

if (require.main === module) void main();
