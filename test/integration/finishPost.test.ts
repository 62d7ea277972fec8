import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openMarkdown, screenshot, waitFor, workbenchCaughtUp } from './helpers';

const NOTE = [
  '---',
  'title: "Finish me"',
  'draft: true',
  'tags: [kubernetes]',
  '---',
  '',
  '## Day 1',
  '',
  '### Storage at scale - Ada Example, Example Corp',
  '',
  '- Vitness shards the data; Jaeger traces it.',
  '- Slides: [slides](TODO)',
  '',
].join('\n');

interface FinishResult {
  applied: string[];
  problems: number | undefined;
}

/** The publish check's diagnostics of a document, by kind. */
function checkKinds(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Talk Capture publish check')
    .map((d) => String(d.code));
}

describe('Finish Post…', () => {
  afterEach(closeAllEditors);

  it('previews the steps, applies them on Enter as one undo step, and checks the note', async () => {
    const api = await getApiOf('finishPost');
    api.lastPreview = undefined;
    const editor = await openMarkdown(NOTE);
    const doc = editor.document;
    const run = vscode.commands.executeCommand<FinishResult>('talkCapture.finishPost');
    const rows = await waitFor(() => api.lastPreview, 'the preview');
    assert.deepStrictEqual(rows, [
      { label: '$(whole-word) Fix 1 typo', detail: 'Vitness → Vitess', picked: true },
      { label: '$(link) Link 2 project mentions', detail: 'Vitess, Jaeger', picked: true },
      { label: '$(tag) Add 4 tags', detail: 'tags: vitess, jaeger; categories: vitess, jaeger', picked: true },
      { label: '$(eye) Turn draft off', detail: 'draft: false', picked: true },
    ]);
    await workbenchCaughtUp();
    assert.strictEqual(doc.getText(), NOTE, 'nothing changes before Enter');
    await screenshot('finish-post-preview');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await run;
    assert.deepStrictEqual(result, { applied: ['typos', 'links', 'tags', 'draft'], problems: 1 });
    assert.strictEqual(
      doc.getText(),
      NOTE.replace('draft: true', 'draft: false')
        .replace('tags: [kubernetes]', 'tags: [kubernetes, vitess, jaeger]\ncategories: [vitess, jaeger]')
        .replace('- Vitness shards the data; Jaeger traces it.', '- [Vitess](https://vitess.io/) shards the data; [Jaeger](https://www.jaegertracing.io/) traces it.'),
    );
    assert.strictEqual(
      api.lastMessage,
      'Talk Capture: finished the post: fixed 1 typo, linked 2 project mentions, added 4 tags, turned draft off. Still needs you: 1 placeholder link.',
    );
    // The check ran: its problems are in the Problems panel.
    assert.deepStrictEqual(checkKinds(doc.uri), ['placeholder']);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), NOTE, 'one undo restores the note');
  });

  it('leaves out the steps not chosen', async () => {
    const editor = await openMarkdown(NOTE);
    const result = await vscode.commands.executeCommand<FinishResult>('talkCapture.finishPost', { steps: ['links', 'draft'] });
    assert.deepStrictEqual(result.applied, ['links', 'draft']);
    assert.strictEqual(
      editor.document.getText(),
      NOTE.replace('draft: true', 'draft: false').replace(
        '- Vitness shards the data; Jaeger traces it.',
        '- Vitness shards the data; [Jaeger](https://www.jaegertracing.io/) traces it.',
      ),
    );
    const api = await getApiOf('finishPost');
    assert.match(api.lastMessage ?? '', /linked 1 project mention, turned draft off\. Still needs you: .*1 placeholder link.*1 typo hint.*tag fields? missing linked projects/);
  });

  it('Escape changes nothing', async () => {
    const api = await getApiOf('finishPost');
    api.lastPreview = undefined;
    const editor = await openMarkdown(NOTE);
    const run = vscode.commands.executeCommand<FinishResult | undefined>('talkCapture.finishPost');
    await waitFor(() => api.lastPreview, 'the preview');
    await workbenchCaughtUp(); // the preview shows before Escape
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await run, undefined);
    assert.strictEqual(editor.document.getText(), NOTE);
  });

  it('does what it can when the front matter is broken, and says why the rest cannot be done', async () => {
    const text = '---\ntitle: "Broken\ndraft: true\ntags: kubernetes\n---\n\n### A talk\n\n- Jaeger traces.\n';
    const editor = await openMarkdown(text);
    const result = await vscode.commands.executeCommand<FinishResult>('talkCapture.finishPost', { steps: ['typos', 'links', 'tags', 'draft'] });
    assert.deepStrictEqual(result.applied, ['links']);
    assert.strictEqual(editor.document.getText(), text.replace('- Jaeger traces.', '- [Jaeger](https://www.jaegertracing.io/) traces.'));
    const api = await getApiOf('finishPost');
    assert.match(
      api.lastMessage ?? '',
      /linked 1 project mention\. Cannot add tags: YAML front matter, line \d+: .*\. Cannot turn draft off: .*Still needs you: .*front matter problem/,
    );
  });

  it('a finished note: nothing to apply, no preview, and the check says it is ready', async () => {
    const api = await getApiOf('finishPost');
    api.lastPreview = undefined;
    const text = '---\ntitle: "Done"\ntags: [jaeger]\ncategories: [jaeger]\n---\n\n### A talk\n\n- [Jaeger](https://www.jaegertracing.io/) traces.\n';
    const editor = await openMarkdown(text);
    const result = await vscode.commands.executeCommand<FinishResult>('talkCapture.finishPost');
    assert.deepStrictEqual(result, { applied: [], problems: 0 });
    assert.strictEqual(api.lastPreview, undefined, 'no preview to confirm');
    assert.strictEqual(api.lastMessage, 'Talk Capture: nothing was changed. Ready to publish.');
    assert.strictEqual(editor.document.getText(), text);
  });
});
