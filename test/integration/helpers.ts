/** Helpers shared by the integration tests (they run inside a real VS Code). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
export { EXTENSION_ID, getApi, getApiOf } from '../shared/api';
import { closeAllEditors, waitFor, workbenchCaughtUp } from '../shared/wait';

export { closeAllEditors, waitFor, workbenchCaughtUp };

/** The workspace folder the tests run in (a fresh copy of test/fixtures/workspace). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri.fsPath;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders![0];
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens a file of the test workspace (relative path) in an editor and returns it. */
export async function openFile(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

let untitledCount = 0;

/**
 * Opens a new untitled Markdown document with the given text. Each gets a name of its own:
 * `openTextDocument({ content })` would name it Untitled-N, and when a closed Untitled-N is not
 * yet released by the extension host (a slow machine), the same name hands back the old
 * document and its old text.
 */
export async function openMarkdown(text: string): Promise<vscode.TextEditor> {
  const name = `note-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}-${++untitledCount}.md`;
  let doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name }));
  if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (text) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the note text was inserted');
  }
  assert.strictEqual(doc.getText(), text, 'the new note has exactly the given text');
  return editor;
}

/** Writes a file into the test workspace (creating folders) and returns its URI. */
export async function writeFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

/** Sets a talkCapture.* setting for the workspace; returns a function that restores it. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('talkCapture');
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => {
    await vscode.workspace.getConfiguration('talkCapture').update(key, before, vscode.ConfigurationTarget.Workspace);
  };
}

/**
 * Asks the test runner for a screenshot of the whole workbench, saved as NAME.png in the
 * folder the runner prints, taken once `selector` (a CSS selector of the workbench page, when
 * given) shows and the workbench has painted. Resolves once the file is written; outside the
 * runner (no TALK_CAPTURE_SCREENSHOT_DIR) it does nothing.
 */
export async function screenshot(name: string, selector?: string): Promise<string | undefined> {
  const dir = process.env.TALK_CAPTURE_SCREENSHOT_DIR;
  if (!dir) return undefined;
  const safe = name.replace(/[^\w.-]+/g, '-');
  const file = path.join(dir, `${safe}.png`);
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // ignore
  }
  await workbenchCaughtUp(); // what the test just did has reached the workbench; the runner waits for the paint
  console.log(`@@screenshot ${safe}${selector ? ` ${selector}` : ''}`);
  await waitFor(() => fs.existsSync(file), `screenshot ${safe}`, 15000);
  return file;
}

/** Replaces a document's whole text through an edit (so the extension sees a normal change). */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const ok = await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
  assert.ok(ok, 'edit was not applied');
}
