import * as assert from 'assert';
import * as path from 'path';
import { generateNotes } from '../../../../bench/generate';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { applyEdits, InMemoryDocument, type TextEdit } from '../../../../src/core/document';
import { composeEdits, planFinish, type FinishStepId } from '../../../../src/core/publish/finish';

const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));

const NOTE = [
  '---',
  'title: "Day two"',
  'draft: true',
  'tags:',
  '  - kubernetes',
  '---',
  '',
  '## Day 2',
  '',
  '### Storage at scale - Ada Example, Example Corp',
  '',
  '- Vitness shards the database; Promethues scrapes it.',
  '- Prometheus again, and Jaeger traces.',
  '- TODO: add the slides',
  '',
  '### Second talk',
  '',
  '- Jaeger here too.',
  '',
].join('\n');

const FINISHED = [
  '---',
  'title: "Day two"',
  'draft: false',
  'tags:',
  '  - kubernetes',
  '  - vitess',
  '  - prometheus',
  '  - jaeger',
  'categories:',
  '  - vitess',
  '  - prometheus',
  '  - jaeger',
  '---',
  '',
  '## Day 2',
  '',
  '### Storage at scale - Ada Example, Example Corp',
  '',
  '- [Vitess](https://vitess.io/) shards the database; [Prometheus](https://prometheus.io/) scrapes it.',
  '- Prometheus again, and [Jaeger](https://www.jaegertracing.io/) traces.',
  '- TODO: add the slides',
  '',
  '### Second talk',
  '',
  '- [Jaeger](https://www.jaegertracing.io/) here too.',
  '',
].join('\n');

/** The edits as `[start,end)→text` on offsets, to compare shapes. */
function spans(text: string, edits: readonly TextEdit[]): string[] {
  const doc = new InMemoryDocument('memory:test', text);
  return edits.map((e) => `${doc.offsetAt(e.range.start)}-${doc.offsetAt(e.range.end)}:${e.newText}`);
}

function assertNoOverlap(text: string, edits: readonly TextEdit[]): void {
  const doc = new InMemoryDocument('memory:test', text);
  let at = -1;
  for (const e of edits) {
    const start = doc.offsetAt(e.range.start);
    assert.ok(start > at, `edits overlap or touch at ${start}`);
    at = doc.offsetAt(e.range.end);
  }
}

