/**
 * iCalendar schedules through ical.js (unfolding, unescaping, value types): Sched's `all.ics`
 * and personal agendas, pretalx's `schedule.ics` (VTIMEZONE + TZID), FOSDEM-style files
 * (floating times, `X-WR-TIMEZONE`, a `TZID:Europe-Brussels` line per event, speakers as
 * `ATTENDEE;CN=…`, HTML in descriptions) and personal calendar exports.
 */
// @ts-expect-error -- ical.js ships ESM type declarations only; `require` gets its CommonJS build (package "exports"), which has the same API.
import ICAL from 'ical.js';
import { ScheduleError, type Schedule, type SessionKind } from './model';
import { cleanTitle, splitSchedSummary } from './byline';
import { splitNameList } from '../text/byline';
import { classifyKind } from './kind';
import { isIdLike } from './name';
import { cleanLine, cleanOrNull, cleanUrl, stripLeadingSymbols } from './text';
import { localToInstant, normalizeTimeZone, parseLocalDateTime, zoneFromLocation } from './time';
import { VTimezone, type JComp, type JProp } from './vtimezone';
import { fallbackZone, finishSchedule, namedZone, overrideZone, roomFromLocation, type RawSession, type ScheduleParseOptions } from './readerCommon';
import { messageOf } from '../util/errors';

function prop(c: JComp, name: string): JProp | undefined {
  const list = c[1];
  for (let i = 0; i < list.length; i++) if (list[i][0] === name) return list[i];
  return undefined;
}
const props = (c: JComp, name: string): JProp[] => c[1].filter((p) => p[0] === name);
function text(p: JProp | undefined): string | null {
  if (!p || p.length <= 3) return null;
  if (p.length === 4) return typeof p[3] === 'string' ? p[3] : String(p[3]);
  return p
    .slice(3)
    .map((v) => (typeof v === 'string' ? v : String(v)))
    .join(',');
}
const param = (p: JProp | undefined, name: string): string | undefined => {
  const v = p?.[1][name];
  return Array.isArray(v) ? v[0] : v;
};

/** Whether `text` is Sched's export (`PRODID:-//Sched.com …`). */
export function isSchedIcs(head: string): boolean {
  return /^PRODID:[^\r\n]*sched\.com/im.test(head);
}

function parseJcal(source: string): JComp[] {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(source);
  } catch (err) {
    const msg = messageOf(err);
    // ical.js names the offending line's text; say where it is.
    const quoted = /"([^"\r\n]{1,200})"\s*$/.exec(msg)?.[1];
    const at = quoted ? source.indexOf(quoted) : -1;
    const line = at >= 0 ? source.slice(0, at).split('\n').length : undefined;
    throw new ScheduleError(`not a valid iCalendar file${line ? ` (line ${line})` : ''}: ${msg}`);
  }
  if (!Array.isArray(jcal)) throw new ScheduleError('not a valid iCalendar file');
  const list = (typeof jcal[0] === 'string' ? [jcal] : jcal) as JComp[];
  return list.filter((c) => Array.isArray(c) && c[0] === 'vcalendar');
}

interface Zones {
  /** VTIMEZONE definitions by TZID, for names the platform does not know. */
  vtimezones: Map<string, JComp>;
  /** Those read (once each), or the IANA zone their X-LIC-LOCATION names. */
  read: Map<string, VTimezone | string>;
}

/** The zone a TZID names: an IANA zone the platform knows (its rules are never expanded), else the file's VTIMEZONE. */
function zoneOf(tzid: string, zones: Zones): VTimezone | string | undefined {
  const iana = normalizeTimeZone(tzid);
  if (iana) return iana;
  let zone = zones.read.get(tzid);
  if (zone === undefined) {
    const vtz = zones.vtimezones.get(tzid);
    if (!vtz) return undefined;
    zone = normalizeTimeZone(text(prop(vtz, 'x-lic-location'))) ?? new VTimezone(tzid, vtz);
    zones.read.set(tzid, zone);
  }
  return zone;
}

/** The instant of a DTSTART/DTEND value: UTC, a TZID (IANA through Intl, else the file's VTIMEZONE), or floating in `floatingZone`. */
function instantOf(p: JProp | undefined, zones: Zones, floatingZone: string): number {
  const value = p && typeof p[3] === 'string' ? p[3] : undefined;
  if (!value) return NaN;
  if (value.endsWith('Z')) return Date.parse(value);
  const fields = parseLocalDateTime(value);
  if (!fields) return NaN;
  const tzid = param(p, 'tzid');
  const zone = tzid ? zoneOf(tzid, zones) : undefined;
  if (zone instanceof VTimezone) return zone.toInstant(fields);
  return localToInstant(fields, zone ?? floatingZone);
}

/**
 * The zones of a file: `declared` is what the file itself says (X-WR-TIMEZONE other than UTC, a
 * VTIMEZONE, a TZID), `located` the most common zone of the events' locations (`…, Amsterdam,
 * Netherlands`). Times are shown in the override, else declared, else located, else the
 * fallback zone; floating times are read in the declared zone when there is one (the file says
 * where its clock is), else in the zone they are shown in.
 */
