/**
 * Reading a photo: its kind by magic bytes, pixel size, orientation and capture time (EXIF
 * DateTimeOriginal with OffsetTimeOriginal, through exifr's byte-array input, which knows JPEG,
 * HEIC, PNG and WebP and runs in Node and in a web worker), and a content hash. Never throws:
 * what cannot be read is a `problem`.
 */
import exifr from 'exifr';
import { formatInstant, localToInstant } from '../schedule/time';
import type { PhotoInfo, PhotoKind, ReadPhotoOptions } from './types';

/** Files above this are refused ("too large"): 100 MB, far above any phone photo (a 48 MP HEIC is ~10 MB). */
export const MAX_PHOTO_BYTES = 100 * 1024 * 1024;

/** Why a HEIC photo is not written: browsers cannot show it, and no converter with a licence fit for an MIT extension runs in both builds. */
export const HEIC_REASON = 'not an image browsers show (HEIC: export it as JPEG, or set the phone’s camera to Most Compatible)';

/** `12 MB`, or `40 KB` below a megabyte. */
const sizeText = (n: number) => (n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Why a photo of `size` bytes is refused under the limit `max`. */
export function tooLargeReason(size: number, max: number): string {
  return `too large (${sizeText(size)}; the limit is ${sizeText(max)})`;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** What the bytes are, by their first bytes. */
export function photoKind(bytes: Uint8Array): PhotoKind {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return 'heic';
  return 'other';
}

/**
 * FNV-1a 64 of the bytes as 16 hex digits, computed on four 16-bit limbs (no BigInt: about as
 * fast as reading the bytes). Not a cryptographic hash: it tells identical photos apart from
 * different ones, which is all duplicate detection needs.
 */
export function hashBytes(bytes: Uint8Array): string {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    // h *= 0x100000001b3 (2^40 + 435), modulo 2^64.
    const t0 = h0 * 435;
    const t1 = h1 * 435 + (t0 >>> 16);
    const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
    h3 = (h3 * 435 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** The start of the JPEG comment that names the photo an image was made from (`processPhoto` writes it). */
export const SOURCE_COMMENT = 'talk-capture-source fnv1a64:';

/**
 * The hashes an image already in the post stands for: its own, and for a JPEG that processPhoto
 * wrote, the hash of the photo it was made from (its comment segment). Pass them as
 * `PlanOptions.existingHashes`: the same photo is then "already in the post" on a later run.
 */
export function photoHashes(bytes: Uint8Array): string[] {
  const out = [hashBytes(bytes)];
  if (photoKind(bytes) !== 'jpeg') return out;
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff && bytes[i + 1] !== 0xda) {
    const end = i + 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
    if (bytes[i + 1] === 0xfe) {
      const text = ascii(bytes, i + 4, Math.min(end, bytes.length));
      if (text.startsWith(SOURCE_COMMENT)) out.push(text.slice(SOURCE_COMMENT.length));
    }
    i = end;
  }
  return out;
}

interface Layout {
  width: number | null;
  height: number | null;
  problem: string | null;
}

const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const le16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const le24 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);

const TRUNCATED = 'unreadable: the file ends early (truncated)';

/**
 * Where a JPEG's image ends (just after its EOI marker), walking from its first SOS at `from`:
 * entropy-coded data (stuffed `FF 00`, restart markers) and the segments between progressive
 * scans are stepped over; -1 when the file ends first (truncated). What phones append after EOI
 * (gain maps, depth maps, maker trailers) is not part of the image. One pass.
 */
export function jpegImageEnd(b: Uint8Array, from: number): number {
  let j = from;
  while (j + 1 < b.length) {
    if (b[j] !== 0xff) {
      j++;
      continue;
    }
    const m = b[j + 1];
    if (m === 0xd9) return j + 2;
    if (m === 0x00 || m === 0xff || (m >= 0xd0 && m <= 0xd7)) j += m === 0xff ? 1 : 2;
    else if (j + 4 <= b.length) j += 2 + ((b[j + 2] << 8) | b[j + 3]);
    else break;
  }
  return -1;
}

/** Walks a JPEG's segments to its frame header (SOFn) and checks it ends (EOI after the scan). */
function jpegLayout(b: Uint8Array): Layout {
  let i = 2;
  let width: number | null = null;
  let height: number | null = null;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { width, height, problem: 'unreadable: a JPEG segment is damaged' };
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = u16(b, i + 2);
    if (i + 2 + len > b.length) return { width, height, problem: TRUNCATED };
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && len >= 7) {
      height = u16(b, i + 5);
      width = u16(b, i + 7);
    }
    if (marker === 0xda) {
      if (jpegImageEnd(b, i) < 0) return { width, height, problem: TRUNCATED };
      return { width, height, problem: width ? null : 'unreadable: no frame header' };
    }
    i += 2 + len;
  }
  return { width, height, problem: TRUNCATED };
}

