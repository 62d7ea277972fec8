import * as assert from 'assert';
import { splitSchedSummary } from '../../src/core/schedule';
import { BYLINE_CASES, NOT_PEOPLE } from '../fixtures/bylines/cases';

/** The byline splitter scored on the fixture's shapes: exact speakers, exact companies, speakers that are no people. */
function scoreBylines() {
  let speakersExact = 0;
  let companiesExact = 0;
  let speakers = 0;
  let notPeople = 0;
  const misses: string[] = [];
  for (const c of BYLINE_CASES) {
    const s = splitSchedSummary(c.summary);
    const okSpeakers = JSON.stringify(s.speakers) === JSON.stringify(c.speakers);
    const okCompanies = JSON.stringify(s.companies) === JSON.stringify(c.companies);
    if (okSpeakers) speakersExact++;
    if (okCompanies) companiesExact++;
    speakers += s.speakers.length;
    notPeople += s.speakers.filter((n) => NOT_PEOPLE.has(n)).length;
    if (!okSpeakers || !okCompanies) misses.push(`${c.summary}\n    got ${JSON.stringify(s.speakers)} ${JSON.stringify(s.companies)}`);
  }
  const n = BYLINE_CASES.length;
  return { n, speakersExact: speakersExact / n, companiesExact: companiesExact / n, notPeople: speakers ? notPeople / speakers : 0, misses };
}

describe('bylines: scored on hundreds of shapes', () => {
  it('speakers exact ≥ 95 %, companies exact ≥ 95 %, under 1 % of speakers a company, title or suffix', () => {
    const r = scoreBylines();
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    console.log(`      ${r.n} bylines: speakers exact ${pct(r.speakersExact)}, companies exact ${pct(r.companiesExact)}, speakers that are no people ${pct(r.notPeople)}`);
    assert.ok(r.n >= 300, `${r.n} cases`);
    const detail = r.misses.slice(0, 20).join('\n  ');
    assert.ok(r.speakersExact >= 0.95, `speakers exact ${pct(r.speakersExact)}:\n  ${detail}`);
    assert.ok(r.companiesExact >= 0.95, `companies exact ${pct(r.companiesExact)}:\n  ${detail}`);
    assert.ok(r.notPeople < 0.01, `speakers that are no people ${pct(r.notPeople)}:\n  ${detail}`);
  });
});
