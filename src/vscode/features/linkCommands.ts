/**
 * Commands: Insert Project Link… (a fuzzy QuickPick over the index), Link Project Mentions
 * (plan, confirm, apply as one undo step) and Update Landscape Index (fetch or pick a
 * landscape.yml, check it, store it in global storage).
 */
import * as vscode from 'vscode';
import { describeEntry, type LandscapeEntry } from '../../core/landscape/landscapeIndex';
import { chooseMentions, linkTextFor, type LinkMode } from '../../core/landscape/linkPlan';
import type { Mention } from '../../core/landscape/matcher';
import { compactKey, escapeLinkText, markdownUrl } from '../../core/landscape/text';
import type { TextEdit } from '../../core/document';
import { applyCoreEdits } from '../services/edits';
import { requireMarkdownEditor } from '../services/editor';
import type { LinkMentionsApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { getLandscape, initLandscape } from '../services/landscapeService';
import { analysisOf } from '../services/analysis';
import { landscapeScope, linkMode } from '../services/settings';
import { plural } from '../../core/util/plural';

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
  initLandscape(ctx);
  const api: LinkMentionsApi = { lastConfirmation: () => lastConfirmation };
  ctx.api.linkMentions = api;
  registerCommand(ctx, 'talkCapture.insertProjectLink', 'Insert Project Link', (args) => insertProjectLink(args as InsertProjectLinkArgs | undefined));
  registerCommand(ctx, 'talkCapture.linkProjectMentions', 'Link Project Mentions', (args) => linkProjectMentions(args as LinkMentionsArgs | undefined));
}

interface EntryItem extends vscode.QuickPickItem {
  entry: LandscapeEntry;
}

/** Inserts `[Name](url)` at the cursor, or wraps the selection: `[selected text](url)`. Returns the inserted text. */
async function insertProjectLink(args?: InsertProjectLinkArgs): Promise<string | undefined> {
  const editor = requireMarkdownEditor('insert a project link');
  if (!editor) return undefined;
  const index = await getLandscape();
  const scope = landscapeScope();
  const selected = editor.document.getText(editor.selection).trim();
  let entry: LandscapeEntry | undefined;
  if (args?.name) {
    entry = index.get(args.name, 'all');
    if (!entry) {
      void vscode.window.showWarningMessage(`Talk Capture: no project called "${args.name}" in the landscape index.`);
      return undefined;
    }
  } else {
    const ranked = selected ? index.search(selected, { scope: 'all', limit: 2000 }).map((s) => s.entry) : [];
    const rest = index.entries.filter((e) => index.inScope(e, scope) && !ranked.includes(e)).sort((a, b) => rankOf(a) - rankOf(b) || a.name.localeCompare(b.name));
    const items: EntryItem[] = [...ranked.filter((e) => index.inScope(e, scope) || selected), ...rest].map((e) => ({
      label: e.name,
      description: describeEntry(e),
      detail: [e.homepage, distinctAliases(e).slice(0, 4).join(', ')].filter(Boolean).join('  ·  '),
      entry: e,
    }));
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Insert Project Link',
      placeHolder: selected ? `Link "${selected}" to…` : 'Search CNCF projects (name, alias, category)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    entry = pick?.entry;
  }
  if (!entry) return undefined;
  const url = markdownUrl(index.urlOf(entry));
  if (!url) {
    void vscode.window.showWarningMessage(`Talk Capture: ${entry.name} has no http(s) homepage or repository to link to.`);
    return undefined;
  }
  const text = `[${escapeLinkText(selected || entry.name)}](${url})`;
  const sel = editor.selection;
  const ok = await editor.edit((b) => (sel.isEmpty ? b.insert(sel.active, text) : b.replace(sel, text)));
  return ok ? text : undefined;
}

/** Aliases that are other names, not spellings of the name (`OTel`, not `Open Telemetry`). */
function distinctAliases(e: LandscapeEntry): string[] {
  const seen = new Set([compactKey(e.name)]);
  const out: string[] = [];
  for (const a of e.aliases) {
    const k = compactKey(a);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

function rankOf(e: LandscapeEntry): number {
  return e.maturity === 'graduated' ? 0 : e.maturity === 'incubating' ? 1 : e.maturity === 'sandbox' ? 2 : e.maturity === 'archived' ? 3 : 4;
}

interface MentionItem extends vscode.QuickPickItem {
  mention: Mention;
}

/** Plans the links, asks which to apply, applies them as one undo step. Returns how many were applied. */
async function linkProjectMentions(args?: LinkMentionsArgs): Promise<number> {
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
  await getLandscape();
  const mode = args?.mode ?? linkMode();
  const version = doc.version;
  // The analysis the hints and the check read (this version, the person's day pattern): the same mentions and talks.
  const a = analysisOf(doc);
  const text = a.text;
  const useSelection = !args?.wholeDocument && selection && !selection.isEmpty;
  const from = useSelection ? doc.offsetAt(selection!.start) : 0;
  const to = useSelection ? doc.offsetAt(selection!.end) : text.length;
  const mentions = useSelection ? a.mentions.filter((m) => m.start >= from && m.end <= to) : a.mentions;
  const planned = chooseMentions(text, mentions, mode, { talks: a.talks, linked: a.linked }).filter((m) => linkTextFor(m));
  if (planned.length === 0) {
    const suggestions = mentions.filter((m) => m.action === 'suggest').length;
    void vscode.window.showInformationMessage(
      `Talk Capture: no unlinked project mentions to link${useSelection ? ' in the selection' : ''}${suggestions ? ` (${plural(suggestions, 'possible mention')} or typo${suggestions === 1 ? '' : 's'} are shown as hints)` : ''}.`,
    );
    return 0;
  }
  let chosen = planned;
  if (args?.confirm !== false) {
    // Each row says what will be written (`kepler → [kepler](https://…)`), the project's name beside it.
    const items: MentionItem[] = planned.map((m) => ({
      label: `${m.text} → ${linkTextFor(m)}`,
      description: `${m.entry.name} · line ${m.line}${m.heading ? ' (heading)' : ''}`,
      detail: `${lineText(doc!, m.line - 1)}`,
      picked: true,
      mention: m,
    }));
    lastConfirmation = items.map((i) => ({ label: i.label, description: i.description ?? '' }));
    const picks = await vscode.window.showQuickPick(items, {
      title: `Link Project Mentions (${modeLabel(mode)}): ${plural(planned.length, 'link')}`,
      placeHolder: 'Uncheck what should stay plain text, then press Enter to link the rest',
      canPickMany: true,
      matchOnDetail: true,
    });
    if (!picks || picks.length === 0) return 0;
    const set = new Set(picks.map((p) => p.mention));
    chosen = planned.filter((m) => set.has(m));
  }
  const edits: TextEdit[] = chosen.map((m) => ({ range: m.range, newText: linkTextFor(m)! }));
  if (!(await applyCoreEdits(doc, version, edits))) {
    void vscode.window.showWarningMessage('Talk Capture: the note changed while the links were prepared; nothing was changed. Run Link Project Mentions again.');
    return 0;
  }
  void vscode.window.setStatusBarMessage(`Talk Capture: linked ${plural(edits.length, 'project mention')}`, 4000);
  return edits.length;
}

function modeLabel(mode: LinkMode): string {
  return mode === 'perTalk' ? 'first mention per talk' : mode === 'perDocument' ? 'first mention in the note' : 'every mention';
}

function lineText(doc: vscode.TextDocument, line: number): string {
  const t = line < doc.lineCount ? doc.lineAt(line).text.trim() : '';
  return t.length > 120 ? t.slice(0, 117) + '…' : t;
}
