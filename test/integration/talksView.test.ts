import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openFile, openMarkdown, screenshot, setSetting, waitFor, workspaceUri, workbenchCaughtUp } from './helpers';

import type { TalksViewApi as TreeApi } from '../../src/vscode/api';
import type { NotesElement as Element } from '../../src/vscode/api';

/** The 1-based line of a day, talk, group or problem element (a TODO element has its item's). */
const lineOf = (el: Element | undefined) => (el && 'line' in el ? el.line : undefined);

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

async function talks(): Promise<TreeApi> {
  return getApiOf('talksView');
}

async function rows(api: TreeApi, parent?: Element): Promise<Array<{ el: Element; label: string; description: string; context: string; id: string; item: vscode.TreeItem }>> {
  const children = await api.provider.getChildren(parent);
  return children.map((el) => {
    const item = api.provider.getTreeItem(el);
    return { el, label: label(item), description: String(item.description ?? ''), context: item.contextValue ?? '', id: item.id ?? '', item };
  });
}

/** Waits until the Talks view shows the given document's days. */
async function showing(api: TreeApi, file: string, firstLabel: string): Promise<void> {
  await waitFor(async () => api.provider.doc?.uri.path.endsWith(file) && (await rows(api)).some((r) => r.label === firstLabel), `the Talks view to show ${file}`);
}

