/**
 * The one answer to "which session is this talk" (issue 22): a talk of a note (its title as
 * written, speakers, day, session URLs in its section) matched to a session of the schedule.
 */
import type { NotesModel } from '../notes/model';
import type { Schedule } from './model';
import type { DayContext } from './editor-place';
import type { NoteTalk, SessionMatchResult, TalkQuery } from '../published/types';

/** The session a talk is, or null with the best candidates (best first, the talk's day first). */
export function matchSession(query: TalkQuery, schedule: Pick<Schedule, 'sessions'>): SessionMatchResult {
  void query;
  void schedule;
  return { match: null, candidates: [] };
}

/** The note's talks with their day's date and the session URLs written in their sections. */
export function noteTalks(text: string, model: NotesModel, ctx: DayContext): NoteTalk[] {
  void text;
  void model;
  void ctx;
  return [];
}
