/**
 * TODO links: Insert TODO Link, Resolve TODO Link… (from the cursor or from the TODO Links
 * view's context menu), Go to Next/Previous TODO. The TODO items come from the notes model.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import type { TodoItem } from '../../core/notes/model';
import { editDocument, untouchedSinceOurEdit } from '../services/edits';
import { requireMarkdownEditor } from '../services/editor';
import { analysisOf } from '../services/analysis';
import { visibleTodos } from '../../core/notes/todos';
import { todoCountOptions, todoLinkFormat } from '../services/settings';
import { askText, captureApi } from '../services/quickInput';
import type { CaptureApi } from '../api';
import { sessionPageAt } from '../services/scheduleStore';
import { adjacentTodo, formatTodoLink, placeholderReplacement, todoAtCursor, validateLinkUrl } from '../../core/capture/index';

/** The element the TODO Links view hands to its context-menu commands. */
interface TodoViewElement {
  kind: 'todo';
  uri: vscode.Uri;
  todo: TodoItem;
  talk: string | null;
}

function isTodoElement(arg: unknown): arg is TodoViewElement {
  const a = arg as Partial<TodoViewElement> | undefined;
  return !!a && a.kind === 'todo' && a.uri instanceof vscode.Uri && !!a.todo && typeof a.todo.line === 'number' && typeof a.todo.text === 'string';
}

/**
 * TODO items to go through: everything but hidden notes (those are notes, not things to do),
 * unless talkCapture.todos.includeHiddenDrafts brings them back.
 */
function navigable(todos: readonly TodoItem[]): TodoItem[] {
  return visibleTodos(todos, todoCountOptions());
}

/** The item in the current model that is `wanted` (same text and kind), nearest to its old line. */
function refind(todos: readonly TodoItem[], wanted: Pick<TodoItem, 'text' | 'line' | 'column'>): TodoItem | undefined {
  return todos
    .filter((t) => t.text === wanted.text)
    .sort((a, b) => Math.abs(a.line - wanted.line) - Math.abs(b.line - wanted.line) || Math.abs(a.column - wanted.column) - Math.abs(b.column - wanted.column))[0];
}

function rangeOf(todo: TodoItem): vscode.Range {
  return new vscode.Range(todo.line - 1, todo.column - 1, todo.line - 1, todo.endColumn - 1);
}

// ---------------------------------------------------------------------------------------------

async function insertTodoLink(): Promise<void> {
  const editor = requireMarkdownEditor('insert a TODO link');
  if (!editor) return;
  const doc = editor.document;
  const format = todoLinkFormat();
  let ends: Array<{ offset: number }> = [];
  const applied = await editDocument(doc, (text) => {
    const spans = editor.selections
      .map((s) => ({ start: doc.offsetAt(s.start), end: doc.offsetAt(s.end), range: new vscode.Range(s.start, s.end) }))
      .sort((a, b) => a.start - b.start);
    let shift = 0;
    ends = [];
    return spans.map((s) => {
      const newText = formatTodoLink(format, text.slice(s.start, s.end));
      shift += newText.length - (s.end - s.start);
      ends.push({ offset: s.end + shift });
      return {
        range: { start: { line: s.range.start.line, character: s.range.start.character }, end: { line: s.range.end.line, character: s.range.end.character } },
        newText,
      };
    });
  });
  // The cursor goes right after each placeholder: writing goes on (unless it already did).
  if (!applied || !untouchedSinceOurEdit(doc)) return;
  editor.selections = ends.map((e) => {
    const p = doc.positionAt(e.offset);
    return new vscode.Selection(p, p);
  });
}

// ---------------------------------------------------------------------------------------------

