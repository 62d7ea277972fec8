import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadIndexFile } from '../../src/cli/common';
import { evaluate, parseAnnotated } from '../../src/core/landscape/evaluate';

const root = path.join(__dirname, '..', '..');
const index = loadIndexFile(path.join(root, 'data', 'landscape.json'));
const dir = path.join(root, 'test', 'fixtures', 'eval');
const notes = fs
  .readdirSync(dir)
  .filter((f) => /^\d+-.*\.md$/.test(f))
  .sort()
  .map((f) => ({ name: f, annotated: fs.readFileSync(path.join(dir, f), 'utf8') }));

function report(r: ReturnType<typeof evaluate>): string {
  const fp = r.falsePositives.map((x) => `  FP ${x.note}:${x.line} ${x.action} "${x.text}" -> ${x.project}`);
  const fn = r.falseNegatives.map((x) => `  FN ${x.note}:${x.line} ${x.action} "${x.text}" -> ${x.project}`);
  return [
    `link P=${r.link.precision.toFixed(3)} R=${r.link.recall.toFixed(3)} (${r.link.correct}/${r.link.predicted} predicted, ${r.link.gold} gold); suggest P=${r.suggest.precision.toFixed(3)} R=${r.suggest.recall.toFixed(3)}`,
    ...fp,
    ...fn,
  ].join('\n');
}

describe('matcher evaluation set', () => {
  it('has several notes and a few hundred labelled mentions', () => {
    assert.ok(notes.length >= 5, `${notes.length} notes`);
    const gold = notes.flatMap((n) => parseAnnotated(n.annotated, index).gold);
    assert.ok(gold.length >= 250, `${gold.length} labelled mentions`);
    assert.ok(gold.filter((g) => g.action === 'suggest').length >= 8, 'typos are labelled');
  });

  it('links with precision ≥ 0.98 and recall ≥ 0.95', () => {
    const r = evaluate(notes, index);
    if (process.env.TALK_CAPTURE_EVAL_VERBOSE) console.log(report(r));
    else console.log(`      ${r.link.gold} labelled links: precision ${r.link.precision.toFixed(3)}, recall ${r.link.recall.toFixed(3)}`);
    assert.ok(r.link.precision >= 0.98, report(r));
    assert.ok(r.link.recall >= 0.95, report(r));
  });

  it('suggests the labelled typos and few others', () => {
    const r = evaluate(notes, index);
    assert.ok(r.suggest.recall >= 0.9, report(r));
    assert.ok(r.suggest.precision >= 0.6, report(r));
  });

  it('scores the same with CRLF line endings', () => {
    const lf = evaluate(notes, index);
    const crlf = evaluate(
      notes.map((n) => ({ name: n.name, annotated: n.annotated.replace(/\n/g, '\r\n') })),
      index,
    );
    assert.deepStrictEqual({ ...crlf.link }, { ...lf.link });
  });

  it('fails on a note whose labels disagree (the score is not fixed)', () => {
    // Labelling an ordinary word as a link must lower recall: the evaluation really compares.
    const r = evaluate([{ name: 'x', annotated: 'We ⟦spin|Spin⟧ up clusters with ⟦Prometheus⟧ and Helm charts.' }], index);
    assert.strictEqual(r.link.gold, 2);
    assert.ok(r.link.recall < 1);
  });
});
