/**
 * Links a schedule lists for a session (issue 22): pretalx/frab/FOSDEM `links` and
 * `attachments`, Sessionize's `recordingUrl`. Each kept when it is an http(s) address
 * (core/links/safeUrl) and sorted as slides (attachments, PDF and presentation files), a
 * recording (video sites and files) or other.
 */
import type { SessionLink } from './model';
import { cleanOrNull, cleanUrl } from './text';

/** Sites whose pages are recordings of talks. */
const VIDEO_HOSTS = /(?:^|\.)(?:youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|media\.ccc\.de|video\.fosdem\.org|peertube\.[a-z]+|archive\.org)$/;
const VIDEO_FILE = /\.(?:webm|mp4|mkv|mov|m4v|ogv)$/i;
const SLIDE_FILE = /\.(?:pdf|pptx?|key|odp|ppsx?)$/i;
const SLIDE_WORD = /\b(?:slides?|deck|presentation)\b/i;
const VIDEO_WORD = /\b(?:video|recording|youtube)\b/i;

/** Slides, a recording or other, by the address first and the title after. */
export function classifyLink(url: string, title: string | null, attachment: boolean): SessionLink['kind'] {
  let host: string;
  let path: string;
  try {
    const u = new URL(url);
    host = u.hostname.toLowerCase();
    path = decodeURIComponent(u.pathname);
  } catch {
    return 'other';
  }
  if (VIDEO_HOSTS.test(host) || VIDEO_FILE.test(path)) return 'recording';
  if (SLIDE_FILE.test(path) || (title && SLIDE_WORD.test(title))) return 'slides';
  if (title && VIDEO_WORD.test(title)) return 'recording';
  return attachment ? 'slides' : 'other';
}

/** A link as a source gives it: its address and title (either may be missing). */
export interface RawLink {
  url: unknown;
  title?: unknown;
  /** A type the source states (FOSDEM's `slides`, `video`, pretalx's `related`). */
  type?: unknown;
  attachment: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The session's links: http(s) only, each address once, at most 50. */
export function sessionLinks(raws: readonly RawLink[]): SessionLink[] | undefined {
  const out: SessionLink[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const url = cleanUrl(text(raw.url));
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const title = cleanOrNull(text(raw.title));
    const type = text(raw.type).toLowerCase();
    const kind = type === 'slides' ? 'slides' : type === 'video' || type === 'recording' ? 'recording' : classifyLink(url, title, raw.attachment);
    out.push({ title, url, kind });
    if (out.length >= 50) break;
  }
  return out.length ? out : undefined;
}
