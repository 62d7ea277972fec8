/**
 * The text of new headings: talks (from the heading templates) and days (the next day after
 * the last one, in the document's own style).
 */
import { fillTemplate, templateNames } from './template';
import { addDays, NUMBER_WORDS, WEEKDAYS } from '../util/dates';

export const DEFAULT_TALK_FORMAT = '### {title} - {speakers}, {company}';
export const DEFAULT_KEYNOTE_FORMAT = '### Keynote {n}: {title} - {speakers}, {company}';

export type TalkKind = 'talk' | 'keynote' | 'lightning talk' | 'contribfest' | 'panel' | 'workshop';

export const TALK_KINDS: ReadonlyArray<{ kind: TalkKind; label: string; description: string }> = [
  { kind: 'talk', label: 'Talk', description: 'a session' },
  { kind: 'keynote', label: 'Keynote', description: 'numbered within the day' },
  { kind: 'lightning talk', label: 'Lightning Talk', description: 'a short talk' },
  { kind: 'contribfest', label: 'ContribFest', description: 'a contributors’ session' },
  { kind: 'panel', label: 'Panel', description: 'a panel discussion' },
  { kind: 'workshop', label: 'Workshop', description: 'a hands-on session' },
];

function kindLabel(kind: TalkKind): string {
  return TALK_KINDS.find((k) => k.kind === kind)?.label ?? 'Talk';
}

export interface TalkHeadingInput {
  title: string;
  speakers: string[];
  company?: string;
  kind?: TalkKind;
  /** Number of the keynote within its day (for `{n}`). */
  n?: number;
  /** Start time `HH:MM`: fills the format's `{time}`. */
  time?: string;
  /**
   * The time first when the format has no `{time}` (`### 14:30 Title`): what the deprecated
   * `talkCapture.talk.includeTime` asked for.
   */
  timeFirst?: boolean;
}

export interface TalkHeadingFormats {
  talk?: string;
  keynote?: string;
}

/**
 * Speakers as written in a heading: `Ada`, `Ada & Grace`, `Ada & Grace & Linus`. Joined with `&`
 * (never a comma) so that `{speakers}, {company}` stays unambiguous for the notes model.
 */
export function joinSpeakers(speakers: readonly string[]): string {
  return speakers
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' & ');
}

