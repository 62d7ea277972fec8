/**
 * Fuzz: thousands of random and mutated notes. Reading never throws (no internal error is
 * turned into an empty model either), and a catastrophic backtracking in any pattern would
 * never finish (mocha's timeout catches it). How long the hostile shapes take beside an
 * ordinary note is a figure of `npm run bench` (bench/hostile.bench.ts), not a test.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateNotes } from '../../../../bench/generate';
import { buildModel } from '../../../../src/core/notes/buildModel';
import { splitTalkHeading } from '../../../../src/core/notes/talkHeading';
import { plainInline } from '../../../../src/core/notes/inline';
import { parseNotes } from '../../../../src/core/notes/parse';
import { scanBlocks } from '../../../../src/core/notes/scan';
import { rng } from '../../../../bench/generate';
import { applyEdits } from '../../../../src/core/document';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { planLinkEdits } from '../../../../src/core/landscape/linkPlan';
import { findMentions } from '../../../../src/core/landscape/matcher';
import { scanMarkdown } from '../../../../src/core/landscape/proseScan';
import { checkNotes } from '../../../../src/core/publish/check';
import { analyzeText } from '../../../../src/core/analysis/noteAnalysis';
import { openFrontMatter } from '../../../../src/core/frontmatter/fields';
import { allTalks } from '../../../../src/core/notes/query';

/**
 * Pathological lines and their cousins: runs of one piece of Markdown (or of two alternating)
 * long enough that any rescan per character, recursion per nesting level or ambiguous regex
 * shows. Each is `[piece, repetitions, tail]`.
 */
const HOSTILE_RUNS: Array<[string, number, string]> = [
  ['- ', 6000, 'x'],
  ['* ', 6000, 'x'],
  ['1. ', 4000, 'x'],
  ['> ', 8000, 'x'],
  ['> - ', 4000, 'x'],
  ['- > ', 4000, 'x'],
  ['[', 100_000, ''],
  [']', 100_000, ''],
  ['[x](', 20_000, ''],
  ['[x][', 20_000, ''],
  ['![', 50_000, ''],
  ['[]( ', 30_000, ''],
  ['(link) ', 100_000, ''],
  ['[]() ', 100_000, ''],
  ['[slides]() ', 30_000, ''],
  ['(check) ', 50_000, ''],
  ['TODO ', 50_000, ''],
  [' ', 16_000, 'x'],
  ['\t', 16_000, 'x'],
  [' ', 16_000, '`'],
  ['`', 50_000, ''],
  ['`a', 50_000, ''],
  ['``x`', 30_000, ''],
  ['<', 100_000, ''],
  ['<a ', 30_000, ''],
  ['<span>', 30_000, ''],
  ['<!--', 30_000, ''],
  ['-->', 30_000, ''],
  ['<a href="x">', 20_000, ''],
  ['\\', 100_000, ''],
  ['*', 100_000, ''],
  ['_', 100_000, ''],
  ['~', 100_000, ''],
  ['&#', 50_000, ''],
  ['|', 100_000, ''],
  ['www.', 30_000, ''],
  ['http://', 20_000, ''],
  ['#', 100_000, ''],
  ['=', 100_000, ''],
  ['-', 100_000, ''],
  ['Kubernetes ', 20_000, ''],
  ['Open Policy ', 20_000, ''],
  ['We run Kubernetes with Prometheus. ', 5000, ''],
];

/** The hostile lines, also inside headings, block quotes, list items, tables, definitions and hidden drafts. */
function hostileLines(): string[] {
  const out: string[] = [];
  for (const [piece, n, tail] of HOSTILE_RUNS) {
    const run = piece.repeat(n) + tail;
    out.push(run, `### ${run}`, `> ${run}`, `- ${run}`, `| ${run} |\n|---|`, `[a]: b${run}`, `[//]: # (${run})`, `# a${run}`);
  }
  out.push('[a]: b' + ' '.repeat(16_000) + 'x', '# a' + ' '.repeat(16_000) + 'x' + ' '.repeat(16_000) + '#');
  return out;
}

