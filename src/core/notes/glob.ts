/**
 * Glob patterns of the talkCapture settings (notesGlob, excludeGlob) matched against
 * `/`-separated relative paths, with the rules of VS Code's own glob matcher (the one behind
 * `workspace.findFiles` and `languages.match`), so that the CLI and the editor select the same
 * notes: `**` as a whole segment is any number of folders (none included), `*` any characters
 * but `/`, `?` one character but `/`, `{a,b}` one of the alternatives (each a glob; braces do
 * not nest), `[a-z]`/`[!a-z]` a character class. Dots are not special: `*` matches `.git`.
 * Case-sensitive, as VS Code's matcher is.
 *
 * A pattern is translated to a regular expression the way VS Code translates it and run on
 * re2js (linear time): no pattern, however written, makes a match take more than time
 * proportional to the path.
 */
import { RE2JS } from 're2js';

/** A compiled glob: true when the whole relative path matches. */
export type GlobMatcher = (path: string) => boolean;

const GLOBSTAR = '**';
const SLASH = '/';
const NOT_SLASH = '[^/]';

/** Splits on `split` outside braces and brackets (VS Code's splitGlobAware; a trailing empty part is dropped). */
function splitGlobAware(pattern: string, split: string): string[] {
  if (!pattern) return [];
  const parts: string[] = [];
  let inBraces = false;
  let inBrackets = false;
  let current = '';
  for (const c of pattern) {
    if (c === split && !inBraces && !inBrackets) {
      parts.push(current);
      current = '';
      continue;
    }
    if (c === '{') inBraces = true;
    else if (c === '}') inBraces = false;
    else if (c === '[') inBrackets = true;
    else if (c === ']') inBrackets = false;
    current += c;
  }
  if (current) parts.push(current);
  return parts;
}

/** One character as a literal of the regular expression. */
function literal(c: string): string {
  return /^[\w\s]$/.test(c) || c.charCodeAt(0) > 0x7f ? c : `\\${c}`;
}

/** `**`: folders, none included; the last one of the pattern also takes what follows a `/`. */
function globstar(last: boolean): string {
  return `(?:${SLASH}|${NOT_SLASH}+${SLASH}${last ? `|${SLASH}${NOT_SLASH}+` : ''})*?`;
}

/** The characters of a class (`[a-z]`, `[!x]`): ranges kept, a `/` never matched by name. */
function characterClass(body: string): string {
  let negated = false;
  let chars = [...body];
  if (chars[0] === '!' || chars[0] === '^') {
    negated = true;
    chars = chars.slice(1);
  }
  chars = chars.filter((c) => c !== SLASH);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const [from, to] = [chars[i], chars[i + 2]];
      // A reversed range (z-a) matches nothing, as in a JavaScript class it would be an error.
      out += from <= to ? `${literal(from)}-${literal(to)}` : '';
      i += 2;
    } else out += literal(chars[i]);
  }
  if (out === '') return negated ? '[\\s\\S]' : '[^\\s\\S]';
  return `[${negated ? '^' : ''}${out}]`;
}

/** The regular expression of a glob, segment by segment (as VS Code's glob.ts builds it). */
function globRegExp(pattern: string): string {
  if (!pattern) return '';
  const segments = splitGlobAware(pattern, SLASH);
  if (segments.every((s) => s === GLOBSTAR)) return '[\\s\\S]*';
  let re = '';
  let previousGlobstar = false;
  segments.forEach((segment, index) => {
    if (segment === GLOBSTAR) {
      if (!previousGlobstar) re += globstar(index === segments.length - 1);
      previousGlobstar = true;
      return;
    }
    previousGlobstar = false;
    let inBraces = false;
    let braces = '';
    let inBrackets = false;
    let brackets = '';
    for (const c of segment) {
      if (inBraces && c !== '}') {
        braces += c;
        continue;
      }
      // A `]` right after `[` is a character of the class, not its end.
      if (inBrackets && (c !== ']' || brackets === '')) {
        brackets += c;
        continue;
      }
      if (c === '{') inBraces = true;
      else if (c === '[') inBrackets = true;
      else if (c === '}') {
        re += `(?:${splitGlobAware(braces, ',').map(globRegExp).join('|')})`;
        inBraces = false;
        braces = '';
      } else if (c === ']') {
        re += characterClass(brackets);
        inBrackets = false;
        brackets = '';
      } else if (c === '?') re += NOT_SLASH;
      else if (c === '*') re += `${NOT_SLASH}*?`;
      else re += [...c].map(literal).join('');
    }
    // An unclosed `{` or `[` drops what follows it, as in VS Code.
    if (index < segments.length - 1 && (segments[index + 1] !== GLOBSTAR || index + 2 < segments.length)) re += SLASH;
  });
  return re;
}

const compiled = new Map<string, GlobMatcher>();
const MAX_CACHED = 64;

/**
 * The matcher of a glob (cached). An empty pattern matches nothing. Paths are relative, with
 * `/` between folders.
 */
export function globMatcher(pattern: string): GlobMatcher {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  let matcher: GlobMatcher;
  if (!pattern) matcher = () => false;
  else {
    let re: RE2JS | undefined;
    try {
      re = RE2JS.compile(`^(?:${globRegExp(pattern)})$`);
    } catch {
      // Every glob translates to a valid expression; should one not, it matches only itself.
    }
    matcher = re ? (path) => re.matches(path) : (path) => path === pattern;
  }
  if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(pattern, matcher);
  return matcher;
}