/** Resolves the placeholder of `todo` in `doc` with a URL the person gives. */
async function resolveIn(api: CaptureApi, doc: vscode.TextDocument, todo: TodoItem, fromView: boolean): Promise<boolean> {
  if (todo.kind === 'hidden') {
    void vscode.window.showInformationMessage('Talk Capture: that is a hidden note, not a link placeholder.');
    return false;
  }
  const lineText = doc.lineAt(todo.line - 1).text;
  if (!placeholderReplacement(lineText, todo, todo.column - 1, 'https://example.com/')) {
    void vscode.window.showInformationMessage(`Talk Capture: “${todo.text}” is not a link placeholder; edit it by hand.`);
    return false;
  }
  // Pre-filling from the clipboard is a convenience. In a browser, reading it asks for a
  // permission the page usually does not have, and the workbench then shows an error: there,
  // the question starts empty. Elsewhere it never waits for the clipboard more than a moment.
  const clip =
    vscode.env.uiKind === vscode.UIKind.Web
      ? ''
      : await Promise.race([
          Promise.resolve(vscode.env.clipboard.readText()).then(
            (t) => t.trim(),
            () => '', // no clipboard access: nothing to pre-fill
          ),
          new Promise<string>((resolve) => setTimeout(() => resolve(''), 500)),
        ]);
  const url = await askText(api, {
    name: 'url',
    title: 'Resolve TODO Link',
    prompt: `URL for ${todo.text.length > 60 ? `${todo.text.slice(0, 59)}…` : todo.text} (line ${todo.line})`,
    placeholder: 'https://…',
    value: validateLinkUrl(clip) === null ? clip : ((await sessionPageAt(doc, todo.line)) ?? ''),
    validate: (v) => validateLinkUrl(v) ?? undefined,
  });
  if (url === undefined) return false;
  let end: vscode.Position | undefined;
  const applied = await editDocument(doc, () => {
    // The note may have changed while the URL was typed: find the item again.
    const current = refind(analysisOf(doc).model.todos, todo);
    if (!current) return undefined;
    const line = doc.lineAt(current.line - 1).text;
    const r = placeholderReplacement(line, current, current.column - 1, url.trim());
    if (!r) return undefined;
    end = new vscode.Position(current.line - 1, r.start + r.newText.length);
    return [{ range: { start: { line: current.line - 1, character: r.start }, end: { line: current.line - 1, character: r.end } }, newText: r.newText }];
  });
  if (!applied || !end) {
    if (!applied) void vscode.window.showWarningMessage(`Talk Capture: “${todo.text}” is no longer in the note; nothing was changed.`);
    return false;
  }
  // Show the result (from the view too: the note is where the person checks the link).
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = fromView || !visible ? await vscode.window.showTextDocument(doc, { preview: false, viewColumn: visible?.viewColumn }) : visible;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  vscode.window.setStatusBarMessage(`$(check) Linked ${url.trim()}`, 4000);
  return true;
}

async function resolveTodoLink(api: CaptureApi, arg?: unknown): Promise<void> {
  if (isTodoElement(arg)) {
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(arg.uri);
    } catch {
      void vscode.window.showWarningMessage(`Talk Capture: ${vscode.workspace.asRelativePath(arg.uri)} cannot be opened.`);
      return;
    }
    const todo = refind(analysisOf(doc).model.todos, arg.todo);
    if (!todo) {
      void vscode.window.showInformationMessage(`Talk Capture: “${arg.todo.text}” is no longer in ${vscode.workspace.asRelativePath(arg.uri)}.`);
      return;
    }
    await resolveIn(api, doc, todo, true);
    return;
  }
  const editor = requireMarkdownEditor('resolve a TODO link');
  if (!editor) return;
  const todos = analysisOf(editor.document).model.todos.filter((t) => t.kind !== 'hidden');
  const todo = todoAtCursor(todos, editor.selection.active);
  if (!todo) {
    void vscode.window.showInformationMessage('Talk Capture: no TODO link on this line. Go to Next TODO (Ctrl+Alt+]) finds the next one.');
    return;
  }
  await resolveIn(api, editor.document, todo, false);
}

// ---------------------------------------------------------------------------------------------

async function goToTodo(direction: 'next' | 'previous'): Promise<void> {
  const editor = requireMarkdownEditor(`go to the ${direction} TODO`);
  if (!editor) return;
  const todos = navigable(analysisOf(editor.document).model.todos);
  const found = adjacentTodo(todos, editor.selection.start, direction);
  if (!found) {
    vscode.window.setStatusBarMessage('$(check) No TODOs in this note', 3000);
    return;
  }
  const range = rangeOf(found.item);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const n = todos.indexOf(found.item) + 1;
  vscode.window.setStatusBarMessage(`TODO ${n} of ${todos.length}${found.wrapped ? (direction === 'next' ? ' (from the top)' : ' (from the bottom)') : ''}`, 3000);
}

export function registerTodoCommands(ctx: FeatureContext): void {
  const api = captureApi(ctx);
  registerCommand(ctx, 'talkCapture.insertTodoLink', 'Insert TODO Link', insertTodoLink);
  registerCommand(ctx, 'talkCapture.resolveTodoLink', 'Resolve TODO Link', (arg) => resolveTodoLink(api, arg));
  registerCommand(ctx, 'talkCapture.nextTodo', 'Go to Next TODO', () => goToTodo('next'));
  registerCommand(ctx, 'talkCapture.previousTodo', 'Go to Previous TODO', () => goToTodo('previous'));
}
