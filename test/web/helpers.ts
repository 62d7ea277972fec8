/**
 * Helpers of the web suite. It runs in the browser's web-worker extension host: no `fs`, no
 * `path`, no `process`; files only through `vscode.workspace.fs`.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor as waitForWithin, workbenchCaughtUp } from '../shared/wait';

export { closeAllEditors, workbenchCaughtUp } from '../shared/wait';
export { getApiOf } from '../shared/api';

/** What the runner tells the suite through a file in the workspace (the worker has no environment variables). */
export interface WebTestConfig {
  /** Only tests whose full title matches. */
  grep?: string;
  /** A local server that lets a web page read its files (Access-Control-Allow-Origin: *). */
  corsAllowed?: string;
  /** A local server that does not (no CORS headers). */
  corsRefused?: string;
}

const CONFIG_FILE = '.vscode/talk-capture-web-test.json';

export async function readConfig(): Promise<WebTestConfig> {
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(CONFIG_FILE)))) as WebTestConfig;
  } catch {
    return {};
  }
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function readText(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));
}

export async function writeText(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Opens a workspace file in an editor and waits until the extension host sees it active. */
export async function openFile(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await waitFor(() => vscode.window.activeTextEditor?.document === doc, `${relative} to be the active editor`);
  return editor;
}

/**
 * Asks the runner for a screenshot of the workbench (test-results/web-screenshots/NAME.png), taken
 * once `selector` (when given) shows and the workbench has painted; resolves when it is taken
 * (the runner leaves a mark in the workspace's .vscode folder).
 */
export async function screenshot(name: string, selector?: string): Promise<void> {
  const safe = name.replace(/[^\w.-]+/g, '-');
  const mark = workspaceUri(`.vscode/screenshot-${safe}.done`);
  await vscode.workspace.fs.delete(mark).then(undefined, () => undefined);
  await workbenchCaughtUp();
  console.log(`@@screenshot ${safe}${selector ? ` ${selector}` : ''}`);
  await waitFor(async () => {
    await vscode.workspace.fs.stat(mark);
    return true;
  }, `screenshot ${safe}`);
}

/**
 * Polls `probe` until it returns a truthy value (returned) or the time is up: 30 s by default,
 * as the worker host starts cold and the machine may be busy.
 */
export function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 30000): Promise<NonNullable<T>> {
  return waitForWithin(probe, what, timeoutMs);
}
