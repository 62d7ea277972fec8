/**
 * Completion of CNCF project links while typing in Markdown: items such as `Perses` with the
 * detail `CNCF sandbox · Observability` that insert `[Perses](https://perses.dev)`. The editor
 * turns the items into `vscode.CompletionItem`s and opens the suggest list when
 * {@link ProjectCompletionProvider.letterTyped} says so (src/vscode/features/completion.ts).
 *
 * VS Code ships Markdown with quick suggestions off, and it does not ask a provider again for
 * letters typed inside a word, so trigger characters alone never open the list while typing.
 * The editor therefore opens the suggest list itself (as an automatic list) when the word being
 * typed is the beginning of a project name (rules in core/landscape/typing.ts: three letters; a
 * mid-sentence capital opens it at once, lower-case prose only once the word stops being the
 * start of a common English word), and only in prose.
 *
 * Typing is never changed by a list the user did not choose, whatever the speed and however far
 * the extension host lags behind the editor: each item of such a list filters on the word as
 * typed plus the next letter of its name (`kub` -> `kube`). The editor's filter is fuzzy, but a
 * word as long as that text matches only when it is that text, and a longer one never: so the
 * editor itself closes the list, as the key arrives, when the word stops being a name's
 * beginning (`kubel` is not `kube` + a letter of Kubernetes), and an item the list shows (and
 * Enter takes) always begins with the word typed. While the word goes on being a project's
 * beginning, the list is opened again for it. Word suggestions are off for Markdown
 * (package.json), so an empty project list is never filled with the note's words.
 * `talkCapture.completion.projects: onRequest` leaves only Ctrl+Space (a list asked for filters
 * on the whole name, as usual).
 */
import commonPrefixes from '../../data/typing-prefixes.json';
import type { Position, Range, TextDocument } from '../core/document';
import { describeEntry, type CompletionMatch, type LandscapeIndex, type LandscapeScope } from '../core/landscape/landscapeIndex';
import { compactKey, escapeLinkText, markdownUrl } from '../core/landscape/text';
import { nextLetterOf, shouldOpenProjectList, wordBeforeCursor, type ProjectCompletion, type TypedWord } from '../core/landscape/typing';
import type { Analyses, LandscapeSource } from './services';

/** The settings completion reads: talkCapture.landscape.scope and talkCapture.completion.projects (of a document). */
export interface CompletionSettings {
  landscapeScope(): LandscapeScope;
  projectCompletion(uri: string): ProjectCompletion;
}

/** A document completion reads lines of (the text of one line without the whole note). */
export interface LineDocument extends TextDocument {
  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string;
}

/** One project item of the list. */
export interface ProjectCompletionItem {
  /** The project's name. */
  label: string;
  /** The alias that matched, after the name (` otel`), when not the name itself. */
  labelDetail?: string;
  /** Maturity and category (`CNCF sandbox · Observability`), on the row and as the detail. */
  description: string;
  /** What Enter writes: `[Name](url)`. */
  insertText: string;
  /** What it replaces: the word typed (with its `[`, and the auto-closed `]`). */
  range: Range;
  /** What the editor's filter matches against (see the top of this file). */
  filterText: string;
  /** The rank. */
  sortText: string;
  /** Markdown: the name, maturity and category, homepage and repository. */
  documentation: string;
}

export interface ProjectCompletionList {
  items: ProjectCompletionItem[];
  /** True when the list was cut at its longest and should be asked again on the next letter. */
  isIncomplete: boolean;
}

/** Says when a request lost its point while the index loaded (the note changed, the editor moved on). */
interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** `[` starts a link by hand: the provider is asked at once. */
export const COMPLETION_TRIGGERS = ['['];
const COMMON_PREFIXES = new Set<string>(commonPrefixes as string[]);
/** Longest list: a list cut here is re-asked on the next letter (only very short prefixes get this long). */
const LIMIT = 100;
/** Keys after which a pending request is forgotten (the editor did not ask for it: a list was showing). */
const PENDING_KEYS = 8;

