/**
 * Published links (issue 22): the slides and recordings of a conference's sessions, found after
 * the event on the schedule's session pages and in re-imported schedules, and written into the
 * note's talks. Plain data only: the cache is stored as JSON by the caller (the CLI in a file,
 * the editor in its storage).
 */
import type { Session } from '../schedule/model';

/** What a found link is. */
export type LinkKind = 'slides' | 'recording';

/** Where a link was found. */
type LinkSource = 'sched-page' | 'schedule' | 'pretalx-api' | 'cache';

export interface FoundLink {
  kind: LinkKind;
  /** Normalised http(s) address (core/links/safeUrl). */
  url: string;
  source: LinkSource;
}

/** How a talk was matched to a session. */
type MatchHow = 'url' | 'title';

export interface SessionMatch {
  session: Session;
  /** 0..1: 1 for a URL match or an exact title on the talk's day. */
  confidence: number;
  how: MatchHow;
}

export interface SessionCandidate {
  session: Session;
  /** 0..1, the same scale as {@link SessionMatch.confidence}. */
  score: number;
}

/** The answer of the one session matcher: a match, or null with the best candidates (best first, the talk's day first). */
export interface SessionMatchResult {
  match: SessionMatch | null;
  candidates: SessionCandidate[];
}

/** What the matcher knows of a talk. */
export interface TalkQuery {
  /** The talk's title as written (a kind prefix and speakers may still be in it). */
  title: string;
  /** Speakers from the heading. */
  speakers?: readonly string[];
  company?: string | null;
  /** The conference-local date (`YYYY-MM-DD`) of the day heading it sits under. */
  day?: string;
  /** Session URLs written inside the talk's section (`[Session page](…)`). */
  urls?: readonly string[];
}

/** A talk of a note with what the matcher needs (see `noteTalks`). */
export interface NoteTalk extends TalkQuery {
  /** 1-based line of the heading, and the last line of its section. */
  line: number;
  endLine: number;
  hidden: boolean;
}

/** One session's page as last read. */
export interface CacheEntry {
  /** The session page read (the session's URL). */
  url: string;
  /** ISO 8601 instant of the read. */
  fetchedAt: string;
  slides: string[];
  recording?: string;
  /** Why the last read failed (one line), when it did. */
  error?: string;
}

/** The cache the caller stores between runs: entries by session URL. */
export interface PublishedCache {
  version: 1;
  entries: Record<string, CacheEntry>;
}

/** The links of one talk, for the preview, the JSON output and the edits. */
export interface TalkLinks {
  /** 1-based heading line and the talk's title. */
  line: number;
  title: string;
  match: SessionMatch | null;
  candidates: SessionCandidate[];
  /** Slides first (each once), then the recording. */
  links: FoundLink[];
  /** One-line problems for this talk (a refused page: site and page URL). */
  problems: string[];
}

export interface FindPublishedOptions {
  /** Fetch nothing: matching, the cache and links already in the schedule only. */
  offline?: boolean;
  /** Milliseconds between two requests (default 2000; 0 in tests). */
  pauseMs?: number;
  /** Time limit per page in ms (default 15000). */
  timeoutMs?: number;
  /** Size cap per page in bytes (default 4 MB). */
  maxBytes?: number;
  /** Now, as ms since the epoch or ISO 8601 (the caller's clock; tests pass a fixed one). */
  now: number | string;
  /** A page read less than this many hours ago is not read again (default 12). */
  refetchAfterHours?: number;
  /** Cancels the run (the remaining pages are not read; what was found is kept). */
  signal?: AbortSignal;
  /** Called before each page is read: `done` of `total` pages, and the talk's title. */
  onProgress?: (done: number, total: number, title: string) => void;
  /** Also read the pretalx API's resources for pretalx sessions (default true). */
  pretalxApi?: boolean;
  /** Passed to the bounded fetch (core/net/fetchText.ts): the CLI gives Node's resolver. */
  lookup?: (hostname: string) => Promise<readonly string[]>;
  /** The network's `fetch` (default the platform's; the tests answer from fixtures). */
  fetch?: typeof fetch;
}

export interface FindPublishedResult {
  talks: TalkLinks[];
  /** The cache updated with what was read (a new object; the given one is not changed). */
  cache: PublishedCache;
  /** Pages requested in this run. */
  requests: number;
  /** True when the run was cancelled before it read every page it meant to. */
  cancelled: boolean;
}

export interface PublishedEditOptions {
  /**
   * The line written under a talk heading when the talk has no placeholder:
   * `{slides}` and `{recording}` stand for the links (`[Slides](…) · [Recording](…)` by default).
   */
  lineFormat?: string;
}
