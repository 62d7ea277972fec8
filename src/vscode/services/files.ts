import * as vscode from 'vscode';

/** True when something (file or folder) is at `uri`, through `vscode.workspace.fs` (the browser build has no other). */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
