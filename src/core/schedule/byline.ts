/**
 * Titles and bylines of schedule entries. Sched writes a session as
 * `Title - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech` (after iCalendar unescaping): the byline
 * follows the last ` - `, `;` separates company groups, `&`/`and`/`,` separate names within a
 * group, the last comma-part of a group is its company, and keynotes add job titles
 * (`Name, CTO, Org & Name2, VP, Org2`). When a byline does not fit these shapes it is kept whole
 * and no speakers are guessed. Names are never split inside (`Jo (JJ) Park`, `Ana DE LA CRUZ`).
 * Every expression here is anchored or has a single unambiguous repetition.
 */
import type { SessionKind } from './model';
import { cleanLine } from './text';
import { NOT_NAME_WORDS } from '../text/words';

/** Speakers who share a company (one `;` group of a Sched byline). */
export interface SpeakerGroup {
  speakers: string[];
  company: string | null;
}

export interface BylineParts {
  speakers: string[];
  companies: string[];
  groups: SpeakerGroup[];
}

const PARTICLES = new Set([
  'van',
  'de',
  'von',
  'der',
  'den',
  'da',
  'das',
  'di',
  'do',
  'dos',
  'du',
  'del',
  'della',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'binti',
  'al',
  'el',
  'y',
  'e',
  'af',
  'zu',
  'st.',
]);
/** Words that are not names: the shared ones and words of session titles. */
const STOP_WORDS = new Set([...NOT_NAME_WORDS, 'where', 'who', 'we', 'you', 'vs.', 'part', 'day', 'session', 'demo', 'q&a', 'tbd', 'tba', 'hard', 'easy', 'next', 'again']);
const ROLE_WORDS = new Set(
  (
    'cto ceo cfo coo cio ciso cmo cpo cso vp svp evp avp gm president director engineer engineering manager founder co-founder cofounder ' +
    'chief head lead principal officer architect fellow chair chairperson maintainer developer advocate evangelist researcher scientist ' +
    'consultant executive partner professor student strategist specialist analyst member owner distinguished senior staff sr technologist ' +
    'program programs product marketing operations ambassador board'
  ).split(' '),
);
const COMPANY_HINT =
  /(?:\b(?:inc|llc|ltd|gmbh|ag|sa|s\.a|bv|b\.v|plc|corp|corporation|co|labs?|cloud|hat|research|technologies|technology|systems|software|foundation|university|institute|group|bank|networks?|solutions|consulting|security|services|independent|freelance|freelancer|ai|data|dev|io|the)\b|\.(?:io|com|dev|ai|org|net)\b|\d)/i;

/** Whether a part of a byline is a job title (`CTO`, `VP Engineering`, `Executive Director`). */
export function isJobTitle(part: string): boolean {
  // Role words are ASCII: other letters may as well separate words here.
  for (const w of part.toLowerCase().split(/[^a-z-]+/)) if (w && ROLE_WORDS.has(w)) return true;
  return false;
}

/** Holds a nickname's words together while a name is split into words. */
const JOINER = '\u2060';

