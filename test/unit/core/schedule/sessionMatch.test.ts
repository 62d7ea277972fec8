import * as assert from 'assert';
import { parseNotes } from '../../../../src/core/notes/parse';
import { matchSession, noteTalks } from '../../../../src/core/schedule/sessionMatch';
import { scheduleDays } from '../../../../src/core/schedule/query';
import type { Schedule, Session } from '../../../../src/core/schedule/model';
import { CASES, SCHEDULE, SESSIONS } from '../../../fixtures/published/matcherCases';

const DAY = (n: number) => `2099-04-0${n}`;

/** The talk as the note gives it: the heading under `## Day N`, through the one parse. */
function talkOf(heading: string, day?: number, body = 'notes') {
  const text = (day ? `## Day ${day}\n\n` : '') + `### ${heading}\n\n${body}\n`;
  return noteTalks(text, parseNotes(text), { scheduleDays: scheduleDays(SCHEDULE) })[0];
}

describe('which session is this talk (the session matcher)', () => {
  for (const c of CASES) {
    it(`${c.why}: “${c.heading}”${c.day ? ` (day ${c.day})` : ''} → ${c.expect ?? 'no session'}`, () => {
      const r = matchSession(talkOf(c.heading, c.day), SCHEDULE);
      assert.strictEqual(r.match?.session.id ?? null, c.expect, `candidates: ${r.candidates.slice(0, 3).map((x) => `${x.session.id} ${x.score}`)}`);
      if (r.match) assert.ok(r.match.confidence >= 0.6 && r.match.confidence <= 1 && r.match.how === 'title');
    });
  }

  it('a session URL in the talk wins over the title: http or https, with or without the slug, any case of host', () => {
    for (const url of [
      'https://democon2099.sched.com/event/b7/tracing-gently',
      'http://democon2099.sched.com/event/b7',
      'https://DemoCon2099.sched.com/event/b7/',
      'https://www.democon2099.sched.com/event/b7/another-slug?iframe=no',
    ]) {
      const r = matchSession(talkOf('Prometheus v3', 1, `[Session page](${url})`), SCHEDULE);
      assert.deepStrictEqual([r.match?.session.id, r.match?.how, r.match?.confidence], ['b7', 'url', 1], url);
    }
    // Another event's page, or a slides link, is no session page: the title decides.
    const r = matchSession(talkOf('Prometheus v3', 1, '[slides](https://static.sched.com/hosted_files/democon2099/ab/b7.pdf) https://other.sched.com/event/b7'), SCHEDULE);
    assert.deepStrictEqual([r.match?.session.id, r.match?.how], ['a5', 'title']);
  });

  it('no session: the candidates for a pick list, the talk’s day first and best first, breaks never', () => {
    const r = matchSession(talkOf('Observability', 2), SCHEDULE);
    assert.strictEqual(r.match, null);
    const days = r.candidates.map((c) => c.session.start.slice(0, 10));
    const firstOther = days.findIndex((d) => d !== DAY(2));
    assert.ok(firstOther === -1 || days.slice(firstOther).every((d) => d !== DAY(2)), days.join(' '));
    assert.strictEqual(r.candidates[0].session.id, 'b4');
    const onDay = r.candidates.filter((c) => c.session.start.startsWith(DAY(2)));
    assert.deepStrictEqual(
      onDay.map((c) => c.score),
      [...onDay.map((c) => c.score)].sort((a, b) => b - a),
    );
    assert.strictEqual(onDay.length, SESSIONS.filter((s) => s.start.startsWith(DAY(2)) && s.kind !== 'break').length);
    assert.ok(r.candidates.every((c) => c.session.kind !== 'break'));
    // The ambiguous title lists both days' sessions, best first.
    const both = matchSession(talkOf('Multi-cluster networking deep dive'), SCHEDULE);
    assert.deepStrictEqual(
      both.candidates
        .slice(0, 2)
        .map((c) => c.session.id)
        .sort(),
      ['b10', 'c2'],
    );
  });

  it('speakers in the heading are evidence: the right speaker lifts a weak title, another speaker lowers it', () => {
    const withSpeaker = matchSession({ title: 'Deep dive', speakers: ['Gus Hale'], day: DAY(3) }, SCHEDULE);
    const without = matchSession({ title: 'Deep dive', day: DAY(3) }, SCHEDULE);
    const score = (r: typeof without) => r.candidates.find((c) => c.session.id === 'c2')?.score ?? 0;
    assert.ok(score(withSpeaker) > score(without), `${score(withSpeaker)} > ${score(without)}`);
    const other = matchSession({ title: 'Tracing, Gently', speakers: ['Zed Quinn'], day: DAY(2) }, SCHEDULE);
    assert.ok(other.match && other.match.confidence < 1);
  });

  it('an empty or hostile title never throws and matches nothing', () => {
    for (const title of ['', '   ', '###', '\u0000\u202e', 'a'.repeat(100000), 'x '.repeat(50000)]) {
      assert.strictEqual(matchSession({ title }, SCHEDULE).match, null);
    }
    assert.strictEqual(matchSession({ title: 'Tracing, Gently' }, { sessions: [] }).match, null);
  });

  it('linear: the steps of a match grow with the schedule, not with its square; a long title is bounded', () => {
    const big = (n: number): Schedule => ({
      ...SCHEDULE,
      sessions: Array.from({ length: n }, (_, i): Session => ({
        ...SESSIONS[i % SESSIONS.length],
        id: `x${i}`,
        title: `${SESSIONS[i % SESSIONS.length].title} part ${i}`,
        url: null,
      })),
    });
    const steps = (schedule: Schedule, title: string) => {
      const counter = { steps: 0 };
      matchSession({ title, day: DAY(2) }, schedule, counter);
      return counter.steps;
    };
    const a = steps(big(500), 'Observability for batch workloads lessons');
    const b = steps(big(1000), 'Observability for batch workloads lessons');
    assert.ok(a > 0 && b <= 2.2 * a, `${a} → ${b}`);
    const short = steps(big(500), 'tracing gently observability');
    const long = steps(big(500), 'tracing gently observability '.repeat(2000));
    assert.ok(long <= 20 * short, `${short} → ${long}`);
  });
});
