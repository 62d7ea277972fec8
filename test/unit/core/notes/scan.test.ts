/**
 * The fast scanner must yield exactly what the remark-based reference reader yields: the same
 * blocks (headings, hidden lines, paragraphs, code, code spans, definitions) and the same model,
 * on every fixture and on generated notes.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateNotes } from '../../../../bench/generate';
import { parseNotes } from '../../../../src/core/notes/parse';
import { parseNotesReference, referenceBlocks } from '../../../support/notesReference';
import { scanBlocks } from '../../../../src/core/notes/scan';
import { LineKind } from '../../../../src/core/notes/blocks';

const RAW_KINDS = new Set<number>([LineKind.Code, LineKind.Html, LineKind.Definition, LineKind.FrontMatter]);

const FIXTURE_DIRS = [path.join(__dirname, '..', '..', '..', 'fixtures', 'notes'), path.join(__dirname, '..', '..', '..', 'fixtures', 'workspace', 'notes')];

function fixtures(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const dir of FIXTURE_DIRS) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith('.md')) out.push([path.relative(path.join(__dirname, '..', '..', '..'), path.join(dir, f)), fs.readFileSync(path.join(dir, f), 'utf8')]);
    }
  }
  return out;
}

/** Blocks in a comparable form (blank lines carry nothing, so their `excluded` flag is ignored). */
async function compareBlocks(text: string): Promise<void> {
  const a = scanBlocks(text);
  const b = await referenceBlocks(text);
  const norm = (x: typeof a) => ({
    headings: x.headings.map((h) => ({ line: h.line, level: h.level, raw: h.raw })),
    hidden: x.hidden,
    paragraphStarts: x.paragraphStarts,
    excluded: x.lines.map((l, i) => (/\S/.test(l) ? x.excluded[i] : 0)).join(''),
    codeSpans: [...x.codeSpans.entries()].filter(([, s]) => s.length).sort((p, q) => p[0] - q[0]),
    definitions: [...x.definitions].sort(),
    frontMatter: x.frontMatter,
    // Lines no inline reader may touch: code, HTML blocks, definitions, front matter.
    raw: x.lines.map((l, i) => (/\S/.test(l) && RAW_KINDS.has(x.kind[i]) ? x.kind[i] : 0)).join(''),
  });
  assert.deepStrictEqual(norm(a), norm(b));
}

describe('notes: fast scanner = remark reference', () => {
  const all = fixtures();
  it('has fixtures to compare', () => assert.ok(all.length >= 14, `${all.length} fixtures`));

  for (const [name, text] of all) {
    it(`same blocks and model: ${name}`, async () => {
      await compareBlocks(text);
      const fileName = path.basename(name);
      assert.deepStrictEqual(parseNotes(text, { fileName }), await parseNotesReference(text, { fileName }));
    });
    it(`same model with CRLF and a BOM: ${name}`, async () => {
      const crlf = '\uFEFF' + text.replace(/\r?\n/g, '\r\n');
      assert.deepStrictEqual(parseNotes(crlf), await parseNotesReference(crlf));
    });
  }

  for (const [seed, lines] of [
    [1, 3000],
    [2, 800],
    [3, 800],
  ]) {
    it(`same model on generated notes (seed ${seed}, ${lines} lines)`, async () => {
      const text = generateNotes(lines, seed);
      await compareBlocks(text);
      const a = parseNotes(text);
      assert.ok(a.days.length >= lines / 400 && a.todos.length >= lines / 60, 'the generated note has days and TODOs');
      assert.deepStrictEqual(a, await parseNotesReference(text));
    });
  }

  it('the facts every reader uses: HTML blocks (7 kinds), definitions, code spans across lines, setext, lists, lone CR', async () => {
    const texts = [
      // HTML blocks: each start condition and its end condition, also with blank lines inside.
      '<pre>\nKubernetes\n\nstill pre\n</pre>\nafter\n\n<script>\nx\n\n</script> tail\n\n<style>a{}</style>\npara\n',
      '<textarea>\n\n</textarea>\n<!-- a\n\ncomment --> text after\n\n<?php\n\n?>\n<!DOCTYPE html>\n<![CDATA[\n\n]]>\n',
      '<div>\nblock until blank\n\nparagraph\n\n<custom-tag attr="1">\nblock 7\n\ntext <span>inline</span>\n<span>\nnot a block after text\n',
      '- item\n  <div>\n  in item\n\n> <!-- quoted\n> comment -->\n\n<!-- c --> Kubernetes on the same line\n',
      // One-line definitions, glued to a paragraph or not, and hidden drafts (a definition spread over lines is not read as one yet).
      '[a]: https://a.example\n[b]: <https://b.example> "T"\n\npara\n[d]: https://d.example\n\n[//]: # (hidden)\n[e]: x' + ' '.repeat(40) + '\n',
      // Code spans across the lines of a paragraph, in list items and quotes, escaped backticks.
      'Run `kubectl\nget pods` now and ``a\n`b`\nc`` end.\n\n- item `code\n  more` x\n\n> quoted `one\n> two` three\n\n\\`not code` and `code`\n',
      'Unclosed ` here\nand `closed` there\n\n# Head `code\nnext` line\n',
      // Setext headings and nested lists.
      'Title\nover two lines\n===\n\n- a\n  - b\n    - c `x`\n\n1. one\n   text\n\n   ```\n   code\n   ```\n',
      // Lone CR and mixed line breaks.
      '---\rtitle: CR\r---\r\r## Day 1\r\r```\rcode\r```\r<div>\rhtml\r\rpara `a\rb`\r',
      '## Mixed\r\nline\rbreaks\nhere `x\r\ny`\n',
    ];
    for (const [k, text] of texts.entries()) {
      await compareBlocks(text).catch((err: Error) => assert.fail(`text ${k} ${JSON.stringify(text)}: ${err.message}`));
      assert.deepStrictEqual(parseNotes(text), await parseNotesReference(text), `text ${k}`);
    }
  });

  it('headings with inline markup: same titles as remark', async () => {
    const heads = [
      '[Thanos](https://thanos.io/) project update v0.36',
      'What is [a patching tool](https://example.com/x_(y))?',
      '**Bold** and *em* and _under_ and __strong__',
      'snake_case_name and 2*3*4 and a * b',
      '`code` and ``double `tick` code``',
      '~~struck~~ and ~single~ and ~~~three~~~',
      'Escapes \\* \\_ \\[ \\] \\# \\\\',
      'Entities &amp; &lt;tag&gt; &copy; &#169; &#x2014; &unknown;',
      '![logo](img.png "t") with <https://auto.link> and <span>html</span>',
      '[ref link][k8s] and [k8s] and [missing][] and [^1]',
      'Nested [**bold link**](https://x.example) and [`code link`](y)',
      '***strong em*** and **unclosed and *mixed**',
      'Link with title [t](https://x.example "Title") end',
      '[not a link] (space) and [a](<angle url>)',
    ];
    const text = heads.map((h) => `### ${h}\n`).join('\n') + '\n[k8s]: https://kubernetes.io\n';
    await compareBlocks(text);
    const a = parseNotes(text);
    const b = await parseNotesReference(text);
    assert.deepStrictEqual(
      a.talks.map((t) => t.title),
      b.talks.map((t) => t.title),
    );
  });
});
