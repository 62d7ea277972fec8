/**
 * Completion of CNCF project links while typing in Markdown: items such as `Perses` with the
 * detail `CNCF sandbox · Observability` that insert `[Perses](https://perses.dev)`.
 *
 * VS Code ships Markdown with quick suggestions off, and it does not ask a provider again for
 * letters typed inside a word, so trigger characters alone never open the list while typing.
 * This feature therefore opens the suggest list itself (`editor.action.triggerSuggest`, as an
 * automatic list) when the word being typed is the beginning of a project name (rules in
 * core/landscape/typing.ts: three letters; a mid-sentence capital opens it at once, lower-case
 * prose only once the word stops being the start of a common English word), and only in prose.
 *
 * Typing is never changed by a list the user did not choose, whatever the speed and however far
 * this host lags behind the editor: each item of such a list filters on the word as typed plus
 * the next letter of its name (`kub` -> `kube`). The editor's filter is fuzzy, but a word as long
 * as that text matches only when it is that text, and a longer one never: so the editor itself
 * closes the list, as the key arrives, when the word stops being a name's beginning (`kubel` is
 * not `kube` + a letter of Kubernetes), and an item the list shows (and Enter takes) always
 * begins with the word typed. While the word goes on being a project's beginning, the list is
 * opened again for it. Word suggestions are off for Markdown (package.json), so an empty project
 * list is never filled with the note's words. `talkCapture.completion.projects: onRequest`
 * leaves only Ctrl+Space (a list asked for filters on the whole name, as usual).
 */
import * as vscode from 'vscode';
import { messageOf } from '../services/command';
import commonPrefixes from '../../../data/typing-prefixes.json';
import { describeEntry, type CompletionMatch, type LandscapeIndex } from '../../core/landscape/landscapeIndex';
import { compactKey, escapeLinkText, markdownUrl } from '../../core/landscape/text';
import { nextLetterOf, shouldOpenProjectList, wordBeforeCursor, type TypedWord } from '../../core/landscape/typing';
import type { FeatureContext } from '../services/feature';
import { getLandscape, initLandscape } from '../services/landscapeService';
import { landscapeScope, projectCompletionSetting } from '../services/settings';
import { analysisOf } from '../services/analysis';

/** `[` starts a link by hand: the provider is asked at once. */
const TRIGGERS = ['['];
const COMMON_PREFIXES = new Set<string>(commonPrefixes as string[]);
/** Longest list: a list cut here is re-asked on the next letter (only very short prefixes get this long). */
const LIMIT = 100;

