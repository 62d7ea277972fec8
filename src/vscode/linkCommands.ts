/**
 * Commands: Insert Project Link… (a fuzzy QuickPick over the index), Link Project Mentions
 * (plan, confirm, apply as one undo step) and Update Landscape Index (fetch or pick a
 * landscape.yml, check it, store it in global storage).
 */
import * as vscode from 'vscode';
import { describeEntry, LandscapeIndex, type LandscapeEntry } from '../core/landscape/index';
import { linkedProjects } from '../core/landscape/linkedProjects';
import { chooseMentions, linkTextFor, type LinkMode } from '../core/landscape/linkPlan';
import { findMentions, type Mention } from '../core/landscape/matcher';
import { compactKey, escapeLinkText, markdownUrl } from '../core/landscape/text';
import { buildUpdatedIndex, fetchLandscapeText, urlProblem } from '../core/landscape/update';
import type { TextEdit } from '../core/document';
import { applyCoreEdits } from './edits';
import { requireMarkdownEditor } from './editor';
import type { LinkMentionsApi } from './api';
import type { FeatureContext } from './feature';
import { messageOf, registerCommand } from './command';
import { getLandscape, initLandscape, setLandscape, storedIndexUri } from './landscapeService';
import { getNotes } from './notesCache';
import { allTalks } from '../core/notes/query';
import { landscapeScope, linkMode } from './settings';

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
interface UpdateIndexArgs {
  /** Load from this URL (https:, or http: to this machine) without asking. */
  url?: string;
  /** Load this landscape.yml without asking: a path, or a URI string / Uri (a workspace in a browser has no paths). */
  file?: string | vscode.Uri;
}
interface UpdateResult {
  ok: boolean;
  entries?: number;
  error?: string;
}

/** The rows of the last Link Project Mentions confirmation (label and description), for tests. */
let lastConfirmation: Array<{ label: string; description: string }> | undefined;

