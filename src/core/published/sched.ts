/**
 * Links on a Sched session page (`https://<event>.sched.com/event/<id>`): the files speakers
 * upload (`<a class="file-uploaded" href="https://static.sched.com/hosted_files/<event>/…">`,
 * slides as PDF/PPTX) and, once the recording is out, an embedded YouTube video
 * (`youtube.com/embed/<id>`, also youtube-nocookie) written as its watch URL. Read with
 * htmlparser2's tolerant tokenizer (no tree kept, no Node built-in), never with
 * regular expressions over the page; only http(s) addresses pass (core/links/safeUrl).
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { safeUrl } from '../links/safeUrl';
import type { FoundLink } from './types';
import { parseHttpUrl } from './url';

/** Files linked at most (a hostile page with thousands of links is read to the end but keeps only these). */
const MAX_FILES = 20;

/** The hosted file an `<a href>` names, or undefined: Sched's file host with `/hosted_files/` in the path. */
function hostedFile(href: string, base: string): string | undefined {
  const u = parseHttpUrl(href, base);
  if (!u || !u.pathname.includes('/hosted_files/')) return undefined;
  if (!/(?:^|\.)sched\.com$/i.test(u.hostname) && !/(?:^|\.)sched\.co$/i.test(u.hostname)) return undefined;
  const safe = safeUrl(u.href);
  return safe.ok ? safe.url : undefined;
}

/** An http(s) address (relative to the page) that passes core/links/safeUrl, or undefined. */
function httpUrl(href: string, base: string): string | undefined {
  const u = parseHttpUrl(href, base);
  const safe = u && safeUrl(u.href);
  return safe && safe.ok ? safe.url : undefined;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;

/** The watch URL of a YouTube embed address (`https://www.youtube.com/embed/<id>?…`), or undefined. */
function youtubeWatchUrl(src: string, base: string): string | undefined {
  const u = parseHttpUrl(src, base);
  if (!u) return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  if (host !== 'youtube.com' && host !== 'youtube-nocookie.com' && host !== 'm.youtube.com') return undefined;
  const parts = u.pathname.split('/');
  if (parts[1] !== 'embed' || !parts[2] || !YOUTUBE_ID.test(parts[2])) return undefined;
  return `https://www.youtube.com/watch?v=${parts[2]}`;
}

/**
 * Each start tag of the page with its attributes (entities decoded), through htmlparser2's
 * tokenizer: linear in the page (its Parser keeps a stack of open elements that a page of
 * nested tags makes quadratic, and no tree is needed here).
 */
function eachStartTag(html: string, onTag: (name: string, attrs: ReadonlyMap<string, string>) => void): void {
  let name = '';
  let attr = '';
  let value = '';
  let attrs = new Map<string, string>();
  const endTag = () => {
    if (name) onTag(name, attrs);
    name = '';
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      name = html.slice(start, end).toLowerCase();
      attrs = new Map();
    },
    onattribname(start, end) {
      attr = html.slice(start, end).toLowerCase();
      value = '';
    },
    onattribdata(start, end) {
      if (value.length < 4096) value += html.slice(start, Math.min(end, start + 4096));
    },
    onattribentity(codepoint) {
      value += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (name && !attrs.has(attr)) attrs.set(attr, value);
    },
    onopentagend: endTag,
    onselfclosingtag: endTag,
    oncdata() {},
    onclosetag() {},
    oncomment() {},
    ondeclaration() {},
    onend() {},
    onprocessinginstruction() {},
    ontext() {},
    ontextentity() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
}

/** The slides and recording a Sched session page's HTML links (http(s) only, each once, slides first). */
export function linksFromSchedPage(html: string, pageUrl: string): FoundLink[] {
  const slides: string[] = [];
  let recording: string | undefined;
  eachStartTag(html, (name, attrs) => {
    const href = attrs.get('href');
    const src = attrs.get('src');
    if (name === 'a' && href && slides.length < MAX_FILES) {
      const file = hostedFile(href, pageUrl) ?? (/(?:^|\s)file-uploaded(?:\s|$)/.test(attrs.get('class') ?? '') ? httpUrl(href, pageUrl) : undefined);
      if (file && !slides.includes(file)) slides.push(file);
    } else if (name === 'iframe' && src && !recording) {
      recording = youtubeWatchUrl(src, pageUrl);
    }
  });
  return [
    ...slides.map((url): FoundLink => ({ kind: 'slides', url, source: 'sched-page' })),
    ...(recording ? [{ kind: 'recording' as const, url: recording, source: 'sched-page' as const }] : []),
  ];
}
