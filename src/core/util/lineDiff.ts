/**
 * Which lines an edit left alone: the line diff between two versions of a note, read from their
 * texts (the common prefix and suffix, in characters), and the new version's line starts and
 * lines built from the old ones: lines before the edit are taken as they were, lines after it
 * moved by the edit's length, and only the edited lines are split afresh. What a keystroke
 * costs then depends on the lines it touched, plus one copy of the line tables.
 *
 * Lines are those of ./lines.ts (`\n`, `\r\n` or a lone `\r`).
 */
import { lineEndOffset, lineStarts } from './lines';
import { upperBound, itself, lowerBound } from './search';

export interface LineDiff {
  /** Lines [0, head) are the same in both versions: the same text at the same offsets. */
  readonly head: number;
  /** Old line `oldTail + k` is new line `newTail + k` for every k ≥ 0: the same text, offsets moved by `shift`. */
  readonly oldTail: number;
  readonly newTail: number;
  /** New offset − old offset of the tail's lines. */
  readonly shift: number;
}

/** The old line that new line `line` was, unchanged; -1 when the edit touched it. */
export function oldLineOf(d: LineDiff, line: number): number {
  if (line < d.head) return line;
  if (line >= d.newTail) return line - d.newTail + d.oldTail;
  return -1;
}

/** The line tables of one version: offsets of each line's first character, and the lines without their breaks. */
export interface LineTable {
  starts: number[];
  lines: string[];
}

/** The line table of `text` (the BOM kept off the first line when `dropBom`). */
export function lineTable(text: string, dropBom = true): LineTable {
  const starts = lineStarts(text);
  const lines = new Array<string>(starts.length);
  for (let k = 0; k < starts.length; k++) lines[k] = text.slice(starts[k], lineEndOffset(text, starts, k));
  if (dropBom && lines[0].charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  return { starts, lines };
}

/** Characters the two texts share at the start. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Big steps first (a slice compare is a memory compare), then characters.
  for (let step = 4096; step >= 1; step >>= 4) {
    while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Characters the two texts share at the end, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (i + step <= max && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * The diff of `next` against the old version (`prev`: its text and line table) and the new
 * version's line table, built from the old one. The line before the first changed character is
 * counted as changed too (a `\r` before it may have become half of a `\r\n`).
 */
export function diffLines(prevText: string, prev: LineTable, next: string, dropBom = true): { diff: LineDiff; table: LineTable } {
  const p = commonPrefix(prevText, next);
  const s = commonSuffix(prevText, next, Math.min(prevText.length, next.length) - p);
  const containing = upperBound(prev.starts, p, itself) - 1; // the old line holding the first change
  const head = Math.max(0, containing - 1);
  // Old lines whose line break before them is in the common suffix start the tail.
  let oldTail = lowerBound(prev.starts, prevText.length - s + 1, itself);
  if (oldTail <= head) oldTail = prev.starts.length; // the suffix reaches into the head: no tail
  const shift = next.length - prevText.length;
  const from = prev.starts[head];
  const to = oldTail < prev.starts.length ? prev.starts[oldTail] + shift : next.length + 1;
  const starts = prev.starts.slice(0, head);
  const lines = prev.lines.slice(0, head);
  // The edited lines: split afresh from the new text.
  starts.push(from);
  for (let i = from; i < next.length && i < to - 1; i++) {
    const c = next.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (next.charCodeAt(i + 1) === 10) i++;
      if (i + 1 < to) starts.push(i + 1);
    }
  }
  const newTail = starts.length;
  for (let k = oldTail; k < prev.starts.length; k++) starts.push(prev.starts[k] + shift);
  for (let k = head; k < newTail; k++) lines.push(next.slice(starts[k], lineEndOffset(next, starts, k)));
  if (head === 0 && dropBom && lines[0].charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  for (let k = oldTail; k < prev.lines.length; k++) lines.push(prev.lines[k]);
  return { diff: { head, oldTail, newTail, shift }, table: { starts, lines } };
}
