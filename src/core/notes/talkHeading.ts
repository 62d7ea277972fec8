/**
 * Splitting a talk heading into title, speakers, company, kind and time. The speakers and company
 * are read by the one byline rule (core/text/byline.ts) that also reads conference schedules.
 * Every regex here is anchored or linear (no nested quantifiers).
 */
import { splitByline } from '../text/byline';

export interface TalkHeadingParts {
  title: string;
  speakers: string[];
  /** The companies joined by `, `, else null. */
  company: string | null;
  /** Each company on its own. */
  companies: string[];
  kind: string | null;
  time: string | null;
}

const KINDS: Array<[RegExp, string]> = [
  [/^sponsored\s+keynote\b/i, 'Sponsored keynote'],
  [/^keynote\b/i, 'Keynote'],
  [/^lightning(?:\s+talk)?\b/i, 'Lightning talk'],
  [/^panel(?:\s+discussion)?\b/i, 'Panel'],
  [/^workshop\b/i, 'Workshop'],
  [/^tutorial\b/i, 'Tutorial'],
  [/^contrib\s?fest\b/i, 'ContribFest'],
  [/^maintainer\s+track\b/i, 'Maintainer track'],
];

/**
 * The speakers and company of a heading's byline (`Ana Lima, Acme; Bo Chen, Initech`); undefined
 * when it reads as no byline. `afterDash`: the byline ends the heading after ` - `, where `First
 * Last` with a known given name is a person even when the surname is a word of titles, when a
 * company or another person follows (`Ada Example, Example Corp`).
 */
function parseSpeakers(s: string, lenient: boolean, afterDash = false): { speakers: string[]; companies: string[] } | undefined {
  // A colon or an ellipsis at the end is no part of a name; a dot may be (`Initech, Inc.`).
  const text = s
    .trim()
    .replace(/(?::|\.\.\.|…)+$/, '')
    .trim();
  // Markdown and sentence punctuation: a subtitle, not people.
  if (!text || text.length > 400 || /[?!:[\]{}|#`*_<>"=\\]/.test(text)) return undefined;
  const parts = splitByline(text, { lenient, titleWordSurname: afterDash });
  return parts && { speakers: parts.speakers, companies: parts.companies };
}

const GENERIC_BEFORE_BY = /^(?:(?:a|the|my|our)\s+)?(?:talk|session|presentation|demo|intro|introduction)\s*\d*$/i;

/**
 * Splits a talk heading's plain text. Keeps the whole text as the title when unsure.
 * `Title - Speaker, Company`, `Title – A, Co; B, Co & C, Co`, `Title by Speaker`,
 * `Keynote 3: Title`, `Talk 1: Speaker - Title`, `14:30 Title - Speaker`.
 */
export function splitTalkHeading(heading: string): TalkHeadingParts {
  return splitWithByline(heading).parts;
}

/**
 * The speakers and company of a talk heading (`Ana Lima, Acme` in `Title - Ana Lima, Acme`,
 * `Marc Duiker` in `[Dapr](https://dapr.io/) by Marc Duiker`): offsets [start, end) in the
 * heading text, or undefined when the heading names no speakers. A byline is not prose: a
 * surname that is also a project (`Lima`) is not a mention of it.
 */
function talkHeadingByline(heading: string): { start: number; end: number } | undefined {
  return splitWithByline(heading).byline;
}

/**
 * {@link talkHeadingByline} on a whole ATX heading line (`### Title - Ana Lima, Acme`): 0-based
 * columns [start, end) of the byline in the line, or undefined (not a heading, or no speakers).
 */
export function headingLineByline(line: string): { start: number; end: number } | undefined {
  if (line.length > 1000) return undefined;
  const m = /^ {0,3}#{1,6}[ \t]+/.exec(line);
  if (!m) return undefined;
  const b = talkHeadingByline(line.slice(m[0].length));
  return b ? { start: b.start + m[0].length, end: b.end + m[0].length } : undefined;
}

function splitWithByline(heading: string): { parts: TalkHeadingParts; byline?: { start: number; end: number } } {
  let text = heading.trim();
  let base = heading.length - heading.trimStart().length;
  let time: string | null = null;
  const tm = /^(\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?)\s+(?=\S)/.exec(text);
  if (tm) {
    time = tm[1];
    text = text.slice(tm[0].length);
    base += tm[0].length;
  }
  let kind: string | null = null;
  for (const [re, name] of KINDS) {
    if (re.test(text)) {
      kind = name;
      break;
    }
  }
  if (!kind && /\bproject update\b/i.test(text)) kind = 'Project update';
  const prefix = /^(?:(?:sponsored\s+)?keynote|talk|lightning(?:\s+talk)?|session|panel)\s*#?\s*\d*\s*:\s*/i.exec(text);
  const head = prefix ? prefix[0] : '';
  const rest = text.slice(head.length);
  base += head.length;
  /** Offsets of `rest`'s [from, to) trimmed, in the heading. */
  const span = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(rest[a])) a++;
    while (b > a && /\s/.test(rest[b - 1])) b--;
    return { start: base + a, end: base + b };
  };
  const result = (title: string, speakers: string[] = [], companies: string[] = [], byline?: { start: number; end: number }) => ({
    parts: {
      title: (title.trim() ? (head + title).trim() : head.trim().replace(/\s*:$/, '')) || text.trim(),
      speakers,
      company: companies.length ? companies.join(', ') : null,
      companies,
      kind,
      time,
    },
    byline,
  });
  if (text.length > 400) return result(rest);

  // Dash separators: prefer the last one whose right side reads as speakers.
  const seps: Array<{ index: number; length: number }> = [];
  const hasDash = /[-–—]/.test(rest);
  const sepRe = /[ \t]+[-–—][ \t]+|(?<=[\p{L}\p{N})\]])[–—-][ \t]+(?=\p{Lu})|(?<=[\p{L}\p{N})\]])[–—][ \t]*(?=\p{Lu})/gu;
  if (hasDash) for (let m = sepRe.exec(rest); m; m = sepRe.exec(rest)) seps.push({ index: m.index, length: m[0].length });
  for (let k = seps.length - 1; k >= 0; k--) {
    const left = rest.slice(0, seps[k].index).trim();
    const right = rest.slice(seps[k].index + seps[k].length).trim();
    if (!left) continue;
    const parsed = parseSpeakers(right, false, true);
    if (parsed) return result(left, parsed.speakers, parsed.companies, span(seps[k].index + seps[k].length, rest.length));
  }
  if (seps.length > 0 && prefix) {
    // `Talk 1: Speaker - Title`
    const left = rest.slice(0, seps[0].index).trim();
    const right = rest.slice(seps[0].index + seps[0].length).trim();
    const parsed = parseSpeakers(left, false);
    if (parsed && right && !parseSpeakers(right, false)) return result(right, parsed.speakers, parsed.companies, span(0, seps[0].index));
  }
  // "by Speaker"
  const byIndex = rest.lastIndexOf(' by ');
  if (byIndex > 0) {
    const left = rest.slice(0, byIndex).trim();
    const right = rest.slice(byIndex + 4).trim();
    if (left && !GENERIC_BEFORE_BY.test(left) && !GENERIC_BEFORE_BY.test(text.slice(0, head.length + byIndex).trim())) {
      const parsed = parseSpeakers(right, true);
      if (parsed && (/\s/.test(right) || /^\p{Lu}/u.test(right))) return result(left, parsed.speakers, parsed.companies, span(byIndex + 4, rest.length));
    }
  }
  return result(rest);
}
