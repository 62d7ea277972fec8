/**
 * The block scan of a note: its block structure read in one pass over its lines, the way
 * CommonMark + GFM (remark) read it: front matter (through the one front matter reader),
 * root headings (ATX and setext), fenced and indented code, HTML blocks with their end
 * conditions, block quotes, lists (nested without recursion, at most MAX_NESTING item markers
 * on one line), tables, paragraphs, link reference definitions (hidden drafts), and then the
 * code spans of each paragraph (also across its lines). Every reader of a note (the outline,
 * TODOs, the mention scan, the check) works from this one result. Headings inside lists and
 * block quotes are not outline entries. A test holds it to the remark-based reader
 * (./reference.ts) on every fixture.
 */
import { lineEndOffset, lineStarts } from '../document';
import { type Blocks, type HeadingBlock, hiddenContent, LineKind, type SkippedPart } from './blocks';
import { emptyFrontMatter, frontMatterOf } from './frontMatter';
import { normalizeLabel } from './inline';

/** List item markers nested on one line beyond this are read as text (and the model says so). */
const MAX_NESTING = 32;

/** Splits text into lines (without their `\n`, `\r\n` or lone `\r`), removing a leading BOM. */
export function splitLines(text: string, starts: readonly number[] = lineStarts(text)): string[] {
  const lines = new Array<string>(starts.length);
  for (let k = 0; k < starts.length; k++) lines[k] = text.slice(starts[k], lineEndOffset(text, starts, k));
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
const HTML_6 =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
const HTML_7 =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^'\n]*'|"[^"\n]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
const DEFINITION = /^ {0,3}\[((?:[^\][\\]|\\.){1,999})\]:[ \t]*(<[^<>\n]*>|[^\s<][^\s]*)(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*|[ \t]*)$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

