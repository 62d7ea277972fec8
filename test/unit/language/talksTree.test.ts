import * as assert from 'assert';
import type { TodoCountOptions } from '../../../src/core/notes/todos';
import { TalksTree } from '../../../src/language/talksTree';
import type { TreeNode } from '../../../src/language/treeNodes';
import { InMemoryDocument, MemoryAnalyses } from '../../support/language';

const KUBECON = `---
title: "KubeCon NA 2024"
tags:
- cilium
---

## Day01

### eBPF networking at scale - Ada Quinlan, Isovalent

* TODO: add the video

### What is [Crossplane](https://www.crossplane.io/)?

Slides (link)

[//]: # (### Harbor replication deep dive)
[//]: # (ask about pull-through cache)

## Day02

### Keynote 1: Ten years of cloud native

* numbers (check)

### Running Argo CD at scale – Bo Lindqvist, Acme; Priya Raman, Initech

[slides]()
`;

/** A Talks tree over in-memory analyses, counting hidden notes as `counting` says. */
function talksTree(counting: TodoCountOptions = {}): TalksTree {
  const analyses = new MemoryAnalyses();
  return new TalksTree({ analysisOf: (doc) => analyses.analysisOf(doc), todoCountOptions: () => counting });
}

/** What a person sees of a row: label, description, context value. */
const row = (n: TreeNode) => [n.label, n.description ?? '', n.contextValue];
const markdown = (n: TreeNode) => (typeof n.tooltip === 'object' ? n.tooltip.markdown : undefined);

