/**
 * A fast, single-pass scan of a Markdown note for the places where a project mention can be
 * plain prose, and for the links already there. It does not build a syntax tree (remark takes
 * ~290 ms for a 3,000-line note; this takes a few): it knows exactly what the linker must
 * leave alone.
 *
 * Skipped: front matter (`---`/`+++`), fenced and indented code, code spans, HTML blocks,
 * inline HTML tags and comments (`<!-- -->`), link reference definitions and hidden-draft
 * comment lines (`[//]: # (...)`), links and images with their text (`[text](url)`,
 * `[text][ref]`, `[text]` when defined, `<a href>...</a>`), autolinks and bare URLs.
 */

export interface ProseRun {
  /** Offsets [start, end) of plain text. */
  start: number;
  end: number;
  /** 0-based line. */
  line: number;
  /** Offset of the line's first character. */
  lineStart: number;
  /** The run is inside a heading line. */
  heading: boolean;
}

export interface ScannedLink {
  /** Offsets of the whole link (`[` .. `)`), of its text, and the URL as written (resolved for references). */
  start: number;
  end: number;
  textStart: number;
  textEnd: number;
  url: string;
  /** 0-based line of the link's start. */
  line: number;
  image: boolean;
}

export interface ScanResult {
  runs: ProseRun[];
  links: ScannedLink[];
  /** Offsets of each line's first character. */
  lineStarts: number[];
  /** 0-based line after the front matter (0 when there is none). */
  bodyStartLine: number;
  /** 0-based lines of the headings (ATX, outside code), in order: the sections of the note. */
  headingLines: number[];
}

const FENCE_RE = /^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})(.*)$/;
const REF_DEF_RE = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(<[^>]*>|\S+)?/;
const HTML_BLOCK_RE = /^ {0,3}<(?:[A-Za-z][\w-]*(?:[\s/>]|$)|\/[A-Za-z][\w-]*\s*>|!--|\?|![A-Z])/;
const HEADING_RE = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const LIST_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'area', 'base', 'col', 'embed', 'param', 'track']);