function fileZones(cals: JComp[], events: JComp[], options: ScheduleParseOptions): { display: string; floating: string } {
  let declared: string | undefined;
  for (const cal of cals) declared ??= namedZone(text(prop(cal, 'x-wr-timezone')));
  for (const cal of cals) {
    for (const vtz of cal[2].filter((c) => c[0] === 'vtimezone')) declared ??= namedZone(text(prop(vtz, 'tzid'))) ?? namedZone(text(prop(vtz, 'x-lic-location')));
  }
  for (const ev of events) {
    if (declared) break;
    declared = namedZone(param(prop(ev, 'dtstart'), 'tzid')) ?? namedZone(text(prop(ev, 'tzid')));
  }
  const override = overrideZone(options);
  let located: string | undefined;
  if (!declared && !override) {
    const counts = new Map<string, number>();
    const byLocation = new Map<string, string | undefined>();
    for (const ev of events) {
      const loc = text(prop(ev, 'location'));
      if (!loc) continue;
      if (!byLocation.has(loc)) byLocation.set(loc, zoneFromLocation(loc));
      const z = byLocation.get(loc);
      if (z) counts.set(z, (counts.get(z) ?? 0) + 1);
    }
    for (const [z, n] of counts) if (!located || n > counts.get(located)!) located = z;
  }
  const display = override ?? declared ?? located ?? fallbackZone(options);
  return { display, floating: declared ?? display };
}

/** Reads an iCalendar schedule. Throws ScheduleError with the reason when it cannot. */
export function parseIcs(source: string, options: ScheduleParseOptions = {}): Schedule {
  return icsToSchedule(parseJcal(source), options);
}

/** A schedule from calendars already parsed by `ICAL.parse` (jCal `vcalendar` components). */
function icsToSchedule(cals: JComp[], options: ScheduleParseOptions = {}): Schedule {
  if (cals.length === 0) throw new ScheduleError('not a schedule: no VCALENDAR in this iCalendar text');
  const sched = cals.some((c) => /sched\.com/i.test(text(prop(c, 'prodid')) ?? ''));
  const events = cals.flatMap((c) => c[2].filter((e) => e[0] === 'vevent'));
  if (events.length === 0) throw new ScheduleError('not a schedule: the calendar has no events');
  const { display: timeZone, floating: fileZone } = fileZones(cals, events, options);
  const zones: Zones = { vtimezones: new Map(), read: new Map() };
  for (const cal of cals) for (const vtz of cal[2].filter((c) => c[0] === 'vtimezone')) zones.vtimezones.set(text(prop(vtz, 'tzid')) ?? '', vtz);
  const prodid = text(prop(cals[0], 'prodid')) ?? '';
  const pretalx = /pretalx/i.test(prodid);
  const calName = cleanOrNull(text(prop(cals[0], 'x-wr-calname')));
  const prodName = sched ? cleanOrNull(/sched\.com\s+([^/]+?)\s*\/\//i.exec(prodid)?.[1]) : null;
  // Sched's X-WR-CALNAME is the event's id (`kccnceu2026`): its product line has the name.
  const title = calName && !isIdLike(calName) ? calName : (prodName ?? calName);

  const raws: RawSession[] = [];
  const rooms = new Map<string, string | null>();
  const roomOf = (location: string | null) => {
    if (location === null) return null;
    let room = rooms.get(location);
    if (room === undefined) rooms.set(location, (room = roomFromLocation(location)));
    return room;
  };
  for (const ev of events) {
    if (/^cancel+ed$/i.test(text(prop(ev, 'status')) ?? '')) continue;
    const floating = normalizeTimeZone(text(prop(ev, 'tzid'))) ?? fileZone;
    const dtstart = prop(ev, 'dtstart');
    const startMs = instantOf(dtstart, zones, floating);
    let endMs = instantOf(prop(ev, 'dtend'), zones, floating);
    if (!Number.isFinite(endMs)) {
      const dur = text(prop(ev, 'duration'));
      if (dur) {
        try {
          endMs = startMs + ICAL.Duration.fromString(dur).toSeconds() * 1000;
        } catch {
          endMs = startMs;
        }
      } else endMs = dtstart?.[2] === 'date' ? startMs + 86400000 : startMs;
    }
    const summary = text(prop(ev, 'summary')) ?? '';
    const categories = props(ev, 'categories')
      .flatMap((p) => p.slice(3).map((v) => cleanLine(String(v))))
      .filter(Boolean);
    const location = text(prop(ev, 'location'));
    const attendees = props(ev, 'attendee')
      .map((p) => cleanLine(param(p, 'cn') ?? ''))
      .filter((n) => n !== '');
    let title: string;
    let speakers: string[] = [];
    let companies: string[] = [];
    let byline: string | null;
    let prefixKind: SessionKind | null;
    if (sched) {
      const s = splitSchedSummary(summary);
      ({ title, speakers, companies, byline } = s);
      prefixKind = s.kind;
    } else {
      const clean = cleanTitle(summary);
      title = clean.title;
      prefixKind = clean.kind;
      if (attendees.length > 0) {
        speakers = [...new Set(attendees)];
        // `Title - A, B` where A, B are the attendees: the title alone.
        const dash = title.lastIndexOf(' - ');
        if (dash > 0 && splitNameList(title.slice(dash + 3))?.every((n) => speakers.includes(n))) title = title.slice(0, dash).trim();
      } else if (pretalx) {
        const dash = title.lastIndexOf(' - ');
        const list = dash > 0 ? splitNameList(title.slice(dash + 3)) : undefined;
        if (list) {
          speakers = list;
          title = title.slice(0, dash).trim();
        }
      }
      byline = speakers.length ? speakers.join(' & ') : null;
    }
    const track = categories.length ? stripLeadingSymbols(categories[0]) || categories[0] : null;
    raws.push({
      id: cleanLine(text(prop(ev, 'uid')) ?? ''),
      title,
      speakers,
      companies,
      byline,
      room: roomOf(location),
      track,
      kind: classifyKind({ labels: categories, title, prefixKind, hasSpeakers: speakers.length > 0 }),
      startMs,
      endMs,
      url: cleanUrl(text(prop(ev, 'url'))),
    });
  }
  return finishSchedule(raws, { source: options.source ?? '', format: sched ? 'sched-ics' : 'ics', title, timeZone });
}
