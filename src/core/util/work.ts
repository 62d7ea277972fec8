/**
 * A count of the work the core does, for tests that prove "once per version" and "linear in the
 * input" by counting instead of timing: how many block scans, model builds, inline scans and
 * mention passes ran, and `steps`, bumped in the inner loops of the block scanner, the inline
 * scanner and the mention matcher. A plain object of integers: incrementing it costs nothing
 * worth measuring. Read it with {@link workCounts}, zero it with {@link resetWork}.
 */
export interface WorkCounts {
  /** Block scans of a whole note (notes/scan.ts `scanBlocks`). */
  blockScans: number;
  /** Notes models built from blocks (notes/build.ts). */
  modelBuilds: number;
  /** Inline scans: prose runs and links from the blocks (landscape/scan.ts). */
  inlineScans: number;
  /** Passes of the mention matcher over a note (landscape/matcher.ts `findMentions`). */
  mentionPasses: number;
  /** Front matter blocks given to the YAML or TOML parser. */
  frontMatterParses: number;
  /** Inner-loop steps of the scanners and the matcher. */
  steps: number;
}

/** The counters; the scanners write to it directly (`work.steps++`). */
export const work: WorkCounts = { blockScans: 0, modelBuilds: 0, inlineScans: 0, mentionPasses: 0, frontMatterParses: 0, steps: 0 };

/** A copy of the counters as they are now. */
export function workCounts(): WorkCounts {
  return { ...work };
}

/** Sets every counter back to 0. */
export function resetWork(): void {
  for (const key of Object.keys(work) as Array<keyof WorkCounts>) work[key] = 0;
}
