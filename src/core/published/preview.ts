/**
 * Find Published Links…' preview, as text: per talk the session it matched and how sure, the
 * slides and recording found, and what will be written where (the edits of that talk alone,
 * described by line). Pure: the editor shows these rows in a quick pick.
 */
import { lineStarts, type TextEdit } from '../document';
import type { NotesModel } from '../notes/model';
import { publishedEdits } from './edits';
import type { PublishedCache, PublishedEditOptions, TalkLinks } from './types';

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
  /** What was found, in short: `slides + recording`, `slides`, `recording`, or empty. */
  kinds: string;
  /**
   * What was found: `slides: deck.pdf · recording: youtube.com/watch?v=abc`, else why nothing:
   * the page that could not be read, `nothing published yet`, `no session matched`.
   */
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

function foundText(talk: TalkLinks, cache: PublishedCache | undefined): string {
  const slides = talk.links.filter((l) => l.kind === 'slides').map((l) => shortUrl(l.url));
  const recording = talk.links.find((l) => l.kind === 'recording');
  const parts = [slides.length ? `slides: ${slides.join(', ')}` : '', recording ? `recording: ${shortUrl(recording.url)}` : ''].filter(Boolean);
  if (parts.length) return parts.join(' · ');
  if (!talk.match) return 'no session matched';
  if (talk.problems[0]) return talk.problems[0];
  // Not read again this run (read lately): why the last read gave nothing.
  const last = talk.match.session.url ? cache?.entries[talk.match.session.url] : undefined;
  return last?.error ? `the session page could not be read (${last.error}, ${last.fetchedAt.slice(0, 10)})` : 'nothing published yet';
}

function kindsOf(talk: TalkLinks): string {
  const has = (kind: string) => talk.links.some((l) => l.kind === kind);
  return [has('slides') ? 'slides' : '', has('recording') ? 'recording' : ''].filter(Boolean).join(' + ');
}

/** The text of 0-based `line` without its line break. */
function lineText(text: string, starts: readonly number[], line: number): string {
  const from = starts[line] ?? text.length;
  const to = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(from, to).replace(/\r?\n$|\r$/, '');
}

/**
 * One edit as the line it changes, before and after (`line 12: - [slides](TODO) → - [slides](…/deck.pdf)`),
 * or what it adds (`after line 9: adds [Slides](…)`), URLs shortened.
 */
function describeEdit(text: string, starts: readonly number[], e: TextEdit, urls: readonly string[]): string {
  const shorten = (s: string) => urls.reduce((acc, url) => acc.split(url).join(shortUrl(url)), s);
  const { start, end } = e.range;
  if (start.line === end.line && start.character !== end.character) {
    const line = lineText(text, starts, start.line);
    const after = line.slice(0, start.character) + e.newText + line.slice(end.character);
    return `line ${start.line + 1}: ${clip(line.trim())} → ${clip(shorten(after).trim())}`;
  }
  const added = clip(shorten(e.newText).trim());
  if (start.line === end.line && start.character > 0 && /^\r?\n/.test(e.newText)) return `after line ${start.line + 1}: adds ${added}`;
  return `line ${start.line + 1}: ${start.character === end.character && start.line === end.line ? 'adds' : 'writes'} ${added}`;
}

/** The preview's rows, one per talk, in the note's order. `picked` holds the heading lines whose session the user chose. */
export function previewRows(
  text: string,
  model: NotesModel,
  talks: readonly TalkLinks[],
  options: PublishedEditOptions & { picked?: ReadonlySet<number>; cache?: PublishedCache } = {},
): PreviewRow[] {
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
      kinds: kindsOf(talk),
      found: foundText(talk, options.cache),
      writes: [...edits]
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map((e) => describeEdit(text, starts, e, urls))
        .join('; '),
      edits,
    };
  });
}
