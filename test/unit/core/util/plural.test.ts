import * as assert from 'assert';
import { plural } from '../../../../src/core/util/plural';

describe('core/util/plural', () => {
  it('plural: a count with its noun', () => {
    assert.strictEqual(plural(1, 'talk'), '1 talk');
    assert.strictEqual(plural(0, 'talk'), '0 talks');
    assert.strictEqual(plural(2, 'person', 'people'), '2 people');
  });
});
