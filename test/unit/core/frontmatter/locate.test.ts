/**
 * One front matter reader: for every broken front matter fixture, the notes model (the Talks
 * view's warning), `outline --json`'s `frontMatter.error` and `check`'s problem name the same
 * line and the same reason. The block is located by one rule (closed only by its own fence,
 * as gray-matter reads it), and refused before parsing when too long or nested too deep.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import matter from 'gray-matter';
import { cli } from '../../helpers/cli';
import { locateFrontMatter, openFrontMatter, readFrontMatter } from '../../../../src/core/frontmatter/fields';
import { parseNotes } from '../../../../src/core/notes/parse';
import { checkNotes } from '../../../../src/core/publish/check';
import { analyzeText } from '../../../../src/core/analysis/noteAnalysis';
import { scanMarkdown } from '../../../../src/core/landscape/proseScan';

const BAD = path.join(__dirname, '..', '..', '..', 'fixtures', 'frontmatter', 'bad');

/** Line and reason of the model's error: "The YAML front matter cannot be read (line 3): reason". */
function modelVerdict(error: string | null): { line: number; reason: string } | null {
  if (error === null) return null;
  const m = /^The (?:YAML|TOML) front matter cannot be read \(line (\d+)\): (.*)$/s.exec(error);
  assert.ok(m, error);
  return { line: Number(m[1]), reason: m[2] };
}

/** Line and reason of check's problem: "YAML front matter, line 3: reason". */
function checkVerdict(message: string, line: number): { line: number; reason: string } {
  const m = /^(?:YAML|TOML) front matter, line (\d+): (.*)$/s.exec(message);
  assert.ok(m, message);
  assert.strictEqual(Number(m[1]), line);
  return { line, reason: m[2] };
}

describe('one front matter reader: the same line and reason everywhere', function () {
  this.timeout(60_000);
  const files = fs
    .readdirSync(BAD)
    .filter((f) => f.endsWith('.md'))
    .sort();
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-fm-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('has broken fixtures', () => assert.ok(files.length >= 10));

  for (const f of files) {
    it(`${f}: model, outline --json and check agree`, async () => {
      const text = fs.readFileSync(path.join(BAD, f), 'utf8');
      const model = parseNotes(text);
      const fromModel = modelVerdict(model.frontMatter.error);
      assert.strictEqual(model.frontMatter.errorLine, fromModel?.line ?? null);

      const outline = await cli('outline', path.join(BAD, f), '--json');
      assert.strictEqual(outline.code, 0, outline.all);
      assert.strictEqual(JSON.parse(outline.all).frontMatter.error, model.frontMatter.error);

      const problems = checkNotes(analyzeText(text)).filter((p) => p.kind === 'front-matter');
      const copy = path.join(tmp, f);
      fs.writeFileSync(copy, text);
      const checked = JSON.parse((await cli('check', copy, '--json')).all) as { files: Array<{ problems: Array<{ kind: string; line: number; message: string }> }> };
      const cliProblems = checked.files[0].problems.filter((p) => p.kind === 'front-matter');
      assert.deepStrictEqual(
        cliProblems.map((p) => [p.line, p.message]),
        problems.map((p) => [p.line, p.message]),
      );

      if (model.frontMatter.format === null) {
        // No front matter at all: nothing is broken (check only reminds that a post needs one).
        assert.strictEqual(fromModel, null);
        assert.ok(problems.every((p) => p.severity === 'warning' && /no front matter/.test(p.message)));
        return;
      }
      if (fromModel === null) {
        assert.deepStrictEqual(problems, [], 'readable front matter: no front matter problem in the check');
        return;
      }
      assert.strictEqual(problems.length, 1, problems.map((p) => p.message).join('\n'));
      assert.deepStrictEqual(checkVerdict(problems[0].message, problems[0].line), fromModel);
      const opened = openFrontMatter(text);
      assert.ok(!opened.ok);
      assert.deepStrictEqual({ line: opened.error.line, reason: opened.error.reason }, fromModel);
    });
  }

  it('`...` does not close YAML front matter (as in gray-matter): the block is unclosed for every reader', () => {
    const text = '---\ntitle: Dots\n...\n\n## Talk\n\nWe run Kubernetes.\n';
    // gray-matter reads on past `...` (its closing fence is `---` only): the rest is not its body.
    let grayBody: string | undefined;
    try {
      grayBody = matter(text).content;
    } catch {
      grayBody = undefined;
    }
    assert.notStrictEqual(grayBody?.trim(), '## Talk\n\nWe run Kubernetes.');
    assert.strictEqual(locateFrontMatter(text).kind, 'unclosed');
    assert.match(parseNotes(text).frontMatter.error ?? '', /never closed/);
    assert.strictEqual(scanMarkdown(text).bodyStartLine, 0);
  });

  it('lone CR line breaks: the front matter is found, read, and its lines counted as lines', () => {
    const text = '---\rtitle: CR note\rtags: [a, b]\rdraft: maybe\r---\r\r## Day 1\r';
    const info = readFrontMatter(text);
    assert.deepStrictEqual(
      { format: info.format, error: info.error, endLine: info.endLine, data: info.data },
      { format: 'yaml', error: null, endLine: 5, data: { title: 'CR note', tags: ['a', 'b'], draft: 'maybe' } },
    );
    const opened = openFrontMatter(text);
    assert.ok(opened.ok);
    const draft = opened.source.scalar('draft');
    assert.ok(draft.kind === 'found');
    assert.strictEqual(draft.field.line, 4);
    assert.deepStrictEqual(
      parseNotes(text).days.map((d) => [d.title, d.line]),
      [['Day 1', 7]],
    );
  });

  it('too long, nested too deep or too many aliases: refused before a parser sees it, with the line, and the model says it was not fully read', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['---\n' + Array.from({ length: 1500 }, (_, i) => `k${i}: v`).join('\n') + '\n---\n', 1, /1500 lines, more than the 1000/],
      ['---\ntitle: x\ntags: ' + '['.repeat(100) + ']'.repeat(100) + '\n---\n', 3, /nested deeper than 64 levels/],
      ['---\ntitle: x\nlist:\n' + '- '.repeat(100) + 'x\n---\n', 4, /nested deeper than 64 levels/],
      ['---\na: &a [' + '*a, '.repeat(30) + ']\n---\n', 2, /more than 20 YAML aliases/],
      ['+++\ntags = ' + '['.repeat(100) + ']'.repeat(100) + '\n+++\n', 2, /nested deeper/],
    ];
    for (const [fm, line, reason] of cases) {
      const text = `${fm}\n## Day 1\n`;
      const opened = openFrontMatter(text);
      assert.ok(!opened.ok);
      assert.strictEqual(opened.error.line, line, opened.error.reason);
      assert.match(opened.error.reason, reason);
      const model = parseNotes(text);
      assert.strictEqual(model.frontMatter.errorLine, line);
      assert.deepStrictEqual(
        model.skippedParts?.map((p) => p.line),
        [line],
      );
      assert.deepStrictEqual(
        model.days.map((d) => d.title),
        ['Day 1'],
        'the body is still read',
      );
      assert.ok(checkNotes(analyzeText(text)).some((p) => p.kind === 'unread' && p.line === line));
    }
    // Flow brackets inside quotes and comments do not count.
    assert.ok(openFrontMatter('---\ntitle: "' + '['.repeat(100) + '"\n# ' + '{'.repeat(100) + '\n---\n').ok);
  });
});
