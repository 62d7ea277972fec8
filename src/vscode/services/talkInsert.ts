/**
 * Asking for a talk and inserting its heading where it belongs: shared by New Talk… and Start
 * Talk Now (the talk timer). What the heading is and where it goes is decided by
 * src/language/newTalk.ts; here the questions, the one undo step computed against the document
 * version it applies to, and the cursor.
 */
import * as vscode from 'vscode';
import { headingFormats } from './settings';
import { editDocument, untouchedSinceOurEdit } from './edits';
import { requireMarkdownEditor } from './editor';
import { analysisOf } from './analysis';
import { noteDocument } from './language';
import { askFreeText, askPick, askText } from './quickInput';
import type { CaptureApi } from '../api';
import { collectPeople } from './workspacePeople';
import { withSchedulePeople } from './scheduleStore';
import { NewTalkProvider, talkKindRows, talkTitleProblem, type TalkAnswers, type TalkInsertion } from '../../language/newTalk';

// ---------------------------------------------------------------------------------------------
// New Talk… (also the first half of Start Talk Now)

/** The four questions of New Talk…; undefined when Escape was pressed at any step. */
async function askTalk(api: CaptureApi, title: string, value?: string): Promise<TalkAnswers | undefined> {
  const people = withSchedulePeople(collectPeople());
  const total = 4;
  const name = await askText(api, {
    name: 'title',
    title,
    step: 1,
    totalSteps: total,
    prompt: 'Title of the talk',
    value,
    placeholder: 'e.g. Scaling the control plane',
    validate: talkTitleProblem,
  });
  if (name === undefined) return undefined;
  const speakers = await askFreeText(api, {
    name: 'speakers',
    title,
    step: 2,
    totalSteps: total,
    placeholder: 'Speakers (Ada Lovelace & Grace Hopper), or Enter for none',
    suggestions: people.then((p) => p.speakers),
  });
  if (speakers === undefined) return undefined;
  const company = await askFreeText(api, {
    name: 'company',
    title,
    step: 3,
    totalSteps: total,
    placeholder: 'Company, or Enter for none',
    suggestions: people.then((p) => p.companies),
  });
  if (company === undefined) return undefined;
  const kinds = talkKindRows();
  const kind = await askPick(api, { name: 'kind', title, step: 4, totalSteps: total, placeholder: 'Kind of talk', items: kinds, active: kinds[0] });
  if (kind === undefined) return undefined;
  return { title: name, speakers, company, kind: kind.talkKind };
}

/**
 * Moves the cursor of the document's editor (shown if needed) and reveals it. `afterEdit`: the
 * position was computed for the text our edit left; when the person typed since, the cursor
 * stays where their typing put it.
 */
export async function placeCursor(doc: vscode.TextDocument, pos: vscode.Position, editor?: vscode.TextEditor, afterEdit = false): Promise<vscode.TextEditor> {
  const ed =
    editor && !editor.document.isClosed && vscode.window.visibleTextEditors.includes(editor)
      ? editor
      : await vscode.window.showTextDocument(doc, { viewColumn: editor?.viewColumn, preserveFocus: false });
  if (afterEdit && !untouchedSinceOurEdit(doc)) return ed;
  ed.selection = new vscode.Selection(pos, pos);
  ed.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return ed;
}

/** A Talks view item New Talk… was invoked on: its note and the 1-based line of its day or talk. */
export interface ViewTarget {
  uri: vscode.Uri;
  line: number;
}

/**
 * Reads a tree element passed by a view's context menu: `{ uri, talk: { line } }`,
 * `{ uri, day: { line } }` or `{ uri, line }` (1-based). Undefined for anything else (a
 * command run from the palette or a keybinding gets no argument, or an editor URI).
 */
export function viewTarget(arg: unknown): ViewTarget | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { uri?: unknown; line?: unknown; talk?: { line?: unknown }; day?: { line?: unknown } };
  if (!(a.uri instanceof vscode.Uri)) return undefined;
  const line = [a.talk?.line, a.day?.line, a.line].find((l): l is number => typeof l === 'number' && l >= 1);
  return line ? { uri: a.uri, line } : undefined;
}

export interface InsertedTalk {
  doc: vscode.TextDocument;
  heading: string;
  title: string;
  /** 0-based line of the heading. */
  line: number;
}

/**
 * New Talk…: asks, then inserts the heading under the current day (after the talk under the
 * cursor, or at the end of the day's talks) with the cursor on its first body line.
 */
export async function runNewTalk(
  api: CaptureApi,
  options: { withTime?: boolean; timeFirst?: boolean; title?: string; target?: ViewTarget; talkTitle?: string } = {},
): Promise<InsertedTalk | undefined> {
  const action = options.withTime ? 'start a talk' : 'add a talk';
  let editor: vscode.TextEditor | undefined;
  let atLine: number | undefined;
  if (options.target) {
    // From the Talks view: the note of the item, under its day or after its talk.
    const doc = await vscode.workspace.openTextDocument(options.target.uri);
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    atLine = options.target.line;
  }
  editor ??= requireMarkdownEditor(action);
  if (!editor) return undefined;
  const doc = editor.document;
  const answers = await askTalk(api, options.title ?? 'New Talk', options.talkTitle);
  if (!answers) return undefined;
  if (doc.isClosed) {
    void vscode.window.showWarningMessage('Talk Capture: the note was closed; no talk was added.');
    return undefined;
  }
  const talks = new NewTalkProvider({ analysisOf, headingFormats, now: () => new Date() });
  const note = noteDocument(doc);
  let ins: TalkInsertion | undefined;
  const applied = await editDocument(doc, () => {
    const cursorLine = atLine ?? (vscode.window.visibleTextEditors.find((e) => e.document === doc) ?? editor).selection.active.line + 1;
    ins = talks.insertion(note, answers, cursorLine, { withTime: options.withTime, timeFirst: options.timeFirst });
    return [ins.edit];
  });
  if (!applied || !ins) return undefined;
  await placeCursor(doc, new vscode.Position(ins.cursor.line, ins.cursor.character), editor, true);
  return { doc, heading: ins.heading, title: ins.title, line: ins.line };
}
