import * as assert from 'assert';
import { InMemoryDocument, applyEdits, eolOf, lineStarts } from '../../../src/core/document';

describe('core document', () => {
  it('maps offsets and positions both ways, CRLF included', () => {
    const doc = new InMemoryDocument('memory:a', 'ab\r\ncd\n\nxyz');
    assert.strictEqual(doc.lineCount, 4);
    assert.strictEqual(doc.lineText(0), 'ab');
    assert.strictEqual(doc.lineText(3), 'xyz');
    assert.deepStrictEqual(doc.positionAt(4), { line: 1, character: 0 });
    assert.strictEqual(doc.offsetAt({ line: 1, character: 1 }), 5);
    assert.strictEqual(doc.offsetAt({ line: 0, character: 99 }), 3, 'clamped to the line end');
    assert.deepStrictEqual(lineStarts('a\nb'), [0, 2]);
  });

  it('detects the line break style', () => {
    assert.strictEqual(eolOf('a\r\nb'), '\r\n');
    assert.strictEqual(eolOf('a\nb\r\n'), '\n');
    assert.strictEqual(eolOf('one line'), '\n');
  });

  it('applies non-overlapping edits in any order and rejects overlaps', () => {
    const text = 'Day01\nTalk\n';
    const edits = [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '### ' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '## ' },
    ];
    assert.strictEqual(applyEdits(text, edits), '## Day01\n### Talk\n');
    assert.throws(() =>
      applyEdits(text, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'x' },
        { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: 'y' },
      ]),
    );
  });
});
