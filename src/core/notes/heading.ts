/**
 * Reading heading text: is it a day, a group of talks, a section of a talk (talk headings'
 * speakers and company: talkHeading.ts). Every regex here is anchored or
 * linear (no nested quantifiers), so a hostile heading cannot make it backtrack for long.
 */
import { compileUserPattern, type UserPattern } from '../userPattern';

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
  return custom ? custom.test(t) : dayMainSubject(t, false);
}

/** Whether the first line of a paragraph is a day marker such as `Day03:`; returns the day's title. */
export function plainDayTitle(line: string, custom?: UserPattern): string | undefined {
  const t = line.trim();
  if (t.length > 60 || !t.endsWith(':')) return undefined;
  const title = t.slice(0, -1).trim();
  if (!title) return undefined;
  if (custom) return custom.test(title) ? title : undefined;
  return dayMainSubject(title, true) ? title : undefined;
}

// ---------------------------------------------------------------------------------------------
// Day headings. A heading is a day when its text names a day (a day number or ordinal, a
// weekday, a date, a CJK day name) as its main subject, whatever label stands around it:
// `Day01`, `OSS Summit day two`, `# CloudNativeCon Day 3`, `fluxcon (Monday)`, `DevConf - Day 1`,
// `Day 2 — Thursday`, `Wednesday, Nov 13`, `第一天`, `1日目`. Not days: `Day 2 operations with
// Flux`, `Never deploy on Friday`, `Surviving day two`. The heading is read as a list of tokens
// (one pass, no regular expression over the whole heading), so any heading costs linear time.

interface DayToken {
  /** Lower-case text. */
  t: string;
  kind: 'alpha' | 'num' | 'punct';
  /** Whitespace stood before the token. */
  space: boolean;
  /** Has an upper-case letter. */
  upper: boolean;
}

const WEEKDAY_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const WEEKDAY_SHORT = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);
const MONTHS = new Map<string, number>([
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);
const NUMBER_WORD_SET = new Set(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
const ORDINAL_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'last', 'final']);
/** `Day`, and the word for it in a few languages people write notes in (`Tag 2`, `Jour 1`, `Día 3`). */
const DAY_WORDS = new Set(['day', 'tag', 'jour', 'día', 'dia', 'dag', 'giorno']);
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
/** `Day 2 operations`: the cloud-native "day two", not a day of the conference. */
const DAY_TWO_WORDS = new Set([
  'operations',
  'operation',
  'ops',
  'operator',
  'operators',
  'problems',
  'challenges',
  'concerns',
  'management',
  'tasks',
  'readiness',
  'automation',
  'support',
]);
/** Words after a day that keep it a day: `Day 1 keynotes`, `KubeCon day 2 recap`, `Monday morning`. */
const DAY_LABEL_WORDS = new Set([
  'recap',
  'notes',
  'note',
  'keynotes',
  'keynote',
  'highlights',
  'summary',
  'morning',
  'afternoon',
  'evening',
  'night',
  'talks',
  'sessions',
  'edition',
  'wrap',
  'wrapup',
  'review',
  'log',
  'diary',
  'journal',
  'schedule',
  'agenda',
  'plan',
  'at',
  'in',
  'of',
  'the',
  'and',
  'am',
  'pm',
]);
/** Words before a day that make it the object of a sentence or a talk title: `Never deploy on Friday`, `Beyond Day 2`. */
const NOT_DAY_BEFORE = new Set([
  'on',
  'for',
  'with',
  'beyond',
  'after',
  'before',
  'about',
  'past',
  'toward',
  'towards',
  'into',
  'until',
  'since',
  'than',
  'like',
  'by',
  'per',
  'every',
  'each',
  'during',
  'without',
  'across',
  'through',
  'till',
  'i',
  'we',
  'you',
  'they',
  'it',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'what',
  'why',
  'how',
  'when',
  'where',
  'who',
  'learned',
  'learnt',
  'happened',
  'did',
  'do',
  'does',
  'not',
  'no',
  'your',
  'their',
  'to',
  'than',
]);
/** Lower-case words that may stand in a label before a day (`the`, `notes from`). */
const LABEL_CONNECTORS = new Set([
  'the',
  'of',
  'at',
  'from',
  'in',
  'and',
  'my',
  'our',
  'notes',
  'recap',
  'edition',
  'summit',
  'conference',
  'con',
  'eu',
  'na',
  'us',
  'europe',
  'asia',
]);
const ING_OK = new Set(['morning', 'evening', 'closing', 'opening', 'meeting', 'spring']);
/** Punctuation after a day that starts a subtitle: `Day 2: Security`, `CloudNativeCon Day 3 - keynotes`. */
const SUBTITLE_SEPARATORS = new Set([':', '-', '–', '—', '(', '[', '|', '/', '·', '•', '：', '（', '、', '，', '»', '>', '~']);

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !isCjkDayChar(c) && /\p{L}/u.test(String.fromCharCode(c));
}

