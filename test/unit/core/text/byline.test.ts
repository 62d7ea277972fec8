import * as assert from 'assert';
import { scoreBylines } from '../../../fixtures/bylines/cases';
import { splitByline } from '../../../../src/core/text/byline';

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

// A surname that is a word of talk titles (`Example`, `Hand`): a name only where the caller says
// the shape is a heading's byline after ` - ` (titleWordSurname), a known given name first and
// a company or another person after it.
describe('bylines: a surname that is a title word', () => {
  const heading = { titleWordSurname: true };

  it('a known given name then a title word, a company after: the person and the company', () => {
    assert.deepStrictEqual(splitByline('Ada Example, Example Corp', heading), {
      speakers: ['Ada Example'],
      companies: ['Example Corp'],
      groups: [{ speakers: ['Ada Example'], company: 'Example Corp' }],
    });
    assert.deepStrictEqual(splitByline('Grace Hand & Bo Chen, Acme', heading)?.groups, [{ speakers: ['Grace Hand', 'Bo Chen'], company: 'Acme' }]);
  });

  it('without the option (schedules, `by` bylines) such a name is refused as before', () => {
    assert.strictEqual(splitByline('Ada Example, Example Corp'), undefined);
    assert.strictEqual(splitByline('Ada Example, Example Corp', { lenient: true }), undefined);
  });

  it('not a name: no known given name first, a small word as surname, more words, capitals only, alone', () => {
    assert.strictEqual(splitByline('Example Walkthrough, Acme', heading), undefined);
    assert.strictEqual(splitByline('Example Ada, Acme', heading), undefined);
    assert.strictEqual(splitByline('Ada The, Acme', heading), undefined);
    assert.strictEqual(splitByline('Ada Of, Acme', heading), undefined);
    assert.strictEqual(splitByline('Ada Lovelace Example, Acme', heading), undefined);
    assert.strictEqual(splitByline('ADA EXAMPLE, Acme', heading), undefined);
    assert.strictEqual(splitByline('Max Scale', heading), undefined);
  });

  it('a company word as surname stays a company: `Ada Cloud` is no person', () => {
    assert.strictEqual(splitByline('Ada Cloud, Acme', heading), undefined);
  });
});
