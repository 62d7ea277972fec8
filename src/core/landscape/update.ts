/**
 * "Update Landscape Index": fetch a landscape.yml (https only, or http to this machine for
 * tests), build an index from it with what the current index knows about ordinary words, and
 * check the result before it replaces anything.
 */
import { buildIndexFromYaml } from './build';
import { LandscapeIndex, type LandscapeIndexFile } from './index';
import { formWords } from './text';

/** Largest landscape.yml accepted (the real one is about 1 MB). */
export const MAX_LANDSCAPE_BYTES = 32 * 1024 * 1024;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Why a URL may not be fetched, or undefined when it may: `https:`, or `http:` to loopback only. */
export function urlProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return `not a URL: ${url}`;
  }
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname.toLowerCase())) return undefined;
  if (u.protocol === 'http:') return `only https: URLs are fetched (http: only to this machine): ${url}`;
  return `only https: URLs are fetched, not ${u.protocol}`;
}

/** Fetches the text at `url` (after {@link urlProblem}), with a time and size limit; throws with a readable reason. */
export async function fetchLandscapeText(url: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<string> {
  const problem = urlProblem(url);
  if (problem) throw new Error(problem);
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), options.timeoutMs ?? 60000);
  options.signal?.addEventListener('abort', () => ctrl.abort());
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: ctrl.signal, redirect: 'follow' });
    } catch (err) {
      throw new Error(ctrl.signal.aborted ? `${url}: no answer in time` : `${url}: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`, { cause: err });
    }
    if (res.url && urlProblem(res.url)) throw new Error(`redirected to a URL that is not fetched: ${res.url}`);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${res.statusText}`.trim());
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_LANDSCAPE_BYTES) throw new Error(`${url}: ${length} bytes is more than a landscape file`);
    const text = await res.text();
    if (text.length > MAX_LANDSCAPE_BYTES) throw new Error(`${url}: too large for a landscape file`);
    return text;
  } finally {
    clearTimeout(timer);
  }
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
  return file;
}
