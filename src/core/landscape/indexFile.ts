/** Reading an index file (data/landscape.json or an updated index): parsed and checked, or a {@link LandscapeIndexError} saying what is wrong. */
import type { LandscapeIndexFile } from './types';
import { messageOf } from '../util/errors';

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
    throw new LandscapeIndexError(`not valid JSON: ${messageOf(err)}`);
  }
  return validateIndexFile(data);
}
