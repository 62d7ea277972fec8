/**
 * Conference schedules (issue 13), for the editor and the CLI. Runs without `vscode` and without
 * Node built-ins (also in a web worker): ical.js, fast-xml-parser, @vvo/tzdb, Intl, TextDecoder,
 * and `fetch` in load.ts only.
 */
export { ScheduleError, type Schedule, type Session } from './model';
export { parseSchedule, detectScheduleFormat, MAX_SCHEDULE_BYTES } from './parse';
export { splitSchedSummary, cleanTitle } from './byline';
export { splitByline, splitNameList, isPersonName } from '../text/byline';
export { decodeEntities, stripHtml } from './text';
export { formatInstant, localDate, localClock, localToInstant, offsetMinutes, isValidTimeZone, normalizeTimeZone, zoneFromLocation } from './time';
export {
  sessionsAt,
  sessionsNowOrSoon,
  nextSession,
  sessionDay,
  scheduleDays,
  sessionsOnDay,
  sessionClock,
  sessionTimeRange,
  sessionDescription,
  withTimeZone,
  minutesLeft,
  diffSchedules,
  describeDiff,
  summarizeSchedule,
  schedulePeople,
  speakerDifferences,
} from './query';
export { matchSession, noteTalks } from './sessionMatch';
export { daySlots, slotMarks } from './slots';
export { conferenceName } from './name';
export { formatSessionHeading, sessionKindLabel, sessionLinkLine } from './sessionHeading';
export { scheduleJson, scheduleFromJson } from './json';
export { loadSchedule, loadScheduleText, scheduleUrlProblem, isScheduleUrl } from './load';
