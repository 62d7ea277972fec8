/**
 * One way to register a command: a failure is logged with its stack and shown as
 * "Talk Capture: NAME failed: reason", never thrown into the workbench.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from './feature';
import { messageOf, stackOf } from '../../core/util/errors';

export { messageOf };

/** Registers `id`; `name` is what the user reads in an error (`New Talk`). */
export function registerCommand(ctx: FeatureContext, id: string, name: string, run: (...args: unknown[]) => unknown): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (err) {
        ctx.log.error(`${name}: ${stackOf(err)}`);
        void vscode.window.showErrorMessage(`Talk Capture: ${name} failed: ${messageOf(err)}`);
        return undefined;
      }
    }),
  );
}
