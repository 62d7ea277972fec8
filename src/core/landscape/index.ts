/**
 * The landscape index in memory: lookup by name or alias, by URL, completion by prefix, fuzzy
 * search and the tables the mention matcher uses. Built once from a {@link LandscapeIndexFile}
 * (data/landscape.json, or an updated index from the extension's global storage).
 */
import type { LandscapeEntry, LandscapeIndexFile, Maturity } from './types';
import { compactKey, deletes, editDistance, formWords, isHttpUrl, typoDistanceFor } from './text';

export type { LandscapeEntry, LandscapeIndexFile } from './types';

/** Which entries completion, linking and hints use (talkCapture.landscape.scope). */
export type LandscapeScope = 'cncf' | 'all';

/** One way of writing an entry's name (its name or an alias), as the matcher and completion see it. */
export interface NameForm {
  form: string;
  lower: string;
  /** compactKey(form): lower case, no separators. */
  key: string;
  /** The lower-case words of the form (`cert manager` -> cert, manager); the matcher joins text words the same way. */
  words: string[];
  entry: LandscapeEntry;
  /** An ordinary word: matches only as the project writes it, never in lower case. */
  ordinary: boolean;
  /** The entry's own name (not an alias). */
  canonical: boolean;
}

export interface CompletionMatch {
  entry: LandscapeEntry;
  /** The name or alias that matched the prefix. */
  form: string;
}

export interface SearchMatch {
  entry: LandscapeEntry;
  score: number;
}

const MATURITY_RANK: Record<Maturity, number> = { graduated: 0, incubating: 1, sandbox: 2, archived: 3 };

/** Rank of an entry in lists: graduated, incubating, sandbox, archived, then the rest. */
function entryRank(e: LandscapeEntry): number {
  return e.maturity ? MATURITY_RANK[e.maturity] : 4;
}

/** Sorts projects the CNCF took in early (the widely known ones: Kubernetes, Prometheus) first; undated ones last. */
function acceptedRank(e: LandscapeEntry): string {
  return e.accepted ?? '9999';
}

/** `CNCF sandbox · Observability` / `Observability and Analysis · Observability` */
export function describeEntry(e: LandscapeEntry): string {
  const where = e.subcategory || e.category;
  return e.maturity ? `CNCF ${e.maturity} · ${where}` : `${e.category}${e.subcategory ? ' · ' + e.subcategory : ''}`;
}

export class LandscapeIndexError extends Error {}

/** Checks that parsed JSON is an index file; throws LandscapeIndexError saying what is wrong. */
function validateIndexFile(data: unknown): LandscapeIndexFile {
  const d = data as Partial<LandscapeIndexFile> | null;
  if (!d || typeof d !== 'object') throw new LandscapeIndexError('not a JSON object');
  if (d.version !== 1) throw new LandscapeIndexError(`unsupported index version ${JSON.stringify(d.version)}`);
  if (!Array.isArray(d.entries) || d.entries.length === 0) throw new LandscapeIndexError('no entries');
  for (const [i, e] of d.entries.entries()) {
    if (!e || typeof e.name !== 'string' || !e.name || !Array.isArray(e.aliases) || typeof e.category !== 'string') {
      throw new LandscapeIndexError(`entry ${i + 1} is malformed`);
    }
  }
  if (!d.source || typeof d.source.url !== 'string') throw new LandscapeIndexError('no source');
  return d as LandscapeIndexFile;
}

