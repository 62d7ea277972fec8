/**
 * TODO links: placeholders written while a talk goes on (`[slides](TODO)`, `[slides]()`,
 * `(link)`, `TODO: will add link when it's published`) and their replacement by the real link
 * once it is known.
 */
import type { Position } from '../document';
import type { TodoItem } from '../notes/model';
import { hasControlCharacter, safeUrl } from '../links/safeUrl';

const DEFAULT_TODO_LINK_FORMAT = '[slides](TODO)';

/**
 * The placeholder **Insert TODO Link** writes. `{text}` takes the selected text (`slides` when
 * nothing is selected); a format without `{text}` shaped like a link (`[slides](TODO)`) takes the
 * selection as its link text.
 */
export function formatTodoLink(format: string, selected: string): string {
  const fmt = format.trim() || DEFAULT_TODO_LINK_FORMAT;
  const text = selected.replace(/[\r\n]+/g, ' ').trim();
  if (fmt.includes('{text}')) return fmt.split('{text}').join(text || 'slides');
  if (text) {
    const m = /^\[[^\]]*\](\(.*\))$/.exec(fmt);
    if (m) return `[${text}]${m[1]}`;
  }
  return fmt;
}

/** Checks a URL typed for a TODO link: null when fine, else why not (see core/links/safeUrl). */
export function validateLinkUrl(value: string): string | null {
  const v = value.trim();
  if (/\s/.test(v) && !hasControlCharacter(v)) return 'A URL has no spaces.';
  const r = safeUrl(v);
  return r.ok ? null : r.reason;
}

/**
 * The URL as a Markdown link destination (normalised, `<>()\\|` and spaces percent-encoded:
 * see core/links/safeUrl); throws for a URL that is not a safe http(s) address, which
 * {@link validateLinkUrl} refuses first.
 */
export function linkDestination(url: string): string {
  const r = safeUrl(url);
  if (!r.ok) throw new Error(r.reason);
  return r.markdown;
}

/** Words after a `TODO:` marker that make a good link text (`TODO: slides` → `[slides](…)`), else `link`. */
function linkTextFromNote(note: string): string {
  const words = note.replace(/^[\s:–—-]+/, '').trim();
  if (!words || words.length > 30 || !/^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u.test(words)) return 'link';
  if (words.split(/\s+/).length > 3 || /\b(?:add|adds|will|when|once|later|find|get|link|links|url|check|here|this|that)\b/i.test(words)) return 'link';
  return words;
}

