/**
 * The mentions of each line, remembered from one version of a note to the next: matching a
 * line depends on that line's text and its prose runs only (the rules look no further than the
 * line: boundaries, sentence starts, the byline of a heading, a version after the name), so a
 * keystroke re-matches the one line it changed and takes the others' mentions as they were,
 * moved to their new offsets. What depends on the whole note (a probable mention confirmed by
 * evidence elsewhere) is decided afresh on every pass. One memo belongs to one index and scope.
 */
import type { LandscapeEntry } from './index';
import type { MentionAction } from './mentionRules';
import type { ProseRun } from './scan';

/** A mention found on a line, relative to the line's start. */
export interface LineMention {
  start: number;
  end: number;
  entry: LandscapeEntry;
  action: MentionAction;
  reason: 'name' | 'typo' | 'uncertain';
  /** Waiting for evidence elsewhere in the note (`Porter bundles...`). */
  pending: boolean;
}

/** Lines remembered at most (a note of more lines matches the rest afresh). */
const MAX_LINES = 200_000;

export class LineMentionMemo {
  private previous = new Map<string, readonly LineMention[]>();
  private current = new Map<string, readonly LineMention[]>();

  /** A memo for the next version: what this pass matched, and nothing older. */
  next(): LineMentionMemo {
    const m = new LineMentionMemo();
    m.previous = this.current.size ? this.current : this.previous;
    return m;
  }

  /** The key of a line's matching: its text and where its prose runs are (and whether it is a heading). */
  static keyOf(text: string, runs: readonly ProseRun[], from: number, to: number, lineEnd: number): string {
    const lineStart = runs[from].lineStart;
    let key = `${runs[from].heading ? 'h' : 'p'}${text.slice(lineStart, lineEnd)}\u0000`;
    for (let r = from; r < to; r++) key += `${runs[r].start - lineStart},${runs[r].end - lineStart};`;
    return key;
  }

  get(key: string): readonly LineMention[] | undefined {
    const hit = this.current.get(key) ?? this.previous.get(key);
    if (hit && this.current.size < MAX_LINES) this.current.set(key, hit);
    return hit;
  }

  set(key: string, mentions: readonly LineMention[]): void {
    if (this.current.size < MAX_LINES) this.current.set(key, mentions);
  }
}
