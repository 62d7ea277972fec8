/** New Talk…: title, speakers, company and kind in one quick input, then the heading (one undo step). */
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { captureApi } from '../services/quickInput';
import { runNewTalk, viewTarget } from '../services/talkInsert';

export function registerNewTalk(ctx: FeatureContext): void {
  const api = captureApi(ctx);
  registerCommand(ctx, 'talkCapture.newTalk', 'New Talk', (arg?: unknown) => runNewTalk(api, { target: viewTarget(arg) }));
}
