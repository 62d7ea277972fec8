import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli';

const WORKSPACE = path.join(__dirname, '..', 'fixtures', 'workspace', 'frontmatter');
const fixture = (name: string) => path.join(WORKSPACE, name);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli: check and sync-tags', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('check exits 1 on a note with TODOs and lists them', async () => {
    const r = await cli('check', fixture('todo-note.md'));
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /todo-note\.md:15:3: warning todo: Unresolved TODO: TODO: add the recording/);
    assert.match(r.out, /todo-note\.md:14:11: warning placeholder: Placeholder instead of a link: \[slides\]\(TODO\)/);
    assert.match(r.out, /todo-note\.md: 8 problems \(1 TODO, /);
  });

  it('check exits 0 on clean notes', async () => {
    const r = await cli('check', fixture('clean-note.md'), fixture('clean-toml.md'));
    assert.strictEqual(r.code, 0, r.out + r.err);
    assert.match(r.out, /clean-note\.md: ready to publish/);
    assert.match(r.out, /clean-toml\.md: ready to publish/);
  });

  it('check --json prints files and problems (line, kind, message)', async () => {
    const r = await cli('check', '--json', fixture('clean-note.md'), fixture('todo-note.md'));
    assert.strictEqual(r.code, 1);
    const data = JSON.parse(r.out) as { files: Array<{ file: string; problems: Array<{ line: number; kind: string; message: string }> }> };
    assert.deepStrictEqual(
      data.files.map((f) => [path.basename(f.file), f.problems.length]),
      [
        ['clean-note.md', 0],
        ['todo-note.md', 8],
      ],
    );
    const todo = data.files[1].problems.find((p) => p.kind === 'todo')!;
    assert.deepStrictEqual(
      { line: todo.line, kind: todo.kind, message: todo.message },
      { line: 15, kind: 'todo', message: 'Unresolved TODO: TODO: add the recording when it is published' },
    );
    assert.deepStrictEqual(
      data.files[1].problems.map((p) => p.kind),
      ['tags', 'draft', 'tags', 'unlinked-project', 'placeholder', 'todo', 'bad-link', 'empty-talk'],
    );
  });

  it('check exits 2 on unreadable input, and on usage errors', async () => {
    const missing = await cli('check', fixture('clean-note.md'), path.join(tmp, 'nope.md'));
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /nope\.md: no such file/);
    const binary = path.join(tmp, 'binary.md');
    fs.writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 5]));
    assert.strictEqual((await cli('check', binary)).code, 2);
    assert.strictEqual((await cli('check', tmp)).code, 2);
    assert.strictEqual((await cli('check')).code, 2);
    assert.strictEqual((await cli('check', '--yaml', fixture('clean-note.md'))).code, 2);
    const json = await cli('check', '--json', path.join(tmp, 'nope.md'));
    assert.strictEqual(json.code, 2);
    assert.match((JSON.parse(json.out) as { files: Array<{ error: string }> }).files[0].error, /no such file/);
  });

  it('check reports broken front matter with its line', async () => {
    const r = await cli('check', fixture('broken-yaml.md'));
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /broken-yaml\.md:5:1: error front-matter: YAML front matter, line 5: duplicate key `tags`/);
  });

  it('sync-tags prints what it would add, and --write adds only that', async () => {
    const file = path.join(tmp, 'sync.md');
    const before = fs.readFileSync(fixture('sync-yaml.md'), 'utf8').replace(/\n/g, '\r\n');
    fs.writeFileSync(file, before);
    const dry = await cli('sync-tags', file);
    assert.strictEqual(dry.code, 0);
    assert.strictEqual(dry.out.split('\n').slice(0, 2).join('\n'), 'tags: + Prometheus, OpenTelemetry\ncategories: + Backstage, Prometheus, OpenTelemetry');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before, 'a dry run writes nothing');
    const wrote = await cli('sync-tags', file, '--write');
    assert.strictEqual(wrote.code, 0);
    assert.strictEqual(
      fs.readFileSync(file, 'utf8'),
      before.replace('  - Backstage\r\n', '  - Backstage\r\n  - Prometheus\r\n  - OpenTelemetry\r\ncategories:\r\n  - Backstage\r\n  - Prometheus\r\n  - OpenTelemetry\r\n'),
    );
    const again = await cli('sync-tags', file, '--write');
    assert.strictEqual(again.code, 0);
    assert.match(again.out, /already name every linked project/);
  });

  it('sync-tags follows --style and --fields, and refuses broken front matter', async () => {
    const r = await cli('sync-tags', fixture('sync-toml.md'), '--style', 'slug', '--fields=tags');
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.out.split('\n')[0], 'tags: + prometheus, inspektor-gadget');
    const broken = await cli('sync-tags', fixture('broken-yaml.md'), '--write');
    assert.strictEqual(broken.code, 2, 'exit 1 is only check finding problems');
    assert.match(broken.err, /line 5: duplicate key `tags`.*nothing was written/);
    assert.strictEqual((await cli('sync-tags', fixture('sync-toml.md'), '--style', 'fancy')).code, 2);
  });
});