const NAME_WORD = /^\p{L}[\p{L}\p{M}'’.-]*$/u;
const NICKNAME = /^(?:\([\p{L}\p{M}'’. -]+\)|["“'‘][\p{L}\p{M}'’.-]+["”'’])$/u;
const CAPITAL = /^[("“'‘]?(?:\p{Lu}|\p{Lo})/u;

/**
 * Whether `text` reads as one person's name: one to six name words (letters, marks,
 * apostrophes, dots, hyphens; a nickname in parentheses or quotes), at least one of them
 * capitalised or uncased (CJK), no particle-only names, no job titles, no digits.
 */
export function isPersonName(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 70) return false;
  // Keep a parenthesised nickname as one word even with a space inside: `Jo (J J) Park`.
  const words = t.includes('(')
    ? t
        .replace(/\([^()]{0,30}\)/g, (m) => m.replace(/\s+/g, JOINER))
        .split(/\s+/)
        .map((w) => w.split(JOINER).join(' '))
    : t.split(/\s+/);
  if (words.length > 6) return false;
  let onlyParticles = true;
  let capital = false;
  for (const w of words) {
    const lower = w.toLowerCase();
    if (ROLE_WORDS.has(lower.replace(/\.$/, ''))) return false;
    if (PARTICLES.has(lower)) continue;
    onlyParticles = false;
    if (STOP_WORDS.has(lower)) return false;
    const c = w[0];
    const nick = c === '(' || c === '"' || c === '“' || c === "'" || c === '‘';
    if (!(nick ? NICKNAME : NAME_WORD).test(w)) return false;
    capital ||= CAPITAL.test(w);
  }
  return !onlyParticles && capital;
}

function looksLikeCompany(part: string): boolean {
  return !/\s/.test(part.trim()) || COMPANY_HINT.test(part);
}

const AND = /\s+(?:&|and)\s+/i;

function names(part: string): string[] | undefined {
  const list = part.split(AND).map((n) => n.trim());
  return list.every(isPersonName) ? list : undefined;
}

/** One `;` group: `A & B, Org`, `A, B, C & D, Org`, `Name, CTO, Org & Name2, VP, Org2`, `A & B`. */
function splitGroup(group: string): SpeakerGroup[] | undefined {
  const parts = group.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length === 1) {
    const list = names(parts[0]);
    // A lone word could be a person or a company (`Title - Acme`): unsure.
    if (!list || (list.length === 1 && !/\s/.test(list[0]))) return undefined;
    return [{ speakers: list, company: null }];
  }
  // Each person with their own title and company, joined by `&`: `Name, CTO, Org & Name2, VP, Org2`.
  const segs = group.split(AND).map((s) => s.trim());
  if (segs.length >= 2 && segs.every((s) => s.includes(','))) {
    const segParts = segs.map((s) => s.split(',').map((p) => p.trim()));
    const middlesAreRoles = segParts.every((ps) => ps.slice(1, -1).every(isJobTitle));
    const separate = segParts.some((ps) => ps.length > 2) || looksLikeCompany(segParts[0][segParts[0].length - 1]);
    if (middlesAreRoles && separate && segParts.every((ps) => isPersonName(ps[0]))) {
      return segParts.map((ps) => {
        const last = ps[ps.length - 1];
        return { speakers: [ps[0]], company: isJobTitle(last) && ps.length === 2 ? null : last };
      });
    }
  }
  // Names (comma- or `&`-separated) then the company; job titles after the first name dropped.
  const last = parts[parts.length - 1];
  const speakers: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) {
    if (i > 0 && isJobTitle(parts[i])) continue;
    const list = names(parts[i]);
    if (!list) return undefined;
    speakers.push(...list);
  }
  if (speakers.length === 0) return undefined;
  // `Ana Lima, CTO` (a title and no company).
  if (isJobTitle(last) && !looksLikeCompany(last)) return [{ speakers, company: null }];
  if (last.length > 80) return undefined;
  return [{ speakers, company: last }];
}

/**
 * Speakers, companies and their groups of a Sched byline (`Ana Lima & Bo Chen, Acme; Cy Diaz,
 * Initech`); undefined when it does not fit the known shapes (keep it whole then).
 */
export function splitByline(byline: string): BylineParts | undefined {
  const text = cleanLine(byline);
  if (!text || text.length > 1000) return undefined;
  const groups: SpeakerGroup[] = [];
  for (const g of text.split(';')) {
    if (!g.trim()) continue;
    const parsed = splitGroup(g.trim());
    if (!parsed) return undefined;
    groups.push(...parsed);
  }
  if (groups.length === 0) return undefined;
  const speakers: string[] = [];
  const companies: string[] = [];
  for (const g of groups) {
    for (const s of g.speakers) if (!speakers.includes(s)) speakers.push(s);
    if (g.company && !companies.includes(g.company)) companies.push(g.company);
  }
  return { speakers, companies, groups };
}

/** Splits a names-only list (`Ana Lima, Bo Chen & Cy Diaz`, pretalx bylines); undefined unless every part is a name. */
export function splitNameList(text: string): string[] | undefined {
  const t = cleanLine(text);
  if (!t || t.length > 1000) return undefined;
  const list = t.split(/\s*,\s*|\s+(?:&|and)\s+/i).map((n) => n.trim());
  return list.length > 0 && list.every(isPersonName) ? list : undefined;
}

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
