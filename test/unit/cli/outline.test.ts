import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliText as cli } from '../helpers/cli';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'notes');

describe('talk-capture outline / todos', () => {
  it('outline --json has exactly the documented shape', async () => {
    const file = path.join(FIXTURES, 'yaml-post.md');
    const { code, out } = await cli('outline', file, '--json');
    assert.strictEqual(code, 0);
    const json = JSON.parse(out);
    assert.deepStrictEqual(Object.keys(json), ['file', 'frontMatter', 'days', 'talks', 'todos', 'hiddenDrafts']);
    assert.strictEqual(json.file, file);
    assert.deepStrictEqual(Object.keys(json.frontMatter), ['format', 'error', 'data']);
    assert.strictEqual(json.frontMatter.format, 'yaml');
    assert.deepStrictEqual(Object.keys(json.days[0]), ['title', 'line', 'talks']);
    assert.deepStrictEqual(json.days[0].talks[0], {
      title: 'eBPF networking at scale',
      speakers: ['Ada Quinlan'],
      company: 'Isovalent',
      line: 21,
      hidden: false,
      group: null,
      todos: [{ kind: 'todo', text: 'TODO add the video once it is up', line: 25 }],
      hiddenDrafts: [],
    });
    assert.strictEqual(json.days[0].talks[4].hidden, true);
    assert.deepStrictEqual(Object.keys(json.todos[0]), ['kind', 'text', 'line']);
    // TODO items only, as the text output counts them ("8 TODO (+ 2 hidden drafts)") and
    // `todos --json` lists them; hidden drafts in their own field (they were inside `todos`).
    assert.strictEqual(json.todos.length, 8);
    assert.ok(json.todos.every((t: { kind: string }) => t.kind !== 'hidden'));
    assert.deepStrictEqual(
      json.hiddenDrafts.map((t: { kind: string }) => t.kind),
      ['hidden', 'hidden'],
    );
    const todosCli = JSON.parse((await cli('todos', file, '--json')).out);
    assert.deepStrictEqual(
      todosCli.files[0].todos.map((t: { line: number }) => t.line),
      json.todos.map((t: { line: number }) => t.line),
    );
  });

  it('outline --json: grouped talks stay in their list with the group title', async () => {
    const { out } = await cli('outline', path.join(FIXTURES, 'groups.md'), '--json');
    const json = JSON.parse(out);
    assert.deepStrictEqual(json.talks.map((t: { title: string; group: string | null }) => [t.title, t.group]).slice(0, 3), [
      ['Keynote 1: Community before code', 'Morning Keynotes'],
      ['Keynote 2: Supply chain security today', 'Morning Keynotes'],
      ['Scaling etcd', 'Talks'],
    ]);
  });

  it('outline: human output lists days, talks and TODO items', async () => {
    const { code, out } = await cli('outline', path.join(FIXTURES, 'yaml-post.md'));
    assert.strictEqual(code, 0);
    assert.match(out, /YAML front matter, 3 days, 13 talks, 8 TODO \(\+ 2 hidden drafts\)/);
    assert.match(out, /\n {2}17: Day01\n {4}21: eBPF networking at scale — Ada Quinlan · Isovalent\n {8}- 25: todo: TODO add the video once it is up/);
    assert.match(out, /\(hidden\) Harbor replication deep dive/);
  });

  it('malformed front matter is reported in the JSON, not a crash', async () => {
    const { code, out } = await cli('outline', path.join(FIXTURES, 'bad-yaml.md'), '--json');
    assert.strictEqual(code, 0);
    const json = JSON.parse(out);
    assert.match(json.frontMatter.error, /line 3/);
    assert.strictEqual(json.days.length, 1);
  });

  it('exit 2 with one line on an unreadable file', async () => {
    const missing = await cli('outline', path.join(FIXTURES, 'nope.md'));
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.err.trim().split('\n').length, 1);
    assert.match(missing.err, /no such file/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-cli-'));
    const bin = path.join(dir, 'image.md');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    const binary = await cli('outline', bin);
    assert.strictEqual(binary.code, 2);
    assert.match(binary.err, /binary/);
    const usage = await cli('outline');
    assert.strictEqual(usage.code, 2);
  });

  it('todos --json over a folder: every note with its TODO items and talks', async () => {
    const { code, out } = await cli('todos', FIXTURES, '--json');
    assert.strictEqual(code, 0);
    const json = JSON.parse(out);
    assert.deepStrictEqual(Object.keys(json), ['files']);
    const post = json.files.find((f: { file: string }) => f.file.endsWith('yaml-post.md'));
    assert.deepStrictEqual(post.todos[0], { kind: 'todo', text: 'TODO add the video once it is up', line: 25, talk: 'eBPF networking at scale' });
    const groups = json.files.find((f: { file: string }) => f.file.endsWith('groups.md'));
    assert.deepStrictEqual(groups.todos.at(-1), { kind: 'missing-link', text: '[recordings]()', line: 55, talk: null });
    assert.strictEqual(json.files.length, fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).length);
  });

  it('todos: human output, and an unreadable file among readable ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-cli-'));
    fs.writeFileSync(path.join(dir, 'a.md'), '## Day 1\n### Talk - Ada Quinlan, Acme\nTODO: slides\n');
    fs.writeFileSync(path.join(dir, 'b.md'), Buffer.from([0, 1, 2, 0, 0, 0]));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'c.md'), 'TODO: never listed\n');
    const { code, out, err } = await cli('todos', dir);
    assert.strictEqual(code, 2);
    assert.match(out, /a\.md:3: todo: TODO: slides {2}\(Talk\)/);
    assert.match(out, /1 TODO item in 1 note/);
    assert.match(err, /b\.md: .*binary/);
    assert.doesNotMatch(out, /never listed/);
  });

  it('todos: hidden drafts (and a TODO written inside one) are notes, listed only with --include-hidden', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-cli-'));
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, '## Day 1\n### Talk - Ada Quinlan, Acme\n\n[//]: # (TODO ask about the quota numbers)\n\nFIXME: the diagram\n');
    const plain = await cli('todos', file, '--json');
    assert.strictEqual(plain.code, 0);
    assert.deepStrictEqual(JSON.parse(plain.out).files[0].todos, [{ kind: 'todo', text: 'FIXME: the diagram', line: 6, talk: 'Talk' }]);
    const human = await cli('todos', file);
    assert.match(human.out, /^1 TODO item in 1 note$/m);
    assert.doesNotMatch(human.out, /quota/);
    const all = await cli('todos', file, '--json', '--include-hidden');
    assert.deepStrictEqual(
      JSON.parse(all.out).files[0].todos.map((t: { kind: string; text: string }) => [t.kind, t.text]),
      [
        ['hidden', 'TODO ask about the quota numbers'],
        ['todo', 'FIXME: the diagram'],
      ],
    );
  });
});
