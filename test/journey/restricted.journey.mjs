// A repository the user did not write: its workspace settings must not freeze the editor.
// Untrusted (Restricted Mode), the settings that run patterns are ignored; trusted, a nested
// repetition runs in linear time and a pattern that cannot is refused with a message.
import assert from 'node:assert/strict';
import { notifications, openFile, runCommand, screenshot, session, showTalkCaptureSidebar, startSession, stopSession, waitForTreeRow, waitForToast } from './harness.mjs';

describe('journey: a cloned repository with hostile settings', () => {
  before(async function () {
    this.timeout(240_000);
    await stopSession();
    await startSession({ trust: true, fixture: 'journeys-restricted' });
  });

  it('opened in Restricted Mode, the note shows its days and talks at once', async () => {
    // VS Code asks whether to trust the folder's authors: the careful answer.
    const no = session.page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust/ }).first();
    await no.waitFor({ timeout: 60_000 });
    await no.click();
    await session.page.waitForFunction(
      () => [...document.querySelectorAll('.statusbar-item, .window-title, .titlebar')].some((e) => /Restricted Mode/i.test(e.textContent ?? '')),
      undefined,
      { timeout: 20_000 },
    );
    await openFile('notes/hostile.md');
    await showTalkCaptureSidebar();
    await waitForTreeRow('Talks', (r) => /^Day 1/.test(r.label));
    await waitForTreeRow('Talks', (r) => r.label.includes('Talk one'));
    await waitForTreeRow('Talks', (r) => r.label.includes('Talk two'));
    await screenshot('restricted-mode-talks');
    assert.ok(!(await notifications()).some((t) => /refused/.test(t)), 'the workspace patterns were not even read');
  });

  it('trusted, the nested repetition runs in linear time and the lookahead is refused with a message', async () => {
    await runCommand('Workspaces: Manage Workspace Trust');
    const trust = session.page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
    await trust.waitFor({ timeout: 20_000 });
    await trust.click();
    const toast = await waitForToast((t) => /talkCapture\.todoPatterns was refused/.test(t));
    assert.match(toast, /lookahead|look-ahead|lookaround/i);
    await openFile('notes/hostile.md');
    await showTalkCaptureSidebar();
    // The pattern matches no heading here (not even `Day 1`): the talks are listed, nothing hangs.
    await waitForTreeRow('Talks', (r) => r.label.includes('Talk one'));
    await waitForTreeRow('Talks', (r) => r.label.includes('Talk two'));
    await screenshot('trusted-hostile-settings');
  });
});
