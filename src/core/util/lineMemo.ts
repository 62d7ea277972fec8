/**
 * Answers per line that live from one version of a note to the next: a pass over the new
 * version takes a line's answer from the pass over an older version when the line diff
 * (./lineDiff.ts) says the line is unchanged and the line is read in the same `context` (a
 * short string: where its inline content starts, an open comment...). Looked up by line
 * number, not by text: no hashing, nothing kept for lines that are gone.
 */
import { oldLineOf, type LineDiff } from './lineDiff';

export class LineMemo<V> {
  private readonly contexts: Array<string | undefined> = [];
  private readonly values: Array<V | undefined> = [];
  private from: { memo: LineMemo<V>; diff: LineDiff } | undefined;

  /** A memo that starts from `memo` (an older version's, filled by its pass) across `diff`. */
  static after<V>(memo: LineMemo<V> | undefined, diff: LineDiff | undefined): LineMemo<V> {
    const m = new LineMemo<V>();
    if (memo && diff) m.from = { memo, diff };
    return m;
  }

  /** The answer for `line` read in `context`, taken from the older version (and kept for the next). */
  get(line: number, context: string): V | undefined {
    if (!this.from) return undefined;
    const j = oldLineOf(this.from.diff, line);
    if (j < 0) return undefined;
    const old = this.from.memo;
    if (old.contexts[j] !== context) return undefined;
    const value = old.values[j];
    if (value !== undefined) this.set(line, context, value);
    return value;
  }

  set(line: number, context: string, value: V): void {
    this.contexts[line] = context;
    this.values[line] = value;
  }

  /** The pass is over: the older version's answers are no longer needed. */
  done(): this {
    this.from = undefined;
    return this;
  }
}
