/**
 * Completion of CNCF project links while typing in Markdown: after two or more letters of a
 * project name (mid-sentence, in headings, or after `[`), items such as `Perses` with the
 * detail `CNCF sandbox · Observability` that insert `[Perses](https://perses.dev)`.
 */
import * as vscode from 'vscode';
import { describeEntry, type CompletionMatch, type LandscapeIndex } from '../core/landscape/index';
import { compactKey, escapeLinkText, markdownUrl } from '../core/landscape/text';
import type { FeatureContext } from './feature';
import { getLandscape, initLandscape, landscapeScope, scanOf } from './landscapeService';

/** Letters trigger the provider: Markdown has quick suggestions off by default. */
const TRIGGERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '['];
const WORD_BEFORE_RE = /(\[?)([\p{L}\p{N}][\p{L}\p{N}-]*)$/u;

export function registerCompletion(ctx: FeatureContext): void {
  initLandscape(ctx);
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position, _token, context) {
      try {
        if (!vscode.workspace.getConfiguration('talkCapture').get<boolean>('completion.enabled', true)) return undefined;
        const line = doc.lineAt(position.line).text;
        const before = line.slice(0, position.character);
        const m = WORD_BEFORE_RE.exec(before);
        if (!m) return undefined;
        const prefix = m[2];
        const bracket = m[1] === '[';
        if (prefix.length < 2) return undefined;
        const index = await getLandscape();
        const wordStart = position.character - prefix.length;
        // Only in prose: not in code, front matter, URLs or the text of an existing link.
        const scan = scanOf(doc);
        const offset = doc.offsetAt(new vscode.Position(position.line, wordStart));
        const inProse = scan.runs.some((r) => r.start <= offset && offset < r.end);
        if (!inProse && !bracket) return undefined;
        const matches = index.complete(prefix, { scope: landscapeScope(), limit: 50 });
        const auto = context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter;
        // While typing, do not pop up for ordinary words (`the` -> The Update Framework).
        const shown = auto ? matches.filter((x) => !isOrdinaryStart(index, x, prefix)) : matches;
        if (shown.length === 0) return undefined;
        let start = new vscode.Position(position.line, bracket ? wordStart - 1 : wordStart);
        let end = position;
        // `[Per|]` with an auto-closed bracket: replace the `]` too.
        if (bracket && line[position.character] === ']') end = position.translate(0, 1);
        if (start.character < 0) start = new vscode.Position(position.line, 0);
        const range = new vscode.Range(start, end);
        const items = shown.map((x, i) => toItem(x, i, range, bracket, prefix));
        return new vscode.CompletionList(items.filter((it): it is vscode.CompletionItem => !!it), false);
      } catch (err) {
        ctx.log.error(`Project completion failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    },
  };
  ctx.extension.subscriptions.push(vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, provider, ...TRIGGERS));
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