/** Front matter that no parser should see: many keys, deep nesting. */
const HOSTILE_FRONT_MATTER = [
  '---\n' + Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n') + '\n---\n',
  '---\ntags: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n---\n',
  '---\na: ' + '{a: '.repeat(5000) + '1' + '}'.repeat(5000) + '\n---\n',
  '---\n' + Array.from({ length: 500 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + '\n---\n',
  '---\n' + '- '.repeat(5000) + 'x\n---\n',
  '+++\ntags = ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n+++\n',
  '---\n' + 'a: &a [' + '*a, '.repeat(1000) + ']\n---\n',
  '---\n' + 'a: &a [' + '*a, '.repeat(19) + ']\n---\n',
  '---\na: &a [x, x, x, x]\n' +
    ['b', 'c', 'd', 'e']
      .map(
        (k, i) =>
          `${k}: &${k} [${Array(4)
            .fill('*' + 'abcd'[i])
            .join(', ')}]`,
      )
      .join('\n') +
    '\n---\n',
];

const PIECES = [
  '#',
  '## ',
  '### ',
  '#### ',
  '---',
  '+++',
  '```',
  '~~~',
  '    ',
  '\t',
  '> ',
  '* ',
  '- ',
  '1. ',
  '[',
  ']',
  '(',
  ')',
  '[//]: # (',
  '<!--',
  '-->',
  '<div>',
  '|',
  '|---|',
  '`',
  '``',
  '*',
  '**',
  '_',
  '~~',
  '\\',
  '&amp;',
  'TODO',
  'FIXME',
  'TBD',
  '(link)',
  '(check)',
  '[]()',
  ' - ',
  ' – ',
  ' by ',
  ', ',
  '; ',
  ' & ',
  'Day01',
  'Day 2',
  'Monday',
  'Keynote 3:',
  '\r',
  '\n',
  '\n\n',
  '\uFEFF',
  '\u0000',
  '日本語',
  '🚀',
  '=',
  '===',
  'title: "x',
  "a = '",
  ':',
];

function mutate(text: string, r: () => number): string {
  let t = text;
  const n = 1 + Math.floor(r() * 8);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * (t.length + 1));
    const op = r();
    if (op < 0.45) t = t.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + t.slice(at);
    else if (op < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 20));
    else if (op < 0.85) {
      const lines = t.split('\n');
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 0, lines[Math.floor(r() * lines.length)] ?? '');
      t = lines.join('\n');
    } else t = t.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)].repeat(1 + Math.floor(r() * 300)) + t.slice(at);
  }
  return t;
}

function randomDoc(r: () => number): string {
  const parts: string[] = [];
  const n = 5 + Math.floor(r() * 60);
  for (let i = 0; i < n; i++) {
    let line = '';
    const m = Math.floor(r() * 6);
    for (let j = 0; j < m; j++) line += PIECES[Math.floor(r() * PIECES.length)] + (r() < 0.5 ? 'word ' : '');
    parts.push(line);
  }
  return parts.join('\n');
}

const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'notes');

describe('notes: fuzz', function () {
  this.timeout(120000);
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  seeds.push(generateNotes(200, 7));

  it('3,000 mutated and random documents: no throw, every position inside the document', () => {
    const r = rng(20241113);
    for (let i = 0; i < 3000; i++) {
      const text = i % 3 === 0 ? randomDoc(r) : mutate(seeds[i % seeds.length], r);
      buildModel(scanBlocks(text), { todoPatterns: ['XXX'] }); // throws if anything is wrong inside
      const m = parseNotes(text, { fileName: 'day3.md' });
      assert.ok(!(m.skipped ?? '').startsWith('The note could not be read'), `document ${i}: ${m.skipped}`);
      for (const todo of m.todos) assert.ok(todo.line >= 1 && todo.line <= m.lineCount && todo.column >= 1 && todo.endColumn >= todo.column);
    }
  });

  it('pathological lines and front matter: every reader finishes, nothing thrown, what was not read is said', () => {
    const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));
    const docs = [
      ...hostileLines().map((l) => `## Day 1\n### Talk - Ada Quinlan\n\n${l}\n\nTODO: after\n`),
      ...HOSTILE_FRONT_MATTER.map((f) => `${f}\n## Talk\n\nKubernetes. TODO: x\n`),
    ];
    // One document of about 2 MB made of all the hostile runs (50,000 characters of each), one after the other.
    docs.push(HOSTILE_RUNS.map(([piece, n, tail]) => piece.repeat(n).slice(0, 50_000) + tail).join('\n\n'));
    for (const text of docs) {
      const model = parseNotes(text);
      openFrontMatter(text);
      scanMarkdown(text);
      const mentions = findMentions(text, index);
      applyEdits(text, planLinkEdits(text, mentions, 'perTalk', { index, talks: allTalks(model) }));
      const problems = checkNotes(analyzeText(text, {}, { index, scope: 'cncf' }));
      const what = `${JSON.stringify(text.slice(0, 40))}… (${text.length} chars)`;
      assert.ok(!(model.skipped ?? '').startsWith('The note could not be read'), `${what}: ${model.skipped}`);
      // What was not fully read is said, and the check then never finds the note clean.
      if ((model.skippedParts ?? []).length) {
        assert.ok(
          problems.some((p) => p.kind === 'unread'),
          what,
        );
      }
    }
  });

  it('pathological headings and lines are read, nothing thrown', () => {
    const hostile = [
      '['.repeat(20000),
      '*a'.repeat(20000),
      '_'.repeat(20000),
      '`a'.repeat(20000),
      '\\'.repeat(20000),
      '[x]('.repeat(5000),
      ' - A, B'.repeat(5000),
      ' by A'.repeat(5000),
      'Day '.repeat(5000),
      '&#'.repeat(10000),
      '<'.repeat(20000),
      '[//]: # (' + '('.repeat(20000),
    ];
    for (const h of hostile) {
      plainInline(h);
      splitTalkHeading(h);
      const m = parseNotes(`## Day 1\n### ${h}\n${h}\n[//]: # (${h})\n| ${h} |\n|---|\n`);
      assert.ok(!(m.skipped ?? '').startsWith('The note could not be read'), `${JSON.stringify(h.slice(0, 12))}…: ${m.skipped}`);
    }
  });
});
