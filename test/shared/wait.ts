/** Waiting helpers shared by the suites that run inside VS Code (integration: Node; web: the browser's worker). */
import * as vscode from 'vscode';

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `probe` until it returns a truthy value (returned) or the time is up (throws with `what`). */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await sleep(50);
  }
}

let caughtUp = 0;

/**
 * Resolves once the workbench has handled what this extension host sent it before: a quick
 * input's `show()`, value or active items (batched and sent on the next turn of the event loop),
 * an edit, a command. A round trip to the workbench behind them on the same ordered channel: a
 * condition, not a guess at how long the workbench takes.
 */
export async function workbenchCaughtUp(): Promise<void> {
  await new Promise<void>((r) => setTimeout(r, 0)); // a quick input's batched update leaves on the next turn
  await vscode.commands.executeCommand('setContext', 'talkCapture.test.caughtUp', ++caughtUp);
}

/**
 * Closes every editor, discarding the changes of untitled documents (closing a dirty one any
 * other way would ask to save it, and leave it open behind the next test's editors).
 */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  for (let i = 0; i < 30 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor(() => vscode.window.visibleTextEditors.length === 0, 'every editor to close', 5000).catch(() => undefined);
}
