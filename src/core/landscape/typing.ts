/**
 * When should the project list open by itself while the user types? Markdown has VS Code's
 * quick suggestions off, so the editor layer opens the list itself when the word being typed is
 * the beginning of a project name. This module decides, from the text of the line before the
 * cursor alone (no document scan), so it can run on every keystroke:
 *
 * - at least {@link MIN_TYPED} letters of the word;
 * - a capitalised word in the middle of a sentence (`with Prom`) opens the list at once: a
 *   capital there is a name;
 * - a word in lower case, or at the start of a sentence, a heading or a list item (where every
 *   word has a capital), opens it only once it stops being the beginning of a common English
 *   word (`kub` at once, `prom` not yet, `prome` yes), so prose does not get a list on every
 *   keystroke. Those prefixes are data/typing-prefixes.json (scripts/build-typing-prefixes.ts).
 */

/** Letters of a word before the list opens by itself. */
const MIN_TYPED = 3;
/** Longest word looked at (a longer run of letters is no project name being typed). */
const MAX_WORD = 48;

export interface TypedWord {
  /** The word being typed, as written. */
  word: string;
  /** Column (0-based, UTF-16) where the word starts in the line. */
  start: number;
  /** True when the word starts a sentence, heading, list item or quote. */
  sentenceStart: boolean;
  /** True when the word was typed with a capital first letter. */
  capital: boolean;
  /** True when a `[` stands right before the word (the user started a link by hand). */
  bracket: boolean;
}

function isWordChar(c: string): boolean {
  // Letters, digits and inner hyphens: project names such as `in-toto`, `cert-manager`.
  return /[\p{L}\p{N}-]/u.test(c);
}

/**
 * The word that ends at the cursor, given the line's text before the cursor; undefined when
 * the cursor is not right after a word that starts with a letter. Scans backwards at most
 * MAX_WORD + 1 characters, whatever the line's length.
 */
export function wordBeforeCursor(before: string): TypedWord | undefined {
  let start = before.length;
  while (start > 0 && before.length - start <= MAX_WORD && isWordChar(before[start - 1])) start--;
  if (before.length - start > MAX_WORD) return undefined;
  // A hyphen cannot start the word (`--Prom`, a list marker `-Prom`).
  while (start < before.length && before[start] === '-') start++;
  const word = before.slice(start);
  if (!word || !/\p{L}/u.test(word[0])) return undefined;
  const bracket = start > 0 && before[start - 1] === '[';
  return { word, start, sentenceStart: isSentenceStart(before.slice(0, bracket ? start - 1 : start)), capital: word[0] !== word[0].toLowerCase(), bracket };
}

/**
 * True when text ending here starts a sentence: nothing but Markdown block markers before it
 * (`### `, `- `, `1. `, `> `, `- [ ] `, `**`), or a sentence end (`. ! ? :`) and spaces.
 */
export function isSentenceStart(head: string): boolean {
  let i = head.length;
  while (i > 0 && ' \t*_"(\u201c'.includes(head[i - 1])) i--;
  if (i === 0) return true;
  if ('.!?:\u2014'.includes(head[i - 1])) return true;
  return onlyBlockMarkers(head.slice(0, i));
}

/** True when the text is nothing but Markdown block markers: `###`, `-`, `1.`, `>`, `[ ]`. */
function onlyBlockMarkers(s: string): boolean {
  if (s.length > 40) return false; // markers are short: a long head is prose
  const tokens = s
    .replace(/\[[ xX]\]/g, '[x]')
    .trim()
    .split(/\s+/);
  return tokens.every((t) => /^(?:#{1,6}|[-*+>]|\d{1,9}[.)]|\[x\])$/.test(t));
}

/** True when the text has a backtick run that no later run of the same length closes. */
function opensCodeSpan(head: string): boolean {
  let open = 0; // length of the open run, 0 when none
  for (let i = 0; i < head.length;) {
    if (head[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (j < head.length && head[j] === '`') j++;
    const run = j - i;
    if (open === 0) open = run;
    else if (run === open) open = 0;
    i = j;
  }
  return open > 0;
}

export interface TypingDecisionInput {
  /** The line's text before the cursor. */
  before: string;
  /** True when the lower-case prefix begins a common English word (data/typing-prefixes.json). */
  isCommonPrefix: (lowerPrefix: string) => boolean;
  /** True when some project is offered for this prefix (as the completion list would offer it). */
  hasProject: (word: TypedWord) => boolean;
}

/** The word to open the project list for, or undefined when the list should stay closed. */
export function shouldOpenProjectList(input: TypingDecisionInput): TypedWord | undefined {
  const w = wordBeforeCursor(input.before);
  if (!w || w.word.length < MIN_TYPED) return undefined;
  // A code span being typed is not closed yet, so Markdown still reads it as text.
  if (opensCodeSpan(input.before.slice(0, w.start))) return undefined;
  const nameSignal = w.bracket || (w.capital && !w.sentenceStart);
  if (!nameSignal && input.isCommonPrefix(w.word.toLowerCase().replace(/-/g, ''))) return undefined;
  return input.hasProject(w) ? w : undefined;
}

/**
 * The next letter of a name after the typed part (`ernetes` -> `e`; `-rs` -> `-`): what the list
 * that opened by itself filters on beyond the word. Nothing when the name goes on with a space
 * or a sign, or is complete: the next key closes the list.
 */
export function nextLetterOf(rest: string): string {
  const c = rest.slice(0, 1);
  return c && /[\p{L}\p{N}-]/u.test(c) ? c : '';
}

/**
 * Build step: the prefixes (of at least MIN_TYPED letters) of the given project keys that also
 * begin one of the given common words. Both lists are lower case; the result is sorted.
 */
export function ambiguousPrefixes(projectKeys: readonly string[], commonWords: readonly string[]): string[] {
  const wordPrefixes = new Set<string>();
  for (const w of commonWords) {
    const clean = w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    for (let n = MIN_TYPED; n <= clean.length; n++) wordPrefixes.add(clean.slice(0, n));
  }
  const out = new Set<string>();
  for (const key of projectKeys) {
    for (let n = MIN_TYPED; n <= key.length; n++) {
      const p = key.slice(0, n);
      if (!wordPrefixes.has(p)) break;
      out.add(p);
    }
  }
  return [...out].sort();
}

/** How the project list opens (`talkCapture.completion.projects`). */
export type ProjectCompletion = 'whileTyping' | 'onRequest' | 'off';

/**
 * The project list's setting: `talkCapture.completion.projects` when it is set; otherwise what
 * the two keys it replaces said (`completion.enabled: false` → off, `completion.whileTyping:
 * false` → on request, `Ctrl+Space` only); otherwise while typing. Values of another type count
 * as not set.
 */
export function projectCompletion(set: { projects?: unknown; enabled?: unknown; whileTyping?: unknown }): ProjectCompletion {
  if (set.projects === 'whileTyping' || set.projects === 'onRequest' || set.projects === 'off') return set.projects;
  if (set.enabled === false) return 'off';
  if (set.whileTyping === false) return 'onRequest';
  return 'whileTyping';
}
