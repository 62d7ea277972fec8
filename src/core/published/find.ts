/** Finding the published links of a note's talks: match, then schedule links, cache, session pages. */
import type { NotesModel } from '../notes/model';
import type { Schedule } from '../schedule/model';
import type { FindPublishedOptions, FindPublishedResult, PublishedCache } from './types';

export async function findPublished(text: string, model: NotesModel, schedule: Schedule, cache: PublishedCache, options: FindPublishedOptions): Promise<FindPublishedResult> {
  void text;
  void model;
  void schedule;
  void options;
  await Promise.resolve();
  return { talks: [], cache, requests: 0, cancelled: false };
}