describe('Finish Post plan', () => {
  it('describes each step on the note and plans typo fixes, links, tags and draft off as one set of edits', () => {
    const plan = planFinish(NOTE, index);
    assert.deepStrictEqual(
      plan.steps.map((s) => [s.id, s.label, s.detail, s.count]),
      [
        ['typos', 'Fix 2 typos', 'Vitness → Vitess, Promethues → Prometheus', 2],
        ['links', 'Link 4 project mentions', 'Vitess, Prometheus, Jaeger (2)', 4],
        ['tags', 'Add 6 tags', 'tags: vitess, prometheus, jaeger; categories: vitess, prometheus, jaeger', 6],
        ['draft', 'Turn draft off', 'draft: false', 1],
      ],
    );
    assert.strictEqual(plan.text, FINISHED);
    // The edits are on the original text, never overlap, and give the finished text.
    assertNoOverlap(NOTE, plan.edits);
    assert.strictEqual(applyEdits(NOTE, plan.edits), FINISHED);
    // A typo that is then linked is one edit of what the user wrote.
    const typo = NOTE.indexOf('Promethues');
    assert.ok(spans(NOTE, plan.edits).includes(`${typo}-${typo + 'Promethues'.length}:[Prometheus](https://prometheus.io/)`), spans(NOTE, plan.edits).join('\n'));
    // Nothing else of the user's text is rewritten: each edit replaces a typo, a mention, the draft value, or inserts tags.
    const replaced = spans(NOTE, plan.edits).map((s) => {
      const [range] = s.split(':');
      const [a, b] = range.split('-').map(Number);
      return NOTE.slice(a, b);
    });
    assert.deepStrictEqual(replaced, ['true', '', 'Vitness', 'Promethues', 'Jaeger', 'Jaeger']);
  });

  it('leaves out the steps not chosen, and the later steps see the text without them', () => {
    const only = (...ids: FinishStepId[]) => planFinish(NOTE, index, { steps: new Set(ids) });
    const linksOnly = only('links');
    assert.ok(linksOnly.text.includes('- Vitness shards the database; Promethues scrapes it.'), 'typos kept');
    assert.ok(linksOnly.text.includes('- [Prometheus](https://prometheus.io/) again, and [Jaeger](https://www.jaegertracing.io/) traces.'), 'the first correct mention is linked');
    assert.ok(linksOnly.text.includes('draft: true'));
    assert.ok(!linksOnly.text.includes('categories'));
    // The plan still says what every step would do, on the text the chosen steps leave.
    assert.deepStrictEqual(
      linksOnly.steps.map((s) => s.count),
      [2, 3, 4, 1],
    );

    const draftOnly = only('draft');
    assert.strictEqual(draftOnly.text, NOTE.replace('draft: true', 'draft: false'));
    assert.strictEqual(draftOnly.edits.length, 1);

    const none = only();
    assert.strictEqual(none.text, NOTE);
    assert.deepStrictEqual(none.edits, []);
  });

  it('says when a step has nothing to do, and changes nothing on a finished note', () => {
    const plan = planFinish(FINISHED, index);
    assert.deepStrictEqual(
      plan.steps.map((s) => [s.id, s.label, s.count]),
      [
        ['typos', 'No typos of project names', 0],
        ['links', 'No unlinked project mentions', 0],
        ['tags', 'No tags to add', 0],
        ['draft', 'Draft is off', 0],
      ],
    );
    assert.deepStrictEqual(plan.edits, []);
    assert.strictEqual(plan.text, FINISHED);
  });

  it('does the body steps when the front matter cannot be read, and says why the others cannot run', () => {
    const text = '---\ntitle: "Unclosed"\ndraft: true\n\n### A talk\n\n- Promethues and Jaeger.\n';
    const plan = planFinish(text, index);
    assert.deepStrictEqual(
      plan.steps.map((s) => [s.id, s.count, !!s.problem]),
      [
        ['typos', 1, false],
        ['links', 2, false],
        ['tags', 0, true],
        ['draft', 0, true],
      ],
    );
    assert.match(plan.steps[2].detail, /never closed/);
    assert.strictEqual(plan.steps[3].label, 'Cannot turn draft off');
    assert.strictEqual(plan.text, text.replace('- Promethues and Jaeger.', '- [Prometheus](https://prometheus.io/) and [Jaeger](https://www.jaegertracing.io/).'));
  });

  it('a note without front matter or draft field gets links but no draft field', () => {
    const text = '### A talk\n\n- We use Jaeger.\n';
    const plan = planFinish(text, index, { tagFields: [] });
    assert.strictEqual(plan.text, '### A talk\n\n- We use [Jaeger](https://www.jaegertracing.io/).\n');
    assert.deepStrictEqual(
      plan.steps.map((s) => s.label),
      ['No typos of project names', 'Link 1 project mention', 'No tags to add', 'Draft is off'],
    );
  });

  it('keeps CRLF line breaks and TOML front matter', () => {
    const text = ['+++', "title = 'Day one'", 'draft = true', "tags = ['kubernetes']", '+++', '', '### Talk', '', '- Jaeger traces.', ''].join('\r\n');
    const plan = planFinish(text, index);
    assert.strictEqual(
      plan.text,
      [
        '+++',
        "title = 'Day one'",
        'draft = false',
        "tags = ['kubernetes', 'jaeger']",
        "categories = ['jaeger']",
        '+++',
        '',
        '### Talk',
        '',
        '- [Jaeger](https://www.jaegertracing.io/) traces.',
        '',
      ].join('\r\n'),
    );
    assert.strictEqual(applyEdits(text, plan.edits), plan.text);
  });
});

