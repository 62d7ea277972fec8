/**
 * `talk-capture schedule SOURCE [--json] [--at ISO-8601] [--tz IANA-ZONE]`: a conference
 * schedule (a file, or an `https:` URL) as the editor imports it: sessions by day and time, or
 * with `--json` exactly `{source, format, title, timeZone, sessions}`. `--at` keeps the sessions
 * running at that instant (a time without an offset is the conference's local time); `--tz`
 * overrides the conference's zone. Exit 2 with one line when SOURCE cannot be read or is not a
 * schedule.
 */
import { lookup } from 'node:dns/promises';
import { parseArgs } from 'util';
import { CliError, type CliCommand } from './command';
import { readFileBytes } from './readFile';
import {
  isScheduleUrl,
  isValidTimeZone,
  loadSchedule,
  localToInstant,
  MAX_SCHEDULE_BYTES,
  parseSchedule,
  ScheduleError,
  scheduleDays,
  scheduleJson,
  sessionKindLabel,
  sessionsAt,
  sessionTimeRange,
  summarizeSchedule,
  type Schedule,
  type Session,
} from '../core/schedule';
import { firstLineOf } from '../core/util/errors';
import { plural } from '../core/util/plural';

const USAGE = 'usage: schedule SOURCE [--json] [--at ISO-8601] [--tz IANA-ZONE]';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const SCHEDULE_FILE = {
  noun: 'schedule',
  tooLarge: (size: number | undefined, max: number) =>
    `too large for a schedule (${size === undefined ? 'more than' : `${Math.round(size / 1048576)} MB; at most`} ${max / 1048576} MB)`,
};

/** A schedule from a file or an `https:` URL (`timeZone` overrides the conference's), or CliError with one line naming it. */
export async function readScheduleSource(source: string, timeZone?: string): Promise<Schedule> {
  try {
    return isScheduleUrl(source)
      ? await loadSchedule(source, { timeZone, source, lookup: resolveHost })
      : parseSchedule(readFileBytes(source, MAX_SCHEDULE_BYTES, SCHEDULE_FILE), { timeZone, source });
  } catch (err) {
    if (err instanceof ScheduleError) throw new CliError(isScheduleUrl(source) ? err.message : `${source}: ${err.message}`);
    throw err;
  }
}

/** `--at`: an instant; a date-time without an offset is read in the conference's zone. */
export function parseAt(text: string, timeZone: string): number {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  const bad = () => new CliError(`--at: '${text}' is not an ISO 8601 date-time such as 2026-03-24T09:15 or 2026-03-24T09:15:00+01:00`);
  if (!m) throw bad();
  const fields = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) };
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > 31 || fields.hour > 23 || fields.minute > 59 || fields.second > 59) throw bad();
  const ms = m[7] ? Date.parse(t.replace(' ', 'T')) : localToInstant(fields, timeZone);
  if (!Number.isFinite(ms)) throw bad();
  return ms;
}

function sessionLine(s: Session): string {
  const label = s.kind === 'break' ? '' : sessionKindLabel(s.kind);
  const title = label && !new RegExp(`\\b${label.split(' ')[0]}`, 'i').test(s.title) ? `${label}: ${s.title}` : s.title;
  const who = s.speakers.length ? s.speakers.join(', ') + (s.companies.length ? ` (${s.companies.join(', ')})` : '') : (s.byline ?? '');
  const parts = [who, s.room].filter((p): p is string => !!p);
  return `  ${sessionTimeRange(s)}  ${title}${s.kind === 'break' ? ' (break)' : ''}${parts.length ? ` — ${parts.join(' · ')}` : ''}`;
}

/** The human form: a summary line, then each conference day with its sessions in order. */
export function scheduleHumanText(schedule: Schedule, sessions: readonly Session[], at?: number): string {
  const out = [`${schedule.title ? `${schedule.title}: ` : ''}${summarizeSchedule(schedule)} (${schedule.format})`];
  if (at !== undefined) out.push(`${plural(sessions.length, 'session')} running at ${new Date(at).toISOString()}`);
  for (const day of scheduleDays({ sessions: [...sessions] })) {
    const [y, mo, d] = day.split('-').map(Number);
    out.push('', `${day} ${WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()]}`);
    for (const s of sessions) if (s.start.startsWith(day)) out.push(sessionLine(s));
  }
  return out.join('\n');
}

export const run: CliCommand = async (args, io) => {
  let values: { json?: boolean; at?: string; tz?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, at: { type: 'string' }, tz: { type: 'string' } }, allowPositionals: true, strict: true }));
  } catch (err) {
    const option = err instanceof Error && /'(-[^']*)'/.exec(err.message)?.[1];
    throw new CliError(`${option ? `unknown or incomplete option ${option}` : firstLineOf(err)} (${USAGE})`);
  }
  if (positionals.length !== 1) throw new CliError(USAGE);
  const source = positionals[0];
  if (values.tz !== undefined && !isValidTimeZone(values.tz)) throw new CliError(`--tz: unknown time zone '${values.tz}' (use an IANA name such as Europe/Amsterdam)`);
  const schedule = await readScheduleSource(source, values.tz);
  for (const item of schedule.skipped ?? []) io.err(`talk-capture schedule: ${source}: skipped ${item}`);
  const at = values.at !== undefined ? parseAt(values.at, schedule.timeZone) : undefined;
  const sessions = at !== undefined ? sessionsAt(schedule.sessions, at) : schedule.sessions;
  io.out(values.json ? JSON.stringify(scheduleJson(schedule, sessions), null, 2) : scheduleHumanText(schedule, sessions, at));
  return 0;
};

/** A host name's addresses, as this machine resolves them: a redirect to one of its own is refused. */
export async function resolveHost(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
}
