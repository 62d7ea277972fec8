/**
 * Commands: Insert Project Link… (a fuzzy QuickPick over the index) and Link Project Mentions
 * (plan, confirm, apply as one undo step): the editor's side of src/language/linkMentions.ts.
 */
import * as vscode from 'vscode';
import type { LandscapeEntry } from '../../core/landscape/landscapeIndex';
import type { LinkMode } from '../../core/landscape/linkPlan';
import { plural } from '../../core/util/plural';
import type { LandscapeSource } from '../../language/services';
import { ProjectLinking, type PlannedLink, type ProjectChoice } from '../../language/linkMentions';
import { applyCoreEdits } from '../services/edits';
import { requireMarkdownEditor } from '../services/editor';
import type { LinkMentionsApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { languageServices, noteDocument } from '../services/language';
import { landscapeScope, linkMode } from '../services/settings';

/** Arguments the commands accept (from code actions and tests); without them they ask the user. */
interface InsertProjectLinkArgs {
  /** Insert this project without showing the picker. */
  name?: string;
}
interface LinkMentionsArgs {
  /** false: apply without the confirmation list (tests, scripted use). Default true. */
  confirm?: boolean;
  mode?: LinkMode;
  /** Document to work on (default: the active editor's). */
  uri?: string;
  /** Ignore the selection and work on the whole note. */
  wholeDocument?: boolean;
}
/** The rows of the last Link Project Mentions confirmation (label and description), for tests. */
let lastConfirmation: Array<{ label: string; description: string }> | undefined;

export function registerProjectLinking(ctx: FeatureContext): void {
  const services = languageServices(ctx);
  const linking = new ProjectLinking({ ...services, landscapeScope, linkMode });
  const api: LinkMentionsApi = { lastConfirmation: () => lastConfirmation };
  ctx.api.linkMentions = api;
  registerCommand(ctx, 'talkCapture.insertProjectLink', 'Insert Project Link', (args) => insertProjectLink(linking, services, args as InsertProjectLinkArgs | undefined));
  registerCommand(ctx, 'talkCapture.linkProjectMentions', 'Link Project Mentions', (args) => linkProjectMentions(linking, args as LinkMentionsArgs | undefined));
}

/** Inserts `[Name](url)` at the cursor, or wraps the selection: `[selected text](url)`. Returns the inserted text. */
async function insertProjectLink(linking: ProjectLinking, services: LandscapeSource, args?: InsertProjectLinkArgs): Promise<string | undefined> {
  const editor = requireMarkdownEditor('insert a project link');
  if (!editor) return undefined;
  await services.landscape(); // the selection as it is once the index is loaded
  const selected = editor.document.getText(editor.selection).trim();
  let entry: LandscapeEntry | undefined;
  if (args?.name) {
    entry = await linking.named(args.name);
    if (!entry) {
      void vscode.window.showWarningMessage(`Talk Capture: no project called "${args.name}" in the landscape index.`);
      return undefined;
    }
  } else {
    const items: ProjectChoice[] = await linking.choices(selected);
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Insert Project Link',
      placeHolder: selected ? `Link "${selected}" to…` : 'Search CNCF projects (name, alias, category)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    entry = pick?.entry;
  }
  if (!entry) return undefined;
  const text = await linking.linkText(entry, selected);
  if (!text) {
    void vscode.window.showWarningMessage(`Talk Capture: ${entry.name} has no http(s) homepage or repository to link to.`);
    return undefined;
  }
  const sel = editor.selection;
  const ok = await editor.edit((b) => (sel.isEmpty ? b.insert(sel.active, text) : b.replace(sel, text)));
  return ok ? text : undefined;
}

type LinkItem = vscode.QuickPickItem & { link: PlannedLink };

/** Plans the links, asks which to apply, applies them as one undo step. Returns how many were applied. */
async function linkProjectMentions(linking: ProjectLinking, args?: LinkMentionsArgs): Promise<number> {
  let doc: vscode.TextDocument | undefined;
  let selection: vscode.Selection | undefined;
  if (args?.uri) {
    doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)));
    const ed = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    selection = ed?.selection;
  } else {
    const editor = requireMarkdownEditor('link project mentions');
    if (!editor) return 0;
    doc = editor.document;
    selection = editor.selection;
  }
  const within = !args?.wholeDocument && selection && !selection.isEmpty ? selection : undefined;
  const plan = await linking.plan(noteDocument(doc), { mode: args?.mode, within });
  if (plan.links.length === 0) {
    void vscode.window.showInformationMessage(`Talk Capture: ${plan.nothingToLink}`);
    return 0;
  }
  let chosen = plan.links;
  if (args?.confirm !== false) {
    const items: LinkItem[] = plan.links.map((link) => ({ label: link.label, description: link.description, detail: link.detail, picked: true, link }));
    lastConfirmation = items.map((i) => ({ label: i.label, description: i.description ?? '' }));
    const picks = await vscode.window.showQuickPick(items, {
      title: plan.title,
      placeHolder: 'Uncheck what should stay plain text, then press Enter to link the rest',
      canPickMany: true,
      matchOnDetail: true,
    });
    if (!picks || picks.length === 0) return 0;
    const set = new Set(picks.map((p) => p.link));
    chosen = plan.links.filter((l) => set.has(l));
  }
  const edits = chosen.map((l) => l.edit);
  if (!(await applyCoreEdits(doc, plan.version, edits))) {
    void vscode.window.showWarningMessage('Talk Capture: the note changed while the links were prepared; nothing was changed. Run Link Project Mentions again.');
    return 0;
  }
  void vscode.window.setStatusBarMessage(`Talk Capture: linked ${plural(edits.length, 'project mention')}`, 4000);
  return edits.length;
}
