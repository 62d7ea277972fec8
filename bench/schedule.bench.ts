/**
 * Conference schedules: importing a 600-session, ~750 KB Sched `all.ics` (generated at run time)
 * beside ical.js's bare parse of the same text (the floor: our import parses with it, then builds
 * sessions, bylines and times), and the "now" lookup of Start Talk Now beside a naive filter that
 * parses every session's times on each call; the byline splitter's score on the fixture's bylines.
 */
// @ts-expect-error -- ical.js ships ESM type declarations only; `require` gets its CommonJS build.
import ICAL from 'ical.js';
import { median, timeRuns, type BenchRow } from './types';
import { generateSchedIcs } from '../test/fixtures/schedule/generate-sched';
import { scoreBylines } from '../test/fixtures/bylines/cases';
import { nextSession, parseSchedule, sessionsNowOrSoon, type Session } from '../src/core/schedule';

const SUITE = 'schedule';

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const text = generateSchedIcs(600);
  const kb = Math.round(new TextEncoder().encode(text).length / 1024);
  const options = { source: 'bench.ics', fallbackTimeZone: 'UTC' };

  const coldStart = performance.now();
  const schedule = parseSchedule(text, options);
  const cold = performance.now() - coldStart;
  // Alternate the two so that both see the same load of a shared machine.
  const imports: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 18; i++) {
    const a = timeRuns(() => parseSchedule(text, options), 1, 0)[0];
    const b = timeRuns(() => ICAL.parse(text), 1, 0)[0];
    if (i >= 3) {
      imports.push(a);
      bare.push(b);
    }
  }
  rows.push({ suite: SUITE, name: `import Sched .ics, ${schedule.sessions.length} sessions, ${kb} KB (first)`, value: cold, unit: 'ms', goal: '≤ 150 ms', pass: cold <= 150 });
  rows.push({
    suite: SUITE,
    name: `import Sched .ics, ${schedule.sessions.length} sessions, ${kb} KB (median of 15)`,
    value: median(imports),
    unit: 'ms',
    peer: { name: 'ical.js bare ICAL.parse', value: median(bare) },
    goal: '≤ 150 ms',
    pass: median(imports) <= 150,
  });

  // "Now": running or starting within 10 minutes, at instants spread over the conference.
  const starts = schedule.sessions.map((s) => Date.parse(s.start));
  const first = Math.min(...starts);
  const span = Math.max(...starts) - first;
  let k = 0;
  const nextAt = () => first + ((k++ * 7919 * 60000) % span);
  const now = timeRuns(() => sessionsNowOrSoon(schedule.sessions, nextAt(), 10), 500, 50);
  const naive = timeRuns(
    () => {
      const at = nextAt();
      return schedule.sessions
        .filter((s: Session) => s.kind !== 'break' && ((Date.parse(s.start) <= at && at < Date.parse(s.end)) || (Date.parse(s.start) >= at && Date.parse(s.start) <= at + 600000)))
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || String(a.room).localeCompare(String(b.room)));
    },
    500,
    50,
  );
  rows.push({
    suite: SUITE,
    name: `"now" lookup (running or within 10 min), ${schedule.sessions.length} sessions (median of 500)`,
    value: median(now),
    unit: 'ms',
    peer: { name: 'filter parsing times each call', value: median(naive) },
    goal: '≤ 1 ms',
    pass: median(now) <= 1,
  });
  const next = timeRuns(() => nextSession(schedule.sessions, nextAt()), 500, 50);
  rows.push({ suite: SUITE, name: `next session after an instant (median of 500)`, value: median(next), unit: 'ms', goal: '≤ 1 ms', pass: median(next) <= 1 });
  // The byline splitter on the fixture's invented bylines (test/fixtures/bylines/cases.ts).
  const bylines = scoreBylines();
  const pct = (x: number) => Math.round(1000 * x) / 10;
  rows.push({
    suite: SUITE,
    name: `bylines, speakers exact (${bylines.n} shapes)`,
    value: pct(bylines.speakersExact),
    unit: '%',
    goal: '≥ 95 %',
    pass: bylines.speakersExact >= 0.95,
  });
  rows.push({
    suite: SUITE,
    name: `bylines, companies exact (${bylines.n} shapes)`,
    value: pct(bylines.companiesExact),
    unit: '%',
    goal: '≥ 95 %',
    pass: bylines.companiesExact >= 0.95,
  });
  rows.push({
    suite: SUITE,
    name: 'bylines, speakers that are a company, title or suffix',
    value: pct(bylines.notPeople),
    unit: '%',
    goal: '< 1 %',
    pass: bylines.notPeople < 0.01,
  });
  return rows;
}
