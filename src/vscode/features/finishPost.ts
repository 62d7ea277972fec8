/**
 * Finish Post…: the editor's side of src/language/finishPost.ts. The steps of one preview (a
 * quick pick), each left out by unchecking it; Enter applies the chosen steps as one undo
 * step, then the check before publishing runs (talkCapture.checkNotes, quietly) and one message
 * says what was done and what still needs the user, with buttons to the Problems panel and the
 * TODO Links view. Escape changes nothing.
 */
import * as vscode from 'vscode';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import type { FinishPostApi } from '../api';
import { requireMarkdownEditor } from '../services/editor';
import { editDocument } from '../services/edits';
import { languageServices, noteDocument } from '../services/language';
import { analysisSettingsOf } from '../services/analysis';
import { landscapeScope, linkMode, tagSettings } from '../services/settings';
import { FinishPost, finishMessage, finishSteps, type FinishResult, type FinishRow } from '../../language/finishPost';
import type { FinishStepId } from '../../core/publish/finish';
import type { PublishProblem } from '../../core/publish/check';

interface FinishArgs {
  /** Apply these steps without showing the preview (scripted use, tests). */
  steps?: unknown[];
}

type StepItem = vscode.QuickPickItem & Pick<FinishRow, 'id'>;

export function registerFinishPost(ctx: FeatureContext): void {
  const api: FinishPostApi = { lastPreview: undefined, lastMessage: undefined };
  ctx.api.finishPost = api;
  const finish = new FinishPost({
    ...languageServices(ctx),
    landscapeScope,
    linkMode,
    tagSettings: (uri) => tagSettings(vscode.Uri.parse(uri)),
    analysisSettings: (uri) => analysisSettingsOf(vscode.Uri.parse(uri)),
  });
  registerCommand(ctx, 'talkCapture.finishPost', 'Finish Post', (args) => finishPost(finish, api, args as FinishArgs | undefined));
}

async function finishPost(finish: FinishPost, api: FinishPostApi, args?: FinishArgs): Promise<FinishResult | undefined> {
  const editor = requireMarkdownEditor('finish the post');
  if (!editor) return undefined;
  const doc = editor.document;
  const note = noteDocument(doc);
  const preview = await finish.preview(note);
  if ('error' in preview) {
    api.lastMessage = preview.error;
    void vscode.window.showErrorMessage(api.lastMessage);
    return undefined;
  }

  let chosen: ReadonlySet<FinishStepId>;
  if (args?.steps) chosen = finishSteps(args.steps);
  else if (preview.stepsToApply === 0) chosen = new Set();
  else {
    const items: StepItem[] = preview.rows();
    api.lastPreview = items.map((i) => ({ label: i.label, detail: i.detail ?? '', picked: !!i.picked }));
    const picks = await vscode.window.showQuickPick(items, {
      title: preview.title,
      placeHolder: 'Uncheck what to leave out; Enter applies the rest (one undo step)',
      canPickMany: true,
    });
    if (!picks) return undefined;
    chosen = new Set(picks.map((p) => p.id));
  }

  let plan = preview.plan;
  const applied = await editDocument(doc, () => (plan = preview.planOn(note, chosen)).edits);

  // The check before publishing, run by its own command: its problems go to the Problems panel.
  const check = await vscode.commands.executeCommand<{ problems: PublishProblem[] } | { skipped: string } | undefined>('talkCapture.checkNotes', { quiet: true });
  const { result, message } = finishMessage(plan, chosen, !!applied, check);
  api.lastMessage = message.message;
  if (message.severity === 'info') void vscode.window.showInformationMessage(message.message);
  else if (message.buttons.length === 0) void vscode.window.showWarningMessage(message.message);
  else {
    // Not awaited: the notification stays until dismissed; the command ends now.
    void vscode.window.showWarningMessage(message.message, ...message.buttons).then((answer) => {
      if (answer === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
      else if (answer === 'Show TODO Links') void vscode.commands.executeCommand('talkCapture.todos.focus');
    });
  }
  return result;
}
