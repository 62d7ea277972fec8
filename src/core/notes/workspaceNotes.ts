/**
 * The one reader of a folder's notes, shared by the editor (TODO Links view, New Talk's people)
 * and the CLI (`talk-capture todos DIR`): which files are notes (talkCapture.notesGlob minus
 * talkCapture.excludeGlob, matched on paths relative to the folder), the size limit
 * (talkCapture.maxFileSizeMB), the decoding (UTF-8; invalid bytes become U+FFFD with a warning)
 * and what a file that is not read reports. It reads through a small file system interface
 * (list, stat, read) that the editor implements with `workspace.findFiles` and `workspace.fs`
 * and the CLI with Node's `fs`; it imports neither, so it also runs in a browser worker.
 */
import { globMatcher } from './glob';
import { unreadableReason } from './parse';
import { messageOf } from '../util/errors';

/** talkCapture.notesGlob's default (package.json must say the same; a unit test checks). */
export const DEFAULT_NOTES_GLOB = '**/*.md';
/**
 * talkCapture.excludeGlob's default: dependency and build folders, and hidden files and folders
 * (`.git`, `.obsidian`, `.trash`, `.history`: tool state and copies, not notes).
 */
export const DEFAULT_EXCLUDE_GLOB = '**/{.*,node_modules,public,resources,dist,out}/**';
/** talkCapture.maxFileSizeMB's default. */
export const DEFAULT_MAX_FILE_MB = 5;

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** What selects and limits the notes of a folder. */
export interface NotesRules {
  /** Glob of the notes (relative paths, `/` between folders). */
  notesGlob: string;
  /** Glob of what is never a note (a matching folder is not entered); empty: nothing. */
  excludeGlob: string;
  /** Notes larger than this many bytes are not read. */
  maxBytes: number;
}

/** A talkCapture.maxFileSizeMB value in bytes: 0.1 MB to 1 GB, the default when not a number. */
export function maxFileBytesOf(megabytes: unknown): number {
  const n = typeof megabytes === 'number' && Number.isFinite(megabytes) ? megabytes : DEFAULT_MAX_FILE_MB;
  return Math.min(1024, Math.max(0.1, n)) * MB;
}

/**
 * The rules from the settings' values (anything missing or mistyped gets the default; an empty
 * notesGlob is the default, an empty excludeGlob excludes nothing).
 */
export function notesRules(settings: { notesGlob?: unknown; excludeGlob?: unknown; maxFileSizeMB?: unknown } = {}): NotesRules {
  const { notesGlob, excludeGlob, maxFileSizeMB } = settings;
  return {
    notesGlob: typeof notesGlob === 'string' && notesGlob !== '' ? notesGlob : DEFAULT_NOTES_GLOB,
    excludeGlob: typeof excludeGlob === 'string' ? excludeGlob : DEFAULT_EXCLUDE_GLOB,
    maxBytes: maxFileBytesOf(maxFileSizeMB),
  };
}

/** Whether a folder (relative path) is left out with everything in it. */
export function isExcludedFolder(rules: NotesRules, folder: string): boolean {
  return folder !== '' && globMatcher(rules.excludeGlob)(folder);
}

/**
 * Whether a file (relative path, `/` between folders) is one of the notes: it matches
 * notesGlob, and neither it nor a folder it is in matches excludeGlob (a folder the exclude
 * names is not searched at all, as `workspace.findFiles` does not search it).
 */
export function isNote(rules: NotesRules, path: string): boolean {
  if (!globMatcher(rules.notesGlob)(path)) return false;
  const excluded = globMatcher(rules.excludeGlob);
  if (excluded(path)) return false;
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) if (excluded(path.slice(0, i))) return false;
  return true;
}

/** Relative paths in the order the notes are listed: a folder's files (by name), then its folders, depth first. */
function compareNotePaths(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < as.length && i < bs.length; i++) {
    if (as[i] === bs[i]) continue;
    const aFile = i === as.length - 1;
    const bFile = i === bs.length - 1;
    if (aFile !== bFile) return aFile ? -1 : 1;
    return as[i].localeCompare(bs[i]) || (as[i] < bs[i] ? -1 : 1);
  }
  return as.length - bs.length;
}

// ---------------------------------------------------------------------------------------------
// Reading through a file system

/** A file as the file system reports it (symbolic links followed). */
export interface NoteFileStat {
  type: 'file' | 'folder' | 'other';
  size: number;
  /** Modification time (milliseconds). */
  mtime: number;
  /** For `other`: why it is not a note (`is a named pipe (FIFO), not a note; it is not read`). */
  notRegular?: string;
}