export class ProjectCompletionProvider {
  /** The word (in prose) the list was last opened for; the items apply the typing rules to it. */
  private lastOpened: { uri: string; line: number; start: number } | undefined;
  /** The word a list was just asked for, until the editor asks the provider for its items. */
  private pendingOpen: { uri: string; line: number; start: number; version: number } | undefined;

  constructor(private readonly services: Analyses & LandscapeSource & CompletionSettings) {}

  /**
   * The project items at `position`: undefined when there are none to give (the setting is off,
   * not in prose, no word), `'closeList'` when the list opened for a word is being filled at a
   * later one (keys typed while the request travelled, on a busy machine): it is nobody's list,
   * so it closes before another provider's item can take the next Enter. `invoked`: the list was
   * asked for (Ctrl+Space), not opened by a trigger character or by {@link letterTyped}.
   */
  async provideCompletion(doc: LineDocument, position: Position, invoked: boolean): Promise<ProjectCompletionList | 'closeList' | undefined> {
    if (this.services.projectCompletion(doc.uri) === 'off') return undefined;
    const line = doc.lineText(position.line);
    const typed = wordBeforeCursor(line.slice(0, position.character));
    if (this.openedLate(doc, position, typed)) return 'closeList';
    if (!typed || typed.word.length < 2) return undefined;
    const prefix = typed.word;
    const bracket = typed.bracket;
    const index = await this.services.landscape();
    const wordStart = typed.start;
    // The list opened by letterTyped, for a word it found in prose.
    const last = this.lastOpened;
    const opened = last?.uri === doc.uri && last.line === position.line && last.start === wordStart;
    if (!opened && !bracket && !this.inProse(doc, position.line, wordStart)) return undefined;
    const matches = index.complete(prefix, { scope: this.services.landscapeScope(), limit: LIMIT });
    const auto = !invoked || opened;
    // While typing, ordinary-word names (`the` -> The Update Framework) need their capital.
    const shown = auto ? matches.filter((x) => !isOrdinaryStart(index, x, prefix)) : matches;
    if (shown.length === 0) return { items: [], isIncomplete: false };
    // `[Per|]` with an auto-closed bracket: replace the `]` too.
    const endCharacter = bracket && line[position.character] === ']' ? position.character + 1 : position.character;
    const range: Range = { start: { line: position.line, character: Math.max(0, bracket ? wordStart - 1 : wordStart) }, end: { line: position.line, character: endCharacter } };
    const items = shown.map((x, i) => toItem(x, i, range, bracket, prefix, opened)).filter((it): it is ProjectCompletionItem => !!it);
    // Complete (unless a list asked for is cut): the editor filters it as the user types on,
    // and never shows a stale list (still selected) while it asks again.
    return { items, isIncomplete: !opened && matches.length >= LIMIT };
  }

  /**
   * A letter was typed at the cursor (`cursor` is right after it; the editor's selection reaches
   * the extension host only after the change). True when the project list should open for the
   * word it ends: it then remembers the word, so that the items filter on its next letter (the
   * list closes a letter later, see the top of this file; while it shows, the editor ignores the
   * request). Cheap checks first (the word before the cursor, the common-prefix set, the sorted
   * index); the document scan once per word. When more was typed while the index loaded
   * (`token`), the later letter decides.
   */
  async letterTyped(doc: LineDocument, cursor: Position, token?: Cancellation): Promise<boolean> {
    if (this.services.projectCompletion(doc.uri) !== 'whileTyping') return false;
    const version = doc.version;
    const line = cursor.line;
    const index = await this.services.landscape();
    if (doc.version !== version || token?.isCancellationRequested) return false;
    const before = doc.lineText(line).slice(0, cursor.character);
    const scope = this.services.landscapeScope();
    const hasProject = (w: TypedWord) => index.complete(w.word, { scope, limit: 5 }).some((m) => !isOrdinaryStart(index, m, w.word));
    const word = shouldOpenProjectList({ before, isCommonPrefix: (p) => COMMON_PREFIXES.has(p), hasProject });
    if (!word) return false;
    const last = this.lastOpened;
    const same = last?.uri === doc.uri && last.line === line && last.start === word.start;
    if (!same && !word.bracket && !this.inProse(doc, line, word.start)) return false;
    this.lastOpened = { uri: doc.uri, line, start: word.start };
    this.pendingOpen = { uri: doc.uri, line, start: word.start, version: doc.version };
    return true;
  }

