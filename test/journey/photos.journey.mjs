// Slide photos: Add Slide Photos… from the command palette, a folder typed into the file dialog,
// the preview, Enter; the note is saved with the images under the talks they were taken in.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  openFile,
  press,
  quickInputRows,
  readWorkspaceFile,
  runCommand,
  save,
  screenshot,
  session,
  type,
  waitForFocusedQuickRow,
  waitForLine,
  waitForQuickInput,
  waitForQuickInputClosed,
  waitForToast,
} from './harness.mjs';

const NOTE = 'notes/photos.md';
const DROP_NOTE = 'notes/photos-drop.md';

/** The `![Slide: …](…)` lines (`- ![Slide: …](…)` in place of a reminder) of each talk heading of a note, in order. */
function slideLinesByTalk(text) {
  const out = {};
  let talk;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('### ')) talk = line;
    else if (line.startsWith('#')) talk = undefined;
    else if (talk && line.includes('![Slide: ')) (out[talk] ??= []).push(line);
  }
  return out;
}

/** Shows the Explorer in the sidebar (another journey may have left the Talk Capture views there). */
async function showExplorer() {
  await runCommand('View: Show Explorer');
  await session.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 15_000 });
}

/**
 * Drags a photo from the Explorer into the editor with Shift held (VS Code then drops it into the
 * text instead of opening it), with the mouse, to a point near the end of the note.
 */
