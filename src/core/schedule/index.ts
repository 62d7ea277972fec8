/**
 * Conference schedules (issue 13), for the editor and the CLI. Runs without `vscode` and without
 * Node built-ins (also in a web worker): ical.js, fast-xml-parser, @vvo/tzdb, Intl, TextDecoder,
 * and `fetch` in load.ts only.
 */
export { ScheduleError, SESSION_KINDS, type Schedule, type ScheduleFormat, type Session, type SessionKind } from './model';
export { parseSchedule, detectScheduleFormat, scheduleText, MAX_SCHEDULE_BYTES } from './parse';
export type { ScheduleParseOptions } from './build';
export { roomFromLocation } from './build';
export { parseIcs } from './ics';
export { parsePretalxJson, parsePretalxXml, parseDuration } from './pretalx';
export { parseSessionizeJson, companyFromTagLine } from './sessionize';
export { splitByline, splitSchedSummary, splitNameList, cleanTitle, isPersonName, isJobTitle, type BylineParts, type SpeakerGroup, type SchedSummary } from './byline';
export { classifyKind } from './kind';
export { decodeEntities, stripHtml } from './text';
export { formatInstant, localDate, localClock, localToInstant, offsetMinutes, isValidTimeZone, normalizeTimeZone, systemTimeZone, zoneFromLocation } from './time';
export {
  sessionTimes,
  sortSessions,
  compareSessions,
  sessionsAt,
  sessionsNowOrSoon,
  nextSession,
  sessionDay,
  scheduleDays,
  sessionsOnDay,
  sessionClock,
  sessionTimeRange,
  withTimeZone,
  minutesLeft,
  diffSchedules,
  describeDiff,
  summarizeSchedule,
  schedulePeople,
  foldForMatch,
  findSessionByTitle,
  speakerDifferences,
  type ScheduleDiff,
  type SessionChange,
  type SessionFilter,
} from './query';
export { formatSessionHeading, sessionKindLabel, sessionLinkLine, type SessionHeadingOptions } from './heading';
export { scheduleJson, sessionJson, scheduleFromJson, type ScheduleJson, type SessionJson } from './json';
export { loadSchedule, loadScheduleText, scheduleUrlProblem, isScheduleUrl, type LoadOptions } from './load';