  /** Forgets the words of a closed document (a document opened again is another one). */
  closed(uri: string): void {
    if (this.lastOpened?.uri === uri) this.lastOpened = undefined;
    if (this.pendingOpen?.uri === uri) this.pendingOpen = undefined;
  }

  /** True when the list just asked for is being filled at another word than the one it was asked for. */
  private openedLate(doc: TextDocument, position: Position, typed: TypedWord | undefined): boolean {
    const pending = this.pendingOpen;
    this.pendingOpen = undefined;
    if (!pending || pending.uri !== doc.uri || doc.version - pending.version > PENDING_KEYS) return false;
    return pending.line !== position.line || typed?.start !== pending.start;
  }

  /** Not in code, front matter, URLs or the text of an existing link (one scan per version). */
  private inProse(doc: TextDocument, line: number, character: number): boolean {
    const a = this.services.analysisOf(doc);
    const offset = a.lineStarts[line] + character;
    return a.inline.runs.some((r) => r.start <= offset && offset < r.end);
  }
}

function isOrdinaryStart(index: LandscapeIndex, m: CompletionMatch, prefix: string): boolean {
  const form = index.formsForKey(compactKey(m.form)).find((f) => f.entry === m.entry);
  if (!form?.ordinary) return false;
  // An ordinary name pops up only when typed with its capital (`Fl` for Flux, not `fl`).
  return prefix[0] === prefix[0].toLowerCase();
}

function toItem(m: CompletionMatch, i: number, range: Range, bracket: boolean, prefix: string, whileTyping: boolean): ProjectCompletionItem | undefined {
  const home = markdownUrl(m.entry.homepage);
  const repo = markdownUrl(m.entry.repo);
  const url = home ?? repo;
  if (!url) return undefined;
  const name = escapeLinkText(m.entry.name);
  // Filter on what the user typed, then (asked for) the rest of the name or alias it begins
  // (`kub` + `ernetes`), or (opened while typing) its next letter only (`kub` + `e`): every
  // item scores alike in the editor's filter, whatever the case of the name, so the rank
  // (sortText) decides; see the top of this file for the next letter.
  const rest = restAfter(prefix, m.form);
  let documentation = `**${name}** · ${describeEntry(m.entry)}\n\n`;
  if (home) documentation += `Homepage: ${home}\n\n`;
  if (repo) documentation += `Repository: ${repo}`;
  return {
    label: m.entry.name,
    // The row shows the alias that matched (`OpenTelemetry otel`) and the maturity and category.
    labelDetail: m.form !== m.entry.name ? ` ${m.form}` : undefined,
    description: describeEntry(m.entry),
    insertText: `[${name}](${url})`,
    range,
    filterText: (bracket ? '[' : '') + prefix + (whileTyping ? nextLetterOf(rest) : rest),
    sortText: String(i).padStart(4, '0'),
    documentation,
  };
}

/** What follows the typed prefix in a form (`kub`, `Kubernetes` -> `ernetes`; `certman`, `cert-manager` -> `ager`). */
function restAfter(prefix: string, form: string): string {
  if (form.toLowerCase().startsWith(prefix.toLowerCase())) return form.slice(prefix.length);
  const key = compactKey(form);
  const typed = compactKey(prefix);
  return key.startsWith(typed) ? key.slice(typed.length) : form;
}