/** CJK ideographs, kana, hangul, full-width forms: their own tokens (they carry the CJK day names). */
function isCjkDayChar(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

function dayTokens(title: string): DayToken[] {
  const out: DayToken[] = [];
  let space = false;
  let i = 0;
  while (i < title.length) {
    const c = title.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x3000) {
      space = true;
      i++;
      continue;
    }
    const start = i;
    let kind: DayToken['kind'];
    if (c >= 48 && c <= 57) {
      while (i < title.length && title.charCodeAt(i) >= 48 && title.charCodeAt(i) <= 57) i++;
      kind = 'num';
    } else if (isLetterCode(c)) {
      while (i < title.length && isLetterCode(title.charCodeAt(i))) i++;
      kind = 'alpha';
    } else {
      // Surrogate pairs (emoji) stay one token.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < title.length ? 2 : 1;
      kind = 'punct';
    }
    const raw = title.slice(start, i);
    out.push({ t: raw.toLowerCase(), kind, space, upper: raw !== raw.toLowerCase() });
    space = false;
  }
  return out;
}

function isDayNumber(tok: DayToken | undefined): boolean {
  return !!tok && tok.kind === 'num' && tok.t.length <= 3 && Number(tok.t) >= 0 && Number(tok.t) <= 99;
}

function isMonthDay(tok: DayToken | undefined): boolean {
  return !!tok && tok.kind === 'num' && tok.t.length <= 2 && Number(tok.t) >= 1 && Number(tok.t) <= 31;
}

/** Number of tokens of a numeric date at `i` (`2025-11-13`, `13.11.2025`, `13/11/25`, `13.11.`), else 0. */
function numericDateAt(toks: readonly DayToken[], i: number): number {
  const a = toks[i];
  const s1 = toks[i + 1];
  const b = toks[i + 2];
  const s2 = toks[i + 3];
  const c = toks[i + 4];
  if (!a || a.kind !== 'num' || !s1 || !b || b.kind !== 'num' || s1.space || b.space) return 0;
  const sep = s1.t;
  if (sep !== '-' && sep !== '/' && sep !== '.') return 0;
  const full = !!s2 && s2.t === sep && !s2.space && !!c && c.kind === 'num' && !c.space;
  if (a.t.length === 4) return full && b.t.length <= 2 && c!.t.length <= 2 ? 5 : 0;
  if (a.t.length > 2 || b.t.length > 2) return 0;
  if (full && (c!.t.length === 4 || c!.t.length === 2)) return 5;
  // `13.11.` (German style, day and month)
  if (sep === '.' && s2 && s2.t === '.' && !s2.space && !(c && c.kind === 'num' && !c.space)) return 4;
  return 0;
}

/** Tokens of a date written with a month name at `i` (`Nov 13`, `November 13th, 2025`, `13 Nov`, `13. November`), else 0. */
function monthDateAt(toks: readonly DayToken[], i: number): number {
  const a = toks[i];
  if (!a) return 0;
  let n: number;
  if (a.kind === 'alpha' && MONTHS.has(a.t)) {
    n = 1;
    if (toks[n + i]?.t === '.' && !toks[n + i].space) n++;
    if (!isMonthDay(toks[i + n])) return 0;
    n++;
  } else if (isMonthDay(a)) {
    n = 1;
    if (toks[i + n]?.kind === 'alpha' && ORDINAL_SUFFIX.has(toks[i + n].t) && !toks[i + n].space) n++;
    if (toks[i + n]?.t === '.') n++;
    if (!(toks[i + n]?.kind === 'alpha' && MONTHS.has(toks[i + n].t))) return 0;
    // `3 may` is not a date unless the month is written with a capital or in full.
    if (toks[i + n].t === 'may' && !toks[i + n].upper) return 0;
    n++;
  } else return 0;
  if (toks[i + n]?.kind === 'alpha' && ORDINAL_SUFFIX.has(toks[i + n].t) && !toks[i + n].space) n++;
  // An optional year: `, 2025` or ` 2025`.
  const comma = toks[i + n]?.t === ',' ? 1 : 0;
  const y = toks[i + n + comma];
  if (y && y.kind === 'num' && y.t.length === 4) n += comma + 1;
  return n;
}

