import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi, getApiOf, openMarkdown, closeAllEditors, screenshot, waitFor } from './helpers';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('extension', () => {
  after(closeAllEditors);

  it('activates on a Markdown document and registers every feature', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    await openMarkdown('# Notes\n');
    const api = await getApi();
    assert.ok(ext.isActive, 'extension is active after opening Markdown');
    const parts = [
      'capture',
      'landscape',
      'linkMentions',
      'projectDiagnostics',
      'publishCheck',
      'frontMatter',
      'finishPost',
      'talksView',
      'todosView',
      'schedule',
      'scheduleView',
    ] as const;
    assert.deepStrictEqual(
      parts.filter((p) => api[p] === undefined),
      [],
      'activate() registered every feature (each hands its part of the API)',
    );
    console.log(`      activate() took ${api.activationMs.toFixed(1)} ms`);
  });

  it('contributes its commands, all in the Talk Capture category', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: Array<{ command: string; category: string }> };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.filter((c) => !registered.has(c.command)).map((c) => c.command);
    assert.deepStrictEqual(missing, [], 'every contributed command is registered');
    for (const c of pkg.contributes.commands) assert.strictEqual(c.category, 'Talk Capture', c.command);
  });

  it('shows the Talk Capture container with its Talks view, listing the open note’s days and talks', async () => {
    await openMarkdown('# Notes\n\n## Day01\n\n### Sidecars, revisited - Ada Quinlan, Example\n\n- notes\n');
    await vscode.commands.executeCommand('workbench.view.extension.talkCapture');
    const talks = await getApiOf('talksView');
    await waitFor(() => talks.view.visible, 'the Talks view is visible after opening the Talk Capture container');
    const days = await waitFor(async () => {
      const roots = await talks.provider.getChildren(undefined);
      return roots.some((el) => label(talks.provider.getTreeItem(el)) === 'Day01') ? roots : undefined;
    }, 'the note’s day in the Talks view');
    assert.deepStrictEqual(
      days.map((el) => label(talks.provider.getTreeItem(el))),
      ['Day01'],
    );
    const inDay = await talks.provider.getChildren(days[0]);
    assert.deepStrictEqual(
      inDay.map((el) => label(talks.provider.getTreeItem(el))),
      ['Sidecars, revisited'],
    );
    await screenshot('sidebar');
  });
});
