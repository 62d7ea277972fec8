/**
 * The text and file name of a new conference note: Hugo front matter (YAML or TOML) with the
 * title, the date in ISO 8601 with the local UTC offset, an empty description, a table of
 * contents, empty categories and tags, `draft` on; then the first day heading.
 */
import type { FrontMatterFormat } from '../frontmatter/format';
import { formatDayHeading, nextDayTitle } from './headingText';

/** `+02:00` for an offset of 120 minutes east of UTC (`Date.getTimezoneOffset()` is -120 there). */
export function formatOffset(offsetMinutesEast: number): string {
  const sign = offsetMinutesEast < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutesEast);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A local date and time as ISO 8601 with its UTC offset: `2025-04-03T09:04:16+02:00`. */
export function isoWithOffset(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const local = `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
  return local + formatOffset(-date.getTimezoneOffset());
}

/** Parses `YYYY-MM-DD` (a real calendar date) or returns null. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The start date at `now`'s time of day, in local time (so the offset is the one of that date). */
export function startDateTime(startDate: string, now: Date): Date {
  const d = parseIsoDate(startDate);
  if (!d) return now;
  return new Date(d.year, d.month - 1, d.day, now.getHours(), now.getMinutes(), now.getSeconds());
}

/** `KubeCon + CloudNativeCon EU 2025` → `kubecon-cloudnativecon-eu-2025`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'notes';
}

/**
 * The file name from the template (`{slug}`, `{date}`), made safe for every file system:
 * no folders, no reserved characters, `.md` added when missing.
 */
export function noteFileName(template: string, name: string, startDate: string): string {
  let file = (template.trim() || '{slug}.md').split('{slug}').join(slugify(name)).split('{date}').join(startDate);
  file = [...file].map((c) => (c.charCodeAt(0) < 32 ? '-' : c)).join('');
  file = file.replace(/[\\/:*?"<>|]+/g, '-').replace(/^[.\s-]+/, '');
  if (!/\.(md|markdown)$/i.test(file)) file += '.md';
  return file === '.md' ? 'notes.md' : file;
}

/** The file name with `-2`, `-3`… before the extension, for when the plain one is taken. */
export function numberedFileName(file: string, n: number): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? `${file.slice(0, dot)}-${n}${file.slice(dot)}` : `${file}-${n}`;
}

/** A one-line string in double quotes: the same escapes in YAML and in TOML (`\\`, `\"`, `\t`). */
function quoted(s: string): string {
  return `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\t/g, '\\t')
    .replace(/[\r\n]+/g, ' ')}"`;
}

export interface NewNoteInput {
  name: string;
  /** ISO 8601 date and time with offset (see {@link isoWithOffset}). */
  date: string;
  format: FrontMatterFormat;
  /** Start date `YYYY-MM-DD`, written into the first day heading when `includeDate`. */
  startDate?: string;
  includeDate?: boolean;
  eol?: '\n' | '\r\n';
}

export interface NewNote {
  text: string;
  /** Where the cursor goes: the empty last line, right under the first day heading (0-based). */
  cursor: { line: number; character: number };
}

/** The whole text of a new note. */
export function newNoteText(input: NewNoteInput): NewNote {
  const title = input.name.trim();
  const fm =
    input.format === 'toml'
      ? ['+++', `title = ${quoted(title)}`, `date = ${input.date}`, 'description = ""', 'toc = true', 'categories = []', 'tags = []', 'draft = true', '+++']
      : ['---', `title: ${quoted(title)}`, `date: ${input.date}`, 'description: ""', 'toc: true', 'categories: []', 'tags: []', 'draft: true', '---'];
  const day = formatDayHeading(nextDayTitle(null, 0, input.includeDate ? input.startDate : undefined), 2);
  const lines = [...fm, '', day, ''];
  return { text: lines.join(input.eol ?? '\n'), cursor: { line: lines.length - 1, character: 0 } };
}
