/**
 * Front matter of a note: reading it (YAML `---` or TOML `+++`) and changing single fields with
 * targeted edits that keep everything else byte for byte (key order, comments, quoting, list
 * style, indentation, blank lines, unknown keys, line endings, the body).
 *
 * Every edit function takes the note's text and returns either `TextEdit`s against that text
 * or an error naming the line and the reason; on an error nothing is to be written.
 */
import { applyEdits, InMemoryDocument, type TextEdit } from '../document';
import type { FrontMatterFormat, FrontMatterInfo } from './format';
import { locateFrontMatter, type FrontMatterBlock } from './locate';
import { parseYamlFrontMatter } from './yaml';
import { parseTomlFrontMatter } from './toml';
import { dateShape, DEFAULT_SHAPE, formatDate } from './dates';
import type { FrontMatterError, FrontMatterSource, OffsetEdit, ScalarField } from './types';
import { messageOf } from '../util/errors';
import { work } from '../util/work';

export { locateFrontMatter, lineOfOffset } from './locate';
export type { FrontMatterError, FrontMatterSource, OffsetEdit } from './types';
export { dateShape } from './dates';

export type OpenResult = { ok: true; source: FrontMatterSource } | { ok: false; error: FrontMatterError; format: FrontMatterFormat | null };

/** Front matter longer than this is not given to a parser (no real post has one this long). */
const MAX_FRONT_MATTER_LINES = 1000;
const MAX_FRONT_MATTER_CHARS = 100_000;
/** Deeper nesting (flow brackets, indentation, `- - -` items) is refused before a parser sees it. */
const MAX_FRONT_MATTER_DEPTH = 64;
/** More YAML aliases (`*name`) than this are refused: resolving aliases that refer to each other grows faster than the text. */
const MAX_FRONT_MATTER_ALIASES = 20;

/**
 * Why the content of a front matter block is refused before any parser reads it (too long,
 * nested too deep), with the line; undefined when it may be parsed. One linear pass.
 */
