/**
 * A memo that lives from one version of a note to the next: answers computed for this version
 * (`set`, or taken over by `get`) are what the next version's memo starts from (`next()`);
 * answers no version asked for again are dropped. For results that depend on one line or one
 * heading of a note, not on the rest, so a keystroke recomputes only what it changed. Bounded.
 */
export class Generations<V> {
  private previous = new Map<string, V>();
  private current = new Map<string, V>();

  constructor(private readonly max = 200_000) {}

  /** The memo for the next version: what this one used. */
  next(): Generations<V> {
    const g = new Generations<V>(this.max);
    g.previous = this.current.size ? this.current : this.previous;
    return g;
  }

  get(key: string): V | undefined {
    const hit = this.current.get(key) ?? this.previous.get(key);
    if (hit !== undefined) this.set(key, hit);
    return hit;
  }

  set(key: string, value: V): void {
    if (this.current.size < this.max) this.current.set(key, value);
  }

  /**
   * The answer remembered for a line of text (`key`: the line's own string, whose hash the
   * engine keeps with it) read in `context` (a short string: where the line's inline content
   * starts, an open comment...): undefined when the line was last read in another context.
   */
  getIn<T>(this: Generations<{ context: string; value: T }>, key: string, context: string): T | undefined {
    const hit = this.get(key);
    return hit && hit.context === context ? hit.value : undefined;
  }

  /** Remembers the answer for a line read in `context` (see {@link getIn}). */
  setIn<T>(this: Generations<{ context: string; value: T }>, key: string, context: string, value: T): void {
    this.set(key, { context, value });
  }

  /** The remembered answer for `key`, else `compute()` remembered. */
  of(key: string, compute: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }
}
