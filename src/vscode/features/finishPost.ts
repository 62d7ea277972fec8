/**
 * Finish Post…: the typo fixes of the project hints, Link Project Mentions, Sync Tags from
 * Linked Projects and draft off as the steps of one preview (src/core/publish/finish.ts plans
 * them on one text), each step left out by unchecking it; Enter applies the chosen steps as one
 * undo step, then the check before publishing runs (talkCapture.checkNotes, quietly) and one
 * message says what was done and what still needs the user, with buttons to the Problems panel
 * and the TODO Links view. Escape changes nothing.
 */
import * as vscode from 'vscode';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import type { FinishPostApi } from '../api';
import { requireMarkdownEditor } from '../services/editor';
import { editDocument } from '../services/edits';
import { landscapeIndex, landscapeIndexError } from '../services/landscapeService';
import { analysisSettingsOf } from '../services/analysis';
import { landscapeScope, linkMode, tagSettings } from '../services/settings';
import { FINISH_STEPS, planFinish, type FinishOptions, type FinishStepId } from '../../core/publish/finish';
import { summarize, type PublishProblem } from '../../core/publish/check';
import { plural } from '../../core/util/plural';

interface FinishArgs {
  /** Apply these steps without showing the preview (scripted use, tests). */
  steps?: FinishStepId[];
}

/** What Finish Post… resolves to: the steps applied (those that changed the note) and the problems left. */
interface FinishResult {
  applied: FinishStepId[];
  problems: number | undefined;
}

interface StepItem extends vscode.QuickPickItem {
  id: FinishStepId;
}

const ICONS: Record<FinishStepId, string> = { typos: '$(whole-word)', links: '$(link)', tags: '$(tag)', draft: '$(eye)' };

export function registerFinishPost(ctx: FeatureContext): void {
  const api: FinishPostApi = { lastPreview: undefined, lastMessage: undefined };
  ctx.api.finishPost = api;
  registerCommand(ctx, 'talkCapture.finishPost', 'Finish Post', (args) => finishPost(ctx, api, args as FinishArgs | undefined));
}

async function finishPost(ctx: FeatureContext, api: FinishPostApi, args?: FinishArgs): Promise<FinishResult | undefined> {
  const editor = requireMarkdownEditor('finish the post');
  if (!editor) return undefined;
  const doc = editor.document;
  const index = await landscapeIndex(ctx.log);
  if (!index) {
    api.lastMessage = `Talk Capture: the landscape index cannot be loaded (${landscapeIndexError()}); nothing was changed.`;
    void vscode.window.showErrorMessage(api.lastMessage);
    return undefined;
  }
  const tags = tagSettings(doc.uri);
  const options: FinishOptions = { scope: landscapeScope(), linkMode: linkMode(), notes: analysisSettingsOf(doc.uri), tagFields: tags.fields, tagStyle: tags.style };
  const preview = planFinish(doc.getText(), index, options);
  const todo = preview.steps.filter((s) => s.count > 0);

  let chosen: ReadonlySet<FinishStepId>;
  if (args?.steps) chosen = new Set(args.steps.filter((s) => FINISH_STEPS.includes(s)));
  else if (todo.length === 0) chosen = new Set();
  else {
    const items: StepItem[] = preview.steps.map((s) => ({
      label: `${ICONS[s.id]} ${s.label}`,
      description: s.count > 0 ? undefined : s.problem ? 'cannot run' : 'nothing to do',
      detail: s.detail,
      picked: s.count > 0,
      id: s.id,
    }));
    api.lastPreview = items.map((i) => ({ label: i.label, detail: i.detail ?? '', picked: !!i.picked }));
    const picks = await vscode.window.showQuickPick(items, {
      title: `Finish Post: ${plural(todo.length, 'step')} to apply`,
      placeHolder: 'Uncheck what to leave out; Enter applies the rest (one undo step)',
      canPickMany: true,
    });
    if (!picks) return undefined;
    chosen = new Set(picks.map((p) => p.id));
  }

  // Planned again on the text as it is when applied (the same as the preview unless the note changed).
  let plan = preview;
  const applied = await editDocument(doc, (text) => {
    plan = planFinish(text, index, { ...options, steps: chosen });
    return plan.edits;
  });
  const done = applied ? plan.steps.filter((s) => chosen.has(s.id) && s.count > 0) : [];

  // The check before publishing, run by its own command: its problems go to the Problems panel.
  const check = await vscode.commands.executeCommand<{ problems: PublishProblem[] } | { skipped: string } | undefined>('talkCapture.checkNotes', { quiet: true });
  const did = done.length > 0 ? `finished the post: ${done.map((s) => s.done).join(', ')}.` : 'nothing was changed.';
  const cannot = plan.steps.filter((s) => chosen.has(s.id) && s.problem).map((s) => ` ${s.label}: ${s.detail}.`);
  const result: FinishResult = { applied: done.map((s) => s.id), problems: check && 'problems' in check ? check.problems.length : undefined };
  if (!check || 'skipped' in check) {
    api.lastMessage = `Talk Capture: ${did}${cannot.join('')} The note could not be checked${check ? `: ${check.skipped}` : ''}.`;
    void vscode.window.showWarningMessage(api.lastMessage);
    return result;
  }
  const problems = check.problems;
  if (problems.length === 0) {
    api.lastMessage = `Talk Capture: ${did} Ready to publish.`;
    void vscode.window.showInformationMessage(api.lastMessage);
    return result;
  }
  api.lastMessage = `Talk Capture: ${did}${cannot.join('')} Still needs you: ${summarize(problems)}.`;
  const buttons = ['Show Problems', ...(problems.some((p) => p.kind === 'todo' || p.kind === 'placeholder') ? ['Show TODO Links'] : [])];
  // Not awaited: the notification stays until dismissed; the command ends now.
  void vscode.window.showWarningMessage(api.lastMessage, ...buttons).then((answer) => {
    if (answer === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (answer === 'Show TODO Links') void vscode.commands.executeCommand('talkCapture.todos.focus');
  });
  return result;
}
