/**
 * The bytes written for a photo: metadata removed (GPS, serial number, owner: every APP1 Exif
 * and XMP, IPTC and comment segment of a JPEG; text and eXIf chunks of a PNG; EXIF and XMP
 * chunks of a WebP), orientation kept as a minimal Exif or applied to the pixels, and a JPEG
 * larger than the long edge resized and re-encoded. Pure JavaScript (jpeg-js), so it runs in
 * Node and in a web worker; no native binary.
 */
import jpeg from 'jpeg-js';
import { HEIC_REASON, jpegImageEnd, SOURCE_COMMENT } from './read';
import type { PhotoInfo, ProcessOptions, ProcessedPhoto } from './types';
import { orientPixels, resizeBox } from './pixels';

/** Long edge of a resized photo: sharp on a blog page, about 300 KB as JPEG. */
export const DEFAULT_MAX_EDGE = 1600;

const concat = (parts: readonly Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/** Whether a JPEG segment (marker, its bytes) is kept: JFIF, ICC colour profile, Adobe colour transform and everything not APPn/COM. */
function keepSegment(marker: number, seg: Uint8Array): boolean {
  if (marker === 0xfe) return false;
  if (marker < 0xe0 || marker > 0xef) return true;
  if (marker === 0xe0) return ascii(seg, 4, 9) === 'JFIF\0';
  if (marker === 0xe2) return ascii(seg, 4, 16) === 'ICC_PROFILE\0';
  return marker === 0xee;
}

/** A JPEG's header segments split off its scan: `[marker, bytes]` up to SOS, and the scans from SOS to EOI. */
function jpegSegments(b: Uint8Array): { segments: [number, Uint8Array][]; scan: Uint8Array } {
  const segments: [number, Uint8Array][] = [];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xda) break;
    const end = i + 2 + ((b[i + 2] << 8) | b[i + 3]);
    segments.push([marker, b.subarray(i, end)]);
    i = end;
  }
  // The scans up to EOI: what a phone appends after the image (a gain map, a depth map, a maker trailer) is left out.
  const end = jpegImageEnd(b, i);
  return { segments, scan: b.subarray(i, end < 0 ? b.length : end) };
}

/** An APP1 segment holding only an Exif orientation (big-endian TIFF, one IFD, one entry). */
function orientationSegment(orientation: number): Uint8Array {
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  return Uint8Array.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body]);
}

/** A copy of an APP1 Exif segment with its IFD0 orientation set to 1 (the pixels were turned). */
function uprightExif(seg: Uint8Array): Uint8Array {
  const out = seg.slice();
  if (ascii(out, 4, 10) !== 'Exif\0\0' || out.length < 22) return out;
  const t = 10;
  const le = out[t] === 0x49;
  const u16 = (i: number) => (le ? out[i] | (out[i + 1] << 8) : (out[i] << 8) | out[i + 1]);
  const u32 = (i: number) => (le ? u16(i) | (u16(i + 2) << 16) : (u16(i) << 16) | u16(i + 2)) >>> 0;
  const ifd = t + u32(t + 4);
  if (ifd + 2 > out.length) return out;
  const n = u16(ifd);
  for (let k = 0; k < n && ifd + 2 + 12 * k + 12 <= out.length; k++) {
    const e = ifd + 2 + 12 * k;
    if (u16(e) === 0x0112) {
      out[e + 8] = le ? 1 : 0;
      out[e + 9] = le ? 0 : 1;
    }
  }
  return out;
}

/** A comment segment naming the photo the image was made from (its hash, nothing else), so a later run knows it is already in the post. */
function sourceSegment(hash: string): Uint8Array {
  const text = SOURCE_COMMENT + hash;
  return Uint8Array.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 255, ...Array.from(text, (c) => c.charCodeAt(0))]);
}

