/** Text clean-up shared by the schedule readers: HTML entities, HTML tags, white space. */
import { NAMED_ENTITIES } from '../text/entities';
import { safeUrl } from '../links/safeUrl';

/** Decodes HTML character references (`&amp;`, `&nbsp;`, `&#39;`, `&#x2019;`); unknown ones stay as written. One pass. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref] : whole;
  });
}

/** Plain text of an HTML fragment: tags dropped (block ends become line breaks), entities decoded. */
export function stripHtml(html: string): string {
  const text = html.replace(/<\s*(?:br|\/p|\/div|\/li|\/h[1-6])\b[^>]{0,200}>/gi, '\n').replace(/<[^<>]{0,2000}>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Control characters (C0 but white space, DEL, C1) and bidirectional overrides: never part of a schedule's text. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line: entities decoded, control characters dropped, white space (also no-break spaces, line breaks) collapsed, trimmed. */
export function cleanLine(text: string | null | undefined): string {
  if (text == null) return '';
  const t = decodeEntities(String(text)).replace(CONTROLS, '');
  // Most lines need nothing more: single spaces between words, none at the ends.
  if (!/[\t\n\r\f\v\u00a0\u200b]| {2}|^ | $/.test(t)) return t;
  return t.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** `cleanLine`, or null when that is empty. */
export function cleanOrNull(text: string | null | undefined): string | null {
  const t = cleanLine(text);
  return t === '' ? null : t;
}

/**
 * A session page address through the one URL gate (safeUrl: http(s) only, normalised), or null
 * when it is not one (FOSDEM's `https:/host` is repaired). Writers of a note still write it
 * through `markdownDestination`, never as it is.
 */
export function cleanUrl(text: string | null | undefined): string | null {
  const t = cleanLine(text).replace(/^(https?):\/(?!\/)/i, '$1://');
  if (!/^https?:\/\/\S+$/i.test(t)) return null;
  const safe = safeUrl(t);
  return safe.ok ? safe.url : null;
}

/**
 * A schedule's value (a title, a name, a room) as Markdown text that reads back as that text:
 * `<` (raw HTML, autolinks), `[` and `]` (links and images) and a backslash before punctuation
 * are escaped, so nothing from a schedule becomes HTML or a link in a note. One pass.
 */
export function markdownText(text: string): string {
  return text.replace(/\\(?=[!-/:-@[-`{-~])|[<[\]]/g, '\\$&');
}

/** Leading emoji, symbols and punctuation dropped (`🚨 CONTRIBFEST` → `CONTRIBFEST`). */
export function stripLeadingSymbols(text: string): string {
  return text.replace(/^[^\p{L}\p{N}[(]+/u, '').trim();
}
