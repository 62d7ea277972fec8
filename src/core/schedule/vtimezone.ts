/**
 * A file's own VTIMEZONE (a zone name the platform does not know, such as Outlook's
 * `W. Europe Standard Time`), read without expanding its rules: the offset at a local time is
 * found from the few onsets of the years around it. A time zone changes at most a few times a
 * year, so only yearly rules are read (`FREQ=YEARLY` with BYMONTH, BYDAY, BYMONTHDAY); a rule
 * that repeats every second or hour since 1601 is refused with the zone's name instead of being
 * expanded. Every step is counted against a budget, so no file makes this loop for long.
 */
import { ScheduleError } from './model';
import type { LocalFields } from './time';
import { upperBound } from '../util/search';

/** jCal: [name, properties, components]; a property is [name, params, type, ...values]. */
export type JProp = [string, Record<string, string | string[]>, string, ...unknown[]];
export type JComp = [string, JProp[], JComp[]];

/** Most steps (days looked at, onsets compared) reading a zone, or finding one time in it, may take. */
export const VTIMEZONE_STEP_BUDGET = 200000;
/** Most observances (STANDARD/DAYLIGHT parts) with a rule in one zone. */
const MAX_RULES = 64;
/** Years looked back for the last onset of a rule (a leap-day rule fires every 4 years). */
const LOOK_BACK_YEARS = 8;
const MAX_INTERVAL = 100;

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const RULE_PARTS = new Set(['freq', 'interval', 'bymonth', 'byday', 'bymonthday', 'until', 'count', 'wkst']);

/** An onset: when an observance starts, as a wall time in the offset before it (ms as if UTC), and the offsets. */
interface Onset {
  /** UTC instant of the onset. */
  utc: number;
  /** Offset after the onset, in ms. */
  to: number;
}

interface YearlyRule {
  from: number;
  to: number;
  start: LocalFields;
  startMs: number;
  interval: number;
  months: number[];
  byDay: Array<{ n: number; wd: number }>;
  monthDays: number[];
  /** UNTIL: a UTC instant when `untilUtc`, else a wall time (ms as if UTC). */
  until?: number;
  untilUtc: boolean;
  count?: number;
  /** Onsets by year (computed once). */
  years: Map<number, number[]>;
  /** With COUNT: the number of onsets before each year since the start, computed once as far as needed. */
  before: number[];
}

const wall = (f: LocalFields) => Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);

function parseWall(text: string): LocalFields | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return undefined;
  return { year: +m[1], month: +m[2], day: +m[3], hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) };
}