function refuseBeforeParsing(text: string, block: FrontMatterBlock): FrontMatterError | undefined {
  const lines = block.endLine - block.startLine - 1;
  if (lines > MAX_FRONT_MATTER_LINES) {
    return { line: block.startLine, refused: true, reason: `the front matter has ${lines} lines, more than the ${MAX_FRONT_MATTER_LINES} Talk Capture reads` };
  }
  if (block.contentEnd - block.contentStart > MAX_FRONT_MATTER_CHARS) {
    return { line: block.startLine, refused: true, reason: `the front matter is longer than ${MAX_FRONT_MATTER_CHARS} characters, more than Talk Capture reads` };
  }
  let depth = 0; // open flow brackets
  let line = block.startLine + 1;
  let lineStart = true;
  let indent = 0;
  let quote = 0;
  let aliases = 0;
  for (let i = block.contentStart; i < block.contentEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = true;
      indent = 0;
      quote = 0;
      continue;
    }
    if (lineStart) {
      // Indentation and compact block items (`- - x`, `? `) nest as deep as they go.
      if (c === 32 || c === 9) {
        indent++;
      } else if ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        indent += 2;
        i++;
      } else lineStart = false;
      if (indent > MAX_FRONT_MATTER_DEPTH * 2) return { line, refused: true, reason: `the front matter is nested deeper than ${MAX_FRONT_MATTER_DEPTH} levels` };
      if (lineStart) continue;
    }
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 42 && block.format === 'yaml' && /[\s[{,:]/.test(text[i - 1] ?? ' ') && /[^\s,\]}]/.test(text[i + 1] ?? ' ')) {
      if (++aliases > MAX_FRONT_MATTER_ALIASES) return { line, refused: true, reason: `the front matter uses more than ${MAX_FRONT_MATTER_ALIASES} YAML aliases (\`*name\`)` };
    } else if (c === 35 && (i === block.contentStart || /\s/.test(text[i - 1]))) {
      while (i + 1 < block.contentEnd && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++; // a comment
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_FRONT_MATTER_DEPTH) {
        return { line, refused: true, reason: `the front matter is nested deeper than ${MAX_FRONT_MATTER_DEPTH} levels (\`[\` or \`{\` opened too often)` };
      }
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

/** Lone `\r` line breaks read as `\n` (same length, so every offset stays valid). */
function withLfBreaks(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/**
 * Parses the note's front matter; an error (with line and reason) when there is none or it is
 * broken. This is the one reader: the notes model, the check and the editors all take its
 * verdict. Nothing is remembered here: a note's analysis (../analysis/noteAnalysis.ts) reads
 * it once per version and hands the verdict to every part.
 */
export function openFrontMatter(text: string): OpenResult {
  const found = locateFrontMatter(text);
  if (found.kind === 'none') {
    return { ok: false, format: null, error: { line: 1, reason: NO_FRONT_MATTER } };
  }
  if (found.kind === 'unclosed') {
    return {
      ok: false,
      format: found.format,
      error: { line: found.line, reason: `the front matter opened with \`${found.fence}\` is never closed (add a \`${found.fence}\` line after it)` },
    };
  }
  const refused = refuseBeforeParsing(text, found.block);
  if (refused) return { ok: false, format: found.block.format, error: refused };
  // The parsers read the block only: the rest of the note is not theirs (and a later version
  // with the same front matter can take this verdict over, see ../analysis/noteAnalysis.ts).
  const readable = withLfBreaks(text.slice(0, found.block.end));
  work.frontMatterParses++;
  let parsed: { ok: true; source: FrontMatterSource } | { ok: false; error: FrontMatterError };
  try {
    parsed = found.block.format === 'yaml' ? parseYamlFrontMatter(readable, found.block) : parseTomlFrontMatter(readable, found.block);
  } catch (err) {
    parsed = { ok: false, error: { line: found.block.startLine, reason: `the front matter cannot be read (${messageOf(err)})` } };
  }
  return parsed.ok ? parsed : { ...parsed, format: found.block.format };
}

const NO_FRONT_MATTER = 'the note has no front matter (front matter starts on line 1 with `---` for YAML or `+++` for TOML)';

/** "line 4: duplicate key `tags` ..." (or the reason alone when the line is unknown). */
export function describeError(error: FrontMatterError, format?: FrontMatterFormat | null): string {
  const what = format ? `${format === 'yaml' ? 'YAML' : 'TOML'} front matter` : 'front matter';
  return error.line != null ? `${what}, line ${error.line}: ${error.reason}` : `${what}: ${error.reason}`;
}

/**
 * The front matter in the notes model's shape (never throws), from the same verdict as
 * {@link openFrontMatter}: the same line and the same reason.
 */
export function readFrontMatter(text: string, known?: OpenResult): FrontMatterInfo {
  const found = locateFrontMatter(text);
  if (found.kind === 'none') return { format: null, data: {}, error: null, errorLine: null, startLine: null, endLine: null };
  const opened = known ?? openFrontMatter(text);
  const endLine = found.kind === 'found' ? found.block.endLine : null;
  if (opened.ok) return { format: opened.source.format, data: opened.source.data, error: null, errorLine: null, startLine: 1, endLine };
  const what = opened.format === 'toml' ? 'TOML' : 'YAML';
  const where = opened.error.line != null ? ` (line ${opened.error.line})` : '';
  return { format: opened.format, data: {}, error: `The ${what} front matter cannot be read${where}: ${opened.error.reason}`, errorLine: opened.error.line, startLine: 1, endLine };
}

/** Converts offset edits on `text` to `TextEdit`s (0-based positions). */
export function toTextEdits(text: string, edits: readonly OffsetEdit[]): TextEdit[] {
  const doc = new InMemoryDocument('memory:frontmatter', text);
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text }));
}

export type EditResult<T = object> =
  ({ ok: true; edits: TextEdit[]; format: FrontMatterFormat } & T) | { ok: false; error: FrontMatterError; format: FrontMatterFormat | null; message: string };

