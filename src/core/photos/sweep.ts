/**
 * The talk a capture time falls in, for capture times in ascending order: one sweep over the
 * windows (sorted by start) with two heaps, so a batch of P photos against T talks costs
 * O((P + T) log T) however the windows overlap. Each window enters and leaves each heap once.
 */
import type { TalkWindow } from './types';

class Heap<T> {
  private items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get top(): T | undefined {
    return this.items[0];
  }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m])) m = l;
        if (r < a.length && this.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

export type Placement = { window: TalkWindow } | { before: TalkWindow | undefined; after: TalkWindow | undefined };

const endOf = (w: TalkWindow) => w.end ?? w.start;

/**
 * A placer for ascending capture times: the window holding `t` that started last, else the
 * windows around it (the one that ended last before `t`, the next to start). `work.steps` counts
 * heap operations and windows passed (tests).
 */
export function windowPlacer(windows: readonly TalkWindow[], work?: { steps: number }): (t: number) => Placement {
  const byStart = [...windows].sort((a, b) => a.start - b.start || a.line - b.line);
  const open = new Heap<TalkWindow>((a, b) => a.start > b.start || (a.start === b.start && a.line < b.line));
  const ending = new Heap<TalkWindow>((a, b) => endOf(a) < endOf(b));
  let next = 0;
  let ended: TalkWindow | undefined;
  let last = -Infinity;
  return (t) => {
    if (t < last) throw new Error('capture times must come in ascending order');
    last = t;
    for (; next < byStart.length && byStart[next].start <= t; next++) {
      open.push(byStart[next]);
      ending.push(byStart[next]);
      if (work) work.steps += 2;
    }
    for (let w = ending.top; w && endOf(w) <= t; w = ending.top) {
      ending.pop();
      if (work) work.steps++;
      if (!ended || endOf(w) >= endOf(ended)) ended = w;
    }
    for (let w = open.top; w && endOf(w) <= t; w = open.top) {
      open.pop();
      if (work) work.steps++;
    }
    const holding = open.top;
    return holding ? { window: holding } : { before: ended, after: byStart[next] };
  };
}