function offsetMs(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(value) : null;
  if (!m) return undefined;
  const ms = ((+m[2] * 60 + +m[3]) * 60 + +(m[4] ?? 0)) * 1000;
  return ms > 26 * 3600000 ? undefined : m[1] === '-' ? -ms : ms;
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A time zone read from its VTIMEZONE; `steps` counts the work done so far (tests bound it). */
export class VTimezone {
  steps = 0;
  /** The step count at which the current look-up (or the reading of the zone) gives up. */
  private stepLimit = VTIMEZONE_STEP_BUDGET;
  private readonly fixed: Onset[] = [];
  private readonly rules: YearlyRule[] = [];
  private readonly first: number;

  constructor(
    readonly tzid: string,
    component: JComp,
  ) {
    let first: number | undefined;
    let firstUtc = Infinity;
    for (const obs of component[2]) {
      if (obs[0] !== 'standard' && obs[0] !== 'daylight') continue;
      const get = (name: string) => obs[1].find((p) => p[0] === name);
      const start = parseWall(String(get('dtstart')?.[3] ?? ''));
      const from = offsetMs(get('tzoffsetfrom')?.[3]);
      const to = offsetMs(get('tzoffsetto')?.[3]);
      if (!start || from === undefined || to === undefined) continue;
      const startMs = wall(start);
      if (startMs - from < firstUtc) {
        firstUtc = startMs - from;
        first = from;
      }
      this.step(1);
      this.fixed.push({ utc: startMs - from, to });
      for (const p of obs[1]) {
        if (p[0] !== 'rdate') continue;
        for (const v of p.slice(3)) {
          this.step(1);
          const t = typeof v === 'string' ? parseWall(v) : undefined;
          if (!t) continue;
          const local = p[2] === 'date' ? { ...t, hour: start.hour, minute: start.minute, second: start.second } : t;
          this.fixed.push({ utc: typeof v === 'string' && v.endsWith('Z') ? wall(local) : wall(local) - from, to });
        }
      }
      const rrule = get('rrule')?.[3];
      if (rrule && typeof rrule === 'object') this.rules.push(this.readRule(obs[0], rrule as Record<string, unknown>, start, from, to));
    }
    this.fixed.sort((a, b) => a.utc - b.utc);
    this.first = first ?? 0;
  }

  private refuse(why: string): ScheduleError {
    return new ScheduleError(`the time zone '${this.tzid}' cannot be read: ${why}`);
  }

  private step(n: number): void {
    this.steps += n;
    if (this.steps > this.stepLimit) throw this.refuse(`its rules take more than ${VTIMEZONE_STEP_BUDGET} steps to evaluate`);
  }

  private readRule(part: string, r: Record<string, unknown>, start: LocalFields, from: number, to: number): YearlyRule {
    const freq = String(r.freq ?? '').toUpperCase();
    if (freq !== 'YEARLY') throw this.refuse(`its ${part.toUpperCase()} rule repeats ${freq ? freq.toLowerCase() : 'without a frequency'} (a time zone's rules repeat yearly)`);
    const other = Object.keys(r).find((k) => !RULE_PARTS.has(k));
    if (other) throw this.refuse(`its ${part.toUpperCase()} rule uses ${other.toUpperCase()}, which a time zone's rule does not need`);
    if (this.rules.length >= MAX_RULES) throw this.refuse(`more than ${MAX_RULES} yearly rules`);
    const interval = Number(r.interval ?? 1);
    if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL) throw this.refuse(`INTERVAL=${String(r.interval)}`);
    const months = listOf(r.bymonth).map(Number);
    if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) throw this.refuse(`BYMONTH=${String(r.bymonth)}`);
    const byDay = listOf(r.byday).map((d) => {
      const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/i.exec(String(d));
      if (!m || Math.abs(+(m[1] ?? 0)) > 5) throw this.refuse(`BYDAY=${String(r.byday)}`);
      return { n: +(m[1] ?? 0), wd: WEEKDAYS.indexOf(m[2].toUpperCase()) };
    });
    const monthDays = listOf(r.bymonthday).map(Number);
    if (monthDays.some((d) => !Number.isInteger(d) || d === 0 || Math.abs(d) > 31)) throw this.refuse(`BYMONTHDAY=${String(r.bymonthday)}`);
    const untilText = typeof r.until === 'string' ? r.until : undefined;
    const until = untilText ? parseWall(untilText) : undefined;
    const count = r.count === undefined ? undefined : Number(r.count);
    return {
      from,
      to,
      start,
      startMs: wall(start),
      interval,
      months: months.length ? [...new Set(months)].sort((a, b) => a - b) : [start.month],
      byDay,
      monthDays,
      until: until ? wall(until) : undefined,
      untilUtc: !!untilText?.endsWith('Z'),
      count: count !== undefined && Number.isFinite(count) && count > 0 ? count : undefined,
      years: new Map(),
      before: [0],
    };
  }

  /** The wall-time onsets (ms as if UTC) of a rule in `year`, before UNTIL and COUNT are applied. */
  private onsetsIn(rule: YearlyRule, year: number): number[] {
    let list = rule.years.get(year);
    if (list) return list;
    list = [];
    if (year >= rule.start.year && (year - rule.start.year) % rule.interval === 0) {
      for (const month of rule.months) {
        const last = daysIn(year, month);
        const firstWd = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
        this.step(last);
        for (let day = 1; day <= last; day++) {
          if (!this.matches(rule, day, last, (firstWd + day - 1) % 7)) continue;
          const t = Date.UTC(year, month - 1, day, rule.start.hour, rule.start.minute, rule.start.second);
          if (t >= rule.startMs) list.push(t);
        }
      }
    }
    if (rule.years.size > 4096) rule.years.clear();
    rule.years.set(year, list);
    return list;
  }

  private matches(rule: YearlyRule, day: number, last: number, wd: number): boolean {
    if (rule.monthDays.length && !rule.monthDays.some((d) => (d > 0 ? d : last + 1 + d) === day)) return false;
    if (rule.byDay.length) {
      return rule.byDay.some((b) => b.wd === wd && (b.n === 0 || (b.n > 0 ? Math.ceil(day / 7) === b.n : Math.ceil((last - day + 1) / 7) === -b.n)));
    }
    return rule.monthDays.length > 0 || day === rule.start.day;
  }

  /** Whether an onset at wall time `t` is within the rule's UNTIL and COUNT. */
  private within(rule: YearlyRule, t: number): boolean {
    if (rule.until !== undefined && (rule.untilUtc ? t - rule.from : t) > rule.until) return false;
    if (rule.count === undefined) return true;
    // The onset's number: the onsets of the years before it (counted once, up to COUNT), then its place in its year.
    const year = new Date(t).getUTCFullYear();
    const b = rule.before;
    while (b.length <= year - rule.start.year && b[b.length - 1] < rule.count) {
      this.step(1);
      b.push(b[b.length - 1] + this.onsetsIn(rule, rule.start.year + b.length - 1).length);
    }
    const n = (b.length > year - rule.start.year ? b[year - rule.start.year] : b[b.length - 1]) + this.onsetsIn(rule, year).filter((o) => o <= t).length;
    return n <= rule.count;
  }

  /** The last onset of `rule` at or before `utc`, looking back a few years only. */
  private lastOnset(rule: YearlyRule, utc: number): Onset | undefined {
    const year = new Date(utc + rule.to).getUTCFullYear();
    const untilYear = rule.until !== undefined ? new Date(rule.until).getUTCFullYear() : year;
    const top = Math.min(year, untilYear);
    for (let y = top; y >= Math.max(rule.start.year, top - LOOK_BACK_YEARS * rule.interval); y--) {
      const list = this.onsetsIn(rule, y);
      for (let i = list.length - 1; i >= 0; i--) {
        this.step(1);
        if (list[i] - rule.from <= utc && this.within(rule, list[i])) return { utc: list[i] - rule.from, to: rule.to };
      }
    }
    return undefined;
  }

  /** The offset (ms) in force at UTC instant `utc`. */
  private offsetAtUtc(utc: number): number {
    let best: Onset | undefined;
    const after = upperBound(this.fixed, utc, (o) => o.utc);
    if (after > 0) best = this.fixed[after - 1];
    for (const rule of this.rules) {
      const o = this.lastOnset(rule, utc);
      if (o && (!best || o.utc > best.utc)) best = o;
    }
    return best ? best.to : this.first;
  }

  /** The UTC instant (ms) of wall time `f` in this zone. */
  toInstant(f: LocalFields): number {
    this.stepLimit = this.steps + VTIMEZONE_STEP_BUDGET;
    const asUtc = wall(f);
    // The offsets in force a day around it: the one whose result reads back as that offset wins.
    const before = this.offsetAtUtc(asUtc - 36 * 3600000);
    const after = this.offsetAtUtc(asUtc + 36 * 3600000);
    for (const off of before >= after ? [before, after] : [after, before]) {
      if (this.offsetAtUtc(asUtc - off) === off) return asUtc - off;
    }
    return asUtc - before;
  }
}
