/**
 * Reading heading text: is it a day, a group of talks, a section of a talk; and splitting a
 * talk heading into title, speakers, company and kind. Every regex here is anchored or
 * linear (no nested quantifiers), so a hostile heading cannot make it backtrack for long.
 */
import { compileUserPattern, type UserPattern } from '../userPattern';

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const NUMBER_WORDS = 'zero|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|last';
const DAY_TOKEN = `(?:day[ \\t_-]*(?:\\d{1,2}|(?:${NUMBER_WORDS})\\b)|(?:${NUMBER_WORDS}) day\\b|(?:${WEEKDAYS})\\b|\\d{4}-\\d{2}-\\d{2}\\b)`;
const BUILT_IN_DAY = new RegExp(`^${DAY_TOKEN}(?=$|[\\s:,.;()\\[\\]/–—-])`, 'i');
const PLAIN_DAY = new RegExp(`^${DAY_TOKEN}[^:]{0,40}:$`, 'i');

/**
 * Compiles talkCapture.dayHeadingPattern for the linear-time engine (see core/userPattern);
 * undefined when empty or refused (then the built-in rules apply; `refusedPatternMessages`
 * says why).
 */
export function compileDayPattern(source: string | undefined): UserPattern | undefined {
  if (!source || !source.trim()) return undefined;
  const compiled = compileUserPattern(source, { ignoreCase: true });
  return compiled.ok ? compiled.pattern : undefined;
}

/** Whether a heading's plain text names a day. */
export function isDayHeading(title: string, custom?: UserPattern): boolean {
  const t = title.trim();
  if (t.length > 200) return false;
  return custom ? custom.test(t) : BUILT_IN_DAY.test(t);
}

/** Whether the first line of a paragraph is a day marker such as `Day03:`; returns the day's title. */
export function plainDayTitle(line: string, custom?: UserPattern): string | undefined {
  const t = line.trim();
  if (t.length > 60 || !t.endsWith(':')) return undefined;
  const title = t.slice(0, -1).trim();
  if (!title) return undefined;
  if (custom) return custom.test(title) ? title : undefined;
  return PLAIN_DAY.test(t) ? title : undefined;
}

/** The day a file name or a title speaks of (`day2.md`, "KubeCon Day 1"), as `Day 2`. */
export function dayFromName(name: string | undefined): string | null {
  if (!name) return null;
  const m = /(?:^|[^a-z])day[ _-]?0*(\d{1,2})(?![0-9])/i.exec(name);
  return m ? `Day ${Number(m[1])}` : null;
}

const SECTION_WORDS = new Set([
  'notes', 'my notes', 'agenda', 'takeaways', 'key takeaways', 'takeaway', 'intro', 'introduction', 'summary', 'tl;dr', 'tldr',
  'q&a', 'q & a', 'questions', 'demo', 'demos', 'links', 'resources', 'slides', 'recording', 'video', 'overview', 'background',
  'conclusion', 'conclusions', 'highlights', 'key points', 'thoughts', 'my thoughts', 'problem', 'solution', 'design', 'architecture',
  'details', 'references', 'next steps', 'outro', 'abstract', 'about', 'context', 'motivation', 'lessons learned', 'quotes', 'todo', 'to do',
]);

const NON_TALK_WORDS = new Set([
  'welcome', 'summary', 'intro', 'introduction', 'conclusion', 'conclusions', 'links', 'resources', 'table of contents', 'toc',
  'wrap-up', 'wrap up', 'final thoughts', 'overview', 'about', 'preface', 'afterword', 'references', 'see also', 'contents',
]);

const GROUP_RE = /^(?:(?:morning|afternoon|evening|opening|closing|day[ -]?\d*|main|sponsored|lightning|co-located|colocated|other|more|short|all)\s+)*(?:keynotes?|talks|sessions|lightning talks|tracks?|lightnings?|co-located events|colocated events|breakouts?|panels|workshops|tutorials|contribfests?)\b/i;

