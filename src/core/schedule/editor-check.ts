/**
 * The publish check's schedule hint (no `vscode` import): a talk heading whose title names a
 * session of the note's schedule but whose speaker names differ from the session's (a typo such
 * as `Ana Lma`), with the closest name of the schedule as the suggestion.
 */
import { editDistance } from '../util/editDistance';
import type { NotesModel } from '../notes/model';
import type { Schedule } from './model';
import { scheduleDays, speakerDifferences } from './query';
import type { DayContext } from './editor-place';
import { matchSession, noteTalks } from './sessionMatch';

export interface SpeakerHint {
  /** 1-based line of the heading; 1-based columns of the name (endColumn exclusive). */
  line: number;
  column: number;
  endColumn: number;
  written: string;
  /** The schedule's name closest to the written one. */
  suggestion: string;
  sessionTitle: string;
  message: string;
}

/** Edit distance of two names, case aside (both capped at 80 characters). */
function distance(a: string, b: string): number {
  return editDistance(a.slice(0, 80).toLowerCase(), b.slice(0, 80).toLowerCase(), 80);
}

/** Hints for the note's talks (hidden drafts left out). */
export function speakerHints(lines: readonly string[], model: NotesModel, schedule: Schedule, ctx: Partial<DayContext> = {}): SpeakerHint[] {
  const dayCtx: DayContext = { scheduleDays: ctx.scheduleDays ?? scheduleDays(schedule), startDate: ctx.startDate };
  const hints: SpeakerHint[] = [];
  for (const talk of noteTalks(lines, model, dayCtx)) {
    if (talk.hidden || !talk.speakers?.length) continue;
    const session = matchSession(talk, schedule).match?.session;
    if (!session || session.speakers.length === 0) continue;
    const { unknown, missing } = speakerDifferences(session, talk.speakers);
    if (unknown.length === 0 || missing.length === 0) continue;
    const lineText = lines[talk.line - 1] ?? '';
    for (const written of unknown) {
      let suggestion = missing[0];
      let best = distance(written, suggestion);
      for (const m of missing.slice(1)) {
        const d = distance(written, m);
        if (d < best) [best, suggestion] = [d, m];
      }
      // Only a near miss is a typo; another name altogether is the writer's choice.
      if (best > Math.max(2, Math.floor(suggestion.length / 3))) continue;
      const at = lineText.indexOf(written);
      hints.push({
        line: talk.line,
        column: at >= 0 ? at + 1 : 1,
        endColumn: at >= 0 ? at + 1 + written.length : lineText.length + 1,
        written,
        suggestion,
        sessionTitle: session.title,
        message: `“${written}” is not a speaker of “${session.title}” in the schedule: did you mean ${suggestion}?`,
      });
    }
  }
  return hints;
}
