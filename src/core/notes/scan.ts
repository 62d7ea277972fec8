/**
 * The fast line scanner: reads a note's block structure in one pass over its lines, the way
 * CommonMark + GFM (remark) read it, as far as the notes model needs: front matter, root
 * headings (ATX and setext), fenced and indented code, HTML blocks, block quotes, lists,
 * tables, paragraphs, link reference definitions (hidden drafts) and inline code spans.
 * Headings inside lists and block quotes are not outline entries. A test holds it to the
 * remark-based reader (./reference.ts) on every fixture.
 */
import { type Blocks, type HeadingBlock, hiddenContent } from './blocks';
import { emptyFrontMatter, locateFrontMatter, readFrontMatter } from './frontMatter';
import { normalizeLabel } from './inline';

/** Splits text into lines (without `\n` / `\r\n`), removing a leading BOM. */
export function splitLines(text: string): string[] {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = t.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/** Columns of leading whitespace (tabs to the next multiple of 4) and the index of the first other character. */
function indentOf(line: string): { cols: number; idx: number } {
  let cols = 0;
  let idx = 0;
  for (; idx < line.length; idx++) {
    const c = line.charCodeAt(idx);
    if (c === 32) cols++;
    else if (c === 9) cols += 4 - (cols % 4);
    else break;
  }
  return { cols, idx };
}

/** Strips `cols` columns of indentation from `line` (tabs expanded as needed). */
function stripIndent(line: string, cols: number): string {
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

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST = /^( {0,3})([*+-]|\d{1,9}[.)])(?=[ \t]|$)/;
const HTML_1 = /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const HTML_1_END = /<\/(?:script|pre|style|textarea)>/i;
const HTML_6 = /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
const HTML_7 = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^'\n]*'|"[^"\n]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
const DEFINITION = /^ {0,3}\[((?:[^\][\\]|\\.){1,999})\]:[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

interface HtmlState {
  end: RegExp | null; // null: ends at a blank line
}

function htmlStart(line: string, canInterrupt: boolean): HtmlState | undefined {
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

function isTableStart(header: string, delimiter: string | undefined): boolean {
  if (delimiter === undefined || !TABLE_DELIMITER.test(delimiter)) return false;
  if (!delimiter.includes('|') && !header.includes('|')) return false;
  if (!delimiter.includes('|')) return false;
  return cellCount(header) === cellCount(delimiter);
}

/** Inline code spans of a line of text, as [start, end) columns covering the backticks. */
export function codeSpansOf(line: string): Array<[number, number]> | undefined {
  let i = line.indexOf('`');
  if (i === -1) return undefined;
  let spans: Array<[number, number]> | undefined;
  while (i !== -1 && i < line.length) {
    // a backslash before the run escapes its first backtick
    let bs = 0;
    for (let k = i - 1; k >= 0 && line[k] === '\\'; k--) bs++;
    let n = 0;
    while (line[i + n] === '`') n++;
    let start = i;
    let run = n;
    if (bs % 2 === 1) {
      start++;
      run--;
    }
    if (run === 0) {
      i = line.indexOf('`', i + n);
      continue;
    }
    let close = -1;
    for (let j = line.indexOf('`', i + n); j !== -1; ) {
      let m = 0;
      while (line[j + m] === '`') m++;
      if (m === run) {
        close = j;
        break;
      }
      j = line.indexOf('`', j + m);
    }
    if (close === -1) {
      i = line.indexOf('`', i + n);
      continue;
    }
    (spans ??= []).push([start, close + run]);
    i = line.indexOf('`', close + run);
  }
  return spans;
}

/** The inline content of an ATX heading line (without `#`s and the closing sequence). */
export function atxContent(line: string): string {
  const m = ATX.exec(line);
  if (!m) return line.trim();
  let rest = line.slice(m[0].length).replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
  if (/^#+$/.test(rest)) return '';
  rest = rest.replace(/[ \t]+#+$/, '');
  return rest.trim();
}

/** The inline content of a setext heading made of `lines` (the underline excluded). */
export function setextContent(lines: readonly string[]): string {
  return lines.map((l) => l.replace(/^[ \t]+/, '')).join('\n').trim();
}

/** Reads the blocks of a note in one pass. */
export function scanBlocks(text: string): Blocks {
  const lines = splitLines(text);
  const n = lines.length;
  const excluded = new Uint8Array(n);
  const codeSpans = new Map<number, Array<[number, number]>>();
  const headings: HeadingBlock[] = [];
  const hidden: Array<{ line: number }> = [];
  const paragraphStarts: number[] = [];
  const definitions = new Set<string>();
  let frontMatter = emptyFrontMatter();

  let i = 0;
  const fm = locateFrontMatter(lines);
  if (fm) {
    frontMatter = readFrontMatter(lines, fm.format, fm.close);
    if (fm.close >= 0) {
      for (let k = 0; k <= fm.close; k++) excluded[k] = 1;
      i = fm.close + 1;
    }
  }

  // Block state.
  let fence: { char: string; len: number; quoted: boolean; indent: number } | undefined;
  let html: HtmlState | undefined;
  let para: 'root' | 'list' | 'quote' | undefined; // an open paragraph, and where
  let paraStart = -1;
  let paraIndex = -1; // index in paragraphStarts of the open root paragraph
  let table: 'root' | 'list' | 'quote' | undefined;
  let indentedCode = false;
  let lastBlank = true;
  const lists: number[] = []; // content columns of the open list items, innermost last
  let inQuote = false;

  const spansOf = (k: number, from = 0) => {
    const s = codeSpansOf(from ? ' '.repeat(from) + lines[k].slice(from) : lines[k]);
    if (s) codeSpans.set(k, s);
  };

  for (; i < n; i++) {
    const line = lines[i];

    if (fence) {
      if (fence.quoted && !/^ {0,3}>/.test(line)) {
        fence = undefined; // the block quote (and the code in it) ended
      } else {
        excluded[i] = 1;
        const inner = fence.quoted ? line.replace(/^ {0,3}> ?/, '') : stripIndent(line, fence.indent);
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(inner);
        if (close && close[1][0] === fence.char && close[1].length >= fence.len) fence = undefined;
        lastBlank = false;
        continue;
      }
    }
    if (html) {
      if (html.end === null) {
        if (/^[ \t]*$/.test(line)) {
          html = undefined;
          lastBlank = true;
          continue;
        }
      } else if (html.end.test(line)) html = undefined;
      lastBlank = false;
      continue;
    }

    const { cols, idx } = indentOf(line);
    if (idx === line.length) {
      para = undefined;
      table = undefined;
      lastBlank = true;
      continue;
    }

    // Block quotes (at the root, or inside a list item).
    if (cols <= 3 + (lists.length ? lists[lists.length - 1] : 0) && line[idx] === '>') {
      if (lists.length && cols < lists[lists.length - 1]) lists.length = 0;
      const inner = line.slice(idx + 1).replace(/^ /, '');
      const innerIndent = indentOf(inner);
      inQuote = true;
      indentedCode = false;
      const f = FENCE_OPEN.exec(inner);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
        fence = { char: f[1][0], len: f[1].length, quoted: true, indent: 0 };
        excluded[i] = 1;
        para = undefined;
      } else if (/^[ \t]*$/.test(inner)) para = undefined;
      else if (innerIndent.cols >= 4 && para !== 'quote') excluded[i] = 1;
      else if (ATX.test(inner) || THEMATIC.test(inner)) para = undefined;
      else if (para === 'quote' && SETEXT.test(inner)) para = undefined;
      else {
        para = 'quote';
        spansOf(i);
      }
      lastBlank = false;
      continue;
    }
    if (inQuote) {
      if (para === 'quote' && !startsBlock(line, true)) {
        spansOf(i); // lazy continuation of the quoted paragraph
        lastBlank = false;
        continue;
      }
      inQuote = false;
      para = undefined;
    }

    // List items and their content.
    if (lists.length) {
      let top = lists[lists.length - 1];
      if (cols < top) {
        const lazy = !lastBlank && para === 'list' && !startsBlock(line, true);
        if (lazy) {
          spansOf(i);
          lastBlank = false;
          continue;
        }
        while (lists.length && cols < lists[lists.length - 1]) lists.pop();
        if (lists.length) top = lists[lists.length - 1];
      }
      if (lists.length && cols >= top) {
        const inner = stripIndent(line, top);
        const innerIndent = indentOf(inner);
        if (innerIndent.cols >= 4 && (lastBlank || indentedCode) && para !== 'list' && table !== 'list') {
          excluded[i] = 1;
          indentedCode = true;
          lastBlank = false;
          continue;
        }
        indentedCode = false;
        handleListContent(i, inner, top);
        continue;
      }
    }

    // Root level.
    if (cols >= 4 && !para && !table) {
      excluded[i] = 1;
      indentedCode = true;
      lastBlank = false;
      continue;
    }
    if (indentedCode && cols >= 4) {
      excluded[i] = 1;
      lastBlank = false;
      continue;
    }
    indentedCode = false;

    const ch = line[idx];
    const f = ch === '`' || ch === '~' ? FENCE_OPEN.exec(line) : null;
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { char: f[1][0], len: f[1].length, quoted: false, indent: cols };
      excluded[i] = 1;
      closePara();
      table = undefined;
      lastBlank = false;
      continue;
    }
    if (ch === '#' && ATX.test(line)) {
      closePara();
      table = undefined;
      headings.push({ line: i + 1, level: ATX.exec(line)![1].length, raw: atxContent(line) });
      spansOf(i);
      lastBlank = false;
      continue;
    }
    if (para === 'root' && (ch === '=' || ch === '-') && SETEXT.test(line)) {
      const level = line.trim()[0] === '=' ? 1 : 2;
      const raw = setextContent(lines.slice(paraStart, i));
      headings.push({ line: paraStart + 1, level, raw });
      paragraphStarts.splice(paraIndex, 1);
      para = undefined;
      lastBlank = false;
      continue;
    }
    if ((ch === '*' || ch === '-' || ch === '_') && THEMATIC.test(line)) {
      closePara();
      table = undefined;
      lastBlank = false;
      continue;
    }
    const lm = ch === '*' || ch === '-' || ch === '+' || (ch >= '0' && ch <= '9') ? LIST.exec(line) : null;
    if (lm && listCanStart(line, lm, para === 'root')) {
      closePara();
      table = undefined;
      const contentCol = listContentColumn(line, lm);
      lists.length = 0;
      lists.push(contentCol);
      const inner = itemContent(line, lm, contentCol);
      // the first line of the item: its content is at contentCol
      handleListContent(i, inner, contentCol, true);
      continue;
    }
    const h = ch === '<' ? htmlStart(line, !!para) : undefined;
    if (h) {
      closePara();
      table = undefined;
      if (h.end && h.end.test(line.slice(idx + 2))) html = undefined;
      else html = h;
      lastBlank = false;
      continue;
    }
    if (table === 'root') {
      spansOf(i);
      lastBlank = false;
      continue;
    }
    if (line.includes('|') && isTableStart(line, lines[i + 1])) {
      closePara();
      table = 'root';
      spansOf(i);
      spansOf(i + 1);
      i++;
      lastBlank = false;
      continue;
    }
    if (!para) {
      const d = ch === '[' ? DEFINITION.exec(line) : null;
      if (d) {
        definitions.add(normalizeLabel(d[1]));
        if (hiddenContent(line)) hidden.push({ line: i + 1 });
        lastBlank = false;
        continue;
      }
      para = 'root';
      paraStart = i;
      paraIndex = paragraphStarts.length;
      paragraphStarts.push(i + 1);
    }
    spansOf(i);
    lastBlank = false;
  }

  return { frontMatter, lines, headings, hidden, paragraphStarts, excluded, codeSpans, definitions };

  function closePara(): void {
    para = undefined;
  }

  /** A line inside a list item (`inner`: the line without the item's indentation). */
  function handleListContent(k: number, inner: string, contentCol: number, first = false): void {
    const offset = Math.max(0, lines[k].length - inner.length);
    const innerIndent = indentOf(inner);
    lastBlank = false;
    if (innerIndent.idx === inner.length) {
      para = undefined;
      return;
    }
    const ch = inner[innerIndent.idx];
    const special = '`~#=-*_+<>[|'.includes(ch) || (ch >= '0' && ch <= '9') || inner.includes('|');
    if (!special) {
      if (para !== 'list') para = 'list';
      spansOf(k, offset);
      return;
    }
    const f = FENCE_OPEN.exec(inner);
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { char: f[1][0], len: f[1].length, quoted: false, indent: contentCol + innerIndent.cols };
      excluded[k] = 1;
      para = undefined;
      table = undefined;
      return;
    }
    if (ATX.test(inner) || THEMATIC.test(inner)) {
      para = undefined;
      table = undefined;
      spansOf(k, offset);
      return;
    }
    if (para === 'list' && SETEXT.test(inner) && !first) {
      para = undefined;
      return;
    }
    const lm = LIST.exec(inner);
    if (lm && (first || listCanStart(inner, lm, para === 'list'))) {
      const sub = listContentColumn(inner, lm);
      if (!first) lists.push(contentCol + sub);
      else if (sub > 0) lists.push(contentCol + sub);
      const rest = itemContent(inner, lm, sub);
      handleListContent(k, rest, contentCol + sub, true);
      return;
    }
    if (inner[innerIndent.idx] === '>') {
      para = undefined; // a quote inside a list item
      spansOf(k, offset);
      return;
    }
    const h = htmlStart(inner, para === 'list');
    if (h) {
      para = undefined;
      if (!(h.end && h.end.test(inner.slice(innerIndent.idx + 2)))) html = h;
      return;
    }
    if (table === 'list') {
      spansOf(k, offset);
      return;
    }
    if (isTableStart(inner, lines[k + 1] !== undefined ? stripIndent(lines[k + 1], contentCol) : undefined) && indentOf(lines[k + 1] ?? '').cols >= contentCol) {
      para = undefined;
      table = 'list';
      spansOf(k, offset);
      return;
    }
    if (para !== 'list' && DEFINITION.test(inner)) {
      definitions.add(normalizeLabel(DEFINITION.exec(inner)![1]));
      return;
    }
    para = 'list';
    spansOf(k, offset);
  }
}

/** Whether a list item can start here (an empty item or an ordered one not starting at 1 cannot interrupt a paragraph). */
function listCanStart(line: string, m: RegExpExecArray, interrupting: boolean): boolean {
  if (THEMATIC.test(line)) return false;
  if (!interrupting) return true;
  const rest = line.slice(m[0].length);
  if (/^[ \t]*$/.test(rest)) return false;
  if (/^\d/.test(m[2]) && parseInt(m[2], 10) !== 1) return false;
  return true;
}

/** The first line of a list item without its marker and the spaces after it. */
function itemContent(line: string, m: RegExpExecArray, contentCol: number): string {
  return stripIndent(' '.repeat(m[0].length) + line.slice(m[0].length), contentCol);
}

/** Column where a list item's content starts. */
function listContentColumn(line: string, m: RegExpExecArray): number {
  const markerEnd = m[1].length + m[2].length;
  const rest = line.slice(m[0].length);
  if (/^[ \t]*$/.test(rest)) return markerEnd + 1;
  const ws = indentOf(' '.repeat(markerEnd) + rest).cols - markerEnd;
  return ws >= 5 ? markerEnd + 1 : markerEnd + ws;
}

/** Whether a line starts a block that ends a lazy paragraph continuation. */
function startsBlock(line: string, interrupting: boolean): boolean {
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
