/**
 * Finding the published links of a note's talks (issue 22): each talk matched to its session
 * (core/schedule/sessionMatch.ts), then the links the schedule already lists (a re-imported
 * pretalx/frab/Sessionize file), the cache, and last the session pages still missing a slide or
 * a recording: read politely, one at a time with a pause between, through the one bounded
 * download (core/net/fetchText.ts), cancellable. A page that cannot be read is one line naming
 * the site and the page to open; the run goes on with the next.
 */
import { openFrontMatter } from '../frontmatter/fields';
import type { NotesModel } from '../notes/model';
import type { Schedule, Session } from '../schedule/model';
import { matchSession, noteTalks } from '../schedule/sessionMatch';
import { scheduleDays } from '../schedule/query';
import { noteStartDate } from '../schedule/editor-place';
import { fetchText, isThisMachine } from '../net/fetchText';
import { linksFromSchedPage } from './sched';
import { hasLinkOf, sectionText } from './edits';
import { splitLines } from '../util/lines';
import { linksFromPretalxResources, pretalxResourcesUrl } from './pretalxApi';
import { parseHttpUrl } from './url';
import type { CacheEntry, FindPublishedOptions, FindPublishedResult, FoundLink, PublishedCache, TalkLinks } from './types';

const DEFAULTS = { pauseMs: 2000, timeoutMs: 15000, maxBytes: 4 * 1024 * 1024, refetchAfterHours: 12 };

/**
 * Where a session's links can be read: its Sched page (a `/event/<id>` page of a sched.com
 * event, or of any host in a schedule read from Sched), or pretalx's API for a pretalx talk
 * page. An `http:` page elsewhere than this machine is read over `https:`.
 */
function pageOf(session: Session, format: Schedule['format'], pretalxApi: boolean): { url: string; read: string; kind: 'sched' | 'pretalx' } | undefined {
  const u = session.url ? parseHttpUrl(session.url) : undefined;
  if (!u || !session.url) return undefined;
  if ((format === 'sched-ics' || /(?:^|\.)sched\.com$/i.test(u.hostname)) && /^\/event\/[A-Za-z0-9]+/.test(u.pathname)) {
    return { url: session.url, read: isThisMachine(u) ? u.href : u.href.replace(/^http:/, 'https:'), kind: 'sched' };
  }
  const api = pretalxApi ? pretalxResourcesUrl(session.url) : undefined;
  return api ? { url: session.url, read: api, kind: 'pretalx' } : undefined;
}

/** Slides each once, then the first recording. */
function merged(lists: readonly FoundLink[][]): FoundLink[] {
  const slides: FoundLink[] = [];
  let recording: FoundLink | undefined;
  for (const list of lists) {
    for (const l of list) {
      if (l.kind === 'slides' && !slides.some((s) => s.url === l.url)) slides.push(l);
      else if (l.kind === 'recording') recording ??= l;
    }
  }
  return recording ? [...slides, recording] : slides;
}

const fromSchedule = (s: Session): FoundLink[] =>
  (s.links ?? []).filter((l) => l.kind !== 'other').map((l) => ({ kind: l.kind as FoundLink['kind'], url: l.url, source: 'schedule' as const }));

const fromCache = (e: CacheEntry | undefined): FoundLink[] =>
  e
    ? [
        ...e.slides.map((url): FoundLink => ({ kind: 'slides', url, source: 'cache' })),
        ...(e.recording ? [{ kind: 'recording' as const, url: e.recording, source: 'cache' as const }] : []),
      ]
    : [];

const complete = (links: readonly FoundLink[]) => links.some((l) => l.kind === 'slides') && links.some((l) => l.kind === 'recording');

/** A pause that ends early when the run is cancelled. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}

/** `HTTP 404 Not Found` from `https://…: HTTP 404 Not Found` (the page is named once, at the end). */
function reasonOf(err: unknown, url: string): string {
  const msg = err instanceof Error ? err.message : String(err);
  const rest = msg.startsWith(`${url}: `) ? msg.slice(url.length + 2) : msg;
  return rest.endsWith(` (${url})`) ? rest.slice(0, -url.length - 3) : rest;
}

const hostOf = (url: string): string => parseHttpUrl(url)?.host ?? url;

