/**
 * The landscape index in memory: lookup by name or alias, by URL, completion by prefix, fuzzy
 * search and the tables the mention matcher uses. Built once from a {@link LandscapeIndexFile}
 * (data/landscape.json, or an updated index from the extension's global storage).
 */
import { EMPTY, push, type NameForm } from './nameForm';
import { acceptedRank, best, entryRank, scoreForm } from './ranking';
import { compactKey, formWords } from './text';
import { isHttpUrl } from '../util/url';
import { TypoTables } from './typoTables';
import type { LandscapeEntry, LandscapeIndexFile } from './types';
import { lowerBound } from '../util/search';

export type { LandscapeEntry, LandscapeIndexFile } from './types';

/** Which entries completion, linking and hints use (talkCapture.landscape.scope). */
export type LandscapeScope = 'cncf' | 'all';

export interface CompletionMatch {
  entry: LandscapeEntry;
  /** The name or alias that matched the prefix. */
  form: string;
}

export interface SearchMatch {
  entry: LandscapeEntry;
  score: number;
}

/** `CNCF sandbox · Observability` / `Observability and Analysis · Observability` */
export function describeEntry(e: LandscapeEntry): string {
  const where = e.subcategory || e.category;
  return e.maturity ? `CNCF ${e.maturity} · ${where}` : `${e.category}${e.subcategory ? ' · ' + e.subcategory : ''}`;
}