async function shiftDragFromExplorer(folders, name) {
  const row = (text) => session.page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${text}$`) }).first();
  // A click opens each folder on the way (photos, then phone) unless the file already shows.
  for (const [i, folder] of folders.entries()) {
    if (await row(name).isVisible()) break;
    await row(folder).click();
    await row(folders[i + 1] ?? name).waitFor({ state: 'visible', timeout: 15_000 });
  }
  const from = await row(name).boundingBox();
  const to = await session.page.locator('.part.editor .monaco-editor .view-lines').first().boundingBox();
  const mouse = session.page.mouse;
  await mouse.move(from.x + 30, from.y + from.height / 2);
  await mouse.down();
  await mouse.move(from.x + 60, from.y + from.height / 2, { steps: 5 });
  await session.page.keyboard.down('Shift');
  await mouse.move(to.x + 200, to.y + 250, { steps: 10 });
  await mouse.move(to.x + 210, to.y + 250, { steps: 3 });
  await mouse.up();
  await session.page.keyboard.up('Shift');
}

/**
 * Add Slide Photos… from the palette, a folder typed into code-server's own file dialog (a quick
 * input); Enter once the dialog lists the folder's `firstFile` (before that, on a busy machine,
 * Enter would take the row of the listing it showed before). Resolves with the preview.
 */
async function addSlidePhotosFrom(folder, firstFile) {
  await runCommand('Talk Capture: Add Slide Photos');
  // The dialog fills in the workspace folder's path: the typed path replaces it (typed again if
  // the dialog's own fill-in arrived after Ctrl+A on a busy machine).
  await waitForQuickInput((s) => s.value.includes('/'));
  const typed = path.join(session.workspace, ...folder.split('/'));
  for (let attempt = 0; ; attempt++) {
    await press('Control+A');
    await type(typed, 10);
    try {
      await waitForQuickInput((s) => s.value === typed, 5_000);
      break;
    } catch (err) {
      if (attempt >= 2) throw err;
    }
  }
  // The closing `/` opens the folder in the dialog's list (typed again when the list did not follow).
  const listed = (f) => [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')].some((r) => (r.textContent ?? '').includes(f));
  for (let attempt = 0; ; attempt++) {
    await type('/', 10);
    try {
      await session.page.waitForFunction(listed, firstFile, { timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt >= 2) throw err;
      await press('Backspace');
    }
  }
  await screenshot(`photos-dialog-${folder.replace(/\W+/g, '-')}`);
  await press('Enter');
  return waitForQuickInput((s) => s.title.startsWith('Add Slide Photos:'), 60_000);
}

describe('journey: slide photos', () => {
  it('Add Slide Photos…: a typed folder, the preview, a row moved to the next talk, Enter; the photos go under their talks', async () => {
    await openFile(NOTE);
    const preview = await addSlidePhotosFrom('photos/phone', 'IMG_0101.jpg');
    assert.match(preview.title, /3 of 3 placed/);
    const rows = await quickInputRows();
    assert.equal(rows.length, 3, rows.join('\n'));
    assert.match(rows[0], /IMG_0101\.jpg.*2026-03-24 14:05.*→ Opening the Doors/);
    assert.match(rows[1], /IMG_0102\.jpg.*2026-03-24 14:20.*→ Opening the Doors/);
    assert.match(rows[2], /IMG_0103\.jpg.*2026-03-24 14:40.*→ Probes in Practice/);
    await screenshot('photos-preview');
    // The photo of 14:20 was of the next talk's first slide: its row's button changes its talk.
    const second = session.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').nth(1);
    await second.hover();
    await second.getByRole('button', { name: /Choose the talk/ }).click();
    await waitForQuickInput((s) => s.title.includes('the talk of this photo'));
    await type('Probes', 20);
    await waitForFocusedQuickRow('Probes in Practice');
    await press('Enter');
    await waitForQuickInput((s) => s.title.startsWith('Add Slide Photos:'));
    await session.page.waitForFunction(
      () => (document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')[1]?.textContent ?? '').includes('→ Probes in Practice'),
      undefined,
      { timeout: 15_000 },
    );
    await screenshot('photos-preview-changed');
    await press('Enter');
    await waitForQuickInputClosed();
    await waitForToast((t) => t.includes('added 3 slide photos under 2 talks'));
    await waitForLine('![Slide: Probes in Practice]');
    await save(NOTE);
    assert.deepEqual(slideLinesByTalk(readWorkspaceFile(NOTE)), {
      '### 14:00 Opening the Doors - Ada Varga, Example Corp': ['- ![Slide: Opening the Doors](images/opening-the-doors-01.jpg)'],
      '### 14:30 Probes in Practice - Bo Sample, Initech': [
        '![Slide: Probes in Practice](images/probes-in-practice-01.jpg)',
        '![Slide: Probes in Practice](images/probes-in-practice-02.jpg)',
      ],
    });
    for (const name of ['opening-the-doors-01.jpg', 'probes-in-practice-01.jpg', 'probes-in-practice-02.jpg']) {
      assert.ok(fs.statSync(path.join(session.workspace, 'notes', 'images', name)).size > 0, `${name} is written`);
    }
  });

  it('a photo Shift+dragged from the Explorer to the end of the note goes under the talk it was taken in', async () => {
    await openFile(DROP_NOTE);
    await showExplorer();
    await shiftDragFromExplorer(['photos', 'phone'], 'IMG_0102.jpg');
    await waitForLine('![Slide: Closing the Loop](images/closing-the-loop-01.jpg)');
    await screenshot('photos-dropped');
    await save(DROP_NOTE);
    assert.deepEqual(slideLinesByTalk(readWorkspaceFile(DROP_NOTE)), {
      '### 14:00 Closing the Loop - Ada Varga, Example Corp': ['![Slide: Closing the Loop](images/closing-the-loop-01.jpg)'],
    });
    assert.ok(fs.statSync(path.join(session.workspace, 'notes', 'images', 'closing-the-loop-01.jpg')).size > 0, 'the image is written');
  });

  it('a photo without a capture time takes the file time when asked, marked so, and goes under its talk', async () => {
    // The file was saved at 14:10 on the talk's day (the machine's zone, as the talk times are read).
    const file = path.join(session.workspace, 'photos', 'no-exif', 'IMG_0200.jpg');
    const at = new Date(2026, 2, 24, 14, 10);
    fs.utimesSync(file, at, at);
    await openFile('notes/photos-time.md');
    const preview = await addSlidePhotosFrom('photos/no-exif', 'IMG_0200.jpg');
    assert.match(preview.title, /0 of 1 placed/);
    assert.match((await quickInputRows())[0], /IMG_0200\.jpg.*no capture time.*not placed: no capture time/);
    const row = session.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    await row.hover();
    await row.getByRole('button', { name: /file’s time/ }).click();
    await waitForQuickInput((s) => s.title.includes('1 of 1 placed'));
    assert.match((await quickInputRows())[0], /IMG_0200\.jpg.*2026-03-24 14:10 \(file time\).*→ Keeping Time/);
    await screenshot('photos-file-time');
    await press('Enter');
    await waitForQuickInputClosed();
    await waitForLine('![Slide: Keeping Time](images/keeping-time-01.jpg)');
  });
});
