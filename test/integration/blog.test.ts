import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openFile, screenshot, waitFor } from './helpers';

const SOURCE = 'Talk Capture publish check';
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('a blog post that is not conference notes (page bundle)', function () {
  this.timeout(60000);
  afterEach(closeAllEditors);

  it('the publish check finds no false problem: bundle images, relative links, comments, a complete (link) link', async () => {
    const api = await getApiOf('publishCheck');
    const editor = await openFile('blog/river-trip/index.md');
    await vscode.commands.executeCommand('talkCapture.checkNotes');
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SOURCE);
    assert.deepStrictEqual(
      diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}: ${d.message}`),
      [],
    );
    assert.match(api.lastSummary ?? '', /ready to publish/);
  });

  it('the Talks view shows its headings as sections, labelled without their HTML', async () => {
    const api = await getApiOf('talksView');
    await openFile('blog/river-trip/index.md');
    await vscode.commands.executeCommand('talkCapture.talks.focus');
    const rows = async () =>
      (await api.provider.getChildren()).map((el) => {
        const item = api.provider.getTreeItem(el);
        return [label(item), item.contextValue ?? ''];
      });
    await waitFor(async () => api.provider.doc?.uri.path.endsWith('river-trip/index.md') && (await rows()).length > 0, 'the Talks view to show the post');
    assert.deepStrictEqual(await rows(), [
      ['Start', 'section'],
      ['Along the quay', 'section'],
    ]);
    const shot = await screenshot('blog-post-sections');
    if (shot) console.log(`      screenshot: ${shot}`);
  });
});