/** Normalised `host/path` of a URL: lower-case host without `www.`, no trailing slash, no query or hash. */
function urlKey(url: string): { host: string; segments: string[]; query: string } | undefined {
  const m = /^https?:\/\/(?:[^@/?#]*@)?([^/?#:]+)(?::\d+)?([^?#]*)(\?[^#]*)?/i.exec(url.trim());
  if (!m) return undefined;
  const host = m[1].toLowerCase().replace(/^www\./, '');
  const segments: string[] = [];
  for (const s of m[2].split('/')) {
    if (!s) continue;
    let seg = s;
    if (s.includes('%')) {
      try {
        seg = decodeURIComponent(s);
      } catch {
        // keep as written
      }
    }
    segments.push(seg);
  }
  return { host, segments, query: m[3] ?? '' };
}

const CODE_HOSTS = new Set(['github.com', 'gitlab.com']);
const ASCII_RE = /^[ -~]*$/;
const NON_WORD_RE = /[^a-z0-9]+/;

export class LandscapeIndex {
  readonly entries: readonly LandscapeEntry[];
  readonly source: LandscapeIndexFile['source'];
  private readonly formList: NameForm[] = [];
  private allBuilt = false;

  private readonly byForm = new Map<string, NameForm[]>(); // lower-case form -> forms
  private readonly byKey = new Map<string, NameForm[]>(); // compact key -> forms
  private readonly firstWords = new Map<string, number>(); // lower first word -> max words of a form starting with it
  private urls: { urlMap: Map<string, LandscapeEntry[]>; orgMap: Map<string, LandscapeEntry[]> } | undefined;
  private sorted: Array<{ key: string; form: NameForm }> | undefined;
  private readonly cncfNames = new Map<string, LandscapeEntry>();
  private readonly nearWordSets = new WeakMap<LandscapeEntry, Set<string>>();
  private readonly multiWordParts = new Set<string>();
  private readonly entryUrls = new WeakMap<LandscapeEntry, string | null>();
  private readonly typos = new TypoTables(this.formList, this);

  constructor(file: LandscapeIndexFile) {
    this.entries = file.entries;
    this.source = file.source;
    // CNCF projects now (what completion, linking and hints use by default); the other entries on first need.
    for (const entry of file.entries) if (entry.maturity) this.addEntry(entry);
    this.sortLists();
  }

  /** Every name form of every entry (all entries' tables are built on first call). */
  get forms(): readonly NameForm[] {
    this.prepare('all');
    return this.formList;
  }

  /** Builds the tables a scope needs (the other landscape entries, for `all`). Cheap after the first call. */
  prepare(scope: LandscapeScope): void {
    if (scope !== 'all' || this.allBuilt) return;
    this.allBuilt = true;
    for (const entry of this.entries) if (!entry.maturity) this.addEntry(entry);
    this.sortLists();
    this.sorted = undefined;
  }

  private addEntry(entry: LandscapeEntry): void {
    const ordinary = entry.ordinary;
    const names = entry.aliases.length ? [entry.name, ...entry.aliases] : [entry.name];
    for (let i = 0; i < names.length; i++) {
      const form = names[i];
      const lower = form.toLowerCase();
      if (i > 0 && this.byForm.get(lower)?.some((f) => f.entry === entry)) continue;
      const words = ASCII_RE.test(lower) ? lower.split(NON_WORD_RE).filter(Boolean) : formWords(lower);
      if (words.length === 0) continue;
      const f: NameForm = { form, lower, key: words.join(''), words, entry, ordinary: !!ordinary && ordinary.includes(form), canonical: i === 0 };
      this.formList.push(f);
      push(this.byForm, lower, f);
      push(this.byKey, f.key, f);
      if (words.length > 1 && entry.maturity) for (const w of words) if (w.length >= 3) this.multiWordParts.add(w);
      const first = words[0];
      const prev = this.firstWords.get(first);
      if (prev === undefined || prev < words.length) this.firstWords.set(first, words.length);
    }
    if (entry.maturity) this.cncfNames.set(compactKey(entry.name), entry);
  }

  /** Prefer CNCF projects (by maturity) wherever several entries share a form. */
  private sortLists(): void {
    const byRank = (a: NameForm, b: NameForm) => entryRank(a.entry) - entryRank(b.entry) || Number(b.canonical) - Number(a.canonical);
    for (const list of this.byForm.values()) if (list.length > 1) list.sort(byRank);
    for (const list of this.byKey.values()) if (list.length > 1) list.sort(byRank);
  }

  /** Forms sorted by key, for prefix completion (built on first use). */
  private get sortedKeys(): Array<{ key: string; form: NameForm }> {
    return (this.sorted ??= this.formList.map((form) => ({ key: form.key, form })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  }

  /** URL tables (built on first use). */
  private urlTables(): { urlMap: Map<string, LandscapeEntry[]>; orgMap: Map<string, LandscapeEntry[]> } {
    if (this.urls) return this.urls;
    const urlMap = new Map<string, LandscapeEntry[]>();
    const orgMap = new Map<string, LandscapeEntry[]>();
    for (const entry of this.entries) {
      for (const u of [entry.homepage, entry.repo]) {
        const k = u ? urlKey(u) : undefined;
        if (!k) continue;
        // A homepage with a query (a marketplace page) only matches itself.
        const base = [k.host, ...k.segments].join('/').toLowerCase() + (k.query ? k.query : '');
        push(urlMap, base, entry);
        if (CODE_HOSTS.has(k.host) && k.segments.length >= 1) push(orgMap, `${k.host}/${k.segments[0].toLowerCase()}`, entry);
      }
    }
    return (this.urls = { urlMap, orgMap });
  }

  isCncf(entry: LandscapeEntry): boolean {
    return entry.maturity !== null && entry.maturity !== undefined;
  }

  inScope(entry: LandscapeEntry, scope: LandscapeScope = 'cncf'): boolean {
    return scope === 'all' || this.isCncf(entry);
  }

  /** The URL a link to the entry points to: its homepage, else its repository (http/https only). */
  urlOf(entry: LandscapeEntry): string | undefined {
    // Remembered per entry: every mention asks, and each answer parses a URL.
    const known = this.entryUrls.get(entry);
    if (known !== undefined) return known ?? undefined;
    const url = entry.homepage && isHttpUrl(entry.homepage) ? entry.homepage : entry.repo && isHttpUrl(entry.repo) ? entry.repo : undefined;
    this.entryUrls.set(entry, url ?? null);
    return url;
  }

  /** The entry a name or alias stands for, case- and separator-insensitively; CNCF projects first. */
  get(nameOrAlias: string, scope: LandscapeScope = 'all'): LandscapeEntry | undefined {
    this.prepare(scope);
    const lower = nameOrAlias.trim().toLowerCase();
    const exact = this.byForm.get(lower)?.find((f) => this.inScope(f.entry, scope));
    if (exact) return exact.entry;
    return this.byKey.get(compactKey(lower))?.find((f) => this.inScope(f.entry, scope))?.entry;
  }

  /** Forms whose lower-case words joined equal `key` (best first). */
  formsForKey(key: string): readonly NameForm[] {
    return this.byKey.get(key) ?? EMPTY;
  }

  /** How many words the longest form starting with this lower-case word has (0: none starts with it). */
  maxWordsStartingWith(lowerWord: string): number {
    return this.firstWords.get(lowerWord) ?? 0;
  }

  /** True when a text word (any case) is a name or alias of some entry. */
  isKnownWord(word: string): boolean {
    this.prepare('all');
    return this.byKey.has(compactKey(word));
  }

  /** True for a lower-case word that is part of a CNCF project's multi-word name (`gadget`). */
  isPartOfMultiWordName(lowerWord: string): boolean {
    return this.multiWordParts.has(lowerWord);
  }

  /** Dictionary words near the entry's names that are not typos of it. */
  isNearWord(entry: LandscapeEntry, lowerWord: string): boolean {
    if (!entry.nearWords?.length) return false;
    let set = this.nearWordSets.get(entry);
    if (!set) this.nearWordSets.set(entry, (set = new Set(entry.nearWords)));
    return set.has(lowerWord);
  }

  /**
   * The entry a link points to: its homepage or repository (scheme, `www.`, trailing slash and
   * case of the host ignored; deeper paths count: `prometheus.io/docs/...`), a page under the
   * repository's GitHub organisation when only one entry lives there, or a
   * `cncf.io/projects/<name>` page.
   */
  byUrl(url: string): LandscapeEntry | undefined {
    // The same links are asked about on every version of a note: each URL is read once (bounded).
    const known = this.urlAnswers.get(url);
    if (known !== undefined) return known ?? undefined;
    if (this.urlAnswers.size >= 20_000) this.urlAnswers.clear();
    const entry = this.entryOfUrl(url);
    this.urlAnswers.set(url, entry ?? null);
    return entry;
  }

  /** The answers of {@link byUrl} so far, by URL as written (null: no entry). */
  private readonly urlAnswers = new Map<string, LandscapeEntry | null>();

  private entryOfUrl(url: string): LandscapeEntry | undefined {
    const k = urlKey(url);
    if (!k) return undefined;
    if (k.host === 'cncf.io' && k.segments[0]?.toLowerCase() === 'projects' && k.segments[1]) {
      return this.cncfNames.get(compactKey(k.segments[1])) ?? this.get(k.segments[1]);
    }
    const { urlMap, orgMap } = this.urlTables();
    const segs = k.segments.map((s) => s.toLowerCase());
    const withQuery = [k.host, ...segs].join('/') + k.query;
    const q = urlMap.get(withQuery);
    if (q && k.query) return q[0];
    const minSegs = CODE_HOSTS.has(k.host) ? 2 : 0;
    for (let n = segs.length; n >= minSegs; n--) {
      const hit = urlMap.get([k.host, ...segs.slice(0, n)].join('/'));
      if (hit) return best(hit);
    }
    if (CODE_HOSTS.has(k.host) && segs.length >= 1) {
      const org = orgMap.get(`${k.host}/${segs[0]}`);
      if (org) {
        const distinct = new Set(org);
        if (distinct.size === 1) return org[0];
        const cncf = [...distinct].filter((e) => this.isCncf(e));
        if (cncf.length === 1) return cncf[0];
      }
    }
    return undefined;
  }

  /**
   * Entries whose name or alias starts with `prefix` (case- and separator-insensitive), one
   * match per entry: CNCF projects first (graduated, incubating, sandbox), the ones the CNCF took
   * in first ahead (the widely known names), then names before aliases, shorter first.
   * A prefix with a hyphen (`pod-t`, `kube-`) counts only where a name or alias starts with it
   * as written (case aside): `pod-to` is no beginning of podtato-head, `cert-m` is of cert-manager.
   */
  complete(prefix: string, options: { scope?: LandscapeScope; limit?: number } = {}): CompletionMatch[] {
    const scope = options.scope ?? 'cncf';
    const limit = options.limit ?? 50;
    this.prepare(scope);
    const p = compactKey(prefix);
    if (!p) return [];
    const literal = prefix.includes('-') ? prefix.toLowerCase() : undefined;
    const lo = lowerBound(this.sortedKeys, p, (k) => k.key);
    const best = new Map<LandscapeEntry, NameForm>();
    for (let i = lo; i < this.sortedKeys.length && this.sortedKeys[i].key.startsWith(p); i++) {
      const f = this.sortedKeys[i].form;
      if (!this.inScope(f.entry, scope) || (literal !== undefined && !f.lower.startsWith(literal))) continue;
      const prev = best.get(f.entry);
      if (!prev || (f.canonical && !prev.canonical) || (f.canonical === prev.canonical && f.key.length < prev.key.length)) best.set(f.entry, f);
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          entryRank(a.entry) - entryRank(b.entry) ||
          acceptedRank(a.entry).localeCompare(acceptedRank(b.entry)) ||
          Number(b.canonical) - Number(a.canonical) ||
          a.entry.name.length - b.entry.name.length ||
          a.entry.name.localeCompare(b.entry.name),
      )
      .slice(0, limit)
      .map((f) => ({ entry: f.entry, form: f.form }));
  }

  /**
   * Fuzzy search over names and aliases: exact, prefix, word start, substring, letters in
   * order, and small typos, best first (CNCF projects ahead on ties).
   */
  search(query: string, options: { scope?: LandscapeScope; limit?: number } = {}): SearchMatch[] {
    const scope = options.scope ?? 'all';
    const q = query.trim().toLowerCase();
    const qk = compactKey(q);
    const out = new Map<LandscapeEntry, number>();
    this.prepare(scope);
    for (const f of this.formList) {
      if (!this.inScope(f.entry, scope)) continue;
      const s = qk ? scoreForm(f, q, qk) : 1;
      if (s > 0 && s > (out.get(f.entry) ?? 0)) out.set(f.entry, s);
    }
    return [...out.entries()]
      .map(([entry, score]) => ({ entry, score: score - entryRank(entry) * 0.5 }))
      .sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name))
      .slice(0, options.limit ?? 100);
  }

  /**
   * CNCF project names a word may be a typo of (`Vitness` -> Vitess, `Promethues` -> Prometheus):
   * within a small edit distance, same first letter, not an ordinary word, not a known name.
   */
  typoCandidates(word: string): NameForm[] {
    return this.typos.typoCandidates(word);
  }

  /**
   * Four-letter CNCF names a four-letter word may be a slip of: one wrong letter or two letters
   * swapped, same first letter (`gPRC`, `grcp` -> gRPC). Whether the word is shaped like a slip
   * (not an English word) is the caller's call; known names are never candidates.
   */
  shortTypoCandidates(word: string): NameForm[] {
    return this.typos.shortTypoCandidates(word);
  }
}
