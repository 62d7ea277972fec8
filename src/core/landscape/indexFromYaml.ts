/**
 * Turns a CNCF `landscape.yml` into the bundled index (facts only: names, URLs, maturity,
 * category, derived aliases). Used by scripts/build-landscape.ts and by the editor's
 * "Update Landscape Index" command. No descriptions or other prose of the YAML are kept.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { LandscapeEntry, LandscapeIndexFile, Maturity } from './types';
import { compactKey, formWords } from './text';
import { isHttpUrl } from '../util/url';
import { firstLineOf } from '../util/errors';

const MATURITIES: ReadonlySet<string> = new Set(['graduated', 'incubating', 'sandbox', 'archived']);

/** Categories and names that are organisations, not software. */
const MEMBER_CATEGORY = /^cncf members$/i;
const MEMBER_NAME = /\((member|supporter|end user|end-user)\)\s*$/i;

/**
 * Names people write for projects that neither the repository nor the homepage gives away.
 * Facts about how projects are called, keyed by the landscape name.
 */
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  Kubernetes: ['K8s', 'k8s'],
  OpenTelemetry: ['OTel', 'otel', 'OTEL'],
  Argo: ['Argo CD', 'ArgoCD', 'Argo Workflows', 'Argo Rollouts', 'Argo Events'],
  'Notary Project': ['Notary'],
  'Podman Container Tools': ['Podman'],
  'WasmEdge Runtime': ['WasmEdge'],
  'Flatcar Container Linux': ['Flatcar'],
  'metal3-io': ['Metal3', 'Metal³'],
  Buildpacks: ['Cloud Native Buildpacks', 'CNB'],
  'Emissary-Ingress': ['Emissary'],
  CloudNativePG: ['CNPG'],
  'Confidential Containers': ['CoCo'],
  'Network Service Mesh': ['NSM'],
  'Open Policy Agent (OPA)': ['OPA Gatekeeper'],
  'Artifact Hub': ['ArtifactHub'],
  Litmus: ['LitmusChaos', 'Litmus Chaos'],
  Kepler: ['Kepler Project'],
  'CDK for Kubernetes (CDK8s)': ['cdk8s'],
  Dragonfly: ['Dragonfly2'],
};

/**
 * Names that are ordinary words in notes even though a dictionary may not say so: they match
 * only as the project writes them, never in lower case.
 */
const EXTRA_ORDINARY = new Set(['copa', 'keda', 'atlantis', 'sealer', 'litmus', 'notary', 'harbor', 'lima', 'coco', 'cnb', 'nsm']);

/** Host labels that say nothing about a project. */
const GENERIC_HOST_LABELS = new Set([
  'www',
  'docs',
  'doc',
  'blog',
  'site',
  'cloud',
  'app',
  'dev',
  'project',
  'projects',
  'github',
  'gitlab',
  'io',
  'org',
  'com',
  'net',
  'the',
  'get',
  'go',
  'try',
  'use',
  'en',
]);
const HOSTING_SUFFIXES = ['github.io', 'gitlab.io', 'netlify.app', 'readthedocs.io', 'vercel.app', 'pages.dev'];

export interface BuildOptions {
  /** Where the YAML came from (an https URL, or a plain file name: never a machine path). */
  sourceUrl: string;
  commit?: string;
  /** ISO date written as `generated`; defaults to now. */
  generated?: string;
  /**
   * True for an ordinary English word (lower case): `single` when the word is a whole name
   * (`flux`), false when it is one word of a longer name (`open` of `Open Telemetry`). Names made
   * only of such words match only in the project's own capitalisation. The build script asks
   * a word list with frequency tiers; the editor asks what the bundled index knows.
   */
  ordinaryWord: (lowerWord: string, single: boolean) => boolean;
  /**
   * Words near each distinctive name that are not typos of it (see {@link nearWordsOf});
   * optional (the build script fills it from its word list).
   */
  nearWords?: (form: string) => string[];
}

export class LandscapeFormatError extends Error {}

interface RawItem {
  name?: unknown;
  homepage_url?: unknown;
  repo_url?: unknown;
  project?: unknown;
  extra?: { accepted?: unknown } | null;
}

/**
 * The first key written twice in one mapping (scalar keys compared by value, as the YAML parser
 * does), with its offset; undefined when none. One set per mapping, one walk without recursion:
 * linear in the number of nodes. Aliases are not followed (what they name is walked where it
 * is written).
 */
