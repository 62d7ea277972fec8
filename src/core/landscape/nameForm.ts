/** One way of writing an entry's name (a {@link NameForm}), and the lists of them the index keeps. */
import type { LandscapeEntry } from './types';

/** One way of writing an entry's name (its name or an alias), as the matcher and completion see it. */
export interface NameForm {
  form: string;
  lower: string;
  /** compactKey(form): lower case, no separators. */
  key: string;
  /** The lower-case words of the form (`cert manager` -> cert, manager); the matcher joins text words the same way. */
  words: string[];
  entry: LandscapeEntry;
  /** An ordinary word: matches only as the project writes it, never in lower case. */
  ordinary: boolean;
  /** The entry's own name (not an alias). */
  canonical: boolean;
}

export const EMPTY: readonly NameForm[] = [];

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
