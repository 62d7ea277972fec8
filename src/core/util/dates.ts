/** Calendar dates written `YYYY-MM-DD` (no time, no zone: counted in UTC). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date `days` after `iso` (before, when negative), or null when `iso` is not `YYYY-MM-DD`. */
export function addDays(iso: string, days: number): string | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** The day of the week of a date: 0 for Sunday to 6 for Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** The days of the week as `weekdayOf` numbers them. */
export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Numbers written as words in day titles (`Day one`), from zero. */
export const NUMBER_WORDS: readonly string[] = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
