/**
 * "Update Landscape Index": fetch a landscape.yml (https only, or http to this machine for
 * tests), build an index from it with what the current index knows about ordinary words, and
 * check the result before it replaces anything.
 */
import { Parser } from 'yaml';
import { buildIndexFromYaml } from './build';
import { LandscapeIndex, type LandscapeIndexFile } from './index';
import { formWords } from './text';

/** Largest landscape.yml accepted, on the wire and decoded (the real one is about 1 MB). */
export const MAX_LANDSCAPE_BYTES = 16 * 1024 * 1024;
/** Redirects followed at most. */
export const MAX_LANDSCAPE_REDIRECTS = 5;
/** The whole download (every redirect and the body) must end within this time. */
export const LANDSCAPE_TIMEOUT_MS = 60_000;
/** Caps on the parsed YAML, checked on its syntax tree before it is built into values. */
export const MAX_YAML_DEPTH = 64;
export const MAX_YAML_NODES = 1_000_000;
export const MAX_YAML_ALIASES = 1000;
/** An index with more entries than this is not a landscape (the real one has a few thousand). */
export const MAX_LANDSCAPE_ENTRIES = 50_000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const isLoopback = (u: URL) => LOOPBACK.has(u.hostname.toLowerCase());

/** Why a URL may not be fetched, or undefined when it may: `https:`, or `http:` to loopback only. */
export function urlProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return `not a URL: ${url}`;
  }
  if (u.username || u.password) return `a URL with a user name or password is not fetched: ${u.protocol}//…@${u.host}`;
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && isLoopback(u)) return undefined;
  if (u.protocol === 'http:') return `only https: URLs are fetched (http: only to this machine): ${url}`;
  return `only https: URLs are fetched, not ${u.protocol}`;
}

