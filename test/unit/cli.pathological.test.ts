/**
 * Pathological notes through the CLI (`main`, the same code as the extension host): each
 * completes `outline`, `todos`, `link --write`, `check` and `sync-tags`, or is refused with exit
 * 2 and one line; `check` never says "ready to publish" (exit 0) about a note it could not
 * fully read. Only super-linear work would reach the test's timeout; how long the readers take
 * on such notes is a figure of `npm run bench` (bench/hostile.bench.ts), not a test.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateNotes } from '../../bench/generate';
import { cli } from './helpers/cli';
import { parseNotes } from '../../src/core/notes/parse';

const CASES: Record<string, string> = {
  'nested list items then x, beside a TODO and a FIXME': '## Talk\n\nTODO: slides FIXME: names\n\n' + '- '.repeat(6000) + 'x\n',
  '100,000 [': '## Talk\n\n' + '['.repeat(100_000) + '\n',
  '(link) ×100k': '## Talk\n\n' + '(link) '.repeat(100_000) + '\n',
  '[]() ×100k': '## Talk\n\n' + '[]() '.repeat(100_000) + '\n',
  'a 176 KB prose line': '## Talk\n\n' + 'We run Kubernetes with Prometheus and Envoy in production. '.repeat(3000) + '\n',
  '16,000 spaces then x': '## Talk\n\n' + ' '.repeat(16_000) + 'x\n',
  'YAML front matter with 20,000 keys': '---\n' + Array.from({ length: 20_000 }, (_, i) => `key${i}: value`).join('\n') + '\n---\n\n## Talk\n\nText.\n',
  'tags: [×10000 ]×10000': '---\ntitle: Deep\ntags: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n---\n\n## Talk\n\nText.\n',
  'a 2 MB note': generateNotes(45_000, 9),
  'lone CR line breaks': '---\rtitle: CR\rtags: [kubernetes]\r---\r\r## Talk\r\rWe run Kubernetes. TODO: slides\r',
};

describe('pathological notes through the CLI', function () {
  this.timeout(240_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-patho-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: every command completes or refuses with one line`, async () => {
      const file = path.join(dir, 'note.md');
      const model = parseNotes(text);
      assert.ok(!(model.skipped ?? '').startsWith('The note could not be read'), `${model.skipped}`);
      for (const argv of [
        ['outline', file],
        ['todos', file],
        ['link', file, '--write'],
        ['check', file],
        ['sync-tags', file],
      ]) {
        fs.writeFileSync(file, text);
        const r = await cli(...argv);
        const what = `${argv[0]} on ${name}`;
        assert.ok([0, 1, 2].includes(r.code), `${what}: exit ${r.code}`);
        for (const e of r.errLines) assert.ok(!e.includes('\n') && !/\bat .*\(.*:\d+:\d+\)/.test(e), `${what}: one line per message: ${e.slice(0, 300)}`);
        if (r.code === 2) assert.ok(r.errLines.length >= 1 || r.outLines.some((l) => /not (fully )?read/i.test(l)), `${what}: exit 2 says why`);
        if (argv[0] === 'check') {
          const partial = (model.skippedParts ?? []).length > 0 || r.outLines.some((l) => /unread/.test(l));
          if (partial) assert.strictEqual(r.code, 2, `${what}: a note not fully read is never ready to publish`);
          assert.ok(!(r.code === 0 && partial), `${what}: exit 0 on a note not fully read`);
        }
      }
    });
  }

  it('check lists the TODO and the FIXME beside the nested list items, and exits 2 for what it could not read', async () => {
    const file = path.join(dir, 'nested.md');
    fs.writeFileSync(file, CASES['nested list items then x, beside a TODO and a FIXME']);
    const r = await cli('check', file);
    assert.strictEqual(r.code, 2);
    assert.ok(
      r.outLines.some((l) => /todo: Unresolved TODO: TODO: slides FIXME: names/.test(l)),
      r.out,
    );
    assert.ok(
      r.outLines.some((l) => /unread: Not fully read: more than 32 list items are nested on this line/.test(l)),
      r.out,
    );
    assert.ok(!r.outLines.some((l) => /ready to publish/.test(l)));
  });

  it('todos exits 2 with one line on a note whose front matter was refused, and still lists the rest', async () => {
    const file = path.join(dir, 'keys.md');
    fs.writeFileSync(file, '---\n' + Array.from({ length: 5000 }, (_, i) => `k${i}: v`).join('\n') + '\n---\n\n## Talk\n\nTODO: slides\n');
    const r = await cli('todos', file);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.errLines.length, 1);
    assert.match(r.errLines[0], /keys\.md:1: not fully read: the front matter has 5000 lines/);
    assert.match(r.out, /TODO: slides/);
  });

  it('a long line is still outlined and its TODO found; check says the line was not read for links', async () => {
    const file = path.join(dir, 'long.md');
    fs.writeFileSync(file, '---\ntitle: Long\n---\n\n## Talk\n\n' + 'word '.repeat(5000) + 'TODO: the end\n');
    const m = parseNotes(fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual(
      m.todos.map((t) => t.text),
      ['TODO: the end'],
    );
    const r = await cli('check', file);
    assert.strictEqual(r.code, 2);
    assert.ok(
      r.outLines.some((l) => /long\.md:7:1: error unread: Not fully read: the line is 25013 characters long/.test(l)),
      r.out,
    );
  });
});