function duplicateKey(doc: Document): { key: string; offset: number } | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const value = key.value;
          if (seen.has(value)) return { key: String(value).slice(0, 80), offset: key.range?.[0] ?? 0 };
          seen.add(value);
        }
        stack.push(key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

/** Parses the text of a landscape.yml and builds the index; throws LandscapeFormatError when it is not one. */
export function buildIndexFromYaml(yamlText: string, options: BuildOptions): LandscapeIndexFile {
  let doc: unknown;
  try {
    // The parser's own check for repeated keys compares each key with every earlier one of its
    // mapping (quadratic on one big mapping): it is off, and duplicateKey checks in linear time.
    const lines = new LineCounter();
    const parsed = parseDocument(yamlText, { uniqueKeys: false, lineCounter: lines });
    if (parsed.errors.length) throw parsed.errors[0];
    const duplicate = duplicateKey(parsed);
    if (duplicate) {
      const { line, col } = lines.linePos(duplicate.offset);
      throw new Error(`Map keys must be unique: "${duplicate.key}" is repeated at line ${line}, column ${col}`);
    }
    doc = parsed.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    throw new LandscapeFormatError(`not valid YAML: ${firstLineOf(err)}`);
  }
  const landscape = (doc as { landscape?: unknown } | null)?.landscape;
  if (!Array.isArray(landscape)) throw new LandscapeFormatError('no top-level "landscape:" list: this is not a CNCF landscape.yml');

  const byKey = new Map<string, LandscapeEntry>();
  let items = 0;
  for (const cat of landscape) {
    const catName = typeof cat?.name === 'string' ? cat.name : '';
    if (!catName || MEMBER_CATEGORY.test(catName)) continue;
    for (const sub of Array.isArray(cat.subcategories) ? cat.subcategories : []) {
      const subName = typeof sub?.name === 'string' ? sub.name : '';
      for (const item of Array.isArray(sub?.items) ? (sub.items as RawItem[]) : []) {
        items++;
        const entry = toEntry(item, catName, subName);
        if (!entry) continue;
        const key = compactKey(entry.name);
        const prev = byKey.get(key);
        // Dedupe: an entry listed in several categories is one project. Prefer the CNCF one.
        if (!prev || (!prev.maturity && entry.maturity)) byKey.set(key, entry);
      }
    }
  }
  if (items === 0) throw new LandscapeFormatError('the landscape has no items');
  const entries = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name));
  if (!entries.some((e) => e.maturity)) throw new LandscapeFormatError('no CNCF projects (items with "project:") found');
  for (const e of entries) addAliases(e, options);
  return {
    version: 1,
    source: { url: options.sourceUrl, ...(options.commit ? { commit: options.commit } : {}), generated: options.generated ?? new Date().toISOString() },
    entries,
  };
}

function toEntry(item: RawItem, category: string, subcategory: string): LandscapeEntry | undefined {
  const name = typeof item?.name === 'string' ? item.name.trim() : '';
  if (!name || MEMBER_NAME.test(name)) return undefined;
  const homepage = typeof item.homepage_url === 'string' && isHttpUrl(item.homepage_url) ? item.homepage_url.trim() : null;
  const repo = typeof item.repo_url === 'string' && isHttpUrl(item.repo_url) ? item.repo_url.trim() : null;
  const maturity = typeof item.project === 'string' && MATURITIES.has(item.project) ? (item.project as Maturity) : null;
  // Non-CNCF entries are kept only when they are open source (have a repository).
  if (!maturity && !repo) return undefined;
  if (!homepage && !repo) return undefined;
  const accepted = maturity ? isoDay(item.extra?.accepted) : undefined;
  return { name, homepage, repo, maturity, category, subcategory, aliases: [], ...(accepted ? { accepted } : {}) };
}

/** `2016-03-10` from a YAML date (a string, or a Date when unquoted); undefined otherwise. */
function isoDay(v: unknown): string | undefined {
  const s = v instanceof Date && !isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.trim() : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
}

