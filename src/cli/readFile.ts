/**
 * Reading a note (regular files only, never more than the size limit, strict UTF-8 when it will
 * be written) and the bytes of any file a command reads.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import { unreadableReason } from '../core/notes/parse';
import { BINARY_REASON, DEFAULT_MAX_FILE_MB, firstInvalidUtf8, invalidUtf8Warning, maxFileBytesOf, tooLargeReason } from '../core/notes/workspaceNotes';
import { CliError } from './command';
import { fsErrorMessage, notRegularReason } from './fsErrors';

/** Notes larger than this many bytes are not read (the editor's talkCapture.maxFileSizeMB default). */
const MAX_NOTE_BYTES = maxFileBytesOf(DEFAULT_MAX_FILE_MB);

/** A note as read: its text and what is needed to tell whether it changed before writing it back. */
export interface ReadNote {
  /** The name the user gave. */
  file: string;
  /** The file itself (symbolic links resolved): what a write replaces. */
  realPath: string;
  text: string;
  size: number;
  mtimeMs: number;
  mode: number;
  /** sha256 of the bytes read. */
  hash: string;
  /** Set when the bytes are not valid UTF-8 (then `text` has U+FFFD for them): the offset of the first bad byte. */
  invalidUtf8At?: number;
}

export interface ReadNoteOptions {
  maxBytes?: number;
  /** Invalid UTF-8 is an error (exit 2) instead of a warning in `invalidUtf8At`: every command that writes. */
  strictUtf8?: boolean;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What a file read is, for its reasons: a note unless said otherwise (a schedule). */
interface FileKind {
  noun: string;
  tooLarge: (size: number | undefined, maxBytes: number) => string;
}
const NOTE: FileKind = { noun: 'note', tooLarge: tooLargeReason };

/** The bytes of a regular file of at most `maxBytes` (the reader of every command), or CliError naming the file. */
export function readFileBytes(file: string, maxBytes: number, kind: FileKind): Buffer {
  return readBytes(file, maxBytes, kind).bytes;
}

/**
 * Reads at most `maxBytes + 1` bytes of a regular file, without ever blocking on a FIFO or
 * device (the type is checked before opening, and the file is opened non-blocking).
 */
export function readBytes(file: string, maxBytes: number, kind: FileKind = NOTE): { bytes: Buffer; stat: fs.Stats; realPath: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new CliError(fsErrorMessage(file, err));
  }
  const notRegular = notRegularReason(stat, kind.noun);
  if (notRegular) throw new CliError(`${file}: ${notRegular}`);
  if (stat.size > maxBytes) throw new CliError(`${file}: ${kind.tooLarge(stat.size, maxBytes)}`);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new CliError(fsErrorMessage(file, err));
  }
  try {
    const opened = fs.fstatSync(fd);
    const changed = notRegularReason(opened, kind.noun);
    if (changed) throw new CliError(`${file}: ${changed}`);
    const chunks: Buffer[] = [];
    let total = 0;
    const limit = maxBytes + 1;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total) || 1);
      let n: number;
      try {
        n = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        throw new CliError(fsErrorMessage(file, err, 'read'));
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new CliError(`${file}: ${kind.tooLarge(undefined, maxBytes)}`);
    }
    let realPath = file;
    try {
      realPath = fs.realpathSync(file);
    } catch {
      // keep the given name: the write will say why it cannot replace it
    }
    return { bytes: Buffer.concat(chunks, total), stat: opened, realPath };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a note as text, or throws CliError (exit 2) with a one-line reason naming the file.
 * A UTF-8 byte order mark is kept in the text (as U+FEFF), so a write keeps it.
 */
export function readNote(file: string, options: ReadNoteOptions = {}): ReadNote {
  const maxBytes = options.maxBytes ?? MAX_NOTE_BYTES;
  const { bytes, stat, realPath } = readBytes(file, maxBytes);
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new CliError(`${file}: ${BINARY_REASON}`);
  const bad = firstInvalidUtf8(bytes);
  let text: string;
  if (bad === -1) text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  else if (options.strictUtf8) {
    throw new CliError(
      `${file}: not valid UTF-8 (the first invalid byte is at offset ${bad}: 0x${bytes[bad].toString(16).padStart(2, '0')}); nothing was written. Convert the file to UTF-8 first`,
    );
  } else text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const reason = unreadableReason(text, maxBytes);
  if (reason) throw new CliError(`${file}: ${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')}`);
  return { file, realPath, text, size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode, hash: sha256(bytes), ...(bad === -1 ? {} : { invalidUtf8At: bad }) };
}

/** The warning a read-only command prints for a note with invalid UTF-8 (undefined when it has none). */
export function utf8Warning(note: ReadNote): string | undefined {
  return note.invalidUtf8At === undefined ? undefined : `${note.file}: ${invalidUtf8Warning(note.invalidUtf8At)}`;
}
