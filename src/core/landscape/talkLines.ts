/** Which talk holds each line of a note: one sweep over the lines with a heap of the talks begun so far. */

/**
 * For each of `lines` (1-based) that a talk's section (line .. endLine) holds, the first line
 * of the one that starts last (lines outside every talk are left out). One sweep over the lines in order with a
 * heap of the talks begun so far (latest start on top; a talk ended before the current line
 * is dropped when it comes to the top): O((talks + lines) log talks), for talks in any order,
 * nested or overlapping.
 */
export function talkLinesAt(talks: ReadonlyArray<{ line: number; endLine: number }>, lines: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  const queries = [...new Set(lines)].sort((a, b) => a - b);
  const sorted = [...talks].sort((a, b) => a.line - b.line);
  const heap: Array<{ line: number; endLine: number }> = [];
  const up = (i: number) => {
    const t = heap[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p].line >= t.line) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  };
  const down = (i: number) => {
    const t = heap[i];
    const n = heap.length;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heap[c + 1].line > heap[c].line) c++;
      if (heap[c].line <= t.line) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = t;
  };
  let k = 0;
  for (const q of queries) {
    while (k < sorted.length && sorted[k].line <= q) {
      heap.push(sorted[k++]);
      up(heap.length - 1);
    }
    // Lines only grow: a talk that ended before this one holds none of the rest.
    while (heap.length && !(q <= heap[0].endLine)) {
      const last = heap.pop()!;
      if (heap.length) {
        heap[0] = last;
        down(0);
      }
    }
    if (heap.length) out.set(q, heap[0].line);
  }
  return out;
}
