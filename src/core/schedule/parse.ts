/** Reading a schedule whatever its format: the format is detected from the content. */
import { ScheduleError, type Schedule, type ScheduleFormat } from './model';
import { isSchedIcs, parseIcs } from './ics';
import { isPretalxJson, isPretalxXml, parsePretalxJson, parsePretalxXml } from './pretalx';
import { isSessionizeJson, parseSessionizeJson } from './sessionize';
import type { ScheduleParseOptions } from './readerCommon';
import { firstLineOf, messageOf } from '../util/errors';

/** Largest schedule read (a big conference's Sched file is about 2 MB, FOSDEM's schedule.xml with its abstracts about 5 MB). */
export const MAX_SCHEDULE_BYTES = 16 * 1024 * 1024;

/**
 * Most sessions a schedule may have (a big conference has about a thousand): a file with more is
 * refused before it is parsed, so reading a schedule stays proportionate (about a second).
 */
export const MAX_SCHEDULE_SESSIONS = 10000;

/** Refuses more than MAX_SCHEDULE_SESSIONS items (`BEGIN:VEVENT`, `<event>`, JSON talks), counted in one pass that stops at the limit. */
function checkSessionCount(count: number | RegExp, text = ''): void {
  let n = 0;
  if (typeof count === 'number') n = count;
  else {
    count.lastIndex = 0;
    while (n <= MAX_SCHEDULE_SESSIONS && count.exec(text)) n++;
  }
  if (n > MAX_SCHEDULE_SESSIONS) throw new ScheduleError(`more than ${MAX_SCHEDULE_SESSIONS.toLocaleString('en-US')} sessions: too many for a conference schedule; it is not read`);
}

/** The talks of parsed JSON (pretalx: days → rooms → talks; Sessionize: sessions), counted without walking anything else. */
function jsonSessionCount(data: unknown): number {
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  let n = arr(obj(data).sessions).length;
  for (const day of arr(obj(obj(obj(data).schedule).conference).days)) for (const talks of Object.values(obj(obj(day).rooms))) n += arr(talks).length;
  return n;
}

const EXPECTED = 'expected a Sched or other iCalendar .ics, a pretalx/frab schedule.json or schedule.xml, or Sessionize "All" JSON';

/** Bytes or text as text: UTF-8 decoded (TextDecoder), a byte-order mark dropped. */
function scheduleText(input: string | Uint8Array | ArrayBuffer): string {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = messageOf(err);
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new ScheduleError(`not valid JSON${line ? ` (line ${line})` : ''}: ${msg}`);
  }
}

/**
 * The format of a schedule text, from its content; undefined when it is none of them. JSON is
 * parsed to tell pretalx from Sessionize (pass `json` to reuse it).
 */
export function detectScheduleFormat(text: string): ScheduleFormat | undefined {
  const head = text.slice(0, 4096).trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return isSchedIcs(text.slice(0, 65536)) ? 'sched-ics' : 'ics';
  if (head.startsWith('<')) return isPretalxXml(text.slice(0, 65536)) ? 'pretalx-xml' : undefined;
  if (head.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (isPretalxJson(data)) return 'pretalx-json';
    if (isSessionizeJson(data)) return 'sessionize-json';
  }
  return undefined;
}

/** Why a text is not a schedule, in one line. */
function notScheduleReason(text: string): string {
  const head = text.slice(0, 2048).trimStart();
  if (text.trim() === '') return 'not a schedule: the file is empty';
  if (text.slice(0, 8192).includes('\u0000')) return 'not a schedule: binary data';
  if (/^<!doctype html|^<html[\s>]/i.test(head)) return `not a schedule: this is a web page (HTML); ${EXPECTED}`;
  if (/^\[/.test(head)) return `not a schedule: a JSON list (for Sessionize use the "All" view, /api/v2/<id>/view/All); ${EXPECTED}`;
  return `not a schedule: ${EXPECTED}`;
}

/**
 * Reads a schedule from its text (or bytes). The conference's zone comes from the file, else its
 * locations, else `options.fallbackTimeZone` (the machine's); `options.timeZone` overrides.
 * Throws {@link ScheduleError} with a one-line reason (not a schedule, malformed, no sessions).
 */
export function parseSchedule(input: string | Uint8Array | ArrayBuffer, options: ScheduleParseOptions = {}): Schedule {
  try {
    return readSchedule(input, options);
  } catch (err) {
    if (err instanceof ScheduleError) throw err;
    // A reader's own failure on a hostile file (a value too deep, a date out of range) is still a file that cannot be read.
    throw new ScheduleError(`the file could not be read (${firstLineOf(err)})`);
  }
}

function readSchedule(input: string | Uint8Array | ArrayBuffer, options: ScheduleParseOptions): Schedule {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_SCHEDULE_BYTES) throw new ScheduleError(`too large for a schedule (${Math.round(size / 1048576)} MB; at most ${MAX_SCHEDULE_BYTES / 1048576} MB)`);
  const text = scheduleText(input);
  if (text.slice(0, 8192).includes('\u0000')) throw new ScheduleError(notScheduleReason(text));
  const head = text.slice(0, 4096).trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) {
    checkSessionCount(/^BEGIN:VEVENT/gim, text);
    return parseIcs(text, options);
  }
  if (head.startsWith('<') && isPretalxXml(text.slice(0, 65536))) {
    checkSessionCount(/<event[\s>/]/g, text);
    return parsePretalxXml(text, options);
  }
  if (head.startsWith('{')) {
    const data = parseJson(text);
    checkSessionCount(jsonSessionCount(data));
    if (isPretalxJson(data)) return parsePretalxJson(data, options);
    if (isSessionizeJson(data)) return parseSessionizeJson(data, options);
  }
  throw new ScheduleError(notScheduleReason(text));
}
