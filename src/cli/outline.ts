/**
 * `talk-capture outline FILE [--json]`: the days, talks and TODO items of a note, as the Talks
 * view shows them. Exit 2 when the file cannot be read.
 */
import { parseCliArgs } from './args';
import { CliError, type CliCommand } from './command';
import { readNote, utf8Warning } from './readFile';
import { analyzeText } from '../core/analysis/noteAnalysis';
import type { NotesModel, Talk, TodoItem } from '../core/notes/model';
import { countTodos, visibleTodos } from '../core/notes/todos';
import { plural } from '../core/util/plural';

export interface TodoJson {
  kind: TodoItem['kind'];
  text: string;
  line: number;
}

interface TalkJson {
  title: string;
  speakers: string[];
  company: string | null;
  line: number;
  hidden: boolean;
  group: string | null;
  /** TODO items only, as `todos --json` lists them. */
  todos: TodoJson[];
  /** Hidden-draft lines (`[//]: # (...)`): notes to oneself, not TODO items. */
  hiddenDrafts: TodoJson[];
}

interface OutlineJson {
  file: string;
  frontMatter: { format: 'yaml' | 'toml' | null; error: string | null; data: Record<string, unknown> };
  days: Array<{ title: string; line: number; talks: TalkJson[] }>;
  talks: TalkJson[];
  todos: TodoJson[];
  hiddenDrafts: TodoJson[];
}

export const todoJson = (t: TodoItem): TodoJson => ({ kind: t.kind, text: t.text, line: t.line });

/** A list of items split as the text output counts them: TODO items, and hidden drafts apart. */
const splitTodos = (items: readonly TodoItem[]) => ({ todos: visibleTodos(items).map(todoJson), hiddenDrafts: items.filter((t) => t.kind === 'hidden').map(todoJson) });

const talkJson = (t: Talk): TalkJson => ({
  title: t.title,
  speakers: [...t.speakers],
  company: t.company,
  line: t.line,
  hidden: t.hidden,
  group: t.group,
  ...splitTodos(t.todos),
});

/** The `--json` form of a note's outline. */
function outlineJson(file: string, model: NotesModel): OutlineJson {
  return {
    file,
    frontMatter: { format: model.frontMatter.format, error: model.frontMatter.error, data: model.frontMatter.data },
    days: model.days.map((d) => ({ title: d.title, line: d.line, talks: d.talks.map(talkJson) })),
    talks: model.talks.map(talkJson),
    ...splitTodos(model.todos),
  };
}

/** ` (+ 2 hidden drafts)`: hidden notes are listed, but are not TODO items. */
function hiddenNote(todos: readonly TodoItem[]): string {
  const hidden = todos.length - countTodos(todos);
  return hidden ? ` (+ ${plural(hidden, 'hidden draft')})` : '';
}

/** The human form: one line per day, group, talk and TODO item, indented. */
function outlineText(file: string, model: NotesModel): string {
  const talkCount = model.talks.length + model.days.reduce((n, d) => n + d.talks.length, 0);
  const fm = model.frontMatter.format ? `${model.frontMatter.format.toUpperCase()} front matter` : 'no front matter';
  const out: string[] = [`${file}: ${fm}, ${plural(model.days.length, 'day')}, ${plural(talkCount, 'talk')}, ${countTodos(model.todos)} TODO${hiddenNote(model.todos)}`];
  if (model.frontMatter.error) out.push(`  ! ${model.frontMatter.error}`);
  if (model.impliedDay) out.push(`  (no day headings; the note is about ${model.impliedDay})`);
  const todoLine = (t: TodoItem, indent: string) => `${indent}- ${t.line}: ${t.kind}: ${t.text}`;
  const talks = (list: readonly Talk[], groups: readonly { title: string; line: number }[], indent: string) => {
    const items = [...groups.map((g) => ({ line: g.line, group: g.title })), ...list.map((t) => ({ line: t.line, talk: t }))].sort((a, b) => a.line - b.line);
    for (const it of items) {
      if ('group' in it) {
        out.push(`${indent}${it.line}: [${it.group}]`);
        continue;
      }
      const t = it.talk;
      const pad = t.group ? indent + '  ' : indent;
      const who = [t.speakers.join(', '), t.company].filter(Boolean).join(' · ');
      out.push(`${pad}${t.line}: ${t.hidden ? '(hidden) ' : ''}${t.title || '(untitled)'}${who ? ` — ${who}` : ''}`);
      for (const todo of t.todos) out.push(todoLine(todo, pad + '    '));
    }
  };
  talks(model.talks, model.groups, '  ');
  for (const d of model.days) {
    out.push(`  ${d.line}: ${d.title}`);
    talks(d.talks, d.groups, '    ');
    for (const todo of d.todos) out.push(todoLine(todo, '      '));
  }
  const placed = new Set<TodoItem>([...model.talks, ...model.days.flatMap((d) => [...d.talks])].flatMap((t) => t.todos).concat(model.days.flatMap((d) => d.todos)));
  const loose = model.todos.filter((t) => !placed.has(t));
  if (loose.length) {
    out.push('  outside talks:');
    for (const todo of loose) out.push(todoLine(todo, '    '));
  }
  return out.join('\n');
}

const OUTLINE_USAGE = 'usage: talk-capture outline FILE [--json]';

export const run: CliCommand = (args, io) => {
  const { paths, flags } = parseCliArgs(args, { json: {} }, OUTLINE_USAGE);
  if (paths.length !== 1) throw new CliError(OUTLINE_USAGE);
  const file = paths[0];
  const note = readNote(file);
  const warning = utf8Warning(note);
  if (warning) io.err(`talk-capture outline: ${warning}`);
  const text = note.text;
  const fileName = file.replace(/^.*[\\/]/, '');
  const model = analyzeText(text, { fileName }).model;
  if (model.skipped) throw new CliError(`${file}: ${model.skipped}`);
  io.out(flags.has('json') ? JSON.stringify(outlineJson(file, model), null, 2) : outlineText(file, model));
  return 0;
};
