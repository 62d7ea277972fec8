/**
 * Hidden drafts: lines written as Markdown comments `[//]: # (...)`, a link reference
 * definition whose title holds the text, so it never shows in the published page.
 *
 * Hiding escapes what would end the title early (`(`, `)`, and a `\` that would escape them),
 * so the comment stays a valid definition whatever the line holds; showing undoes exactly that.
 * Toggling twice gives back the exact lines. Like the editor's line comments: the lines are
 * shown again when every selected line is hidden (blank lines aside), otherwise every selected
 * line is hidden, a blank line as `[//]: # ()` and an already hidden line once more.
 */
import type { TextEdit } from '../document';

const HIDDEN = /^\[\/\/\]:[ \t]*#[ \t]*\((.*)\)[ \t]*$/;

/** True when the line is a hidden-draft comment line. */
export function isHiddenLine(line: string): boolean {
  return HIDDEN.test(line);
}

/** Escapes a line for the comment's title: `(` `)` always, `\` when it would escape one of them or the end. */
export function escapeHidden(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === ')') out += `\\${c}`;
    else if (c === '\\') {
      const next = text[i + 1];
      out += next === undefined || next === '\\' || next === '(' || next === ')' ? '\\\\' : '\\';
    } else out += c;
  }
  return out;
}

/** Reverses {@link escapeHidden}: `\\`, `\(` and `\)` lose their backslash; any other `\` stays. */
export function unescapeHidden(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '\\' && (next === '\\' || next === '(' || next === ')')) {
      out += next;
      i++;
    } else out += c;
  }
  return out;
}

export function hideLine(line: string): string {
  return `[//]: # (${escapeHidden(line)})`;
}

/** The visible text of a hidden line, or undefined when the line is not hidden. */
export function showLine(line: string): string | undefined {
  const m = HIDDEN.exec(line);
  return m ? unescapeHidden(m[1]) : undefined;
}

export interface ToggleResult {
  /** What was done to the lines. */
  action: 'hide' | 'show';
  edits: TextEdit[];
  /**
   * True when a blank line was put before the hidden lines: the line above was paragraph text,
   * and a definition cannot interrupt a paragraph (see {@link hiddenWouldShow}).
   */
  separated: boolean;
}

/** The line break that ends 0-based line `line` of `text` (`\r\n` or `\n`), `\n` when there is none. */
function lineBreakAfter(text: string, line: number): string {
  let at = -1;
  for (let k = 0; k <= line; k++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return '\n';
  }
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Toggles 0-based lines `from`..`to` (inclusive) of `text`. One edit per changed line, each
 * replacing only that line's text (line breaks and other lines are untouched). When hiding
 * lines right below paragraph text (which would keep them visible), one more edit puts a blank
 * line before them, with the note's own line break (`\r\n` stays `\r\n`); showing them again
 * leaves that blank line, as it cannot know who wrote it.
 */
export function toggleHiddenDraft(text: string, from: number, to: number): ToggleResult {
  const lines = text.split(/\r?\n/);
  const first = Math.max(0, Math.min(from, to));
  const last = Math.min(lines.length - 1, Math.max(from, to));
  const range = lines.slice(first, last + 1);
  const content = range.filter((l) => l.trim() !== '');
  const show = content.length > 0 && content.every(isHiddenLine);
  const edits: TextEdit[] = [];
  range.forEach((line, i) => {
    let next: string;
    if (show) {
      const shown = showLine(line);
      if (shown === undefined) return; // a blank line stays as it is
      next = shown;
    } else {
      next = hideLine(line);
    }
    if (next === line) return;
    const l = first + i;
    edits.push({ range: { start: { line: l, character: 0 }, end: { line: l, character: line.length } }, newText: next });
  });
  let separated = false;
  if (!show && edits.length > 0 && hiddenWouldShow(text, first)) {
    const above = first - 1;
    const end = { line: above, character: lines[above].length };
    edits.unshift({ range: { start: end, end }, newText: lineBreakAfter(text, above) });
    separated = true;
  }
  return { action: show ? 'show' : 'hide', edits, separated };
}

/**
 * The 0-based lines a selection covers, as the editor's line commands count them: a selection
 * that ends at the very start of a line does not include that line.
 */
export function selectedLines(start: { line: number; character: number }, end: { line: number; character: number }): [number, number] {
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  return [start.line, last];
}

/**
 * True when hidden lines starting at 0-based `first` would still show in the published page:
 * a link reference definition cannot interrupt a paragraph (or a list item's text), so the
 * line above must be blank, a heading, a fence or another definition.
 */
export function hiddenWouldShow(text: string, first: number): boolean {
  if (first <= 0) return false;
  const prev = text.split(/\r?\n/)[first - 1] ?? '';
  if (prev.trim() === '') return false;
  if (/^ {0,3}(#{1,6}(\s|$)|```|~~~|---+\s*$|\+\+\+\s*$|\*\*\*+\s*$|___+\s*$)/.test(prev)) return false;
  if (/^ {0,3}\[[^\]]+\]:/.test(prev)) return false;
  return true;
}