describe('Finish Post on odd and large notes', () => {
  const cases: Record<string, string> = {
    'a typo 20,000 times in one talk': '---\ndraft: true\n---\n\n### Talk\n\n' + 'Promethues and Jaeger. '.repeat(20_000) + '\n',
    'lone CR line breaks': '---\rtitle: CR\rdraft: yes\rtags: [kubernetes]\r---\r\r### Talk\r\rWe run Promethues. TODO: slides\r',
    'a BOM and CRLF': '\uFEFF---\r\ntitle: BOM\r\ndraft: true\r\n---\r\n\r\n### Talk\r\n\r\n- Jaeger.\r\n',
    'tags written as text': '---\ntitle: T\ntags: kubernetes\ndraft: true\n---\n\n### Talk\n\n- Jaeger.\n',
    'a generated note of 5,000 lines': generateNotes(5_000, 9),
    'no text': '',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: planned without throwing, and the edits give the planned text`, () => {
      const plan = planFinish(text, index);
      assert.strictEqual(plan.steps.length, 4);
      assert.strictEqual(applyEdits(text, plan.edits), plan.text);
      assertNoOverlap(text, plan.edits);
    });
  }

  it('fixes and links the repeated typo: each fix is one edit, the first in the talk is linked', () => {
    const text = '### Talk\n\n' + '- We use Promethues.\n'.repeat(1000);
    const plan = planFinish(text, index, { tagFields: [] });
    assert.deepStrictEqual(
      plan.steps.map((s) => s.label),
      ['Fix 1000 typos', 'Link 1 project mention', 'No tags to add', 'Draft is off'],
    );
    assert.strictEqual(plan.steps[0].detail, 'Promethues → Prometheus (1000)');
    assert.strictEqual(plan.edits.length, 1000);
    assert.strictEqual(plan.text, '### Talk\n\n- We use [Prometheus](https://prometheus.io/).\n' + '- We use Prometheus.\n'.repeat(999));
  });
});

describe('composeEdits', () => {
  /** A small deterministic random number generator (tests must be repeatable). */
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  /** Random non-overlapping edits on `text` (inserts, deletes, replacements; at line breaks too). */
  function randomEdits(text: string, next: () => number): TextEdit[] {
    const doc = new InMemoryDocument('memory:test', text);
    const edits: TextEdit[] = [];
    let at = 0;
    while (at <= text.length && edits.length < 8) {
      const start = at + Math.floor(next() * 6);
      if (start > text.length) break;
      const end = Math.min(text.length, start + Math.floor(next() * 4));
      const newText = ['', 'x', 'yz\n', '[link](u)', '\r\n'][Math.floor(next() * 5)];
      edits.push({ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText });
      at = end + 1;
    }
    return edits;
  }

  it('gives the same text as applying each round in turn, with edits on the original that never overlap', () => {
    const next = rng(18);
    for (let trial = 0; trial < 500; trial++) {
      const original = ['ab\ncd', 'Promethues\r\nline two\n', '', 'one\n\ntwo three\n'][trial % 4].repeat(1 + (trial % 3));
      let sequential = original;
      const rounds = Array.from({ length: 1 + (trial % 4) }, () => (current: string) => {
        assert.strictEqual(current, sequential, 'each round sees the text the rounds before it leave');
        const edits = randomEdits(current, next);
        sequential = applyEdits(current, edits);
        return edits;
      });
      const composed = composeEdits(original, rounds);
      assert.strictEqual(composed.text, sequential, `trial ${trial}`);
      assert.strictEqual(applyEdits(original, composed.edits), sequential, `trial ${trial}: the composed edits`);
    }
  });

  it('an edit that rewrites what an earlier round wrote is one edit on the original', () => {
    const text = 'We use Promethues daily.';
    const composed = composeEdits(text, [
      () => [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 17 } }, newText: 'Prometheus' }],
      () => [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 17 } }, newText: '[Prometheus](https://prometheus.io/)' }],
    ]);
    assert.deepStrictEqual(spans(text, composed.edits), ['7-17:[Prometheus](https://prometheus.io/)']);
  });

  it('refuses overlapping edits of one round (a bug in the caller, never a guess)', () => {
    const r = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } });
    assert.throws(
      () =>
        composeEdits('abcdef', [
          () => [
            { range: r(0, 3), newText: 'x' },
            { range: r(2, 4), newText: 'y' },
          ],
        ]),
      /overlapping/,
    );
  });
});
