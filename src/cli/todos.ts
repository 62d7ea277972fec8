/**
 * `talk-capture todos PATH... [--json] [--include-hidden] [--notes-glob GLOB] [--exclude-glob
 * GLOB]`: the TODO items of notes (files, or the notes of folders as the editor's TODO Links view
 * selects them), each with the talk it is in. Hidden drafts (`[//]: # (...)`)
 * are notes, not TODO items: listed only with --include-hidden. Files that cannot be read are reported on stderr
 * and make the exit code 2; the others are still listed.
 */
import * as path from 'path';
import { parseCliArgs } from './args';
import { CliError, type CliCommand } from './command';
import { notesOfPaths } from './notesFs';
import { analyzeText } from '../core/analysis/noteAnalysis';
import { talkFinder } from '../core/notes/query';
import { visibleTodos } from '../core/notes/todos';
import { DEFAULT_EXCLUDE_GLOB, DEFAULT_NOTES_GLOB, notesRules, readNoteFile } from '../core/notes/workspaceNotes';
import { todoJson, type TodoJson } from './outline';
import { plural } from '../core/util/plural';

interface TodosJson {
  files: Array<{ file: string; todos: Array<TodoJson & { talk: string | null }> }>;
}

const TODOS_USAGE = 'usage: talk-capture todos PATH... [--json] [--include-hidden] [--notes-glob GLOB] [--exclude-glob GLOB]';

/**
 * The TODO items of notes: files as given, and in folders the notes the editor's TODO Links
 * view lists for the same folder (talkCapture.notesGlob minus talkCapture.excludeGlob, the
 * defaults unless --notes-glob / --exclude-glob say otherwise), read by the same core reader.
 */
export const run: CliCommand = async (args, io) => {
  const { paths, flags, values } = parseCliArgs(args, { json: {}, 'include-hidden': {}, 'notes-glob': { value: true }, 'exclude-glob': { value: true } }, TODOS_USAGE);
  const json = flags.has('json');
  const counting = { includeHidden: flags.has('include-hidden') };
  if (paths.length === 0) throw new CliError(TODOS_USAGE);
  const rules = notesRules({ notesGlob: values.get('notes-glob') ?? DEFAULT_NOTES_GLOB, excludeGlob: values.get('exclude-glob') ?? DEFAULT_EXCLUDE_GLOB });
  const { notes, problems } = await notesOfPaths(paths, rules, 'stop');
  for (const problem of problems) io.err(`talk-capture todos: ${problem}`);
  let failed = problems.length > 0;
  const result: TodosJson = { files: [] };
  for (const { file, fs: folder, rel } of notes) {
    const note = await readNoteFile(folder, rel, rules);
    if (note.status !== 'read') {
      failed = true;
      io.err(`talk-capture todos: ${file}: ${note.status === 'skipped' ? note.reason : 'no such file'}`);
      continue;
    }
    if (note.warning) io.err(`talk-capture todos: ${file}: ${note.warning}`);
    const text = note.text;
    const model = analyzeText(text, { fileName: path.basename(file) }).model;
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
    lines.push(`${plural(total, 'TODO item')} in ${plural(result.files.length, 'note')}`);
    io.out(lines.join('\n'));
  }
  return failed ? 2 : 0;
};
