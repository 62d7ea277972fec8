import * as assert from 'assert';
import { InMemoryDocument } from '../../../src/core/document';
import { TodosTree } from '../../../src/language/todosTree';
import type { TreeNode } from '../../../src/language/treeNodes';
import { memoryFolder, MemoryNotesFs, MemoryNotesWorkspace } from '../../support/notesFs';

const KUBECON = `## Day01

### eBPF networking at scale - Ada Quinlan, Isovalent

* TODO: add the video

### What is Crossplane?

Slides (link)

[//]: # (### Harbor replication deep dive)
[//]: # (ask about pull-through cache)

## Day02

### Keynote 1: Ten years of cloud native

* numbers (check)

### Running Argo CD at scale - Bo Lindqvist, Acme

[slides]()
`;

const ROOT = 'file:///work';

/** A workspace of one folder holding `files`, and a TODO Links tree over it that counts its changes. */
function workspace(files: Record<string, string | Uint8Array>, settings?: { notesGlob?: string; excludeGlob?: string; maxFileSizeMB?: number }) {
  const fs = new MemoryNotesFs(files);
  const services = new MemoryNotesWorkspace([memoryFolder(ROOT, fs)], settings);
  const changes = { count: 0 };
  const tree = new TodosTree(services, () => changes.count++);
  return { fs, services, tree, changes };
}

const row = (n: TreeNode) => [n.label, n.description ?? ''];
const labels = (nodes: readonly TreeNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.label, labels(n.children)] : n.label));

