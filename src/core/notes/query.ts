/** Questions about a notes model: which talk or day holds a line, all talks in order, counts. */
import type { Day, NotesModel, Talk } from './model';
import { upperBound } from '../util/search';

/** Every talk of the note in document order (talks of days and talks outside days). */
export function allTalks(model: NotesModel): Talk[] {
  const out: Talk[] = [...model.talks];
  for (const d of model.days) out.push(...d.talks);
  return out.sort((a, b) => a.line - b.line);
}

/** The talk whose lines (heading to end) hold 1-based `line1`, hidden drafts included. */
export function findTalkAt(model: NotesModel, line1: number): Talk | undefined {
  return talkFinder(model)(line1);
}

/**
 * A lookup of the talk holding a line, for many lines of one model: the talks are sorted
 * once, each lookup is a binary search (the last talk starting at or before the line, and
 * the talks before it whose sections still hold it, as `findTalkAt` reads them).
 */
export function talkFinder(model: NotesModel): (line1: number) => Talk | undefined {
  const talks = allTalks(model);
  // reach[i]: the talk among talks[0..i] whose lines go furthest (to stop the walk back early).
  const reach: number[] = [];
  let best = -1;
  for (let i = 0; i < talks.length; i++) {
    if (best === -1 || talks[i].endLine >= talks[best].endLine) best = i;
    reach.push(best);
  }
  return (line1: number) => {
    const lo = upperBound(talks, line1, (t) => t.line);
    // talks[0..lo) start at or before the line: the last of them that still holds it.
    for (let i = lo - 1; i >= 0; i--) {
      if (line1 <= talks[i].endLine) return talks[i];
      const r = reach[i];
      if (talks[r].endLine < line1) return undefined;
    }
    return undefined;
  };
}

/** The day whose lines hold 1-based `line1`. */
export function findDayAt(model: NotesModel, line1: number): Day | undefined {
  return model.days.find((d) => d.line <= line1 && line1 <= d.endLine);
}

/** Number of visible (not hidden) talks of a day. */
export function visibleTalkCount(talks: readonly Talk[]): number {
  return talks.filter((t) => !t.hidden).length;
}
