/**
 * Time zones without Node built-ins: instants ⇄ local wall-clock times through
 * `Intl.DateTimeFormat` (the platform's tz data, correct across DST), and the conference's zone
 * guessed from a location (`…, Amsterdam, Netherlands`) through the @vvo/tzdb data.
 */
import { rawTimeZones } from '@vvo/tzdb';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the platform knows `zone` as an IANA time zone (`Europe/Amsterdam`, `UTC`). */
export function isValidTimeZone(zone: string | null | undefined): boolean {
  if (!zone || typeof zone !== 'string' || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone this platform runs in (the machine's), `UTC` when unknown. */
export function systemTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A zone name as files write it, made valid when it can be: `Europe-Brussels` → `Europe/Brussels`. */
export function normalizeTimeZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  const z = zone.trim().replace(/^["']|["']$/g, '');
  if (isValidTimeZone(z)) return z;
  const slashed = z.replace(/-/, '/');
  if (slashed !== z && isValidTimeZone(slashed)) return slashed;
  return undefined;
}

/** Wall-clock fields of a local time. */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function intlFields(ms: number, zone: string): LocalFields {
  const out: LocalFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(zone).formatToParts(new Date(ms))) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute' || p.type === 'second') out[p.type] = Number(p.value);
  }
  if (out.hour === 24) out.hour = 0;
  return out;
}

const QUARTER = 15 * 60000;
const WINDOW = 6 * 3600000;

interface ZoneCache {
  /** Offset at the start of each 6-hour window (UTC), by window number. */
  starts: Map<number, number>;
  /** Offset of each quarter hour inside a window with a change. */
  quarters: Map<number, number>;
}
const zoneCaches = new Map<string, ZoneCache>();

function intlOffset(at: number, zone: string): number {
  const f = intlFields(at, zone);
  return Math.round((Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - at) / 60000);
}

/**
 * The UTC offset of `zone` at instant `ms`, in minutes (+60 for CET). Asks Intl once per 6-hour
 * window: when the offsets at both ends of a window agree the window has that offset (no zone
 * changes its offset twice within six hours); a window with a change is looked up per quarter
 * hour, since offsets change only at whole quarter hours (UTC).
 */
export function offsetMinutes(ms: number, zone: string): number {
  let cache = zoneCaches.get(zone);
  if (!cache || cache.starts.size + cache.quarters.size > 200000) zoneCaches.set(zone, (cache = { starts: new Map(), quarters: new Map() }));
  const c = cache;
  const startOf = (w: number) => {
    let off = c.starts.get(w);
    if (off === undefined) c.starts.set(w, (off = intlOffset(w * WINDOW, zone)));
    return off;
  };
  const w = Math.floor(ms / WINDOW);
  const first = startOf(w);
  if (first === startOf(w + 1)) return first;
  const q = Math.floor(ms / QUARTER);
  let off = c.quarters.get(q);
  if (off === undefined) c.quarters.set(q, (off = intlOffset(q * QUARTER, zone)));
  return off;
}

/** The wall-clock fields of instant `ms` in `zone`. */
function localFields(ms: number, zone: string): LocalFields {
  const d = new Date(ms + offsetMinutes(ms, zone) * 60000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/**
 * The instant of a wall-clock time in `zone`. A time skipped by a DST change (02:30 on the
 * last Sunday of March in Europe) is read with the offset before the change (it lands an hour
 * later, as clocks show it); a repeated time takes its first occurrence.
 */
export function localToInstant(f: LocalFields, zone: string): number {
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const before = offsetMinutes(asUtc - 36 * 3600000, zone);
  const after = offsetMinutes(asUtc + 36 * 3600000, zone);
  // Try the offsets in force around that day: the one whose result reads back as the same wall time wins.
  for (const off of before >= after ? [before, after] : [after, before]) {
    const t = asUtc - off * 60000;
    if (offsetMinutes(t, zone) === off) return t;
  }
  return asUtc - before * 60000;
}

/** Parses `YYYY-MM-DDTHH:MM[:SS]` (no offset) into fields; undefined when it is not that. */
export function parseLocalDateTime(text: string): LocalFields | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(text.trim());
  if (!m) return undefined;
  return { year: +m[1], month: +m[2], day: +m[3], hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026-03-24T09:15:00+01:00`: instant `ms` in `zone` with that zone's offset at the time. */
export function formatInstant(ms: number, zone: string): string {
  const off = offsetMinutes(ms, zone);
  const d = new Date(ms + off * 60000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The local date `YYYY-MM-DD` of an instant (ms or ISO text) in `zone`: the conference's day. */
export function localDate(instant: number | string, zone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const f = localFields(ms, zone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
}

/** The local clock time `HH:MM` of an instant (ms or ISO text) in `zone`. */
export function localClock(instant: number | string, zone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const f = localFields(ms, zone);
  return `${pad(f.hour)}:${pad(f.minute)}`;
}

// ---------------------------------------------------------------------------------------------
// The zone of a location

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');

/** Common other names of countries (how addresses write them) → tzdb's country code. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  'united states of america': 'US',
  uk: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  holland: 'NL',
  'czech republic': 'CZ',
  korea: 'KR',
};

let tables: { countries: Map<string, Set<string>>; cities: Map<string, Set<string>> } | undefined;

function zoneTables() {
  if (tables) return tables;
  const countries = new Map<string, Set<string>>();
  const cities = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, zone: string) => {
    if (!key) return;
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(zone);
  };
  for (const z of rawTimeZones) {
    add(countries, fold(z.countryName), z.name);
    add(countries, z.countryCode.toLowerCase(), z.name);
    for (const c of z.mainCities) add(cities, fold(c), z.name);
    // The zone's own city (`Europe/Amsterdam` → amsterdam) for cities not among the most populated.
    for (const g of z.group) add(cities, fold(g.slice(g.lastIndexOf('/') + 1).replace(/_/g, ' ')), z.name);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) for (const zone of countries.get(code.toLowerCase()) ?? []) add(countries, alias, zone);
  return (tables = { countries, cities });
}

/** Whether a part of an address names a country tzdb knows (`Netherlands`, `The Netherlands`, `USA`). */
export function isCountryName(part: string): boolean {
  const key = fold(part);
  return key.length > 2 && zoneTables().countries.has(key);
}

/**
 * The IANA zone of a location such as `Hall 7 | Room B, Amsterdam, Netherlands`: a city part
 * that names one zone, else a country part that has one zone; undefined when neither (a room
 * name alone, a country with several zones and an unknown city).
 */
export function zoneFromLocation(location: string | null | undefined): string | undefined {
  if (!location || location.length > 500) return undefined;
  const parts = location
    .split(/[,\n]/)
    .map((p) => fold(p))
    .filter(Boolean)
    .reverse();
  const { countries, cities } = zoneTables();
  let country: Set<string> | undefined;
  for (const p of parts) {
    if (!country && countries.has(p)) country = countries.get(p);
  }
  for (const p of parts) {
    const c = cities.get(p);
    if (!c) continue;
    const fits = country ? [...c].filter((z) => country!.has(z)) : [...c];
    if (fits.length === 1) return fits[0];
  }
  if (country && country.size === 1) return [...country][0];
  return undefined;
}
