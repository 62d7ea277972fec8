// The browser build, as on vscode.dev or github.dev: the same workbench with the extension sent
// to the browser's web-worker extension host (the user setting remote.extensionKind, as the
// extension gets there on a site with no server). A person types a project prefix and gets the
// link; the Output channel says where the extension runs.
import assert from 'node:assert/strict';
import {
  focusEditorEnd,
  openFile,
  press,
  readWorkspaceFile,
  runCommand,
  save,
  screenshot,
  session,
  startSession,
  stopSession,
  type,
  waitForQuickInput,
  waitForSuggestion,
} from './harness.mjs';

describe('journey: in the browser (web worker extension host)', () => {
  before(async function () {
    this.timeout(240_000);
    await stopSession();
    await startSession({ settings: { 'remote.extensionKind': { 'talkcapture.talk-capture': ['web'] } } });
  });

  it('typing `Prom` mid-sentence offers Prometheus; Enter leaves the link, and it is saved', async () => {
    await openFile('notes/typing.md');
    await focusEditorEnd();
    await type('In the browser we scrape metrics with Pro');
    await waitForSuggestion('Prometheus');
    await type('m');
    await session.page.waitForFunction(
      () => (document.querySelector('.editor-widget.suggest-widget.visible .monaco-list-row.focused')?.textContent ?? '').includes('Prometheus'),
      undefined,
      {
        timeout: 10_000,
      },
    );
    await screenshot('web-completion-prometheus-offered');
    await press('Enter');
    await type(' every minute.');
    await save('notes/typing.md');
    assert.match(readWorkspaceFile('notes/typing.md'), /^In the browser we scrape metrics with \[Prometheus\]\(https:\/\/prometheus\.io\/\) every minute\.$/m);
  });

  it('the Talk Capture output says it runs in the browser’s web worker', async () => {
    assert.ok(
      session.console.some((l) => /web worker extension host is started/i.test(l)),
      'the workbench started its web worker extension host',
    );
    await runCommand('Output: Show Output Channels');
    await waitForQuickInput();
    await type('Talk Capture', 15);
    await session.page.waitForFunction(() => /Talk Capture/.test(document.querySelector('.quick-input-widget .monaco-list-row.focused')?.textContent ?? ''), undefined, {
      timeout: 10_000,
    });
    await press('Enter');
    // The editor shows spaces as no-break spaces in the DOM.
    await session.page.waitForFunction(
      () => /activated in [\d.]+ ms, in the browser’s web-worker extension host/.test((document.querySelector('.part.panel')?.textContent ?? '').replace(/\u00a0/g, ' ')),
      undefined,
      { timeout: 20_000 },
    );
    await screenshot('web-output-channel');
  });
});
