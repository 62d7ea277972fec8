/**
 * The one answer to "which session is this talk" (issue 22), for every feature that asks it
 * (Resolve TODO Link's session page, the speaker-name hints, published links): a talk of a note
 * (its title as written, speakers, day, session URLs in its section) matched to a session.
 *
 * 1. A session URL written in the talk (`[Session page](…)`, a Sched `/event/<id>`) wins.
 * 2. Else the title, folded (case, accents, punctuation, `&`), kind prefix left out: the share of
 *    what was written found in the session's title and the share of the title (or of its head,
 *    before `:`) that was written, each token weighted by how rare it is in the schedule; typos
 *    of one edit per token; the day (same day strongly preferred) and the speakers as evidence.
 *    A wrong match is worse than none: below {@link MATCH_MIN}, or with a second session within
 *    {@link MARGIN}, the answer is null with the candidates.
 * Cost: the schedule is indexed once per sessions array; a match reads the index for each of
 * its (at most 40) tokens and the sessions those tokens name, plus the talk's day for the list.
 */
import type { NotesModel } from '../notes/model';
import type { Schedule } from './model';
import { noteDayDate, type DayContext } from './editor-place';
import type { NoteTalk, SessionCandidate, SessionMatchResult, TalkQuery } from '../published/types';
import { foldTokens, sessionIndex, stripKindPrefix, titleTokens, type IndexedSession, type SessionIndex, type StepCounter } from './sessionIndex';
import { splitLines } from '../util/lines';
import { sessionDay } from './query';

/** Below this a title match is no match. */
const MATCH_MIN = 0.6;
/** A second session this close to the best makes the answer ambiguous. */
const MARGIN = 0.1;
/** Candidates listed at most. */
const MAX_CANDIDATES = 30;
/** A session of another day than the talk's counts this much. */
const OTHER_DAY = 0.7;

interface Tally {
  item: IndexedSession;
  /** Per written token (index), how well it was found in the title. */
  found: Map<number, number>;
  /** Per title token, how well it was written. */
  covered: Map<string, number>;
  /** Written tokens that are this session's speakers' names. */
  named: Set<number>;
  speakerHit: boolean;
}

function tallyOf(tallies: Map<IndexedSession, Tally>, item: IndexedSession): Tally {
  let t = tallies.get(item);
  if (!t) {
    t = { item, found: new Map(), covered: new Map(), named: new Set(), speakerHit: false };
    tallies.set(item, t);
  }
  return t;
}

const better = (m: Map<string | number, number>, k: string | number, v: number) => {
  if ((m.get(k) ?? 0) < v) m.set(k, v);
};

/** The written tokens' evidence, gathered from the index's postings. */
function gather(index: SessionIndex, tokens: readonly string[], people: readonly string[], counter?: StepCounter): Map<IndexedSession, Tally> {
  const tallies = new Map<IndexedSession, Tally>();
  tokens.forEach((q, i) => {
    for (const [t, sure] of index.similar(q, counter)) {
      for (const item of index.postingsOf(t)) {
        if (counter) counter.steps++;
        const tally = tallyOf(tallies, item);
        better(tally.found, i, sure);
        better(tally.covered, t, sure);
      }
      for (const item of index.peopleOf(t)) {
        if (counter) counter.steps++;
        tallyOf(tallies, item).named.add(i);
      }
    }
  });
  // `Contrib fest`, `Open Telemetry`: two written words that are one word of the titles.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const joined = tokens[i] + tokens[i + 1];
    if (!index.hasTitleToken(joined)) continue;
    for (const item of index.postingsOf(joined)) {
      if (counter) counter.steps++;
      const tally = tallyOf(tallies, item);
      better(tally.found, i, 1);
      better(tally.found, i + 1, 1);
      better(tally.covered, joined, 1);
    }
  }
  for (const q of people) {
    for (const t of index.similar(q, counter).keys()) {
      for (const item of index.peopleOf(t)) {
        if (counter) counter.steps++;
        tallyOf(tallies, item).speakerHit = true;
      }
    }
  }
  return tallies;
}

/** `UX` for `User Experience`: a short written word that is the initials of title words in a row. */
function acronyms(tokens: readonly string[], tally: Tally): void {
  const order = tally.item.order;
  tokens.forEach((q, i) => {
    if (tally.found.has(i) || q.length < 2 || q.length > 4 || !/^[a-z]+$/.test(q)) return;
    for (let at = 0; at + q.length <= order.length; at++) {
      let k = 0;
      while (k < q.length && order[at + k][0] === q[k]) k++;
      if (k < q.length) continue;
      tally.found.set(i, 0.85);
      for (let j = 0; j < q.length; j++) better(tally.covered, order[at + j], 0.85);
      return;
    }
  });
}

