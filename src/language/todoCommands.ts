/**
 * TODO links without the editor: the placeholders Insert TODO Link writes (and where the
 * cursors go after), the TODO item Resolve TODO Link… fills (the one at the cursor, or a TODO
 * Links view element found again in the note) and its edit, the URL it offers, and the item Go
 * to Next/Previous TODO selects with the status it shows. Edits are core TextEdits, places 0-based
 * positions or offsets; the TODO items come from the note's analysis. The editor's side (the
 * question, the clipboard, applying the edits, the selection): src/vscode/features/todoCommands.ts.
 */
import { lineStarts, type Position, type Range, type TextDocument, type TextEdit } from '../core/document';
import { adjacentTodo, formatTodoLink, placeholderReplacement, todoAtCursor, validateLinkUrl } from '../core/capture/index';
import type { TodoItem } from '../core/notes/model';
import { visibleTodos, type TodoCountOptions } from '../core/notes/todos';
import { lineEndOffset } from '../core/util/lines';
import type { Analyses } from './services';

/** The settings the TODO commands read: talkCapture.todoLinkFormat and talkCapture.todos.includeHiddenDrafts. */
export interface TodoCommandSettings {
  todoLinkFormat(): string;
  todoCountOptions(): TodoCountOptions;
}

/** Where a TODO item is and what it says (a TODO Links view element carries these from an older version). */
export type TodoPlace = Pick<TodoItem, 'text' | 'line' | 'column'>;

/** The 0-based range of a TODO item's text. */
function todoRange(todo: Pick<TodoItem, 'line' | 'column' | 'endColumn'>): Range {
  return { start: { line: todo.line - 1, character: todo.column - 1 }, end: { line: todo.line - 1, character: todo.endColumn - 1 } };
}

/** Resolve TODO Link…'s question: `URL for [slides](TODO) (line 12)`, a long item shortened. */
export function resolvePrompt(todo: Pick<TodoItem, 'text' | 'line'>): string {
  return `URL for ${todo.text.length > 60 ? `${todo.text.slice(0, 59)}…` : todo.text} (line ${todo.line})`;
}

/**
 * The URL Resolve TODO Link… starts with: the clipboard's when it holds one, else the session
 * page of the talk (asked only then), else nothing.
 */
export async function urlToOffer(clipboard: string, sessionPage: () => Promise<string | undefined>): Promise<string> {
  return validateLinkUrl(clipboard) === null ? clipboard : ((await sessionPage()) ?? '');
}

export class TodoCommands {
  constructor(private readonly services: Analyses & TodoCommandSettings) {}

  /**
   * Insert TODO Link: a placeholder in place of each selection (its text as the link text, per
   * talkCapture.todoLinkFormat), and the offsets in the new text right after each placeholder,
   * in document order (where the cursors go: writing goes on).
   */
  insertTodoLinks(doc: TextDocument, selections: readonly Range[]): { edits: TextEdit[]; cursors: number[] } {
    const text = doc.getText();
    const starts = lineStarts(text);
    const offsetAt = (p: Position) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
    const format = this.services.todoLinkFormat();
    const spans = selections.map((range) => ({ start: offsetAt(range.start), end: offsetAt(range.end), range })).sort((a, b) => a.start - b.start);
    let shift = 0;
    const cursors: number[] = [];
    const edits = spans.map((s): TextEdit => {
      const newText = formatTodoLink(format, text.slice(s.start, s.end));
      shift += newText.length - (s.end - s.start);
      cursors.push(s.end + shift);
      return { range: { start: { line: s.range.start.line, character: s.range.start.character }, end: { line: s.range.end.line, character: s.range.end.character } }, newText };
    });
    return { edits, cursors };
  }

  /** The TODO link at a cursor (the item under it, else the nearest on its line); hidden notes are not links. */
  todoAt(doc: TextDocument, cursor: Position): TodoItem | undefined {
    return todoAtCursor(
      this.todos(doc).filter((t) => t.kind !== 'hidden'),
      cursor,
    );
  }

  /** The item of the note now that is `wanted` (same text), nearest to its old place; undefined when it is gone. */
  refind(doc: TextDocument, wanted: TodoPlace): TodoItem | undefined {
    return this.todos(doc)
      .filter((t) => t.text === wanted.text)
      .sort((a, b) => Math.abs(a.line - wanted.line) - Math.abs(b.line - wanted.line) || Math.abs(a.column - wanted.column) - Math.abs(b.column - wanted.column))[0];
  }

  /** Why `todo` cannot be resolved with a URL (a hidden note, not a link placeholder), or undefined when it can. */
  notResolvable(doc: TextDocument, todo: TodoItem): string | undefined {
    if (todo.kind === 'hidden') return 'that is a hidden note, not a link placeholder.';
    if (!placeholderReplacement(this.lineText(doc, todo.line - 1), todo, todo.column - 1, 'https://example.com/')) {
      return `“${todo.text}” is not a link placeholder; edit it by hand.`;
    }
    return undefined;
  }

  /**
   * The edit that fills the placeholder of `todo` with `url` in the note's current version (the
   * item found again: the note may have changed while the URL was typed), and the position
   * right after the link; undefined when it is no longer there.
   */
  resolveEdit(doc: TextDocument, todo: TodoPlace, url: string): { edit: TextEdit; end: Position } | undefined {
    const current = this.refind(doc, todo);
    if (!current) return undefined;
    const line = current.line - 1;
    const r = placeholderReplacement(this.lineText(doc, line), current, current.column - 1, url.trim());
    if (!r) return undefined;
    return {
      edit: { range: { start: { line, character: r.start }, end: { line, character: r.end } }, newText: r.newText },
      end: { line, character: r.start + r.newText.length },
    };
  }

  /**
   * Go to Next/Previous TODO from a cursor: the item to select (round the note's ends; hidden
   * notes only with talkCapture.todos.includeHiddenDrafts) and the status (`TODO 2 of 3 (from
   * the top)`); undefined when the note has none.
   */
  adjacent(doc: TextDocument, cursor: Position, direction: 'next' | 'previous'): { range: Range; status: string } | undefined {
    const todos = visibleTodos(this.todos(doc), this.services.todoCountOptions());
    const found = adjacentTodo(todos, cursor, direction);
    if (!found) return undefined;
    const n = todos.indexOf(found.item) + 1;
    const wrapped = found.wrapped ? (direction === 'next' ? ' (from the top)' : ' (from the bottom)') : '';
    return { range: todoRange(found.item), status: `TODO ${n} of ${todos.length}${wrapped}` };
  }

  private todos(doc: TextDocument): TodoItem[] {
    return this.services.analysisOf(doc).model.todos;
  }

  /** The text of a 0-based line of the note's current version, without its line break. */
  private lineText(doc: TextDocument, line: number): string {
    const a = this.services.analysisOf(doc);
    const start = a.lineStarts[line];
    return start === undefined ? '' : a.text.slice(start, lineEndOffset(a.text, a.lineStarts, line));
  }
}
