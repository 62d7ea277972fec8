/**
 * The publish check's schedule hint (no `vscode` import): a talk heading whose title names a
 * session of the note's schedule but whose speaker names differ from the session's (a typo such
 * as `Ana Lma`), with the closest name of the schedule as the suggestion.
 */
import type { NotesModel, Talk } from '../notes/model';
import type { Schedule } from './model';
import { findSessionByTitle, scheduleDays, speakerDifferences } from './query';
import { noteDayDate, type DayContext } from './editor-place';

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

/** Edit distance, for short names only (both capped at 80 characters). */
function distance(a: string, b: string): number {
  const x = a.slice(0, 80).toLowerCase();
  const y = b.slice(0, 80).toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** Hints for the note's talks (hidden drafts left out). */
export function speakerHints(lines: readonly string[], model: NotesModel, schedule: Schedule, ctx: Partial<DayContext> = {}): SpeakerHint[] {
  const dayCtx: DayContext = { scheduleDays: ctx.scheduleDays ?? scheduleDays(schedule), startDate: ctx.startDate };
  const talks: Array<{ talk: Talk; date?: string }> = [
    ...model.talks.map((talk) => ({ talk })),
    ...model.days.flatMap((d) => {
      const date = noteDayDate(d, dayCtx);
      return d.talks.map((talk) => ({ talk, date }));
    }),
  ];
  const hints: SpeakerHint[] = [];
  for (const { talk, date } of talks) {
    if (talk.hidden || talk.speakers.length === 0) continue;
    const session = findSessionByTitle(schedule.sessions, talk.title, date);
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
