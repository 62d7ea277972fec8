// Completion while typing, in a default VS Code: a person types a few letters of a project
// name mid-sentence and the list appears by itself; prose never gets a list.
import assert from 'node:assert/strict';
import { focusEditorEnd, openFile, press, readWorkspaceFile, save, screenshot, session, suggestVisible, type, waitForSuggestion } from './harness.mjs';

/** Records whether the suggest widget became visible at any moment since the call. */
async function watchSuggest() {
  await session.page.evaluate(() => {
    window.__suggestSeen = false;
    const seen = () => {
      if (document.querySelector('.editor-widget.suggest-widget.visible')) window.__suggestSeen = true;
    };
    window.__suggestObserver?.disconnect();
    window.__suggestObserver = new MutationObserver(seen);
    window.__suggestObserver.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
  });
}
const suggestSeen = () => session.page.evaluate(() => window.__suggestSeen === true);

/** Waits until the focused row of the suggest list is `label`. */
async function waitForFocusedRow(label) {
  await session.page.waitForFunction((l) => (document.querySelector('.editor-widget.suggest-widget.visible .monaco-list-row.focused')?.textContent ?? '').includes(l), label, {
    timeout: 10_000,
  });
}

describe('journey: completion while typing', () => {
  it('typing `Prom` mid-sentence offers Prometheus; Enter leaves the link, and it is saved', async () => {
    await openFile('notes/typing.md');
    await focusEditorEnd();
    await type('We scrape metrics with Pro');
    const third = Date.now();
    const rows = await waitForSuggestion('Prometheus');
    const ms = Date.now() - third;
    console.log(`      suggestion visible ${ms} ms after the third letter (rows: ${rows.slice(0, 3).join(' | ')})`);
    await type('m');
    await waitForFocusedRow('Prometheus');
    await screenshot('completion-prometheus-offered');
    await press('Enter');
    await type(' every minute.');
    await save('notes/typing.md');
    const saved = readWorkspaceFile('notes/typing.md');
    assert.match(saved, /^We scrape metrics with \[Prometheus\]\(https:\/\/prometheus\.io\/\) every minute\.$/m);
  });

  it('ordinary prose typed at a normal pace never opens a list', async () => {
    await focusEditorEnd();
    await press('Enter');
    await press('Enter');
    await watchSuggest();
    await type('The community could contain people who promise to open more issues, and then they prompt us.');
    assert.equal(await suggestSeen(), false, 'the suggest list opened while typing prose');
    await press('Enter');
    await press('Enter');
  });

  it('a lower-case name opens the list once it is no longer the start of a common word (`kube`)', async () => {
    await focusEditorEnd();
    await type('Everything runs on kube');
    await waitForSuggestion('Kubernetes');
    await type('r');
    await waitForFocusedRow('Kubernetes');
    await press('Tab');
    await type(' clusters.');
    await save('notes/typing.md');
    assert.match(readWorkspaceFile('notes/typing.md'), /^Everything runs on \[Kubernetes\]\(https:\/\/kubernetes\.io\/?\) clusters\.$/m);
    assert.equal(await suggestVisible(), false);
  });

  it('nothing opens inside a code span', async () => {
    await focusEditorEnd();
    await press('Enter');
    await watchSuggest();
    await type('Run `kubectl get Prometheus` now.');
    assert.equal(await suggestSeen(), false, 'the suggest list opened inside inline code');
    await save('notes/typing.md');
  });
});
