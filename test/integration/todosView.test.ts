import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openFile, screenshot, setSetting, waitFor, workspaceRoot, workspaceUri, writeFile } from './helpers';
import { nodeNotesFs } from '../../src/cli/notesFs';
import { listNotes, notesRules } from '../../src/core/notes/workspaceNotes';

import type { TodosViewApi as TodosApi } from '../../src/vscode/api';
import type { NotesElement as Element } from '../../src/vscode/api';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

async function todos(): Promise<TodosApi> {
  return getApiOf('todosView');
}

async function fileRow(api: TodosApi, rel: string): Promise<Element | undefined> {
  const files = await api.provider.getChildren();
  return files.find((f) => f.uri.toString() === workspaceUri(rel).toString());
}

describe('talks view: TODO links', function () {
  this.timeout(60000);
  after(closeAllEditors);

  it('lists the TODO items of the workspace notes by file and talk, with a badge', async () => {
    const api = await todos();
    await vscode.commands.executeCommand('talkCapture.todos.focus');
    await api.rescan();
    // The hidden note on line 22 is a note, not a TODO item (talkCapture.todos.includeHiddenDrafts is off).
    assert.strictEqual(api.countFor(workspaceUri('notes/kubecon-na.md')), 4);
    assert.strictEqual(api.countFor(workspaceUri('notes/draft-day3.md')), 2);
    assert.strictEqual(api.countFor(workspaceUri('notes/broken-front-matter.md')), 0);
    const file = await fileRow(api, 'notes/kubecon-na.md');
    assert.ok(file, 'kubecon-na.md is listed');
    const fileItem = api.provider.getTreeItem(file);
    assert.strictEqual(label(fileItem), 'kubecon-na.md');
    assert.strictEqual(fileItem.description, 'notes · 4 TODO');
    assert.ok(!(await fileRow(api, 'notes/broken-front-matter.md')), 'notes without TODO items are not listed');
    const talks = await api.provider.getChildren(file);
    assert.deepStrictEqual(
      talks.map((t) => [label(api.provider.getTreeItem(t)), api.provider.getTreeItem(t).description]),
      [
        ['eBPF networking at scale', '1 TODO'],
        ['What is Crossplane?', '1 TODO'],
        ['Keynote 1: Ten years of cloud native', '1 TODO'],
        ['Running Argo CD at scale', '1 TODO'],
      ],
    );
    const items = await api.provider.getChildren(talks[1]);
    assert.deepStrictEqual(
      items.map((i) => [label(api.provider.getTreeItem(i)), api.provider.getTreeItem(i).contextValue]),
      [['Slides (link)', 'todo']],
    );
    assert.deepStrictEqual(Object.keys(items[0]).sort(), ['kind', 'talk', 'todo', 'uri']);
    const first = items[0];
    assert.strictEqual(first.kind, 'todo');
    assert.strictEqual(first.talk, 'What is Crossplane?');
    assert.strictEqual(api.view.badge?.value, api.total());
    await api.view.reveal(items[0], { expand: true });
    await screenshot('todos-view');
  });

  it('updates on edit without rescanning the workspace', async () => {
    const api = await todos();
    const editor = await openFile('notes/kubecon-na.md');
    const before = editor.document.getText();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nTODO: one more item\n'));
    await waitFor(() => api.countFor(workspaceUri('notes/kubecon-na.md')) === 5, 'the new TODO counted');
    assert.strictEqual(api.view.badge?.value, api.total());
    // Take the line out again through an edit (a revert command acts on whichever editor has focus).
    const doc = editor.document;
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(before.length), doc.positionAt(doc.getText().length)), '')));
    assert.strictEqual(doc.getText(), before);
    await waitFor(() => api.countFor(workspaceUri('notes/kubecon-na.md')) === 4, 'back to 4 after revert');
  });

  it('talkCapture.todos.includeHiddenDrafts brings hidden notes back into the list and the badge', async () => {
    const api = await todos();
    const uri = workspaceUri('notes/kubecon-na.md');
    await api.rescan();
    assert.strictEqual(api.countFor(uri), 4);
    const without = api.total();
    const restore = await setSetting('todos.includeHiddenDrafts', true);
    try {
      await waitFor(() => api.countFor(uri) === 5, 'the hidden note counted once the setting is on');
      await api.rescan();
      assert.ok(api.total() > without, `more items listed (${without} → ${api.total()})`);
      assert.strictEqual(api.view.badge?.value, api.total());
      const file = await fileRow(api, 'notes/kubecon-na.md');
      assert.ok(file);
      const talks = await api.provider.getChildren(file);
      const harbor = talks.find((t) => label(api.provider.getTreeItem(t)) === 'Harbor replication deep dive');
      assert.ok(harbor, 'the hidden draft talk is listed again');
      const items = await api.provider.getChildren(harbor);
      assert.deepStrictEqual(
        items.map((i) => [label(api.provider.getTreeItem(i)), i.kind === 'todo' ? i.todo.kind : undefined]),
        [['ask about pull-through cache', 'hidden']],
      );
    } finally {
      await restore();
    }
    await waitFor(() => api.countFor(uri) === 4, 'back to 4 with the setting off');
    await api.rescan();
    assert.strictEqual(api.total(), without);
    assert.strictEqual(api.view.badge?.value, without);
  });

  it('follows files created and deleted on disk (file watcher)', async () => {
    const api = await todos();
    const uri = await writeFile('notes/written-later.md', '## Day 1\n\n### Late talk\n\n[slides]() and (check)\n');
    await waitFor(() => api.countFor(uri) === 2, 'the new file listed', 15000);
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => api.countFor(uri) === undefined, 'the deleted file gone', 15000);
  });

  it('reads exactly the notes `talk-capture todos` reads in the folder: hidden, dependency and build folders left out', async () => {
    const api = await todos();
    const kept = await writeFile('notes/extra/kept.md', 'TODO: kept\n');
    const left = await Promise.all(
      ['.obsidian/state.md', 'node_modules/pkg/README.md', 'site/public/index.md', 'notes/.draft.md'].map((rel) => writeFile(rel, 'TODO: left out\n')),
    );
    try {
      await api.rescan();
      const cli = await listNotes(nodeNotesFs(workspaceRoot()), notesRules());
      assert.ok(cli.paths.includes('notes/extra/kept.md'));
      assert.deepStrictEqual(
        api
          .files()
          .map((uri) => vscode.workspace.asRelativePath(uri, false))
          .sort(),
        [...cli.paths].sort(),
      );
      assert.strictEqual(api.countFor(kept), 1);
      for (const uri of left) assert.strictEqual(api.countFor(uri), undefined, `${uri.path} is not listed`);
    } finally {
      for (const rel of ['notes/extra', '.obsidian', 'node_modules', 'site', 'notes/.draft.md']) await vscode.workspace.fs.delete(workspaceUri(rel), { recursive: true });
      await api.rescan();
    }
  });

  it('clicking a TODO item reveals it', async () => {
    const api = await todos();
    const file = await fileRow(api, 'notes/draft-day3.md');
    assert.ok(file);
    const talks = await api.provider.getChildren(file);
    const item = api.provider.getTreeItem((await api.provider.getChildren(talks[0]))[0]);
    assert.strictEqual(label(item), 'TODO: watch the recording');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith('draft-day3.md') && e.document.getText(e.selection) === 'TODO: watch the recording';
    }, 'the TODO selected in draft-day3.md');
  });
});
