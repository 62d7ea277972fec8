/**
 * Plain text of a line of Markdown inline content, the way mdast-util-to-string reads the
 * parsed heading: link and image text kept, URLs and raw HTML dropped, emphasis/strong/strikethrough
 * delimiters removed, code spans' content kept, backslash escapes and common character
 * references decoded, whitespace collapsed. The fast scanner uses it for heading titles; the
 * remark-based reference path takes the text from the syntax tree, and a test holds the two
 * to the same result on every fixture.
 */
import { NAMED_ENTITIES } from '../text/entities';

const PUNCT = /[!-/:-@[-`{-~]/;
/** CommonMark's inline raw HTML: an open tag, a closing tag or a comment (attributes can be told apart, so no backtracking). */
const RAW_HTML = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!--(?:[^-]|-(?!->))*-->)/;

function isPunctuation(ch: string | undefined): boolean {
  return !!ch && (PUNCT.test(ch) || /\p{P}|\p{S}/u.test(ch));
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch);
}

/** Normalizes a link label the CommonMark way (case-fold, collapse whitespace). */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

interface Piece {
  text: string;
  /** Delimiter run (`*`, `_`, `~`) still to be matched, else undefined. */
  delim?: string;
  count?: number;
  canOpen?: boolean;
  canClose?: boolean;
  origCount?: number;
}

/** Finds the end of a `[...]` label starting at `i` (the `[`), honouring nesting and escapes; -1 if none. */
function labelEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '`') {
      const run = backtickRun(s, j);
      const close = findBacktickClose(s, j + run, run);
      if (close !== -1) {
        j = close + run - 1;
        continue;
      }
      j += run - 1;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function backtickRun(s: string, i: number): number {
  let n = 0;
  while (s[i + n] === '`') n++;
  return n;
}

function findBacktickClose(s: string, from: number, run: number): number {
  for (let j = s.indexOf('`', from); j !== -1; j = s.indexOf('`', j)) {
    const n = backtickRun(s, j);
    if (n === run) return j;
    j += n;
  }
  return -1;
}

/** Parses an inline link destination+title `(url "title")` starting at `i` (the `(`); returns the index after `)` or -1. */
function linkTail(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && /[ \t]/.test(s[j])) j++;
  if (s[j] === '<') {
    j++;
    while (j < s.length && s[j] !== '>' && s[j] !== '<' && s[j] !== '\n') {
      if (s[j] === '\\') j++;
      j++;
    }
    if (s[j] !== '>') return -1;
    j++;
  } else {
    let depth = 0;
    while (j < s.length) {
      const c = s[j];
      if (c === '\\' && j + 1 < s.length && PUNCT.test(s[j + 1])) {
        j += 2;
        continue;
      }
      if (c === ' ' || c === '\t' || c.charCodeAt(0) < 0x20) break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      j++;
    }
    if (depth !== 0) return -1;
  }
  const afterDest = j;
  while (j < s.length && /[ \t]/.test(s[j])) j++;
  if (s[j] === ')') return j + 1;
  if (j === afterDest) return -1; // a title needs whitespace before it
  const open = s[j];
  const close = open === '"' ? '"' : open === "'" ? "'" : open === '(' ? ')' : '';
  if (!close) return -1;
  j++;
  while (j < s.length && s[j] !== close) {
    if (s[j] === '\\') j++;
    else if (open === '(' && s[j] === '(') return -1;
    j++;
  }
  if (j >= s.length) return -1;
  j++;
  while (j < s.length && /[ \t]/.test(s[j])) j++;
  return s[j] === ')' ? j + 1 : -1;
}

function decodeEntity(s: string, i: number): [string, number] | undefined {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(s.slice(i, i + 40));
  if (!m) return undefined;
  let ch: string | undefined;
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2], 16);
    ch = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  } else {
    ch = Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, m[3]) ? NAMED_ENTITIES[m[3]] : undefined;
  }
  return ch === undefined ? undefined : [ch, m[0].length];
}

/**
 * Plain text of inline Markdown `s`. `definitions` holds the normalized labels of the note's
 * link reference definitions (`[label]: url`), which turn `[text][label]` and `[label]` into links.
 */
