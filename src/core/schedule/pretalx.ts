/**
 * pretalx / frab schedules: `schedule.json` (`schedule.conference.days[].rooms` is an object
 * keyed by room name) and `schedule.xml` (`day/room/event`, read with fast-xml-parser, which
 * also runs in a web worker). FOSDEM's XML is the same shape with HTML abstracts.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ScheduleError, type Schedule } from './model';
import { cleanTitle } from './byline';
import { classifyKind } from './kind';
import { cleanLine, cleanOrNull, cleanUrl } from './text';
import { sessionLinks, type RawLink } from './sessionLinks';
import { localToInstant, parseLocalDateTime } from './time';
import { fallbackZone, finishSchedule, namedZone, overrideZone, type RawSession, type ScheduleParseOptions } from './readerCommon';
import { messageOf } from '../util/errors';

/** One talk as both formats give it (strings; persons as names). */
interface FrabTalk {
  guid?: unknown;
  id?: unknown;
  code?: unknown;
  date?: unknown;
  start?: unknown;
  duration?: unknown;
  room?: unknown;
  url?: unknown;
  title?: unknown;
  track?: unknown;
  type?: unknown;
  persons: string[];
  /** `links` and `attachments`, as each format gives them. */
  resources: RawLink[];
}

interface FrabDay {
  date: string;
  rooms: Array<{ name: string; talks: FrabTalk[] }>;
}

/** A value as text: a string, a number, or an XML element's `#text` (one level, as the XML parser gives it: never a walk down a nested value). */
function str(v: unknown): string {
  const t = v && typeof v === 'object' && '#text' in v ? (v as { '#text': unknown })['#text'] : v;
  return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
}

/** `HH:MM` or `H:MM:SS` (or `D:HH:MM:SS`) → milliseconds; NaN when it is not that. */
function parseDuration(text: string): number {
  const parts = text.trim().split(':');
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return NaN;
  const n = parts.map(Number);
  const [d, h, m, s] = n.length === 2 ? [0, n[0], n[1], 0] : n.length === 3 ? [0, n[0], n[1], n[2]] : n;
  return (((d * 24 + h) * 60 + m) * 60 + s) * 1000;
}

function frabSchedule(meta: { title: string | null; zone: string | null }, days: FrabDay[], format: 'pretalx-json' | 'pretalx-xml', options: ScheduleParseOptions): Schedule {
  const named = namedZone(meta.zone);
  const timeZone = overrideZone(options) ?? named ?? fallbackZone(options);
  // Times without an offset are the conference's clock: the zone the file names, when it names one.
  const floating = named ?? timeZone;
  const raws: RawSession[] = [];
  for (const day of days) {
    for (const room of day.rooms) {
      for (const t of room.talks) {
        const date = str(t.date);
        let startMs = /(?:Z|[+-]\d{2}:?\d{2})$/.test(date) ? Date.parse(date) : NaN;
        if (!Number.isFinite(startMs)) {
          const local = parseLocalDateTime(date) ?? parseLocalDateTime(`${day.date}T${str(t.start)}`);
          startMs = local ? localToInstant(local, floating) : NaN;
        }
        const duration = parseDuration(str(t.duration));
        const clean = cleanTitle(str(t.title));
        const speakers = [...new Set(t.persons.map((p) => cleanLine(p)).filter(Boolean))];
        const type = cleanOrNull(str(t.type));
        const track = cleanOrNull(str(t.track));
        raws.push({
          id: cleanLine(str(t.guid) || str(t.code) || str(t.id)),
          title: clean.title,
          speakers,
          companies: [],
          byline: speakers.length ? speakers.join(' & ') : null,
          room: cleanOrNull(str(t.room)) ?? cleanOrNull(room.name),
          track,
          kind: classifyKind({ labels: [type, track], title: clean.title, prefixKind: clean.kind, hasSpeakers: speakers.length > 0 }),
          startMs,
          endMs: Number.isFinite(duration) ? startMs + duration : startMs,
          url: cleanUrl(str(t.url)),
          links: sessionLinks(t.resources),
        });
      }
    }
  }
  return finishSchedule(raws, { source: options.source ?? '', format, title: meta.title, timeZone });
}

