/**
 * Questions the editor asks a schedule: what runs at an instant, what runs now or starts soon,
 * what comes next, which days there are, what changed since the last import, and a summary.
 * Instants are `Date`s or milliseconds since the epoch; sessions keep their order.
 */
import type { Schedule, Session } from './model';
import { compareSessions } from './readerCommon';
import { formatInstant, localDate } from './time';
import { plural } from '../util/plural';

export {};

type Instant = Date | number;
const ms = (t: Instant) => (typeof t === 'number' ? t : t.getTime());

const times = new WeakMap<Session, { start: number; end: number }>();

/** A session's start and end in ms since the epoch (parsed once per session object). */
export function sessionTimes(s: Session): { start: number; end: number } {
  let t = times.get(s);
  if (!t) {
    t = { start: Date.parse(s.start), end: Date.parse(s.end) };
    times.set(s, t);
  }
  return t;
}

export interface SessionFilter {
  /** Also breaks (registration, meals): off by default, breaks are never offered as talks. */
  includeBreaks?: boolean;
}

const offered = (s: Session, f: SessionFilter | undefined) => f?.includeBreaks || s.kind !== 'break';

/** Sorts sessions by start, then room (none last), then title. Returns a new array. */
function sortSessions(sessions: readonly Session[]): Session[] {
  return [...sessions].sort(compareSessions);
}

/** Sessions running at `at` (start ≤ at < end; a session without length runs at its start), in schedule order. Breaks included unless `includeBreaks: false`. */
export function sessionsAt(sessions: readonly Session[], at: Instant, filter: SessionFilter = { includeBreaks: true }): Session[] {
  const t = ms(at);
  return sessions.filter((s) => {
    const { start, end } = sessionTimes(s);
    return offered(s, filter) && start <= t && (t < end || (start === end && t === start));
  });
}

/**
 * The sessions for Start Talk Now: running at `at` or starting within `minutes` after it,
 * breaks left out, sorted by start then room (the editor puts starred ones first).
 */
export function sessionsNowOrSoon(sessions: readonly Session[], at: Instant, minutes = 10, filter?: SessionFilter): Session[] {
  const t = ms(at);
  const until = t + minutes * 60000;
  return sortSessions(
    sessions.filter((s) => {
      const { start, end } = sessionTimes(s);
      return offered(s, filter) && ((start <= t && t < end) || (start >= t && start <= until) || (start === end && start === t));
    }),
  );
}

/** The first session starting after `at` (breaks left out unless asked; `accept` narrows, e.g. to starred ones); undefined at the end. */
export function nextSession(sessions: readonly Session[], at: Instant, options: SessionFilter & { accept?: (s: Session) => boolean } = {}): Session | undefined {
  const t = ms(at);
  let best: Session | undefined;
  for (const s of sessions) {
    if (!offered(s, options) || (options.accept && !options.accept(s))) continue;
    const start = sessionTimes(s).start;
    if (start > t && (!best || start < sessionTimes(best).start || (start === sessionTimes(best).start && compareSessions(s, best) < 0))) best = s;
  }
  return best;
}

/** The conference-local date (`YYYY-MM-DD`) a session starts on, in `timeZone` (the schedule's by default: its start text already carries it). */
export function sessionDay(s: Session, timeZone?: string): string {
  return timeZone ? localDate(s.start, timeZone) : s.start.slice(0, 10);
}

/** The conference's days: the distinct local dates sessions start on, in order. */
export function scheduleDays(schedule: Pick<Schedule, 'sessions'>): string[] {
  return [...new Set(schedule.sessions.map((s) => sessionDay(s)))].sort();
}

/** The sessions of one conference-local day (`YYYY-MM-DD`), in schedule order. */
export function sessionsOnDay(schedule: Pick<Schedule, 'sessions'>, day: string): Session[] {
  return schedule.sessions.filter((s) => sessionDay(s) === day);
}

/** The local start time `HH:MM` of a session as the schedule writes it (the conference's clock). */
export function sessionClock(s: Session): string {
  return s.start.slice(11, 16);
}

/** `09:15–09:45`: the local start and end of a session. */
export function sessionTimeRange(s: Session): string {
  return `${s.start.slice(11, 16)}–${s.end.slice(11, 16)}`;
}

/** `Ana Lima & Bo Chen · Hall 7 | Room B`: the speakers (else the byline) and the room. */
export function sessionDescription(s: Session): string {
  const who = s.speakers.length ? s.speakers.join(', ') : (s.byline ?? '');
  return [who, s.room ?? ''].filter(Boolean).join(' · ');
}

