/**
 * Fuzz: thousands of random and mutated notes. Reading never throws (no internal error is
 * turned into an empty model either) and takes bounded time per document (no catastrophic
 * backtracking in any pattern).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateNotes } from '../../bench/generate';
import { buildModel } from '../../src/core/notes/build';
import { splitTalkHeading } from '../../src/core/notes/heading';
import { plainInline } from '../../src/core/notes/inline';
import { parseNotes } from '../../src/core/notes/parse';
import { scanBlocks } from '../../src/core/notes/scan';
import { rng } from '../../bench/generate';


const PIECES = ['#', '## ', '### ', '#### ', '---', '+++', '```', '~~~', '    ', '\t', '> ', '* ', '- ', '1. ', '[', ']', '(', ')', '[//]: # (', '<!--', '-->', '<div>', '|', '|---|', '`', '``', '*', '**', '_', '~~', '\\', '&amp;', 'TODO', 'FIXME', 'TBD', '(link)', '(check)', '[]()', ' - ', ' – ', ' by ', ', ', '; ', ' & ', 'Day01', 'Day 2', 'Monday', 'Keynote 3:', '\r', '\n', '\n\n', '\uFEFF', '\u0000', '日本語', '🚀', '=', '===', 'title: "x', 'a = \'', ':'];

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

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'notes');

describe('notes: fuzz', function () {
  this.timeout(120000);
  const seeds = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  seeds.push(generateNotes(200, 7));

  it('3,000 mutated and random documents: no throw, bounded time', () => {
    const r = rng(20241113);
    let worst = 0;
    for (let i = 0; i < 3000; i++) {
      const text = i % 3 === 0 ? randomDoc(r) : mutate(seeds[i % seeds.length], r);
      const t = performance.now();
      buildModel(scanBlocks(text), { todoPatterns: ['XXX'] }); // throws if anything is wrong inside
      const m = parseNotes(text, { fileName: 'day3.md' });
      const ms = performance.now() - t;
      worst = Math.max(worst, ms);
      assert.ok(!(m.skipped ?? '').startsWith('The note could not be read'), `document ${i}: ${m.skipped}`);
      assert.ok(ms < 1000, `document ${i} took ${ms.toFixed(0)} ms`);
      for (const todo of m.todos) assert.ok(todo.line >= 1 && todo.line <= m.lineCount && todo.column >= 1 && todo.endColumn >= todo.column);
    }
    assert.ok(worst < 1000, `worst document took ${worst.toFixed(0)} ms`);
  });

  it('pathological headings and lines stay fast', () => {
    const hostile = [
      '['.repeat(20000),
      '*a'.repeat(20000),
      '_'.repeat(20000),
      '`a'.repeat(20000),
      '\\'.repeat(20000),
      '[x](' .repeat(5000),
      ' - A, B'.repeat(5000),
      ' by A'.repeat(5000),
      'Day '.repeat(5000),
      '&#'.repeat(10000),
      '<'.repeat(20000),
      '[//]: # (' + '('.repeat(20000),
    ];
    for (const h of hostile) {
      const t = performance.now();
      plainInline(h);
      splitTalkHeading(h);
      parseNotes(`## Day 1\n### ${h}\n${h}\n[//]: # (${h})\n| ${h} |\n|---|\n`);
      const ms = performance.now() - t;
      assert.ok(ms < 1000, `${JSON.stringify(h.slice(0, 12))}… took ${ms.toFixed(0)} ms`);
    }
  });
});
