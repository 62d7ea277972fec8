/**
 * TODO items in a line of a note: `TODO`/`FIXME`/`TBD` markers, placeholders for links that
 * are still missing (`(link)`, `[]()`, `[slides]()`, `[slides](TODO)`), `(check)` markers, and
 * the extra patterns of talkCapture.todoPatterns. The line is given with its inline code
 * blanked out (see `maskSpans`), so nothing inside code counts.
 */
import type { TodoItem, TodoKind } from './model';
import { compileUserPattern, type UserPattern } from '../userPattern';
import { upperBound } from '../util/search';

const CANDIDATE = /TODO|FIXME|TBD|todo:|\]\(|\((?:link|links|url|check|to check)\)/i;
/** `[slides](TODO)`, `[slides]()`, `[slides](<TODO>)`, `[slides](TODO "the slides")`. */
const EMPTY_LINK = /!?\[[^\][\n]{0,300}\]\([ \t]*(?:(?:<(?:TODO|link|#)?>|TODO|link|#)(?:[ \t]+(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'))?)?[ \t]*\)/gi;
const LINK_WORD =
  /(?:\b(?:slides?|video|recording|repo|repository|docs?|blog(?: post)?|paper|article|website|site|code|demo|talk|github|schedule)[ \t]+)?\((?:link|links|url|TODO link)\)/gi;
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

/**
 * The HTML comments of a line (`<!-- ... -->`, also running across lines): their [start, end)
 * spans, and whether a comment is still open at the line's end. `open`: a comment was open
 * when the line began. Nothing in a comment shows in the published post, so a link placeholder
 * there is no TODO item (see {@link todosInLine}). Linear in the line's length.
 */
export function commentSpans(line: string, open: boolean): { spans: Array<[number, number]>; open: boolean } {
  const spans: Array<[number, number]> = [];
  let at = 0;
  let inside = open;
  while (at < line.length) {
    if (inside) {
      const close = line.indexOf('-->', at);
      if (close === -1) {
        spans.push([at, line.length]);
        return { spans, open: true };
      }
      spans.push([at, close + 3]);
      at = close + 3;
      inside = false;
    } else {
      const start = line.indexOf('<!--', at);
      if (start === -1) break;
      at = start;
      inside = true;
    }
  }
  return { spans, open: inside };
}

interface Hit {
  kind: TodoKind;
  start: number;
  end: number;
}

/**
 * The items of `found` (sorted by start, not overlapping one another) that overlap none of
 * `taken` (sorted, not overlapping): one walk over both, never a search per item.
 */
function notOverlapping(found: readonly Hit[], taken: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  let t = 0;
  for (const h of found) {
    while (t < taken.length && taken[t].end <= h.start) t++;
    if (t < taken.length && taken[t].start < h.end) continue;
    out.push(h);
  }
  return out;
}

function toHits(spans: ReadonlyArray<[number, number]>): Hit[] {
  return spans.map(([start, end]) => ({ kind: 'todo', start, end }));
}

/** Two sorted lists of disjoint hits merged into one sorted list. */
function merge(a: readonly Hit[], b: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

function matchesOf(re: RegExp, masked: string, kind: TodoKind, skip?: (start: number, end: number) => boolean): Hit[] {
  const out: Hit[] = [];
  for (const m of masked.matchAll(re)) if (!skip?.(m.index, m.index + m[0].length)) out.push({ kind, start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * TODO items of one line (`masked`: code blanked out; `original`: as written, for the items'
 * text). `line1` is the 1-based line number. `comments`: the line's HTML comments (see
 * {@link commentSpans}), sorted: a link placeholder there is not in the post, so not an item,
 * while a `TODO` marker there is the author's reminder (its text ends with the comment).
 * Linear in the line's length.
 */
export function todosInLine(
  masked: string,
  original: string,
  line1: number,
  matcher: TodoMatcher | undefined,
  out: TodoItem[],
  comments: ReadonlyArray<[number, number]> = [],
): void {
  const extra = matcher?.extra ?? [];
  // Cheap checks first: most lines have nothing to find.
  const paren = masked.indexOf('(') !== -1;
  const marker = masked.indexOf('TODO') !== -1 || masked.indexOf('FIXME') !== -1 || masked.indexOf('TBD') !== -1 || masked.indexOf('odo:') !== -1;
  if (extra.length === 0 && !paren && !marker) return;
  if (extra.length === 0 && !marker && !CANDIDATE.test(masked)) return;
  let hits: Hit[] = [];
  /** Every placeholder, also those not reported (in a comment): a marker inside one is part of it. */
  let taken: Hit[] = [];
  if (paren) {
    if (masked.indexOf('](') !== -1) hits = matchesOf(EMPTY_LINK, masked, 'missing-link');
    hits = merge(
      hits,
      notOverlapping(
        // `[(link)](https://…)`, `[slides (link)](https://…)`: the text of a complete link, not a placeholder.
        matchesOf(LINK_WORD, masked, 'missing-link', (at, end) => masked[at - 1] === ']' || masked.startsWith('](', end)),
        hits,
      ),
    );
    hits = merge(hits, notOverlapping(matchesOf(CHECK, masked, 'check'), hits));
    taken = hits;
    if (comments.length) {
      const inComments = toHits(comments);
      hits = merge(
        hits.filter((h) => h.kind !== 'missing-link'),
        notOverlapping(
          hits.filter((h) => h.kind === 'missing-link'),
          inComments,
        ),
      );
    }
  }
  // The first marker not inside another item; its text runs on (see below), so it is the only one.
  let mk: Hit | undefined;
  if (marker) {
    for (const m of masked.matchAll(MARKER)) {
      if (notOverlapping([{ kind: 'todo', start: m.index, end: m.index + m[0].length }], taken).length === 0) continue;
      mk = { kind: 'todo', start: m.index, end: masked.length };
      break;
    }
  }
  for (const re of extra) {
    re.lastIndex = 0;
    const found: Hit[] = [];
    let guard = 0;
    for (let m = re.exec(masked); m && guard < 50; m = re.exec(masked), guard++) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const h: Hit = { kind: 'todo', start: m.index, end: m.index + m[0].length };
      if (mk && h.start < mk.end && h.end > mk.start) continue;
      if (found.length && found[found.length - 1].end > h.start) continue;
      found.push(h);
    }
    hits = merge(hits, notOverlapping(found, hits));
  }
  // A marker's text runs to the end of the line, or to the next item on it.
  if (mk) {
    const start = mk.start;
    const after = upperBound(hits, start, (h) => h.start);
    let next = after < hits.length ? hits[after].start : masked.length;
    const pipe = masked.indexOf('|', start);
    if (pipe !== -1 && pipe < next) next = pipe; // a table cell ends at its pipe
    const comment = comments.find(([s, e]) => s <= start && start < e);
    if (comment && comment[1] - 3 < next && masked.startsWith('-->', comment[1] - 3)) next = comment[1] - 3; // and a comment at its `-->`
    let end = next;
    while (end > start && /\s/.test(masked[end - 1])) end--;
    hits = merge(hits, [{ ...mk, end }]);
  }
  for (const h of hits) {
    const text = original.slice(h.start, h.end);
    out.push({ kind: h.kind, text, line: line1, column: h.start + 1, endColumn: h.end + 1 });
  }
}

export interface TodoCountOptions {
  /** Count hidden-draft lines (`[//]: # (...)`) as TODO items too (talkCapture.todos.includeHiddenDrafts). */
  includeHidden?: boolean;
}

/**
 * Whether an item counts as something still to do. A hidden draft is a note to oneself, not a
 * TODO (a marker written inside it is part of the note), unless `includeHidden` asks for them.
 * The one place every view, command and the CLI decide this.
 */
export function isCountedTodo(todo: { kind: TodoKind }, options?: TodoCountOptions): boolean {
  return todo.kind !== 'hidden' || options?.includeHidden === true;
}

/** The items of `todos` that count as TODO items (see {@link isCountedTodo}), in order. */
export function visibleTodos<T extends { kind: TodoKind }>(todos: readonly T[], options?: TodoCountOptions): T[] {
  return todos.filter((t) => isCountedTodo(t, options));
}

/** How many items of `todos` count as TODO items (see {@link isCountedTodo}). */
export function countTodos(todos: readonly { kind: TodoKind }[], options?: TodoCountOptions): number {
  let n = 0;
  for (const t of todos) if (isCountedTodo(t, options)) n++;
  return n;
}
