/**
 * Small text helpers of the landscape index and the matcher: word characters that know about
 * CJK (no reliance on `\b`), compact keys, edit distance, URL checks, Markdown escaping.
 */
import { markdownDestination } from '../links/safeUrl';
import { isHttpUrl } from '../util/url';

/** Letters and digits that continue a word. CJK ideographs, kana, hangul and full-width forms do not: a name can touch them. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (isCjkCode(c)) return false;
  return WORD_RE.test(String.fromCharCode(c));
}
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

/** CJK ideographs and punctuation, kana, hangul, full-width and half-width forms (and surrogates, i.e. astral ideographs). */
function isCjkCode(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xac00 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

/** Lower case with spaces, hyphens, dots, underscores and other punctuation removed: `Cert manager` -> `certmanager`. */
export function compactKey(s: string): string {
  let out = '';
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isWordCode(c)) out += lower[i];
  }
  return out;
}

/** The words of a name form (split on anything that is not a word character). */
export function formWords(form: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < form.length; i++) {
    if (isWordCode(form.charCodeAt(i))) cur += form[i];
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** A URL safe to put in `[text](url)` (through core/links/safeUrl): http(s) only, normalised, nothing Markdown could misread; undefined otherwise. */
export function markdownUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  // Remembered per URL: a long note has thousands of mentions of a few projects, and each check parses the URL twice.
  const known = markdownUrls.get(url);
  if (known !== undefined) return known ?? undefined;
  const result = isHttpUrl(url) ? markdownDestination(url) : undefined;
  if (markdownUrls.size >= MARKDOWN_URLS_KEPT) markdownUrls.clear();
  markdownUrls.set(url, result ?? null);
  return result;
}
const markdownUrls = new Map<string, string | null>();
const MARKDOWN_URLS_KEPT = 1024;

/** Escapes text so it stays plain text inside `[...]` of a Markdown link. */
export function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]`*_<>]/g, (ch) => '\\' + ch).replace(/[\r\n]+/g, ' ');
}

/** `[text](url)`, or undefined when the URL is not http(s). */
export function markdownLink(text: string, url: string | null | undefined): string | undefined {
  const u = markdownUrl(url);
  return u ? `[${escapeLinkText(text)}](${u})` : undefined;
}

/** How far a typo of a name of this (compact) length may be: 1 up to 8 letters, 2 from 10. Shorter than 5: none. */
export function typoDistanceFor(length: number): number {
  if (length < 5) return 0;
  return length >= 10 ? 2 : 1;
}

/** All strings made by deleting up to `depth` characters (the word itself included). */
export function deletes(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}
