/** What every reader shares: sessions from instants, ids made unique, sorting, rooms from addresses, the zone to use. */
import { ScheduleError, type Schedule, type ScheduleFormat, type Session } from './model';
import { formatInstant, isCountryName, isValidTimeZone, normalizeTimeZone, systemTimeZone } from './time';
import { cleanOrNull } from './text';

/** Options of every reader (and of {@link parseSchedule}). */
export interface ScheduleParseOptions {
  /** Where the text came from (a URL or a path), kept as `Schedule.source`. */
  source?: string;
  /** An IANA zone that wins over what the file says (`talkCapture.schedule.timeZone`). */
  timeZone?: string;
  /** The zone when neither the file nor its locations say one: the machine's by default. */
  fallbackTimeZone?: string;
}

/** A session before its times are written out: instants in ms since the epoch. */
export type RawSession = Omit<Session, 'start' | 'end'> & { startMs: number; endMs: number };

const UTC_LIKE = /^(?:utc|gmt|z|zulu|universal|etc\/utc|etc\/gmt|etc\/universal|etc\/zulu|utc[+-]0+(?::?00)?)$/i;

/** The override zone, checked: throws ScheduleError for a zone the platform does not know. */
export function overrideZone(options: ScheduleParseOptions): string | undefined {
  if (!options.timeZone) return undefined;
  if (!isValidTimeZone(options.timeZone)) throw new ScheduleError(`unknown time zone '${options.timeZone}' (use an IANA name such as Europe/Amsterdam)`);
  return options.timeZone;
}

/** A zone a file names, when it is a real zone other than UTC (Sched always says UTC). */
export function namedZone(zone: string | null | undefined): string | undefined {
  if (!zone || UTC_LIKE.test(zone.trim())) return undefined;
  return normalizeTimeZone(zone);
}

export function fallbackZone(options: ScheduleParseOptions): string {
  return options.fallbackTimeZone && isValidTimeZone(options.fallbackTimeZone) ? options.fallbackTimeZone : systemTimeZone();
}

/**
 * A room from a Sched `LOCATION`: `Hall 7 | Room B, Amsterdam, Netherlands` → `Hall 7 | Room B`
 * (a trailing country, a state code and the city before it dropped). Kept whole when it does
 * not end in a country.
 */
export function roomFromLocation(location: string | null | undefined): string | null {
  const text = cleanOrNull(location);
  if (!text) return null;
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length < 2 || !isCountryName(parts[parts.length - 1])) return text;
  parts.pop();
  if (parts.length > 1 && /^[A-Z]{2,3}(?:\s+\d[\d-]*)?$/.test(parts[parts.length - 1])) parts.pop();
  if (parts.length > 1) parts.pop();
  return parts.join(', ').trim() || null;
}

/** Sort order of sessions: start, then room (sessions without a room last), then title, then id. */
export function compareSessions(a: Session, b: Session): number {
  const sa = Date.parse(a.start);
  const sb = Date.parse(b.start);
  return sa !== sb ? sa - sb : compareSameStart(a, b);
}

/** Room (none last), then title, then id: the order of sessions that start together. */
function compareSameStart(a: Session, b: Session): number {
  if (a.room !== b.room) {
    if (a.room === null) return 1;
    if (b.room === null) return -1;
    return a.room < b.room ? -1 : 1;
  }
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The instants a session may have: years 1 to 9999 (what ISO 8601 and every reader write). */
const EARLIEST = -62135596800000; // 0001-01-01T00:00:00Z
const LATEST = 253402300799000; // 9999-12-31T23:59:59Z
/** A session longer than this is an error of its file (`DURATION:P99999999W`), not a session. */
const LONGEST_MS = 366 * 86400000;
/** Skipped items named one by one; the rest are counted. */
const SKIPPED_NAMED = 20;

/** Why a session's times cannot be written, or undefined when they can. */
function badTimes(r: RawSession): string | undefined {
  if (!Number.isFinite(r.startMs)) return 'no start time that can be read';
  if (r.startMs < EARLIEST || r.startMs > LATEST) return 'its start is not between the years 1 and 9999';
  if (Number.isFinite(r.endMs) && r.endMs - r.startMs > LONGEST_MS) return `it would last ${Math.round((r.endMs - r.startMs) / 86400000).toLocaleString('en-US')} days`;
  return undefined;
}

/**
 * Turns raw sessions into a Schedule: times in `timeZone`, unique ids, sorted. A session whose
 * times cannot be written is left out and named in `skipped`; throws when nothing is left.
 */
export function finishSchedule(raws: RawSession[], meta: { source: string; format: ScheduleFormat; title: string | null; timeZone: string }): Schedule {
  const seen = new Map<string, number>();
  const sessions: Session[] = [];
  const skipped: string[] = [];
  let skippedCount = 0;
  const startOf = new Map<Session, number>();
  for (const r of raws) {
    const bad = badTimes(r);
    if (bad) {
      if (skippedCount++ < SKIPPED_NAMED) skipped.push(`'${(r.title || '(untitled)').slice(0, 80)}'${r.id ? ` (id ${r.id.slice(0, 80)})` : ''}: ${bad}`);
      continue;
    }
    const endMs = Number.isFinite(r.endMs) && r.endMs >= r.startMs ? r.endMs : r.startMs;
    let id = r.id || `${r.startMs}-${r.title}`;
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    if (n > 0) id = `${id}#${n + 1}`;
    const session: Session = {
      id,
      title: r.title || '(untitled)',
      speakers: r.speakers,
      companies: r.companies,
      byline: r.byline,
      room: r.room,
      track: r.track,
      kind: r.kind,
      start: formatInstant(r.startMs, meta.timeZone),
      end: formatInstant(endMs, meta.timeZone),
      url: r.url,
      ...(r.links?.length ? { links: r.links } : {}),
    };
    sessions.push(session);
    startOf.set(session, r.startMs);
  }
  if (skippedCount > SKIPPED_NAMED) skipped.push(`and ${(skippedCount - SKIPPED_NAMED).toLocaleString('en-US')} more`);
  if (sessions.length === 0) {
    throw new ScheduleError(
      `no sessions with a start time in this ${meta.format} file${skipped.length ? ` (skipped ${skipped[0]}${skippedCount > 1 ? `, and ${skippedCount - 1} more` : ''})` : ''}`,
    );
  }
  sessions.sort((a, b) => startOf.get(a)! - startOf.get(b)! || compareSameStart(a, b));
  return { source: meta.source, format: meta.format, title: meta.title, timeZone: meta.timeZone, sessions, ...(skipped.length ? { skipped } : {}) };
}
