/** The landscape index the CLI reads: the bundled one, or a file given with `--index`. */
import * as fs from 'fs';
import * as path from 'path';
import { LandscapeIndex } from '../core/landscape/landscapeIndex';
import { parseIndexFile } from '../core/landscape/indexFile';

/** The bundled landscape index: next to the bundle (dist/cli.js → data/landscape.json), or in the source tree. */
export function bundledIndexFile(): string {
  const candidates = [path.join(__dirname, '..', 'data', 'landscape.json'), path.join(__dirname, '..', '..', 'data', 'landscape.json')];
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
}

/** Reads and validates a landscape index file (synchronously: it is small and read once). */
export function loadIndexFile(file: string): LandscapeIndex {
  return new LandscapeIndex(parseIndexFile(fs.readFileSync(file, 'utf8')));
}
