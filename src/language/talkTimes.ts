/**
 * The times Start Talk Now and End Talk ran, remembered per note and talk heading in a state
 * store (the editor's workspace state: they survive reloads): Add Slide Photos… and the photo
 * drop and paste place a photo under the talk that was running when it was taken. Bounded: the
 * last notes and talks only.
 */
import type { TalkTimes } from '../core/photos/index';

/** A key-value store that survives reloads (the editor's workspace state). */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const STATE_KEY = 'talkCapture.talkTimes';
const MAX_NOTES = 50;
const MAX_TALKS_PER_NOTE = 200;

type Stored = Record<string, TalkTimes[]>;

function read(state: StateStore): Stored {
  const v = state.get<unknown>(STATE_KEY);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Stored) : {};
}

function valid(t: unknown): t is TalkTimes {
  const x = t as Partial<TalkTimes> | undefined;
  return !!x && typeof x.heading === 'string' && typeof x.start === 'string' && (x.end === null || typeof x.end === 'string');
}

/** The remembered start and end times of a note's talks (the latest start of a heading last). */
export function talkTimesOf(state: StateStore, uri: string): TalkTimes[] {
  const list = read(state)[uri];
  return Array.isArray(list) ? list.filter(valid) : [];
}

async function write(state: StateStore, uri: string, change: (list: TalkTimes[]) => TalkTimes[]): Promise<void> {
  const all = read(state);
  const next = change(talkTimesOf(state, uri)).slice(-MAX_TALKS_PER_NOTE);
  const rest = Object.keys(all).filter((k) => k !== uri);
  const kept: Stored = {};
  // The note written last goes last; the oldest notes are forgotten first.
  for (const k of rest.slice(-(MAX_NOTES - 1))) kept[k] = all[k];
  kept[uri] = next;
  await state.update(STATE_KEY, kept);
}

/** Start Talk Now ran for `heading` (the talk's title) of the note `uri` at `at`. */
export function rememberTalkStart(state: StateStore, uri: string, heading: string, at: Date): Promise<void> {
  return write(state, uri, (list) => [...list.filter((t) => t.heading !== heading), { heading, start: at.toISOString(), end: null }]);
}

/** End Talk ran (or another talk started) for `heading` of the note `uri` at `at`. */
export function rememberTalkEnd(state: StateStore, uri: string, heading: string, at: Date): Promise<void> {
  return write(state, uri, (list) => list.map((t) => (t.heading === heading && t.end === null ? { ...t, end: at.toISOString() } : t)));
}
