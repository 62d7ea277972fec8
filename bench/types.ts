/** One figure of `npm run bench`. */
export interface BenchRow {
  /** Which part: notes, landscape, ... */
  suite: string;
  /** What was measured, e.g. "outline 3,000 lines (median)". */
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'ratio' | 'count' | 'lines' | '%';
  /** The peer measured in the same run (markdown-it, a naive regex baseline, ...). */
  peer?: { name: string; value: number };
  /** The goal as text ("≤ 10 ms"), and whether this run met it. */
  goal?: string;
  pass?: boolean;
}

/** A bench module (bench/<name>.bench.ts) exports `run`. */
export type BenchSuite = () => Promise<BenchRow[]>;

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Times `fn` `runs` times (after `warmup` untimed runs); returns the durations in ms. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}