export function plainInline(s: string, definitions?: ReadonlySet<string>): string {
  if (!/[\\`*_~[\]!<&]/.test(s) || s.length > 4000) return s.replace(/\s+/g, ' ').trim();
  return collapse(render(s, definitions ?? new Set()));
}

function collapse(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').trim();
}

function render(s: string, defs: ReadonlySet<string>): string {
  const pieces: Piece[] = [];
  let buf = '';
  const flush = () => {
    if (buf) pieces.push({ text: buf });
    buf = '';
  };
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && PUNCT.test(s[i + 1])) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = backtickRun(s, i);
      const close = findBacktickClose(s, i + run, run);
      if (close === -1) {
        buf += s.slice(i, i + run);
        i += run;
        continue;
      }
      let code = s.slice(i + run, close).replace(/\n/g, ' ');
      if (code.length >= 2 && code[0] === ' ' && code[code.length - 1] === ' ' && /[^ ]/.test(code)) code = code.slice(1, -1);
      buf += code;
      i = close + run;
      continue;
    }
    if (c === '&') {
      const e = decodeEntity(s, i);
      if (e) {
        buf += e[0];
        i += e[1];
        continue;
      }
    }
    if (c === '<') {
      const m =
        /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(s.slice(i)) ??
        /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/.exec(s.slice(i));
      if (m) {
        buf += m[1];
        i += m[0].length;
        continue;
      }
      // Raw HTML (`<a name="index"></a>Index`, `<br/>`, `<!-- x -->`) is markup, not text.
      const html = RAW_HTML.exec(s.slice(i, i + 1000));
      if (html) {
        i += html[0].length;
        continue;
      }
    }
    const image = c === '!' && s[i + 1] === '[';
    if (c === '[' || image) {
      const start = image ? i + 1 : i;
      const end = labelEnd(s, start);
      if (end !== -1) {
        const inner = s.slice(start + 1, end);
        if (s[end + 1] === '(') {
          const after = linkTail(s, end + 1);
          if (after !== -1 && (image || !containsLink(inner, defs))) {
            buf += render(inner, defs);
            i = after;
            continue;
          }
        }
        const ref = /^\[([^\]\\]*(?:\\.[^\]\\]*)*)\]/.exec(s.slice(end + 1));
        if (ref && ref[1].trim() !== '' && defs.has(normalizeLabel(ref[1]))) {
          buf += render(inner, defs);
          i = end + 1 + ref[0].length;
          continue;
        }
        if ((!ref || ref[1] === '') && inner.trim() !== '' && defs.has(normalizeLabel(inner)) && !inner.startsWith('^')) {
          buf += render(inner, defs);
          i = end + 1 + (ref ? 2 : 0);
          continue;
        }
      }
    }
    if (c === '*' || c === '_' || c === '~') {
      let n = 1;
      while (s[i + n] === c) n++;
      const before = i === 0 ? undefined : s[i - 1];
      const after = s[i + n];
      const leftFlanking = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const rightFlanking = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      let canOpen = leftFlanking;
      let canClose = rightFlanking;
      if (c === '_') {
        canOpen = leftFlanking && (!rightFlanking || isPunctuation(before));
        canClose = rightFlanking && (!leftFlanking || isPunctuation(after));
      }
      if (c === '~' && n > 2) {
        buf += s.slice(i, i + n);
        i += n;
        continue;
      }
      flush();
      pieces.push({ text: c.repeat(n), delim: c, count: n, origCount: n, canOpen, canClose });
      i += n;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
  processEmphasis(pieces);
  return pieces.map((p) => (p.delim ? p.delim.repeat(p.count ?? 0) : p.text)).join('');
}

/** Whether `inner` (a link's text) itself contains a link: links cannot nest, the inner one wins. */
function containsLink(inner: string, defs: ReadonlySet<string>): boolean {
  for (let i = inner.indexOf('['); i !== -1; i = inner.indexOf('[', i + 1)) {
    if (inner[i - 1] === '!' || (i > 0 && inner[i - 1] === '\\')) continue;
    const end = labelEnd(inner, i);
    if (end === -1) continue;
    if (inner[end + 1] === '(' && linkTail(inner, end + 1) !== -1) return true;
    if (defs.has(normalizeLabel(inner.slice(i + 1, end)))) return true;
  }
  return false;
}

/** CommonMark's "process emphasis" over the delimiter pieces (GFM strikethrough for `~`). */
function processEmphasis(pieces: Piece[]): void {
  for (let ci = 0; ci < pieces.length; ci++) {
    const closer = pieces[ci];
    if (!closer.delim || !closer.canClose || !closer.count) continue;
    for (let oi = ci - 1; oi >= 0; oi--) {
      const opener = pieces[oi];
      if (opener.delim !== closer.delim || !opener.canOpen || !opener.count) continue;
      if (closer.delim === '~') {
        if (opener.count !== closer.count) continue;
        opener.count = 0;
        closer.count = 0;
        clearBetween(pieces, oi, ci);
        break;
      }
      const oddMatch = (opener.canClose || closer.canOpen) && (opener.origCount! + closer.origCount!) % 3 === 0 && !(opener.origCount! % 3 === 0 && closer.origCount! % 3 === 0);
      if (oddMatch) continue;
      const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      opener.count -= use;
      closer.count -= use;
      clearBetween(pieces, oi, ci);
      if (closer.count > 0) ci--; // the closer may close more
      break;
    }
  }
}

/** Delimiters between a matched pair can no longer match across it. */
function clearBetween(pieces: Piece[], from: number, to: number): void {
  for (let k = from + 1; k < to; k++) {
    const p = pieces[k];
    if (p.delim) {
      p.canOpen = false;
      p.canClose = false;
    }
  }
}