/** The listing of a folder: candidate files (relative paths) and entries that could not be followed. */
export interface NotesListing {
  paths: string[];
  /** Each names the path (a dangling or looping link, a folder that cannot be read). */
  problems: string[];
}

/**
 * The file operations the reader needs, on paths relative to one folder (`/` between folders).
 * Errors are thrown with a message that says what went wrong, without the path.
 */
export interface NotesFileSystem {
  /**
   * Candidate files. A listing may leave out the folders isExcludedFolder names (a walk should
   * not enter node_modules) and the files that cannot be notes; the reader applies the rules to
   * the rest.
   */
  list(rules: NotesRules): Promise<NotesListing>;
  /** undefined when there is no such file. */
  stat(path: string): Promise<NoteFileStat | undefined>;
  /** The file's bytes; may stop after `maxBytes + 1` of them. */
  read(path: string, maxBytes: number): Promise<Uint8Array>;
}

/** The notes of a folder, by the rules: each once, in compareNotePaths order. */
export async function listNotes(fs: NotesFileSystem, rules: NotesRules): Promise<NotesListing> {
  const listed = await fs.list(rules);
  const paths = [...new Set(listed.paths)].filter((p) => isNote(rules, p)).sort(compareNotePaths);
  return { paths, problems: listed.problems };
}

/** What reading a note gave. */
export type NoteRead =
  | { status: 'read'; text: string; mtime: number; /** Set when the text is shown with replacement characters. */ warning?: string }
  | { status: 'unchanged'; mtime: number }
  | { status: 'skipped'; reason: string }
  | { status: 'gone' };

/** Why a note of this size is not read. */
export function tooLargeReason(size: number | undefined, maxBytes: number): string {
  const what = size === undefined ? 'this note is' : `this note is ${mb(size)} MB,`;
  return `${what} more than the ${mb(maxBytes)} MB limit (talkCapture.maxFileSizeMB); it is not read`;
}

/** Why a file with NUL bytes is not read. */
export const BINARY_REASON = 'this file looks binary (it contains NUL bytes); it is not read as notes';

/** The warning for a note whose bytes are not all valid UTF-8. */
export function invalidUtf8Warning(offset: number): string {
  return `warning: not valid UTF-8 (the first invalid byte is at offset ${offset}); those bytes are shown as \uFFFD`;
}

/** The byte offset of the first byte that is not part of valid UTF-8, or -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * A note's bytes as text: UTF-8 (a byte order mark kept as U+FEFF), invalid bytes as U+FFFD
 * with `invalidUtf8At` the offset of the first; or the reason it is not read as notes.
 */
function decodeNote(bytes: Uint8Array, maxBytes: number): { text: string; invalidUtf8At?: number } | { skipped: string } {
  if (bytes.length > maxBytes) return { skipped: tooLargeReason(undefined, maxBytes) };
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: BINARY_REASON };
  const bad = firstInvalidUtf8(bytes);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const reason = unreadableReason(text, maxBytes);
  if (reason) return { skipped: `${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')}` };
  return bad === -1 ? { text } : { text, invalidUtf8At: bad };
}

/**
 * Reads one note (never more than the size limit). `unchangedSince`: a modification time
 * already read, answered with `unchanged` when the file still has it. Never throws.
 */
export async function readNoteFile(fs: NotesFileSystem, path: string, rules: NotesRules, options: { unchangedSince?: number } = {}): Promise<NoteRead> {
  let stat: NoteFileStat | undefined;
  try {
    stat = await fs.stat(path);
  } catch (err) {
    return { status: 'skipped', reason: `cannot be read: ${messageOf(err)}` };
  }
  if (!stat || stat.type === 'folder') return { status: 'gone' };
  if (stat.type === 'other') return { status: 'skipped', reason: stat.notRegular ?? 'is not a regular file' };
  if (stat.size > rules.maxBytes) return { status: 'skipped', reason: tooLargeReason(stat.size, rules.maxBytes) };
  if (options.unchangedSince !== undefined && stat.mtime === options.unchangedSince) return { status: 'unchanged', mtime: stat.mtime };
  let bytes: Uint8Array;
  try {
    bytes = await fs.read(path, rules.maxBytes);
  } catch (err) {
    return { status: 'skipped', reason: `cannot be read: ${messageOf(err)}` };
  }
  const decoded = decodeNote(bytes, rules.maxBytes);
  if ('skipped' in decoded) return { status: 'skipped', reason: decoded.skipped };
  return {
    status: 'read',
    text: decoded.text,
    mtime: stat.mtime,
    ...(decoded.invalidUtf8At === undefined ? {} : { warning: invalidUtf8Warning(decoded.invalidUtf8At) }),
  };
}
