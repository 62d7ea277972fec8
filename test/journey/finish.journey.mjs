// Finishing the post: Link Project Mentions with its confirmation, a typo quick fix (Ctrl+.),
// Check Notes Before Publishing in the Problems panel, Resolve TODO Link from the TODO Links view,
// and Finish Post… doing all of it from its keybinding (and its Talks view button).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  focusEditorEnd,
  notifications,
  openFile,
  press,
  readWorkspaceFile,
  saveUntil,
  resetKeyCount,
  root,
  runCommand,
  save,
  screenshot,
  session,
  showTalkCaptureSidebar,
  type,
  waitForLine,
  waitForQuickInput,
  quickInputRows,
  waitForQuickInputClosed,
  waitForToast,
  waitForTreeRow,
  writeWorkspaceFile,
} from './harness.mjs';

async function goTo(line, column) {
  await press('Control+G');
  await waitForQuickInput();
  await type(`${line}:${column}`, 20);
  await press('Enter');
  await waitForQuickInputClosed();
}

/** Rows of the code action menu (Ctrl+.). */
async function actionRows() {
  return session.page.$$eval('.action-widget .monaco-list-row', (rows) => rows.map((r) => (r.textContent ?? '').trim()));
}

/**
 * Waits until the editor line showing `text` carries a diagnostic's squiggle (any severity): the
 * hint is there. The squiggles are drawn in a layer of their own, level with their line.
 */
async function waitForSquiggle(text, timeout = 20_000) {
  await session.page.waitForFunction(
    (t) => {
      const line = [...document.querySelectorAll('.part.editor .monaco-editor .view-line')].find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(t));
      if (!line) return false;
      const box = line.getBoundingClientRect();
      return [...document.querySelectorAll('.part.editor .monaco-editor [class*="squiggly-"]')].some((sq) => {
        const r = sq.getBoundingClientRect();
        return r.width > 0 && r.top + r.height / 2 >= box.top && r.top + r.height / 2 <= box.bottom;
      });
    },
    text,
    { timeout },
  );
}