/** Number of tokens of a day expression starting at token `i`, else 0. */
function dayExpressionAt(toks: readonly DayToken[], i: number): number {
  const a = toks[i];
  if (!a) return 0;
  if (a.kind === 'alpha') {
    if (DAY_WORDS.has(a.t)) {
      let n = 1;
      let sep = toks[i + n];
      if (sep && (sep.t === '-' || sep.t === '_' || sep.t === '#' || sep.t === '.') && !toks[i + n + 1]?.space) n++;
      sep = toks[i + n];
      if (isDayNumber(sep)) {
        const after = toks[i + n + 1];
        // `Day 2.5`, `day 3x` are not day numbers.
        if (after && !after.space && (after.kind === 'num' || (after.kind === 'alpha' && !ORDINAL_SUFFIX.has(after.t)) || (after.t === '.' && toks[i + n + 2]?.kind === 'num'))) {
          return 0;
        }
        return n + 1 + (after && after.kind === 'alpha' && ORDINAL_SUFFIX.has(after.t) && !after.space ? 1 : 0);
      }
      if (a.t === 'day' && sep && sep.kind === 'alpha' && (NUMBER_WORD_SET.has(sep.t) || ORDINAL_WORDS.has(sep.t))) return n + 1;
      return 0;
    }
    if ((ORDINAL_WORDS.has(a.t) || a.t === 'opening' || a.t === 'closing') && toks[i + 1]?.t === 'day') return 2;
    if (WEEKDAY_NAMES.has(a.t)) return 1;
    if (WEEKDAY_SHORT.has(a.t)) {
      // `Wed, Nov 13`, `Thu 13.11.`: an abbreviated weekday only before a date.
      let n = 1;
      if (toks[i + n]?.t === '.' || toks[i + n]?.t === ',') n++;
      if (toks[i + n]?.t === ',') n++;
      const d = monthDateAt(toks, i + n) || numericDateAt(toks, i + n);
      return d ? n + d : 0;
    }
    return monthDateAt(toks, i);
  }
  if (a.kind === 'num') {
    // `1st day`, `2nd day`
    if (toks[i + 1]?.kind === 'alpha' && ORDINAL_SUFFIX.has(toks[i + 1].t) && !toks[i + 1].space && toks[i + 2]?.t === 'day') return 3;
    return numericDateAt(toks, i) || monthDateAt(toks, i);
  }
  return 0;
}

