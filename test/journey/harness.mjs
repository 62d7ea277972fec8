// The journey layer's workbench: the PACKAGED extension installed into code-server's VS Code
// with default user settings (only the workbench's own noise turned off: welcome page, tips,
// telemetry), a fresh copy of test/fixtures/journeys as the workspace, and headless Chromium
// driven through playwright-core's keyboard and mouse. Journeys never call the extension's API:
// they press keys, click, and read what is on screen (the DOM) and what is saved (the disk).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTools } from '../runner/tools.mjs';
import { installVsix, launchBrowser, makeUserDataDir, startCodeServer, workbenchUrl } from '../runner/codeServer.mjs';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const resultsDir = path.join(root, 'test-results');
export const screenshotDir = path.join(resultsDir, 'journey-screenshots');

/**
 * The instant the journeys' workbench starts its schedule clock at (TALK_CAPTURE_NOW): 11:20 on
 * the first day of the conference in test/fixtures/journeys/schedule/democon.ics, in Amsterdam.
 */
export const SCHEDULE_NOW = '2099-03-26T10:20:00Z';

/** Typing delay per key (ms): a quick typist. */
export const TYPING_DELAY = 60;

/** One workbench for the whole layer (journeys run in sequence). */
export const session = {
  /** @type {import('playwright-core').Page} */ page: undefined,
  workspace: '',
  server: undefined,
  browser: undefined,
  tmp: '',
  console: [],
  keys: 0,
};

function log(msg) {
  console.log(`[journey] ${msg}`);
}

/**
 * Starts the workbench. `trust: true` turns workspace trust on (VS Code asks whether to trust
 * the folder, as for a cloned repository); `fixture` names the folder under test/fixtures
 * copied as the workspace; `env` is added to code-server's environment (the extension host's).
 */
export async function startSession({ trust = false, fixture = 'journeys', env = { TALK_CAPTURE_NOW: SCHEDULE_NOW }, settings = {} } = {}) {
  const tools = ensureTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-journey-'));
  const vsix = path.join(tmp, 'talk-capture.vsix');
  const pack = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0) throw new Error(`packaging the extension failed (exit ${pack.status})`);
  const userDataDir = makeUserDataDir(path.join(tmp, 'user'), {
    ...(trust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' } : {}),
    ...settings,
  });
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  installVsix(tools, vsix, extensionsDir, userDataDir);
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'fixtures', fixture), workspace, { recursive: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const serverLog = fs.createWriteStream(path.join(resultsDir, 'journey-code-server.log'));
  const server = await startCodeServer(tools, { workspace, userDataDir, extensionsDir, trust, env, log: (t) => serverLog.write(t) });
  const { browser, page } = await launchBrowser(tools, { width: 1400, height: 900 });
  page.on('console', (m) => {
    session.console.push(`[${m.type()}] ${m.text()}`);
    if (session.console.length > 200) session.console.shift();
  });
  page.on('pageerror', (e) => session.console.push(`[pageerror] ${e.message}`));
  Object.assign(session, { page, workspace, server, browser, tmp, serverLog, fixture });
  await page.goto(workbenchUrl(server, workspace));
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 90_000 });
  await page.waitForSelector('.statusbar', { timeout: 30_000 });
  // The extension's contributions are registered once its icon is in the activity bar: before
  // that, its commands are not in the palette yet (a person waits for the window to settle too).
  await page.waitForSelector('.activitybar [aria-label^="Talk Capture"]', { timeout: 120_000 });
  log(`VS Code at ${server.url}, workspace ${workspace}`);
}

export async function stopSession() {
  await session.browser?.close().catch(() => {});
  session.server?.stop();
  session.serverLog?.end();
  if (session.tmp) fs.rmSync(session.tmp, { recursive: true, force: true });
  Object.assign(session, { page: undefined, browser: undefined, server: undefined, tmp: '' });
}

/** Saves a screenshot of the workbench; returns its path. */
export async function screenshot(name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
  await session.page.screenshot({ path: file }).catch(() => {});
  return file;
}

// ---------------------------------------------------------------------------------------------
// Hands: every key a person presses goes through these, and is counted.

export function resetKeyCount() {
  session.keys = 0;
}

export async function press(chord) {
  session.keys += 1;
  await session.page.keyboard.press(chord);
}

export async function type(text, delay = TYPING_DELAY) {
  session.keys += [...text].length;
  await session.page.keyboard.type(text, { delay });
}

// ---------------------------------------------------------------------------------------------
// Eyes: what is on screen.

const NBSP = /\u00a0/g;

