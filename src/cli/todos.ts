/**
 * `talk-capture todos PATH... [--json] [--include-hidden]`: the TODO items of notes (files, or
 * folders searched for `*.md`), each with the talk it is in. Hidden drafts (`[//]: # (...)`)
 * are notes, not TODO items: listed only with --include-hidden. Files that cannot be read are reported on stderr
 * and make the exit code 2; the others are still listed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CliError, fsErrorMessage, parseCliArgs, readNote, utf8Warning, type CliCommand } from './common';
import { parseNotes } from '../core/notes/parse';
import { talkFinder } from '../core/notes/query';
import { visibleTodos } from '../core/notes/todos';
import { todoJson, type TodoJson } from './outline';

const SKIP_DIRS = new Set(['node_modules', '.git', 'public', 'resources', 'dist', 'out']);

interface MarkdownWalk {
  /** `*.md` files, sorted within each folder; a note reached through several links is listed once. */
  files: string[];
  /** Entries that could not be followed (a dangling or looping link, a folder that cannot be read), each naming the path. */
  problems: string[];
}

/**
 * `*.md` files under a folder, skipping dependency and build folders (the editor's default
 * talkCapture.excludeGlob) and hidden ones. Symbolic links to notes and folders are followed
 * once: a folder already visited (a link loop) is not entered again. Iterative: the depth of
 * the tree does not grow the stack.
 */
function walkMarkdownFiles(dir: string): MarkdownWalk {
  const files: string[] = [];
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
  const rootReal = real(dir);
  if (rootReal === undefined) return { files, problems };
  seenDirs.add(rootReal);
  const stack: string[] = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (err) {
      problems.push(fsErrorMessage(d, err, 'list the folder'));
      continue;
    }
    const subdirs: string[] = [];
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        if (e.name.startsWith('.')) continue;
        let target: fs.Stats;
        try {
          target = fs.statSync(p);
        } catch (err) {
          if (e.name.toLowerCase().endsWith('.md') || (err as NodeJS.ErrnoException).code === 'ELOOP') problems.push(fsErrorMessage(p, err));
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
        const r = real(p);
        if (r === undefined || seenDirs.has(r)) continue;
        seenDirs.add(r);
        subdirs.push(p);
      } else if (isFile && e.name.toLowerCase().endsWith('.md')) {
        const r = real(p);
        if (r === undefined || seenFiles.has(r)) continue;
        seenFiles.add(r);
        files.push(p);
      }
    }
    // Depth first, in name order: push the last folder first.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  return { files, problems };
}

interface TodosJson {
  files: Array<{ file: string; todos: Array<TodoJson & { talk: string | null }> }>;
}

const TODOS_USAGE = 'usage: talk-capture todos PATH... [--json] [--include-hidden]';

export const run: CliCommand = (args, io) => {
  const { paths, flags } = parseCliArgs(args, { json: {}, 'include-hidden': {} }, TODOS_USAGE);
  const json = flags.has('json');
  const counting = { includeHidden: flags.has('include-hidden') };
  if (paths.length === 0) throw new CliError(TODOS_USAGE);
  const files: string[] = [];
  let failed = false;
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      throw new CliError(fsErrorMessage(p, err));
    }
    if (stat.isDirectory()) {
      const walk = walkMarkdownFiles(p);
      files.push(...walk.files);
      for (const problem of walk.problems) io.err(`talk-capture todos: ${problem}`);
      if (walk.problems.length) failed = true;
    } else files.push(p);
  }
  const result: TodosJson = { files: [] };
  for (const file of files) {
    let text: string;
    try {
      const note = readNote(file);
      const warning = utf8Warning(note);
      if (warning) io.err(`talk-capture todos: ${warning}`);
      text = note.text;
    } catch (err) {
      failed = true;
      io.err(`talk-capture todos: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const model = parseNotes(text, { fileName: path.basename(file) });
    const unread = model.skipped ? { line: 1, reason: model.skipped } : model.skippedParts?.[0];
    if (unread) {
      failed = true;
      io.err(`talk-capture todos: ${file}:${unread.line}: not fully read: ${unread.reason}`);
    }
    const talkAt = talkFinder(model);
    const todos = visibleTodos(model.todos, counting).map((t) => {
      const talk = talkAt(t.line);
      return { ...todoJson(t), talk: talk ? talk.title : null };
    });
    result.files.push({ file, todos });
  }
  if (json) io.out(JSON.stringify(result, null, 2));
  else {
    const lines: string[] = [];
    let total = 0;
    for (const f of result.files) {
      for (const t of f.todos) {
        lines.push(`${f.file}:${t.line}: ${t.kind}: ${t.text}${t.talk ? `  (${t.talk})` : ''}`);
        total++;
      }
    }
    lines.push(`${total} TODO item${total === 1 ? '' : 's'} in ${result.files.length} note${result.files.length === 1 ? '' : 's'}`);
    io.out(lines.join('\n'));
  }
  return failed ? 2 : 0;
};
