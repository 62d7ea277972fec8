/**
 * Where new headings go and the one edit that puts them there. Everything here works on the
 * text and the notes model of one document version; the result is a single insertion (never a
 * rewrite of existing text) and the position the cursor should take: the first body line under
 * the new heading.
 */
import { eolOf, type Position, type TextEdit } from '../document';
import type { Day, NotesModel } from '../notes/model';
import { findDayAt, findTalkAt } from '../notes/query';
import { formatDayHeading, nextDayDate, nextDayTitle, nextKeynoteNumber } from './headingText';
import { splitLines } from '../util/lines';

export interface Insertion {
  edit: TextEdit;
  /** Where the cursor goes after the edit (0-based, in the new text). */
  cursor: Position;
}

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

/** 1-based number of the last non-blank line in [from, to] (1-based, inclusive), or from - 1 when all are blank. */
export function lastContentLine(lines: readonly string[], from: number, to: number): number {
  for (let l = Math.min(to, lines.length); l >= from; l--) if (!isBlank(lines[l - 1])) return l;
  return from - 1;
}

/**
 * Inserts `line` (a heading) after 1-based line `after` (0: at the very start), with one blank
 * line before it (unless at the start), one blank line after it where the cursor goes, and a
 * blank line between that one and whatever content follows. Blank lines already there are reused,
 * never removed.
 */
export function insertLineAfter(text: string, after: number, line: string): Insertion {
  const eol = eolOf(text);
  const lines = splitLines(text);
  const last = Math.max(0, Math.min(after, lines.length));
  let blanks = 0;
  while (last + blanks < lines.length && isBlank(lines[last + blanks])) blanks++;
  const hasNext = last + blanks < lines.length;
  const needed = hasNext ? 2 : 1;
  const extra = eol.repeat(Math.max(0, needed - blanks));
  if (last === 0) {
    return {
      edit: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: line + eol + extra },
      cursor: { line: 1, character: 0 },
    };
  }
  const end = { line: last - 1, character: lines[last - 1].length };
  return {
    edit: { range: { start: end, end }, newText: eol + eol + line + extra },
    cursor: { line: last + 2, character: 0 },
  };
}

/** 1-based line where the note's body starts (after the front matter). */
export function bodyStartLine(model: NotesModel): number {
  const fm = model.frontMatter;
  return fm.startLine !== null && fm.endLine !== null ? fm.endLine + 1 : 1;
}

/** The day whose section holds 1-based `line`, if any. */
const dayAt = findDayAt;

/** The talk whose section holds 1-based `line` (talks of days and talks outside days, hidden drafts included). */
const talkAt = findTalkAt;

export interface TalkPlacement {
  /** 1-based line the new heading goes after. */
  after: number;
  /** The day it goes into, if any. */
  day: Day | undefined;
}

/**
 * Where a new talk goes for a cursor on 1-based `cursorLine`: after the talk under the cursor;
 * else at the end of the cursor's day (after its last talk); else at the end of the last day;
 * else at the end of the note.
 */
export function placeTalk(text: string, model: NotesModel, cursorLine: number): TalkPlacement {
  const lines = splitLines(text);
  const start = bodyStartLine(model);
  const talk = talkAt(model, cursorLine);
  const day = dayAt(model, cursorLine);
  if (talk) return { after: lastContentLine(lines, talk.line, talk.endLine), day: dayAt(model, talk.line) };
  const target = day ?? (model.days.length ? model.days[model.days.length - 1] : undefined);
  if (target) return { after: lastContentLine(lines, target.line, target.endLine), day: target };
  return { after: Math.max(start - 1, lastContentLine(lines, start, lines.length)), day: undefined };
}

/** The next keynote number in the day (or among the talks outside days). */
export function keynoteNumberFor(model: NotesModel, day: Day | undefined): number {
  return nextKeynoteNumber(day ? day.talks : model.talks);
}

/** A new talk heading inserted where {@link placeTalk} says. */
export function insertTalkHeading(text: string, model: NotesModel, cursorLine: number, heading: string): Insertion {
  return insertLineAfter(text, placeTalk(text, model, cursorLine).after, heading);
}

export interface DayHeadingOptions {
  /** Add the date in parentheses. */
  includeDate?: boolean;
  /** Today's date `YYYY-MM-DD` (used when the previous day names no date). */
  today: string;
  /** Level for the first day heading of a note that has none yet (default 2). */
  defaultLevel?: number;
}

/** The heading line of the day after the note's last day. */
export function nextDayHeading(model: NotesModel, options: DayHeadingOptions): string {
  const last = model.days[model.days.length - 1];
  const prevTitle = last ? last.title : null;
  const date = options.includeDate ? nextDayDate(prevTitle, options.today) : undefined;
  const title = nextDayTitle(prevTitle, model.days.length, date);
  return formatDayHeading(title, last ? last.level : (options.defaultLevel ?? 2));
}

/**
 * The next day heading, inserted after the last day's last talk (the end of its content), or
 * at the end of the note when it has no days yet. A new day always follows the last one, so
 * this place does not depend on the cursor.
 */
export function insertDayHeading(text: string, model: NotesModel, options: DayHeadingOptions): Insertion {
  const lines = splitLines(text);
  const last = model.days[model.days.length - 1];
  const start = bodyStartLine(model);
  const after = last ? lastContentLine(lines, last.line, last.endLine) : Math.max(start - 1, lastContentLine(lines, start, lines.length));
  return insertLineAfter(text, after, nextDayHeading(model, options));
}
