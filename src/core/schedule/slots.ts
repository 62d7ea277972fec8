/**
 * A day of a big conference as time slots a person can scan at the venue: one slot per start
 * time of the main-track sessions, the short side sessions (showcase and theatre demos, booths,
 * lightning talks in side rooms) folded under the slot they fall in, all-day items (registration,
 * the expo) folded too, and a slot's end the end most of its sessions share (a long workshop
 * starting with it does not stretch it). "Now" and "next" are slots. Linear in the sessions of
 * the day (plus one sort of each room's durations).
 */
import type { Session } from './model';
import { sessionTimes } from './query';

/** Rooms that hold side sessions whatever their timing (sponsor showcases, theatres, booths, the expo). */
const SIDE_ROOM = /\b(?:showcase|theat(?:er|re)s?|booths?|expo|exhibit(?:ion|ors?)?|pavilion|kiosks?|lounge|foyer|sponsors?)\b/i;

/** A room whose sessions last less than this (its median) holds short side sessions. */
const SHORT_MINUTES = 20;
/** A session longer than this (registration, the expo, a day-long event) never makes a slot. */
const ALL_DAY_MINUTES = 240;

export interface ScheduleSlot {
  /** The start (ISO text, as the sessions write it) and its instant. */
  start: string;
  startMs: number;
  /** The end most of its main sessions share (the earliest among equals), as ISO text, and its instant. */
  end: string;
  endMs: number;
  /** The main-track sessions starting at `start`, in schedule order. */
  main: Session[];
  /** Side sessions folded under this slot (starting at or after it, before the next slot), in schedule order. */
  side: Session[];
}

const minutes = (s: Session) => {
  const t = sessionTimes(s);
  return (t.end - t.start) / 60000;
};

/** The rooms of a day's sessions whose median session is shorter than {@link SHORT_MINUTES} (breaks not counted). */
function shortRooms(day: readonly Session[]): Set<string> {
  const lengths = new Map<string, number[]>();
  for (const s of day) {
    if (s.kind === 'break' || s.room === null) continue;
    const list = lengths.get(s.room) ?? [];
    list.push(minutes(s));
    lengths.set(s.room, list);
  }
  const short = new Set<string>();
  for (const [room, list] of lengths) {
    list.sort((a, b) => a - b);
    if (list[Math.floor((list.length - 1) / 2)] < SHORT_MINUTES) short.add(room);
  }
  return short;
}

/**
 * Whether a session is a side session of its day: all-day items; otherwise keynotes and breaks
 * are main; sessions in a showcase/theatre/booth/expo room, or in a room whose sessions are
 * short (under 20 minutes), are side.
 */
function isSide(s: Session, short: ReadonlySet<string>): boolean {
  if (minutes(s) > ALL_DAY_MINUTES) return true;
  if (s.kind === 'keynote' || s.kind === 'break' || s.room === null) return false;
  return SIDE_ROOM.test(s.room) || short.has(s.room);
}

/** The end most sessions share (ties: the earliest). */
function commonEnd(sessions: readonly Session[]): Session {
  const counts = new Map<number, { n: number; s: Session }>();
  let best: { n: number; s: Session } | undefined;
  for (const s of sessions) {
    const end = sessionTimes(s).end;
    const c = counts.get(end) ?? { n: 0, s };
    c.n++;
    counts.set(end, c);
    if (!best || c.n > best.n || (c.n === best.n && end < sessionTimes(best.s).end)) best = c;
  }
  return best!.s;
}

/**
 * The slots of one day's sessions (schedule order: by start). Each main session's start makes a
 * slot; a side session goes under the last slot starting at or before it (the first slot when
 * it starts before every slot). A day with no main session at all (only side rooms, or a filter
 * that keeps one) has every session main.
 */
export function daySlots(day: readonly Session[]): ScheduleSlot[] {
  if (day.length === 0) return [];
  const short = shortRooms(day);
  let side = day.map((s) => isSide(s, short));
  if (side.every(Boolean)) side = side.map(() => false);
  const slots: ScheduleSlot[] = [];
  const byStart = new Map<number, ScheduleSlot>();
  for (let i = 0; i < day.length; i++) {
    if (side[i]) continue;
    const s = day[i];
    const t = sessionTimes(s);
    let slot = byStart.get(t.start);
    if (!slot) {
      slot = { start: s.start, startMs: t.start, end: s.end, endMs: t.end, main: [], side: [] };
      byStart.set(t.start, slot);
      slots.push(slot);
    }
    slot.main.push(s);
  }
  slots.sort((a, b) => a.startMs - b.startMs);
  for (const slot of slots) {
    const end = commonEnd(slot.main);
    slot.end = end.end;
    slot.endMs = sessionTimes(end).end;
  }
  // Side sessions in schedule order: one sweep along the slots.
  let k = 0;
  for (const s of day.filter((_, i) => side[i])) {
    const start = sessionTimes(s).start;
    while (k + 1 < slots.length && slots[k + 1].startMs <= start) k++;
    slots[k].side.push(s);
  }
  return slots;
}

/** Whether a slot has a session that is not a break (breaks are never "next"). */
const hasTalk = (slot: Pick<ScheduleSlot, 'main'>) => slot.main.some((s) => s.kind !== 'break');

/**
 * The slots running at `at` (start ≤ at < the slot's end; breaks included) and the next slot
 * with a talk starting after `at`, among slots in time order (the days' slots, concatenated).
 */
export function slotMarks<T extends Pick<ScheduleSlot, 'startMs' | 'endMs' | 'main'>>(slots: readonly T[], at: number): { now: T[]; next: T | undefined } {
  const now = slots.filter((s) => s.startMs <= at && at < s.endMs);
  const next = slots.find((s) => s.startMs > at && hasTalk(s));
  return { now, next };
}