/** The CJK day names: `第一天`, `第1日`, `1日目`, `二日目`, `11月13日`, `月曜日`, `星期一`, `周三`, `1일차`, `첫째 날`, `수요일`. */
const CJK_DAY_RES: readonly RegExp[] = [
  /第[ ]?[0-9０-９一二三四五六七八九十]{1,3}[ ]?[天日]/,
  /[0-9０-９一二三四五六七八九十]{1,3}日目/,
  /[0-9０-９]{1,2}月[ ]?[0-9０-９]{1,2}日/,
  /[月火水木金土日]曜日?/,
  /星期[一二三四五六日天]/,
  /[周週][一二三四五六日]/,
  /[0-9]{1,2}[ ]?일차/,
  /(?:첫|둘|셋|넷|다섯)째[ ]?날/,
  /[월화수목금토일]요일/,
];
const CJK_SENTENCE = /[。？！?!]/;
const CJK_AFTER_OK = /^[\s)）\]】」』.,:：、，！!]*(?:$|[:：\-–—(（|/·、，[【「])/;

/** A CJK day name as the main subject: at the end (trailing punctuation aside), or followed by a separator. */
function cjkDay(title: string): boolean {
  for (const re of CJK_DAY_RES) {
    const m = re.exec(title);
    if (!m) continue;
    const before = title.slice(0, m.index);
    const after = title.slice(m.index + m[0].length);
    if (CJK_SENTENCE.test(before) || before.length > 40) continue;
    if (CJK_AFTER_OK.test(after) || after.trim() === '') return true;
  }
  return false;
}

/** Whether the tokens before a day read as a label (`OSS Summit`, `CloudNativeCon EU 2025 -`, `fluxcon (`). */
function isDayLabel(toks: readonly DayToken[], end: number): boolean {
  let words = 0;
  let lowerOther = 0;
  for (let k = 0; k < end; k++) {
    const tok = toks[k];
    if (tok.kind === 'punct') {
      if (tok.t === '?' || tok.t === '!' || tok.t === '"' || tok.t === '“') return false;
      continue;
    }
    words++;
    if (tok.kind === 'num') continue;
    if (NOT_DAY_BEFORE.has(tok.t)) return false;
    if (tok.t.length >= 5 && tok.t.endsWith('ing') && !ING_OK.has(tok.t)) return false;
    if (!tok.upper && !LABEL_CONNECTORS.has(tok.t)) lowerOther++;
  }
  if (words > 6) return false;
  // A lower-case label (`kubecon eu day 2`) is short; a longer one is a sentence.
  return lowerOther === 0 || words <= 3;
}

/** Whether the tokens after a day keep it the main subject. */
function isDayTail(toks: readonly DayToken[], from: number, atStart: boolean, strict: boolean, dayWordForm: boolean): boolean {
  let k = from;
  for (;;) {
    const tok = toks[k];
    if (!tok) return true;
    if (tok.kind === 'punct') {
      if (tok.t === ',' || tok.t === ')' || tok.t === ']' || tok.t === '.' || tok.t === '!' || tok.t === '）' || tok.t === '」' || tok.t === '*' || tok.t === '_') {
        k++;
        continue;
      }
      if (SUBTITLE_SEPARATORS.has(tok.t)) {
        if (!strict) return true;
        // A plain line (`Day 3 (Thursday):`) holds only days and labels.
        k++;
        continue;
      }
      // Emoji and other symbols: decoration.
      if (tok.t.length === 2 || tok.t.charCodeAt(0) > 0x2000) {
        k++;
        continue;
      }
      return false;
    }
    const d = dayExpressionAt(toks, k);
    if (d) {
      k += d;
      continue;
    }
    if (tok.kind === 'num') {
      if (tok.t.length === 4) {
        k++;
        continue;
      }
      return false;
    }
    // A word right after the day.
    if (k === from && DAY_TWO_WORDS.has(tok.t)) return false;
    if (DAY_LABEL_WORDS.has(tok.t)) {
      k++;
      continue;
    }
    // `Day 1 at KubeCon`, `Day one of the summit` and the like are days when the heading starts with "Day N".
    return atStart && dayWordForm && !strict;
  }
}

function dayMainSubject(title: string, strict: boolean): boolean {
  const toks = dayTokens(title);
  for (let i = 0; i < toks.length; i++) {
    const n = dayExpressionAt(toks, i);
    if (!n) continue;
    // `Day 2 operations`, `Day-2 ops`: the cloud-native phrase, whatever stands around it.
    const next = toks[i + n];
    if (next && next.kind === 'alpha' && DAY_TWO_WORDS.has(next.t)) return false;
    if (i > 0 && !isDayLabel(toks, i)) return false;
    const dayWordForm = toks[i].t === 'day' || toks[i + n - 1]?.t === 'day';
    return isDayTail(toks, i + n, i === 0, strict, dayWordForm);
  }
  return cjkDay(title);
}

/** The day a file name or a title speaks of (`day2.md`, "KubeCon Day 1"), as `Day 2`. */
export function dayFromName(name: string | undefined): string | null {
  if (!name) return null;
  const m = /(?:^|[^a-z])day[ _-]?0*(\d{1,2})(?![0-9])/i.exec(name);
  return m ? `Day ${Number(m[1])}` : null;
}

const SECTION_WORDS = new Set([
  'notes',
  'my notes',
  'agenda',
  'takeaways',
  'key takeaways',
  'takeaway',
  'intro',
  'introduction',
  'summary',
  'tl;dr',
  'tldr',
  'q&a',
  'q & a',
  'questions',
  'demo',
  'demos',
  'links',
  'resources',
  'slides',
  'recording',
  'video',
  'overview',
  'background',
  'conclusion',
  'conclusions',
  'highlights',
  'key points',
  'thoughts',
  'my thoughts',
  'problem',
  'solution',
  'design',
  'architecture',
  'details',
  'references',
  'next steps',
  'outro',
  'abstract',
  'about',
  'context',
  'motivation',
  'lessons learned',
  'quotes',
  'todo',
  'to do',
]);

const NON_TALK_WORDS = new Set([
  'welcome',
  'summary',
  'intro',
  'introduction',
  'conclusion',
  'conclusions',
  'links',
  'resources',
  'table of contents',
  'toc',
  'wrap-up',
  'wrap up',
  'wrapup',
  'final thoughts',
  'overview',
  'about',
  'preface',
  'afterword',
  'references',
  'see also',
  'contents',
  'background',
  'how i take notes',
  'how i took notes',
  'how i write notes',
  'ideas for posts',
  'ideas for blog posts',
  'post ideas',
  'blog post ideas',
  'ideas',
  'key takeaways',
  'takeaways',
  'my takeaways',
  'closing thoughts',
  'closing words',
  'highlights',
  'my highlights',
  'my talk',
  'my session',
  'travel',
  'traveling',
  'travelling',
  'travel notes',
  'getting there',
  'flight home',
  'flight back',
  'flights',
  'the flight home',
  'trip home',
  'way home',
  'journey home',
  'going home',
  'heading home',
  'epilogue',
  'prologue',
  'useful links',
  'more links',
  'other links',
  'acknowledgements',
  'acknowledgments',
  'thanks',
  'thank you',
  'disclaimer',
  'tl;dr',
  'tldr',
  'misc',
  'miscellaneous',
  'random notes',
  'other notes',
  'final words',
  'last words',
  'what is next',
  "what's next",
  'next steps',
  'hallway track',
  'swag',
  'the venue',
  'venue',
  'food',
  'afterparty',
  'after party',
  'the end',
]);

/** `Flight home :airplane:`, `✈️ Travel`, `**Summary**`: the words of a heading without emoji, shortcodes, emphasis and end punctuation. */
function plainWords(title: string): string {
  let out = '';
  let pendingSpace = false;
  const t = title.length > 200 ? title.slice(0, 200) : title;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // `:airplane:` shortcodes
    if (c === 58 /* : */) {
      let j = i + 1;
      while (j < t.length && j - i <= 40 && /[a-z0-9_+-]/.test(t[j])) j++;
      if (j > i + 1 && t.charCodeAt(j) === 58) {
        i = j;
        pendingSpace = true;
        continue;
      }
    }
    const ch = t[i];
    const letter = /[\p{L}\p{N}'’&;#-]/u.test(ch);
    if (!letter) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && out) out += ' ';
    pendingSpace = false;
    out += ch === '’' ? "'" : ch;
  }
  return out.toLowerCase();
}
const GROUP_RE =
  /^(?:(?:morning|afternoon|evening|opening|closing|day[ -]?\d*|main|sponsored|lightning|co-located|colocated|other|more|short|all)\s+)*(?:keynotes?|talks|sessions|lightning talks|tracks?|lightnings?|co-located events|colocated events|breakouts?|panels|workshops|tutorials|contribfests?)\b/i;

function bare(title: string): string {
  return title
    .trim()
    .replace(/[\s!.:?…]+$/u, '')
    .toLowerCase();
}

/** `### Notes`, `#### Takeaways`: a part of a talk rather than a talk. */
export function isSectionTitle(title: string): boolean {
  return SECTION_WORDS.has(bare(title));
}

/**
 * `## Welcome!`, `## Summary`, `## Background`, `### Flight home :airplane:`, `## Key takeaways`: a part of the
 * note that is not a talk (never "a talk with no notes"), emoji, shortcodes and emphasis aside.
 */
export function isNonTalkTitle(title: string): boolean {
  return NON_TALK_WORDS.has(bare(title)) || NON_TALK_WORDS.has(plainWords(title));
}

/** `## Morning Keynotes`, `## Talks`, `### Keynote` (with talks below): a heading that names a set of talks. */
export function isGroupTitle(title: string): boolean {
  const t = title.trim();
  if (t.length > 60) return false;
  if (/^keynote\s*$/i.test(t)) return true;
  return GROUP_RE.test(t) && !/\d+\s*:/.test(t) && !/\s[-–—]\s/.test(t);
}