const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** `[{title, url, type}]` (frab JSON, pretalx); a bare URL string is one too. */
function jsonLinks(v: unknown, attachment: boolean): RawLink[] {
  return asArray(v as unknown[])
    .slice(0, 100)
    .map((l) => (isObject(l) ? { url: str(l.url) || str(l.href), title: str(l.title), type: str(l.type), attachment } : { url: str(l), attachment }));
}

/** `<links><link href="…">title</link></links>` (and `attachments/attachment`) of frab/FOSDEM XML. */
function xmlLinks(v: unknown, item: string, attachment: boolean): RawLink[] {
  return asArray(v as unknown[])
    .filter(isObject)
    .slice(0, 10)
    .flatMap((list) => asArray(list[item] as unknown[]))
    .slice(0, 100)
    .map((l) => (isObject(l) ? { url: str(l['@_href']), title: str(l), type: str(l['@_type']), attachment } : { url: '', attachment }));
}

/** Whether parsed JSON is a pretalx/frab schedule. */
export function isPretalxJson(data: unknown): boolean {
  return isObject(data) && isObject(data.schedule) && isObject(data.schedule.conference);
}

/** Reads a pretalx/frab `schedule.json` already parsed from JSON. */
export function parsePretalxJson(data: unknown, options: ScheduleParseOptions = {}): Schedule {
  if (!isPretalxJson(data)) throw new ScheduleError('not a pretalx/frab schedule.json (no schedule.conference)');
  const conf = (data as { schedule: { conference: Record<string, unknown> } }).schedule.conference;
  const days: FrabDay[] = asArray(conf.days as unknown[])
    .filter(isObject)
    .map((d) => ({
      date: str(d.date),
      rooms: isObject(d.rooms)
        ? Object.entries(d.rooms).map(([name, talks]) => ({
            name,
            talks: asArray(talks as unknown[])
              .filter(isObject)
              .map((t) => ({
                ...t,
                persons: asArray(t.persons as unknown[]).map((p) => (isObject(p) ? str(p.public_name) || str(p.name) : str(p))),
                resources: [...jsonLinks(t.links, false), ...jsonLinks(t.attachments, true)],
              })),
          }))
        : [],
    }));
  return frabSchedule({ title: cleanOrNull(str(conf.title)), zone: str(conf.time_zone_name) || null }, days, 'pretalx-json', options);
}

const ARRAYS = new Set(['day', 'room', 'event', 'person', 'link', 'attachment']);

/** Whether XML text looks like a frab/pretalx schedule. */
export function isPretalxXml(head: string): boolean {
  return /<schedule[\s>]/.test(head) && /<conference[\s>]/.test(head);
}

/** Reads a pretalx/frab/FOSDEM `schedule.xml`. */
export function parsePretalxXml(text: string, options: ScheduleParseOptions = {}): Schedule {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ScheduleError(`not valid XML (line ${valid.err.line}): ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: true,
    isArray: (name, jpath) => ARRAYS.has(name) && !String(jpath).startsWith('schedule.conference'),
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new ScheduleError(`not valid XML: ${messageOf(err)}`);
  }
  const schedule = doc.schedule;
  if (!isObject(schedule) || !isObject(schedule.conference)) throw new ScheduleError('not a schedule: the XML has no <schedule><conference>');
  const conf = schedule.conference;
  const days: FrabDay[] = asArray(schedule.day as unknown[])
    .filter(isObject)
    .map((d) => ({
      date: str(d['@_date']),
      rooms: asArray(d.room as unknown[])
        .filter(isObject)
        .map((r) => ({
          name: str(r['@_name']),
          talks: asArray(r.event as unknown[])
            .filter(isObject)
            .map((e) => ({
              ...e,
              guid: str(e['@_guid']) || str(e.guid),
              id: str(e['@_id']),
              persons: isObject(e.persons) ? asArray(e.persons.person as unknown[]).map(str) : [],
              resources: [...xmlLinks(e.links, 'link', false), ...xmlLinks(e.attachments, 'attachment', true)],
            })),
        })),
    }));
  return frabSchedule({ title: cleanOrNull(str(conf.title)), zone: str(conf.time_zone_name) || null }, days, 'pretalx-xml', options);
}
