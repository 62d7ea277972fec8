import * as assert from 'assert';
import * as vscode from 'vscode';
import exifr from 'exifr';
import { closeAllEditors, getApiOf, openFile, screenshot, setSetting, sleep, waitFor, workspaceUri } from './helpers';

interface AddPhotosResult {
  written: string[];
  rows: Array<{ file: string; talk: { line: number; title: string } | null; url: string | null }>;
}

const PHONE = ['offset-gps.jpg', 'rotated.jpg', 'qr-slide.jpg'].map((f) => workspaceUri(`photos/phone/${f}`).toString());

/** The `![Slide: …](…)` lines (`- ![Slide: …](…)` in place of a reminder) of each talk section (by its heading line), in order. */
function slideLinesByTalk(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let talk: string | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('### ')) talk = line;
    else if (line.startsWith('#')) talk = undefined;
    else if (talk && line.includes('![Slide: ')) (out[talk] ??= []).push(line);
  }
  return out;
}

async function bytesOf(relative: string): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(workspaceUri(relative));
}

describe('Slide photos', function () {
  let restoreZone: (() => Promise<void>) | undefined;
  before(async () => {
    // The talks' heading times are read in the conference's zone; the photos say +01:00.
    restoreZone = await setSetting('schedule.timeZone', 'Europe/Amsterdam');
  });
  after(async () => restoreZone?.());
  afterEach(closeAllEditors);

  it('Add Slide Photos… with paths adds three photos under two talks in one undo step, without GPS', async () => {
    const editor = await openFile('photos/bundle/index.md');
    const doc = editor.document;
    const before = doc.getText();
    const result = await vscode.commands.executeCommand<AddPhotosResult>('talkCapture.addSlidePhotos', { uris: PHONE, accept: true });
    assert.ok(result, 'the command applied the photos');
    assert.deepStrictEqual(
      result.rows.map((r) => [r.file.replace(/^.*\//, ''), r.talk?.title]),
      [
        ['offset-gps.jpg', 'Opening the Doors'],
        ['rotated.jpg', 'Opening the Doors'],
        ['qr-slide.jpg', 'Probes in Practice'],
      ],
    );
    assert.deepStrictEqual(result.written, [
      'photos/bundle/images/opening-the-doors-01.jpg',
      'photos/bundle/images/opening-the-doors-02.jpg',
      'photos/bundle/images/probes-in-practice-01.jpg',
    ]);
    const byTalk = slideLinesByTalk(doc.getText());
    assert.deepStrictEqual(byTalk, {
      '### 11:00 Opening the Doors - Ada Varga, Example Corp': [
        '- ![Slide: Opening the Doors](images/opening-the-doors-01.jpg)',
        '- ![Slide: Opening the Doors](images/opening-the-doors-02.jpg)',
      ],
      '### 11:25 Probes in Practice - Bo Sample, Initech': ['![Slide: Probes in Practice](images/probes-in-practice-01.jpg)'],
    });
    assert.ok(!doc.getText().includes('pic from phone'), 'the reminder made way for the photos');
    // The original carries a GPS position; the written image does not.
    assert.ok((await exifr.gps(await bytesOf('photos/phone/offset-gps.jpg')))?.latitude, 'the fixture has a GPS position');
    const written = await bytesOf('photos/bundle/images/opening-the-doors-01.jpg');
    const gps: unknown = await exifr.gps(written).catch(() => undefined);
    assert.ok(!gps || !(gps as { latitude?: number }).latitude, 'no GPS position in the written image');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before, 'one undo puts the note back as it was');
  });

  it('shows a preview: each photo with its time and talk, a QR link unchecked, a photo without a capture time not placed; Escape writes nothing', async () => {
    const api = await getApiOf('photos');
    api.lastPreview = undefined;
    const editor = await openFile('photos/drop/index.md');
    const before = editor.document.getText();
    const run = vscode.commands.executeCommand<AddPhotosResult | undefined>('talkCapture.addSlidePhotos', {
      uris: [PHONE[0], PHONE[2], workspaceUri('photos/phone/no-exif.jpg').toString()],
    });
    const rows = await waitFor(() => api.lastPreview, 'the preview', 20000);
    assert.deepStrictEqual(
      rows.map((r) => [r.label, r.description, r.detail.replace(/ {2}\(.*\)$/, ''), r.picked]),
      [
        ['$(file-media) photos/phone/offset-gps.jpg', '2026-03-24 11:05', '→ Opening the Doors', true],
        ['$(file-media) photos/phone/qr-slide.jpg', '2026-03-24 11:30', '→ Probes in Practice', true],
        // The QR code on the slide: offered, not chosen.
        ['$(link) link from the slides: https://example.com/slides/ebpf-talk', '', 'in Probes in Practice', false],
        ['$(file-media) photos/phone/no-exif.jpg', 'no capture time', 'not placed: no capture time', false],
      ],
    );
    await screenshot('photos-preview');
    api.preview?.hide();
    assert.strictEqual(await run, undefined);
    assert.strictEqual(editor.document.getText(), before, 'Escape changes nothing');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceUri('photos/drop/images/opening-the-doors-01.jpg'))), 'no image written');
  });

  it('a drop places the photo under the talk it was taken in, not at the cursor, as one undo step', async () => {
    const api = await getApiOf('photos');
    const editor = await openFile('photos/drop/index.md');
    const doc = editor.document;
    const before = doc.getText();
    const provider = api.dropProvider;
    assert.ok(provider, 'the drop provider is registered');
    assert.strictEqual(api.pasteRegistered, true, 'this VS Code has the paste API (1.97+): the paste provider is registered too');
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(workspaceUri('photos/phone/rotated.jpg').toString()));
    // Dropped at the end of the second talk; taken during the first.
    const end = new vscode.Position(doc.lineCount - 1, 0);
    const source = new vscode.CancellationTokenSource();
    const edit = await provider.provideDocumentDropEdits(doc, end, data, source.token);
    assert.ok(edit && edit.additionalEdit, 'a drop edit with the image and the line');
    assert.strictEqual(edit.insertText, '', 'nothing at the cursor');
    assert.ok(await vscode.workspace.applyEdit(edit.additionalEdit));
    assert.deepStrictEqual(slideLinesByTalk(doc.getText()), {
      '### 11:00 Opening the Doors - Ada Varga, Example Corp': ['- ![Slide: Opening the Doors](images/opening-the-doors-01.jpg)'],
    });
    assert.ok((await bytesOf('photos/drop/images/opening-the-doors-01.jpg')).length > 0, 'the image is written');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before, 'one undo takes the line out again');
  });

  it('remembers when Start Talk Now and End Talk ran: a photo taken in between goes under that talk', async () => {
    const capture = await getApiOf('capture');
    const schedule = await getApiOf('schedule');
    const editor = await openFile('photos/timer/index.md');
    editor.selection = new vscode.Selection(6, 0, 6, 0);
    try {
      // 11:00 in Amsterdam on the photos' day; the photo was taken at 11:05 (+01:00).
      schedule.setNow('2026-03-24T10:00:00Z');
      const started = vscode.commands.executeCommand('talkCapture.startTalk');
      for (const [step, value] of [
        ['title', 'Timer Talk'],
        ['speakers', ''],
        ['company', ''],
      ]) {
        const input = await waitFor(() => (capture.activeStep === step ? capture.activeInput : undefined), `the ${step} question`);
        await sleep(150);
        input.value = value;
        await sleep(150);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      const kinds = (await waitFor(() => (capture.activeStep === 'kind' ? capture.activeInput : undefined), 'the kind question')) as vscode.QuickPick<vscode.QuickPickItem>;
      await sleep(150);
      kinds.activeItems = kinds.items.filter((i) => i.label === 'Talk');
      await sleep(150);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await started;
      assert.strictEqual(capture.runningTalk?.title, 'Timer Talk');
      schedule.setNow('2026-03-24T10:20:00Z');
      await vscode.commands.executeCommand('talkCapture.endTalk');
    } finally {
      schedule.setNow(undefined);
    }
    const result = await vscode.commands.executeCommand<AddPhotosResult>('talkCapture.addSlidePhotos', { uris: [PHONE[0], PHONE[2]], accept: true });
    assert.deepStrictEqual(
      result.rows.map((r) => [r.file.replace(/^.*\//, ''), r.talk?.title]),
      [['offset-gps.jpg', 'Timer Talk']],
      'the photo of 11:05 is under the talk timed 11:00 to 11:20; the one of 11:30 goes nowhere',
    );
    assert.match(editor.document.getText(), /^### Timer Talk\n\n!\[Slide: Timer Talk\]\(images\/timer-talk-01\.jpg\)$/m);
  });

  it('a dropped photo without a capture time goes under the talk at the cursor', async () => {
    const api = await getApiOf('photos');
    const editor = await openFile('photos/timer/index.md');
    const doc = editor.document;
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), '### Untimed Talk\n\n- notes\n'));
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(workspaceUri('photos/phone/no-exif.jpg').toString()));
    const edit = await api.dropProvider?.provideDocumentDropEdits(doc, new vscode.Position(doc.lineCount - 2, 3), data, new vscode.CancellationTokenSource().token);
    assert.ok(edit?.additionalEdit, 'a drop edit');
    assert.ok(await vscode.workspace.applyEdit(edit.additionalEdit));
    assert.match(doc.getText(), /^### Untimed Talk\n\n- notes\n\n!\[Slide: Untimed Talk\]\(images\/untimed-talk-01\.jpg\)\n/m);
  });
});
