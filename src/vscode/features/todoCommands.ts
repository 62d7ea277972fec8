/**
 * TODO links: Insert TODO Link, Resolve TODO Link… (from the cursor or from the TODO Links
 * view's context menu), Go to Next/Previous TODO: the editor's side of src/language/todoCommands.ts
 * (the question, the clipboard, applying the edits, the selection and the status bar).
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import type { TodoItem } from '../../core/notes/model';
import { editDocument, toVsRange, untouchedSinceOurEdit } from '../services/edits';
import { requireMarkdownEditor } from '../services/editor';
import { languageServices, noteDocument } from '../services/language';
import { todoCountOptions, todoLinkFormat } from '../services/settings';
import { askText, captureApi } from '../services/quickInput';
import type { CaptureApi } from '../api';
import { sessionPageAt } from '../services/scheduleStore';
import { validateLinkUrl } from '../../core/capture/index';
import type { Position } from '../../core/document';
import { resolvePrompt, TodoCommands, urlToOffer } from '../../language/todoCommands';

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

const toVsPosition = (p: Position) => new vscode.Position(p.line, p.character);

// ---------------------------------------------------------------------------------------------

async function insertTodoLink(todos: TodoCommands): Promise<void> {
  const editor = requireMarkdownEditor('insert a TODO link');
  if (!editor) return;
  const doc = editor.document;
  let cursors: number[] = [];
  const applied = await editDocument(doc, () => {
    const planned = todos.insertTodoLinks(noteDocument(doc), editor.selections);
    cursors = planned.cursors;
    return planned.edits;
  });
  // The cursor goes right after each placeholder: writing goes on (unless it already did).
  if (!applied || !untouchedSinceOurEdit(doc)) return;
  editor.selections = cursors.map((offset) => {
    const p = doc.positionAt(offset);
    return new vscode.Selection(p, p);
  });
}

// ---------------------------------------------------------------------------------------------

/** The clipboard's text, trimmed; empty in a browser and when it does not answer within a moment. */
async function clipboardText(): Promise<string> {
  // Pre-filling from the clipboard is a convenience. In a browser, reading it asks for a
  // permission the page usually does not have, and the workbench then shows an error: there,
  // the question starts empty. Elsewhere it never waits for the clipboard more than a moment.
  if (vscode.env.uiKind === vscode.UIKind.Web) return '';
  return Promise.race([
    Promise.resolve(vscode.env.clipboard.readText()).then(
      (t) => t.trim(),
      () => '', // no clipboard access: nothing to pre-fill
    ),
    new Promise<string>((resolve) => setTimeout(() => resolve(''), 500)),
  ]);
}

/** Resolves the placeholder of `todo` in `doc` with a URL the person gives. */
async function resolveIn(todos: TodoCommands, api: CaptureApi, doc: vscode.TextDocument, todo: TodoItem, fromView: boolean): Promise<boolean> {
  const refused = todos.notResolvable(noteDocument(doc), todo);
  if (refused) {
    void vscode.window.showInformationMessage(`Talk Capture: ${refused}`);
    return false;
  }
  const clip = await clipboardText();
  const url = await askText(api, {
    name: 'url',
    title: 'Resolve TODO Link',
    prompt: resolvePrompt(todo),
    placeholder: 'https://…',
    value: await urlToOffer(clip, () => sessionPageAt(doc, todo.line)),
    validate: (v) => validateLinkUrl(v) ?? undefined,
  });
  if (url === undefined) return false;
  let end: vscode.Position | undefined;
  const applied = await editDocument(doc, () => {
    // The note may have changed while the URL was typed: the item is found again.
    const r = todos.resolveEdit(noteDocument(doc), todo, url);
    if (!r) return undefined;
    end = toVsPosition(r.end);
    return [r.edit];
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

async function resolveTodoLink(todos: TodoCommands, api: CaptureApi, arg?: unknown): Promise<void> {
  if (isTodoElement(arg)) {
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(arg.uri);
    } catch {
      void vscode.window.showWarningMessage(`Talk Capture: ${vscode.workspace.asRelativePath(arg.uri)} cannot be opened.`);
      return;
    }
    const todo = todos.refind(noteDocument(doc), arg.todo);
    if (!todo) {
      void vscode.window.showInformationMessage(`Talk Capture: “${arg.todo.text}” is no longer in ${vscode.workspace.asRelativePath(arg.uri)}.`);
      return;
    }
    await resolveIn(todos, api, doc, todo, true);
    return;
  }
  const editor = requireMarkdownEditor('resolve a TODO link');
  if (!editor) return;
  const todo = todos.todoAt(noteDocument(editor.document), editor.selection.active);
  if (!todo) {
    void vscode.window.showInformationMessage('Talk Capture: no TODO link on this line. Go to Next TODO (Ctrl+Alt+]) finds the next one.');
    return;
  }
  await resolveIn(todos, api, editor.document, todo, false);
}

// ---------------------------------------------------------------------------------------------

function goToTodo(todos: TodoCommands, direction: 'next' | 'previous'): void {
  const editor = requireMarkdownEditor(`go to the ${direction} TODO`);
  if (!editor) return;
  const found = todos.adjacent(noteDocument(editor.document), editor.selection.start, direction);
  if (!found) {
    vscode.window.setStatusBarMessage('$(check) No TODOs in this note', 3000);
    return;
  }
  const range = toVsRange(found.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  vscode.window.setStatusBarMessage(found.status, 3000);
}

export function registerTodoCommands(ctx: FeatureContext): void {
  const api = captureApi(ctx);
  const todos = new TodoCommands({ ...languageServices(ctx), todoLinkFormat, todoCountOptions });
  registerCommand(ctx, 'talkCapture.insertTodoLink', 'Insert TODO Link', () => insertTodoLink(todos));
  registerCommand(ctx, 'talkCapture.resolveTodoLink', 'Resolve TODO Link', (arg) => resolveTodoLink(todos, api, arg));
  registerCommand(ctx, 'talkCapture.nextTodo', 'Go to Next TODO', () => goToTodo(todos, 'next'));
  registerCommand(ctx, 'talkCapture.previousTodo', 'Go to Previous TODO', () => goToTodo(todos, 'previous'));
}
