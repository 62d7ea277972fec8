/**
 * Shared plumbing of the `talk-capture` CLI subcommands: one argument parser, reading a note
 * (regular files only, never more than the size limit, strict UTF-8) and writing it back
 * without ever leaving a half-written note.
 */
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs as nodeParseArgs } from 'util';
import { unreadableReason } from '../core/notes/parse';
import { compileUserPattern } from '../core/userPattern';
import { LandscapeIndex } from '../core/landscape/index';
import { parseIndexFile } from '../core/landscape/indexFile';
import { BINARY_REASON, DEFAULT_MAX_FILE_MB, firstInvalidUtf8, invalidUtf8Warning, maxFileBytesOf, tooLargeReason } from '../core/notes/workspaceNotes';
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A subcommand: returns the process exit code. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number> | number;

/** Raised for a usage or input problem the user can fix: printed as one line, exit code as given. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** The usage of `--day-pattern`, as the subcommands that read talks print it. */
export const DAY_PATTERN_USAGE = '[--day-pattern REGEX]';

/**
 * `--day-pattern REGEX`: what talkCapture.dayHeadingPattern is in the editor (the headings that
 * are days, and so the talks that "first mention per talk" counts in). Undefined when absent or
 * empty (the built-in rules); a pattern that cannot run in linear time is a usage error.
 */
export function dayPatternOf(values: ReadonlyMap<string, string>): string | undefined {
  const source = values.get('day-pattern');
  if (source === undefined || !source.trim()) return undefined;
  const compiled = compileUserPattern(source, { ignoreCase: true });
  if (!compiled.ok) throw new CliError(`--day-pattern was refused: ${compiled.reason}`);
  return source;
}

// ---------------------------------------------------------------------------------------------
// Output

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text as the CLI prints it: a control character (the ESC of an escape sequence in a schedule
 * title or a heading, a carriage return, a bell, a C1 control) is shown as its `\u001b` escape
 * instead of reaching the terminal. In `--json` output such a character can only stand inside a
 * string, where the escape means the same character: the JSON stays valid and unchanged.
 */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same output channels, with every line made {@link printable}. */
export function printableIO(io: CliIO): CliIO {
  return { out: (t) => io.out(printable(t)), err: (t) => io.err(printable(t)) };
}

// ---------------------------------------------------------------------------------------------
// Arguments

export interface CliOptionSpec {
  /** A value follows (`--mode perTalk` or `--mode=perTalk`); otherwise a flag. */
  value?: boolean;
}

