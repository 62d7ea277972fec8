/**
 * Appending to a bracketed list written in the text, `[a, b]` (a YAML flow sequence or a TOML
 * array), in the way it is already written: on one line with its separator, or one item a line
 * with its indentation and trailing-comma habit. Only inserts: nothing of the list is rewritten.
 */
import type { OffsetEdit } from './types';

export interface Span {
  start: number;
  end: number;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset` (before `\r\n` or `\n`). */
function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function leadingSpace(s: string): string {
  return /^[ \t]*/.exec(s)![0];
}

/**
 * Edits appending the already rendered `values` to the list whose `[` is at `open` and `]` at
 * `close`, holding `items` (in order).
 */
export function appendToBracketList(text: string, open: number, close: number, items: readonly Span[], values: readonly string[], eol: string): OffsetEdit[] {
  if (values.length === 0) return [];
  const multiLine = text.slice(open, close).includes('\n');
  if (items.length === 0) {
    if (!multiLine) return [{ start: open + 1, end: close, text: values.join(', ') }];
    const indent = leadingSpace(text.slice(lineStartOf(text, open))) + '  ';
    return [{ start: open + 1, end: open + 1, text: values.map((v) => `${eol}${indent}${v},`).join('') }];
  }
  const last = items[items.length - 1];
  let p = last.end;
  while (text[p] === ' ' || text[p] === '\t') p++;
  const comma = text[p] === ',' ? p : -1;
  if (!multiLine) {
    let sep = ', ';
    if (items.length >= 2) {
      const between = text.slice(items[0].end, items[1].start);
      if (/^[ \t]*,[ \t]*$/.test(between)) sep = between;
    }
    if (comma === -1) return [{ start: last.end, end: last.end, text: values.map((v) => sep + v).join('') }];
    const after = sep.slice(sep.indexOf(',') + 1);
    return [{ start: comma + 1, end: comma + 1, text: values.map((v) => `${after}${v},`).join('') }];
  }
  const lineStart = lineStartOf(text, last.start);
  const before = text.slice(lineStart, last.start);
  const indent = /^[ \t]*$/.test(before) ? before : leadingSpace(before);
  const anchor = comma === -1 ? last.end : comma + 1;
  const lineEnd = lineEndOf(text, anchor);
  const closeOnLine = close >= anchor && close < lineEnd;
  if (comma !== -1) {
    const at = closeOnLine ? anchor : lineEnd;
    return [{ start: at, end: at, text: values.map((v) => `${eol}${indent}${v},`).join('') }];
  }
  const added = values.map((v) => `${eol}${indent}${v}`).join(',');
  if (closeOnLine || lineEnd === last.end) return [{ start: last.end, end: last.end, text: ',' + added }];
  return [
    { start: last.end, end: last.end, text: ',' },
    { start: lineEnd, end: lineEnd, text: added },
  ];
}

export { lineEndOf, lineStartOf };
