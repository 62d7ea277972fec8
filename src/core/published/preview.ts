/**
 * Find Published Links…' preview, as text: per talk the session it matched and how sure, the
 * slides and recording found, and what will be written where (the edits of that talk alone,
 * described by line). Pure: the editor shows these rows in a quick pick.
 */
import { lineStarts, type TextEdit } from '../document';
import type { NotesModel } from '../notes/model';
import { publishedEdits } from './edits';
import type { PublishedEditOptions, TalkLinks } from './types';

/** A match this sure (or by the session's URL) is pre-selected in the preview. */
const SURE = 0.9;
/** Longest text of one written part shown in a row. */
const SHOWN = 90;

export interface PreviewRow {
  /** 1-based heading line and the talk's title. */
  line: number;
  title: string;
  /** The session matched (its title), or undefined. */
  session: string | undefined;
  /** How sure: `session page link`, `same title`, `title 92%`, `picked`, `no session`. */
  sureness: string;
  /** Sure enough to be pre-selected (and something to write). */
  sure: boolean;
  /** What was found: `slides: deck.pdf · recording: youtube.com/watch?v=abc`, or `nothing published yet`. */
  found: string;
  /** What will be written where: `line 12: [slides](TODO) → [slides](…/deck.pdf)`; empty when nothing. */
  writes: string;
  /** The edits of this talk alone. */
  edits: TextEdit[];
}

/** A URL as a row shows it: its host and last path part (`static.sched.com/…/deck.pdf`), the query kept for YouTube. */
export function shortUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const host = u.hostname.replace(/^www\./, '');
  const parts = u.pathname.split('/').filter(Boolean);
  const last = parts.length ? decodeURIComponentSafe(parts[parts.length - 1]) : '';
  const path = parts.length > 1 ? `/…/${last}` : last ? `/${last}` : '';
  return `${host}${path}${/youtube\.com$|youtu\.be$/.test(host) ? u.search : ''}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function clip(s: string): string {
  return s.length > SHOWN ? `${s.slice(0, SHOWN - 1)}…` : s;
}

function sureness(talk: TalkLinks, picked: boolean): string {
  if (!talk.match) return 'no session';
  if (picked) return 'picked';
  if (talk.match.how === 'url') return 'session page link';
  if (talk.match.confidence >= 1) return 'same title';
  return `title ${Math.round(talk.match.confidence * 100)}%`;
}

function foundText(talk: TalkLinks): string {
  const slides = talk.links.filter((l) => l.kind === 'slides').map((l) => shortUrl(l.url));
  const recording = talk.links.find((l) => l.kind === 'recording');
  const parts = [slides.length ? `slides: ${slides.join(', ')}` : '', recording ? `recording: ${shortUrl(recording.url)}` : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : talk.match ? 'nothing published yet' : 'no session, nothing to look up';
}

/** One edit as `line 12: old → new` (`line 12: adds new` when it inserts), URLs shortened. */
function describeEdit(text: string, starts: readonly number[], e: TextEdit, urls: readonly string[]): string {
  const from = (starts[e.range.start.line] ?? text.length) + e.range.start.character;
  const to = (starts[e.range.end.line] ?? text.length) + e.range.end.character;
  let shown = e.newText.trim();
  for (const url of urls) shown = shown.split(url).join(shortUrl(url));
  const old = text.slice(from, to).trim();
  const line = e.range.start.line + 1;
  return old ? `line ${line}: ${clip(old)} → ${clip(shown)}` : `line ${line}: adds ${clip(shown)}`;
}

/** The preview's rows, one per talk, in the note's order. `picked` holds the heading lines whose session the user chose. */
export function previewRows(text: string, model: NotesModel, talks: readonly TalkLinks[], options: PublishedEditOptions & { picked?: ReadonlySet<number> } = {}): PreviewRow[] {
  const starts = lineStarts(text);
  return talks.map((talk) => {
    const edits = talk.links.length ? publishedEdits(text, model, [talk], options) : [];
    const urls = talk.links.map((l) => l.url);
    const picked = options.picked?.has(talk.line) ?? false;
    return {
      line: talk.line,
      title: talk.title,
      session: talk.match?.session.title,
      sureness: sureness(talk, picked),
      sure: !!talk.match && (picked || talk.match.how === 'url' || talk.match.confidence >= SURE) && edits.length > 0,
      found: foundText(talk),
      writes: edits.map((e) => describeEdit(text, starts, e, urls)).join('; '),
      edits,
    };
  });
}