function pngLayout(b: Uint8Array): Layout {
  if (b.length < 33 || ascii(b, 12, 16) !== 'IHDR') return { width: null, height: null, problem: TRUNCATED };
  const end = b.length >= 12 && ascii(b, b.length - 8, b.length - 4) === 'IEND';
  return { width: u32(b, 16), height: u32(b, 20), problem: end ? null : TRUNCATED };
}

function webpLayout(b: Uint8Array): Layout {
  if (b.length < 30) return { width: null, height: null, problem: TRUNCATED };
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8X') return { width: le24(b, 24) + 1, height: le24(b, 27) + 1, problem: null };
  if (chunk === 'VP8 ') return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff, problem: null };
  if (chunk === 'VP8L') {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, problem: null };
  }
  return { width: null, height: null, problem: null };
}

function layoutOf(kind: PhotoKind, b: Uint8Array): Layout {
  if (kind === 'jpeg') return jpegLayout(b);
  if (kind === 'png') return pngLayout(b);
  if (kind === 'webp') return webpLayout(b);
  return { width: null, height: null, problem: null };
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** EXIF `YYYY:MM:DD HH:MM:SS` with an optional `+HH:MM` offset, as ISO with offset; zone when no offset. */
function captureTime(date: unknown, offset: unknown, zone: string): { iso: string; ms: number; offsetKnown: boolean } | null {
  if (typeof date !== 'string') return null;
  const m = EXIF_DATE.exec(date.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const o = typeof offset === 'string' ? EXIF_OFFSET.exec(offset.trim()) : null;
  if (o) {
    const mins = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
    const ms = Date.UTC(year, month - 1, day, hour, minute, second) - mins * 60000;
    return { iso: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${o[0]}`, ms, offsetKnown: true };
  }
  const ms = localToInstant({ year, month, day, hour, minute, second }, zone);
  return { iso: formatInstant(ms, zone), ms, offsetKnown: false };
}

const EXIF_OPTIONS = {
  tiff: true,
  exif: true,
  gps: false,
  ifd1: false,
  interop: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  reviveValues: false,
  translateValues: false,
  mergeOutput: true,
};

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reads what the plan needs from a photo's bytes. Never rejects. */
export async function readPhoto(file: string, bytes: Uint8Array, options: ReadPhotoOptions): Promise<PhotoInfo> {
  const kind = photoKind(bytes);
  const info: PhotoInfo = { file, kind, size: bytes.length, width: null, height: null, orientation: 1, taken: null, takenMs: null, offsetKnown: false, hash: '', problem: null };
  const max = options.maxBytes ?? MAX_PHOTO_BYTES;
  if (bytes.length > max) return { ...info, problem: tooLargeReason(bytes.length, max) };
  info.hash = hashBytes(bytes);
  if (bytes.length === 0) return { ...info, problem: 'unreadable: the file is empty' };
  if (kind === 'other') return { ...info, problem: 'unreadable: not a JPEG, PNG, WebP or HEIC image' };
  const layout = layoutOf(kind, bytes);
  info.width = layout.width;
  info.height = layout.height;
  if (layout.problem) return { ...info, problem: layout.problem };
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(bytes, EXIF_OPTIONS)) as Record<string, unknown> | undefined;
  } catch (e) {
    // A PNG or WebP without metadata is fine; a JPEG or HEIC whose metadata cannot be read is not placed by time.
    if (kind === 'jpeg' || kind === 'heic') return { ...info, problem: `unreadable: ${messageOf(e)}` };
  }
  if (tags) {
    const o = Number(tags.Orientation);
    if (Number.isInteger(o) && o >= 1 && o <= 8) info.orientation = o;
    info.width ??= typeof tags.ExifImageWidth === 'number' ? tags.ExifImageWidth : null;
    info.height ??= typeof tags.ExifImageHeight === 'number' ? tags.ExifImageHeight : null;
    const t = captureTime(tags.DateTimeOriginal ?? tags.CreateDate, tags.DateTimeOriginal ? tags.OffsetTimeOriginal : tags.OffsetTimeDigitized, options.timeZone);
    if (t) {
      info.taken = t.iso;
      info.takenMs = t.ms;
      info.offsetKnown = t.offsetKnown;
    }
  }
  return info;
}