/** How well a session's title answers what was written (0..1), before day and speakers. */
function titleScore(index: SessionIndex, tokens: readonly string[], tally: Tally): number {
  acronyms(tokens, tally);
  let written = 0;
  let found = 0;
  tokens.forEach((q, i) => {
    // A speaker's name written in the title is evidence of the speaker, not a title word.
    if (tally.named.has(i) && !tally.found.has(i)) return;
    const w = index.weight(q);
    written += w;
    found += w * (tally.found.get(i) ?? 0);
  });
  if (written === 0) return 0;
  const { item } = tally;
  const covered = (set: Set<string>, total: number) => {
    let n = 0;
    for (const t of set) n += index.weight(t) * (tally.covered.get(t) ?? 0);
    return total > 0 ? n / total : 0;
  };
  const coverage = Math.max(covered(item.tokens, item.weight), item.head ? covered(item.head, item.headWeight) : 0);
  return 0.55 * (found / written) + 0.45 * coverage;
}

function scoreOf(index: SessionIndex, query: TalkQuery, tokens: readonly string[], tally: Tally, speakersWritten: boolean): number {
  const named = tally.named.size > 0 || tally.speakerHit;
  let score: number;
  if (tokens.length === 0 || tokens.every((_, i) => tally.named.has(i) && !tally.found.has(i))) {
    // `Keynote 1 by Ana Lima`: nothing but the speaker to go by.
    score = named ? 0.75 : 0;
  } else {
    score = titleScore(index, tokens, tally);
    // One word that several titles have (`Observability`) names none of them.
    if (tokens.length === 1 && index.postingsOf(tokens[0]).length > 1) score = Math.min(score, 0.5);
    if (named) score += Math.min(0.2, (1 - score) * 0.6);
    else if (speakersWritten && tally.item.session.speakers.length) score -= 0.1;
  }
  if (query.day && tally.item.day !== query.day) score *= OTHER_DAY;
  return Math.max(0, Math.min(1, score));
}

/** The candidates in pick-list order: the talk's day first, best first within. */
function ordered(scored: SessionCandidate[], day: string | undefined): SessionCandidate[] {
  const onDay = (c: SessionCandidate) => day !== undefined && sessionDay(c.session) === day;
  return scored.sort((a, b) => Number(onDay(b)) - Number(onDay(a)) || b.score - a.score).slice(0, MAX_CANDIDATES);
}

/**
 * The session a talk is, or null with the best candidates (the talk's day first, best first;
 * that day's other sessions follow so a pick list can offer them). `counter` counts the work.
 */
export function matchSession(query: TalkQuery, schedule: Pick<Schedule, 'sessions'>, counter?: StepCounter): SessionMatchResult {
  const index = sessionIndex(schedule.sessions);
  for (const url of query.urls ?? []) {
    const at = index.sessionsAtUrl(url);
    if (at.length === 1) return { match: { session: at[0].session, confidence: 1, how: 'url' }, candidates: [{ session: at[0].session, score: 1 }] };
  }
  const stripped = stripKindPrefix(query.title).rest;
  const tokens = titleTokens(stripped).filter((t, i, all) => all.indexOf(t) === i);
  const people = (query.speakers ?? []).flatMap((n) => foldTokens(n, 8)).filter((t) => t.length >= 3);
  const tallies = gather(index, stripped.trim() ? tokens : [], people, counter);
  const scored: SessionCandidate[] = [];
  const seen = new Set<IndexedSession>();
  for (const tally of tallies.values()) {
    seen.add(tally.item);
    const score = scoreOf(index, query, stripped.trim() ? tokens : [], tally, people.length > 0);
    if (score > 0.15) scored.push({ session: tally.item.session, score: round(score) });
  }
  const best = [...scored].sort((a, b) => b.score - a.score);
  if (query.day) {
    for (const item of index.items) {
      if (counter) counter.steps++;
      if (item.day === query.day && !seen.has(item)) scored.push({ session: item.session, score: 0 });
    }
  }
  const candidates = ordered(scored, query.day);
  const top = best[0];
  if (!top || top.score < MATCH_MIN || (best[1] && best[1].score > top.score - MARGIN)) return { match: null, candidates };
  return { match: { session: top.session, confidence: top.score, how: 'title' }, candidates };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Session-like URLs written in lines `from`..`to` (1-based, inclusive) of the note. */
function urlsIn(lines: readonly string[], from: number, to: number): string[] {
  const urls: string[] = [];
  for (let i = from; i <= to && i <= lines.length; i++) {
    for (const m of lines[i - 1].matchAll(/https?:\/\/[^\s()<>[\]"'`]+/g)) urls.push(m[0]);
  }
  return urls;
}

/** The note's talks (day headings' and loose ones) with their day's date and the URLs written in their sections. */
export function noteTalks(text: string | readonly string[], model: NotesModel, ctx: DayContext): NoteTalk[] {
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const implied = model.impliedDay ? noteDayDate({ title: model.impliedDay }, ctx) : undefined;
  const all = [
    ...model.talks.map((talk) => ({ talk, day: implied })),
    ...model.days.flatMap((d) => {
      const day = noteDayDate(d, ctx);
      return d.talks.map((talk) => ({ talk, day }));
    }),
  ].sort((a, b) => a.talk.line - b.talk.line);
  return all.map(({ talk, day }) => ({
    title: talk.title,
    speakers: talk.speakers,
    company: talk.company,
    day,
    urls: urlsIn(lines, talk.line, talk.endLine),
    line: talk.line,
    endLine: talk.endLine,
    hidden: talk.hidden,
  }));
}
