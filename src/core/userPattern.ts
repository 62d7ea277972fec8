/**
 * Regular expressions that come from settings (talkCapture.dayHeadingPattern,
 * talkCapture.todoPatterns) run on re2js, a linear-time engine: no pattern, however written,
 * can make matching a line take more than time proportional to the line. A pattern that cannot
 * run there (a syntax error, too long, a backreference or a lookaround, which need
 * backtracking) is refused with a reason the editor shows to the user.
 */
import { RE2JS } from 're2js';
import { messageOf } from './util/errors';

/** Longest pattern accepted (the useful ones are a few dozen characters). */
export const MAX_USER_PATTERN_LENGTH = 500;
/** Largest compiled program accepted (re2js's rough cost measure; `a{1000}` is about 1,000). */
const MAX_USER_PATTERN_PROGRAM = 5000;

/** One match: the matched text at [0], its UTF-16 offset in `index`. */
interface UserPatternMatch {
  0: string;
  index: number;
  input: string;
}

/**
 * A compiled user pattern with the part of the RegExp API the notes code uses: `test`, and
 * `exec` with `lastIndex` (advanced after each match when `global`, as a `g` RegExp does).
 */
export interface UserPattern {
  readonly source: string;
  readonly global: boolean;
  lastIndex: number;
  test(text: string): boolean;
  exec(text: string): UserPatternMatch | null;
}

export type UserPatternResult = { ok: true; pattern: UserPattern } | { ok: false; source: string; reason: string };

export interface UserPatternOptions {
  ignoreCase?: boolean;
  /** `exec` continues from `lastIndex` (like a RegExp with the `g` flag). */
  global?: boolean;
}

class LinearPattern implements UserPattern {
  lastIndex = 0;
  constructor(
    readonly source: string,
    private readonly re: RE2JS,
    readonly global: boolean,
  ) {}

  test(text: string): boolean {
    if (!this.global) return this.re.test(text);
    const m = this.exec(text);
    return m !== null;
  }

  exec(text: string): UserPatternMatch | null {
    const from = this.global ? this.lastIndex : 0;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const m = this.re.matcher(text);
    if (!m.find(from)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const start = m.start();
    const end = m.end();
    if (this.global) this.lastIndex = end;
    return { 0: text.slice(start, end), index: start, input: text };
  }
}

/**
 * Constructs that need a backtracking engine, found by a scan that skips escapes and
 * character classes; undefined when there are none.
 */
function unsupportedConstruct(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `a backreference (\\${next}) needs a backtracking engine; write the repeated part out instead`;
      if (!inClass && next === 'k' && source[i + 2] === '<') return 'a named backreference (\\k<…>) needs a backtracking engine';
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (source[i + 1] === ']') i++; // `[]...]`: a literal ] first
      continue;
    }
    if (c === '(' && source[i + 1] === '?') {
      const look = source.slice(i + 2, i + 4);
      if (look.startsWith('=') || look.startsWith('!')) return `a lookahead (${source.slice(i, i + 3)}…) is not supported; match the text itself instead`;
      if (look === '<=' || look === '<!') return `a lookbehind (${source.slice(i, i + 4)}…) is not supported; match the text itself instead`;
    }
  }
  return undefined;
}

/** The first line of an re2js error, without its "error parsing regexp:" prefix. */
function syntaxReason(err: unknown): string {
  const message = messageOf(err);
  return `not a valid pattern: ${message.replace(/^error parsing regexp:\s*/i, '').split('\n')[0]}`;
}

/** Compiles a pattern from a setting for the linear-time engine, or says why it is refused. */
export function compileUserPattern(source: string, options: UserPatternOptions = {}): UserPatternResult {
  const refuse = (reason: string): UserPatternResult => ({ ok: false, source, reason });
  if (typeof source !== 'string') return refuse('not a string');
  if (source.length > MAX_USER_PATTERN_LENGTH) return refuse(`${source.length} characters is longer than the ${MAX_USER_PATTERN_LENGTH} accepted`);
  const construct = unsupportedConstruct(source);
  if (construct) return refuse(construct);
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source), options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (err) {
    return refuse(syntaxReason(err));
  }
  if (re.programSize() > MAX_USER_PATTERN_PROGRAM) return refuse(`too complex (its repetitions expand to more than ${MAX_USER_PATTERN_PROGRAM} steps)`);
  return { ok: true, pattern: new LinearPattern(source, re, options.global === true) };
}

/** The message the editor shows for a refused pattern of a setting. */
function refusedPatternMessage(setting: string, source: string, reason: string): string {
  const shown = source.length > 60 ? source.slice(0, 57) + '…' : source;
  return `The pattern in ${setting} was refused: ${reason} (pattern: ${shown}).`;
}

/**
 * Messages for the refused patterns of the talkCapture settings (empty when all are usable).
 * A refused day pattern leaves the built-in day rules in use; a refused TODO pattern is skipped.
 */
export function refusedPatternMessages(settings: { dayHeadingPattern?: string; todoPatterns?: readonly unknown[] }): string[] {
  const out: string[] = [];
  const day = settings.dayHeadingPattern;
  if (typeof day === 'string' && day.trim()) {
    const r = compileUserPattern(day, { ignoreCase: true });
    if (!r.ok) out.push(refusedPatternMessage('talkCapture.dayHeadingPattern', day, r.reason) + ' The built-in day rules are used.');
  }
  for (const src of settings.todoPatterns ?? []) {
    if (typeof src !== 'string' || !src) continue;
    const r = compileUserPattern(src, { global: true });
    if (!r.ok) out.push(refusedPatternMessage('talkCapture.todoPatterns', src, r.reason) + ' It is skipped.');
  }
  return out;
}
