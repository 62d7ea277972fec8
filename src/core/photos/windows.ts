/**
 * The time each talk of a note ran, for placing photos by capture time. A talk's window comes
 * from, in order: its schedule session (the `[Session page](url)` link under its heading, else
 * a session of the same title), the times Start Talk Now and End Talk recorded, a time in its
 * heading (`### 14:30 Title`, `### 14:30-15:05 Title`) on the date of the day it sits under.
 * A start without an end runs until the next talk starts (at most `OPEN_END_MINUTES`); a
 * session's end counts `graceMinutes` longer (questions). One parse of the note, one pass over
 * each talk's lines.
 */
import { openFrontMatter } from '../frontmatter/fields';
import { parseNotes } from '../notes/parse';
import type { Day, NotesModel, Talk } from '../notes/model';
import { splitLines } from '../util/lines';
import { noteDayDate, noteStartDate } from '../schedule/editor-place';
import { scheduleDays, sessionTimes } from '../schedule/query';
import { matchSession } from '../schedule/sessionMatch';
import { localToInstant } from '../schedule/time';
import type { Session } from '../schedule/model';
import type { TalkWindow, WindowOptions } from './types';

/** Minutes after a session's end that still count as the talk (questions, the last slide). */
export const DEFAULT_GRACE_MINUTES = 10;

/** A talk with a start and no end, and no talk after it, runs this long at most. */
const OPEN_END_MINUTES = 120;

/** A link in a line: `](https://…)`; one bounded pass per line. */
const LINK = /\]\((https?:\/\/[^\s)]+)\)/g;

/** The talks a photo can go under: visible talks (not hidden drafts), with the day each sits in. */
function talksWithDays(model: NotesModel): { talk: Talk; day: Day | null }[] {
  const out: { talk: Talk; day: Day | null }[] = model.talks.filter((t) => !t.hidden).map((talk) => ({ talk, day: null }));
  for (const day of model.days) for (const talk of day.talks) if (!talk.hidden) out.push({ talk, day });
  return out.sort((a, b) => a.talk.line - b.talk.line);
}

/** The session whose page a talk links (first link in its section that is a session's URL). */
function linkedSession(lines: readonly string[], talk: Talk, byUrl: ReadonlyMap<string, Session>): Session | undefined {
  if (byUrl.size === 0) return undefined;
  for (let l = talk.line + 1; l <= talk.endLine && l <= lines.length; l++) {
    for (const m of lines[l - 1].matchAll(LINK)) {
      const s = byUrl.get(m[1]);
      if (s) return s;
    }
  }
  return undefined;
}

const CLOCK = /^(\d{1,2})[:.](\d{2})(?:\s*[-–]\s*(\d{1,2})[:.](\d{2}))?$/;

/** A heading time (`14:30` or `14:30-15:05`) on `date` in `zone`: start and end (null without one). */
function headingTimes(time: string, date: string, zone: string): { start: number; end: number | null } | undefined {
  const m = CLOCK.exec(time.trim());
  if (!m) return undefined;
  const [year, month, day] = date.split('-').map(Number);
  const at = (h: string, min: string) => (Number(h) < 24 && Number(min) < 60 ? localToInstant({ year, month, day, hour: Number(h), minute: Number(min), second: 0 }, zone) : NaN);
  const start = at(m[1], m[2]);
  const end = m[3] ? at(m[3], m[4]) : null;
  if (Number.isNaN(start)) return undefined;
  return { start, end: end !== null && !Number.isNaN(end) && end > start ? end : null };
}

/** Talk windows of a parsed note, sorted by start (then line). */
export function windowsOfModel(text: string, model: NotesModel, options: WindowOptions): TalkWindow[] {
  const lines = splitLines(text);
  const sessions = options.schedule?.sessions ?? [];
  const byUrl = new Map<string, Session>();
  for (const s of sessions) if (s.url && s.kind !== 'break') byUrl.set(s.url, s);
  const timers = new Map<string, { start: number; end: number | null }>();
  for (const t of options.talkTimes ?? []) {
    const start = Date.parse(t.start);
    const end = t.end ? Date.parse(t.end) : NaN;
    if (!Number.isNaN(start)) timers.set(t.heading.trim(), { start, end: Number.isNaN(end) || end <= start ? null : end });
  }
  const grace = Math.max(0, options.graceMinutes ?? DEFAULT_GRACE_MINUTES) * 60000;
  const ctx = { scheduleDays: options.schedule ? scheduleDays(options.schedule) : [], startDate: noteStartDate(openFrontMatter(text)) };
  const impliedDate = model.impliedDay ? noteDayDate({ title: model.impliedDay }, ctx) : undefined;
  const out: TalkWindow[] = [];
  for (const { talk, day } of talksWithDays(model)) {
    const date = day ? noteDayDate(day, ctx) : (impliedDate ?? ctx.startDate);
    const base = { line: talk.line, title: talk.title };
    const session =
      linkedSession(lines, talk, byUrl) ??
      (sessions.length ? (matchSession({ title: talk.title, speakers: talk.speakers, day: date }, { sessions }).match?.session ?? undefined) : undefined);
    if (session) {
      const { start, end } = sessionTimes(session);
      out.push({ ...base, start, end: end + grace, source: 'schedule' });
      continue;
    }
    const timer = timers.get(talk.heading.trim()) ?? timers.get(talk.title.trim());
    if (timer) {
      out.push({ ...base, start: timer.start, end: timer.end, source: 'timer' });
      continue;
    }
    const fromHeading = talk.time && date ? headingTimes(talk.time, date, options.timeZone) : undefined;
    if (fromHeading) out.push({ ...base, start: fromHeading.start, end: fromHeading.end, source: 'heading' });
  }
  out.sort((a, b) => a.start - b.start || a.line - b.line);
  // An open end runs until the next later start, at most OPEN_END_MINUTES (one pass from the end).
  let nextStart = Infinity;
  for (let i = out.length - 1; i >= 0; i--) {
    const w = out[i];
    if (w.end === null) w.end = Math.min(w.start + OPEN_END_MINUTES * 60000, nextStart);
    if (i > 0 && out[i - 1].start < w.start) nextStart = w.start;
  }
  return out;
}

/** The time each talk of the note ran (talks without a known time are left out), sorted by start. */
export function talkWindows(text: string, options: WindowOptions): TalkWindow[] {
  return windowsOfModel(text, parseNotes(text, { dayHeadingPattern: options.dayHeadingPattern, fileName: options.fileName }), options);
}
