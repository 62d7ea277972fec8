import * as assert from 'assert';
import { addDays, daysBetween, weekdayOf } from '../../src/core/util/dates';
import { editDistance } from '../../src/core/util/editDistance';
import { firstLineOf, messageOf, stackOf } from '../../src/core/util/errors';
import { splitLines } from '../../src/core/util/lines';
import { plural } from '../../src/core/util/plural';
import { itself, lowerBound, upperBound } from '../../src/core/util/search';
import { isHttpUrl } from '../../src/core/util/url';

describe('core util', () => {
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

  it('splitLines: LF, CRLF and a lone CR end a line, as lineStarts says; the text stays as written', () => {
    assert.deepStrictEqual(splitLines('a\r\nb\rc\n\nd'), ['a', 'b', 'c', '', 'd']);
    assert.deepStrictEqual(splitLines('x\n'), ['x', '']);
    assert.deepStrictEqual(splitLines(''), ['']);
    assert.deepStrictEqual(splitLines('\ufeff---\r\n'), ['\ufeff---', ''], 'a BOM stays: offsets match the text');
  });

  it('editDistance: optimal string alignment, a swap of neighbours costs one, gives up above max', () => {
    assert.strictEqual(editDistance('kubernetes', 'kubernetes'), 0);
    assert.strictEqual(editDistance('prometheus', 'promehteus'), 1);
    assert.strictEqual(editDistance('ana lima', 'ana lma'), 1);
    assert.strictEqual(editDistance('etcd', 'envoy', 2), 3, 'max + 1 when further');
    assert.strictEqual(editDistance('kitten', 'sitting', 10), 3);
  });

  it('dates: addDays (null for what is not YYYY-MM-DD), daysBetween, weekdayOf', () => {
    assert.strictEqual(addDays('2025-02-28', 1), '2025-03-01');
    assert.strictEqual(addDays('2024-12-31', 1), '2025-01-01');
    assert.strictEqual(addDays('2025-03-01', -1), '2025-02-28');
    assert.strictEqual(addDays('2025-3-1', 1), null);
    assert.strictEqual(daysBetween('2025-03-30', '2025-04-02'), 3);
    assert.strictEqual(weekdayOf('2025-04-02'), 3, 'a Wednesday');
  });

  it('isHttpUrl: an absolute http(s) URL with a host', () => {
    assert.ok(isHttpUrl('https://example.com/a'));
    assert.ok(isHttpUrl(' http://example.com '));
    assert.ok(!isHttpUrl('ftp://example.com'));
    assert.ok(!isHttpUrl('example.com'));
    assert.ok(!isHttpUrl('https://'));
  });

  it('plural and the messages of anything thrown', () => {
    assert.strictEqual(plural(1, 'talk'), '1 talk');
    assert.strictEqual(plural(0, 'talk'), '0 talks');
    assert.strictEqual(plural(2, 'person', 'people'), '2 people');
    assert.strictEqual(messageOf(new Error('boom')), 'boom');
    assert.strictEqual(messageOf('plain'), 'plain');
    assert.strictEqual(firstLineOf(new Error('bad YAML\n  at line 3')), 'bad YAML');
    assert.match(stackOf(new Error('boom')), /^Error: boom\n/);
    assert.strictEqual(stackOf(42), '42');
  });
});