export function parseIndexFile(text: string): LandscapeIndexFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new LandscapeIndexError(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return validateIndexFile(data);
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
  private typoTable: Map<string, NameForm[]> | undefined;
  private readonly typoShapes = new Set<string>();
  private readonly typoCache = new Map<string, NameForm[]>();
  private readonly nearWordSets = new WeakMap<LandscapeEntry, Set<string>>();
  private readonly multiWordParts = new Set<string>();
  private shortTypoTable: Map<string, NameForm[]> | undefined;
  private readonly entryUrls = new WeakMap<LandscapeEntry, string | null>();

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
    let lo = 0;
    let hi = this.sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedKeys[mid].key < p) lo = mid + 1;
      else hi = mid;
    }
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
    const w = compactKey(word);
    if (w.length < 4) return [];
    const table = (this.typoTable ??= this.buildTypoTable());
    // Only words that could be near a name: same first letter, length within 2 of one.
    if (!this.typoShapes.has(`${w[0]}${w.length}`)) return [];
    const cached = this.typoCache.get(w);
    if (cached) return cached;
    const result = this.isKnownWord(w) ? [] : this.typoLookup(w, table);
    if (this.typoCache.size > 50000) this.typoCache.clear();
    this.typoCache.set(w, result);
    return result;
  }

  /**
   * Four-letter CNCF names a four-letter word may be a slip of: one wrong letter or two letters
   * swapped, same first letter (`gPRC`, `grcp` -> gRPC). Whether the word is shaped like a slip
   * (not an English word) is the caller's call; known names are never candidates.
   */
  shortTypoCandidates(word: string): NameForm[] {
    const w = compactKey(word);
    if (w.length !== SHORT_NAME_LENGTH || this.isKnownWord(w)) return [];
    const table = (this.shortTypoTable ??= this.buildShortTypoTable());
    const found = new Set<NameForm>();
    for (let i = 1; i < w.length; i++) for (const f of table.get(w.slice(0, i) + '*' + w.slice(i + 1)) ?? EMPTY) found.add(f);
    for (const f of table.get('~' + w) ?? EMPTY) found.add(f);
    return [...found].sort((a, b) => entryRank(a.entry) - entryRank(b.entry));
  }

  private buildShortTypoTable(): Map<string, NameForm[]> {
    const table = new Map<string, NameForm[]>();
    for (const f of this.formList) {
      if (!this.isCncf(f.entry) || f.ordinary || f.key.length !== SHORT_NAME_LENGTH || f.words.length !== 1) continue;
      const k = f.key;
      // One wrong letter (not the first), and two neighbours swapped (`~` marks the swapped keys).
      for (let i = 1; i < k.length; i++) {
        push(table, k.slice(0, i) + '*' + k.slice(i + 1), f);
        if (i + 1 < k.length) push(table, '~' + k.slice(0, i) + k[i + 1] + k[i] + k.slice(i + 2), f);
      }
    }
    return table;
  }

  private typoLookup(w: string, table: Map<string, NameForm[]>): NameForm[] {
    const found = new Set<NameForm>();
    for (const d of deletes(w, w.length >= 9 ? 2 : 1)) {
      for (const f of table.get(d) ?? EMPTY) {
        if (f.key[0] !== w[0] || found.has(f)) continue;
        const max = typoDistanceFor(f.key.length);
        const d = editDistance(w, f.key, max);
        // Two edits only in place (`Kuberentse`), never a name cut short or run on (`cloudnative` for CloudNativePG).
        if (d > max || (d === 2 && Math.abs(w.length - f.key.length) > 1) || this.isNearWord(f.entry, w)) continue;
        if (f.key.startsWith(w) || w.startsWith(f.key)) continue;
        // One letter for another is a slip of the hand or of the ear, not any letter: `Vitest`
        // (another project) is no typo of Vitess, `Strimzy` is one of Strimzi.
        if (d === 1 && w.length === f.key.length && !plausibleSubstitution(w, f.key)) continue;
        found.add(f);
      }
    }
    return [...found].sort((a, b) => editDistance(w, a.key, 3) - editDistance(w, b.key, 3) || entryRank(a.entry) - entryRank(b.entry));
  }

  private buildTypoTable(): Map<string, NameForm[]> {
    // Forms that share a key (`cert manager`, `certmanager`) share their deletions.
    const byKey = new Map<string, NameForm[]>();
    for (const f of this.formList) {
      if (!this.isCncf(f.entry) || f.ordinary || !typoDistanceFor(f.key.length)) continue;
      push(byKey, f.key, f);
    }
    const table = new Map<string, NameForm[]>();
    for (const key of byKey.keys()) {
      const max = typoDistanceFor(key.length);
      for (let len = key.length - max; len <= key.length + max; len++) this.typoShapes.add(`${key[0]}${len}`);
    }
    for (const [key, forms] of byKey) {
      for (const d of deletes(key, typoDistanceFor(key.length))) {
        const list = table.get(d);
        if (list) list.push(...forms);
        else table.set(d, [...forms]);
      }
    }
    return table;
  }
}

const EMPTY: readonly NameForm[] = [];
/** Names this short get typo hints only for slips that cannot be words (see shortTypoCandidates). */
const SHORT_NAME_LENGTH = 4;

/** Letters next to each other on a keyboard (QWERTY rows, with the QWERTZ and AZERTY swaps). */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const near = new Map<string, string>();
  const add = (a: string | undefined, b: string | undefined) => {
    if (!a || !b) return;
    near.set(a, (near.get(a) ?? '') + b);
    near.set(b, (near.get(b) ?? '') + a);
  };
  KEY_ROWS.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      add(row[i], row[i + 1]);
      // The row below is shifted half a key: its keys i-1 and i touch key i of this row.
      const below = KEY_ROWS[r + 1];
      if (below) {
        add(row[i], below[i - 1]);
        add(row[i], below[i]);
      }
    }
  });
  for (const [a, b] of ['yz', 'aq', 'zw', 'mn']) add(a, b);
  return near;
})();
/** Letters written for one another by ear: vowels among themselves, and c/k/q/s/z, b/p, d/t, g/j, f/v/w. */
const SOUND_GROUPS = ['aeiouy', 'ckqsz', 'bp', 'dt', 'gj', 'fvw'];

/** True when `a` and `b` (same length, one letter apart) differ by a plausible slip: a neighbouring key, a letter that sounds alike, or not a letter. */
function plausibleSubstitution(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) !== b.slice(i + 1)) return true; // two letters swapped, not one replaced
  const x = a[i];
  const y = b[i];
  if (!/[a-z]/.test(x) || !/[a-z]/.test(y)) return true;
  return (NEIGHBOURS.get(x) ?? '').includes(y) || SOUND_GROUPS.some((g) => g.includes(x) && g.includes(y));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function best(entries: LandscapeEntry[]): LandscapeEntry {
  return [...entries].sort((a, b) => entryRank(a) - entryRank(b))[0];
}

function scoreForm(f: NameForm, q: string, qk: string): number {
  if (f.lower === q || f.key === qk) return 100;
  if (f.key.startsWith(qk)) return 80 - Math.min(20, f.key.length - qk.length) * 0.5;
  if (f.words.some((w) => w.startsWith(qk) || (q.includes(' ') && f.lower.includes(q)))) return 60;
  if (f.key.includes(qk)) return 45;
  if (qk.length >= 4) {
    const d = editDistance(qk, f.key.slice(0, Math.max(qk.length, Math.min(f.key.length, qk.length + 1))), 2);
    if (d <= (qk.length >= 7 ? 2 : 1)) return 40 - d * 5;
  }
  // Letters in order (`otl` -> OpenTelemetry).
  let i = 0;
  for (const ch of f.key) if (ch === qk[i]) i++;
  return i === qk.length ? 20 - Math.min(10, f.key.length - qk.length) * 0.5 : 0;
}
