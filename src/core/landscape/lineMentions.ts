/**
 * The mentions of each line, remembered from one version of a note to the next: matching a
 * line depends on that line's text and its prose runs only (the rules look no further than the
 * line: boundaries, sentence starts, the byline of a heading, a version after the name), so a
 * keystroke re-matches the one line it changed and takes the others' mentions as they were,
 * moved to their new offsets. What depends on the whole note (a probable mention confirmed by
 * evidence elsewhere) is decided afresh on every pass. One memo belongs to one index and scope.
 */
import type { LandscapeEntry } from './landscapeIndex';
import type { MentionAction } from './mentionRules';
import type { ProseRun } from './proseScan';
import type { LineMemo } from '../util/lineMemo';

/** A mention found on a line, relative to the line's start. */
interface LineMention {
  start: number;
  end: number;
  entry: LandscapeEntry;
  action: MentionAction;
  reason: 'name' | 'typo' | 'uncertain';
  /** Waiting for evidence elsewhere in the note (`Porter bundles...`). */
  pending: boolean;
}

/** The mentions of each line from one version's pass, for the next (one memo per index and scope). */
export type LineMentionMemo = LineMemo<readonly LineMention[]>;

/** What a line's matching depends on besides its text (the line diff vouches for that): where its prose runs are and whether it is a heading. */
export function mentionContextOf(runs: readonly ProseRun[], from: number, to: number): string {
  const lineStart = runs[from].lineStart;
  let context = runs[from].heading ? 'h' : 'p';
  for (let r = from; r < to; r++) context += `${runs[r].start - lineStart},${runs[r].end - lineStart};`;
  return context;
}
