/**
 * Where a project mention can be plain prose in a note, and the links already there: the
 * inline facts the linker, the mention diagnostics and the publish check need, read from the
 * note's one block scan (../notes/scan.ts: front matter, code, HTML blocks, definitions and
 * the code spans of each paragraph, also across its lines). No syntax tree, linear time.
 *
 * Skipped: front matter (closed, or an unclosed block up to the first heading after a blank
 * line), fenced and indented code, code spans, HTML blocks, inline HTML tags and comments
 * (`<!-- -->`, also across the lines of a paragraph), link reference definitions and
 * hidden-draft comment lines (`[//]: # (...)`), links and images with their text
 * (`[text](url)`, `[text][ref]`, `[text]` when defined, `<a href>...</a>`), autolinks and bare
 * URLs. Lines longer than MAX_INLINE_LINE are not read for prose or links; `skipped` says so.
 */
import { hiddenContent, MAX_INLINE_LINE, LineKind, type Blocks, type SkippedPart } from '../notes/blocks';
import { normalizeLabel } from '../notes/inline';
import { scanBlocks } from '../notes/scan';
import type { LineMemo } from '../util/lineMemo';
import { reusable, takeBefore, takeFrom, type InlineSince } from './inlineResume';
import { itself, lowerBound } from '../util/search';
import { work } from '../util/work';

export type { ProseRun, ScanResult } from './scanResult';
import type { ProseRun, ScanResult, ScannedLink } from './scanResult';

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'area', 'base', 'col', 'embed', 'param', 'track']);
/** How far past a `<` an autolink or a tag is looked for. */
const ANGLE_WINDOW = 2048;
/** How far a bare URL runs at most. */
const URL_WINDOW = 4096;

/** Scans `text` (any line endings, optional BOM): its block scan, then {@link scanInline}. */
export function scanMarkdown(text: string): ScanResult {
  return scanInline(text, scanBlocks(text));
}

/** What the inline scan of a line found, relative to its column 0 (remembered for the next version of the note). */
interface InlineLine {
  runs: Array<[number, number]>;
  links: ScannedLink[];
  open: boolean;
}

/** The inline scans of a note's lines from one version to the next. */
export type InlineMemo = LineMemo<InlineLine>;