/** jpeg-js writes its result with `Buffer.from` inside any CommonJS bundle; a web worker has no Buffer, so there it gets a Uint8Array maker for the call. */
function encodeJpeg(data: Uint8Array, width: number, height: number, quality: number): Uint8Array {
  const g = globalThis as { Buffer?: unknown };
  const lent = g.Buffer === undefined;
  if (lent) g.Buffer = { from: (a: ArrayLike<number>) => Uint8Array.from(a) };
  try {
    return new Uint8Array(jpeg.encode({ data, width, height }, quality).data);
  } finally {
    if (lent) delete g.Buffer;
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function processJpeg(bytes: Uint8Array, info: PhotoInfo, options: ProcessOptions): ProcessedPhoto {
  const maxEdge = Math.max(0, Math.floor(options.maxEdge ?? DEFAULT_MAX_EDGE));
  const w = info.width ?? 0;
  const h = info.height ?? 0;
  const turned = info.orientation >= 5;
  const size = { width: turned ? h : w, height: turned ? w : h };
  const { segments, scan } = jpegSegments(bytes);
  if (maxEdge === 0 || Math.max(w, h) <= maxEdge) {
    if (options.keepMetadata) return { bytes, ...size, reencoded: false, problem: null };
    const kept = segments.filter(([m, s]) => keepSegment(m, s)).map(([, s]) => s);
    const orientation = info.orientation !== 1 ? [orientationSegment(info.orientation)] : [];
    const at = kept.length > 0 && segments[0][0] === 0xe0 && keepSegment(0xe0, segments[0][1]) ? 1 : 0;
    const parts = [bytes.subarray(0, 2), ...kept.slice(0, at), ...orientation, sourceSegment(info.hash), ...kept.slice(at), scan];
    return { bytes: concat(parts), ...size, reencoded: false, problem: null };
  }
  let decoded: { data: Uint8Array; width: number; height: number };
  try {
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 200, maxMemoryUsageInMB: 2048 });
  } catch (e) {
    return { bytes: new Uint8Array(), ...size, reencoded: false, problem: `unreadable: ${messageOf(e)}` };
  }
  const small = resizeBox(decoded, maxEdge);
  const upright = orientPixels(small, info.orientation);
  const encoded = encodeJpeg(upright.data, upright.width, upright.height, options.quality ?? 85);
  const meta = options.keepMetadata ? segments.filter(([m, s]) => m >= 0xe1 && m <= 0xef && !keepSegment(m, s)).map(([m, s]) => (m === 0xe1 ? uprightExif(s) : s)) : [];
  const out = concat([encoded.subarray(0, 2), ...meta, sourceSegment(info.hash), encoded.subarray(2)]);
  return { bytes: out, width: upright.width, height: upright.height, reencoded: true, problem: null };
}

/** PNG chunks that carry words or times (tEXt, zTXt, iTXt, eXIf, tIME) dropped; pixels untouched. */
function stripPng(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    const type = ascii(b, i + 4, i + 8);
    const end = Math.min(b.length, i + 12 + len);
    if (!['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME'].includes(type)) parts.push(b.subarray(i, end));
    i = end;
  }
  return concat(parts);
}

/** WebP EXIF and XMP chunks dropped, the VP8X flags and RIFF size made to match. */
function stripWebp(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.slice(0, 12)];
  let i = 12;
  while (i + 8 <= b.length) {
    const len = b[i + 4] | (b[i + 5] << 8) | (b[i + 6] << 16) | (b[i + 7] << 24);
    const type = ascii(b, i, i + 4);
    const end = Math.min(b.length, i + 8 + len + (len % 2));
    if (type === 'VP8X') {
      const c = b.slice(i, end);
      c[8] &= ~0x0c;
      parts.push(c);
    } else if (type !== 'EXIF' && type !== 'XMP ') parts.push(b.subarray(i, end));
    i = end;
  }
  const out = concat(parts);
  const size = out.length - 8;
  out.set([size & 255, (size >> 8) & 255, (size >> 16) & 255, (size >>> 24) & 255], 4);
  return out;
}

/** The bytes to write for a photo `readPhoto` read without a problem. Never rejects. */
export function processPhoto(bytes: Uint8Array, info: PhotoInfo, options: ProcessOptions = {}): Promise<ProcessedPhoto> {
  const size = { width: info.width ?? 0, height: info.height ?? 0, reencoded: false };
  const refuse = (problem: string): ProcessedPhoto => ({ bytes: new Uint8Array(), ...size, problem });
  if (info.problem) return Promise.resolve(refuse(info.problem));
  if (info.kind === 'heic') return Promise.resolve(refuse(HEIC_REASON));
  if (info.kind === 'jpeg') return Promise.resolve(processJpeg(bytes, info, options));
  if (options.keepMetadata && (info.kind === 'png' || info.kind === 'webp')) return Promise.resolve({ bytes, ...size, problem: null });
  if (info.kind === 'png') return Promise.resolve({ bytes: stripPng(bytes), ...size, problem: null });
  if (info.kind === 'webp') return Promise.resolve({ bytes: stripWebp(bytes), ...size, problem: null });
  return Promise.resolve(refuse('unreadable: not an image'));
}
