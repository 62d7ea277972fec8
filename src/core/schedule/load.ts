/**
 * Loading a schedule from a URL with the platform's `fetch` only (Node 18+, browsers, web
 * workers): `https:`, or `http:` to this machine (tests); redirects followed by hand so that
 * each target is checked before it is requested; a byte limit counted while streaming; one time
 * limit for the whole load.
 */
import { ScheduleError, type Schedule } from './model';
import { MAX_SCHEDULE_BYTES, parseSchedule } from './parse';
import type { ScheduleParseOptions } from './build';

export interface LoadOptions {
  /** Most bytes read (default 32 MB). */
  maxBytes?: number;
  /** Time limit for everything, redirects and body included (default 30 s). */
  timeoutMs?: number;
  /** Most redirects followed (default 5). */
  maxRedirects?: number;
  /** Cancels the load (the editor's progress Cancel). */
  signal?: AbortSignal;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Why a URL is not loaded, or undefined when it may be: `https:`, or `http:` to loopback only. */
export function scheduleUrlProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return `not a URL: ${url}`;
  }
  if (u.username || u.password) return `a URL with a user name or password is not loaded: ${u.host}`;
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && LOOPBACK.test(u.hostname)) return undefined;
  if (u.protocol === 'http:') return `only https: URLs are loaded (http: only to this machine): ${url}`;
  return `only https: URLs are loaded, not ${u.protocol}`;
}

/** Whether SOURCE names a URL rather than a file. */
export function isScheduleUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source.trim());
}

/** The text at `url`, checked and limited as described above; throws ScheduleError with a one-line reason. */
export async function loadScheduleText(url: string, options: LoadOptions = {}): Promise<{ text: string; url: string }> {
  const maxBytes = options.maxBytes ?? MAX_SCHEDULE_BYTES;
  const timeoutMs = options.timeoutMs ?? 30000;
  const maxRedirects = options.maxRedirects ?? 5;
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  const onAbort = () => ctrl.abort();
  options.signal?.addEventListener('abort', onAbort);
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  const failure = (err: unknown, at: string): ScheduleError => {
    if (err instanceof ScheduleError) return err;
    if (timedOut) return new ScheduleError(`${at}: no complete answer within ${seconds}`);
    if (options.signal?.aborted) return new ScheduleError(`${at}: cancelled`);
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    return new ScheduleError(`${at}: ${cause}`);
  };
  let current = url.trim();
  try {
    for (let hop = 0; ; hop++) {
      const problem = scheduleUrlProblem(current);
      if (problem) throw new ScheduleError(hop === 0 ? problem : `redirected to a URL that is not loaded: ${problem}`);
      let res: Response;
      try {
        res = await fetch(current, { signal: ctrl.signal, redirect: 'manual', headers: { accept: 'text/calendar, application/json, application/xml, text/xml, */*;q=0.5' } });
      } catch (err) {
        throw failure(err, current);
      }
      if (res.type === 'opaqueredirect') throw new ScheduleError(`${current}: redirects elsewhere; download the file and import it instead`);
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get('location');
        await res.body?.cancel().catch(() => undefined);
        if (!location) throw new ScheduleError(`${current}: HTTP ${res.status} without a Location`);
        if (hop >= maxRedirects) throw new ScheduleError(`${url}: more than ${maxRedirects} redirects`);
        current = new URL(location, current).toString();
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new ScheduleError(`${current}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      }
      const declared = Number(res.headers.get('content-length') ?? '');
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new ScheduleError(`${current}: ${declared} bytes is more than the ${maxBytes}-byte limit for a schedule`);
      }
      const text = await readLimited(res, maxBytes, current).catch((err) => {
        throw failure(err, current);
      });
      return { text, url: current };
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function readLimited(res: Response, maxBytes: number, at: string): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ScheduleError(`${at}: more than the ${maxBytes}-byte limit for a schedule`);
    }
    chunks.push(decoder.decode(value, { stream: true }));
  }
  chunks.push(decoder.decode());
  return chunks.join('');
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
