import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../helpers/cli';

const WORKSPACE = path.join(__dirname, '..', '..', 'fixtures', 'workspace', 'frontmatter');
const fixture = (name: string) => path.join(WORKSPACE, name);

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
    assert.match(r.out, /todo-note\.md: 5 problems \(1 TODO, .*\); 3 hints \(1 unlinked project mention, 2 tag fields missing linked projects\)$/m);
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

  it('check: hints are printed and counted but do not fail; --strict makes them fail', async () => {
    const file = path.join(tmp, 'hints-only.md');
    fs.writeFileSync(
      file,
      '---\ntitle: "Example Summit: day one"\ntags: [Jaeger]\ncategories: [Jaeger]\n---\n\n### Tracing - Sam Example, Example Corp\n\n- [Jaeger](https://www.jaegertracing.io/) and Prometheus\n',
    );
    const r = await cli('check', file);
    assert.strictEqual(r.code, 0, r.out);
    assert.match(r.out, /hints-only\.md:9:47: info unlinked-project: Prometheus is mentioned but not linked/);
    assert.match(r.out, /hints-only\.md: ready to publish; 1 hint \(1 unlinked project mention\)$/m);
    const strict = await cli('check', '--strict', file);
    assert.strictEqual(strict.code, 1, strict.out);
    assert.strictEqual(strict.out, r.out, '--strict changes the exit code, not what is printed');
  });

  it('check exits 2 on unreadable input, and on usage errors', async () => {
    const missing = await cli('check', fixture('clean-note.md'), path.join(tmp, 'nope.md'));
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /nope\.md: no such file/);
    const binary = path.join(tmp, 'binary.md');
    fs.writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 5]));
    assert.strictEqual((await cli('check', binary)).code, 2);
    assert.strictEqual((await cli('check', tmp)).code, 2, 'the folder holds binary.md');
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    const none = await cli('check', empty);
    assert.strictEqual(none.code, 2, 'a folder without notes: nothing was checked');
    assert.match(none.err, /no notes in .*empty/);
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

describe('cli: check on a real blog (page bundles, relative links, comments, posts that are not conference notes)', () => {
  const BLOG = path.join(__dirname, '..', '..', 'fixtures', 'blog');
  const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

  /** The arguments of the README's CI recipe (`npx talk-capture check …`), its paths relative to the blog's root. */
  function ciRecipe(): string[] {
    const block = /A blog's CI can[\s\S]*?```sh\n([^\n]*)\n```/.exec(README);
    assert.ok(block, 'the README has a CI recipe');
    const words = block[1].trim().split(/\s+/);
    assert.deepStrictEqual(words.slice(0, 3), ['npx', 'talk-capture', 'check']);
    return words.slice(2).map((w, i) => (i > 0 && !w.startsWith('-') ? path.join(BLOG, w) : w));
  }

  it("the README's CI recipe passes on the blog: every post read, nothing reported", async () => {
    const r = await cli(...ciRecipe());
    assert.strictEqual(r.code, 0, r.out + r.err);
    assert.strictEqual(r.err, '');
    const lines = r.out.split('\n');
    assert.deepStrictEqual(
      lines.map((l) => path.relative(BLOG, l.replace(/: .*$/, '')).split(path.sep).join('/')),
      [
        'content/about.md',
        'content/posts/_index.md',
        'content/posts/office-week.md',
        'content/posts/harbour-walk/index.md',
        'content/posts/kubecon-paris/index.md',
        'content/posts/meetup-recap/index.md',
      ],
    );
    for (const l of lines) assert.match(l, /: ready to publish$/);
    const strict = await cli('check', '--strict', path.join(BLOG, 'content'));
    assert.strictEqual(strict.code, 0, 'not even a hint: ' + strict.out);
  });

  it('the true problems of an unfinished post are all still found (exit 1)', async () => {
    const r = await cli('check', path.join(__dirname, '..', '..', 'fixtures', 'blog-unfinished'));
    assert.strictEqual(r.code, 1, r.out + r.err);
    const found = r.out
      .split('\n')
      .filter((l) => /:\d+:\d+: /.test(l))
      .map((l) => l.replace(/^.*index\.md:/, ''));
    assert.deepStrictEqual(found, [
      '1:1: info tags: There is no `categories` field for the linked projects: OpenTelemetry (run Sync Tags from Linked Projects)',
      '4:8: warning draft: `draft` is still true: Hugo does not publish drafts (run Toggle Draft)',
      '5:1: info tags: `tags` lacks linked projects: OpenTelemetry (run Sync Tags from Linked Projects)',
      '15:25: warning placeholder: Placeholder instead of a link: [slides](TODO)',
      "16:17: warning bad-link: The link's URL `www.forge.example.org/rui/cache` has no https:// (it would be a relative link)",
      "16:66: warning bad-link: The link's URL starts with `javascript:`, not http(s)",
      '17:3: warning todo: Unresolved TODO: TODO: add the recording when it is out',
      "18:3: warning bad-link: The link's URL `http:/docs.example.org/cache` is not a full http address (it needs `http://` and a host)",
      "18:44: warning bad-link: The link's URL `example.com/x` has no https:// (it would be a relative link)",
      '20:6: warning todo: Unresolved TODO: TODO: ask Rui for the benchmark numbers',
      '22:1: warning empty-talk: The talk "Keynote 2: Community awards" has no notes yet',
      '28:50: info unlinked-project: Prometheus is mentioned but not linked (run Link Project Mentions)',
    ]);
  });

  it('todos over the blog agrees with check: no TODO item in it, and the same items as check in the unfinished post', async () => {
    const blog = await cli('todos', '--json', path.join(BLOG, 'content'));
    assert.strictEqual(blog.code, 0, blog.err);
    const files = (JSON.parse(blog.out) as { files: Array<{ todos: unknown[] }> }).files;
    assert.strictEqual(files.length, 6);
    assert.deepStrictEqual(
      files.flatMap((f) => f.todos),
      [],
    );
    const unfinished = await cli('todos', '--json', path.join(__dirname, '..', '..', 'fixtures', 'blog-unfinished'));
    const todos = (JSON.parse(unfinished.out) as { files: Array<{ todos: Array<{ line: number; kind: string; text: string }> }> }).files[0].todos;
    assert.deepStrictEqual(
      todos.map((t) => `${t.line}: ${t.kind}: ${t.text}`),
      ['15: missing-link: [slides](TODO)', '17: todo: TODO: add the recording when it is out', '20: todo: TODO: ask Rui for the benchmark numbers'],
    );
    const check = await cli('check', '--json', path.join(__dirname, '..', '..', 'fixtures', 'blog-unfinished'));
    const problems = (JSON.parse(check.out) as { files: Array<{ problems: Array<{ line: number; kind: string }> }> }).files[0].problems;
    assert.deepStrictEqual(
      problems.filter((p) => p.kind === 'todo' || p.kind === 'placeholder').map((p) => p.line),
      todos.map((t) => t.line),
    );
  });
});
