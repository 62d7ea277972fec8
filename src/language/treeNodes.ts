/**
 * The plain nodes of the Talks and TODO Links trees (./talksTree.ts, ./todosTree.ts): what a
 * row shows (label, description, tooltip, icon id, context value) and does (command id and
 * arguments), with its children; no `vscode` object. The editor turns them into tree items
 * (src/vscode/services/treeItems.ts). Also the TODO row both trees show.
 */
import type { TodoItem } from '../core/notes/model';

/** The element a row stands for, handed to its commands (the editor's carries a `vscode.Uri` for `uri`). */
export type NoteElement = { kind: 'day' | 'group' | 'talk' | 'problem' | 'file'; uri: string; line: number } | { kind: 'todo'; uri: string; todo: TodoItem; talk: string | null };

export type TodoNoteElement = Extract<NoteElement, { kind: 'todo' }>;

/** A product icon (`codicon` id) and its theme colour id. */
interface TreeIcon {
  id: string;
  color?: string;
}

export interface TreeCommand {
  id: string;
  title: string;
  args: readonly unknown[];
}

/** A row of a tree. */
export interface TreeNode {
  /** Unique within its tree and stable while typing (no line numbers in it). */
  id: string;
  label: string;
  description?: string;
  /** Plain text, or Markdown (trusted: built from escaped text). */
  tooltip?: string | { markdown: string };
  /** `file` with a `resourceUri`: the file icon theme's icon. */
  icon: TreeIcon;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** The file the row is (its URI). */
  resourceUri?: string;
  command: TreeCommand;
  element: NoteElement;
  children: TreeNode[];
}

/** The command of every row: the editor opens the element's note at its line. */
export const REVEAL_ITEM = 'talkCapture.revealItem';

export function revealCommand(element: NoteElement): TreeCommand {
  return { id: REVEAL_ITEM, title: 'Reveal in Editor', args: [element] };
}

/** The 1-based line an element stands at (a TODO's own line). */
export function elementLine(element: NoteElement): number {
  return element.kind === 'todo' ? element.todo.line : element.line;
}

const TODO_KIND_LABEL: Record<TodoItem['kind'], string> = {
  todo: 'TODO',
  'missing-link': 'missing link',
  check: 'to check',
  hidden: 'hidden note',
};

function todoIcon(kind: TodoItem['kind']): TreeIcon {
  switch (kind) {
    case 'missing-link':
      return { id: 'link', color: 'list.warningForeground' };
    case 'check':
      return { id: 'question' };
    case 'hidden':
      return { id: 'eye-closed', color: 'disabledForeground' };
    default:
      return { id: 'checklist' };
  }
}

/** The row of a TODO item (both trees). */
export function todoNode(element: TodoNoteElement, id: string): TreeNode {
  const { todo, talk } = element;
  const kind = TODO_KIND_LABEL[todo.kind];
  return {
    id,
    label: todo.text || '(empty)',
    description: `${kind} · line ${todo.line}`,
    tooltip: { markdown: markdownText(`${kind} on line ${todo.line}${talk ? ` in “${talk}”` : ''}\n\n`) + markdownCodeBlock(todo.text, 'markdown') },
    icon: todoIcon(todo.kind),
    contextValue: 'todo',
    collapsible: 'none',
    command: revealCommand(element),
    element,
    children: [],
  };
}

/** Ids made unique within one tree (`x`, then `x#1`, `x#2`): a tree refuses two items with one id. */
export function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n ? `${id}#${n}` : id;
  };
}

/** Text shown as written in Markdown (as VS Code's `MarkdownString.appendText` writes it). */
function markdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-!~]/g, '\\$&')
    .replace(/[ \t]+/g, (run) => '&nbsp;'.repeat(run.length))
    .replace(/>/g, '\\>')
    .replace(/\n/g, '\n\n');
}

/** A fenced code block (as `MarkdownString.appendCodeblock` writes it: a fence longer than any in the code). */
function markdownCodeBlock(code: string, language: string): string {
  const longest = Math.max(0, ...(code.match(/^`+/gm) ?? []).map((f) => f.length));
  const fence = '`'.repeat(longest >= 3 ? longest + 1 : 3);
  return `\n${fence}${language}\n${code}\n${fence}\n`;
}