export interface ParsedArgs {
  /** Files and folders, in order (everything after `--` is one, even when it starts with `-`). */
  paths: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/**
 * The one argument parser of every subcommand (node's util.parseArgs, strict): `--flag`,
 * `--name value`, `--name=value`, and `--` before file names that start with `-` (or write
 * them as `./-x.md`). Unknown options are a usage error naming the known ones.
 */
export function parseCliArgs(args: readonly string[], options: Record<string, CliOptionSpec>, usage: string): ParsedArgs {
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(options)) config[name] = { type: spec.value ? 'string' : 'boolean' };
  const known = Object.keys(options)
    .map((o) => `--${o}`)
    .join(', ');
  // No subcommand has one-letter options: `-x.md` is a file name written without `--` first.
  for (const a of args) {
    if (a === '--') break;
    if (a.startsWith('-') && !a.startsWith('--') && a !== '-') {
      throw new CliError(`unknown option ${a}${known ? ` (options: ${known})` : ''}; for a file whose name starts with "-", put -- before it or write ./${a}\n${usage}`);
    }
  }
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...args], options: config, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const bad = /'([^']+)'/.exec(err instanceof Error ? err.message : '')?.[1] ?? '';
      throw new CliError(`unknown option ${bad}${known ? ` (options: ${known})` : ''}\n${usage}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const msg = err instanceof Error ? err.message : String(err);
      const name = /--([\w-]+)/.exec(msg)?.[1];
      throw new CliError(name && options[name]?.value ? `--${name} needs a value\n${usage}` : `${msg.split('\n')[0]}\n${usage}`);
    }
    throw new CliError(`${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n${usage}`);
  }
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (const [name, v] of Object.entries(parsed.values)) {
    if (typeof v === 'string') values.set(name, v);
    else if (v === true) flags.add(name);
  }
  return { paths: [...parsed.positionals], flags, values };
}

// ---------------------------------------------------------------------------------------------
// Reading

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

/** A one-line reason for a failed file system call, naming the file. */
export function fsErrorMessage(file: string, err: unknown, doing = ''): string {
  return `${file}: ${fsErrorReason(err, doing)}`;
}

/** A failed file system call's reason, without the file's name. */
export function fsErrorReason(err: unknown, doing = ''): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const what = doing ? `cannot ${doing}: ` : '';
  switch (code) {
    case 'ENOENT':
      return `${what}no such file`;
    case 'ELOOP':
      return `${what}too many levels of symbolic links (a link that points back to itself?)`;
    case 'EACCES':
    case 'EPERM':
      return `${what}permission denied`;
    case 'ENOTDIR':
      return `${what}a part of the path is not a folder`;
    case 'EISDIR':
      return `${what}is a folder, not a note`;
    case 'EFBIG':
      return `${what}the file would be larger than the system allows (EFBIG)`;
    case 'ENOSPC':
      return `${what}no space left on the disk`;
    case 'EROFS':
      return `${what}the file system is read-only`;
    default:
      return `${what}${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Why a file of this type is not a note (or a `noun`), or undefined for a regular file. */
export function notRegularReason(stat: fs.Stats, noun = 'note'): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return `is a folder, not a ${noun}`;
  if (stat.isFIFO()) return `is a named pipe (FIFO), not a ${noun}; it is not read`;
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return `is a device, not a ${noun}; it is not read`;
  if (stat.isSocket()) return `is a socket, not a ${noun}`;
  return 'is not a regular file';
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

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
function readBytes(file: string, maxBytes: number, kind: FileKind = NOTE): { bytes: Buffer; stat: fs.Stats; realPath: string } {
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

/**
 * Says on standard error which lines of a note were not fully read (`FILE:LINE: not fully read:
 * why`, as `check` and `todos` say it); true when there were any (the command then exits 2).
 */
export function reportUnread(io: CliIO, command: string, file: string, parts: readonly { line: number; reason: string }[]): boolean {
  for (const part of parts) io.err(`talk-capture ${command}: ${file}:${part.line}: not fully read: ${part.reason}`);
  return parts.length > 0;
}

/** The warning a read-only command prints for a note with invalid UTF-8 (undefined when it has none). */
export function utf8Warning(note: ReadNote): string | undefined {
  return note.invalidUtf8At === undefined ? undefined : `${note.file}: ${invalidUtf8Warning(note.invalidUtf8At)}`;
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface WriteNoteHooks {
  /** Called after the new text is on disk in the temporary file, before the checks and the rename (tests). */
  beforeRename?: () => void;
  /** Called after the last check, right before the rename: another program writing then (tests). */
  atRename?: () => void;
}

/**
 * Replaces a note's text without ever leaving a partial note and without losing a change made
 * meanwhile: the new text goes to a temporary file in the same folder (written and flushed); the
 * note is then checked (size, modification time and the hash of its bytes are still what was
 * read), the note as it is then is kept under a second name (a hard link: the same file, so a
 * program that writes into it is seen), compared again, and the temporary file is renamed over
 * the note with the note's permissions. After the rename the kept file is compared once more: a
 * change that came in the meantime is put back (the new text is not written) instead of being
 * lost. Throws CliError (exit 2) naming the file when the note changed or cannot be written; no
 * temporary file is left.
 */
export function writeNote(note: ReadNote, text: string, hooks: WriteNoteHooks = {}): void {
  const target = note.realPath;
  const dir = path.dirname(target);
  const stem = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.talk-capture`);
  const tmp = `${stem}.tmp`;
  const kept = `${stem}.old`;
  const data = Buffer.from(text, 'utf8');
  const changedError = (when: string) => new CliError(`${note.file}: it changed on disk ${when}; nothing was written (run the command again)`);
  let fd: number | undefined;
  let renamed = false;
  let keeping = false;
  try {
    try {
      fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    } catch (err) {
      throw new CliError(`${fsErrorMessage(note.file, err, 'write')} (creating a temporary file in its folder); the note was not changed`);
    }
    try {
      let off = 0;
      while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
      fs.fsyncSync(fd);
      fs.fchmodSync(fd, note.mode & 0o7777);
    } catch (err) {
      throw new CliError(`${fsErrorMessage(note.file, err, 'write')}; the note was not changed`);
    } finally {
      fs.closeSync(fd);
      fd = undefined;
    }
    hooks.beforeRename?.();
    const changed = changedSinceRead(note, target);
    if (changed) throw new CliError(`${note.file}: ${changed} since it was read; nothing was written (run the command again)`);
    // Keep the note that is about to be replaced until the rename has succeeded (where the file
    // system has no hard links, the checks before the rename are all there is).
    try {
      fs.linkSync(target, kept);
      keeping = true;
    } catch {
      keeping = false;
    }
    if (keeping && (!sameFile(target, kept) || changedSinceRead(note, kept))) throw changedError('while it was written');
    hooks.atRename?.();
    try {
      fs.renameSync(tmp, target);
      renamed = true;
    } catch (err) {
      throw new CliError(`${fsErrorMessage(note.file, err, 'write')}; the note was not changed`);
    }
    if (keeping && changedSinceRead(note, kept)) {
      // Written into between the last check and the rename: that text goes back.
      try {
        fs.renameSync(kept, target);
        keeping = false;
      } catch (err) {
        throw new CliError(`${note.file}: it changed on disk while it was written, and putting that change back failed (${fsErrorReason(err)}); it is in ${kept}`);
      }
      throw changedError('while it was written (that change was put back)');
    }
    try {
      const dfd = fs.openSync(dir, 'r');
      try {
        fs.fsyncSync(dfd);
      } finally {
        fs.closeSync(dfd);
      }
    } catch {
      // flushing the folder is best effort (not possible on every system)
    }
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    if (!renamed) fs.rmSync(tmp, { force: true });
    if (keeping) fs.rmSync(kept, { force: true });
  }
}

/** True when both names are one file (the same device and inode). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** How the note on disk (at `file`) differs from what was read, or undefined when it is the same. */
function changedSinceRead(note: ReadNote, file: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return `it cannot be checked (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  if (!stat.isFile()) return 'it is no longer a regular file';
  if (stat.size !== note.size || stat.mtimeMs !== note.mtimeMs) return 'it changed on disk';
  let bytes: Buffer;
  try {
    bytes = readBytes(file, Math.max(note.size, 0)).bytes;
  } catch {
    return 'it changed on disk';
  }
  return sha256(bytes) === note.hash ? undefined : 'it changed on disk';
}

/** The bundled landscape index: next to the bundle (dist/cli.js → data/landscape.json), or in the source tree. */
export function bundledIndexFile(): string {
  const candidates = [path.join(__dirname, '..', 'data', 'landscape.json'), path.join(__dirname, '..', '..', 'data', 'landscape.json')];
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
}

/** Reads and validates a landscape index file (synchronously: it is small and read once). */
export function loadIndexFile(file: string): LandscapeIndex {
  return new LandscapeIndex(parseIndexFile(fs.readFileSync(file, 'utf8')));
}