/** Splits what a person typed as speakers (`Ada, Grace & Linus`, `Ada and Grace`) into names. */
export function splitSpeakers(text: string): string[] {
  return text
    .split(/\s*(?:,|&|;|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A format with its heading marks made sure: `{title}` alone becomes `### {title}`. */
function withHeadingMarks(format: string): string {
  return /^\s*#{1,6}\s/.test(format) ? format.trimStart() : `### ${format.trim()}`;
}

/**
 * The heading line of a new talk. Keynotes use the keynote format. Other kinds than a plain talk
 * say their kind: through `{kind}` when the format has it, else as a `Kind: ` prefix of the title
 * (`### Lightning Talk: Title - Ada`), which is also how the notes model recognises them.
 * The time fills `{time}`; with `timeFirst`, a format without `{time}` gets it right after the
 * heading marks (`### 14:30 Title`).
 */
export function formatTalkHeading(input: TalkHeadingInput, formats: TalkHeadingFormats = {}): string {
  const kind = input.kind ?? 'talk';
  let format = withHeadingMarks(kind === 'keynote' ? formats.keynote || DEFAULT_KEYNOTE_FORMAT : formats.talk || DEFAULT_TALK_FORMAT);
  const names = templateNames(format);
  let title = input.title.trim();
  if (kind !== 'talk' && kind !== 'keynote' && !names.includes('kind')) title = `${kindLabel(kind)}: ${title}`;
  if (kind === 'keynote' && !names.includes('n') && !names.includes('kind')) title = `Keynote: ${title}`;
  if (input.time && input.timeFirst && !names.includes('time')) format = format.replace(/^(#{1,6}[ \t]+)/, '$1{time} ');
  return fillTemplate(format, {
    title,
    speakers: joinSpeakers(input.speakers),
    company: input.company,
    kind: kind === 'talk' ? '' : kindLabel(kind),
    n: input.n !== undefined ? String(input.n) : '',
    time: input.time,
  });
}

/** `HH:MM` of a date in local time. */
export function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * The number the next keynote of a day gets: one more than the highest `Keynote N` among the
 * given headings, or the count of keynotes plus one when they are not numbered.
 */
export function nextKeynoteNumber(headings: ReadonlyArray<{ heading: string; kind: string | null }>): number {
  let max = 0;
  let count = 0;
  for (const h of headings) {
    const m = /\bkeynote\s*#?\s*(\d+)/i.exec(h.heading);
    if (m) max = Math.max(max, Number(m[1]));
    if (m || (h.kind ?? '').toLowerCase() === 'keynote') count++;
  }
  return Math.max(max, count) + 1;
}

// ---------------------------------------------------------------------------------------------
// Day headings

function capitalizeLike(word: string, like: string): string {
  if (like === like.toUpperCase()) return word.toUpperCase();
  if (like[0] === like[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/** `YYYY-MM-DD` of a local date. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const DATE_IN_TITLE = /\(?\b(\d{4}-\d{2}-\d{2})\b\)?/;

/**
 * The title of the day after `previous` (a day title as written, without `#`s and without a
 * trailing colon), in the same style: `Day01` → `Day02`, `Day 3` → `Day 4`, `day9` → `day10`,
 * `Day one` → `Day two`, `Tuesday` → `Wednesday`, `2025-04-02` → `2025-04-03`. Anything it does
 * not recognise numbers as `Day N+1` from `count`, the number of days already written.
 * With `date`, a date in parentheses follows (`Day02 (2025-04-03)`).
 */
export function nextDayTitle(previous: string | null, count: number, date?: string): string {
  const withDate = (t: string) => (date ? `${t} (${date})` : t);
  if (previous) {
    const prev = previous.replace(/:\s*$/, '').trim();
    const num = /^(.*?\bday)([\s_-]*)(\d+)/i.exec(prev);
    if (num) {
      const n = String(Number(num[3]) + 1).padStart(num[3].length, '0');
      return withDate(`${num[1]}${num[2]}${n}`);
    }
    const word = new RegExp(`^(.*?\\bday[\\s_-]*)(${NUMBER_WORDS.join('|')})\\b`, 'i').exec(prev);
    if (word) {
      const i = NUMBER_WORDS.indexOf(word[2].toLowerCase());
      if (i + 1 < NUMBER_WORDS.length) return withDate(`${word[1]}${capitalizeLike(NUMBER_WORDS[i + 1], word[2])}`);
      return withDate(`${word[1]}${i + 1}`);
    }
    const iso = /^(\d{4}-\d{2}-\d{2})\b/.exec(prev);
    if (iso) return addDays(iso[1], 1)!;
    const weekday = WEEKDAYS.findIndex((w) => new RegExp(`^${w}\\b`, 'i').test(prev));
    if (weekday !== -1) {
      const next = WEEKDAYS[(weekday + 1) % 7];
      const d = DATE_IN_TITLE.exec(prev)?.[1];
      const nextDate = date ?? (d ? (addDays(d, 1) ?? undefined) : undefined);
      return nextDate ? `${capitalizeLike(next, prev)} (${nextDate})` : capitalizeLike(next, prev);
    }
  }
  return withDate(`Day${String(count + 1).padStart(2, '0')}`);
}

/** The date written in a day title, if any (`Day02 (2025-04-03)` → `2025-04-03`). */
export function dateOfDayTitle(title: string): string | null {
  return DATE_IN_TITLE.exec(title)?.[1] ?? null;
}

/** The date the day after `previousTitle` has: the day after the one it names, else `today`. */
export function nextDayDate(previousTitle: string | null, today: string): string {
  const d = previousTitle ? dateOfDayTitle(previousTitle) : null;
  return (d && addDays(d, 1)) || today;
}

/** A whole day heading line: `## Day02`, or a plain `Day04:` line when the notes use those. */
export function formatDayHeading(title: string, level: number): string {
  if (level <= 0) return `${title}:`;
  return `${'#'.repeat(Math.min(6, level))} ${title}`;
}
