/**
 * Sessionize's `All` JSON (`/api/v2/<id>/view/All`): sessions with speaker ids, category item
 * ids and a room id; speakers with `fullName` and `tagLine` (the only place a company appears:
 * `Staff Engineer @ Acme`); `startsAt` is local time without an offset (some tools write UTC
 * with `Z`). Service sessions are breaks; plenary sessions listed once per room become one.
 */
import { ScheduleError, type Schedule } from './model';
import { cleanTitle } from './byline';
import { formatByline, groupsOf, isCompanySuffix, isJobTitle, isRegion } from '../text/byline';
import { classifyKind } from './kind';
import { cleanLine, cleanOrNull } from './text';
import { sessionLinks } from './sessionLinks';
import { localToInstant, parseLocalDateTime } from './time';
import { fallbackZone, finishSchedule, overrideZone, type RawSession, type ScheduleParseOptions } from './readerCommon';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);
const key = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Whether parsed JSON is Sessionize's `All` view. */
export function isSessionizeJson(data: unknown): boolean {
  return isObject(data) && Array.isArray(data.sessions) && (Array.isArray(data.speakers) || Array.isArray(data.rooms));
}

/** The company in a Sessionize tag line: `Staff Engineer @ Acme`, `CTO at Acme`, `Engineer, Acme`, `Engineer, Initech, Inc.`; null otherwise (`CTO, APAC`). */
function companyFromTagLine(tagLine: string | null | undefined): string | null {
  const t = cleanLine(tagLine);
  if (!t || t.length > 200) return null;
  const at = /(?:^|\s)(?:@|at)\s+([^@]+)$/i.exec(t);
  if (at) return at[1].trim() || null;
  if (!t.includes(',')) return null;
  const parts = t.split(',').map((p) => p.trim());
  let last = parts.pop() ?? '';
  // `Developer Advocate, Initech, Inc.`: the suffix stays with its company.
  if (parts.length > 0 && isCompanySuffix(last)) last = `${parts.pop()}, ${last}`;
  return last && !isJobTitle(last) && !isRegion(last) ? last : null;
}

function instant(text: string, zone: string): number {
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(text)) return Date.parse(text);
  const f = parseLocalDateTime(text);
  return f ? localToInstant(f, zone) : NaN;
}

/** Reads Sessionize's `All` JSON already parsed. */
export function parseSessionizeJson(data: unknown, options: ScheduleParseOptions = {}): Schedule {
  if (!isSessionizeJson(data)) throw new ScheduleError('not a Sessionize "All" export (no sessions and speakers)');
  const d = data as Record<string, unknown>;
  const timeZone = overrideZone(options) ?? fallbackZone(options);
  const speakers = new Map(
    list(d.speakers).map((s) => [key(s.id), { name: cleanLine(key(s.fullName) || `${key(s.firstName)} ${key(s.lastName)}`), company: companyFromTagLine(key(s.tagLine)) }]),
  );
  const rooms = new Map(list(d.rooms).map((r) => [key(r.id), cleanOrNull(key(r.name))]));
  const roomOrder = new Map(list(d.rooms).map((r, i) => [key(r.id), i]));
  const items = new Map<string, { name: string; category: string }>();
  for (const c of list(d.categories)) for (const it of list(c.items)) items.set(key(it.id), { name: cleanLine(key(it.name)), category: cleanLine(key(c.title)) });

  const byId = new Map<string, RawSession>();
  const plenary = new Map<string, RawSession>();
  const rankOf = new Map<RawSession, number>();
  const raws: RawSession[] = [];
  for (const s of list(d.sessions)) {
    const startMs = instant(key(s.startsAt), timeZone);
    const endMs = instant(key(s.endsAt), timeZone);
    const room = rooms.get(key(s.roomId)) ?? null;
    const id = key(s.id);
    const clean = cleanTitle(key(s.title));
    const plenaryKey = `${startMs}|${clean.title}`;
    const dup = (id && byId.get(id)) || (s.isPlenumSession ? plenary.get(plenaryKey) : undefined);
    if (dup) {
      // The same plenary session in another room: one session, in the first room of the list.
      const order = roomOrder.get(key(s.roomId)) ?? Infinity;
      if (room && (dup.room === null || order < (rankOf.get(dup) ?? Infinity))) {
        dup.room = room;
        rankOf.set(dup, order);
      }
      continue;
    }
    const people = (Array.isArray(s.speakers) ? s.speakers : [])
      .map((sp) => speakers.get(key(isObject(sp) ? sp.id : sp)) ?? (isObject(sp) ? { name: cleanLine(key(sp.name)), company: null } : undefined))
      .filter((p): p is { name: string; company: string | null } => !!p && p.name !== '');
    const labels = (Array.isArray(s.categoryItems) ? s.categoryItems : [])
      .map((i) => items.get(key(isObject(i) ? i.id : i)))
      .filter((x): x is { name: string; category: string } => !!x);
    const track = labels.find((l) => /track|topic/i.test(l.category))?.name ?? labels.find((l) => !/format|type|level|language/i.test(l.category))?.name ?? null;
    const groups = groupsOf(people);
    const companies = [...new Set(people.map((p) => p.company).filter((c): c is string => !!c))];
    const raw: RawSession = {
      id,
      title: clean.title,
      speakers: people.map((p) => p.name),
      companies,
      byline: formatByline(groups),
      room,
      track,
      kind: classifyKind({ labels: labels.map((l) => l.name), title: clean.title, prefixKind: clean.kind, service: s.isServiceSession === true, hasSpeakers: people.length > 0 }),
      startMs,
      endMs,
      url: null,
      links: sessionLinks([{ url: key(s.recordingUrl), type: 'recording', attachment: false }]),
    };
    rankOf.set(raw, roomOrder.get(key(s.roomId)) ?? Infinity);
    if (id) byId.set(id, raw);
    if (s.isPlenumSession) plenary.set(plenaryKey, raw);
    raws.push(raw);
  }
  return finishSchedule(raws, { source: options.source ?? '', format: 'sessionize-json', title: null, timeZone });
}