/** Link destinations that mean "not known yet". */
const PLACEHOLDER_DEST = /^\s*(?:|#|todo|tbd|link|url|fixme|\.\.\.|…|xxx)\s*$/i;
/** An inline link: its destination bare (group 3) or in angle brackets (group 2), then an optional title. */
const LINK = /\[((?:[^\]\\]|\\.)*)\]\([ \t]*(?:<([^<>\n]*)>|([^()\s<]*(?:\([^()\s]*\)[^()\s]*)*))(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)/dg;
const MARKER = /^(?:TODO|FIXME|TBD)\b/i;

export interface Replacement {
  /** 0-based character range in the line. */
  start: number;
  end: number;
  newText: string;
}

/**
 * How to fill the placeholder of `item` (whose text starts at 0-based `start` in `line`) with
 * `url`, or null when the item is no link placeholder. Only the placeholder changes:
 * - `[text](TODO)`, `[text]()`, `[text](#)`, `[text](<TODO>)`, `[text](TODO "title")`: the
 *   destination becomes the URL (angle brackets and title kept);
 * - `(link)`: becomes `[link](url)`, `slides (link)` becomes `[slides](url)`;
 * - `TODO: will add link…`: the marker and its note become `[link](url)` (`TODO: slides`:
 *   `[slides](url)`; in a hidden line `<url>`);
 * - a bare `TODO`/`FIXME`/`TBD`: becomes `[link](url)`.
 * The URL goes through core/links/safeUrl: null when it is not a safe http(s) address.
 */
export function placeholderReplacement(line: string, item: Pick<TodoItem, 'text'>, start: number, url: string): Replacement | null {
  const end = start + item.text.length;
  if (line.slice(start, end) !== item.text) return null;
  const safe = safeUrl(url);
  if (!safe.ok) return null;
  for (const m of line.matchAll(LINK)) {
    const mStart = m.index!;
    const mEnd = mStart + m[0].length;
    if (mEnd <= start || mStart >= end) continue;
    const group = m[2] === undefined ? 3 : 2;
    if (!PLACEHOLDER_DEST.test(m[group])) continue;
    // Only the destination changes: its angle brackets and the link's title stay.
    const [destStart, destEnd] = m.indices![group]!;
    return { start: destStart, end: destEnd, newText: safe.markdown };
  }
  // `(link)`, `slides (link)`: the word before the parenthesis, if any, becomes the link's text.
  const word = /^(?:([\p{L}\p{N}][\p{L}\p{N} _-]{0,40}?)[ \t]+)?\(([\p{L}\p{N} _-]{1,40})\)$/u.exec(item.text);
  if (word && line[start - 1] !== ']') {
    return { start, end, newText: `[${(word[1] ?? word[2]).trim()}](${safe.markdown})` };
  }
  if (MARKER.test(item.text)) {
    let stop = end;
    const marker = MARKER.exec(item.text)![0];
    const hidden = /^\[\/\/\]:[ \t]*#[ \t]*\(.*\)[ \t]*$/.test(line);
    if (item.text.length === marker.length && /^\s*:/.test(line.slice(end))) {
      // `TODO: will add link...`: the note after the colon goes with the marker, up to the line's
      // end (or a hidden draft's closing parenthesis).
      stop = hidden ? line.lastIndexOf(')') : line.length;
      while (stop > end && /\s/.test(line[stop - 1])) stop--;
    }
    // Never the bare URL: `[words](url)` (or `<url>` inside a hidden line, whose parentheses
    // a link would end early).
    if (hidden) return { start, end: stop, newText: `<${safe.markdown}>` };
    return { start, end: stop, newText: `[${linkTextFromNote(line.slice(start + marker.length, stop))}](${safe.markdown})` };
  }
  return null;
}

type Pos = Pick<TodoItem, 'line' | 'column' | 'endColumn'>;

const before = (a: Pos, line: number, character: number) => a.line - 1 < line || (a.line - 1 === line && a.column - 1 < character);
const after = (a: Pos, line: number, character: number) => a.line - 1 > line || (a.line - 1 === line && a.column - 1 > character);

/**
 * The TODO item for a cursor at 0-based `pos`: the one whose text holds the cursor, else the
 * only (or nearest) one on the cursor's line.
 */
export function todoAtCursor<T extends Pos>(todos: readonly T[], pos: Position): T | undefined {
  const onLine = todos.filter((t) => t.line - 1 === pos.line);
  const inside = onLine.find((t) => pos.character >= t.column - 1 && pos.character <= t.endColumn - 1);
  if (inside) return inside;
  const dist = (t: T) => Math.min(Math.abs(t.column - 1 - pos.character), Math.abs(t.endColumn - 1 - pos.character));
  return [...onLine].sort((a, b) => dist(a) - dist(b))[0];
}

/**
 * The next (or previous) TODO item from a cursor at 0-based `pos`, going round the note's ends.
 * `wrapped` says when it went round.
 */
export function adjacentTodo<T extends Pos>(todos: readonly T[], pos: Position, direction: 'next' | 'previous'): { item: T; wrapped: boolean } | undefined {
  if (todos.length === 0) return undefined;
  const sorted = [...todos].sort((a, b) => a.line - b.line || a.column - b.column);
  if (direction === 'next') {
    const item = sorted.find((t) => after(t, pos.line, pos.character));
    return item ? { item, wrapped: false } : { item: sorted[0], wrapped: true };
  }
  const item = [...sorted].reverse().find((t) => before(t, pos.line, pos.character));
  return item ? { item, wrapped: false } : { item: sorted[sorted.length - 1], wrapped: true };
}
