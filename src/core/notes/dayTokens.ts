/**
 * Reading a heading as tokens for the day rules (dayHeading.ts): the tokenizer, and the day
 * expressions found at a token (`Day 2`, `second day`, `Monday`, `Wed, Nov 13`, `2025-11-13`,
 * `13. November`) with the calendar words they are made of. One pass, no regular expression over
 * the whole heading, so any heading costs linear time.
 */

export interface DayToken {
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

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !isCjkDayChar(c) && /\p{L}/u.test(String.fromCharCode(c));
}

/** CJK ideographs, kana, hangul, full-width forms: their own tokens (they carry the CJK day names). */
function isCjkDayChar(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

export function dayTokens(title: string): DayToken[] {
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
export function dayExpressionAt(toks: readonly DayToken[], i: number): number {
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