export function registerCompletion(ctx: FeatureContext): void {
  initLandscape(ctx);
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position, _token, context) {
      try {
        if (projectCompletionSetting(doc) === 'off') return undefined;
        const line = doc.lineAt(position.line).text;
        const typed = wordBeforeCursor(line.slice(0, position.character));
        if (openedLate(doc, position, typed)) {
          // The list asked for a project prefix opened at a later word (keys typed while the
          // request travelled, on a busy machine): it is nobody's list, so it closes before
          // another provider's item can take the next Enter.
          void vscode.commands.executeCommand('hideSuggestWidget');
          return undefined;
        }
        if (!typed || typed.word.length < 2) return undefined;
        const prefix = typed.word;
        const bracket = typed.bracket;
        const index = await getLandscape();
        const wordStart = typed.start;
        // The list opened by onTyping, for a word it found in prose.
        const opened = lastOpened?.doc === doc && lastOpened.line === position.line && lastOpened.start === wordStart;
        if (!opened && !bracket && !inProse(doc, position.line, wordStart)) return undefined;
        const matches = index.complete(prefix, { scope: landscapeScope(), limit: LIMIT });
        const auto = context.triggerKind !== vscode.CompletionTriggerKind.Invoke || opened;
        // While typing, ordinary-word names (`the` -> The Update Framework) need their capital.
        const shown = auto ? matches.filter((x) => !isOrdinaryStart(index, x, prefix)) : matches;
        if (shown.length === 0) return new vscode.CompletionList([], false);
        let start = new vscode.Position(position.line, bracket ? wordStart - 1 : wordStart);
        let end = position;
        // `[Per|]` with an auto-closed bracket: replace the `]` too.
        if (bracket && line[position.character] === ']') end = position.translate(0, 1);
        if (start.character < 0) start = new vscode.Position(position.line, 0);
        const range = new vscode.Range(start, end);
        const items = shown.map((x, i) => toItem(x, i, range, bracket, prefix, opened)).filter((it): it is vscode.CompletionItem => !!it);
        // Complete (unless a list asked for is cut): the editor filters it as the user types
        // on, and never shows a stale list (still selected) while it asks again.
        return new vscode.CompletionList(items, !opened && matches.length >= LIMIT);
      } catch (err) {
        ctx.log.error(`Project completion failed: ${messageOf(err)}`);
        return undefined;
      }
    },
  };
  ctx.extension.subscriptions.push(vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, provider, ...TRIGGERS));
  ctx.extension.subscriptions.push(vscode.workspace.onDidChangeTextDocument((e) => void onTyping(ctx, e)));
  // Not at activation, but soon after: the first project name typed should not wait for the
  // index to load.
  const warm = setTimeout(() => void getLandscape(), 1500);
  ctx.extension.subscriptions.push({ dispose: () => clearTimeout(warm) });
}

/** The word (in prose) the list was last opened for; the provider applies the typing rules to it. */
let lastOpened: { doc: vscode.TextDocument; line: number; start: number } | undefined;

/** The word a list was just asked for, until the editor asks the provider for its items. */
let pendingOpen: { doc: vscode.TextDocument; line: number; start: number; version: number } | undefined;
/** Keys after which a pending request is forgotten (the editor did not ask for it: a list was showing). */
const PENDING_KEYS = 8;

/** True when the list just asked for is being filled at another word than the one it was asked for. */
function openedLate(doc: vscode.TextDocument, position: vscode.Position, typed: TypedWord | undefined): boolean {
  const pending = pendingOpen;
  pendingOpen = undefined;
  if (!pending || pending.doc !== doc || doc.version - pending.version > PENDING_KEYS) return false;
  return pending.line !== position.line || typed?.start !== pending.start;
}

function inProse(doc: vscode.TextDocument, line: number, character: number): boolean {
  // Not in code, front matter, URLs or the text of an existing link (one scan per version).
  const offset = doc.offsetAt(new vscode.Position(line, character));
  return analysisOf(doc).inline.runs.some((r) => r.start <= offset && offset < r.end);
}

/**
 * Opens the suggest list when a letter typed at the cursor makes the word a project prefix,
 * again for each letter while it stays one (the list it opened closes a letter later, see the
 * top of this file; while it shows, the editor ignores the request). Cheap checks first (one
 * changed character, the word before the cursor, the common-prefix set, the sorted index); the
 * document scan once per word.
 */
