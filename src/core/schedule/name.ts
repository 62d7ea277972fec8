/**
 * The conference's name to show for a schedule: the name the source gives (X-WR-CALNAME, Sched's
 * product line, pretalx's conference title) unless it is only an id such as `kccnceu2026`, else
 * one made readable from that id or from where the schedule came from (`democon-europe-2099.ics`
 * → `Democon Europe 2099`).
 */
import type { Schedule } from './model';

/** One word of letters, digits, `-`, `_` and `.`, all lower case or with a digit: an id rather than a name. */
export function isIdLike(text: string): boolean {
  const t = text.trim();
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(t) && (t === t.toLowerCase() || /\d/.test(t));
}

/** Path segments of a source that name no conference. */
const GENERIC = /^(?:all|schedule|export|exports|sessions|calendar|ical|ics|json|xml|index|api|v\d+|view|widget|www|events?|download|feed|\d+)$/i;

/** The most telling word of a source: a Sched sub-domain, a URL's first non-generic path segment, a file's name. */
function idOfSource(source: string): string | undefined {
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(source.trim());
  const segments = (url ? url[2] : source)
    .split(/[\\/]/)
    .map((p) => p.replace(/\.(?:ics|ical|json|xml|txt)$/i, ''))
    .filter((p) => p && !GENERIC.test(p));
  if (url) {
    // Sched names the event in its sub-domain; pretalx and others in the path.
    const sched = /^([^.]+)\.sched\.(?:com|org)(?::\d+)?$/i.exec(url[1]);
    return sched && !GENERIC.test(sched[1]) ? sched[1] : segments[0];
  }
  return segments[segments.length - 1];
}

/** `kccnceu2026` → `KCCNCEU 2026`, `democon-europe_2099` → `Democon Europe 2099`. */
function prettifyId(id: string): string {
  return id
    .split(/[-_.\s]+|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)
    .filter(Boolean)
    .map((w) => {
      if (!/^\p{Ll}+$/u.test(w)) return w;
      const vowels = (w.match(/[aeiouy]/g) ?? []).length;
      return w.length <= 2 || vowels / w.length < 0.4 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1);
    })
    .join(' ');
}

/** The conference's name for a schedule; null when neither its title nor its source says one. */
export function conferenceName(schedule: Pick<Schedule, 'title' | 'source'>): string | null {
  const title = schedule.title?.trim();
  if (title && !isIdLike(title)) return title;
  const id = title || idOfSource(schedule.source);
  return id ? prettifyId(id) : null;
}