describe('language/talksTree: the outline of a note, built from in-memory documents', () => {
  it('shows days with counts, talks with speakers, hidden drafts and TODO items, in order', () => {
    const doc = new InMemoryDocument('file:///notes/kubecon.md', KUBECON);
    const roots = talksTree().build(doc);
    assert.deepStrictEqual(roots.map(row), [
      ['Day01', '2 talks · 2 TODO', 'day'], // the hidden note is shown but not counted
      ['Day02', '2 talks · 2 TODO', 'day'],
    ]);
    assert.deepStrictEqual(roots[0].children.map(row), [
      ['eBPF networking at scale', 'Ada Quinlan · Isovalent', 'talk'],
      ['What is Crossplane?', '', 'talk'],
      ['Harbor replication deep dive', 'hidden draft', 'talk.hidden'],
    ]);
    assert.deepStrictEqual(roots[1].children.map(row), [
      ['Keynote 1: Ten years of cloud native', '', 'talk'],
      ['Running Argo CD at scale', 'Bo Lindqvist, Priya Raman · Acme, Initech', 'talk'],
    ]);
    const ebpf = roots[0].children[0];
    assert.deepStrictEqual(ebpf.element, { kind: 'talk', uri: doc.uri, line: 9 });
    assert.deepStrictEqual(ebpf.children.map(row), [['TODO: add the video', 'TODO · line 11', 'todo']]);
    assert.deepStrictEqual(ebpf.children[0].element, {
      kind: 'todo',
      uri: doc.uri,
      todo: { kind: 'todo', text: 'TODO: add the video', line: 11, column: 3, endColumn: 22 },
      talk: 'eBPF networking at scale',
    });
    assert.deepStrictEqual(roots[0].children[2].children.map(row), [['ask about pull-through cache', 'hidden note · line 18', 'todo']]);
  });

  it('gives each row its icon, expansion and the reveal command with its element', () => {
    const roots = talksTree().build(new InMemoryDocument('file:///notes/icons.md', KUBECON));
    const [day1, day2] = roots;
    assert.deepStrictEqual([day1.icon, day1.collapsible], [{ id: 'calendar' }, 'expanded']);
    assert.deepStrictEqual([day1.children[0].icon, day1.children[0].collapsible], [{ id: 'comment-discussion' }, 'collapsed']);
    assert.deepStrictEqual(day1.children[2].icon, { id: 'eye-closed', color: 'disabledForeground' });
    assert.deepStrictEqual(day2.children[0].icon, { id: 'megaphone' }, 'a keynote has its own icon');
    assert.deepStrictEqual(
      day2.children.map((t) => t.children.map((c) => c.icon)),
      [[{ id: 'question' }], [{ id: 'link', color: 'list.warningForeground' }]],
    );
    for (const n of [day1, day1.children[1], day1.children[0].children[0]]) {
      assert.deepStrictEqual(n.command, { id: 'talkCapture.revealItem', title: 'Reveal in Editor', args: [n.element] });
    }
  });

  it('tooltips: the talk’s details in Markdown (escaped), the day’s counts as text, the TODO’s text in a code block', () => {
    const text = '## Day 1\n\n### Sponsored keynote: Scale [fast] (part 1) - Ada Quinlan, Acme\n\n#### Intro\n\nTODO: a > b\n';
    const day = talksTree().build(new InMemoryDocument('file:///notes/tips.md', text))[0];
    assert.strictEqual(day.tooltip, 'Day 1: lines 1–8, 1 talk, 0 hidden drafts, 1 TODO item');
    const talk = day.children[0];
    assert.strictEqual(
      markdown(talk),
      '**Sponsored keynote: Scale \\[fast\\] \\(part 1\\)**\n\nSpeakers: Ada Quinlan\n\nCompany: Acme\n\nKind: Sponsored keynote\n\nDay: Day 1\n\nSections: Intro\n\nLines 3–8 · 1 TODO',
    );
    assert.strictEqual(
      markdown(talk.children[0]),
      'TODO&nbsp;on&nbsp;line&nbsp;7&nbsp;in&nbsp;“Sponsored&nbsp;keynote:&nbsp;Scale&nbsp;\\[fast\\]&nbsp;\\(part&nbsp;1\\)”\n\n\n\n\n```markdown\nTODO: a > b\n```\n',
    );
  });

  it('says "1 talk", and counts hidden notes as TODO items only when asked', () => {
    const text = '## Day01\n\n### Only talk\n\n[//]: # (TODO ask about the quota)\n\n## Day02\n\n### Group: Lightning talks\n\n#### Tiny one - Ada Quinlan\n\nTODO: slides\n';
    const doc = new InMemoryDocument('file:///notes/counting.md', text);
    const days = talksTree().build(doc);
    assert.deepStrictEqual(
      days.map((d) => [d.label, d.description]),
      [
        ['Day01', '1 talk · 0 TODO'],
        ['Day02', '1 talk · 1 TODO'],
      ],
    );
    assert.deepStrictEqual(days[0].children[0].children.map(row), [['TODO ask about the quota', 'hidden note · line 5', 'todo']], 'the hidden note is still a row');
    const group = days[1].children[0];
    assert.deepStrictEqual([...row(group), group.icon.id, group.tooltip], ['Group: Lightning talks', '1 talk', 'group', 'folder-library', 'Group: Lightning talks (lines 9–14)']);
    assert.deepStrictEqual(group.children.map(row), [['Tiny one', 'Ada Quinlan', 'talk']]);
    assert.strictEqual(talksTree({ includeHidden: true }).build(doc)[0].description, '1 talk · 1 TODO');
  });

  it('keeps the ids of the other rows when a talk is typed in (no line numbers in ids)', () => {
    const tree = talksTree();
    const before = tree.build(new InMemoryDocument('file:///notes/typing.md', KUBECON, 1));
    const edited = KUBECON.replace('## Day02', '### Linkerd on the edge - Rui Costa, Example\n\n## Day02');
    const after = tree.build(new InMemoryDocument('file:///notes/typing.md', edited, 2));
    assert.deepStrictEqual(after[0].children.map(row).slice(-1), [['Linkerd on the edge', 'Rui Costa · Example', 'talk']]);
    assert.strictEqual(after[0].description, '3 talks · 2 TODO');
    const ids = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);
    const kept = ids(before);
    assert.deepStrictEqual(
      ids(after).filter((id) => kept.includes(id)),
      kept,
    );
    assert.strictEqual(new Set(ids(after)).size, ids(after).length, 'ids are unique');
  });

  it('makes two talks with one heading two ids', () => {
    const roots = talksTree().build(new InMemoryDocument('file:///notes/twice.md', '## Day 1\n\n### Q&A\n\n### Q&A\n'));
    const [a, b] = roots[0].children;
    assert.strictEqual(b.id, `${a.id}#1`);
  });

  it('shows a broken front matter as a warning row first, the talks still shown', () => {
    const text = '---\ntitle: "Broken\ntags: [a, b\n---\n\n## Day 1\n\n### Still readable - Ana Lopez, Example\n';
    const roots = talksTree().build(new InMemoryDocument('file:///notes/broken.md', text));
    assert.deepStrictEqual(roots[0].contextValue, 'problem');
    assert.match(roots[0].label, /YAML front matter cannot be read \(line 3\)/);
    assert.deepStrictEqual(roots[0].icon, { id: 'warning', color: 'list.warningForeground' });
    assert.deepStrictEqual(
      roots.slice(1).map((r) => r.label),
      ['Day 1'],
    );
    assert.deepStrictEqual(roots[1].children.map(row), [['Still readable', 'Ana Lopez · Example', 'talk']]);
  });

  it('shows one warning row for a note that is not read (binary)', () => {
    const roots = talksTree().build(new InMemoryDocument('file:///notes/binary.md', '## Day 1\n\0\0\0'));
    assert.deepStrictEqual(
      roots.map((r) => [r.contextValue, r.element]),
      [['problem', { kind: 'problem', uri: 'file:///notes/binary.md', line: 1 }]],
    );
    assert.ok(roots[0].label.length > 0);
  });

  it('shows the headings of a post that is not conference notes as sections', () => {
    const text = '---\ntitle: "Two days by the river"\ntags:\n  - travel\n---\n\n## <a name="start"></a>Start\n\nWe took the train.\n\n## Along the quay\n\n- the museum\n';
    const roots = talksTree().build(new InMemoryDocument('file:///blog/river/index.md', text));
    assert.deepStrictEqual(
      roots.map((r) => [r.label, r.contextValue, r.icon.id]),
      [
        ['Start', 'section', 'symbol-text'],
        ['Along the quay', 'section', 'symbol-text'],
      ],
    );
    assert.match(markdown(roots[0]) ?? '', /A section: this post does not read as conference notes/);
  });

  it('finds the row of the talk, else the day, holding a line', () => {
    const tree = talksTree();
    const doc = new InMemoryDocument('file:///notes/at.md', KUBECON);
    const roots = tree.build(doc);
    assert.strictEqual(tree.nodeAt(doc, roots, 15)?.label, 'What is Crossplane?');
    assert.strictEqual(tree.nodeAt(doc, roots, 27)?.label, 'Running Argo CD at scale');
    assert.strictEqual(tree.nodeAt(doc, roots, 21)?.label, 'Day02', 'the blank line between the day and its first talk');
    assert.strictEqual(tree.nodeAt(doc, roots, 3), undefined, 'the front matter');
  });
});
