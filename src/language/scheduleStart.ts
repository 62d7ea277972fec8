/**
 * Start Talk Now with a schedule, without the editor: which sessions the first step offers
 * (running now or starting within 10 minutes, starred first, then by room; breaks never
 * offered), the rows of that pick, what the status bar says when there is nothing to offer,
 * and the one core edit that writes a session's full heading (and its session page, per
 * `talkCapture.schedule.sessionLink`) under the note's day for it, creating that day in the
 * note's own style when missing. The editor shows the pick and applies the edit
 * (src/vscode/services/scheduleStart.ts).
 */
import type { TextDocument } from '../core/document';
import { noteStartDate, placeSession, type SessionLinkStyle, type SessionPlacement } from '../core/schedule/editor-place';
import { scheduleDays, sessionDescription, sessionTimeRange, sessionsNowOrSoon, type Schedule, type Session } from '../core/schedule/index';
import type { Analyses } from './services';

export interface ScheduleStartSettings {
  /** talkCapture.talkHeadingFormat and talkCapture.keynoteHeadingFormat */
  headingFormats(): { talk?: string; keynote?: string };
  /** talkCapture.talk.includeTime */
  timeFirstInHeadings(): boolean;
  /** talkCapture.day.includeDate */
  dayIncludesDate(): boolean;
  /** talkCapture.schedule.sessionLink */
  sessionLinkStyle(): SessionLinkStyle;
}

/** A row of the session pick; the last one ("Other talk…") has no session. */
export interface SessionRow {
  label: string;
  description: string;
  detail?: string;
  alwaysShow?: boolean;
  session?: Session;
}

/** What the first step of Start Talk Now does with the note's schedule. */
export type SessionOffer =
  /** No pick: today's flow (New Talk…'s questions), with a status bar line saying why when there is one. */
  { kind: 'none'; status?: string } | { kind: 'pick'; sessions: Session[]; rows: SessionRow[] };

/** The placeholder of the session pick. */
export const SESSION_PICK_PLACEHOLDER = 'The session starting now (type to filter, or a title that is not in the schedule)';

/** Sessions now or soon, starred first, then by room, then by start. */
export function sessionsToOffer(schedule: Schedule, at: number, stars: ReadonlySet<string>): Session[] {
  const list = sessionsNowOrSoon(schedule.sessions, at, 10);
  return list
    .map((s, i) => ({ s, i }))
    .sort((a, b) => Number(stars.has(b.s.id)) - Number(stars.has(a.s.id)) || (a.s.room ?? '\uffff').localeCompare(b.s.room ?? '\uffff') || a.i - b.i)
    .map((x) => x.s);
}

/** The rows of the session pick: the sessions (a star on the starred ones), then "Other talk…". */
function sessionRows(sessions: readonly Session[], stars: ReadonlySet<string>): SessionRow[] {
  return [
    ...sessions.map((s) => ({ label: `${stars.has(s.id) ? '$(star-full) ' : ''}${s.title}`, description: sessionDescription(s), detail: sessionTimeRange(s), session: s })),
    { label: '$(edit) Other talk…', description: 'not in the schedule: asks the title, speakers and company', alwaysShow: true },
  ];
}

/**
 * The first step for a note whose front matter names `source`: the pick of the sessions at
 * `at` (ms), or none (the schedule is not imported yet, or nothing runs now or soon).
 */
export function sessionOffer(source: string, schedule: Schedule | undefined, at: number, stars: ReadonlySet<string>): SessionOffer {
  if (!schedule) return { kind: 'none', status: `Talk Capture: the schedule ${source} is not imported yet (Import Conference Schedule…)` };
  const sessions = sessionsToOffer(schedule, at, stars);
  if (sessions.length === 0) return { kind: 'none', status: 'Talk Capture: no session of the schedule runs now or starts within 10 minutes' };
  return { kind: 'pick', sessions, rows: sessionRows(sessions, stars) };
}

export class SessionInserter {
  constructor(private readonly services: Analyses & ScheduleStartSettings) {}

  /** The session's heading (and its day when the note lacks it) on the document's current text; `cursorLine` is 1-based. */
  insertion(doc: TextDocument, schedule: Schedule, session: Session, cursorLine: number): SessionPlacement {
    const a = this.services.analysisOf(doc);
    const formats = this.services.headingFormats();
    return placeSession(doc.getText(), a.model, session, {
      talkFormat: formats.talk,
      keynoteFormat: formats.keynote,
      includeTime: this.services.timeFirstInHeadings(),
      includeDate: this.services.dayIncludesDate(),
      sessionLink: this.services.sessionLinkStyle(),
      scheduleDays: scheduleDays(schedule),
      startDate: noteStartDate(a.frontMatter),
      cursorLine,
    });
  }
}