/** The inline facts of `text`, from its block scan; `memo` (from the scan of the previous version) spares the lines read before. */
export function scanInline(text: string, blocks: Blocks, memo?: InlineMemo, since?: InlineSince): ScanResult {
  work.inlineScans++;
  let refsKey: string | undefined;
  const lineStarts = blocks.lineStarts;
  const n = lineStarts.length;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const runs: ProseRun[] = [];
  const links: ScannedLink[] = [];
  const headingLines: number[] = [];
  const skipped: SkippedPart[] = [];
  const fm = blocks.frontMatter;
  let bodyStartLine = 0;
  let first = 0;
  if (fm.format && fm.endLine !== null) {
    bodyStartLine = fm.endLine;
    first = fm.endLine;
  } else if (fm.format) {
    // Never closed: where the front matter ends is a guess; nothing is read before the first
    // heading that follows a blank line (a YAML comment `# x` is not preceded by one as a rule).
    first = n;
    for (let k = 1; k < n; k++) {
      if (blocks.kind[k] === LineKind.Heading && k > 0 && blocks.lines[k - 1].trim() === '') {
        first = k;
        break;
      }
    }
  }
  const refs = blocks.definitionUrls;
  let inComment = false;
  const reuse = since && reusable(since, blocks, first);
  const last = reuse ? reuse.to : n;
  if (reuse) {
    first = Math.max(first, reuse.from);
    takeBefore(since!.prev, reuse.from, runs, links, headingLines, skipped);
  }
  for (let l = first; l < last; l++) {
    work.steps++;
    const kind = blocks.kind[l];
    if (kind !== LineKind.Inline && kind !== LineKind.Heading) {
      inComment = false;
      continue;
    }
    if (l > 0 && blocks.groupOf[l] !== blocks.groupOf[l - 1]) inComment = false;
    const heading = kind === LineKind.Heading;
    if (heading) headingLines.push(l);
    const line = blocks.lines[l];
    if (line.length > MAX_INLINE_LINE) {
      skipped.push({ line: l + 1, reason: `the line is ${line.length} characters long; links and project names are read on lines of up to ${MAX_INLINE_LINE}` });
      inComment = false;
      continue;
    }
    // A hidden draft glued to a paragraph is text for CommonMark, but still the user's hidden draft.
    if (line.length < 2000 && /^ {0,3}\[/.test(line) && hiddenContent(line)) continue;
    const base = lineStarts[l] + (l === 0 ? bom : 0); // offset of the line's column 0
    const spans = blocks.codeSpans.get(l);
    // A line's runs and links depend on its text, where inline content starts, its code spans, an open comment and (with a `[`) the definitions.
    const context: string | undefined =
      memo &&
      `${heading ? 'h' : 'p'}${inComment ? 1 : 0}${blocks.inlineFrom[l]};${spans ? spans.join(';') : ''}${line.includes('[') ? (refsKey ??= JSON.stringify([...refs])) : ''}`;
    const known: InlineLine | undefined = context ? memo!.get(l, context) : undefined;
    if (known) {
      for (const [s, e] of known.runs) runs.push({ start: base + s, end: base + e, line: l, lineStart: lineStarts[l], heading });
      for (const k of known.links) links.push({ ...k, start: base + k.start, end: base + k.end, textStart: base + k.textStart, textEnd: base + k.textEnd, line: l });
      inComment = known.open;
      continue;
    }
    const runsFrom = runs.length;
    const linksFrom = links.length;
    inComment = scanLine(base, line, Math.max(0, blocks.inlineFrom[l]), l, lineStarts[l], heading, spans, refs, runs, links, inComment);
    if (context) {
      memo!.set(l, context, {
        runs: runs.slice(runsFrom).map((r) => [r.start - base, r.end - base]),
        links: links.slice(linksFrom).map((k) => ({ ...k, start: k.start - base, end: k.end - base, textStart: k.textStart - base, textEnd: k.textEnd - base })),
        open: inComment,
      });
    }
  }
  if (reuse && last < n) takeFrom(since!.prev, last - reuse.shift, reuse.shift, since!.offset, runs, links, headingLines, skipped);
  return { runs, links, lineStarts, bodyStartLine, headingLines, skipped };
}

/** Per position of a line: the matching `]` of each `[` and `)` of each `(` (-1 when none), outside code spans and escapes. */
let bracketBuf = new Int32Array(256);
let parenBuf = new Int32Array(256);

function matchBrackets(line: string, code: Uint8Array | undefined): { bracket: Int32Array; paren: Int32Array } {
  // One pair of buffers reused line after line (the scan is synchronous).
  if (bracketBuf.length < line.length) {
    bracketBuf = new Int32Array(line.length * 2);
    parenBuf = new Int32Array(line.length * 2);
  }
  const bracket = bracketBuf;
  const paren = parenBuf;
  bracket.fill(-1, 0, line.length);
  paren.fill(-1, 0, line.length);
  const bs: number[] = [];
  const ps: number[] = [];
  for (let i = 0; i < line.length; i++) {
    work.steps++;
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 40) ps.push(i);
    else if (c === 41 && ps.length) paren[ps.pop()!] = i;
    if (code?.[i]) continue;
    if (c === 91) bs.push(i);
    else if (c === 93 && bs.length) bracket[bs.pop()!] = i;
  }
  return { bracket, paren };
}

/** Sorted positions of `-->` and of each closing tag `</name>` (by lower-case name) in a line. */
function closings(lower: string): { comments: number[]; tags: Map<string, number[]> } {
  const comments: number[] = [];
  for (let i = lower.indexOf('-->'); i !== -1; i = lower.indexOf('-->', i + 1)) {
    work.steps++;
    comments.push(i);
  }
  const tags = new Map<string, number[]>();
  for (let i = lower.indexOf('</'); i !== -1; i = lower.indexOf('</', i + 2)) {
    work.steps++;
    const m = /^<\/([a-z][\w-]*)>/.exec(lower.slice(i, i + 64));
    if (!m) continue;
    let list = tags.get(m[1]);
    if (!list) tags.set(m[1], (list = []));
    list.push(i);
  }
  return { comments, tags };
}

/** The first value of sorted `list` at or after `from`, or -1. */
function nextIn(list: readonly number[] | undefined, from: number): number {
  if (!list) return -1;
  const at = lowerBound(list, from, itself);
  return at < list.length ? list[at] : -1;
}

/**
 * Inline pass over one line (columns from `from`); `base` is the offset of column 0. Returns
 * whether an HTML comment is still open at the end of the line.
 */
