/**
 * What the editor needs around a schedule and a note (no `vscode` import): the note's `schedule`
 * front matter key (read, and set as one targeted edit that keeps the rest of the front matter
 * byte for byte), and where a session's heading goes: under the note's day for the session's
 * conference-local date, creating that day (in the note's own day style) when the note lacks it.
 */
import type { NotesModel, Day } from '../notes/model';
import { eolOf } from '../document';
import { splitLines } from '../util/lines';
import { dateOfDayTitle, formatDayHeading, nextDayTitle } from '../capture/headingText';
import { openFrontMatter, toTextEdits, type EditResult, type OpenResult } from '../frontmatter/fields';
import { bodyStartLine, insertLineAfter, keynoteNumberFor, lastContentLine, placeTalk, type Insertion } from '../capture/insert';
import type { Session } from './model';
import { formatSessionHeading, sessionLinkLine } from './sessionHeading';
import { sessionDay } from './query';
import { addDays, daysBetween, NUMBER_WORDS, weekdayOf, WEEKDAYS } from '../util/dates';

/** The front matter key that names a note's schedule (a URL or a workspace-relative path). */
const SCHEDULE_KEY = 'schedule';

/** The note's schedule source from its front matter verdict (a note's analysis has it), trimmed, or undefined. */
export function scheduleSourceOf(opened: OpenResult): string | undefined {
  if (!opened.ok) return undefined;
  const found = opened.source.scalar(SCHEDULE_KEY);
  if (found.kind !== 'found') return undefined;
  const v = found.field.value;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * Sets `schedule: VALUE` in the note's front matter: replaces the value (keeping its quotes)
 * or adds the key at the end of the front matter. `changed` is false when it already says so.
 */
export function setScheduleSource(text: string, value: string): EditResult<{ changed: boolean }> {
  const opened = openFrontMatter(text);
  if (!opened.ok) return { ok: false, error: opened.error, format: opened.format, message: describe(opened.error.line, opened.error.reason, opened.format) };
  const fm = opened.source;
  const found = fm.scalar(SCHEDULE_KEY);
  if (found.kind === 'error') return { ok: false, error: found.error, format: fm.format, message: describe(found.error.line, found.error.reason, fm.format) };
  if (found.kind === 'found') {
    const f = found.field;
    if (f.value === value) return { ok: true, format: fm.format, edits: [], changed: false };
    const edit = { start: f.start, end: f.end, text: (f.start === f.end && !/\s/.test(text[f.start - 1] ?? ' ') ? ' ' : '') + fm.renderScalar(value, f.quote) };
    return { ok: true, format: fm.format, edits: toTextEdits(text, [edit]), changed: true };
  }
  const edit = fm.insertField(SCHEDULE_KEY, { kind: 'scalar', text: fm.renderScalar(value) });
  return { ok: true, format: fm.format, edits: toTextEdits(text, [edit]), changed: true };
}

function describe(line: number | null, reason: string, format: 'yaml' | 'toml' | null): string {
  const what = format ? `${format === 'yaml' ? 'YAML' : 'TOML'} front matter` : 'front matter';
  return line != null ? `${what}, line ${line}: ${reason}` : `${what}: ${reason}`;
}

// ---------------------------------------------------------------------------------------------
// Days of a note and days of a schedule

const DAY_NUMBER = /^(.*?\bday)([\s_-]*)(\d{1,3})/i;
const DAY_WORD = new RegExp(`^(.*?\\bday[\\s_-]*)(${NUMBER_WORDS.join('|')})\\b`, 'i');
const ISO_START = /^(\d{4}-\d{2}-\d{2})\b/;

/** The number a day title gives its day (`Day02` → 2, `Day two` → 2), else undefined. */
function dayNumberOf(title: string): number | undefined {
  const t = title.replace(/:\s*$/, '').trim();
  const n = DAY_NUMBER.exec(t);
  if (n) return Number(n[3]);
  const w = DAY_WORD.exec(t);
  if (w) return NUMBER_WORDS.indexOf(w[2].toLowerCase());
  return undefined;
}

/** The first day of the conference a note is about: its front matter `date` (`YYYY-MM-DD…`), from the front matter verdict. */
export function noteStartDate(opened: OpenResult): string | undefined {
  if (!opened.ok) return undefined;
  const found = opened.source.scalar('date');
  if (found.kind !== 'found') return undefined;
  return /^(\d{4}-\d{2}-\d{2})/.exec(found.field.raw.trim())?.[1];
}

export interface DayContext {
  /** The conference's days (`YYYY-MM-DD`, sorted): numbered days count from the first when the note names no start date. */
  scheduleDays: readonly string[];
  /** The note's first day (front matter `date`). */
  startDate?: string;
}

/** The conference-local date a note's day stands for: a date in its title, else its number counted from the start, else its weekday. */
export function noteDayDate(day: Pick<Day, 'title'>, ctx: DayContext): string | undefined {
  const written = dateOfDayTitle(day.title);
  if (written) return written;
  const n = dayNumberOf(day.title);
  if (n !== undefined && n >= 1) return ctx.startDate ? (addDays(ctx.startDate, n - 1) ?? undefined) : ctx.scheduleDays[n - 1];
  const wd = WEEKDAYS.findIndex((w) => new RegExp(`^${w}\\b`, 'i').test(day.title.trim()));
  if (wd !== -1) return ctx.scheduleDays.find((d) => weekdayOf(d) === wd);
  return undefined;
}

/** The number of a conference day (1 for the first). */
function dayNumberFor(date: string, ctx: DayContext): number {
  if (ctx.startDate && date >= ctx.startDate) return daysBetween(ctx.startDate, date) + 1;
  const i = ctx.scheduleDays.indexOf(date);
  return i >= 0 ? i + 1 : 1;
}

/**
 * The title of a new day for `date`, in the style of `like` (another day's title of the note):
 * `Day01` → `Day03`, `Day two` → `Day three`, `2099-03-26` → `2099-03-27`, `Tuesday` →
 * `Thursday`; a date in parentheses when `like` has one or `includeDate` asks.
 */
export function dayTitleFor(date: string, like: string | undefined, ctx: DayContext, includeDate = false): string {
  const n = dayNumberFor(date, ctx);
  const prev = (like ?? '').replace(/:\s*$/, '').trim();
  const hadDate = !!prev && !!dateOfDayTitle(prev) && !ISO_START.test(prev);
  const withDate = (t: string) => (includeDate || hadDate ? `${t} (${date})` : t);
  const num = DAY_NUMBER.exec(prev);
  if (num) return withDate(`${num[1]}${num[2]}${String(n).padStart(num[3].length, '0')}`);
  const word = DAY_WORD.exec(prev);
  if (word) {
    const w = NUMBER_WORDS[n];
    const cased = !w ? String(n) : word[2] === word[2].toUpperCase() ? w.toUpperCase() : word[2][0] === word[2][0].toUpperCase() ? w[0].toUpperCase() + w.slice(1) : w;
    return withDate(`${word[1]}${cased}`);
  }
  if (ISO_START.test(prev)) return date;
  const wd = WEEKDAYS.findIndex((w) => new RegExp(`^${w}\\b`, 'i').test(prev));
  if (wd !== -1) {
    const name = WEEKDAYS[weekdayOf(date)];
    return withDate(prev[0] === prev[0].toLowerCase() ? name.toLowerCase() : name);
  }
  return withDate(`Day${String(n).padStart(2, '0')}`);
}

// ---------------------------------------------------------------------------------------------
// Placing a session's heading

export type SessionLinkStyle = 'line' | 'title' | 'none';

export interface SessionPlacementOptions extends DayContext {
  /** `talkCapture.talkHeadingFormat` and `talkCapture.keynoteHeadingFormat`. */
  talkFormat?: string;
  keynoteFormat?: string;
  /** `talkCapture.talk.includeTime`: the start time in the heading. */
  includeTime?: boolean;
  /** `talkCapture.schedule.sessionLink`. */
  sessionLink?: SessionLinkStyle;
  /** `talkCapture.day.includeDate`, for a day heading this creates. */
  includeDate?: boolean;
  /** 1-based line of the cursor: inside the session's day, the heading goes after the talk under it. */
  cursorLine?: number;
}

export interface SessionPlacement extends Insertion {
  /** The talk heading line written. */
  heading: string;
  /** The day heading line written when the note lacked the session's day. */
  dayHeading?: string;
  /** The session-page line written under the heading. */
  linkLine?: string;
  /** 0-based line of the talk heading in the new text. */
  headingLine: number;
}

/**
 * One insertion that writes a session's heading (and its session-page line) under the note's
 * day for the session's date (after the talk under the cursor when the cursor is in that day,
 * else at the end of the day), creating the day heading in the note's own style, in date order,
 * when the note has days but not that one. A note without day headings gets the talk where New
 * Talk… would put it (one with no days at all and no implied day gets the day heading too).
 */
export function placeSession(text: string, model: NotesModel, session: Session, options: SessionPlacementOptions): SessionPlacement {
  const lines = splitLines(text);
  const date = sessionDay(session);
  const dated = model.days.map((d) => ({ day: d, date: noteDayDate(d, options) }));
  const target = dated.find((d) => d.date === date)?.day;
  let after: number;
  let day: Day | undefined;
  let dayHeading: string | undefined;
  if (target) {
    day = target;
    const cursor = options.cursorLine;
    if (cursor !== undefined && cursor >= target.line && cursor <= target.endLine) after = placeTalk(text, model, cursor).after;
    else after = lastContentLine(lines, target.line, target.endLine);
  } else if (model.days.length === 0 && model.impliedDay) {
    after = placeTalk(text, model, options.cursorLine ?? lines.length).after;
  } else {
    // A new day, before the first day that comes later (days without a known date stay where they are).
    const later = dated.find((d) => d.date !== undefined && d.date > date);
    const before = later ? model.days[model.days.indexOf(later.day) - 1] : model.days[model.days.length - 1];
    const like = (before ?? later?.day)?.title;
    const level = (before ?? later?.day)?.level ?? 2;
    dayHeading = formatDayHeading(dayTitleFor(date, like, options, options.includeDate), level);
    const start = bodyStartLine(model);
    if (before) after = lastContentLine(lines, before.line, before.endLine);
    else if (later) after = Math.max(start - 1, lastContentLine(lines, start, later.day.line - 1));
    else after = Math.max(start - 1, lastContentLine(lines, start, lines.length));
  }
  const n = day ? keynoteNumberFor(model, day) : dayHeading ? 1 : keynoteNumberFor(model, undefined);
  const heading = formatSessionHeading(session, options.talkFormat || undefined, {
    keynoteFormat: options.keynoteFormat || undefined,
    n,
    includeTime: options.includeTime,
    linkTitle: options.sessionLink === 'title',
  });
  const linkLine = (options.sessionLink ?? 'line') === 'line' ? (sessionLinkLine(session) ?? undefined) : undefined;
  const eol = eolOf(text);
  const block = [dayHeading, heading, linkLine].filter((l): l is string => !!l);
  // The session page is a paragraph: the notes start after a blank line, or a first line of
  // prose would join the link's paragraph.
  const ins = insertLineAfter(text, after, block.join(eol + eol) + (linkLine ? eol : ''));
  const extra = 2 * (block.length - 1) + (linkLine ? 1 : 0);
  const headingLine = ins.cursor.line - 1 + (dayHeading ? 2 : 0);
  return { ...ins, cursor: { line: ins.cursor.line + extra, character: 0 }, heading, dayHeading, linkLine, headingLine };
}

// ---------------------------------------------------------------------------------------------
// Insert Day Heading with a schedule

/**
 * The conference day after the note's last day (the schedule's next day: a weekend without
 * sessions is skipped), or its first day when the note has none; undefined when the schedule
 * has no later day or the last day's date is unknown.
 */
export function scheduleNextDay(model: NotesModel, ctx: DayContext): string | undefined {
  const last = model.days[model.days.length - 1];
  if (!last) return ctx.scheduleDays[0];
  const date = noteDayDate(last, ctx);
  return date ? ctx.scheduleDays.find((d) => d > date) : undefined;
}

/** Insert Day Heading's insertion, with `date` (the schedule's next day) written in the new day's title. */
export function insertDatedDayHeading(text: string, model: NotesModel, date: string): Insertion {
  const lines = splitLines(text);
  const last = model.days[model.days.length - 1];
  const start = bodyStartLine(model);
  const after = last ? lastContentLine(lines, last.line, last.endLine) : Math.max(start - 1, lastContentLine(lines, start, lines.length));
  const title = nextDayTitle(last ? last.title : null, model.days.length, date);
  return insertLineAfter(text, after, formatDayHeading(title, last ? last.level : 2));
}
