import * as assert from 'assert';
import { generateNotes, rng as random } from '../../../../bench/generate';
import { openFrontMatter } from '../../../../src/core/frontmatter/fields';
import type { Blocks } from '../../../../src/core/notes/blocks';
import { scanBlocks } from '../../../../src/core/notes/scan';
import { diffLines } from '../../../../src/core/util/lineDiff';
import { resetWork, workCounts } from '../../../../src/core/util/work';

/** The scan of `after` resumed from the scan of `before`. */
function resumed(before: string, prev: Blocks, after: string): Blocks {
  const { diff, table } = diffLines(before, { starts: prev.lineStarts, lines: prev.lines }, after);
  return scanBlocks(after, openFrontMatter(after), { prev, diff, table });
}

/** What a scan says, without the internal bookkeeping of the resumed scan. */
function facts(b: Blocks): unknown {
  const { resumed, ...rest } = b;
  void resumed; // where the scan was resumed: bookkeeping
  return { ...rest, codeSpans: [...b.codeSpans].sort((x, y) => x[0] - y[0]), definitions: [...b.definitions].sort(), definitionUrls: [...b.definitionUrls].sort() };
}

function same(before: string, after: string, what: string): Blocks {
  const prev = scanBlocks(before, openFrontMatter(before));
  const got = resumed(before, prev, after);
  assert.deepStrictEqual(facts(got), facts(scanBlocks(after, openFrontMatter(after))), what);
  return got;
}

// Lines that open and close blocks, so an edit can change what every later line is.
const EDITS = [
  '```',
  '~~~',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '',
  '- ',
  '  - item',
  '> quote',
  '    code',
  '# Day 2',
  '### Talk - Ada Example',
  'Setext',
  '---',
  '===',
  '| a | b |',
  '|---|---|',
  '[ref]: https://example.com/',
  '[//]: # (### Hidden talk)',
  'text `code',
  'more` text',
  '1. one',
  '+++',
  'TODO: slides',
  '\r',
  '日本語のメモ',
];

describe('core/notes/scanResume: a resumed block scan is the full scan', () => {
  it('agrees with a full scan after random line edits of generated notes', () => {
    const r = random(11);
    for (let round = 0; round < 200; round++) {
      let text = generateNotes(60 + Math.floor(r() * 60), round);
      for (let step = 0; step < 5; step++) {
        const lines = text.split('\n');
        const body = lines.indexOf('---', 1) + 1; // edits of the front matter: the next test
        const at = body + Math.floor(r() * (lines.length - body));
        const pick = EDITS[Math.floor(r() * EDITS.length)];
        const op = r();
        if (op < 0.4) lines[at] = pick;
        else if (op < 0.7) lines.splice(at, 0, pick);
        else if (op < 0.85) lines.splice(at, 1);
        else lines[at] += pick;
        const after = lines.join('\n');
        same(text, after, `round ${round} step ${step}: line ${at} ${op < 0.4 ? 'set to' : op < 0.7 ? 'inserted' : op < 0.85 ? 'deleted' : 'appended'} ${JSON.stringify(pick)}`);
        text = after;
      }
    }
  });

  it('agrees on edits of the front matter, the first lines and the last', () => {
    const text = '---\ntitle: x\n---\n\n## Day 1\n\n### A talk\n\n- point\n';
    same(text, text.replace('title: x', 'title: y'), 'front matter edited');
    same(text, text.replace('---\n\n', '---\n'), 'line after the front matter removed');
    same(text, text + '- more\n', 'appended');
    same(text, text.replace('---\ntitle: x\n---\n', ''), 'front matter removed');
    same('a\n\nb\n```\nc\n', 'a\n\nb\n```\nc\n```\n', 'fence closed at the end');
  });

  it('reads only the lines around a one-line edit of a long note', () => {
    const before = generateNotes(3000, 5);
    const prev = scanBlocks(before, openFrontMatter(before));
    const lines = before.split('\n');
    lines[1500] += ' typed';
    const after = lines.join('\n');
    resetWork();
    resumed(before, prev, after);
    const steps = workCounts().steps;
    resetWork();
    scanBlocks(after, openFrontMatter(after));
    const full = workCounts().steps;
    assert.ok(steps * 50 < full, `a resumed scan took ${steps} steps, a full scan ${full}`);
  });
});