function fail(error: FrontMatterError, format: FrontMatterFormat | null): { ok: false; error: FrontMatterError; format: FrontMatterFormat | null; message: string } {
  return { ok: false, error, format, message: describeError(error, format) };
}

/** Keys a new `date`/`draft` goes after (Hugo's archetype order: title, date, draft). */
const AFTER: Record<string, string[]> = { date: ['title'], draft: ['date', 'title'] };

const FLIPS: Array<[string, string]> = [
  ['true', 'false'],
  ['yes', 'no'],
  ['on', 'off'],
];

/** The boolean a written value stands for, and how to write the other one in the same style. */
function flipWritten(raw: string): { value: boolean; flipped: string } | null {
  const lower = raw.toLowerCase();
  for (const [t, f] of FLIPS) {
    const value = lower === t ? true : lower === f ? false : null;
    if (value === null) continue;
    const other = value ? f : t;
    const flipped = raw === raw.toUpperCase() ? other.toUpperCase() : raw[0] === raw[0].toUpperCase() ? other[0].toUpperCase() + other.slice(1) : other;
    return { value, flipped };
  }
  return null;
}

/**
 * Sets `draft` (flips it when `value` is omitted), adding `draft: true` when it is missing.
 * `draft` is the value after the change.
 */
export function setDraft(text: string, value?: boolean): EditResult<{ draft: boolean; changed: boolean }> {
  const opened = openFrontMatter(text);
  if (!opened.ok) return fail(opened.error, opened.format);
  const fm = opened.source;
  const found = fm.scalar('draft');
  if (found.kind === 'error') return fail(found.error, fm.format);
  if (found.kind === 'missing') {
    const draft = value ?? true;
    const edit = fm.insertField('draft', { kind: 'scalar', text: fm.renderScalar(draft) }, AFTER.draft);
    return { ok: true, format: fm.format, edits: toTextEdits(text, [edit]), draft, changed: true };
  }
  const f = found.field;
  if (f.raw.trim() === '' && !f.quote) {
    const draft = value ?? true;
    return { ok: true, format: fm.format, edits: toTextEdits(text, [replaceValue(text, f, fm.renderScalar(draft))]), draft, changed: true };
  }
  const written = flipWritten(f.raw);
  if (!written) return fail({ line: f.line, reason: `\`${f.key}\` is \`${f.raw}\`, not true or false` }, fm.format);
  const draft = value ?? !written.value;
  if (draft === written.value) return { ok: true, format: fm.format, edits: [], draft, changed: false };
  return { ok: true, format: fm.format, edits: toTextEdits(text, [replaceValue(text, f, written.flipped)]), draft, changed: true };
}

/**
 * Writes `now` into `date` in the format the date is already written in (quotes kept), with
 * the local offset; adds a `date` (RFC 3339 with offset) when missing.
 */
export function setDateNow(text: string, now: Date = new Date(), offsetMinutes?: number): EditResult<{ date: string }> {
  const opened = openFrontMatter(text);
  if (!opened.ok) return fail(opened.error, opened.format);
  const fm = opened.source;
  const found = fm.scalar('date');
  if (found.kind === 'error') return fail(found.error, fm.format);
  if (found.kind === 'missing') {
    const date = formatDate(now, DEFAULT_SHAPE, offsetMinutes);
    // TOML writes an offset date-time bare (a real date); YAML's plain scalar reads the same.
    const edit = fm.insertField('date', { kind: 'scalar', text: date }, AFTER.date);
    return { ok: true, format: fm.format, edits: toTextEdits(text, [edit]), date };
  }
  const f = found.field;
  const shape = dateShape(f.raw);
  if (!shape && f.raw.trim() !== '') {
    return fail({ line: f.line, reason: `\`${f.key}\` is \`${f.raw}\`, which is not a date like 2025-04-03 or 2025-04-03T09:04:16+02:00` }, fm.format);
  }
  const date = formatDate(now, shape ?? DEFAULT_SHAPE, offsetMinutes);
  return { ok: true, format: fm.format, edits: toTextEdits(text, [replaceValue(text, f, date)]), date };
}