/** The published links of the note's talks (hidden drafts left out), as described above. */
export async function findPublished(text: string, model: NotesModel, schedule: Schedule, cache: PublishedCache, options: FindPublishedOptions): Promise<FindPublishedResult> {
  const o = { ...DEFAULTS, ...options };
  const now = typeof o.now === 'number' ? o.now : Date.parse(o.now);
  const fetchedAt = new Date(Number.isFinite(now) ? now : 0).toISOString();
  const entries: Record<string, CacheEntry> = { ...cache.entries };
  const ctx = { scheduleDays: scheduleDays(schedule), startDate: noteStartDate(openFrontMatter(text)) };
  const talks: TalkLinks[] = [];
  const sessionOf = new Map<TalkLinks, Session>();
  /** Talks whose slides and recording the user has linked already: their pages are not read. */
  const linkedByUser = new Set<TalkLinks>();
  const lines = splitLines(text);
  for (const talk of noteTalks(text, model, ctx)) {
    if (talk.hidden) continue;
    const { match, candidates } = matchSession(talk, schedule);
    const links = match ? merged([fromSchedule(match.session), fromCache(match.session.url ? entries[match.session.url] : undefined)]) : [];
    const found: TalkLinks = { line: talk.line, title: talk.title, match, candidates: candidates.slice(0, 10), links, problems: [] };
    talks.push(found);
    const section = sectionText(lines, talk);
    if (hasLinkOf(section, 'slides') && hasLinkOf(section, 'recording')) linkedByUser.add(found);
    if (match) sessionOf.set(found, match.session);
  }
  // The pages to read: sessions still missing a slide or a recording, not read lately, each once.
  const fresh = (e: CacheEntry | undefined) => e && now - Date.parse(e.fetchedAt) < o.refetchAfterHours * 3600000;
  const pages = new Map<string, { page: NonNullable<ReturnType<typeof pageOf>>; talks: TalkLinks[] }>();
  for (const t of talks) {
    const session = sessionOf.get(t);
    const page = session && pageOf(session, schedule.format, o.pretalxApi !== false);
    if (!page || complete(t.links) || fresh(entries[page.url]) || linkedByUser.has(t)) continue;
    const p = pages.get(page.url) ?? { page, talks: [] };
    p.talks.push(t);
    pages.set(page.url, p);
  }
  let requests = 0;
  let cancelled = false;
  if (!o.offline) {
    let done = 0;
    for (const { page, talks: waiting } of pages.values()) {
      if (done > 0) await pause(o.pauseMs, o.signal);
      if (!o.signal?.aborted) o.onProgress?.(done, pages.size, waiting[0].title);
      if (o.signal?.aborted) {
        cancelled = true;
        break;
      }
      requests++;
      done++;
      const before = entries[page.url];
      try {
        const got = await fetchText(page.read, {
          maxBytes: o.maxBytes,
          timeoutMs: o.timeoutMs,
          maxRedirects: 5,
          label: page.kind === 'sched' ? 'session page' : 'pretalx resource list',
          accept: page.kind === 'sched' ? 'text/html' : 'application/json',
          signal: o.signal,
          strictUtf8: false,
          lookup: o.lookup,
          fetch: o.fetch,
        });
        const links = page.kind === 'sched' ? linksFromSchedPage(got.text, got.url) : linksFromPretalxResources(got.text);
        const recording = links.find((l) => l.kind === 'recording')?.url ?? before?.recording;
        entries[page.url] = {
          url: page.url,
          fetchedAt,
          slides: merged([fromCache(before), links])
            .filter((l) => l.kind === 'slides')
            .map((l) => l.url),
          ...(recording ? { recording } : {}),
        };
        for (const t of waiting) t.links = merged([t.links, links]);
      } catch (err) {
        if (o.signal?.aborted) {
          cancelled = true;
          break;
        }
        const reason = reasonOf(err, page.read);
        entries[page.url] = { ...(before ?? { url: page.url, slides: [] }), fetchedAt, error: reason };
        const line = `${hostOf(page.read)} did not give the session’s links (${reason}): open ${page.url}`;
        for (const t of waiting) t.problems.push(line);
      }
    }
  }
  return { talks, cache: { version: 1, entries }, requests, cancelled };
}
