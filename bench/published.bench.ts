/**
 * The session matcher (issue 22) on the labelled headings of test/fixtures/published/matcherCases.ts:
 * the share of right answers (the labelled session, or no session where none is right) and of
 * wrong ones (another session: worse than none), beside the old rule (folded titles equal, the
 * talk's day first) in the same run; then the time per match on that schedule and on one of
 * 1,000 sessions (index built once per schedule, reused).
 */
import { parseNotes } from '../src/core/notes/parse';
import { matchSession, noteTalks } from '../src/core/schedule/sessionMatch';
import { scheduleDays, sessionDay } from '../src/core/schedule/query';
import type { Schedule, Session } from '../src/core/schedule/model';
import type { NoteTalk } from '../src/core/published/types';
import { CASES, SCHEDULE, SESSIONS } from '../test/fixtures/published/matcherCases';
import { median, timeRuns, type BenchRow } from './types';

const SUITE = 'published';

const fold = (t: string) =>
  t
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^(?:keynote|lightning(?: talk)?|panel)\s*\d*\s*:\s*/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The rule before issue 22: equal folded titles, the talk's day first. */
function exactTitle(talk: NoteTalk, sessions: readonly Session[]): Session | undefined {
  const key = fold(talk.title);
  const same = sessions.filter((s) => s.kind !== 'break' && fold(s.title) === key);
  return same.find((s) => sessionDay(s) === talk.day) ?? same[0];
}

function talks(): Array<{ talk: NoteTalk; expect: string | null }> {
  return CASES.map((c) => {
    const text = (c.day ? `## Day ${c.day}\n\n` : '') + `### ${c.heading}\n\nnotes\n`;
    return { talk: noteTalks(text, parseNotes(text), { scheduleDays: scheduleDays(SCHEDULE) })[0], expect: c.expect };
  });
}

export function run(): Promise<BenchRow[]> {
  const cases = talks();
  const score = (answer: (t: NoteTalk) => string | null) => {
    let right = 0;
    let wrong = 0;
    for (const { talk, expect } of cases) {
      const got = answer(talk);
      if (got === expect) right++;
      else if (got !== null) wrong++;
    }
    return { right: (100 * right) / cases.length, wrong: (100 * wrong) / cases.length };
  };
  const ours = score((t) => matchSession(t, SCHEDULE).match?.session.id ?? null);
  const old = score((t) => exactTitle(t, SESSIONS)?.id ?? null);
  const big: Schedule = {
    ...SCHEDULE,
    sessions: Array.from({ length: 1000 }, (_, i) => ({ ...SESSIONS[i % SESSIONS.length], id: `s${i}`, title: `${SESSIONS[i % SESSIONS.length].title} ${i}`, url: null })),
  };
  matchSession(cases[0].talk, big); // the index, built once
  const perMatch = (schedule: Schedule) => median(timeRuns(() => cases.forEach(({ talk }) => matchSession(talk, schedule)), 20)) / cases.length;
  const bigMatch = perMatch(big);
  return Promise.resolve([
    {
      suite: SUITE,
      name: `session matcher: right answers on ${cases.length} labelled headings`,
      value: ours.right,
      unit: '%',
      peer: { name: 'equal folded titles', value: old.right },
    },
    {
      suite: SUITE,
      name: 'session matcher: wrong sessions (worse than none)',
      value: ours.wrong,
      unit: '%',
      peer: { name: 'equal folded titles', value: old.wrong },
      goal: '0 %',
      pass: ours.wrong === 0,
    },
    { suite: SUITE, name: `session matcher: one match, ${SESSIONS.length} sessions (median)`, value: perMatch(SCHEDULE), unit: 'ms' },
    { suite: SUITE, name: 'session matcher: one match, 1,000 sessions (median)', value: bigMatch, unit: 'ms', goal: '≤ 5 ms', pass: bigMatch <= 5 },
  ]);
}