/** Scans `text` (any line endings, optional BOM). */
export function scanMarkdown(text: string): ScanResult {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineCount = lineStarts.length;
  const lineEnd = (l: number) => {
    let e = l + 1 < lineCount ? lineStarts[l + 1] - 1 : text.length;
    if (e > lineStarts[l] && text.charCodeAt(e - 1) === 13) e--;
    return e;
  };
  const lineText = (l: number) => text.slice(lineStarts[l], lineEnd(l));

  // Link reference definitions first: `[label]: url` lines, so `[text][label]` and `[label]` resolve.
  const refs = new Map<string, string>();
  for (let l = 0; l < lineCount; l++) {
    const s = lineText(l);
    if (s.length > 0 && s.length < 2000 && s.trimStart().startsWith('[')) {
      const m = REF_DEF_RE.exec(s);
      if (m) refs.set(normLabel(m[1]), (m[2] ?? '').replace(/^<|>$/g, ''));
    }
  }

  const runs: ProseRun[] = [];
  const links: ScannedLink[] = [];
  const headingLines: number[] = [];
  let l = 0;
  // Front matter.
  let bodyStartLine = 0;
  const first = lineText(0).replace(/^\uFEFF/, '').trimEnd();
  if (first === '---' || first === '+++') {
    for (let k = 1; k < lineCount; k++) {
      const t = lineText(k).trimEnd();
      if (t === first || (first === '---' && t === '...')) {
        bodyStartLine = k + 1;
        break;
      }
    }
    l = bodyStartLine || 1;
  }

  let fence: { ch: string; len: number } | undefined;
  let inHtmlBlock = false;
  let inComment = false;
  let inIndentedCode = false;
  let prevBlank = true;
  let lastNonBlankWasList = false;
  for (; l < lineCount; l++) {
    const start = lineStarts[l];
    const end = lineEnd(l);
    const s = text.slice(start, end);
    const blank = s.trim() === '';
    if (fence) {
      const m = FENCE_RE.exec(s);
      if (m && m[1][0] === fence.ch && m[1].length >= fence.len && m[2].trim() === '') fence = undefined;
      continue;
    }
    if (inComment) {
      const close = s.indexOf('-->');
      if (close === -1) continue;
      inComment = false;
      scanInline(text, start + close + 3, end, l, start, false, refs, runs, links, (v) => (inComment = v));
      prevBlank = false;
      continue;
    }
    if (inHtmlBlock) {
      if (blank) inHtmlBlock = false;
      prevBlank = blank;
      continue;
    }
    if (inIndentedCode) {
      if (blank || /^(?: {4}|\t)/.test(s)) continue;
      inIndentedCode = false;
    }
    if (blank) {
      prevBlank = true;
      continue;
    }
    const fm = FENCE_RE.exec(s);
    if (fm && !(fm[1][0] === '`' && fm[2].includes('`'))) {
      fence = { ch: fm[1][0], len: fm[1].length };
      continue;
    }
    if (prevBlank && !lastNonBlankWasList && /^(?: {4}|\t)/.test(s)) {
      inIndentedCode = true;
      continue;
    }
    prevBlank = false;
    // Indented lines after a list item continue it (they are not code).
    if (LIST_RE.test(s)) lastNonBlankWasList = true;
    else if (!/^[ \t]/.test(s)) lastNonBlankWasList = false;
    if (REF_DEF_RE.test(s)) continue; // link definitions and hidden drafts `[//]: # (...)`
    if (HTML_BLOCK_RE.test(s)) {
      if (s.trimStart().startsWith('<!--')) {
        const close = s.indexOf('-->');
        if (close === -1) {
          inComment = true;
          continue;
        }
        scanInline(text, start + close + 3, end, l, start, false, refs, runs, links, (v) => (inComment = v));
        continue;
      }
      inHtmlBlock = true;
      continue;
    }
    const heading = HEADING_RE.test(s);
    if (heading) headingLines.push(l);
    scanInline(text, start, end, l, start, heading, refs, runs, links, (v) => (inComment = v));
  }
  return { runs, links, lineStarts, bodyStartLine, headingLines };
}

function normLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Inline pass over text[from, to) of one line. */
function scanInline(
  text: string,
  from: number,
  to: number,
  line: number,
  lineStart: number,
  heading: boolean,
  refs: Map<string, string>,
  runs: ProseRun[],
  links: ScannedLink[],
  setComment: (v: boolean) => void,
): void {
  let runStart = from;
  const flush = (at: number) => {
    if (at > runStart) runs.push({ start: runStart, end: at, line, lineStart, heading });
  };
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (c === 96 /* ` */) {
      let n = 1;
      while (i + n < to && text.charCodeAt(i + n) === 96) n++;
      const close = findBacktickRun(text, i + n, to, n);
      if (close === -1) {
        i += n;
        continue;
      }
      flush(i);
      i = close + n;
      runStart = i;
      continue;
    }
    if (c === 60 /* < */) {
      const skip = skipAngle(text, i, to, links, line, setComment);
      if (skip > i) {
        flush(i);
        i = skip;
        runStart = i;
        continue;
      }
      i++;
      continue;
    }
    if (c === 91 /* [ */ || (c === 33 /* ! */ && text.charCodeAt(i + 1) === 91)) {
      const image = c === 33;
      const open = image ? i + 1 : i;
      const link = parseLink(text, open, to, refs);
      if (link) {
        flush(i);
        links.push({ start: i, end: link.end, textStart: open + 1, textEnd: link.textEnd, url: link.url, line, image });
        i = link.end;
        runStart = i;
        continue;
      }
      i = open + 1;
      continue;
    }
    if ((c === 104 || c === 72 || c === 119 || c === 87) /* h H w W */ && (i === from || !isUrlPrefixChar(text.charCodeAt(i - 1)))) {
      const m = /^(?:https?:\/\/|www\.)[^\s<>]*/i.exec(text.slice(i, Math.min(to, i + 4096)));
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
}

function isUrlPrefixChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function findBacktickRun(text: string, from: number, to: number, n: number): number {
  let i = text.indexOf('`', from);
  while (i !== -1 && i < to) {
    let k = 1;
    while (i + k < to && text.charCodeAt(i + k) === 96) k++;
    if (k === n) return i;
    i = text.indexOf('`', i + k);
  }
  return -1;
}

/** Skips `<...>` (autolink, tag, comment) and `<a ...>text</a>`; returns the offset after it, or `at` when it is plain text. */
function skipAngle(text: string, at: number, to: number, links: ScannedLink[], line: number, setComment: (v: boolean) => void): number {
  const rest = text.slice(at, Math.min(to, at + 4096));
  if (rest.startsWith('<!--')) {
    const close = rest.indexOf('-->', 4);
    if (close === -1) {
      setComment(true);
      return to;
    }
    return at + close + 3;
  }
  const auto = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/i.exec(rest);
  if (auto) {
    links.push({ start: at, end: at + auto[0].length, textStart: at + 1, textEnd: at + auto[0].length - 1, url: auto[1], line, image: false });
    return at + auto[0].length;
  }
  const tag = /^<\/?([A-Za-z][\w-]*)(?:\s[^<>]*)?\/?>/.exec(rest);
  if (!tag) return at;
  const name = tag[1].toLowerCase();
  // The text of an inline element (`<span>Kyverno</span>`) is HTML's, not prose: skip to its end tag on this line.
  if (name !== 'a' && !rest.startsWith('</') && !tag[0].endsWith('/>') && !VOID_TAGS.has(name)) {
    const close = rest.toLowerCase().indexOf(`</${name}>`, tag[0].length);
    if (close !== -1) return at + close + name.length + 3;
  }
  if (name === 'a' && !rest.startsWith('</')) {
    const close = rest.toLowerCase().indexOf('</a>', tag[0].length);
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0]);
    const end = close === -1 ? at + tag[0].length : at + close + 4;
    if (href) links.push({ start: at, end, textStart: at + tag[0].length, textEnd: close === -1 ? end : at + close, url: href[1] ?? href[2] ?? href[3] ?? '', line, image: false });
    return end;
  }
  return at + tag[0].length;
}

/** `[text](url "title")`, `[text][ref]`, `[text][]`, or `[text]` when defined: the end offset, text end and URL. */
function parseLink(text: string, open: number, to: number, refs: Map<string, string>): { end: number; textEnd: number; url: string } | undefined {
  let depth = 0;
  let i = open;
  let close = -1;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i++;
      continue;
    }
    if (c === 96) {
      // a code span inside link text
      let n = 1;
      while (i + n < to && text.charCodeAt(i + n) === 96) n++;
      const cl = findBacktickRun(text, i + n, to, n);
      if (cl !== -1) i = cl + n - 1;
      continue;
    }
    if (c === 91) depth++;
    else if (c === 93) {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close === -1) return undefined;
  const after = text.charCodeAt(close + 1);
  if (after === 40 /* ( */) {
    let d = 0;
    for (let k = close + 1; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 92) {
        k++;
        continue;
      }
      if (c === 40) d++;
      else if (c === 41) {
        d--;
        if (d === 0) {
          const inside = text.slice(close + 2, k).trim();
          const url = inside.startsWith('<') ? inside.slice(1, inside.indexOf('>') === -1 ? undefined : inside.indexOf('>')) : inside.split(/\s+/)[0] ?? '';
          return { end: k + 1, textEnd: close, url };
        }
      }
    }
    // `[text](` never closed on this line: treat the text as a link being typed (leave it alone).
    return { end: to, textEnd: close, url: '' };
  }
  if (after === 91 /* [ */) {
    const refClose = text.indexOf(']', close + 2);
    if (refClose !== -1 && refClose < to) {
      const label = text.slice(close + 2, refClose) || text.slice(open + 1, close);
      return { end: refClose + 1, textEnd: close, url: refs.get(normLabel(label)) ?? '' };
    }
  }
  const label = normLabel(text.slice(open + 1, close));
  if (label && refs.has(label)) return { end: close + 1, textEnd: close, url: refs.get(label) ?? '' };
  return undefined;
}
