/**
 * The line syntax of the block scan (./scan.ts): splitting a note into lines, indentation with
 * tabs, and the tests of one line against CommonMark + GFM block starts (ATX and setext
 * headings, fences, thematic breaks, list items, HTML block starts and their end conditions,
 * link reference definitions, table delimiter rows). Linear regexes only, no state.
 */
import { splitLines } from '../util/lines';
import { work } from '../util/work';

/** The lines the scan reads (core/util/lines.ts `splitLines`), without a leading BOM. */
export function noteLines(text: string, starts: readonly number[]): string[] {
  const lines = splitLines(text, starts);
  if (lines[0].charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  return lines;
}

function trimSpaceTab(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 9)) b--;
  return s.slice(a, b);
}

/** Columns of leading whitespace (tabs to the next multiple of 4) and the index of the first other character. */
export function indentOf(line: string): { cols: number; idx: number } {
  let cols = 0;
  let idx = 0;
  for (; idx < line.length; idx++) {
    const c = line.charCodeAt(idx);
    if (c === 32) cols++;
    else if (c === 9) cols += 4 - (cols % 4);
    else break;
  }
  work.steps += idx;
  return { cols, idx };
}

/** Strips `cols` columns of indentation from `line` (tabs expanded as needed). */
export function stripIndent(line: string, cols: number): string {
  let c = 0;
  let i = 0;
  while (i < line.length && c < cols) {
    const ch = line.charCodeAt(i);
    if (ch === 32) c++;
    else if (ch === 9) {
      const w = 4 - (c % 4);
      if (c + w > cols) return ' '.repeat(c + w - cols) + line.slice(i + 1);
      c += w;
    } else break;
    i++;
  }
  return line.slice(i);
}

export const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
export const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
export const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
export const LIST = /^( {0,3})([*+-]|\d{1,9}[.)])(?=[ \t]|$)/;
const HTML_1 = /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const HTML_1_END = /<\/(?:script|pre|style|textarea)>/i;
const HTML_6 =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
const HTML_7 =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^'\n]*'|"[^"\n]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
export const DEFINITION =
  /^ {0,3}\[((?:[^\][\\]|\\.){1,999})\]:[ \t]*(<[^<>\n]*>|[^\s<][^\s]*)(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*|[ \t]*)$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export interface HtmlState {
  end: RegExp | null; // null: ends at a blank line
  /** Inside a block quote: also ends with the quote. */
  quoted?: boolean;
}

export function htmlStart(line: string, canInterrupt: boolean): HtmlState | undefined {
  const t = line;
  if (HTML_1.test(t)) return { end: HTML_1_END };
  if (/^ {0,3}<!--/.test(t)) return { end: /-->/ };
  if (/^ {0,3}<\?/.test(t)) return { end: /\?>/ };
  if (/^ {0,3}<![A-Za-z]/.test(t)) return { end: />/ };
  if (/^ {0,3}<!\[CDATA\[/.test(t)) return { end: /\]\]>/ };
  if (HTML_6.test(t)) return { end: null };
  if (!canInterrupt && HTML_7.test(t)) return { end: null };
  return undefined;
}

/** Cells of a table row (pipes escaped with `\` do not split). */
function cellCount(row: string): number {
  let t = row.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  let n = 1;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if (t[i] === '|') n++;
  }
  return n;
}

export function isTableStart(header: string, delimiter: string | undefined): boolean {
  if (delimiter === undefined || !TABLE_DELIMITER.test(delimiter)) return false;
  if (!delimiter.includes('|') && !header.includes('|')) return false;
  if (!delimiter.includes('|')) return false;
  return cellCount(header) === cellCount(delimiter);
}

/** The inline content of an ATX heading line (without `#`s and the closing sequence). */
export function atxContent(line: string): string {
  const m = ATX.exec(line);
  if (!m) return line.trim();
  const rest = trimSpaceTab(line.slice(m[0].length));
  // A closing sequence: `#`s at the end, alone or after a space.
  let h = rest.length;
  while (h > 0 && rest.charCodeAt(h - 1) === 35) h--;
  if (h === 0) return '';
  if (h < rest.length && (rest.charCodeAt(h - 1) === 32 || rest.charCodeAt(h - 1) === 9)) return rest.slice(0, h).trim();
  return rest.trim();
}

/** The inline content of a setext heading made of `lines` (the underline excluded). */
export function setextContent(lines: readonly string[]): string {
  return lines
    .map((l) => l.replace(/^[ \t]+/, ''))
    .join('\n')
    .trim();
}

/** Whether a list item can start here (an empty item or an ordered one not starting at 1 cannot interrupt a paragraph). */
export function listCanStart(line: string, m: RegExpExecArray, interrupting: boolean): boolean {
  if (THEMATIC.test(line)) return false;
  if (!interrupting) return true;
  const rest = line.slice(m[0].length);
  if (/^[ \t]*$/.test(rest)) return false;
  if (/^\d/.test(m[2]) && parseInt(m[2], 10) !== 1) return false;
  return true;
}

/** The first line of a list item without its marker and the spaces after it. */
export function itemContent(line: string, m: RegExpExecArray, contentCol: number): string {
  return stripIndent(' '.repeat(m[0].length) + line.slice(m[0].length), contentCol);
}

/** Column where a list item's content starts. */
export function listContentColumn(line: string, m: RegExpExecArray): number {
  const markerEnd = m[1].length + m[2].length;
  const rest = line.slice(m[0].length);
  if (/^[ \t]*$/.test(rest)) return markerEnd + 1;
  const ws = indentOf(' '.repeat(markerEnd) + rest).cols - markerEnd;
  return ws >= 5 ? markerEnd + 1 : markerEnd + ws;
}

/** Whether a line starts a block that ends a lazy paragraph continuation. */
export function startsBlock(line: string, interrupting: boolean): boolean {
  const { idx } = indentOf(line);
  const ch = line[idx];
  if (!('`~#*_+-<>'.includes(ch) || (ch >= '0' && ch <= '9'))) return false;
  if (ATX.test(line) || THEMATIC.test(line) || /^ {0,3}>/.test(line)) return true;
  const f = FENCE_OPEN.exec(line);
  if (f && !(f[1][0] === '`' && f[2].includes('`'))) return true;
  const lm = LIST.exec(line);
  if (lm && listCanStart(line, lm, interrupting)) return true;
  return !!htmlStart(line, interrupting);
}