export interface FetchLandscapeOptions {
  /** The total time limit (default {@link LANDSCAPE_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Cancels the download (the editor's Cancel button). */
  signal?: AbortSignal;
  /** Largest body accepted, on the wire and decoded (default {@link MAX_LANDSCAPE_BYTES}). */
  maxBytes?: number;
  /** Redirects followed at most (default {@link MAX_LANDSCAPE_REDIRECTS}). */
  maxRedirects?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

class StopFetch extends Error {}

/**
 * Fetches the text at `url` (after {@link urlProblem}); throws with a readable reason.
 * Redirects are followed by hand, each one checked before it is requested; the body is read
 * as a stream with a byte counter and dropped as soon as it passes the limit (a compressed
 * body is counted as it is decoded, so a small gzip that decodes to gigabytes is stopped at
 * the limit too); one time limit covers the whole download.
 */
export async function fetchLandscapeText(url: string, options: FetchLandscapeOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_LANDSCAPE_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_LANDSCAPE_REDIRECTS;
  const timeoutMs = options.timeoutMs ?? LANDSCAPE_TIMEOUT_MS;
  const first = urlProblem(url);
  if (first) throw new Error(first);
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  const onAbort = () => ctrl.abort();
  if (options.signal?.aborted) ctrl.abort();
  options.signal?.addEventListener('abort', onAbort);
  const stopped = (err: unknown, where: string): Error => {
    if (err instanceof StopFetch) return err;
    if (timedOut) return new StopFetch(`The landscape download took longer than ${Math.round(timeoutMs / 100) / 10} s (${where})`);
    if (options.signal?.aborted) return new StopFetch('cancelled');
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    return new StopFetch(`${where}: ${cause}`);
  };
  try {
    let current = url.trim();
    let res: Response;
    for (let hop = 0; ; hop++) {
      try {
        res = await fetch(current, { signal: ctrl.signal, redirect: 'manual', headers: { accept: 'application/yaml, text/yaml, text/plain, */*' } });
      } catch (err) {
        throw stopped(err, current);
      }
      if (!REDIRECTS.has(res.status)) break;
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get('location');
      if (!location) throw new StopFetch(`${current}: HTTP ${res.status} redirect without a Location`);
      if (hop >= maxRedirects) throw new StopFetch(`${url}: more than ${maxRedirects} redirects`);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new StopFetch(`${current}: redirected to something that is not a URL: ${location}`);
      }
      const problem = urlProblem(next.href);
      if (problem) throw new StopFetch(`redirected to a URL that is not fetched: ${next.href} (${problem})`);
      if (isLoopback(next) && !isLoopback(new URL(current))) throw new StopFetch(`redirected from ${new URL(current).host} to this machine (${next.host}): not followed`);
      current = next.href;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new StopFetch(`${current}: HTTP ${res.status} ${res.statusText}`.trim());
    }
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new StopFetch(`${current}: ${mb(length)} is more than the ${mb(maxBytes)} a landscape file may have`);
    }
    return await readLimited(res, maxBytes, current, stopped);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The body as text, read and decoded chunk by chunk (no chunk is kept once decoded); stops,
 * and cancels the rest, once more than `maxBytes` have come.
 */
async function readLimited(res: Response, maxBytes: number, where: string, stopped: (err: unknown, where: string) => Error): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let total = 0;
  try {
    for (;;) {
      let step: Awaited<ReturnType<typeof reader.read>>;
      try {
        step = await reader.read();
      } catch (err) {
        throw stopped(err, where);
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > maxBytes) throw new StopFetch(`${where}: more than ${mb(maxBytes)} (decoded): too large for a landscape file; the download was stopped`);
      try {
        parts.push(decoder.decode(step.value, { stream: true }));
      } catch {
        throw new StopFetch(`${where}: the landscape file is not UTF-8 text`);
      }
    }
    try {
      parts.push(decoder.decode());
    } catch {
      throw new StopFetch(`${where}: the landscape file is not UTF-8 text`);
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    parts.length = 0;
    throw err;
  }
  return parts.join('');
}

interface CstItem {
  start?: unknown[];
  key?: CstToken | null;
  sep?: unknown[];
  value?: CstToken;
}
interface CstToken {
  type: string;
  value?: CstToken | string;
  items?: CstItem[];
  start?: unknown[];
}

/**
 * Why a landscape.yml is refused before it is built into values (nested deeper than
 * {@link MAX_YAML_DEPTH}, more than {@link MAX_YAML_NODES} nodes or {@link MAX_YAML_ALIASES}
 * aliases, more than one document), or undefined. Reads the syntax tree without recursion, so
 * a hostile nesting cannot exhaust the stack.
 */
export function landscapeYamlProblem(yamlText: string): string | undefined {
  let documents = 0;
  let nodes = 0;
  let aliases = 0;
  for (const doc of new Parser().parse(yamlText) as Iterable<CstToken>) {
    if (doc.type !== 'document') continue;
    if (++documents > 1) return 'more than one YAML document: a landscape.yml has one';
    const stack: Array<{ token: CstToken; depth: number }> = [];
    if (doc.value && typeof doc.value === 'object') stack.push({ token: doc.value, depth: 1 });
    while (stack.length) {
      const { token, depth } = stack.pop()!;
      if (++nodes > MAX_YAML_NODES) return `more than ${MAX_YAML_NODES} YAML nodes: not a landscape file`;
      if (depth > MAX_YAML_DEPTH) return `the YAML is nested deeper than ${MAX_YAML_DEPTH} levels: not a landscape file`;
      if (token.type === 'alias' && ++aliases > MAX_YAML_ALIASES) return `more than ${MAX_YAML_ALIASES} YAML aliases: not a landscape file`;
      for (const item of token.items ?? []) {
        if (item.key && typeof item.key === 'object') stack.push({ token: item.key, depth: depth + 1 });
        if (item.value && typeof item.value === 'object') stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Ordinary words as the current index knows them (its ordinary names), for building a new
 * index without a word list: a word it knows only from distinctive names is distinctive; an
 * unknown lower-case word is taken as ordinary (precision first: a new project called after a
 * word matches only in its own capitalisation until the bundled index says otherwise).
 */
export function ordinaryWordsFrom(index: LandscapeIndex): (lowerWord: string, single: boolean) => boolean {
  const ordinary = new Set<string>();
  const distinctive = new Set<string>();
  for (const e of index.entries) {
    const ord = new Set(e.ordinary ?? []);
    for (const form of [e.name, ...e.aliases]) {
      const words = formWords(form.toLowerCase());
      if (ord.has(form)) for (const w of words) ordinary.add(w);
      else if (words.length === 1 && !form.includes('-')) distinctive.add(words[0]);
    }
  }
  return (w, single) => ordinary.has(w) || (!distinctive.has(w) && (!single || /^[a-z]+$/.test(w)));
}

/** Builds and checks an index from landscape.yml text; keeps near words known for the same names. Throws with a reason. */
export function buildUpdatedIndex(yamlText: string, sourceUrl: string, current: LandscapeIndex): LandscapeIndexFile {
  if (yamlText.length > MAX_LANDSCAPE_BYTES) throw new Error(`more than ${mb(MAX_LANDSCAPE_BYTES)}: too large for a landscape file`);
  const shape = landscapeYamlProblem(yamlText);
  if (shape) throw new Error(shape);
  const file = buildIndexFromYaml(yamlText, { sourceUrl, ordinaryWord: ordinaryWordsFrom(current) });
  const known = new Map(current.entries.map((e) => [e.name, e]));
  for (const e of file.entries) {
    const old = known.get(e.name);
    if (!old) continue;
    if (old.nearWords?.length) e.nearWords = old.nearWords;
    // Forms the current index knows keep their classification; new forms keep the computed one.
    const oldForms = new Set([old.name, ...old.aliases]);
    const oldOrdinary = new Set(old.ordinary ?? []);
    const ordinary = [e.name, ...e.aliases].filter((f) => (oldForms.has(f) ? oldOrdinary.has(f) : (e.ordinary ?? []).includes(f)));
    if (ordinary.length) e.ordinary = ordinary;
    else delete e.ordinary;
  }
  const cncf = file.entries.filter((e) => e.maturity).length;
  if (cncf < 20) throw new Error(`only ${cncf} CNCF projects in it: not a complete landscape`);
  if (file.entries.length > MAX_LANDSCAPE_ENTRIES) throw new Error(`${file.entries.length} entries, more than the ${MAX_LANDSCAPE_ENTRIES} a landscape has`);
  // The new index must load as the current one does before it may replace it.
  new LandscapeIndex(file);
  return file;
}
