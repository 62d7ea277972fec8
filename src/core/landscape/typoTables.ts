/**
 * The typo tables of the landscape index, built on first use from the CNCF projects' name forms:
 * deletions within a small edit distance (`Promethues` -> Prometheus), four-letter slips
 * (`gPRC` -> gRPC), and which one-letter substitutions are plausible slips (neighbouring keys,
 * letters that sound alike).
 */
import { EMPTY, push, type NameForm } from './nameForm';
import { entryRank } from './ranking';
import { compactKey, deletes, typoDistanceFor } from './text';
import { editDistance } from '../util/editDistance';
import type { LandscapeEntry } from './types';

/** What the typo tables ask the index. */
interface TypoSource {
  isCncf(entry: LandscapeEntry): boolean;
  isKnownWord(word: string): boolean;
  isNearWord(entry: LandscapeEntry, lowerWord: string): boolean;
}

export class TypoTables {
  private typoTable: Map<string, NameForm[]> | undefined;
  private readonly typoShapes = new Set<string>();
  private readonly typoCache = new Map<string, NameForm[]>();
  private shortTypoTable: Map<string, NameForm[]> | undefined;

  /** `formList`: the index's name forms (those of the CNCF projects are all in it from the start). */
  constructor(
    private readonly formList: readonly NameForm[],
    private readonly index: TypoSource,
  ) {}

  /** One- or two-word CNCF names a word may be a typo of (LandscapeIndex.typoCandidates). */
  typoCandidates(word: string): NameForm[] {
    const w = compactKey(word);
    if (w.length < 4) return [];
    const table = (this.typoTable ??= this.buildTypoTable());
    // Only words that could be near a name: same first letter, length within 2 of one.
    if (!this.typoShapes.has(`${w[0]}${w.length}`)) return [];
    const cached = this.typoCache.get(w);
    if (cached) return cached;
    const result = this.index.isKnownWord(w) ? [] : this.typoLookup(w, table);
    if (this.typoCache.size > 50000) this.typoCache.clear();
    this.typoCache.set(w, result);
    return result;
  }

  /**
   * Four-letter CNCF names a four-letter word may be a slip of: one wrong letter or two letters
   * swapped, same first letter (`gPRC`, `grcp` -> gRPC). Whether the word is shaped like a slip
   * (not an English word) is the caller's call; known names are never candidates.
   */
  /** Four-letter CNCF names a four-letter word may be a slip of (LandscapeIndex.shortTypoCandidates). */
  shortTypoCandidates(word: string): NameForm[] {
    const w = compactKey(word);
    if (w.length !== SHORT_NAME_LENGTH || this.index.isKnownWord(w)) return [];
    const table = (this.shortTypoTable ??= this.buildShortTypoTable());
    const found = new Set<NameForm>();
    for (let i = 1; i < w.length; i++) for (const f of table.get(w.slice(0, i) + '*' + w.slice(i + 1)) ?? EMPTY) found.add(f);
    for (const f of table.get('~' + w) ?? EMPTY) found.add(f);
    return [...found].sort((a, b) => entryRank(a.entry) - entryRank(b.entry));
  }

  private buildShortTypoTable(): Map<string, NameForm[]> {
    const table = new Map<string, NameForm[]>();
    for (const f of this.formList) {
      if (!this.index.isCncf(f.entry) || f.ordinary || f.key.length !== SHORT_NAME_LENGTH || f.words.length !== 1) continue;
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
        if (d > max || (d === 2 && Math.abs(w.length - f.key.length) > 1) || this.index.isNearWord(f.entry, w)) continue;
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
      if (!this.index.isCncf(f.entry) || f.ordinary || !typoDistanceFor(f.key.length)) continue;
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
