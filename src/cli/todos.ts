/**
 * `talk-capture todos PATH... [--json]`: the TODO items of notes (files, or folders searched
 * for `*.md`), each with the talk it is in. Files that cannot be read are reported on stderr
 * and make the exit code 2; the others are still listed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CliError, readNoteFile, type CliCommand } from './common';
import { parseNotes } from '../core/notes/parse';
import { findTalkAt } from '../core/notes/query';
import { todoJson, type TodoJson } from './outline';

const SKIP_DIRS = new Set(['node_modules', '.git', 'public', 'resources', 'dist', 'out']);

/** `*.md` files under a folder (sorted), skipping dependency and build folders. */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface TodosJson {
  files: Array<{ file: string; todos: Array<TodoJson & { talk: string | null }> }>;
}

export const run: CliCommand = (args, io) => {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  if (unknown.length) throw new CliError(`unknown option ${unknown[0]} (usage: todos PATH... [--json])`);
  const paths = args.filter((a) => !a.startsWith('-'));
  if (paths.length === 0) throw new CliError('usage: todos PATH... [--json]');
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new CliError(`${p}: no such file or folder`);
    }
    if (stat.isDirectory()) files.push(...markdownFiles(p));
    else files.push(p);
  }
  const result: TodosJson = { files: [] };
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = readNoteFile(file);
    } catch (err) {
      failed = true;
      io.err(`talk-capture todos: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const model = parseNotes(text, { fileName: path.basename(file) });
    const todos = model.todos.map((t) => {
      const talk = findTalkAt(model, t.line);
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
