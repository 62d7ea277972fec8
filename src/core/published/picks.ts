/**
 * Find Published Links… with the sessions the person picked in the preview (a talk the matcher
 * left with "no session", or matched wrongly): the core's findPublished, then each picked
 * session's links found as findPublished finds them for a talk that links its session page
 * (the page read, after the same pause, or its links from the cache and the schedule).
 */
import { markdownDestination } from '../links/safeUrl';
import { parseNotes } from '../notes/parse';
import type { NotesModel } from '../notes/model';
import type { Schedule } from '../schedule/model';
import { findPublished } from './index';
import { pause } from './find';
import type { FindPublishedOptions, FindPublishedResult, PublishedCache } from './types';

/** findPublished, then the talks whose session was picked (`pick`: heading line → session id) get that session and its links. */
export async function findWithPicks(
  text: string,
  model: NotesModel,
  schedule: Schedule,
  cache: PublishedCache,
  options: FindPublishedOptions,
  pick: Record<number, string>,
): Promise<FindPublishedResult> {
  const result = await findPublished(text, model, schedule, cache, options);
  let { cache: kept, requests, cancelled } = result;
  for (const talk of result.talks) {
    const session = pick[talk.line] ? schedule.sessions.find((s) => s.id === pick[talk.line]) : undefined;
    if (!session || cancelled) continue;
    talk.match = { session, confidence: 1, how: 'url' };
    const page = markdownDestination(session.url);
    if (!page) {
      talk.links = [];
      continue;
    }
    const alone = `### ${session.id}\n\n[Session page](${page})\n`;
    if (requests > 0) await pause(options.pauseMs ?? 2000, options.signal);
    const found = await findPublished(alone, parseNotes(alone), schedule, kept, { ...options, onProgress: undefined });
    kept = found.cache;
    requests += found.requests;
    cancelled = found.cancelled;
    talk.links = found.talks[0]?.links ?? [];
    talk.problems = found.talks[0]?.problems ?? [];
  }
  return { talks: result.talks, cache: kept, requests, cancelled };
}