/** Replaces a scalar's text inside its quotes; an empty `key:` gets a space before the new value. */
function replaceValue(text: string, f: ScalarField, value: string): OffsetEdit {
  const gap = f.innerStart === f.innerEnd && !f.quote && !/\s/.test(text[f.innerStart - 1] ?? ' ') ? ' ' : '';
  return { start: f.innerStart, end: f.innerEnd, text: gap + value };
}

export interface ListAddition {
  field: string;
  values: readonly string[];
}

/**
 * Appends `values` to list fields (creating a field when missing), in each list's style.
 * Values already in the list (same text, ignoring case) are skipped; `added` says what was
 * added to which field. One failing field fails the whole change (nothing is written). The
 * result is read back before it is returned: each list must be exactly what it was plus what
 * was added, else nothing is to be written.
 */
export function addToLists(text: string, additions: readonly ListAddition[]): EditResult<{ added: ListAddition[] }> {
  const opened = openFrontMatter(text);
  if (!opened.ok) return fail(opened.error, opened.format);
  const fm = opened.source;
  // Appends before new fields: when a new field goes right after a list (the same offset), the
  // list's new items must come first, or they would land in the new field.
  const appends: OffsetEdit[] = [];
  const inserts: OffsetEdit[] = [];
  const added: ListAddition[] = [];
  const expected = new Map<string, { key: string; items: string[] }>();
  for (const { field, values } of additions) {
    const found = fm.list(field);
    if (found.kind === 'error') return fail(found.error, fm.format);
    const before = found.kind === 'found' ? found.field.items.map((i) => i.value) : [];
    const have = new Set(before.map((v) => v.toLowerCase()));
    const fresh: string[] = [];
    for (const v of values) {
      const key = v.toLowerCase();
      if (v.trim() === '' || have.has(key)) continue;
      have.add(key);
      fresh.push(v);
    }
    if (fresh.length === 0) continue;
    const key = found.kind === 'found' ? found.field.key : field;
    added.push({ field: key, values: fresh });
    expected.set(field, { key, items: [...before, ...fresh] });
    if (found.kind === 'found') appends.push(...found.field.append(fresh));
    else {
      const siblings = additions.map((a) => a.field).filter((f) => f !== field);
      inserts.push(fm.insertField(field, { kind: 'list', values: fresh }, siblings));
    }
  }
  const edits = toTextEdits(text, mergeInserts([...appends, ...inserts]));
  const mismatch = readBackMismatch(applyEdits(text, edits), expected);
  if (mismatch) return fail({ line: mismatch.line, reason: `the change would not read back as intended (${mismatch.reason}); nothing was written` }, fm.format);
  return { ok: true, format: fm.format, edits, added };
}

/** Reads the changed text back: undefined when every list is what it should be, else where and why not. */
function readBackMismatch(changed: string, expected: ReadonlyMap<string, { key: string; items: readonly string[] }>): { line: number | null; reason: string } | undefined {
  if (expected.size === 0) return undefined;
  const reopened = openFrontMatter(changed);
  if (!reopened.ok) return { line: reopened.error.line, reason: reopened.error.reason };
  for (const [field, want] of expected) {
    const found = reopened.source.list(field);
    if (found.kind === 'error') return { line: found.error.line, reason: found.error.reason };
    const got = found.kind === 'found' ? found.field.items.map((i) => i.value) : [];
    if (got.length !== want.items.length || got.some((v, i) => v !== want.items[i])) {
      return { line: found.kind === 'found' ? found.field.line : null, reason: `\`${want.key}\` would read [${got.join(', ')}] instead of [${want.items.join(', ')}]` };
    }
  }
  return undefined;
}

/** Joins insertions at the same offset (in order), so editors apply them in a known order. */
function mergeInserts(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.start === e.start && o.end === o.start && e.end === e.start);
    if (same) same.text += e.text;
    else out.push({ ...e });
  }
  return out.sort((a, b) => a.start - b.start);
}
