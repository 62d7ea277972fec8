import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi, getApiOf, openMarkdown, closeAllEditors, screenshot, waitFor } from './helpers';

describe('extension', () => {
  after(closeAllEditors);

  it('activates on a Markdown document and reports its activation time', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    await openMarkdown('# Notes\n');
    const api = await getApi();
    assert.ok(ext.isActive, 'extension is active after opening Markdown');
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activation time recorded: ${api.activationMs}`);
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

  it('shows the Talk Capture container with its Talks view', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.talkCapture');
    const talks = await getApiOf('talksView');
    await waitFor(() => talks.view.visible, 'the Talks view is visible after opening the Talk Capture container');
    await screenshot('sidebar');
  });
});
