/**
 * Writing "now" in the format a front matter date is already written in: date only, date and
 * time with `T` or a space, with or without seconds and fractions, with `Z`, `+02:00` or
 * `+0200`, or no zone at all. The time is local; the offset is the local one.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2})(:?)(\d{2}))?)?$/;

export interface DateShape {
  time: boolean;
  separator: string;
  seconds: boolean;
  fractionDigits: number;
  /** 'none', 'Z' (UTC written as Z), or an offset written with or without a colon. */
  zone: 'none' | 'Z' | 'colon' | 'compact';
}

/** The shape of a written date, or null when it is not an ISO-like date. */
export function dateShape(written: string): DateShape | null {
  const m = DATE_RE.exec(written.trim());
  if (!m) return null;
  if (!m[4]) return { time: false, separator: 'T', seconds: false, fractionDigits: 0, zone: 'none' };
  return {
    time: true,
    separator: m[4],
    seconds: m[7] !== undefined,
    fractionDigits: m[8]?.length ?? 0,
    zone: m[9] ? 'Z' : m[10] ? (m[12] === ':' ? 'colon' : 'compact') : 'none',
  };
}

/** RFC 3339 with seconds and the local offset: the shape of new dates. */
export const DEFAULT_SHAPE: DateShape = { time: true, separator: 'T', seconds: true, fractionDigits: 0, zone: 'colon' };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * `now` written in `shape`, in local time. `offsetMinutes` is the local offset east of UTC
 * (default: the machine's, -now.getTimezoneOffset()); it is a parameter so tests are stable.
 */
export function formatDate(now: Date, shape: DateShape, offsetMinutes = -now.getTimezoneOffset()): string {
  // The wall clock at that offset, read through the UTC getters.
  const wall = new Date(now.getTime() + offsetMinutes * 60_000);
  let out = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  if (!shape.time) return out;
  out += `${shape.separator}${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
  if (shape.seconds) {
    out += `:${pad(wall.getUTCSeconds())}`;
    if (shape.fractionDigits > 0) out += '.' + pad(wall.getUTCMilliseconds(), 3).padEnd(shape.fractionDigits, '0').slice(0, shape.fractionDigits);
  }
  if (shape.zone === 'none') return out;
  if (shape.zone === 'Z' && offsetMinutes === 0) return out + 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return out + sign + pad(Math.floor(abs / 60)) + (shape.zone === 'compact' ? '' : ':') + pad(abs % 60);
}
