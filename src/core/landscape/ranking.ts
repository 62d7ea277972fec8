/** The order of entries in lists (CNCF maturity, then how early the CNCF took them in) and the score of a fuzzy search hit. */
import type { NameForm } from './nameForm';
import { editDistance } from '../util/editDistance';
import type { LandscapeEntry, Maturity } from './types';

const MATURITY_RANK: Record<Maturity, number> = { graduated: 0, incubating: 1, sandbox: 2, archived: 3 };

/** Rank of an entry in lists: graduated, incubating, sandbox, archived, then the rest. */
export function entryRank(e: LandscapeEntry): number {
  return e.maturity ? MATURITY_RANK[e.maturity] : 4;
}

/** Sorts projects the CNCF took in early (the widely known ones: Kubernetes, Prometheus) first; undated ones last. */
export function acceptedRank(e: LandscapeEntry): string {
  return e.accepted ?? '9999';
}

export function best(entries: LandscapeEntry[]): LandscapeEntry {
  return [...entries].sort((a, b) => entryRank(a) - entryRank(b))[0];
}

export function scoreForm(f: NameForm, q: string, qk: string): number {
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
