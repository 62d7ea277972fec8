/**
 * The session matcher's index of a schedule (built once per schedule object): titles folded to
 * tokens, the weight of each token (rarer tokens say more), posting lists from token to
 * sessions, a one-deletion index for typos, speakers' name tokens, and session URLs by key.
 */
import type { Session } from './model';
import { sessionDay } from './query';

/** Tokens longer than this are cut (a token is compared whole; this bounds every comparison). */
const MAX_TOKEN = 24;
/** Tokens read from one title at most (a pasted paragraph is not a title). */
const MAX_TOKENS = 40;
/** Shorter tokens are matched exactly only (a typo in `k8s` or `v3` is another word). */
const TYPO_MIN = 4;

/** Words that say nothing about which session it is. */
const STOP = new Set('a an and the of to in on for with at by from is are be as or vs via into your our my we you it its this that what how why when who s t talk'.split(' '));
/** Spellings people use for the same word. */
const SAME: Record<string, string> = {
  k8s: 'kubernetes',
  kube: 'kubernetes',
  otel: 'opentelemetry',
  o11y: 'observability',
  llms: 'llm',
  ux: 'user experience',
  dx: 'developer experience',
};

/** Kind prefixes of a title as people write them: `Keynote 2:`, `Lightning Talk:`, `Panel:`. */
const KIND_PREFIX =
  /^\s*(?:(?:sponsored\s+)?keynote|lightning(?:\s+talk)?|panel(?:\s+discussion)?|workshop|tutorial|contrib\s?fest|bof|project\s+update|maintainer\s+track)\s*(?:#?\d{1,3})?\s*(?::|[-–—](?=\s)|$)/i;

/** The title without a kind prefix (`Keynote 2: Tracing` → `Tracing`; `Keynote 1` → ``), and whether it had one. */
export function stripKindPrefix(title: string): { rest: string; prefixed: boolean } {
  const m = KIND_PREFIX.exec(title);
  return m ? { rest: title.slice(m[0].length), prefixed: true } : { rest: title, prefixed: false };
}

/** Text folded to tokens: no accents, no case, `&` as `and`, punctuation as spaces, common spellings joined. */
export function foldTokens(text: string, limit = MAX_TOKENS): string[] {
  const folded = text
    .slice(0, 2000)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '');
  const out: string[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    const t = raw.slice(0, MAX_TOKEN);
    out.push(...(SAME[t] ?? t).split(' '));
    if (out.length >= limit) break;
  }
  return out;
}

/** The tokens that carry meaning (all of them when every one is a small word). */
function meaningful(tokens: readonly string[]): string[] {
  const kept = tokens.filter((t) => !STOP.has(t));
  return kept.length ? kept : [...tokens];
}

/** A word without its common English ending (`controllers` → `controller`, `commonly` → `common`), the same on both sides. */
function stem(t: string): string {
  if (/\d/.test(t)) return t;
  for (const end of ENDINGS) if (t.length - end.length >= 4 && t.endsWith(end)) return t.slice(0, -end.length);
  return t;
}
const ENDINGS = ['ing', 'ly', 'ed', 's'];

/** A title's tokens for matching: folded, small words left out, endings cut. */
export function titleTokens(text: string): string[] {
  return meaningful(foldTokens(text)).map(stem);
}

/** Every form of `t` with one character left out (the one-deletion neighbourhood). */
function deletions(t: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) out.push(t.slice(0, i) + t.slice(i + 1));
  return out;
}

export interface IndexedSession {
  session: Session;
  day: string;
  /** Meaningful title tokens, each once. */
  tokens: Set<string>;
  /** Tokens of the title's head (before the first `:`, ` - ` or `?`), when it has one. */
  head: Set<string> | null;
  weight: number;
  headWeight: number;
  /** The title's tokens in order (acronyms: `UX` for `User Experience`). */
  order: string[];
  /** Speaker name tokens (of three letters or more). */
  people: Set<string>;
}

/** Counts work done, for the tests that prove a match's cost grows with the input only linearly. */
export interface StepCounter {
  steps: number;
}

export class SessionIndex {
  readonly items: IndexedSession[] = [];
  private readonly postings = new Map<string, IndexedSession[]>();
  private readonly peoplePostings = new Map<string, IndexedSession[]>();
  /** Deletion form → vocabulary tokens it comes from (titles and names). */
  private readonly near = new Map<string, Set<string>>();
  private readonly byUrl = new Map<string, IndexedSession[]>();
  private readonly df = new Map<string, number>();

