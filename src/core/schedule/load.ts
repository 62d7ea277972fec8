/**
 * Loading a schedule from a URL with the platform's `fetch` only (Node 18+, browsers, web
 * workers), by core/net/fetchText's rules: `https:`, or `http:` to this machine (tests);
 * redirects checked before they are requested; a byte limit counted while streaming; one time
 * limit for the whole load.
 */
import { ScheduleError, type Schedule } from './model';
import { MAX_SCHEDULE_BYTES, parseSchedule } from './parse';
import type { ScheduleParseOptions } from './readerCommon';
import { FetchTextError, fetchText, urlProblem, type HostLookup } from '../net/fetchText';

export interface LoadOptions {
  /** Most bytes read (default MAX_SCHEDULE_BYTES, 16 MB). */
  maxBytes?: number;
  /** Time limit for everything, redirects and body included (default 30 s). */
  timeoutMs?: number;
  /** Most redirects followed (default 5). */
  maxRedirects?: number;
  /** Cancels the load (the editor's progress Cancel). */
  signal?: AbortSignal;
  /** Resolves host names, so a redirect to a name of this machine is refused (the CLI's). */
  lookup?: HostLookup;
}

/** Why a URL is not loaded, or undefined when it may be: `https:`, or `http:` to loopback only. */
export function scheduleUrlProblem(url: string): string | undefined {
  return urlProblem(url, 'loaded');
}

/** Whether SOURCE names a URL rather than a file. */
export function isScheduleUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source.trim());
}

/** The text at `url`, checked and limited as described above; throws ScheduleError with a one-line reason. */
export async function loadScheduleText(url: string, options: LoadOptions = {}): Promise<{ text: string; url: string }> {
  try {
    return await fetchText(url, {
      maxBytes: options.maxBytes ?? MAX_SCHEDULE_BYTES,
      timeoutMs: options.timeoutMs ?? 30000,
      maxRedirects: options.maxRedirects ?? 5,
      signal: options.signal,
      lookup: options.lookup,
      label: 'schedule',
      verb: 'loaded',
      accept: 'text/calendar, application/json, application/xml, text/xml, */*;q=0.5',
      strictUtf8: false,
    });
  } catch (err) {
    throw err instanceof FetchTextError ? new ScheduleError(err.message) : err;
  }
}

/** Loads and reads a schedule from a URL; `Schedule.source` is the URL asked for. Throws ScheduleError. */
export async function loadSchedule(url: string, options: LoadOptions & ScheduleParseOptions = {}): Promise<Schedule> {
  const { text, url: final } = await loadScheduleText(url, options);
  try {
    return parseSchedule(text, { ...options, source: options.source ?? url });
  } catch (err) {
    if (err instanceof ScheduleError) throw new ScheduleError(`${final}: ${err.message}`);
    throw err;
  }
}
