/**
 * The code spans of a scanned note (./scan.ts): each paragraph, heading and table row (a group
 * of lines the block scan marked) is searched for backtick runs once, and each run closes at
 * the next run of the same length, also across the lines of a paragraph.
 */
import { itself, upperBound } from '../util/search';
import { work } from '../util/work';

/** Code spans by 0-based line: [start, end) columns. */
type CodeSpans = Map<number, Array<[number, number]>>;

/** Code spans of every paragraph (across its lines), heading and table row that starts on lines [from, n). */
export function findCodeSpans(lines: readonly string[], inlineFrom: Int32Array, groupOf: Int32Array, codeSpans: CodeSpans, from = 0, n = lines.length): void {
  for (let k = from; k < n;) {
    if (groupOf[k] !== k) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < n && groupOf[end] === k) end++;
    spansOfGroup(lines, inlineFrom, codeSpans, k, end);
    k = end;
  }
}

/** Code spans over the lines [a, b) of one paragraph: each backtick run closes at the next run of the same length. */
function spansOfGroup(lines: readonly string[], inlineFrom: Int32Array, codeSpans: CodeSpans, a: number, b: number): void {
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
      work.steps += m;
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
    const at = upperBound(list, after, itself);
    return at < list.length ? list[at] : -1;
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
    work.steps += 1 + bs;
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
      work.steps += ck - k;
      add(ck, 0, cEnd);
    }
    r = close + 1;
  }
}