/** Every name a text could use for `e`: derived from its name, URLs and the curated table. */
function addAliases(e: LandscapeEntry, options: BuildOptions): void {
  const out = new Map<string, string>(); // lower-case form -> form
  const add = (form: string) => {
    const f = form.trim().replace(/\s+/g, ' ');
    if (f.length < 2 || f.length > 60) return;
    if (!out.has(f.toLowerCase()) && f !== e.name) out.set(f.toLowerCase(), f);
  };
  const nameKey = compactKey(e.name);
  // "Open Policy Agent (OPA)" -> "Open Policy Agent", "OPA"; "Citrix ADC (formerly NetScaler ADC)" -> "Citrix ADC".
  const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(e.name);
  const bases = [e.name];
  if (paren) {
    bases.push(paren[1]);
    if (!/^(formerly|previously|aka|now)\b/i.test(paren[2])) bases.push(paren[2]);
  }
  for (const b of bases) {
    add(b);
    for (const v of separatorVariants(b)) add(v);
  }
  for (const extra of EXTRA_ALIASES[e.name] ?? []) {
    add(extra);
    for (const v of separatorVariants(extra)) add(v);
  }
  // Derived from the repository (org and repo name) and the homepage host, when related to the name.
  for (const cand of urlWords(e)) {
    const k = compactKey(cand);
    if (k.length < 4) continue;
    // Longer than the name and starting with it (copacetic for Copa, litmuschaos for Litmus), or the
    // name's first word(s) (podman for Podman Container Tools); never a name cut short (fluent for Fluentd).
    const firstWords = formWords(e.name.toLowerCase());
    const wordPrefix = firstWords.some((_, i) => firstWords.slice(0, i + 1).join('') === k);
    const related = (k.startsWith(nameKey) || wordPrefix || (nameKey.length >= 4 && k.includes(nameKey))) && k !== nameKey + 'io';
    if (!related) continue;
    add(cand);
    for (const v of separatorVariants(cand)) add(v);
  }
  out.delete(e.name.toLowerCase());
  e.aliases = [...out.values()];

  // Which forms are ordinary words (match only as written, never in lower case).
  const ordinary: string[] = [];
  for (const form of [e.name, ...e.aliases]) {
    const words = formWords(form).map((w) => w.toLowerCase());
    // A hyphenated compound (cert-manager, in-toto) is not an ordinary word.
    if (words.length === 0 || form.includes('-')) continue;
    const isOrdinary = EXTRA_ORDINARY.has(compactKey(form)) || words.every((w) => options.ordinaryWord(w, words.length === 1) || /^\d+$/.test(w));
    if (isOrdinary) ordinary.push(form);
  }
  if (ordinary.length) e.ordinary = ordinary;
  if (options.nearWords) {
    const near = new Set<string>();
    for (const form of [e.name, ...e.aliases]) if (!ordinary.includes(form)) for (const w of options.nearWords(form)) near.add(w);
    if (near.size) e.nearWords = [...near].sort();
  }
}

/** `OpenTelemetry` -> `Open Telemetry`; `cert-manager` -> `cert manager`, `certmanager`; `Chaos Mesh` -> `Chaos-Mesh`, `ChaosMesh`. */
function separatorVariants(form: string): string[] {
  const out: string[] = [];
  // Split only between real words: `OpenTelemetry`, `KubeEdge`; not `gRPC`, `TiKV`, `MetalLB`.
  const parts = form.split(/(?<=[a-z])(?=[A-Z])/);
  if (parts.length > 1 && !/\s|-/.test(form) && parts.every((p, i) => p.length >= 3 && (i === 0 ? /^[A-Z][a-z]+$/.test(p) : /^[A-Z][a-z]+$/.test(p)))) out.push(parts.join(' '));
  if (/-/.test(form)) {
    out.push(form.replace(/-/g, ' '));
    out.push(form.replace(/-/g, ''));
  }
  if (/ /.test(form) && !/[()]/.test(form)) {
    out.push(form.replace(/ /g, '-'));
    if (formWords(form).length <= 3) out.push(form.replace(/ /g, ''));
  }
  return out;
}

function urlWords(e: LandscapeEntry): string[] {
  const out: string[] = [];
  for (const u of [e.repo, e.homepage]) {
    if (!u) continue;
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    if (host === 'github.com' || host === 'gitlab.com') {
      const [org, repo] = url.pathname.split('/').filter(Boolean);
      if (org) out.push(org);
      if (repo) out.push(repo.replace(/\.git$/, ''));
      continue;
    }
    let labels = host.split('.');
    const suffix = HOSTING_SUFFIXES.find((s) => host.endsWith('.' + s));
    labels = suffix ? labels.slice(0, labels.length - suffix.split('.').length) : labels.slice(0, -1);
    for (const l of labels) if (!GENERIC_HOST_LABELS.has(l)) out.push(l);
  }
  return out;
}
