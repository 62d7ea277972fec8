import * as assert from 'assert';
import { scoreBylines } from '../../../fixtures/bylines/cases';

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
