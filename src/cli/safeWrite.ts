/** Writing a note back without ever leaving a half-written note or losing a change made meanwhile. */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CliError } from './command';
import { fsErrorMessage, fsErrorReason } from './fsErrors';
import { readBytes, sha256, type ReadNote } from './readFile';

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
