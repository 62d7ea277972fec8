import * as assert from 'assert';
import { itself, lowerBound, upperBound } from '../../../../src/core/util/search';

describe('core/util/search', () => {
  it('lowerBound and upperBound: the first index at or after, and after, a value', () => {
    const list = [1, 3, 3, 3, 7];
    assert.deepStrictEqual(
      [0, 1, 3, 4, 7, 8].map((v) => [lowerBound(list, v, itself), upperBound(list, v, itself)]),
      [
        [0, 0],
        [0, 1],
        [1, 4],
        [4, 4],
        [4, 5],
        [5, 5],
      ],
    );
    assert.strictEqual(lowerBound([], 1, itself), 0);
    const talks = [{ line: 2 }, { line: 9 }, { line: 30 }];
    assert.strictEqual(
      upperBound(talks, 9, (t) => t.line),
      2,
      'by a key',
    );
    assert.strictEqual(lowerBound(['argo', 'etcd', 'flux'], 'etc', itself), 1, 'strings');
  });

  it('binary search reads O(log n) keys (counted, not timed)', () => {
    for (const n of [1_000, 10_000, 100_000]) {
      const list = Array.from({ length: n }, (_, i) => i * 2);
      let reads = 0;
      const key = (v: number) => {
        reads++;
        return v;
      };
      for (const v of [-1, 0, n, 2 * n - 1, 3 * n]) upperBound(list, v, key);
      assert.ok(reads <= 5 * Math.ceil(Math.log2(n + 1)), `${reads} key reads for 5 searches in ${n}`);
    }
  });
});