  constructor(sessions: readonly Session[]) {
    for (const session of sessions) {
      if (session.kind === 'break') continue;
      const title = stripKindPrefix(session.title).rest;
      const order = titleTokens(title);
      const tokens = new Set(order);
      const cut = /:|\s[-–—]\s|\?/.exec(title);
      const headTokens = cut ? new Set(titleTokens(title.slice(0, cut.index))) : null;
      const people = new Set(session.speakers.flatMap((n) => foldTokens(n, 8)).filter((t) => t.length >= 3));
      const item: IndexedSession = {
        session,
        day: sessionDay(session),
        tokens,
        head: headTokens && headTokens.size && headTokens.size < tokens.size ? headTokens : null,
        weight: 0,
        headWeight: 0,
        order,
        people,
      };
      this.items.push(item);
      for (const t of tokens) {
        this.add(this.postings, t, item);
        this.df.set(t, (this.df.get(t) ?? 0) + 1);
      }
      for (const t of people) this.add(this.peoplePostings, t, item);
      const key = session.url ? urlKey(session.url) : undefined;
      if (key) this.add(this.byUrl, key, item);
    }
    for (const t of [...this.postings.keys(), ...this.peoplePostings.keys()]) this.addNear(t);
    for (const item of this.items) {
      item.weight = sum(item.tokens, (t) => this.weight(t));
      item.headWeight = item.head ? sum(item.head, (t) => this.weight(t)) : 0;
    }
  }

  private add(map: Map<string, IndexedSession[]>, key: string, item: IndexedSession): void {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }

  private addNear(t: string): void {
    if (t.length < TYPO_MIN) return;
    for (const d of [t, ...deletions(t)]) {
      const set = this.near.get(d);
      if (set) set.add(t);
      else this.near.set(d, new Set([t]));
    }
  }

  /** How much a title token says: rare tokens more (inverse document frequency, never below 0.2). */
  weight(t: string): number {
    const df = this.df.get(t) ?? 0;
    return Math.max(0.2, Math.log((this.items.length + 1) / (df + 0.5)));
  }

  /**
   * The vocabulary tokens `q` stands for, with how sure (1 the same token, 0.85 one edit or a
   * swap of neighbours away). Tokens shorter than four characters match only themselves.
   */
  similar(q: string, counter?: StepCounter): Map<string, number> {
    const found = new Map<string, number>();
    if (this.postings.has(q) || this.peoplePostings.has(q)) found.set(q, 1);
    if (q.length < TYPO_MIN) return found;
    for (const d of [q, ...deletions(q)]) {
      if (counter) counter.steps++;
      for (const t of this.near.get(d) ?? []) {
        if (counter) counter.steps++;
        if (!found.has(t) && Math.abs(t.length - q.length) <= 1) found.set(t, 0.85);
      }
    }
    return found;
  }

  /** True when `t` is a title token of some session (`contribfest` for `contrib fest`). */
  hasTitleToken(t: string): boolean {
    return this.postings.has(t);
  }

  /** Sessions whose title has the token `t` (once-read titles give bounded lists). */
  postingsOf(t: string): readonly IndexedSession[] {
    return this.postings.get(t) ?? [];
  }

  peopleOf(t: string): readonly IndexedSession[] {
    return this.peoplePostings.get(t) ?? [];
  }

  sessionsAtUrl(url: string): readonly IndexedSession[] {
    const key = urlKey(url);
    return key ? (this.byUrl.get(key) ?? []) : [];
  }
}

function sum(set: Iterable<string>, f: (t: string) => number): number {
  let n = 0;
  for (const t of set) n += f(t);
  return n;
}

/**
 * A session URL as a key: host without `www.`, path without a trailing slash, scheme, query
 * and fragment ignored; a Sched page by its event id (`/event/<id>/<slug>` = `/event/<id>`).
 */
function urlKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const sched = /^\/event\/([A-Za-z0-9]+)(?:\/|$)/.exec(u.pathname);
  if (sched) return `${host}/event/${sched[1]}`;
  return `${host}${u.pathname.replace(/\/+$/, '')}`;
}

const indexes = new WeakMap<readonly Session[], SessionIndex>();

/** The index of a schedule's sessions (built once per sessions array). */
export function sessionIndex(sessions: readonly Session[]): SessionIndex {
  let index = indexes.get(sessions);
  if (!index) {
    index = new SessionIndex(sessions);
    indexes.set(sessions, index);
  }
  return index;
}
