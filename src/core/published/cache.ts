/**
 * The published-links cache: what each session page gave when it was last read, by the page's
 * address, with the date. The caller stores it as JSON (the CLI in a file, the editor in its
 * storage); a missing or unreadable cache is an empty one, never an error.
 */
import { safeUrl } from '../links/safeUrl';
import type { CacheEntry, PublishedCache } from './types';

/** Entries kept at most (the largest conferences have about a thousand sessions). */
const MAX_ENTRIES = 5000;

export function emptyCache(): PublishedCache {
  return { version: 1, entries: {} };
}

const httpUrl = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const safe = safeUrl(v);
  return safe.ok ? safe.url : undefined;
};

/** One stored entry when it has the right shape (addresses checked again: the file may have been edited). */
function entryOf(key: string, v: unknown): CacheEntry | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const e = v as Record<string, unknown>;
  if (typeof e.fetchedAt !== 'string' || !Number.isFinite(Date.parse(e.fetchedAt))) return undefined;
  const slides = Array.isArray(e.slides) ? e.slides.map(httpUrl).filter((u): u is string => !!u) : [];
  const recording = httpUrl(e.recording);
  return {
    url: httpUrl(e.url) ?? key,
    fetchedAt: e.fetchedAt,
    slides,
    ...(recording ? { recording } : {}),
    ...(typeof e.error === 'string' ? { error: e.error.slice(0, 500) } : {}),
  };
}

/** The cache stored as `text`: an empty one when it is missing or unreadable. */
export function parseCache(text: string | undefined): PublishedCache {
  if (!text) return emptyCache();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return emptyCache();
  }
  const entries = data && typeof data === 'object' ? (data as { entries?: unknown }).entries : undefined;
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) return emptyCache();
  const cache = emptyCache();
  for (const [key, value] of Object.entries(entries as Record<string, unknown>).slice(0, MAX_ENTRIES)) {
    if (!httpUrl(key)) continue; // keys are page addresses (never `__proto__`)
    const entry = entryOf(key, value);
    if (entry) cache.entries[key] = entry;
  }
  return cache;
}

export function cacheJson(cache: PublishedCache): string {
  return JSON.stringify(cache, null, 2) + '\n';
}
