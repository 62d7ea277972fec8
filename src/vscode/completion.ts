/**
 * Completion of CNCF project links while typing in Markdown: items such as `Perses` with the
 * detail `CNCF sandbox · Observability` that insert `[Perses](https://perses.dev)`.
 *
 * VS Code ships Markdown with quick suggestions off, and it does not ask a provider again for
 * letters typed inside a word, so trigger characters alone never open the list while typing.
 * This feature therefore opens the suggest list itself (`editor.action.triggerSuggest`) when
 * the word being typed is the beginning of a project name (rules in core/landscape/typing.ts:
 * three letters; a mid-sentence capital opens it at once, lower-case prose only once the word
 * stops being the start of a common English word), once per word, and only in prose. Word
 * suggestions for all Markdown stay off. `talkCapture.completion.whileTyping: false` leaves
 * only Ctrl+Space.
 */
import * as vscode from 'vscode';
import { messageOf } from './command';
import commonPrefixes from '../../data/typing-prefixes.json';
import { describeEntry, type CompletionMatch, type LandscapeIndex } from '../core/landscape/index';
import { compactKey, escapeLinkText, markdownUrl } from '../core/landscape/text';
import { MIN_TYPED, shouldOpenProjectList, wordBeforeCursor, type TypedWord } from '../core/landscape/typing';
import type { FeatureContext } from './feature';
import { getLandscape, initLandscape, landscapeScope, scanOf } from './landscapeService';

/** `[` starts a link by hand: the provider is asked at once. */
const TRIGGERS = ['['];
const COMMON_PREFIXES = new Set<string>(commonPrefixes as string[]);
/** Results for a prefix this short are re-asked on the next letter (the list is cut at LIMIT). */
const LIMIT = 50;

export function registerCompletion(ctx: FeatureContext): void {
  initLandscape(ctx);
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position, _token, context) {
      try {
        if (!vscode.workspace.getConfiguration('talkCapture').get<boolean>('completion.enabled', true)) return undefined;
        const line = doc.lineAt(position.line).text;
        const typed = wordBeforeCursor(line.slice(0, position.character));
        if (!typed || typed.word.length < 2) return undefined;
        const prefix = typed.word;
        const bracket = typed.bracket;
        const index = await getLandscape();
        const wordStart = typed.start;
        if (!inProse(doc, position.line, wordStart) && !bracket) return undefined;
        const matches = index.complete(prefix, { scope: landscapeScope(), limit: LIMIT });
        const auto =
          context.triggerKind !== vscode.CompletionTriggerKind.Invoke || (lastOpened?.doc === doc && lastOpened.line === position.line && lastOpened.start === wordStart);
        // While typing, ordinary-word names (`the` -> The Update Framework) need their capital.
        const shown = auto ? matches.filter((x) => !isOrdinaryStart(index, x, prefix)) : matches;
        if (shown.length === 0) return new vscode.CompletionList([], prefix.length < MIN_TYPED + 1);
        let start = new vscode.Position(position.line, bracket ? wordStart - 1 : wordStart);
        let end = position;
        // `[Per|]` with an auto-closed bracket: replace the `]` too.
        if (bracket && line[position.character] === ']') end = position.translate(0, 1);
        if (start.character < 0) start = new vscode.Position(position.line, 0);
        const range = new vscode.Range(start, end);
        const items = shown.map((x, i) => toItem(x, i, range, bracket, prefix));
        // Incomplete while the prefix is short or the list was cut: VS Code asks again on the
        // next letter instead of filtering a stale (or empty) list.
        return new vscode.CompletionList(
          items.filter((it): it is vscode.CompletionItem => !!it),
          prefix.length < MIN_TYPED + 1 || matches.length >= LIMIT,
        );
      } catch (err) {
        ctx.log.error(`Project completion failed: ${messageOf(err)}`);
        return undefined;
      }
    },
  };
  ctx.extension.subscriptions.push(vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, provider, ...TRIGGERS));
  ctx.extension.subscriptions.push(vscode.workspace.onDidChangeTextDocument((e) => void openWhileTyping(ctx, e)));
  // Not at activation, but soon after: the first project name typed should not wait for the
  // index to load.
  const warm = setTimeout(() => void getLandscape(), 1500);
  ctx.extension.subscriptions.push({ dispose: () => clearTimeout(warm) });
}

/** The word (document, line, start column) the list was last opened for: once per word; the provider applies the typing rules to it. */
let lastOpened: { doc: vscode.TextDocument; line: number; start: number } | undefined;

function inProse(doc: vscode.TextDocument, line: number, character: number): boolean {
  // Not in code, front matter, URLs or the text of an existing link (one scan per version).
  const offset = doc.offsetAt(new vscode.Position(line, character));
  return scanOf(doc).runs.some((r) => r.start <= offset && offset < r.end);
}

/**
 * Opens the suggest list when a letter typed at the cursor makes the word a project prefix.
 * Cheap checks first (one changed character, the word before the cursor, the common-prefix set,
 * the sorted index); the document scan only when the list is about to open.
 */
async function openWhileTyping(ctx: FeatureContext, e: vscode.TextDocumentChangeEvent): Promise<void> {
  try {
    if (e.contentChanges.length !== 1 || e.document.languageId !== 'markdown') return;
    const change = e.contentChanges[0];
    if (change.rangeLength !== 0 || change.text.length !== 1 || !/[\p{L}\p{N}-]/u.test(change.text)) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== e.document || editor.selections.length !== 1) return;
    const config = vscode.workspace.getConfiguration('talkCapture', e.document);
    if (!config.get<boolean>('completion.enabled', true) || !config.get<boolean>('completion.whileTyping', true)) return;
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
    if (lastOpened && lastOpened.doc === e.document && lastOpened.line === line && lastOpened.start === word.start) return;
    if (!word.bracket && !inProse(e.document, line, word.start)) return;
    lastOpened = { doc: e.document, line, start: word.start };
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
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

function toItem(m: CompletionMatch, i: number, range: vscode.Range, bracket: boolean, prefix: string): vscode.CompletionItem | undefined {
  const url = markdownUrl(m.entry.homepage) ?? markdownUrl(m.entry.repo);
  if (!url) return undefined;
  // The row shows the maturity and category (right) and the alias that matched (`OpenTelemetry otel`).
  const label: vscode.CompletionItemLabel = { label: m.entry.name, detail: m.form !== m.entry.name ? ` ${m.form}` : undefined, description: describeEntry(m.entry) };
  const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Reference);
  item.detail = describeEntry(m.entry);
  item.insertText = `[${escapeLinkText(m.entry.name)}](${url})`;
  item.range = range;
  // Filter on what the user typed a prefix of (an alias such as `otel` keeps OpenTelemetry).
  item.filterText = (bracket ? '[' : '') + (m.form.toLowerCase().startsWith(prefix.toLowerCase()) ? m.form : m.entry.name);
  item.sortText = String(i).padStart(4, '0');
  const doc = new vscode.MarkdownString();
  doc.appendMarkdown(`**${escapeLinkText(m.entry.name)}** · ${describeEntry(m.entry)}\n\n`);
  if (m.entry.homepage && markdownUrl(m.entry.homepage)) doc.appendMarkdown(`Homepage: ${markdownUrl(m.entry.homepage)}\n\n`);
  if (m.entry.repo && markdownUrl(m.entry.repo)) doc.appendMarkdown(`Repository: ${markdownUrl(m.entry.repo)}`);
  item.documentation = doc;
  return item;
}