/** The same schedule with its times written in another zone (`talkCapture.schedule.timeZone` changed after import). */
export function withTimeZone(schedule: Schedule, timeZone: string): Schedule {
  if (timeZone === schedule.timeZone) return schedule;
  return {
    ...schedule,
    timeZone,
    sessions: schedule.sessions.map((s) => {
      const t = sessionTimes(s);
      return { ...s, start: formatInstant(t.start, timeZone), end: formatInstant(t.end, timeZone) };
    }),
  };
}

/** Minutes left in a session at `at` (0 when over, its length before it starts). */
export function minutesLeft(s: Session, at: Instant): number {
  const { start, end } = sessionTimes(s);
  return Math.max(0, Math.ceil((end - Math.max(ms(at), start)) / 60000));
}

// ---------------------------------------------------------------------------------------------
// Re-imports

const FIELDS: ReadonlyArray<keyof Session> = ['title', 'speakers', 'companies', 'byline', 'room', 'track', 'kind', 'start', 'end', 'url', 'links'];

interface SessionChange {
  before: Session;
  after: Session;
  /** What differs (`start` and `end` compared as instants). */
  fields: Array<keyof Session>;
}

export interface ScheduleDiff {
  added: Session[];
  changed: SessionChange[];
  removed: Session[];
  unchanged: number;
}

function same(a: Session, b: Session, f: keyof Session): boolean {
  if (f === 'start' || f === 'end') return Date.parse(a[f]) === Date.parse(b[f]);
  // Slides and recordings listed after the event (a re-imported pretalx or Sessionize file) are a change.
  if (f === 'links') return JSON.stringify(a.links ?? []) === JSON.stringify(b.links ?? []);
  const x = a[f];
  const y = b[f];
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
  return x === y;
}

/** What a re-import changes, matching sessions by id (Sched's SEQUENCE never changes, so content is compared). */
export function diffSchedules(before: Pick<Schedule, 'sessions'>, after: Pick<Schedule, 'sessions'>): ScheduleDiff {
  const old = new Map(before.sessions.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const diff: ScheduleDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const s of after.sessions) {
    seen.add(s.id);
    const o = old.get(s.id);
    if (!o) {
      diff.added.push(s);
      continue;
    }
    const fields = FIELDS.filter((f) => !same(o, s, f));
    if (fields.length) diff.changed.push({ before: o, after: s, fields });
    else diff.unchanged++;
  }
  for (const s of before.sessions) if (!seen.has(s.id)) diff.removed.push(s);
  return diff;
}

/** `12 added, 3 changed, 1 removed` (or `no changes`). */
export function describeDiff(diff: ScheduleDiff): string {
  const parts = [
    diff.added.length && `${diff.added.length} added`,
    diff.changed.length && `${diff.changed.length} changed`,
    diff.removed.length && `${diff.removed.length} removed`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

/** `612 sessions over 4 days, Europe/Amsterdam` (breaks not counted as sessions). */
export function summarizeSchedule(schedule: Schedule): string {
  const n = schedule.sessions.filter((s) => s.kind !== 'break').length;
  const days = scheduleDays(schedule).length;
  return `${plural(n, 'session')} over ${plural(days, 'day')}, ${schedule.timeZone}`;
}

// ---------------------------------------------------------------------------------------------
// People and titles

/** Every speaker and company of a schedule, each once, sorted (New Talk…'s suggestions). */
export function schedulePeople(schedule: Pick<Schedule, 'sessions'>): { speakers: string[]; companies: string[] } {
  const speakers = new Set<string>();
  const companies = new Set<string>();
  for (const s of schedule.sessions) {
    for (const n of s.speakers) speakers.add(n);
    for (const c of s.companies) companies.add(c);
  }
  const sort = (xs: Set<string>) => [...xs].sort((a, b) => a.localeCompare(b));
  return { speakers: sort(speakers), companies: sort(companies) };
}

/** A name folded for comparison: no accents, no case, punctuation as spaces. */
function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Speaker names written in a note that are not the session's (a typo such as `Ana Lma`), and the
 * session's speakers not written; compared folded (case and accents do not count).
 */
export function speakerDifferences(session: Session, written: readonly string[]): { unknown: string[]; missing: string[] } {
  const theirs = new Set(session.speakers.map(foldForMatch));
  const ours = new Set(written.map(foldForMatch));
  return { unknown: written.filter((n) => !theirs.has(foldForMatch(n))), missing: session.speakers.filter((n) => !ours.has(foldForMatch(n))) };
}
