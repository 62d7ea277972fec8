/**
 * The CLI's side of the one reader of a folder's notes (src/core/notes/workspaceNotes.ts):
 * Node's `fs` under a folder. The listing walks the folder iteratively (the depth of the tree
 * does not grow the stack), in name order, without entering the folders talkCapture.excludeGlob
 * names; symbolic links to notes and folders are followed once: a folder already visited (a
 * link loop) is not entered again, a note reached through several links is listed once; a link
 * to a folder outside the folder given is not followed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isExcludedFolder, isNote, listNotes, type NoteFileStat, type NotesFileSystem, type NotesRules } from '../core/notes/workspaceNotes';
import { CliError } from './command';
import { fsErrorMessage, fsErrorReason, notRegularReason } from './fsErrors';

/** The file system under `root` (relative paths use `/`); listing names problems by their full path. */
export function nodeNotesFs(root: string): NotesFileSystem {
  const full = (rel: string) => path.join(root, ...rel.split('/'));
  return {
    list: (rules) => Promise.resolve(walk(root, rules)),
    stat: (rel) => {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full(rel));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve(undefined);
        return Promise.reject(new Error(fsErrorReason(err)));
      }
      const notRegular = notRegularReason(stat);
      const type: NoteFileStat['type'] = stat.isDirectory() ? 'folder' : notRegular ? 'other' : 'file';
      return Promise.resolve({ type, size: stat.size, mtime: stat.mtimeMs, ...(type === 'other' ? { notRegular } : {}) });
    },
    read: (rel, maxBytes) => {
      try {
        return Promise.resolve(readAtMost(full(rel), maxBytes));
      } catch (err) {
        return Promise.reject(new Error(fsErrorReason(err, 'read')));
      }
    },
  };
}

/**
 * At most `maxBytes + 1` bytes of a regular file, opened non-blocking (a FIFO put in its place
 * after the stat never blocks the read).
 */
function readAtMost(file: string, maxBytes: number): Uint8Array {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    if (!fs.fstatSync(fd).isFile()) throw Object.assign(new Error('is not a regular file'), { code: 'ENOTREG' });
    const chunks: Buffer[] = [];
    let total = 0;
    const limit = maxBytes + 1;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** Folders deeper than this under the folder given are not entered (and said). */
export const MAX_FOLDER_DEPTH = 64;

/** Whether `real` is `rootReal` or inside it. */
const inside = (rootReal: string, real: string) => real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);

/**
 * The candidate notes under `root` (relative paths), skipping excluded folders. Linear in the
 * entries listed: the real path of the root is resolved once, a folder's real path is its
 * parent's plus its name, and only a symbolic link is resolved (once); a link to a folder
 * outside `root` is not followed (`/`, `/proc`), and folders deeper than MAX_FOLDER_DEPTH are
 * not entered: both are said in `problems`.
 */
function walk(root: string, rules: NotesRules): { paths: string[]; problems: string[] } {
  const paths: string[] = [];
  const problems: string[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const real = (p: string): string | undefined => {
    try {
      return fs.realpathSync(p);
    } catch (err) {
      problems.push(fsErrorMessage(p, err));
      return undefined;
    }
  };
  const rootReal = real(root);
  if (rootReal === undefined) return { paths, problems };
  seenDirs.add(rootReal);
  const stack: Array<{ dir: string; rel: string; real: string; depth: number }> = [{ dir: root, rel: '', real: rootReal, depth: 0 }];
  while (stack.length) {
    const { dir, rel, real: dirReal, depth } = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push(fsErrorMessage(dir, err, 'list the folder'));
      continue;
    }
    const subdirs: Array<{ dir: string; rel: string; real: string; depth: number }> = [];
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      const link = e.isSymbolicLink();
      if (link) {
        let target: fs.Stats;
        try {
          target = fs.statSync(p);
        } catch (err) {
          // A dangling link where a note would be, or a link to itself, is said; other dangling links are not notes.
          if (isNote(rules, r) || (err as NodeJS.ErrnoException).code === 'ELOOP') problems.push(fsErrorMessage(p, err));
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (isExcludedFolder(rules, r)) continue;
        const rp = link ? real(p) : path.join(dirReal, e.name);
        if (rp === undefined || seenDirs.has(rp)) continue;
        if (link && !inside(rootReal, rp)) {
          problems.push(`${p}: a link to a folder outside ${root} (${rp}); not followed`);
          continue;
        }
        if (depth + 1 > MAX_FOLDER_DEPTH) {
          problems.push(`${p}: more than ${MAX_FOLDER_DEPTH} folders deep; not entered`);
          continue;
        }
        seenDirs.add(rp);
        subdirs.push({ dir: p, rel: r, real: rp, depth: depth + 1 });
      } else if (isFile && isNote(rules, r)) {
        const rp = link ? real(p) : path.join(dirReal, e.name);
        if (rp === undefined || seenFiles.has(rp)) continue;
        seenFiles.add(rp);
        paths.push(r);
      }
    }
    // Depth first, in name order: push the last folder first.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  return { paths, problems };
}

/** A note named on the command line: the name printed, the file system and the path in it. */
export interface NoteRef {
  file: string;
  fs: NotesFileSystem;
  rel: string;
}

/**
 * The notes of a command line's paths: files as given, and in folders the notes the editor's
 * TODO Links view lists for the same folder (`rules`), in its order. `problems`: what the
 * listing could not read (a link loop, a folder it may not list). A path that cannot be
 * stat'ed stops the command (`missing: 'stop'`), or is kept as a file whose reader says why.
 */
export async function notesOfPaths(paths: readonly string[], rules: NotesRules, missing: 'stop' | 'keep'): Promise<{ notes: NoteRef[]; problems: string[] }> {
  const notes: NoteRef[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      if (missing === 'stop') throw new CliError(fsErrorMessage(p, err));
    }
    if (stat?.isDirectory()) {
      const folder = nodeNotesFs(p);
      const listed = await listNotes(folder, rules);
      for (const rel of listed.paths) notes.push({ file: path.join(p, ...rel.split('/')), fs: folder, rel });
      problems.push(...listed.problems);
    } else notes.push({ file: p, fs: nodeNotesFs(path.dirname(p)), rel: path.basename(p) });
  }
  return { notes, problems };
}