interface HtmlState {
  end: RegExp | null; // null: ends at a blank line
  /** Inside a block quote: also ends with the quote. */
  quoted?: boolean;
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

let lastText: string | undefined;
let lastBlocks: Blocks | undefined;

/**
 * The blocks of `text`, read once: the notes model, the mention scan and the check of the same
 * text share one result (the last text read is remembered; the result is never changed).
 */
export function blocksOf(text: string): Blocks {
  if (lastBlocks && lastText === text) return lastBlocks;
  const blocks = scanBlocks(text);
  lastText = text;
  lastBlocks = blocks;
  return blocks;
}

/** Reads the blocks of a note in one pass. */
export function scanBlocks(text: string): Blocks {
  const starts = lineStarts(text);
  const lines = splitLines(text, starts);
  const n = lines.length;
  const excluded = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const inlineFrom = new Int32Array(n).fill(-1);
  const groupOf = new Int32Array(n).fill(-1);
  const codeSpans = new Map<number, Array<[number, number]>>();
  const headings: HeadingBlock[] = [];
  const hidden: Array<{ line: number }> = [];
  const paragraphStarts: number[] = [];
  const definitions = new Set<string>();
  const definitionUrls = new Map<string, string>();
  const skipped: SkippedPart[] = [];
  let frontMatter = emptyFrontMatter();

  let i = 0;
  const fm = frontMatterOf(text);
  if (fm.refused) skipped.push(fm.refused);
  if (fm.info.format) {
    frontMatter = fm.info;
    if (fm.close >= 0) {
      for (let k = 0; k <= fm.close; k++) {
        excluded[k] = 1;
        kind[k] = LineKind.FrontMatter;
      }
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
  let lastInline = -2; // the last line with inline content, and whether the next may continue its paragraph
  let group = -1;

  /** Line k holds inline content from column `from`; `cont`: it continues the paragraph of the line before. */
  const spansOf = (k: number, from = 0, cont = false, heading = false) => {
    if (k >= n) return;
    if (kind[k] === 0) kind[k] = heading ? LineKind.Heading : LineKind.Inline;
    inlineFrom[k] = from;
    if (!(cont && lastInline === k - 1 && group >= 0)) group = k;
    groupOf[k] = group;
    lastInline = k;
  };

  for (; i < n; i++) {
    const line = lines[i];

    if (fence) {
      if (fence.quoted && !/^ {0,3}>/.test(line)) {
        fence = undefined; // the block quote (and the code in it) ended
      } else {
        excluded[i] = 1;
        kind[i] = LineKind.Code;
        const inner = fence.quoted ? line.replace(/^ {0,3}> ?/, '') : stripIndent(line, fence.indent);
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(inner);
        if (close && close[1][0] === fence.char && close[1].length >= fence.len) fence = undefined;
        lastBlank = false;
        continue;
      }
    }
    if (html && html.quoted && !/^ {0,3}>/.test(line)) html = undefined; // the block quote (and the HTML in it) ended
    if (html) {
      const inner = html.quoted ? line.replace(/^ {0,3}> ?/, '') : line;
      if (html.end === null) {
        if (/^[ \t]*$/.test(inner)) {
          html = undefined;
          lastBlank = true;
          continue;
        }
      } else if (html.end.test(inner)) html = undefined;
      kind[i] = LineKind.Html;
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
        kind[i] = LineKind.Code;
        para = undefined;
      } else if (/^[ \t]*$/.test(inner)) para = undefined;
      else if (innerIndent.cols >= 4 && para !== 'quote') {
        excluded[i] = 1;
        kind[i] = LineKind.Code;
      } else if (ATX.test(inner)) {
        para = undefined;
        spansOf(i, 0, false, true);
      } else if (THEMATIC.test(inner)) para = undefined;
      else if (para === 'quote' && SETEXT.test(inner)) para = undefined;
      else if (inner[innerIndent.idx] === '<' && htmlStart(inner, para === 'quote')) {
        const h = htmlStart(inner, para === 'quote')!;
        para = undefined;
        kind[i] = LineKind.Html;
        if (!(h.end && h.end.test(inner.slice(innerIndent.idx + 2)))) html = { end: h.end, quoted: true };
      } else {
        const cont = para === 'quote';
        para = 'quote';
        spansOf(i, idx + 1, cont);
      }
      lastBlank = false;
      continue;
    }
    if (inQuote) {
      if (para === 'quote' && !startsBlock(line, true)) {
        spansOf(i, 0, true); // lazy continuation of the quoted paragraph
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
          spansOf(i, 0, true);
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
          kind[i] = LineKind.Code;
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
      kind[i] = LineKind.Code;
      indentedCode = true;
      lastBlank = false;
      continue;
    }
    if (indentedCode && cols >= 4) {
      excluded[i] = 1;
      kind[i] = LineKind.Code;
      lastBlank = false;
      continue;
    }
    indentedCode = false;

    const ch = line[idx];
    const f = ch === '`' || ch === '~' ? FENCE_OPEN.exec(line) : null;
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { char: f[1][0], len: f[1].length, quoted: false, indent: cols };
      excluded[i] = 1;
      kind[i] = LineKind.Code;
      closePara();
      table = undefined;
      lastBlank = false;
      continue;
    }
    if (ch === '#' && ATX.test(line)) {
      closePara();
      table = undefined;
      headings.push({ line: i + 1, level: ATX.exec(line)![1].length, raw: atxContent(line) });
      spansOf(i, 0, false, true);
      lastBlank = false;
      continue;
    }
    if (para === 'root' && (ch === '=' || ch === '-') && SETEXT.test(line)) {
      const level = line.trim()[0] === '=' ? 1 : 2;
      const raw = setextContent(lines.slice(paraStart, i));
      headings.push({ line: paraStart + 1, level, raw });
      for (let k = paraStart; k < i; k++) if (kind[k] === LineKind.Inline) kind[k] = LineKind.Heading;
      kind[i] = LineKind.Other;
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
      kind[i] = LineKind.Html;
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
      kind[i + 1] = LineKind.Other;
      i++;
      lastBlank = false;
      continue;
    }
    if (!para) {
      const d = ch === '[' ? DEFINITION.exec(line) : null;
      if (d) {
        addDefinition(d);
        kind[i] = LineKind.Definition;
        if (hiddenContent(line)) hidden.push({ line: i + 1 });
        lastBlank = false;
        continue;
      }
      para = 'root';
      paraStart = i;
      paraIndex = paragraphStarts.length;
      paragraphStarts.push(i + 1);
      spansOf(i);
    } else spansOf(i, 0, true);
    lastBlank = false;
  }

  findCodeSpans();
  return { frontMatter, lines, lineStarts: starts, headings, hidden, paragraphStarts, excluded, codeSpans, definitions, definitionUrls, kind, inlineFrom, groupOf, skipped };

  function addDefinition(d: RegExpExecArray): void {
    const label = normalizeLabel(d[1]);
    definitions.add(label);
    if (!definitionUrls.has(label)) definitionUrls.set(label, d[2].startsWith('<') ? d[2].slice(1, -1) : d[2]);
  }

  /** Code spans of every paragraph (across its lines), heading and table row. */
  function findCodeSpans(): void {
    for (let k = 0; k < n;) {
      if (groupOf[k] !== k) {
        k++;
        continue;
      }
      let end = k + 1;
      while (end < n && groupOf[end] === k) end++;
      spansOfGroup(k, end);
      k = end;
    }
  }

  /** Code spans over the lines [a, b) of one paragraph: each backtick run closes at the next run of the same length. */
  function spansOfGroup(a: number, b: number): void {
    let any = false;
    for (let k = a; k < b && !any; k++) any = lines[k].indexOf('`', Math.max(0, inlineFrom[k])) !== -1;
    if (!any) return;
    const runLine: number[] = [];
    const runCol: number[] = [];
    const runLen: number[] = [];
    const byLen = new Map<number, number[]>();
    for (let k = a; k < b; k++) {
      const line = lines[k];
      const from = Math.max(0, inlineFrom[k]);
      for (let c = line.indexOf('`', from); c !== -1;) {
        let m = 1;
        while (line.charCodeAt(c + m) === 96) m++;
        const r = runLen.length;
        runLine.push(k);
        runCol.push(c);
        runLen.push(m);
        let list = byLen.get(m);
        if (!list) byLen.set(m, (list = []));
        list.push(r);
        c = line.indexOf('`', c + m);
      }
    }
    const nextOfLen = (len: number, after: number): number => {
      const list = byLen.get(len);
      if (!list) return -1;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] <= after) lo = mid + 1;
        else hi = mid;
      }
      return lo < list.length ? list[lo] : -1;
    };
    const add = (k: number, s: number, e: number) => {
      let list = codeSpans.get(k);
      if (!list) codeSpans.set(k, (list = []));
      list.push([s, e]);
    };
    for (let r = 0; r < runLen.length;) {
      const k = runLine[r];
      const line = lines[k];
      const from = Math.max(0, inlineFrom[k]);
      // a backslash before the run escapes its first backtick
      let bs = 0;
      for (let q = runCol[r] - 1; q >= from && line.charCodeAt(q) === 92; q--) bs++;
      let start = runCol[r];
      let len = runLen[r];
      if (bs % 2 === 1) {
        start++;
        len--;
      }
      const close = len > 0 ? nextOfLen(len, r) : -1;
      if (close === -1) {
        r++;
        continue;
      }
      const ck = runLine[close];
      const cEnd = runCol[close] + runLen[close];
      if (ck === k) add(k, start, cEnd);
      else {
        add(k, start, line.length);
        for (let q = k + 1; q < ck; q++) add(q, 0, lines[q].length);
        add(ck, 0, cEnd);
      }
      r = close + 1;
    }
  }

  function closePara(): void {
    para = undefined;
  }

  /** A line inside a list item (`inner`: the line without the item's indentation). */
  function handleListContent(k: number, innerText: string, col: number, isFirst = false): void {
    let inner = innerText;
    let contentCol = col;
    let first = isFirst;
    // Items opened on this line (`- - x`), one level per turn: a loop, never recursion.
    for (let depth = 0; ; depth++) {
      const offset = Math.max(0, lines[k].length - inner.length);
      const innerIndent = indentOf(inner);
      lastBlank = false;
      if (innerIndent.idx === inner.length) {
        para = undefined;
        return;
      }
      const cont = para === 'list' && !first;
      const ch = inner[innerIndent.idx];
      const special = '`~#=-*_+<>[|'.includes(ch) || (ch >= '0' && ch <= '9') || inner.includes('|');
      if (!special) {
        para = 'list';
        spansOf(k, offset, cont);
        return;
      }
      const f = FENCE_OPEN.exec(inner);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
        fence = { char: f[1][0], len: f[1].length, quoted: false, indent: contentCol + innerIndent.cols };
        excluded[k] = 1;
        kind[k] = LineKind.Code;
        para = undefined;
        table = undefined;
        return;
      }
      if (ATX.test(inner) || THEMATIC.test(inner)) {
        para = undefined;
        table = undefined;
        spansOf(k, offset, false, ATX.test(inner));
        return;
      }
      if (para === 'list' && SETEXT.test(inner) && !first) {
        para = undefined;
        return;
      }
      const lm = LIST.exec(inner);
      if (lm && (first || listCanStart(inner, lm, para === 'list'))) {
        if (depth >= MAX_NESTING) {
          skipped.push({ line: k + 1, reason: `more than ${MAX_NESTING} list items are nested on this line; the rest of it is read as text` });
          para = 'list';
          spansOf(k, offset, false);
          return;
        }
        const sub = listContentColumn(inner, lm);
        if (!first) lists.push(contentCol + sub);
        else if (sub > 0) lists.push(contentCol + sub);
        inner = itemContent(inner, lm, sub);
        contentCol += sub;
        first = true;
        continue;
      }
      if (inner[innerIndent.idx] === '>') {
        para = undefined; // a quote inside a list item
        spansOf(k, offset);
        return;
      }
      const h = htmlStart(inner, para === 'list');
      if (h) {
        para = undefined;
        kind[k] = LineKind.Html;
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
      if (para !== 'list') {
        const d = DEFINITION.exec(inner);
        if (d) {
          addDefinition(d);
          kind[k] = LineKind.Definition;
          return;
        }
      }
      para = 'list';
      spansOf(k, offset, cont);
      return;
    }
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