/** The active editor's rendered lines, top to bottom (only what is scrolled into view). */
export async function visibleLines() {
  return session.page
    .evaluate(() => {
      const editor = document.querySelector('.editor-instance .monaco-editor.focused') ?? document.querySelector('.part.editor .monaco-editor');
      if (!editor) return [];
      const lines = [...editor.querySelectorAll('.view-lines .view-line')].map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent ?? '' }));
      return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
    })
    .then((lines) => lines.map((l) => l.replace(NBSP, ' ')));
}

/** Waits until a rendered editor line satisfies the test; returns the lines. */
export async function waitForLine(test, what, timeout = 20_000) {
  const until = Date.now() + timeout;
  let lines = [];
  while (Date.now() < until) {
    lines = await visibleLines();
    if (lines.some((l) => (typeof test === 'string' ? l.includes(test) : test.test(l)))) return lines;
    await session.page.waitForTimeout(100);
  }
  throw new Error(`the editor never showed ${what ?? test}; it shows:\n${lines.join('\n')}`);
}

/** The rows of the visible suggest widget (label and detail text). */
export async function suggestRows() {
  return session.page.$$eval('.editor-widget.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ')));
}

/** Waits for the suggest widget to show a row containing `label`; returns the rows. */
export async function waitForSuggestion(label, timeout = 15_000) {
  const until = Date.now() + timeout;
  let rows = [];
  while (Date.now() < until) {
    rows = await suggestRows();
    if (rows.some((r) => r.includes(label))) return rows;
    await session.page.waitForTimeout(25);
  }
  throw new Error(`no suggestion "${label}" appeared; the suggest widget shows: ${JSON.stringify(rows)}`);
}

export async function suggestVisible() {
  return (await session.page.$('.editor-widget.suggest-widget.visible')) !== null;
}

/** Status bar texts. */
export async function statusBarTexts() {
  return session.page.$$eval('.statusbar-item', (items) => items.map((i) => (i.textContent ?? '').trim()).filter(Boolean));
}

export async function waitForStatus(test, timeout = 15_000) {
  const until = Date.now() + timeout;
  let texts = [];
  while (Date.now() < until) {
    texts = await statusBarTexts();
    const hit = texts.find((t) => (typeof test === 'string' ? t.includes(test) : test.test(t)));
    if (hit) return hit;
    await session.page.waitForTimeout(100);
  }
  throw new Error(`the status bar never showed ${test}: ${JSON.stringify(texts)}`);
}

/** Texts of the notification toasts on screen. */
export async function notifications() {
  return session.page.$$eval('.notifications-toasts .notification-toast', (els) => els.map((e) => (e.textContent ?? '').trim()));
}

