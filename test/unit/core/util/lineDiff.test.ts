import * as assert from 'assert';
import { rng as random } from '../../../../bench/generate';
import { diffLines, lineTable, oldLineOf } from '../../../../src/core/util/lineDiff';

const PIECES = ['a', 'b', ' ', '#', '\n', '\r\n', '\r', '\ufeff', '日本', '- ', '```'];

function text(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

/** Asserts that the diff's table is the new text's table, and that every unchanged line really is unchanged. */
function check(before: string, after: string): void {
  const prev = lineTable(before);
  const { diff, table } = diffLines(before, prev, after);
  const fresh = lineTable(after);
  assert.deepStrictEqual(table, fresh, `tables of ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  for (let k = 0; k < fresh.lines.length; k++) {
    const j = oldLineOf(diff, k);
    if (j < 0) continue;
    assert.strictEqual(prev.lines[j], fresh.lines[k], `line ${k} (old ${j}) of ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    assert.strictEqual(prev.starts[j] + (k < diff.head ? 0 : diff.shift), fresh.starts[k]);
  }
}

describe('core/util/lineDiff', () => {
  it('keeps the lines before and after a one-line edit, and only those', () => {
    const before = 'one\ntwo\nthree\nfour\nfive\n';
    const after = 'one\ntwo\nthreeX\nfour\nfive\n';
    const { diff } = diffLines(before, lineTable(before), after);
    assert.deepStrictEqual(diff, { head: 1, oldTail: 3, newTail: 3, shift: 1 });
    check(before, after);
  });

  it('counts lines added and removed', () => {
    const before = 'one\ntwo\nthree\nfour\n';
    const after = 'one\ntwo\nnew\nlines\nthree\nfour\n';
    const { diff } = diffLines(before, lineTable(before), after);
    assert.strictEqual(diff.newTail - diff.oldTail, 2);
    check(before, after);
    check(after, before);
  });

  it('reads a lone CR that became CRLF, a BOM typed before the first line, and empty texts', () => {
    check('a\rb\rc', 'a\r\nb\rc');
    check('a\r\nb', 'a\rb');
    check('abc\n', '\ufeffabc\n');
    check('', 'x');
    check('x', '');
    check('\n\n\n', '\n\n');
    check('same\n', 'same\n');
  });

  it('agrees with a fresh split on random texts and random edits', () => {
    const r = random(7);
    for (let round = 0; round < 3000; round++) {
      const before = text(r, Math.floor(r() * 30));
      const at = Math.floor(r() * (before.length + 1));
      const cut = Math.min(before.length, at + Math.floor(r() * 4));
      const after = before.slice(0, at) + text(r, Math.floor(r() * 4)) + before.slice(cut);
      check(before, after);
    }
  });
});