async function onTyping(ctx: FeatureContext, e: vscode.TextDocumentChangeEvent): Promise<void> {
  try {
    if (e.contentChanges.length !== 1 || e.document.languageId !== 'markdown') return;
    const change = e.contentChanges[0];
    if (change.rangeLength !== 0 || change.text.length !== 1 || !/[\p{L}\p{N}-]/u.test(change.text)) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== e.document || editor.selections.length !== 1) return;
    if (projectCompletionSetting(e.document) !== 'whileTyping') return;
    // A letter typed at the cursor: the cursor is right after it. (The editor's selection
    // reaches the extension host only after this event, so it is not read here.) When more was
    // typed while the index loaded, the later change decides.
    const version = e.document.version;
    const pos = change.range.start.translate(0, 1);
    const line = pos.line;
    const index = await getLandscape();
    if (e.document.version !== version || vscode.window.activeTextEditor !== editor) return;
    const before = e.document.lineAt(line).text.slice(0, pos.character);
    const scope = landscapeScope();
    const hasProject = (w: TypedWord) => index.complete(w.word, { scope, limit: 5 }).some((m) => !isOrdinaryStart(index, m, w.word));
    const word = shouldOpenProjectList({ before, isCommonPrefix: (p) => COMMON_PREFIXES.has(p), hasProject });
    if (!word) return;
    const same = lastOpened?.doc === e.document && lastOpened.line === line && lastOpened.start === word.start;
    if (!same && !word.bracket && !inProse(e.document, line, word.start)) return;
    lastOpened = { doc: e.document, line, start: word.start };
    pendingOpen = { doc: e.document, line, start: word.start, version: e.document.version };
    // An automatic list: it closes when the editor's filter leaves nothing, instead of showing
    // "No suggestions." or freezing on its last items while the user types on.
    await vscode.commands.executeCommand('editor.action.triggerSuggest', { auto: true });
  } catch (err) {
    ctx.log.error(`Opening the project list failed: ${messageOf(err)}`);
  }
}

function isOrdinaryStart(index: LandscapeIndex, m: CompletionMatch, prefix: string): boolean {
  const form = index.formsForKey(compactKey(m.form)).find((f) => f.entry === m.entry);
  if (!form?.ordinary) return false;
  // An ordinary name pops up only when typed with its capital (`Fl` for Flux, not `fl`).
  return prefix[0] === prefix[0].toLowerCase();
}

function toItem(m: CompletionMatch, i: number, range: vscode.Range, bracket: boolean, prefix: string, whileTyping: boolean): vscode.CompletionItem | undefined {
  const url = markdownUrl(m.entry.homepage) ?? markdownUrl(m.entry.repo);
  if (!url) return undefined;
  // The row shows the maturity and category (right) and the alias that matched (`OpenTelemetry otel`).
  const label: vscode.CompletionItemLabel = { label: m.entry.name, detail: m.form !== m.entry.name ? ` ${m.form}` : undefined, description: describeEntry(m.entry) };
  const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Reference);
  item.detail = describeEntry(m.entry);
  item.insertText = `[${escapeLinkText(m.entry.name)}](${url})`;
  item.range = range;
  // Filter on what the user typed, then (asked for) the rest of the name or alias it begins
  // (`kub` + `ernetes`), or (opened while typing) its next letter only (`kub` + `e`): every
  // item scores alike in the editor's filter, whatever the case of the name, so the rank
  // (sortText) decides; see the top of this file for the next letter.
  const rest = restAfter(prefix, m.form);
  item.filterText = (bracket ? '[' : '') + prefix + (whileTyping ? nextLetterOf(rest) : rest);
  item.sortText = String(i).padStart(4, '0');
  const doc = new vscode.MarkdownString();
  doc.appendMarkdown(`**${escapeLinkText(m.entry.name)}** · ${describeEntry(m.entry)}\n\n`);
  if (m.entry.homepage && markdownUrl(m.entry.homepage)) doc.appendMarkdown(`Homepage: ${markdownUrl(m.entry.homepage)}\n\n`);
  if (m.entry.repo && markdownUrl(m.entry.repo)) doc.appendMarkdown(`Repository: ${markdownUrl(m.entry.repo)}`);
  item.documentation = doc;
  return item;
}

/** What follows the typed prefix in a form (`kub`, `Kubernetes` -> `ernetes`; `certman`, `cert-manager` -> `ager`). */
function restAfter(prefix: string, form: string): string {
  if (form.toLowerCase().startsWith(prefix.toLowerCase())) return form.slice(prefix.length);
  const key = compactKey(form);
  const typed = compactKey(prefix);
  return key.startsWith(typed) ? key.slice(typed.length) : form;
}