describe('language/todosTree: the TODO items of a folder of notes, read through an in-memory file system', () => {
  it('lists the TODO items by file and talk, hidden notes left out; notes without any are not rows', async () => {
    const { tree, changes } = workspace({ 'notes/kubecon.md': KUBECON, 'notes/clean.md': '## Day 1\n\n### Done - Ada\n\nAll linked.\n', 'inbox.md': 'TODO: sort the photos\n' });
    await tree.scan();
    assert.strictEqual(changes.count, 1);
    assert.strictEqual(tree.total(), 5);
    assert.strictEqual(tree.files.get(`${ROOT}/notes/clean.md`)?.items.length, 0, 'a note without TODO items is read');
    const roots = tree.roots();
    assert.deepStrictEqual(roots.map(row), [
      ['inbox.md', '1 TODO'],
      ['kubecon.md', 'notes · 4 TODO'],
    ]);
    assert.deepStrictEqual(labels(roots), [
      ['inbox.md', ['TODO: sort the photos']],
      [
        'kubecon.md',
        [
          ['eBPF networking at scale', ['TODO: add the video']],
          ['What is Crossplane?', ['Slides (link)']],
          ['Keynote 1: Ten years of cloud native', ['(check)']],
          ['Running Argo CD at scale', ['[slides]()']],
        ],
      ],
    ]);
    const kubecon = roots[1];
    assert.deepStrictEqual(
      kubecon.children.map((t) => [t.description, t.contextValue, t.icon.id]),
      Array(4).fill(['1 TODO', 'talk', 'comment-discussion']),
    );
    assert.deepStrictEqual(
      [kubecon.id, kubecon.contextValue, kubecon.icon, kubecon.resourceUri, kubecon.collapsible, kubecon.tooltip],
      [`todos|${ROOT}/notes/kubecon.md`, 'file', { id: 'file' }, `${ROOT}/notes/kubecon.md`, 'expanded', 'notes/kubecon.md: 4 TODO items'],
    );
    const todo = kubecon.children[1].children[0];
    assert.deepStrictEqual(todo.element, {
      kind: 'todo',
      uri: `${ROOT}/notes/kubecon.md`,
      todo: { kind: 'missing-link', text: 'Slides (link)', line: 9, column: 1, endColumn: 14 },
      talk: 'What is Crossplane?',
    });
    assert.deepStrictEqual([todo.description, todo.contextValue], ['missing link · line 9', 'todo']);
    assert.deepStrictEqual(kubecon.children[1].command.args, [{ kind: 'talk', uri: `${ROOT}/notes/kubecon.md`, line: 7 }]);
  });

  it('brings hidden notes back when talkCapture.todos.includeHiddenDrafts says so', async () => {
    const { tree, services } = workspace({ 'kubecon.md': KUBECON });
    services.counting = { includeHidden: true };
    await tree.scan();
    assert.strictEqual(tree.total(), 5);
    const harbor = tree.roots()[0].children.find((t) => t.label === 'Harbor replication deep dive');
    assert.deepStrictEqual(harbor?.children.map(row), [['ask about pull-through cache', 'hidden note · line 12']]);
  });

  it('reads the notes the rules name: excluded and hidden folders left out, notesGlob respected', async () => {
    const files = {
      'notes/a.md': 'TODO: a\n',
      'notes/extra/kept.md': 'TODO: kept\n',
      '.obsidian/state.md': 'TODO: left out\n',
      'node_modules/pkg/README.md': 'TODO: left out\n',
      'site/public/index.md': 'TODO: left out\n',
      'notes/.draft.md': 'TODO: left out\n',
      'notes/b.txt': 'TODO: not markdown\n',
    };
    const all = workspace(files);
    await all.tree.scan();
    assert.deepStrictEqual([...all.tree.files.keys()], [`${ROOT}/notes/a.md`, `${ROOT}/notes/extra/kept.md`]);
    const narrow = workspace(files, { notesGlob: 'notes/extra/**/*.md' });
    await narrow.tree.scan();
    assert.deepStrictEqual([...narrow.tree.files.keys()], [`${ROOT}/notes/extra/kept.md`]);
    assert.deepStrictEqual(narrow.tree.roots().map(row), [['kept.md', 'notes/extra · 1 TODO']]);
  });

  it('shows a note that is not read as a warning row with the reason', async () => {
    const { tree, services } = workspace(
      { 'big.md': `TODO: big\n${'x'.repeat(200_000)}\n`, 'bin.md': new Uint8Array([35, 32, 0, 1, 2]), 'ok.md': 'TODO: ok\n' },
      { maxFileSizeMB: 0.1 },
    );
    await tree.scan();
    assert.strictEqual(tree.skipped(), 2);
    const roots = tree.roots();
    assert.deepStrictEqual(
      roots.map((r) => [r.label, r.icon, r.collapsible, r.children.length]),
      [
        ['big.md', { id: 'warning', color: 'list.warningForeground' }, 'none', 0],
        ['bin.md', { id: 'warning', color: 'list.warningForeground' }, 'none', 0],
        ['ok.md', { id: 'file' }, 'expanded', 1],
      ],
    );
    assert.match(roots[0].description ?? '', /^skipped: this note is 0\.2 MB, more than the 0\.1 MB limit/);
    assert.strictEqual(roots[1].tooltip, 'bin.md: skipped, this file looks binary (it contains NUL bytes); it is not read as notes');
    assert.ok(
      services.logged.some((l) => /^info TODO Links: scanned 3 notes in \d+ ms, 1 TODO items$/.test(l)),
      services.logged.join('\n'),
    );
  });

  it('says when a note is not valid UTF-8 (in the tooltip and the log)', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('TODO: caf'), 0xe9, 10]);
    const { tree, services } = workspace({ 'latin1.md': bytes });
    await tree.scan();
    const [file] = tree.roots();
    assert.match(String(file.tooltip), /^latin1\.md: 1 TODO item \(warning: not valid UTF-8 \(the first invalid byte is at offset 9\)/);
    assert.ok(services.logged.some((l) => l.startsWith('warn TODO Links: latin1.md: warning: not valid UTF-8')));
  });

  it('reads an open note from its document (unsaved edits), not from the file', async () => {
    const { tree, services, fs } = workspace({ 'open.md': 'TODO: on disk\n' });
    const uri = `${ROOT}/open.md`;
    services.open.set(uri, new InMemoryDocument(uri, 'TODO: typed\n\n(check) this\n'));
    await tree.scan();
    assert.deepStrictEqual(labels(tree.roots()), [['open.md', ['TODO: typed', '(check)']]]);
    assert.strictEqual(fs.reads.get('open.md'), undefined, 'the file was not read');
  });

  it('after the scan, reads again only the note that changed; a deleted note goes', async () => {
    const { tree, fs, changes } = workspace({ 'a.md': 'TODO: a\n', 'b.md': 'TODO: b\n' });
    await tree.reread(`${ROOT}/a.md`);
    assert.strictEqual(changes.count, 0, 'nothing is read before the first scan');
    await tree.scan();
    fs.write('a.md', 'TODO: a\nTODO: a2\n');
    await tree.reread(`${ROOT}/a.md`);
    assert.deepStrictEqual([fs.reads.get('a.md'), fs.reads.get('b.md')], [2, 1]);
    assert.strictEqual(tree.total(), 3);
    assert.strictEqual(changes.count, 2);
    fs.delete('b.md');
    await tree.reread(`${ROOT}/b.md`);
    assert.deepStrictEqual([...tree.files.keys()], [`${ROOT}/a.md`]);
    tree.remove(`${ROOT}/a.md`);
    assert.deepStrictEqual([tree.roots(), tree.total(), changes.count], [[], 0, 4]);
    tree.remove(`${ROOT}/a.md`);
    assert.strictEqual(changes.count, 4, 'removing a note not listed changes nothing');
  });

  it('drops a file that is no note (outside the folders, or excluded) when asked to read it again', async () => {
    const { tree, fs, changes } = workspace({ 'a.md': 'TODO: a\n' });
    await tree.scan();
    fs.write('node_modules/x.md', 'TODO: x\n');
    await tree.reread(`${ROOT}/node_modules/x.md`);
    await tree.reread('file:///elsewhere/y.md');
    assert.deepStrictEqual([[...tree.files.keys()], changes.count], [[`${ROOT}/a.md`], 1]);
  });

  it('scans once at a time, and every folder (sorted by path; URIs encoded)', async () => {
    const one = new MemoryNotesFs({ 'z.md': 'TODO: z\n' });
    const two = new MemoryNotesFs({ 'my notes/a b.md': 'TODO: a\n' });
    const services = new MemoryNotesWorkspace([memoryFolder('file:///one', one), memoryFolder('file:///two', two)]);
    const tree = new TodosTree(services);
    const [first, second] = [tree.scan(), tree.scan()];
    assert.strictEqual(first, second, 'the running scan is shared');
    await first;
    assert.deepStrictEqual(
      tree.roots().map((r) => [r.label, r.description, r.element.uri]),
      [
        ['z.md', '1 TODO', 'file:///one/z.md'],
        ['a b.md', 'my notes · 1 TODO', 'file:///two/my%20notes/a%20b.md'],
      ],
    );
  });

  it('makes the ids of two TODO items with one text unique', async () => {
    const { tree } = workspace({ 'twice.md': '## Day 1\n\n### Talk - Ada\n\nTODO: slides\n\nTODO: slides\n' });
    await tree.scan();
    const [a, b] = tree.roots()[0].children[0].children;
    assert.strictEqual(b.id, `${a.id}#1`);
  });
});