describe('talks view', function () {
  this.timeout(60000);
  after(closeAllEditors);

  it('shows days with counts, talks with speakers, hidden drafts and TODO items, in order', async () => {
    const api = await talks();
    await openFile('notes/kubecon-na.md');
    await vscode.commands.executeCommand('talkCapture.talks.focus');
    await showing(api, 'kubecon-na.md', 'Day01');
    const days = await rows(api);
    assert.deepStrictEqual(
      days.map((d) => [d.label, d.description, d.context]),
      [
        ['Day01', '2 talks · 2 TODO', 'day'], // the hidden note is shown (dimmed) but not counted
        ['Day02', '2 talks · 2 TODO', 'day'],
      ],
    );
    const d1 = await rows(api, days[0].el);
    assert.deepStrictEqual(
      d1.map((t) => [t.label, t.description, t.context]),
      [
        ['eBPF networking at scale', 'Ada Quinlan · Isovalent', 'talk'],
        ['What is Crossplane?', '', 'talk'],
        ['Harbor replication deep dive', 'hidden draft', 'talk.hidden'],
      ],
    );
    assert.deepStrictEqual(
      { kind: d1[0].el.kind, line: lineOf(d1[0].el), uri: d1[0].el.uri.toString() },
      { kind: 'talk', line: 12, uri: workspaceUri('notes/kubecon-na.md').toString() },
    );
    const d2 = await rows(api, days[1].el);
    assert.deepStrictEqual(
      d2.map((t) => [t.label, t.description]),
      [
        ['Keynote 1: Ten years of cloud native', ''],
        ['Running Argo CD at scale', 'Bo Lindqvist, Priya Raman · Acme, Initech'],
      ],
    );
    const todos = await rows(api, d1[0].el);
    assert.deepStrictEqual(
      todos.map((t) => [t.label, t.description, t.context]),
      [['TODO: add the video', 'TODO · line 15', 'todo']],
    );
    const el = todos[0].el;
    assert.deepStrictEqual(Object.keys(el).sort(), ['kind', 'talk', 'todo', 'uri']);
    assert.strictEqual(el.kind, 'todo');
    assert.strictEqual(el.talk, 'eBPF networking at scale');
    assert.deepStrictEqual(el.todo, { kind: 'todo', text: 'TODO: add the video', line: 15, column: 3, endColumn: 22 });
    const hidden = await rows(api, d1[2].el);
    assert.deepStrictEqual(
      hidden.map((t) => [t.label, t.description]),
      [['ask about pull-through cache', 'hidden note · line 22']],
    );

    await api.view.reveal(d1[0].el, { expand: true });
    await api.view.reveal(d2[1].el, { expand: true });
    await screenshot('talks-view');
  });

  it('clicking an item reveals its line (and a TODO item selects its text)', async () => {
    const api = await talks();
    const days = await rows(api);
    const d2 = await rows(api, days[1].el);
    const argo = d2[1].item;
    assert.ok(argo.command, 'talk items have a click command');
    await vscode.commands.executeCommand(argo.command.command, ...(argo.command.arguments ?? []));
    await waitFor(() => vscode.window.activeTextEditor?.selection.active.line === 29, 'the cursor on the Argo CD talk heading (line 30)');
    const todo = (await rows(api, d2[1].el))[0].item;
    await vscode.commands.executeCommand(todo.command!.command, ...(todo.command!.arguments ?? []));
    await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.getText(e.selection) === '[slides]()';
    }, 'the TODO text selected');
  });

  it('typing a new talk heading updates the tree, keeping the other items (stable ids)', async () => {
    const api = await talks();
    const editor = await openFile('notes/kubecon-na.md');
    await showing(api, 'kubecon-na.md', 'Day01');
    const before = await rows(api, (await rows(api))[0].el);
    const ids = before.map((r) => r.id);
    // type the heading character by character, like a person
    const at = new vscode.Position(23, 0); // the blank line before "## Day02"
    const text = '### Linkerd on the edge - Rui Costa, Example\n';
    for (let i = 0; i < text.length; i += 6) {
      await editor.edit((b) => b.insert(at.translate(0, i), text.slice(i, i + 6).replace('\n', '')), { undoStopBefore: false, undoStopAfter: false });
      await workbenchCaughtUp(); // one edit after the other, as keys arrive
    }
    await editor.edit((b) => b.insert(new vscode.Position(23, text.length - 1), '\n'));
    const after = await waitFor(async () => {
      const r = await rows(api, (await rows(api))[0].el);
      return r.some((x) => x.label === 'Linkerd on the edge') ? r : undefined;
    }, 'the new talk in the tree');
    assert.deepStrictEqual(
      after.map((r) => [r.label, r.description]),
      [
        ['eBPF networking at scale', 'Ada Quinlan · Isovalent'],
        ['What is Crossplane?', ''],
        ['Harbor replication deep dive', 'hidden draft'],
        ['Linkerd on the edge', 'Rui Costa · Example'],
      ],
    );
    assert.deepStrictEqual(
      after.slice(0, 3).map((r) => r.id),
      ids,
      'existing items keep their ids',
    );
    assert.strictEqual((await rows(api))[0].description, '3 talks · 2 TODO');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(async () => !(await rows(api, (await rows(api))[0].el)).some((x) => x.label === 'Linkerd on the edge'), 'the tree back after revert');
  });

  it('says "1 talk", keeps hidden notes shown but out of the TODO count unless talkCapture.todos.includeHiddenDrafts', async () => {
    const api = await talks();
    const editor = await openMarkdown(
      '## Day01\n\n### Only talk\n\n[//]: # (TODO ask about the quota)\n\n## Day02\n\n### Group: Lightning talks\n\n#### Tiny one - Ada Quinlan\n\nTODO: slides\n',
    );
    await vscode.window.showTextDocument(editor.document);
    api.refresh?.();
    await waitFor(async () => api.provider.doc === editor.document && (await rows(api)).some((r) => r.label === 'Day01'), 'the Talks view to show the note');
    const days = await rows(api);
    assert.deepStrictEqual(
      days.map((d) => [d.label, d.description]),
      [
        ['Day01', '1 talk · 0 TODO'],
        ['Day02', '1 talk · 1 TODO'],
      ],
    );
    assert.match(String(days[0].item.tooltip), /1 talk, 0 hidden drafts, 0 TODO items/);
    const only = (await rows(api, days[0].el))[0];
    assert.strictEqual(only.label, 'Only talk');
    assert.deepStrictEqual(
      (await rows(api, only.el)).map((r) => [r.label, r.description]),
      [['TODO ask about the quota', 'hidden note · line 5']],
      'the hidden note is still in the tree',
    );
    const group = (await rows(api, days[1].el))[0];
    assert.deepStrictEqual([group.label, group.description], ['Group: Lightning talks', '1 talk']);
    const restore = await setSetting('todos.includeHiddenDrafts', true);
    try {
      await waitFor(async () => (await rows(api))[0]?.description === '1 talk · 1 TODO', 'the hidden note counted with the setting on');
    } finally {
      await restore();
    }
    await waitFor(async () => (await rows(api))[0]?.description === '1 talk · 0 TODO', 'not counted again with the setting off');
  });

  it('reveal current talk selects the talk under the cursor', async () => {
    const api = await talks();
    const editor = await openFile('notes/kubecon-na.md');
    editor.selection = new vscode.Selection(31, 0, 31, 0); // inside the Argo CD talk
    await vscode.commands.executeCommand('talkCapture.revealCurrentTalk');
    await waitFor(() => api.view.selection[0]?.kind === 'talk' && api.view.selection[0]?.line === 30, 'the Argo CD talk selected');
  });

  it('follows the cursor when talkCapture.talks.followCursor is on', async () => {
    const api = await talks();
    const restore = await setSetting('talks.followCursor', true);
    try {
      const editor = await openFile('notes/kubecon-na.md');
      await vscode.commands.executeCommand('talkCapture.talks.focus');
      await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
      editor.selection = new vscode.Selection(17, 0, 17, 0); // inside "What is Crossplane?"
      await waitFor(() => lineOf(api.view.selection[0]) === 17, 'the Crossplane talk (line 17) selected');
    } finally {
      await restore();
    }
  });

  it('a TOML draft: plain "Day03:" day, a ## talk in it, a #### section', async () => {
    const api = await talks();
    await openFile('notes/draft-day3.md');
    await showing(api, 'draft-day3.md', 'Day03');
    const days = await rows(api);
    assert.deepStrictEqual(
      days.map((d) => [d.label, d.description]),
      [['Day03', '3 talks · 2 TODO']],
    );
    const t = await rows(api, days[0].el);
    assert.deepStrictEqual(
      t.map((r) => r.label),
      ['Keynote 1', 'Volcano batch scheduling', 'ContribFest Tekton'],
    );
    const tip = t[1].item.tooltip;
    assert.ok(tip instanceof vscode.MarkdownString && tip.value.includes('Sections: Intro'), 'the tooltip lists the sections');
  });

  it('malformed front matter shows as a warning item, the talks still show', async () => {
    const api = await talks();
    await openFile('notes/broken-front-matter.md');
    await showing(api, 'broken-front-matter.md', 'Day 1');
    const top = await rows(api);
    assert.strictEqual(top[0].context, 'problem');
    assert.match(top[0].label, /YAML front matter cannot be read \(line 3\)/);
    assert.deepStrictEqual(
      top.slice(1).map((r) => r.label),
      ['Day 1'],
    );
    assert.deepStrictEqual(
      (await rows(api, top[1].el)).map((r) => [r.label, r.description]),
      [['Still readable', 'Ana Lopez · Example']],
    );
    await screenshot('talks-view-front-matter-problem');
  });

  it('is empty (welcome content) when no Markdown note is active', async () => {
    const api = await talks();
    await closeAllEditors();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not notes' });
    await vscode.window.showTextDocument(doc);
    await waitFor(async () => (await rows(api)).length === 0, 'an empty Talks view');
  });
});
