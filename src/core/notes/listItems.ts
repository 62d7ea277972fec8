/**
 * List items in the block scan (./scan.ts): a line while list items are open (lazy text, code,
 * or content of the innermost item it reaches) and the content of a line inside an item, with the
 * items opened on the same line (`- - x`) read one level per turn of a loop, never by recursion,
 * at most MAX_NESTING deep.
 */
import { work } from '../util/work';
import { LineKind } from './blocks';
import {
  ATX,
  DEFINITION,
  FENCE_OPEN,
  htmlStart,
  indentOf,
  isTableStart,
  itemContent,
  LIST,
  listCanStart,
  listContentColumn,
  SETEXT,
  startsBlock,
  stripIndent,
  THEMATIC,
} from './lineSyntax';
import { addDefinition, type ScanState, spansOf } from './scanState';

/** List item markers nested on one line beyond this are read as text (and the model says so). */
const MAX_NESTING = 32;

/** Line i (indented `cols`) while list items are open: lazy text, indented code or item content; false when it is outside them all. */
export function listLine(s: ScanState, i: number, cols: number): boolean {
  const line = s.lines[i];
  const lists = s.lists;
  if (!lists.length) return false;
  let top = lists[lists.length - 1];
  if (cols < top) {
    const lazy = !s.lastBlank && s.para === 'list' && !startsBlock(line, true);
    if (lazy) {
      spansOf(s, i, 0, true);
      s.lastBlank = false;
      return true;
    }
    while (lists.length && cols < lists[lists.length - 1]) lists.pop();
    if (lists.length) top = lists[lists.length - 1];
  }
  if (lists.length && cols >= top) {
    const inner = stripIndent(line, top);
    const innerIndent = indentOf(inner);
    if (innerIndent.cols >= 4 && (s.lastBlank || s.indentedCode) && s.para !== 'list' && s.table !== 'list') {
      s.excluded[i] = 1;
      s.kind[i] = LineKind.Code;
      s.indentedCode = true;
      s.lastBlank = false;
      return true;
    }
    s.indentedCode = false;
    listContent(s, i, inner, top);
    return true;
  }
  return false;
}

/** A line inside a list item (`inner`: the line without the item's indentation). */
export function listContent(s: ScanState, k: number, innerText: string, col: number, isFirst = false): void {
  let inner = innerText;
  let contentCol = col;
  let first = isFirst;
  // Items opened on this line (`- - x`), one level per turn: a loop, never recursion.
  for (let depth = 0; ; depth++) {
    work.steps++;
    const offset = Math.max(0, s.lines[k].length - inner.length);
    const innerIndent = indentOf(inner);
    s.lastBlank = false;
    if (innerIndent.idx === inner.length) {
      s.para = undefined;
      return;
    }
    const cont = s.para === 'list' && !first;
    const ch = inner[innerIndent.idx];
    const special = '`~#=-*_+<>[|'.includes(ch) || (ch >= '0' && ch <= '9') || inner.includes('|');
    if (!special) {
      s.para = 'list';
      spansOf(s, k, offset, cont);
      return;
    }
    const f = FENCE_OPEN.exec(inner);
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      s.fence = { char: f[1][0], len: f[1].length, quoted: false, indent: contentCol + innerIndent.cols };
      s.excluded[k] = 1;
      s.kind[k] = LineKind.Code;
      s.para = undefined;
      s.table = undefined;
      return;
    }
    if (ATX.test(inner) || THEMATIC.test(inner)) {
      s.para = undefined;
      s.table = undefined;
      spansOf(s, k, offset, false, ATX.test(inner));
      return;
    }
    if (s.para === 'list' && SETEXT.test(inner) && !first) {
      s.para = undefined;
      return;
    }
    const lm = LIST.exec(inner);
    if (lm && (first || listCanStart(inner, lm, s.para === 'list'))) {
      if (depth >= MAX_NESTING) {
        s.skipped.push({ line: k + 1, reason: `more than ${MAX_NESTING} list items are nested on this line; the rest of it is read as text` });
        s.para = 'list';
        spansOf(s, k, offset, false);
        return;
      }
      const sub = listContentColumn(inner, lm);
      if (!first) s.lists.push(contentCol + sub);
      else if (sub > 0) s.lists.push(contentCol + sub);
      inner = itemContent(inner, lm, sub);
      contentCol += sub;
      first = true;
      continue;
    }
    if (inner[innerIndent.idx] === '>') {
      s.para = undefined; // a quote inside a list item
      spansOf(s, k, offset);
      return;
    }
    const h = htmlStart(inner, s.para === 'list');
    if (h) {
      s.para = undefined;
      s.kind[k] = LineKind.Html;
      if (!(h.end && h.end.test(inner.slice(innerIndent.idx + 2)))) s.html = h;
      return;
    }
    if (s.table === 'list') {
      spansOf(s, k, offset);
      return;
    }
    if (isTableStart(inner, s.lines[k + 1] !== undefined ? stripIndent(s.lines[k + 1], contentCol) : undefined) && indentOf(s.lines[k + 1] ?? '').cols >= contentCol) {
      s.para = undefined;
      s.table = 'list';
      spansOf(s, k, offset);
      return;
    }
    if (s.para !== 'list') {
      const d = DEFINITION.exec(inner);
      if (d) {
        addDefinition(s, d, k);
        s.kind[k] = LineKind.Definition;
        return;
      }
    }
    s.para = 'list';
    spansOf(s, k, offset, cont);
    return;
  }
}