/** The rows of a view pane's tree: [{label, description, level}] from their aria labels and DOM. */
export async function treeRows(viewTitle) {
  return session.page.evaluate((title) => {
    const panes = [...document.querySelectorAll('.pane')];
    const pane = panes.find((p) => (p.querySelector('.pane-header')?.textContent ?? '').toLowerCase().includes(title.toLowerCase()));
    if (!pane) return [];
    return [...pane.querySelectorAll('.pane-body .monaco-list-row')].map((r) => ({
      label: (r.querySelector('.label-name')?.textContent ?? r.querySelector('.monaco-highlighted-label')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
      description: (r.querySelector('.label-description')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
      aria: r.getAttribute('aria-label') ?? '',
      level: Number(r.getAttribute('aria-level') ?? 0),
      expanded: r.getAttribute('aria-expanded'),
    }));
  }, viewTitle);
}

/** The middle of a view pane's list on screen, or undefined when the pane shows none. */
async function paneListCentre(viewTitle) {
  return session.page.evaluate((title) => {
    const pane = [...document.querySelectorAll('.pane')].find((p) => (p.querySelector('.pane-header')?.textContent ?? '').toLowerCase().includes(title.toLowerCase()));
    const list = pane?.querySelector('.pane-body .monaco-list');
    if (!list) return undefined;
    const r = list.getBoundingClientRect();
    return r.height > 0 ? { x: r.x + r.width / 2, y: r.y + Math.min(r.height / 2, 40) } : undefined;
  }, viewTitle);
}

/**
 * Waits until a row of the view passes `test`. A tree shows only the rows that fit its pane, so
 * when the row is not on screen it scrolls the pane with the mouse wheel, as a person would:
 * down a notch at a time, and back to the top once the rows stop changing.
 */
export async function waitForTreeRow(viewTitle, test, timeout = 20_000) {
  const until = Date.now() + timeout;
  let rows = [];
  let seen = '';
  while (Date.now() < until) {
    rows = await treeRows(viewTitle);
    const hit = rows.find((r) => test(r));
    if (hit) return hit;
    await session.page.waitForTimeout(150);
    const centre = await paneListCentre(viewTitle);
    if (!centre) continue;
    // Rows unchanged since the last notch down: the end of the list (or nothing to scroll).
    const now = rows.map((r) => r.aria).join('\n');
    const atEnd = now === seen;
    await session.page.mouse.move(centre.x, centre.y);
    await session.page.mouse.wheel(0, atEnd ? -10_000 : 66);
    seen = atEnd ? '' : now;
  }
  throw new Error(
    `the ${viewTitle} view never showed the expected row; it shows:\n${rows.map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.label} · ${r.description}`).join('\n')}`,
  );
}

/** The quick input's visible rows (labels). */
export async function quickInputRows() {
  return session.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()));
}

export async function waitForQuickInput(test, timeout = 15_000) {
  const until = Date.now() + timeout;
  let state = {};
  while (Date.now() < until) {
    state = await session.page.evaluate(() => {
      const w = document.querySelector('.quick-input-widget');
      if (!w || w.style.display === 'none') return { visible: false };
      const input = w.querySelector('input');
      return {
        visible: true,
        title: (w.querySelector('.quick-input-title')?.textContent ?? '').trim(),
        placeholder: input?.getAttribute('placeholder') ?? '',
        value: input?.value ?? '',
        message: (w.querySelector('.quick-input-message')?.textContent ?? '').trim(),
      };
    });
    if (state.visible && (!test || test(state))) return state;
    await session.page.waitForTimeout(50);
  }
  throw new Error(`the expected quick input never showed: ${JSON.stringify(state)}`);
}

export async function waitForQuickInputClosed(timeout = 15_000) {
  await session.page.waitForFunction(
    () => {
      const w = document.querySelector('.quick-input-widget');
      return !w || w.style.display === 'none';
    },
    undefined,
    { timeout },
  );
}

// ---------------------------------------------------------------------------------------------
// Doing things as a person does them.

/** Opens a workspace file through Quick Open (Ctrl+P), typing its name. */
export async function openFile(relPath) {
  const name = path.basename(relPath);
  for (let attempt = 0; ; attempt++) {
    await press('Control+P');
    await waitForQuickInput();
    await type(relPath, 20);
    try {
      await session.page.waitForFunction(
        (n) => [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')].some((r) => (r.textContent ?? '').includes(n)),
        name,
        { timeout: 10_000 },
      );
      await press('Enter');
      await session.page.waitForFunction((n) => (document.querySelector('.tab.active')?.textContent ?? '').includes(n), name, { timeout: 15_000 });
      await session.page.waitForSelector('.part.editor .monaco-editor .view-lines', { timeout: 15_000 });
      return;
    } catch (err) {
      // The first Quick Open can race the file index on a cold start: close and try again (the
      // next attempt waits again for the file's row).
      await press('Escape');
      if (attempt >= 3) throw err;
      await waitForQuickInputClosed();
    }
  }
}

/** Focuses the active editor and puts the cursor at the end of the document. */
export async function focusEditorEnd() {
  await session.page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await press('Control+End');
}

/** Runs a command from the palette (F1), by typing its title. */
export async function runCommand(title) {
  for (let attempt = 0; ; attempt++) {
    await press('F1');
    await waitForQuickInput();
    await type(title, 15);
    try {
      await session.page.waitForFunction(
        (t) => {
          const row = document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused');
          return !!row && (row.textContent ?? '').includes(t);
        },
        title,
        { timeout: 10_000 },
      );
      await press('Enter');
      return;
    } catch (err) {
      // Not offered (yet): close the palette and look again, as a person would (the next
      // attempt waits again for the command's row).
      await press('Escape');
      if (attempt >= 2) throw err;
      await waitForQuickInputClosed();
    }
  }
}

/** Saves the active note with Ctrl+S and waits until the file on disk was written. */
export async function save(relPath) {
  const file = relPath ? path.join(session.workspace, relPath) : undefined;
  const before = file && fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  await press('Control+S');
  if (!file) return;
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (fs.existsSync(file) && fs.statSync(file).mtimeMs !== before) {
      await session.page.waitForTimeout(100); // the write may still be going on
      return;
    }
    await session.page.waitForTimeout(50);
  }
  throw new Error(`Ctrl+S did not write ${relPath}`);
}

/**
 * Ctrl+S, then the file as saved once it passes `test` (asserted). VS Code in a browser saves on
 * its own a second after a change (files.autoSave's default there), so the write may come from
 * either; a note already as saved is not written again.
 */
export async function saveUntil(relPath, test, what) {
  const wanted = test;
  // A save truncates the file before writing it: an empty read is a save in flight, not the saved text.
  test = (t) => t !== '' && wanted(t);
  await press('Control+S');
  const until = Date.now() + 15_000;
  let text = readWorkspaceFile(relPath);
  while (!test(text) && Date.now() < until) {
    await session.page.waitForTimeout(100);
    text = readWorkspaceFile(relPath);
  }
  if (!test(text)) throw new Error(`${relPath} was never saved ${what}:\n${text}`);
  return text;
}

export function readWorkspaceFile(relPath) {
  return fs.readFileSync(path.join(session.workspace, relPath), 'utf8');
}

export function writeWorkspaceFile(relPath, text) {
  const file = path.join(session.workspace, relPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Clicks the Talk Capture icon in the activity bar (if its container is not showing). */
export async function showTalkCaptureSidebar() {
  const visible = await session.page.$('.sidebar .pane-header[aria-label*="Talks"]');
  if (visible) return;
  await session.page.locator('.activitybar [aria-label^="Talk Capture"]').first().click();
  await session.page.waitForSelector('.sidebar .pane-header', { timeout: 15_000 });
}

/** Closes every editor (Ctrl+K W), answering "Don't Save" if a dialog asks. */
export async function closeAllEditors() {
  await press('Escape');
  await runCommand('View: Close All Editors');
  const dontSave = session.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
  if (await dontSave.count().catch(() => 0)) {
    await dontSave
      .first()
      .click()
      .catch(() => {});
  }
}

/** Answers the open quick input: waits for the step (by placeholder or prompt), types, Enter. */
export async function answer(step, text) {
  await waitForQuickInput((s) => s.placeholder.includes(step) || s.message.includes(step) || s.title.includes(step));
  if (text) await type(text, 25);
  if (text) {
    // A quick pick takes Enter for its active row: wait until the row showing exactly the typed
    // value (a known one, or the typed one) is active, not a longer suggestion that contains it.
    await session.page.waitForFunction(
      (t) => {
        const w = document.querySelector('.quick-input-widget');
        const input = w?.querySelector('input');
        if (!input || input.value !== t) return false;
        const rows = w.querySelectorAll('.quick-input-list .monaco-list-row');
        if (rows.length === 0) return true; // an input box
        const focused = w.querySelector('.quick-input-list .monaco-list-row.focused');
        const label = focused?.querySelector('.label-name')?.textContent ?? focused?.textContent ?? '';
        return label.replace(/\u00a0/g, ' ').trim() === t;
      },
      text,
      { timeout: 10_000 },
    );
  }
  await press('Enter');
}

/** Waits for a notification toast whose text passes `test`; returns its text. */
export async function waitForToast(test, timeout = 30_000) {
  const until = Date.now() + timeout;
  let toasts = [];
  while (Date.now() < until) {
    toasts = await notifications();
    const hit = toasts.find(test);
    if (hit) return hit;
    await session.page.waitForTimeout(200);
  }
  throw new Error(`no such notification; shown: ${JSON.stringify(toasts)}`);
}

/** Waits until the quick input's focused row contains `text`. */
export async function waitForFocusedQuickRow(text, timeout = 15_000) {
  await session.page.waitForFunction((t) => (document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused')?.textContent ?? '').includes(t), text, {
    timeout,
  });
}

/**
 * Moves the quick pick's focus to the row that shows `text` with the arrow keys, as a person
 * would when other rows come first (a schedule file another journey left in the workspace).
 */
export async function focusQuickRow(text, presses = 6) {
  await session.page.waitForFunction(
    (t) => [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')].some((r) => (r.textContent ?? '').includes(t)),
    text,
    { timeout: 15_000 },
  );
  for (let i = 0; i < presses; i++) {
    const focused = await session.page.evaluate(() => document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused')?.textContent ?? '');
    if (focused.includes(text)) break;
    await press('ArrowDown');
  }
  await waitForFocusedQuickRow(text);
}

/** Import Conference Schedule… from a file of the workspace, by the palette, the arrow keys to the file and Enter; waits for the toast that says what was read. */
export async function importScheduleFile(file, toast) {
  await runCommand('Talk Capture: Import Conference Schedule');
  await waitForQuickInput((s) => s.placeholder.includes('Where is the schedule'));
  await waitForFocusedQuickRow('From a file in the workspace');
  await press('Enter');
  await waitForQuickInput((s) => s.placeholder.includes('The schedule file'));
  await focusQuickRow(file);
  await press('Enter');
  await waitForQuickInputClosed();
  await waitForToast((t) => t.includes(toast));
  await waitForLine(`schedule: ${file}`);
}

/** Types a project prefix, waits for the list to offer `project` focused, accepts it with Enter. */
export async function completeProject(prefix, project) {
  await type(prefix);
  await waitForSuggestion(project);
  await session.page.waitForFunction((p) => (document.querySelector('.editor-widget.suggest-widget.visible .monaco-list-row.focused')?.textContent ?? '').startsWith(p), project, {
    timeout: 10_000,
  });
  await press('Enter');
}
