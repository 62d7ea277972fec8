/**
 * Day headings and day markers: `talkCapture.dayHeadingPattern`, the built-in rules (is a day
 * the main subject of the heading), CJK day names, and the day a file name speaks of. The
 * tokens and day expressions are read by dayTokens.ts. Every regex here is anchored or linear
 * (no nested quantifiers), so a hostile heading cannot make it backtrack for long.
 */
import { compileUserPattern, type UserPattern } from '../userPattern';
import { dayExpressionAt, dayTokens, type DayToken } from './dayTokens';

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