function scanLine(
  base: number,
  line: string,
  from: number,
  lineNo: number,
  lineStart: number,
  heading: boolean,
  spans: ReadonlyArray<[number, number]> | undefined,
  refs: ReadonlyMap<string, string>,
  runs: ProseRun[],
  links: ScannedLink[],
  commentOpen: boolean,
): boolean {
  const to = line.length;
  let code: Uint8Array | undefined;
  if (spans?.length) {
    code = new Uint8Array(to);
    for (const [s, e] of spans) code.fill(1, s, Math.min(e, to));
  }
  let closing: ReturnType<typeof closings> | undefined;
  const close = () => (closing ??= closings(line.toLowerCase()));
  let i = from;
  if (commentOpen) {
    const end = nextIn(close().comments, i);
    if (end === -1) return true;
    i = end + 3;
  }
  let matched: ReturnType<typeof matchBrackets> | undefined;
  let runStart = i;
  const flush = (at: number) => {
    if (at > runStart) runs.push({ start: base + runStart, end: base + at, line: lineNo, lineStart, heading });
  };
  while (i < to) {
    work.steps++;
    if (code?.[i]) {
      flush(i);
      while (i < to && code[i]) i++;
      runStart = i;
      continue;
    }
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (c === 60 /* < */) {
      const rest = line.slice(i, i + ANGLE_WINDOW);
      if (rest.startsWith('<!--')) {
        flush(i);
        const end = nextIn(close().comments, i + 4);
        if (end === -1) return true;
        i = end + 3;
        runStart = i;
        continue;
      }
      const auto = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@.]+(?:\.[^\s<>@.]+)+)>/i.exec(rest);
      if (auto) {
        flush(i);
        links.push({ start: base + i, end: base + i + auto[0].length, textStart: base + i + 1, textEnd: base + i + auto[0].length - 1, url: auto[1], line: lineNo, image: false });
        i += auto[0].length;
        runStart = i;
        continue;
      }
      const tag = /^<\/?([A-Za-z][\w-]*)(?:\s[^<>]*)?\/?>/.exec(rest);
      if (tag) {
        flush(i);
        const name = tag[1].toLowerCase();
        let end = i + tag[0].length;
        const opening = !rest.startsWith('</') && !tag[0].endsWith('/>');
        // The text of an inline element (`<span>Kyverno</span>`) is HTML's, not prose: skip to its end tag on this line.
        if (opening && name !== 'a' && !VOID_TAGS.has(name)) {
          const closeAt = nextIn(close().tags.get(name), end);
          if (closeAt !== -1) end = closeAt + name.length + 3;
        } else if (opening && name === 'a') {
          const closeAt = nextIn(close().tags.get('a'), end);
          const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0]);
          const linkEnd = closeAt === -1 ? end : closeAt + 4;
          if (href) {
            links.push({
              start: base + i,
              end: base + linkEnd,
              textStart: base + end,
              textEnd: base + (closeAt === -1 ? linkEnd : closeAt),
              url: href[1] ?? href[2] ?? href[3] ?? '',
              line: lineNo,
              image: false,
            });
          }
          end = linkEnd;
        }
        i = end;
        runStart = i;
        continue;
      }
      i++;
      continue;
    }
    if (c === 91 /* [ */ || (c === 33 /* ! */ && line.charCodeAt(i + 1) === 91)) {
      const image = c === 33;
      const open = image ? i + 1 : i;
      matched ??= matchBrackets(line, code);
      const link = parseLink(line, open, to, matched, refs);
      if (link) {
        flush(i);
        links.push({ start: base + i, end: base + link.end, textStart: base + open + 1, textEnd: base + link.textEnd, url: link.url, line: lineNo, image });
        i = link.end;
        runStart = i;
        continue;
      }
      i = open + 1;
      continue;
    }
    if ((c === 104 || c === 72 || c === 119 || c === 87) /* h H w W */ && (i === from || !isUrlPrefixChar(line.charCodeAt(i - 1)))) {
      const m = /^(?:https?:\/\/|www\.)[^\s<>]*/i.exec(line.slice(i, i + URL_WINDOW));
      if (m && m[0].length > 8) {
        flush(i);
        i += m[0].length;
        runStart = i;
        continue;
      }
    }
    i++;
  }
  flush(to);
  return false;
}

function isUrlPrefixChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `[text](url "title")`, `[text][ref]`, `[text][]`, or `[text]` when defined: the end column, text end and URL. */
function parseLink(
  line: string,
  open: number,
  to: number,
  matched: { bracket: Int32Array; paren: Int32Array },
  refs: ReadonlyMap<string, string>,
): { end: number; textEnd: number; url: string } | undefined {
  const close = matched.bracket[open];
  if (close === -1) return undefined;
  const after = line.charCodeAt(close + 1);
  if (after === 40 /* ( */) {
    const k = matched.paren[close + 1];
    if (k !== -1) {
      const inside = line.slice(close + 2, k).trim();
      const gt = inside.indexOf('>');
      const url = inside.startsWith('<') ? inside.slice(1, gt === -1 ? undefined : gt) : (/^\S*/.exec(inside)?.[0] ?? '');
      return { end: k + 1, textEnd: close, url };
    }
    // `[text](` never closed on this line: treat the text as a link being typed (leave it alone).
    return { end: to, textEnd: close, url: '' };
  }
  if (after === 91 /* [ */) {
    const refClose = matched.bracket[close + 1];
    if (refClose !== -1) {
      const label = line.slice(close + 2, refClose) || line.slice(open + 1, close);
      return { end: refClose + 1, textEnd: close, url: refs.get(normalizeLabel(label)) ?? '' };
    }
  }
  const label = normalizeLabel(line.slice(open + 1, close));
  if (label && refs.has(label)) return { end: close + 1, textEnd: close, url: refs.get(label) ?? '' };
  return undefined;
}
