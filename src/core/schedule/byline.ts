/**
 * Titles and bylines of schedule entries. Sched writes a session as
 * `Title - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech` (after iCalendar unescaping): the byline
 * follows the last ` - ` and is read by the one byline rule of core/text/byline.ts (the notes'
 * talk headings use the same). When a byline does not fit it is kept whole and no speakers are
 * guessed. Every expression here is anchored or has a single unambiguous repetition.
 */
import type { SessionKind } from './model';
import { cleanLine } from './text';
import { isPersonName, splitByline, type SpeakerGroup } from '../text/byline';

// ---------------------------------------------------------------------------------------------
// Titles

const KIND_PREFIXES: Array<[RegExp, SessionKind]> = [
  [/^(?:sponsored\s+)?keynote(?:\s+session)?\s*:\s*/i, 'keynote'],
  [/^lightning(?:\s+talks?)?\s*:\s*/i, 'lightning'],
  [/^panel(?:\s+discussion)?\s*:\s*/i, 'panel'],
  [/^(?:workshop|tutorial|hands-on\s+lab)\s*:\s*/i, 'workshop'],
  [/^contrib\s?fest\s*:\s*/i, 'contribfest'],
  [/^(?:bof|birds\s+of\s+a\s+feather)\s*:\s*/i, 'bof'],
];

export interface CleanTitle {
  title: string;
  /** The kind a prefix such as `Keynote: ` or `⚡Lightning Talk: ` says. */
  kind: SessionKind | null;
  /** Notes taken off the title: `SOLD OUT`, `SEPARATE REGISTRATION REQUIRED`. */
  notes: string[];
}

/**
 * A title without the notes Sched puts around it: `[SOLD OUT] `-style tags in front, an
 * upper-case ` | SEPARATE REGISTRATION REQUIRED` at the end, and a kind prefix
 * (`⚡Lightning Talk: `, `Keynote: `, `Panel: `) which becomes `kind`.
 */
export function cleanTitle(raw: string, alreadyClean = false): CleanTitle {
  let title = alreadyClean ? raw : cleanLine(raw);
  const notes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const tag = /^\[([^\][]{1,40})\]\s*/.exec(title);
    if (!tag || /\p{Ll}/u.test(tag[1])) break;
    notes.push(tag[1].trim());
    title = title.slice(tag[0].length);
  }
  for (let i = 0; i < 3; i++) {
    const bar = title.lastIndexOf('|');
    if (bar <= 0) break;
    const tail = title.slice(bar + 1).trim();
    if (!tail || tail.length > 60 || /\p{Ll}/u.test(tail) || !/\p{Lu}/u.test(tail)) break;
    notes.push(tail);
    title = title.slice(0, bar).trim();
  }
  let kind: SessionKind | null = null;
  const symbols = /^[^\p{L}\p{N}[("“'‘]+/u.exec(title)?.[0] ?? '';
  const rest = title.slice(symbols.length);
  for (const [re, k] of KIND_PREFIXES) {
    const m = re.exec(rest);
    if (m && rest.length > m[0].length) {
      kind = k;
      title = rest.slice(m[0].length).trim();
      break;
    }
  }
  return { title: title.trim(), kind, notes };
}

export interface SchedSummary extends CleanTitle {
  byline: string | null;
  speakers: string[];
  companies: string[];
  groups: SpeakerGroup[];
}

/**
 * A Sched `SUMMARY` (iCalendar-unescaped) split into title, byline, speakers and companies.
 * The byline follows the last ` - `; a right-hand side that is no byline (no comma, no `&`, not
 * a name of two or more words) stays part of the title; a byline that does not fit the shapes is kept whole with no
 * speakers.
 */
export function splitSchedSummary(summary: string): SchedSummary {
  const whole = cleanTitle(summary);
  const text = whole.title;
  const dash = text.lastIndexOf(' - ');
  const left = dash > 0 ? text.slice(0, dash).trim() : '';
  const right = dash > 0 ? text.slice(dash + 3).trim() : '';
  if (left && right) {
    const parts = splitByline(right);
    if (parts || /[,;&]|\sand\s/.test(right) || (/\s/.test(right) && isPersonName(right))) {
      const l = cleanTitle(left, true);
      const notes = l.notes.length ? whole.notes.concat(l.notes) : whole.notes;
      const kind = whole.kind ?? l.kind;
      if (parts) return { title: l.title, kind, notes, byline: right, speakers: parts.speakers, companies: parts.companies, groups: parts.groups };
      return { title: l.title, kind, notes, byline: right, speakers: [], companies: [], groups: [] };
    }
  }
  return { title: text, kind: whole.kind, notes: whole.notes, byline: null, speakers: [], companies: [], groups: [] };
}
