/**
 * Binary search over a list sorted by a key: the one in the core (line starts, talks by line,
 * offsets, onsets, index keys). Both take O(log n) steps.
 */

/** The first index whose item is not `before` (the list is all `before` items, then none). */
function partition<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose key is at least `value` (`list.length` when none is): `list` sorted by `key`. */
export function lowerBound<T, K extends number | string>(list: readonly T[], value: K, key: (item: T) => K): number {
  return partition(list, (item) => key(item) < value);
}

/** The first index whose key is greater than `value` (`list.length` when none is): `list` sorted by `key`. */
export function upperBound<T, K extends number | string>(list: readonly T[], value: K, key: (item: T) => K): number {
  return partition(list, (item) => key(item) <= value);
}

/** The key of a list of numbers or strings sorted by themselves. */
export const itself = <K extends number | string>(item: K): K => item;