export function registerProjectLinking(ctx: FeatureContext): void {
  initLandscape(ctx);
  const api: LinkMentionsApi = { lastConfirmation: () => lastConfirmation };
  ctx.api.linkMentions = api;
  registerCommand(ctx, 'talkCapture.insertProjectLink', 'Insert Project Link', (args) => insertProjectLink(args as InsertProjectLinkArgs | undefined));
  registerCommand(ctx, 'talkCapture.linkProjectMentions', 'Link Project Mentions', (args) => linkProjectMentions(args as LinkMentionsArgs | undefined));
  registerCommand(ctx, 'talkCapture.updateLandscapeIndex', 'Update Landscape Index', (args) => updateLandscapeIndex(ctx, args as UpdateIndexArgs | undefined));
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
  const index = await getLandscape();
  const mode = args?.mode ?? linkMode();
  const version = doc.version;
  const text = doc.getText();
  const useSelection = !args?.wholeDocument && selection && !selection.isEmpty;
  const range = useSelection ? { from: doc.offsetAt(selection!.start), to: doc.offsetAt(selection!.end) } : {};
  const mentions = findMentions(text, index, { scope: landscapeScope(), ...range });
  // The talks of the model the hints and the check read (this version, the person's day pattern).
  const talks = allTalks(getNotes(doc));
  const planned = chooseMentions(text, mentions, mode, { talks, linked: linkedProjects(text, index) }).filter((m) => linkTextFor(m));
  if (planned.length === 0) {
    const suggestions = mentions.filter((m) => m.action === 'suggest').length;
    void vscode.window.showInformationMessage(
      `Talk Capture: no unlinked project mentions to link${useSelection ? ' in the selection' : ''}${suggestions ? ` (${suggestions} possible mention${suggestions === 1 ? '' : 's'} or typo${suggestions === 1 ? '' : 's'} are shown as hints)` : ''}.`,
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
      title: `Link Project Mentions (${modeLabel(mode)}): ${planned.length} link${planned.length === 1 ? '' : 's'}`,
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
  void vscode.window.setStatusBarMessage(`Talk Capture: linked ${edits.length} project mention${edits.length === 1 ? '' : 's'}`, 4000);
  return edits.length;
}

function modeLabel(mode: LinkMode): string {
  return mode === 'perTalk' ? 'first mention per talk' : mode === 'perDocument' ? 'first mention in the note' : 'every mention';
}

function lineText(doc: vscode.TextDocument, line: number): string {
  const t = line < doc.lineCount ? doc.lineAt(line).text.trim() : '';
  return t.length > 120 ? t.slice(0, 117) + '…' : t;
}

/** A file given to the command: a Uri, a URI string (a workspace in a browser has no paths) or a path. */
function fileArg(file: string | vscode.Uri): vscode.Uri {
  if (file instanceof vscode.Uri) return file;
  return /^[a-z][\w+.-]+:\/\//i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}

async function chooseLandscapeFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Landscape YAML': ['yml', 'yaml'] }, title: 'Choose a CNCF landscape.yml' });
  return picked?.[0];
}

/** Loads a landscape.yml, checks it, stores the index in global storage and uses it. Never throws. */
async function updateLandscapeIndex(ctx: FeatureContext, args?: UpdateIndexArgs): Promise<UpdateResult> {
  let source: { url: string } | { file: vscode.Uri } | undefined;
  if (args?.url) source = { url: args.url };
  else if (args?.file) source = { file: fileArg(args.file) };
  else {
    const configured = vscode.workspace.getConfiguration('talkCapture').get<string>('landscape.url', '').trim();
    const choice = await vscode.window.showQuickPick(
      [
        { label: '$(cloud-download) Download', description: configured, id: 'url' },
        { label: '$(file) Choose a landscape.yml file…', id: 'file' },
      ],
      { title: 'Update Landscape Index' },
    );
    if (!choice) return { ok: false, error: 'cancelled' };
    if (choice.id === 'url') source = { url: configured };
    else {
      const picked = await chooseLandscapeFile();
      if (!picked) return { ok: false, error: 'cancelled' };
      source = { file: picked };
    }
  }
  const where = 'url' in source ? source.url : source.file.scheme === 'file' ? source.file.fsPath : source.file.toString(true);
  const fromUrl = 'url' in source;
  const fail = (reason: string): UpdateResult => {
    ctx.log.warn(`Update Landscape Index: ${reason}`);
    const message = `Talk Capture: the landscape index was not updated: ${reason}. The current index stays in use.`;
    // A download that failed (a browser refusing a cross-origin request, a proxy…) has a way
    // out: a landscape.yml downloaded by hand. Not awaited: the command ends now.
    if (!fromUrl) void vscode.window.showErrorMessage(message);
    else {
      void vscode.window.showErrorMessage(`${message} You can download landscape.yml yourself and choose the file.`, 'Choose a File…').then(async (answer) => {
        if (answer !== 'Choose a File…') return;
        const picked = await chooseLandscapeFile();
        if (picked) await updateLandscapeIndex(ctx, { file: picked });
      });
    }
    return { ok: false, error: reason };
  };
  if ('url' in source) {
    const problem = source.url ? urlProblem(source.url) : 'no URL set (talkCapture.landscape.url)';
    if (problem) return fail(problem);
  }
  try {
    const current = await getLandscape();
    const file = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Talk Capture: updating the landscape index', cancellable: true },
      async (progress, token) => {
        const ctrl = new AbortController();
        token.onCancellationRequested(() => ctrl.abort());
        progress.report({ message: `loading ${where}` });
        const yaml =
          'url' in source ? await fetchLandscapeText(source.url, { signal: ctrl.signal }) : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source.file));
        if (token.isCancellationRequested) throw new Error('cancelled');
        progress.report({ message: 'checking and building the index' });
        // Record where it came from, but never a local path: a file is named by its base name.
        const sourceUrl = 'url' in source ? source.url : source.file.path.split('/').pop() || 'landscape.yml';
        return buildUpdatedIndex(yaml, sourceUrl, current);
      },
    );
    const index = new LandscapeIndex(file);
    const target = storedIndexUri();
    if (target) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(file)));
    }
    setLandscape(index, 'updated');
    const cncf = file.entries.filter((e) => e.maturity).length;
    void vscode.window.showInformationMessage(`Talk Capture: landscape index updated: ${file.entries.length} entries, ${cncf} CNCF projects.`);
    return { ok: true, entries: file.entries.length };
  } catch (err) {
    return fail(messageOf(err));
  }
}
