import * as vscode from 'vscode';
import type { Range, TextEdit } from '../../core/document';

export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, toVsRange(e.range), e.newText);
  return we;
}

/**
 * Applies edits computed by the core against `version` of `doc` as one undo step.
 * Returns false (and applies nothing) when the document changed since: the caller recomputes
 * or tells the user; stale ranges are never applied.
 */
export async function applyCoreEdits(doc: vscode.TextDocument, version: number, edits: readonly TextEdit[]): Promise<boolean> {
  if (edits.length === 0) return true;
  if (doc.version !== version) return false;
  const ok = await vscode.workspace.applyEdit(toWorkspaceEdit(doc.uri, edits));
  // One workspace edit of one document is one change: the next version.
  if (ok) versionAfterOurEdit.set(doc, version + 1);
  return ok;
}

/** The version of each document right after the last edit we applied to it. */
const versionAfterOurEdit = new WeakMap<vscode.TextDocument, number>();

/**
 * True while the document is exactly as our last edit left it. A command moves the cursor
 * after its edit only then: a key the person typed in the meantime stays where they typed it,
 * and what they type next is not sent elsewhere.
 */
export function untouchedSinceOurEdit(doc: vscode.TextDocument): boolean {
  return versionAfterOurEdit.get(doc) === doc.version;
}

/**
 * Computes edits against the document's current version and applies them; when the user
 * typed in between (the version moved), computes again, a few times at most.
 * `compute` returns undefined to apply nothing. Resolves to the edits applied, or undefined.
 */
export async function editDocument(doc: vscode.TextDocument, compute: (text: string) => readonly TextEdit[] | undefined): Promise<readonly TextEdit[] | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = doc.version;
    const edits = compute(doc.getText());
    if (!edits || edits.length === 0) return undefined;
    if (await applyCoreEdits(doc, version, edits)) return edits;
  }
  void vscode.window.showWarningMessage('Talk Capture: the note kept changing while the edit was prepared; nothing was changed. Try again.');
  return undefined;
}