function bare(title: string): string {
  return title.trim().replace(/[\s!.:?…]+$/u, '').toLowerCase();
}

/** `### Notes`, `#### Takeaways`: a part of a talk rather than a talk. */
export function isSectionTitle(title: string): boolean {
  return SECTION_WORDS.has(bare(title));
}

/** `## Welcome!`, `## Summary`: a part of the note that is not a talk. */
export function isNonTalkTitle(title: string): boolean {
  return NON_TALK_WORDS.has(bare(title));
}

/** `## Morning Keynotes`, `## Talks`, `### Keynote` (with talks below): a heading that names a set of talks. */
export function isGroupTitle(title: string): boolean {
  const t = title.trim();
  if (t.length > 60) return false;
  if (/^keynote\s*$/i.test(t)) return true;
  return GROUP_RE.test(t) && !/\d+\s*:/.test(t) && !/\s[-–—]\s/.test(t);
}

/** A heading that clearly is one talk: numbered keynote/talk, speakers, a linked project, "by Someone". */
export function looksLikeTalk(title: string): boolean {
  if (/^(?:sponsored\s+)?(?:keynote|talk|lightning(?:\s+talk)?|session|panel)\s*#?\s*\d+/i.test(title)) return true;
  const split = splitTalkHeading(title);
  return split.speakers.length > 0;
}

export interface TalkHeadingParts {
  title: string;
  speakers: string[];
  company: string | null;
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

const STOP_WORDS = new Set([
  'the', 'a', 'an', 'of', 'for', 'with', 'to', 'in', 'on', 'at', 'is', 'are', 'was', 'be', 'used', 'using', 'use', 'how', 'what', 'why',
  'when', 'your', 'our', 'my', 'from', 'into', 'beyond', 'vs', 'query', 'language', 'and', 'or', 'not', 'it', 'its', 'this', 'that',
  'way', 'ways', 'design', 'default', 'example', 'accident', 'hand', 'now', 'all', 'new', 'more', 'about', 'without', 'scale', 'scaling', 'building', 'build', 'cloud', 'native', 'data',
  'talk', 'project', 'update', 'updates', 'intro', 'introduction', 'kubernetes', 'k8s', 'observability', 'security', 'ai', 'deep', 'dive',
]);
const PARTICLES = new Set(['van', 'de', 'von', 'der', 'da', 'di', 'le', 'la', 'del', 'den', 'dos', 'du', 'ter', 'bin', 'al']);
const COMPANY_TOKENS = /\b(?:inc|llc|ltd|gmbh|ag|sa|corp|corporation|labs?|cloud|hat|research|technologies|technology|systems|software|foundation|university|group|bank|telekom|networks?|solutions|consulting|io|ai|by|at|microsoft|google|amazon|aws|ibm|intel|nvidia|oracle|sap|vmware|broadcom|cisco|apple|meta|grafana|datadog|dynatrace|red|suse|canonical|isovalent|tetrate|solo\.io|huawei|alibaba|tencent|bloomberg|spotify|adobe|salesforce|okta|docker|gitlab|github|mirantis)\b/i;
const ROLE_TOKENS = /\b(?:president|director|engineer|manager|cto|ceo|cfo|coo|vp|founder|co-founder|maintainer|developer|advocate|architect|lead|head|principal|staff|senior|chair|evangelist|researcher|student|consultant)\b/i;

function isNameWord(w: string, lenient: boolean): boolean {
  if (PARTICLES.has(w)) return true;
  if (!/^[\p{L}][\p{L}\p{M}'’.-]*$/u.test(w)) return false;
  if (STOP_WORDS.has(w.toLowerCase())) return false;
  return lenient || /^\p{Lu}/u.test(w) || /^\p{Lo}/u.test(w);
}

/** A person's name: one to four name words, not all particles. */
function isPersonName(s: string, lenient: boolean): boolean {
  const words = s.trim().split(/\s+/);
  if (words.length === 0 || words.length > 4 || s.length > 60) return false;
  if (words.every((w) => PARTICLES.has(w))) return false;
  return words.every((w) => isNameWord(w, lenient));
}

function isCompanyLike(s: string): boolean {
  const words = s.trim().split(/\s+/);
  return words.length === 1 || COMPANY_TOKENS.test(s) || words.some((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w));
}

/** Parses `A, Co; B, Co & C, Co` / `A, B` / `A`; undefined when it does not read as speakers. */
function parseSpeakers(s: string, lenient: boolean): { speakers: string[]; company: string | null } | undefined {
  const text = s.trim().replace(/[.:]+$/, '').trim();
  if (!text || text.length > 200 || /[?!:()[\]{}|#`*_<>"=/\\\d]/.test(text)) return undefined;
  const entries = text.split(/\s*;\s*|\s+(?:&|and)\s+(?=\S+\s+[^,;&]*,)/).filter((e) => e.trim());
  const speakers: string[] = [];
  const companies: string[] = [];
  for (const entry of entries) {
    const parts = entry.split(/\s*,\s*/).filter((p) => p.trim());
    if (parts.length === 0) return undefined;
    const first = parts[0];
    const names = first.split(/\s+(?:&|and)\s+/);
    if (!names.every((n) => isPersonName(n, lenient))) return undefined;
    speakers.push(...names.map((n) => n.trim()));
    for (const part of parts.slice(1)) {
      if (ROLE_TOKENS.test(part)) continue;
      const more = part.split(/\s+(?:&|and)\s+/);
      if (!isCompanyLike(part) && more.every((n) => isPersonName(n, false) && n.trim().split(/\s+/).length >= 2)) speakers.push(...more.map((n) => n.trim()));
      else if (!companies.includes(part.trim())) companies.push(part.trim());
    }
  }
  if (speakers.length === 0) return undefined;
  return { speakers, company: companies.length ? companies.join(', ') : null };
}

const GENERIC_BEFORE_BY = /^(?:(?:a|the|my|our)\s+)?(?:talk|session|presentation|demo|intro|introduction)\s*\d*$/i;

/**
 * Splits a talk heading's plain text. Keeps the whole text as the title when unsure.
 * `Title - Speaker, Company`, `Title – A, Co; B, Co & C, Co`, `Title by Speaker`,
 * `Keynote 3: Title`, `Talk 1: Speaker - Title`, `14:30 Title - Speaker`.
 */
export function splitTalkHeading(heading: string): TalkHeadingParts {
  let text = heading.trim();
  let time: string | null = null;
  const tm = /^(\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?)\s+(?=\S)/.exec(text);
  if (tm) {
    time = tm[1];
    text = text.slice(tm[0].length);
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
  const result = (title: string, speakers: string[] = [], company: string | null = null): TalkHeadingParts => ({
    title: (title.trim() ? (head + title).trim() : head.trim().replace(/\s*:$/, '')) || text.trim(),
    speakers,
    company,
    kind,
    time,
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
    const parsed = parseSpeakers(right, false);
    if (parsed) return result(left, parsed.speakers, parsed.company);
  }
  if (seps.length > 0 && prefix) {
    // `Talk 1: Speaker - Title`
    const left = rest.slice(0, seps[0].index).trim();
    const right = rest.slice(seps[0].index + seps[0].length).trim();
    const parsed = parseSpeakers(left, false);
    if (parsed && right && !parseSpeakers(right, false)) return result(right, parsed.speakers, parsed.company);
  }
  // "by Speaker"
  const byIndex = rest.lastIndexOf(' by ');
  if (byIndex > 0) {
    const left = rest.slice(0, byIndex).trim();
    const right = rest.slice(byIndex + 4).trim();
    if (left && !GENERIC_BEFORE_BY.test(left) && !GENERIC_BEFORE_BY.test(text.slice(0, head.length + byIndex).trim())) {
      const parsed = parseSpeakers(right, true);
      if (parsed && (/\s/.test(right) || /^\p{Lu}/u.test(right))) return result(left, parsed.speakers, parsed.company);
    }
  }
  return result(rest);
}
