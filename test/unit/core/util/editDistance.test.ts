import * as assert from 'assert';
import { editDistance } from '../../../../src/core/util/editDistance';

describe('core/util/editDistance', () => {
  it('editDistance: optimal string alignment, a swap of neighbours costs one, gives up above max', () => {
    assert.strictEqual(editDistance('kubernetes', 'kubernetes'), 0);
    assert.strictEqual(editDistance('prometheus', 'promehteus'), 1);
    assert.strictEqual(editDistance('ana lima', 'ana lma'), 1);
    assert.strictEqual(editDistance('etcd', 'envoy', 2), 3, 'max + 1 when further');
    assert.strictEqual(editDistance('kitten', 'sitting', 10), 3);
  });
});
