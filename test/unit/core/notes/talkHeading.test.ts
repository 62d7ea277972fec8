import * as assert from 'assert';
import { headingLineByline, splitTalkHeading } from '../../../../src/core/notes/talkHeading';

describe('talk headings: a speaker whose surname is a title word', () => {
  it('`Title - Ada Example, Example Corp`: speaker Ada Example, company Example Corp', () => {
    const parts = splitTalkHeading('Tracing in practice - Ada Example, Example Corp');
    assert.strictEqual(parts.title, 'Tracing in practice');
    assert.deepStrictEqual(parts.speakers, ['Ada Example']);
    assert.strictEqual(parts.company, 'Example Corp');
    assert.deepStrictEqual(parts.companies, ['Example Corp']);
  });

  it('the byline is read from the dash (so its words are no project mentions)', () => {
    const line = '### Tracing - Ada Example, Example Corp';
    const b = headingLineByline(line);
    assert.ok(b);
    assert.strictEqual(line.slice(b.start, b.end), 'Ada Example, Example Corp');
  });

  it('with another speaker and a kind: `Keynote: Growth - Ada Example & Bo Chen, Acme`', () => {
    const parts = splitTalkHeading('Keynote: Growth - Ada Example & Bo Chen, Acme');
    assert.strictEqual(parts.title, 'Keynote: Growth');
    assert.deepStrictEqual(parts.speakers, ['Ada Example', 'Bo Chen']);
    assert.strictEqual(parts.company, 'Acme');
    assert.strictEqual(parts.kind, 'Keynote');
  });

  it('ordinary titles stay whole: `Intro - Example Walkthrough`, `Deep Dive - Max Scale`', () => {
    for (const heading of ['Intro - Example Walkthrough', 'Deep Dive - Max Scale', 'Intro - Example Walkthrough, Part 2', 'Scaling - Ada The, Acme']) {
      const parts = splitTalkHeading(heading);
      assert.strictEqual(parts.title, heading, heading);
      assert.deepStrictEqual(parts.speakers, [], heading);
      assert.strictEqual(parts.company, null, heading);
      assert.strictEqual(headingLineByline(`### ${heading}`), undefined, heading);
    }
  });

  it('only after a dash: `Talk 1: Ada Example - Scaling` and `Scaling by Ada Example` keep their text', () => {
    assert.deepStrictEqual(splitTalkHeading('Talk 1: Ada Example - Scaling').speakers, []);
    assert.deepStrictEqual(splitTalkHeading('Scaling by Ada Example').speakers, []);
  });
});
