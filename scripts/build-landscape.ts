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
import { buildIndexFromYaml, LandscapeFormatError } from '../src/core/landscape/build';
import { compactKey, editDistance, typoDistanceFor } from '../src/core/landscape/text';

// A plain list of ~275,000 English words (devDependency, used only here).
import englishWords from 'an-array-of-english-words';

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
  return { isWord: (w: string) => set.has(w), nearWords };
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
    isWord: tools.isWord,
    nearWords: (form) => tools.nearWords(form),
  });
  // Near words only matter for CNCF projects (the only typo targets).
  for (const e of index.entries) if (!e.maturity) delete e.nearWords;
  // One entry per line: readable diffs when the landscape changes.
  const json = `{"version":${index.version},"source":${JSON.stringify(index.source)},"entries":[\n${index.entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, json);
  const cncf = index.entries.filter((e) => e.maturity).length;
  console.log(`${index.entries.length} entries (${cncf} CNCF projects), ${(json.length / 1024).toFixed(0)} KiB -> ${path.relative(process.cwd(), out) || out} in ${Date.now() - started} ms`);
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
