/**
 * The block scan (./scan.ts) inside containers and open blocks: a line inside an open fenced
 * code block or HTML block (up to its end condition, or the end of the block quote holding
 * it), and a block quote line with what it opens (code, a heading, HTML, a quoted paragraph).
 */
import { LineKind } from './blocks';
import { ATX, FENCE_OPEN, htmlStart, indentOf, SETEXT, stripIndent, THEMATIC } from './lineSyntax';
import { type ScanState, spansOf } from './scanState';

/** Line i inside an open fenced code block; false when the block quote holding the fence ended before it. */
export function fencedCodeLine(s: ScanState, i: number): boolean {
  const line = s.lines[i];
  const fence = s.fence;
  if (!fence) return false;
  if (fence.quoted && !/^ {0,3}>/.test(line)) {
    s.fence = undefined; // the block quote (and the code in it) ended
    return false;
  }
  s.excluded[i] = 1;
  s.kind[i] = LineKind.Code;
  const inner = fence.quoted ? line.replace(/^ {0,3}> ?/, '') : stripIndent(line, fence.indent);
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(inner);
  if (close && close[1][0] === fence.char && close[1].length >= fence.len) s.fence = undefined;
  s.lastBlank = false;
  return true;
}

/** Line i while an HTML block is open; false when the block quote holding it ended before it. */
export function htmlBlockLine(s: ScanState, i: number): boolean {
  const line = s.lines[i];
  if (s.html && s.html.quoted && !/^ {0,3}>/.test(line)) s.html = undefined; // the block quote (and the HTML in it) ended
  if (!s.html) return false;
  const inner = s.html.quoted ? line.replace(/^ {0,3}> ?/, '') : line;
  if (s.html.end === null) {
    if (/^[ \t]*$/.test(inner)) {
      s.html = undefined;
      s.lastBlank = true;
      return true;
    }
  } else if (s.html.end.test(inner)) s.html = undefined;
  s.kind[i] = LineKind.Html;
  s.lastBlank = false;
  return true;
}

/** A block quote line (at the root or inside a list item): `>` at column `idx`, indented `cols`. */
export function quoteLine(s: ScanState, i: number, cols: number, idx: number): void {
  const line = s.lines[i];
  if (s.lists.length && cols < s.lists[s.lists.length - 1]) s.lists.length = 0;
  const inner = line.slice(idx + 1).replace(/^ /, '');
  const innerIndent = indentOf(inner);
  s.inQuote = true;
  s.indentedCode = false;
  const f = FENCE_OPEN.exec(inner);
  if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
    s.fence = { char: f[1][0], len: f[1].length, quoted: true, indent: 0 };
    s.excluded[i] = 1;
    s.kind[i] = LineKind.Code;
    s.para = undefined;
  } else if (/^[ \t]*$/.test(inner)) s.para = undefined;
  else if (innerIndent.cols >= 4 && s.para !== 'quote') {
    s.excluded[i] = 1;
    s.kind[i] = LineKind.Code;
  } else if (ATX.test(inner)) {
    s.para = undefined;
    spansOf(s, i, 0, false, true);
  } else if (THEMATIC.test(inner)) s.para = undefined;
  else if (s.para === 'quote' && SETEXT.test(inner)) s.para = undefined;
  else if (inner[innerIndent.idx] === '<' && htmlStart(inner, s.para === 'quote')) {
    const h = htmlStart(inner, s.para === 'quote')!;
    s.para = undefined;
    s.kind[i] = LineKind.Html;
    if (!(h.end && h.end.test(inner.slice(innerIndent.idx + 2)))) s.html = { end: h.end, quoted: true };
  } else {
    const cont = s.para === 'quote';
    s.para = 'quote';
    spansOf(s, i, idx + 1, cont);
  }
  s.lastBlank = false;
}
