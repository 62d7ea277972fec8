/**
 * The one gate every URL written into a note goes through (Resolve TODO Link, landscape
 * homepages and repositories, completion): it must be an http(s) address, it is normalised
 * by the URL parser, and it is written so that Markdown reads exactly that address: no raw
 * HTML (`<script>`), no parenthesis or backslash that ends or escapes the link early, no
 * control characters, no pipe that splits a table cell, no `&…;` that Markdown would read as a
 * character reference (`&#41;` is a `)` to Markdown, `&amp;` an `&`: the `&` is written `&amp;`).
 */

export type SafeUrl =
  | {
      ok: true;
      /** The normalised address (`new URL(...).href`). */
      url: string;
      /** The address as a Markdown link destination: safe inside `[text](…)`, `<…>` and table cells. */
      markdown: string;
    }
  | { ok: false; reason: string };

/** Characters percent-encoded in a written link (none can occur in a host name). */
const MARKDOWN_UNSAFE = /[\\()<>| \t`]/g;
/** An `&` that starts what Markdown reads as an entity or numeric character reference (bounded lookahead). */
const REFERENCE_AMP = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** True when the text has a control character (C0, DEL, C1, line or paragraph separator). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

function percent(ch: string): string {
  return '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Checks and normalises a URL for a note; the reason is a sentence for the user. Spaces inside
 * are percent-encoded by the URL parser (a typed URL is refused earlier for them, see
 * validateLinkUrl).
 */
export function safeUrl(input: string | null | undefined): SafeUrl {
  const v = (input ?? '').trim();
  if (!v) return { ok: false, reason: 'Enter the link’s URL (https://…).' };
  const control = CONTROL.exec(v);
  if (control) return { ok: false, reason: `The URL contains a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}).` };
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { ok: false, reason: 'Not a URL: write it with its scheme, like https://example.com/slides.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `Only http and https links (not ${url.protocol}).` };
  if (!url.hostname) return { ok: false, reason: 'The URL needs a host name.' };
  // The parser writes `https://host` as `https://host/`: keep the form that was given.
  const href = /^https?:\/\/[^/?#]*$/i.test(v) && url.pathname === '/' ? url.href.replace(/\/$/, '') : url.href;
  return { ok: true, url: href, markdown: href.replace(MARKDOWN_UNSAFE, percent).replace(REFERENCE_AMP, '&amp;') };
}

/** The URL as a Markdown link destination, or undefined when it is not a safe http(s) address. */
export function markdownDestination(input: string | null | undefined): string | undefined {
  const r = safeUrl(input);
  return r.ok ? r.markdown : undefined;
}

/**
 * A relative or site-absolute path (`images/ebpf-01.jpg`, `/images/kubecon/a b.jpg`) as a
 * Markdown link destination: each segment percent-encoded (spaces, parentheses, `:` so no
 * segment reads as a scheme, non-ASCII as UTF-8), `/` kept. Undefined with a control character.
 */
export function markdownPath(path: string): string | undefined {
  if (!path || CONTROL.test(path)) return undefined;
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, percent))
    .join('/');
}
