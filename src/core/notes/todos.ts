/**
 * TODO items in a line of a note: `TODO`/`FIXME`/`TBD` markers, placeholders for links that
 * are still missing (`(link)`, `[]()`, `[slides]()`, `[slides](TODO)`), `(check)` markers, and
 * the extra patterns of talkCapture.todoPatterns. The line is given with its inline code
 * blanked out (see `maskSpans`), so nothing inside code counts.
 */
import type { TodoItem, TodoKind } from './model';
import { compileUserPattern, type UserPattern } from '../userPattern';

const CANDIDATE = /TODO|FIXME|TBD|todo:|\]\(|\((?:link|links|url|check|to check)\)/i;
const EMPTY_LINK = /!?\[[^\][\n]{0,300}\]\([ \t]*(?:TODO|link|#)?[ \t]*\)/gi;
const LINK_WORD = /(?:\b(?:slides?|video|recording|repo|repository|docs?|blog(?: post)?|paper|article|website|site|code|demo|talk|github|schedule)[ \t]+)?\((?:link|links|url|TODO link)\)/gi;
const CHECK = /\((?:check|to check|check this)\)/gi;
const MARKER = /(?<![\p{L}\p{N}_/.#-])(?:TODO|FIXME|TBD|[Tt]odo(?=:))(?![\p{L}\p{N}_/-])/gu;

export interface TodoMatcher {
  extra: UserPattern[];
}

/**
 * Compiles talkCapture.todoPatterns for the linear-time engine (see core/userPattern); refused
 * patterns are skipped (their sources are returned in `invalid`; `refusedPatternMessages` says why).
 */
export function compileTodoPatterns(sources: readonly string[] | undefined): { extra: UserPattern[]; invalid: string[] } {
  const extra: UserPattern[] = [];
  const invalid: string[] = [];
  for (const src of sources ?? []) {
    if (typeof src !== 'string' || !src) continue;
    const compiled = compileUserPattern(src, { global: true });
    if (compiled.ok) extra.push(compiled.pattern);
    else invalid.push(src);
  }
  return { extra, invalid };
}

/** Replaces the given [start, end) spans by spaces, keeping columns. */
export function maskSpans(line: string, spans: ReadonlyArray<[number, number]> | undefined): string {
  if (!spans || spans.length === 0) return line;
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    out += line.slice(at, s) + ' '.repeat(Math.max(0, Math.min(e, line.length) - s));
    at = Math.min(e, line.length);
  }
  return out + line.slice(at);
}

interface Hit {
  kind: TodoKind;
  start: number;
  end: number;
}

function overlaps(hits: readonly Hit[], start: number, end: number): boolean {
  return hits.some((h) => start < h.end && end > h.start);
}

/**
 * TODO items of one line (`masked`: code blanked out; `original`: as written, for the items'
 * text). `line1` is the 1-based line number.
 */
export function todosInLine(masked: string, original: string, line1: number, matcher: TodoMatcher | undefined, out: TodoItem[]): void {
  const extra = matcher?.extra ?? [];
  // Cheap checks first: most lines have nothing to find.
  const paren = masked.indexOf('(') !== -1;
  const marker = masked.indexOf('TODO') !== -1 || masked.indexOf('FIXME') !== -1 || masked.indexOf('TBD') !== -1 || masked.indexOf('odo:') !== -1;
  if (extra.length === 0 && !paren && !marker) return;
  if (extra.length === 0 && !marker && !CANDIDATE.test(masked)) return;
  const hits: Hit[] = [];
  if (paren) {
    if (masked.indexOf('](') !== -1) for (const m of masked.matchAll(EMPTY_LINK)) hits.push({ kind: 'missing-link', start: m.index, end: m.index + m[0].length });
    for (const m of masked.matchAll(LINK_WORD)) {
      if (masked[m.index - 1] === ']') continue;
      if (!overlaps(hits, m.index, m.index + m[0].length)) hits.push({ kind: 'missing-link', start: m.index, end: m.index + m[0].length });
    }
    for (const m of masked.matchAll(CHECK)) {
      if (!overlaps(hits, m.index, m.index + m[0].length)) hits.push({ kind: 'check', start: m.index, end: m.index + m[0].length });
    }
  }
  const markers: Hit[] = [];
  if (marker) {for (const m of masked.matchAll(MARKER)) {
    if (overlaps(hits, m.index, m.index + m[0].length) || overlaps(markers, m.index, m.index + 1)) continue;
    markers.push({ kind: 'todo', start: m.index, end: masked.length });
  }}
  for (const re of extra) {
    re.lastIndex = 0;
    let guard = 0;
    for (let m = re.exec(masked); m && guard < 50; m = re.exec(masked), guard++) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      if (!overlaps(hits, m.index, end) && !overlaps(markers, m.index, end)) hits.push({ kind: 'todo', start: m.index, end });
    }
  }
  // A marker's text runs to the end of the line, or to the next item on it.
  for (const mk of markers) {
    let next = hits.filter((h) => h.start > mk.start).reduce((a, h) => Math.min(a, h.start), masked.length);
    const pipe = masked.indexOf('|', mk.start);
    if (pipe !== -1 && pipe < next) next = pipe; // a table cell ends at its pipe
    let end = next;
    while (end > mk.start && /\s/.test(masked[end - 1])) end--;
    hits.push({ ...mk, end });
  }
  hits.sort((a, b) => a.start - b.start);
  for (const h of hits) {
    const text = original.slice(h.start, h.end);
    out.push({ kind: h.kind, text, line: line1, column: h.start + 1, endColumn: h.end + 1 });
  }
}
