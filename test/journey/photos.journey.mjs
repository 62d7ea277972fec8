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
async function shiftDragFromExplorer(folderRow, name) {
  const row = (text) => session.page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${text}$`) }).first();
  // The Explorer shows photos/phone as one compact row: a click on it opens both.
  if (!(await row(name).isVisible())) await row(folderRow).click();
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

describe('journey: slide photos', () => {
  it('Add Slide Photos…: a typed folder, the preview, a row moved to the next talk, Enter; the photos go under their talks', async () => {
    await openFile(NOTE);
    await runCommand('Talk Capture: Add Slide Photos');
    // code-server's own file dialog is a quick input that takes a typed path.
    await waitForQuickInput((s) => s.title.includes('Slide photos') || s.placeholder.includes('/') || s.value.includes('/'));
    await press('Control+A');
    await type(`${path.join(session.workspace, 'photos', 'phone')}/`, 10);
    await screenshot('photos-dialog');
    await press('Enter');
    const preview = await waitForQuickInput((s) => s.title.startsWith('Add Slide Photos:'), 60_000);
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
    await shiftDragFromExplorer('photos', 'IMG_0102.jpg');
    await waitForLine('![Slide: Closing the Loop](images/closing-the-loop-01.jpg)');
    await screenshot('photos-dropped');
    await save(DROP_NOTE);
    assert.deepEqual(slideLinesByTalk(readWorkspaceFile(DROP_NOTE)), {
      '### 14:00 Closing the Loop - Ada Varga, Example Corp': ['![Slide: Closing the Loop](images/closing-the-loop-01.jpg)'],
    });
    assert.ok(fs.statSync(path.join(session.workspace, 'notes', 'images', 'closing-the-loop-01.jpg')).size > 0, 'the image is written');
  });
});
