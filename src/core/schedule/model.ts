/**
 * The conference-schedule model: one shape for every source (Sched and other iCalendar files,
 * pretalx/frab JSON and XML, Sessionize). Plain data only (strings, arrays, null), so a schedule
 * can be stored as JSON (the editor's offline copy) and compared across re-imports.
 */

/** What a session is. Breaks, registration, meals and badge pick-up are `break`. */
export type SessionKind = 'talk' | 'keynote' | 'lightning' | 'panel' | 'workshop' | 'contribfest' | 'bof' | 'break' | 'other';

/** The format a schedule was read from. */
export type ScheduleFormat = 'sched-ics' | 'ics' | 'pretalx-json' | 'pretalx-xml' | 'sessionize-json';

export interface Session {
  /** Stable across downloads: the iCalendar UID, pretalx guid, Sessionize id. */
  id: string;
  /** The title without byline, kind prefixes (`Keynote: `) and notes such as `[SOLD OUT]`. */
  title: string;
  /** Speaker names, in the order the source gives them. */
  speakers: string[];
  /** Companies, in order, each once. */
  companies: string[];
  /** The byline as the source wrote it (Sched), or composed from speakers and companies; null when none. */
  byline: string | null;
  room: string | null;
  track: string | null;
  kind: SessionKind;
  /** ISO 8601 with the conference's UTC offset at that instant: `2026-03-24T09:15:00+01:00`. */
  start: string;
  /** Same form as `start`; never before it. */
  end: string;
  /** The session's page, when the source has one (`http:`/`https:` only). */
  url: string | null;
  /**
   * Links and attachments the source lists for the session (pretalx/frab `links` and
   * `attachments`, Sessionize `recordingUrl`), http(s) only; absent when none.
   */
  links?: SessionLink[];
}

/** A link a schedule lists for a session: slides (attachments, PDF), a recording (video sites) or other. */
export interface SessionLink {
  title: string | null;
  url: string;
  kind: 'slides' | 'recording' | 'other';
}

export interface Schedule {
  /** Where it was read from (a URL or a file path), as the caller gave it. */
  source: string;
  format: ScheduleFormat;
  /** The conference's name when the source says it. */
  title: string | null;
  /** IANA zone the times are written in (the conference's). */
  timeZone: string;
  /** Sorted by start, then room, then title. */
  sessions: Session[];
  /** Items of the file that were left out, each named with the reason (`'Title' (id 12): …`); absent when none. */
  skipped?: string[];
}

/** A schedule that cannot be read: the message says why, in one line. */
export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}
