import * as assert from 'assert';
import { splitLines } from '../../../../src/core/util/lines';

describe('core/util/lines', () => {
  it('splitLines: LF, CRLF and a lone CR end a line, as lineStarts says; the text stays as written', () => {
    assert.deepStrictEqual(splitLines('a\r\nb\rc\n\nd'), ['a', 'b', 'c', '', 'd']);
    assert.deepStrictEqual(splitLines('x\n'), ['x', '']);
    assert.deepStrictEqual(splitLines(''), ['']);
    assert.deepStrictEqual(splitLines('\ufeff---\r\n'), ['\ufeff---', ''], 'a BOM stays: offsets match the text');
  });
});
