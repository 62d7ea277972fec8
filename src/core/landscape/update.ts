/**
 * "Update Landscape Index": fetch a landscape.yml (https only, or http to this machine for
 * tests), build an index from it with what the current index knows about ordinary words, and
 * check the result before it replaces anything.
 */
import { Parser } from 'yaml';
import { buildIndexFromYaml } from './indexFromYaml';
import { LandscapeIndex, type LandscapeIndexFile } from './landscapeIndex';
import { formWords } from './text';
import { fetchText, sizeText, urlProblem } from '../net/fetchText';

/** Largest landscape.yml accepted, on the wire and decoded (the real one is about 1 MB). */
export const MAX_LANDSCAPE_BYTES = 16 * 1024 * 1024;
/** Redirects followed at most. */
const MAX_LANDSCAPE_REDIRECTS = 5;
/** The whole download (every redirect and the body) must end within this time. */
const LANDSCAPE_TIMEOUT_MS = 60_000;
/** Caps on the parsed YAML, checked on its syntax tree before it is built into values. */
const MAX_YAML_DEPTH = 64;
const MAX_YAML_NODES = 1_000_000;
const MAX_YAML_ALIASES = 1000;
/** An index with more entries than this is not a landscape (the real one has a few thousand). */
const MAX_LANDSCAPE_ENTRIES = 50_000;

export { urlProblem };

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

/**
 * Fetches the text at `url` (after {@link urlProblem}); throws with a readable reason. The
 * download rules (redirects checked before they are followed, a byte counter on the decoded
 * stream, one time limit) are core/net/fetchText's.
 */
export async function fetchLandscapeText(url: string, options: FetchLandscapeOptions = {}): Promise<string> {
  const { text } = await fetchText(url, {
    maxBytes: options.maxBytes ?? MAX_LANDSCAPE_BYTES,
    maxRedirects: options.maxRedirects ?? MAX_LANDSCAPE_REDIRECTS,
    timeoutMs: options.timeoutMs ?? LANDSCAPE_TIMEOUT_MS,
    signal: options.signal,
    label: 'landscape file',
    accept: 'application/yaml, text/yaml, text/plain, */*',
  });
  return text;
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
function ordinaryWordsFrom(index: LandscapeIndex): (lowerWord: string, single: boolean) => boolean {
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
  if (yamlText.length > MAX_LANDSCAPE_BYTES) throw new Error(`more than ${sizeText(MAX_LANDSCAPE_BYTES)}: too large for a landscape file`);
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
