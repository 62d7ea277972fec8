/**
 * The file side of `talk-capture photos`: the photo files named (a folder's files, not
 * recursive, hidden ones skipped, in name order), each read as bytes (a file that cannot be
 * read is a row with its reason, not an error), the Hugo site root found by walking up, the
 * images already in the target folder, and the images written without ever overwriting one:
 * each goes to a temporary name first, then gets its final name with a hard link (which fails
 * when the name exists); `removeWritten` takes them all back when a later step fails.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CliError } from './command';
import { fsErrorMessage, fsErrorReason } from './fsErrors';
import { readBytes } from './readFile';
import { ancestorFolders, MAX_PHOTO_BYTES, photoHashes, SITE_ROOT_MARKERS, tooLargeReason, type PhotoInfo } from '../core/photos';
import { messageOf } from '../core/util/errors';

const PHOTO_FILE = { noun: 'photo', tooLarge: (size: number | undefined, max: number) => tooLargeReason(size ?? max + 1, max) };

/** The photo files of the arguments: files as given, a folder's regular files (not hidden, not recursive) by name. */
export function photoFilesOf(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (err) {
      throw new CliError(fsErrorMessage(arg, err));
    }
    if (!stat.isDirectory()) {
      out.push(arg);
      continue;
    }
    let names: string[];
    try {
      names = fs.readdirSync(arg);
    } catch (err) {
      throw new CliError(fsErrorMessage(arg, err, 'list'));
    }
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      const file = path.join(arg, name);
      try {
        if (fs.statSync(file).isFile()) out.push(file);
      } catch {
        // gone or unreadable since the listing: left out like any non-file entry
      }
    }
  }
  return out;
}

/** A photo's bytes, or the reason they cannot be read (a row of the plan, never an error). */
export function readPhotoBytes(file: string, maxBytes = MAX_PHOTO_BYTES): { bytes: Uint8Array } | { problem: string } {
  try {
    return { bytes: readBytes(file, maxBytes, PHOTO_FILE).bytes };
  } catch (err) {
    const message = messageOf(err);
    const reason = message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
    return { problem: reason.startsWith('too large') ? reason : `unreadable: ${reason}` };
  }
}

/** The row of a photo whose bytes could not be read. */
export function unreadablePhoto(file: string, problem: string): PhotoInfo {
  return { file, kind: 'other', size: 0, width: null, height: null, orientation: 1, taken: null, takenMs: null, offsetKnown: false, hash: '', problem };
}

/** The Hugo site root of a note (relative to its folder), the nearest folder up with static/ or a Hugo config; null when none. */
export function siteRootOf(note: string): string | null {
  const dir = path.dirname(path.resolve(note));
  for (const up of ancestorFolders(path.resolve(note))) {
    if (SITE_ROOT_MARKERS.some((m) => fs.existsSync(path.join(dir, up, m)))) return up;
  }
  return null;
}

/** Names in the target folder (empty when it does not exist yet) and the hashes of the images there. */
export function existingImages(folder: string, maxBytes = MAX_PHOTO_BYTES): { names: string[]; hashes: string[] } {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return { names: [], hashes: [] };
  }
  const hashes: string[] = [];
  for (const name of names) {
    const read = readPhotoBytes(path.join(folder, name), maxBytes);
    if ('bytes' in read) hashes.push(...photoHashes(read.bytes));
  }
  return { names, hashes };
}

export interface WrittenImages {
  /** Final names created. */
  finals: string[];
  /** Temporary files still there. */
  temps: string[];
  /** Folders created (deepest last). */
  folders: string[];
}

/** Creates a folder and the missing ones above it, remembering which it made. */
function makeFolder(folder: string, written: WrittenImages): void {
  const missing: string[] = [];
  for (let d = path.resolve(folder); !fs.existsSync(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      throw new CliError(`${fsErrorMessage(d, err, 'create the folder')}; nothing was written`);
    }
    written.folders.push(d);
  }
}

/** Writes each image under its final name without overwriting one (temporary file, flushed, then a hard link). */
export function writeImages(images: readonly { file: string; bytes: Uint8Array }[], written: WrittenImages): void {
  for (const image of images) {
    makeFolder(path.dirname(image.file), written);
    const tmp = path.join(path.dirname(image.file), `.${path.basename(image.file)}.${process.pid}.${randomBytes(4).toString('hex')}.talk-capture.tmp`);
    try {
      const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
      written.temps.push(tmp);
      try {
        let off = 0;
        while (off < image.bytes.length) off += fs.writeSync(fd, image.bytes, off, image.bytes.length - off);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (err) {
      throw new CliError(`${fsErrorMessage(image.file, err, 'write')}; nothing was written`);
    }
  }
  // All bytes are on disk: now the names (a link fails when the name exists: nothing is overwritten).
  images.forEach((image, k) => {
    try {
      fs.linkSync(written.temps[k], image.file);
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code === 'EEXIST' ? 'it exists now (written meanwhile?)' : fsErrorReason(err, 'write');
      throw new CliError(`${image.file}: ${why}; nothing was written`);
    }
    written.finals.push(image.file);
  });
  for (const t of written.temps.splice(0)) fs.rmSync(t, { force: true });
}

/** Takes back what writeImages did (after a failure). */
export function removeWritten(written: WrittenImages): void {
  for (const f of [...written.temps, ...written.finals]) fs.rmSync(f, { force: true });
  for (const d of [...written.folders].reverse()) {
    try {
      fs.rmdirSync(d);
    } catch {
      // not empty (someone else wrote there): left
    }
  }
}
