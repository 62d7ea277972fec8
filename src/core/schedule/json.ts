/** The JSON form of a schedule (`talk-capture schedule --json`), with keys in the documented order. */
import type { Schedule, Session, SessionLink } from './model';

// The JSON form has exactly the fields of the model; the functions below write them in the
// documented order and leave out whatever else the objects carry.
type SessionJson = Session;
export type ScheduleJson = Omit<Schedule, 'sessions'> & { sessions: SessionJson[] };

const sessionJson = (s: Session): SessionJson => ({
  id: s.id,
  title: s.title,
  speakers: [...s.speakers],
  companies: [...s.companies],
  byline: s.byline,
  room: s.room,
  track: s.track,
  kind: s.kind,
  start: s.start,
  end: s.end,
  url: s.url,
  ...(s.links?.length ? { links: s.links.map((l) => ({ title: l.title, url: l.url, kind: l.kind })) } : {}),
});

/** `{source, format, title, timeZone, sessions}` exactly, whatever else the objects carry. */
export function scheduleJson(schedule: Schedule, sessions: readonly Session[] = schedule.sessions): ScheduleJson {
  return { source: schedule.source, format: schedule.format, title: schedule.title, timeZone: schedule.timeZone, sessions: sessions.map(sessionJson) };
}

const KINDS = new Set(['slides', 'recording', 'other']);

/** A session's stored links, when they have the right shape (others left out). */
function linksFromJson(v: unknown): { links?: SessionLink[] } {
  if (!Array.isArray(v)) return {};
  const links = v
    .filter(
      (l): l is Record<string, unknown> =>
        !!l && typeof l === 'object' && typeof (l as Record<string, unknown>).url === 'string' && KINDS.has((l as Record<string, unknown>).kind as string),
    )
    .map((l) => ({ title: typeof l.title === 'string' ? l.title : null, url: l.url as string, kind: l.kind as SessionLink['kind'] }));
  return links.length ? { links } : {};
}

/** A schedule read back from its JSON form (the editor's offline copy); undefined when the shape is wrong. */
export function scheduleFromJson(data: unknown): Schedule | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (typeof d.source !== 'string' || typeof d.format !== 'string' || typeof d.timeZone !== 'string' || !Array.isArray(d.sessions)) return undefined;
  const sessions: Session[] = [];
  for (const s of d.sessions as Array<Record<string, unknown>>) {
    if (!s || typeof s.id !== 'string' || typeof s.title !== 'string' || typeof s.start !== 'string' || typeof s.end !== 'string' || typeof s.kind !== 'string') return undefined;
    const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const opt = (v: unknown) => (typeof v === 'string' ? v : null);
    sessions.push({
      id: s.id,
      title: s.title,
      speakers: strs(s.speakers),
      companies: strs(s.companies),
      byline: opt(s.byline),
      room: opt(s.room),
      track: opt(s.track),
      kind: s.kind as Session['kind'],
      start: s.start,
      end: s.end,
      url: opt(s.url),
      ...linksFromJson(s.links),
    });
  }
  return { source: d.source, format: d.format as Schedule['format'], title: typeof d.title === 'string' ? d.title : null, timeZone: d.timeZone, sessions };
}
