/**
 * One way to register a command: a failure is logged with its stack and shown as
 * "Talk Capture: NAME failed: reason", never thrown into the workbench.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from './feature';

/** The readable message of anything thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Registers `id`; `name` is what the user reads in an error (`New Talk`). */
export function registerCommand(ctx: FeatureContext, id: string, name: string, run: (...args: unknown[]) => unknown): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (err) {
        ctx.log.error(`${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        void vscode.window.showErrorMessage(`Talk Capture: ${name} failed: ${messageOf(err)}`);
        return undefined;
      }
    }),
  );
}