/** Folds or unfolds a view of the sidebar by a click on its header. */
async function setPaneExpanded(title, expanded) {
  const header = session.page.locator('.pane-header', { has: session.page.locator('h3.title', { hasText: new RegExp(`^${title}$`) }) }).first();
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

describe('journey: finishing the post', () => {
  it('Link Project Mentions shows the planned links, Enter applies them, the file is saved with them', async () => {
    await openFile('notes/mentions.md');
    await runCommand('Talk Capture: Link Project Mentions');
    const q = await waitForQuickInput((s) => s.title.includes('Link Project Mentions'));
    assert.match(q.title, /Link Project Mentions .*: 3 links/);
    await screenshot('link-mentions-confirmation');
    await press('Enter');
    await waitForQuickInputClosed();
    await waitForLine('[Prometheus](');
    await save('notes/mentions.md');
    const saved = readWorkspaceFile('notes/mentions.md');
    assert.match(saved, /^- We export everything to \[Prometheus\]\(https:\/\/prometheus\.io\/\) and trace with \[Jaeger\]\([^)]+\)\.$/m);
    assert.match(saved, /^- Dashboards are in \[Perses\]\([^)]+\) now\.$/m);
  });

  it('a typo gets a quick fix: Ctrl+. → Change to Prometheus', async () => {
    await openFile('notes/typo.md');
    await goTo(9, 16);
    // The hint appears once the index is loaded and the note analysed: its squiggle on the line.
    await waitForSquiggle('Compared Promethues');
    const until = Date.now() + 20_000;
    let rows = [];
    while (Date.now() < until) {
      await press('Control+.');
      try {
        await session.page.waitForSelector('.action-widget .monaco-list-row', { timeout: 3000 });
      } catch {
        // no menu yet
      }
      rows = await actionRows();
      if (rows.some((r) => r.includes('Change to Prometheus'))) break;
      await press('Escape');
      await session.page.waitForSelector('.action-widget .monaco-list-row', { state: 'hidden', timeout: 5000 });
    }
    const index = rows.findIndex((r) => r.includes('Change to Prometheus'));
    assert.ok(index >= 0, `no quick fix "Change to Prometheus": ${JSON.stringify(rows)}`);
    await screenshot('typo-quick-fix');
    const focused = await session.page.$$eval('.action-widget .monaco-list-row', (rs) => rs.findIndex((r) => r.classList.contains('focused')));
    for (let i = Math.max(0, focused); i < index; i++) await press('ArrowDown');
    await press('Enter');
    await waitForLine('Compared Prometheus with');
    await save('notes/typo.md');
    assert.match(readWorkspaceFile('notes/typo.md'), /^- Compared Prometheus with the old stack\.$/m);
  });

  it('Check Notes Before Publishing lists the note’s problems in the Problems panel', async () => {
    await openFile('notes/publish.md');
    await runCommand('Talk Capture: Check Notes Before Publishing');
    // The check shows the Problems panel; when it is not showing, open it as from the View menu.
    try {
      await session.page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 8_000 });
    } catch {
      await focusEditorEnd();
      await runCommand('Problems: Focus on Problems View');
      await session.page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20_000 });
    }
    // Both problems listed (else the assertions below say which one is missing).
    await session.page
      .waitForFunction(
        () => {
          const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim());
          return rows.some((r) => /TODO/.test(r)) && rows.some((r) => /draft/i.test(r));
        },
        undefined,
        { timeout: 20_000 },
      )
      .catch(() => undefined);
    const rows = await session.page.$$eval('.markers-panel .monaco-list-row', (rs) => rs.map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim()));
    await screenshot('publish-check-problems');
    assert.ok(
      rows.some((r) => /TODO/.test(r)),
      `no TODO problem: ${JSON.stringify(rows)}`,
    );
    assert.ok(
      rows.some((r) => /draft/i.test(r)),
      `no draft problem: ${JSON.stringify(rows)}`,
    );
    assert.ok(
      rows.some((r) => /Placeholder instead of a link: \[slides\]\(TODO\)/.test(r)),
      `no placeholder problem: ${JSON.stringify(rows)}`,
    );
    await focusEditorEnd();
    await runCommand('View: Toggle Panel Visibility');
  });

  it('Resolve TODO Link from the TODO Links view turns (link) into a link, with no clipboard error', async () => {
    await openFile('notes/resolve.md');
    await showTalkCaptureSidebar();
    // The TODO Links view shares the sidebar with two views: fold them so its rows have room
    // (a row at the pane's edge shows no actions under the mouse), as a person would.
    await setPaneExpanded('Talks', false);
    await setPaneExpanded('Schedule', false);
    await waitForTreeRow('TODO Links', (r) => r.label.includes('(link)') || r.aria.includes('(link)'));
    const row = session.page
      .locator('.pane', { has: session.page.locator('.pane-header', { hasText: 'TODO Links' }) })
      .locator('.monaco-list-row', { hasText: '(link)' })
      .first();
    // The row's inline action (the check mark shown on hover) is Resolve TODO Link….
    const action = row.locator('.actions .action-label[aria-label^="Resolve TODO Link"]').first();
    // A row shows its actions while the mouse is over it. On a busy machine the tree refreshes
    // under the mouse: move it over the row again and click again, as a person would.
    for (let attempt = 0; ; attempt++) {
      try {
        await row.hover({ timeout: 5_000 });
        await action.waitFor({ timeout: 2_500 });
        await action.click({ force: true, timeout: 5_000 });
        await waitForQuickInput((s) => s.title.includes('Resolve TODO Link'), 5_000);
        break;
      } catch (err) {
        if (attempt >= 5) throw err;
        await session.page.mouse.move(10, 10);
      }
    }
    await type('https://example.com/policy-demo', 15);
    await press('Enter');
    await waitForQuickInputClosed();
    await waitForLine('[link](https://example.com/policy-demo)');
    await save('notes/resolve.md');
    assert.match(readWorkspaceFile('notes/resolve.md'), /^- The demo repository: \[link\]\(https:\/\/example\.com\/policy-demo\)$/m);
    const toasts = await notifications();
    assert.ok(!toasts.some((t) => /clipboard/i.test(t)), `a clipboard error was shown: ${JSON.stringify(toasts)}`);
    await setPaneExpanded('Talks', true);
    await setPaneExpanded('Schedule', true);
    await focusEditorEnd();
  });

  it('Finish Post…: Ctrl+Alt+F shows the steps, Enter applies them as one undo step, the check says what is left', async () => {
    const original = fs.readFileSync(path.join(root, 'test', 'fixtures', 'journeys', 'notes', 'finish.md'), 'utf8');
    await openFile('notes/finish.md');
    resetKeyCount();
    await press('Control+Alt+F');
    const q = await waitForQuickInput((s) => s.title.includes('Finish Post'), 30_000);
    assert.match(q.title, /Finish Post: 4 steps to apply/);
    // Wait for the rows, then look at the preview.
    await session.page.waitForFunction(() => document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row').length >= 4);
    await screenshot('finish-post-preview');
    const rows = await quickInputRows();
    for (const want of [
      /Fix 1 typo.*Promethues → Prometheus/,
      /Link 6 project mentions.*Prometheus \(2\), Thanos, Jaeger, Perses, Vitess/,
      /Add 10 tags.*tags: prometheus, thanos, jaeger, perses, vitess/,
      /Turn draft off/,
    ]) {
      assert.ok(
        rows.some((r) => want.test(r)),
        `no row ${want}: ${JSON.stringify(rows)}`,
      );
    }
    const checked = await session.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rs) =>
      rs.map((r) => {
        const box = r.querySelector('input[type=checkbox]');
        const aria = r.getAttribute('aria-checked') ?? r.querySelector('[aria-checked]')?.getAttribute('aria-checked');
        return box ? box.checked : aria === 'true';
      }),
    );
    assert.deepEqual(checked, [true, true, true, true], 'every step is checked');
    await press('Enter');
    await waitForQuickInputClosed();
    const keys = session.keys;
    await waitForLine('[Prometheus](');
    const toast = await waitForToast((t) => t.includes('Still needs you'));
    await screenshot('finish-post-done');
    assert.match(toast, /fixed 1 typo, linked 6 project mentions, added 10 tags, turned draft off/);
    assert.match(toast, /Still needs you: 1 TODO\b/);
    console.log(`      keys to finish the post: ${keys} (Ctrl+Alt+F, Enter), 52 before with four commands typed in the palette`);
    assert.equal(keys, 2);

    const saved = await saveUntil('notes/finish.md', (t) => !t.includes('Promethues'), 'finished');
    assert.match(saved, /^draft: false$/m);
    assert.match(saved, /^tags:\n {2}- kubernetes\n {2}- prometheus\n {2}- thanos\n {2}- jaeger\n {2}- perses\n {2}- vitess\ncategories:\n {2}- prometheus\n/m);
    assert.match(saved, /^- We scrape every node with \[Prometheus\]\(https:\/\/prometheus\.io\/\) and keep a year of data in \[Thanos\]\(https:\/\/thanos\.io\/\)\.$/m);
    assert.match(saved, /^- Traces go to \[Jaeger\]\([^)]+\), dashboards to \[Perses\]\([^)]+\)\.$/m);
    assert.match(saved, /^- \[Vitess\]\(https:\/\/vitess\.io\/\) keeps the shards; \[Prometheus\]\(https:\/\/prometheus\.io\/\) watches them\.$/m);
    assert.match(saved, /^- TODO: add the recording when it is out$/m);
    assert.ok(!saved.includes('Promethues'));

    // One Ctrl+Z gives the note back exactly as it was.
    await press('Control+Z');
    await waitForLine('Promethues');
    await saveUntil('notes/finish.md', (t) => t === original, 'as it was');
  });

  it('Finish Post… from the Talks view button; Escape changes nothing', async () => {
    // The note as the fixture has it, whatever the test before left (journeys do not depend on each other).
    writeWorkspaceFile('notes/finish.md', fs.readFileSync(path.join(root, 'test', 'fixtures', 'journeys', 'notes', 'finish.md'), 'utf8'));
    await openFile('notes/finish.md');
    await waitForLine('with Promethues and keep');
    const before = readWorkspaceFile('notes/finish.md');
    await showTalkCaptureSidebar();
    const header = session.page.locator('.pane-header', { hasText: 'Talks' }).first();
    await header.hover();
    const button = header.locator('.actions .action-label[aria-label^="Finish Post"]').first();
    await button.waitFor({ timeout: 10_000 });
    await screenshot('finish-post-talks-button');
    await button.click();
    await waitForQuickInput((s) => s.title.includes('Finish Post'), 30_000);
    await press('Escape');
    await waitForQuickInputClosed();
    await waitForLine('with Promethues and keep');
    const tabs = await session.page.$$eval('.tab.active', (ts) => ts.map((t) => t.className));
    assert.ok(!tabs.some((c) => c.includes('dirty')), `the note is not modified: ${JSON.stringify(tabs)}`);
    assert.equal(readWorkspaceFile('notes/finish.md'), before);
  });
});
