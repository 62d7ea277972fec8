import * as assert from 'assert';
import exifr from 'exifr';
import { addSlidePhotos, type PhotoPreviewItem } from '../../../src/language/addSlidePhotos';
import { fixturePhoto, memoryPhotos, MemoryPhotosUi, openNote, PHOTO_DAY_NOTE, WS } from '../../support/slidePhotos';

const NOTE = PHOTO_DAY_NOTE;

/** 11:10 in Amsterdam on the photos' day: a file time within the first talk. */
const FILE_TIME = Date.parse('2026-03-24T10:10:00Z');

function workspace() {
  const { photos, files, state } = memoryPhotos();
  for (const name of ['offset-gps.jpg', 'rotated.jpg', 'qr-slide.jpg']) files.put(`photos/phone/${name}`, fixturePhoto(name));
  files.put('photos/phone/no-exif.jpg', fixturePhoto('no-exif.jpg'), FILE_TIME);
  files.put('photos/phone/notes.txt', 'not a photo');
  const doc = openNote(files, 'photos/bundle/index.md', NOTE);
  return { photos, files, state, doc };
}

const phone = (...names: string[]) => names.map((n) => `${WS}/photos/phone/${n}`);
const row = (items: readonly PhotoPreviewItem[] | undefined, file: string) => items?.find((i) => i.file === `photos/phone/${file}`);

describe('Add Slide Photos (language)', () => {
  it('adds three photos under two talks, the reminder making way; the images have no GPS position', async () => {
    const { photos, files, doc } = workspace();
    const ui = new MemoryPhotosUi(doc);
    const result = await addSlidePhotos(photos, doc, { uris: phone('offset-gps.jpg', 'rotated.jpg', 'qr-slide.jpg'), accept: true }, ui);
    assert.ok(result, ui.lastMessage);
    assert.deepStrictEqual(
      result.rows.map((r) => [r.file, r.talk?.title]),
      [
        ['photos/phone/offset-gps.jpg', 'Opening the Doors'],
        ['photos/phone/rotated.jpg', 'Opening the Doors'],
        ['photos/phone/qr-slide.jpg', 'Probes in Practice'],
      ],
    );
    assert.deepStrictEqual(result.written, [
      'photos/bundle/images/opening-the-doors-01.jpg',
      'photos/bundle/images/opening-the-doors-02.jpg',
      'photos/bundle/images/probes-in-practice-01.jpg',
    ]);
    const text = doc.getText();
    assert.ok(text.includes('- welcome and a map of the venue\n- ![Slide: Opening the Doors](images/opening-the-doors-01.jpg)\n'), text);
    assert.ok(text.includes('- ![Slide: Opening the Doors](images/opening-the-doors-02.jpg)\n'), text);
    assert.ok(text.includes('![Slide: Probes in Practice](images/probes-in-practice-01.jpg)'), text);
    assert.ok(!text.includes('pic from phone'));
    assert.strictEqual(ui.lastMessage, 'Talk Capture: added 3 slide photos under 2 talks.');
    assert.ok((await exifr.gps(fixturePhoto('offset-gps.jpg')))?.latitude, 'the fixture has a GPS position');
    const written = files.get('photos/bundle/images/opening-the-doors-01.jpg')!;
    const gps = (await exifr.gps(written).catch(() => undefined)) as { latitude?: number } | undefined;
    assert.ok(!gps?.latitude, 'no GPS position in the written image');
  });

  it('the preview: each photo with its time and talk, a QR link unchecked, a photo without a capture time not placed; Escape writes nothing', async () => {
    const { photos, files, doc } = workspace();
    const ui = new MemoryPhotosUi(doc, () => undefined);
    const result = await addSlidePhotos(photos, doc, { uris: phone('offset-gps.jpg', 'qr-slide.jpg', 'no-exif.jpg') }, ui);
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(
      ui.previewItems?.map((r) => [r.label, r.description, r.detail, r.picked, r.buttons]),
      [
        ['$(file-media) photos/phone/offset-gps.jpg', '2026-03-24 11:05', '→ Opening the Doors  (images/opening-the-doors-01.jpg)', true, ['changeTalk']],
        ['$(file-media) photos/phone/qr-slide.jpg', '2026-03-24 11:30', '→ Probes in Practice  (images/probes-in-practice-01.jpg)', true, ['changeTalk']],
        ['$(link) link from the slides: https://example.com/slides/ebpf-talk', '', 'in Probes in Practice', false, []],
        ['$(file-media) photos/phone/no-exif.jpg', 'no capture time', 'not placed: no capture time', false, ['changeTalk', 'useFileTime']],
      ],
    );
    assert.strictEqual(ui.previewTitle, 'Add Slide Photos: 2 of 3 placed');
    assert.strictEqual(doc.getText(), NOTE, 'Escape changes nothing');
    assert.deepStrictEqual(files.under('photos/bundle/images'), [], 'no image written');
  });

  it('a row’s buttons: the file’s time places a photo without one; another talk, or none; the checked QR link is written', async () => {
    const { photos, doc } = workspace();
    const ui = new MemoryPhotosUi(doc, (preview) => {
      preview.useFileTime('photos/phone/no-exif.jpg');
      const choices = preview.talkChoices('photos/phone/offset-gps.jpg');
      assert.deepStrictEqual(
        choices.map((c) => [c.label, c.description, c.line]),
        [
          ['Opening the Doors', 'now', 8],
          ['Probes in Practice', 'line 13', 13],
          ['$(close) Leave it out', '', null],
        ],
      );
      preview.assignTalk('photos/phone/offset-gps.jpg', null);
      const items = preview.items();
      assert.strictEqual(row(items, 'no-exif.jpg')?.description, '2026-03-24 11:10 (file time)');
      assert.strictEqual(row(items, 'offset-gps.jpg')?.detail, 'not placed: left out');
      return items.filter((i) => i.picked || i.link);
    });
    const result = await addSlidePhotos(photos, doc, { uris: phone('offset-gps.jpg', 'qr-slide.jpg', 'no-exif.jpg') }, ui);
    assert.ok(result, ui.lastMessage);
    assert.deepStrictEqual(
      result.rows.map((r) => [r.file, r.talk?.title]),
      [
        ['photos/phone/no-exif.jpg', 'Opening the Doors'],
        ['photos/phone/qr-slide.jpg', 'Probes in Practice'],
      ],
    );
    assert.ok(doc.getText().includes('https://example.com/slides/ebpf-talk'), doc.getText());
    assert.strictEqual(ui.lastMessage, 'Talk Capture: added 2 slide photos under 2 talks (1 left out).');
  });

  it('an unchecked photo is left out; its checked state is kept when another row changes', async () => {
    const { photos, doc } = workspace();
    const ui = new MemoryPhotosUi(doc, (preview) => {
      const shown = preview.items();
      const checked = shown.filter((i) => i.picked && i.file !== 'photos/phone/rotated.jpg');
      preview.keepChecked(shown, checked);
      preview.useFileTime('photos/phone/no-exif.jpg');
      const now = preview.items();
      assert.strictEqual(row(now, 'rotated.jpg')?.picked, false, 'still unchecked after the change');
      return now.filter((i) => i.picked);
    });
    const result = await addSlidePhotos(photos, doc, { uris: phone('offset-gps.jpg', 'rotated.jpg', 'no-exif.jpg') }, ui);
    assert.deepStrictEqual(
      result?.rows.map((r) => r.file),
      ['photos/phone/offset-gps.jpg', 'photos/phone/no-exif.jpg'],
    );
  });

  it('a folder gives its photos by name; a name already taken is not overwritten; a photo already linked is not added twice', async () => {
    const { photos, files, doc } = workspace();
    files.put('photos/bundle/images/opening-the-doors-01.jpg', 'someone else’s image');
    const ui = new MemoryPhotosUi(doc, undefined, [`${WS}/photos/phone`]);
    const first = await addSlidePhotos(photos, doc, { accept: true }, ui);
    assert.deepStrictEqual(
      first?.rows.map((r) => r.file),
      ['photos/phone/offset-gps.jpg', 'photos/phone/rotated.jpg', 'photos/phone/qr-slide.jpg'],
    );
    assert.deepStrictEqual(first?.written, [
      'photos/bundle/images/opening-the-doors-02.jpg',
      'photos/bundle/images/opening-the-doors-03.jpg',
      'photos/bundle/images/probes-in-practice-01.jpg',
    ]);
    assert.deepStrictEqual(new TextDecoder().decode(files.get('photos/bundle/images/opening-the-doors-01.jpg')), 'someone else’s image');
    assert.strictEqual(ui.lastMessage, 'Talk Capture: added 3 slide photos under 2 talks (1 left out).');

    const again = new MemoryPhotosUi(doc, () => undefined);
    await addSlidePhotos(photos, doc, { uris: phone('offset-gps.jpg') }, again);
    assert.strictEqual(row(again.previewItems, 'offset-gps.jpg')?.detail, 'not placed: already in the post');
  });

  it('says why nothing was written: an unsaved note, no photos, Cancel, nothing placed, a picked file that is not there', async () => {
    const { photos, files, doc } = workspace();
    const untitled = openNote(files, 'x.md', NOTE);
    const says = async (d: typeof doc, args: Parameters<typeof addSlidePhotos>[2], setup?: (ui: MemoryPhotosUi) => void) => {
      const ui = new MemoryPhotosUi(d);
      setup?.(ui);
      assert.strictEqual(await addSlidePhotos(photos, d, args, ui), undefined);
      return ui.lastMessage;
    };
    assert.strictEqual(
      await says(Object.assign(Object.create(untitled) as typeof doc, { uri: 'untitled:Untitled-1' }), { uris: phone('rotated.jpg') }),
      'Talk Capture: save the note first: its slide photos are written beside it.',
    );
    assert.strictEqual(await says(doc, { uris: [`${WS}/photos/bundle`] }), 'Talk Capture: no photos there (JPEG, PNG, HEIC or WebP files).');
    assert.strictEqual(
      await says(doc, { uris: phone('offset-gps.jpg', 'rotated.jpg'), accept: true }, (ui) => (ui.cancelAfter = 1)),
      'Talk Capture: reading the photos was cancelled; nothing was written.',
    );
    assert.strictEqual(await says(doc, { uris: phone('no-exif.jpg'), accept: true }), 'Talk Capture: no photo was placed under a talk; nothing was written.');
    assert.strictEqual(await says(doc, {}), undefined, 'the dialog closed: nothing said');
    await assert.rejects(
      addSlidePhotos(photos, doc, { uris: phone('gone.jpg') }, new MemoryPhotosUi(doc)),
      /^Error: \/ws\/photos\/phone\/gone\.jpg cannot be read \(file not found\)$/,
    );
    assert.strictEqual(doc.getText(), NOTE);
  });

  it('the note changed meanwhile: nothing stays written', async () => {
    const { photos, files, doc } = workspace();
    const ui = new MemoryPhotosUi(doc);
    ui.beforeApply = () => doc.setText(`${NOTE}typed meanwhile\n`);
    assert.strictEqual(await addSlidePhotos(photos, doc, { uris: phone('offset-gps.jpg'), accept: true }, ui), undefined);
    assert.deepStrictEqual(files.under('photos/bundle/images'), [], 'the image written was removed');
    assert.deepStrictEqual(ui.messages.at(-1), {
      message: 'Talk Capture: the note changed while the images were written; they were removed and nothing was added. Run Add Slide Photos… again.',
      warn: true,
    });

    const reading = new MemoryPhotosUi(doc, (preview) => {
      doc.setText(`${doc.getText()}more\n`);
      return preview.items().filter((i) => i.picked);
    });
    assert.strictEqual(await addSlidePhotos(photos, doc, { uris: phone('offset-gps.jpg') }, reading), undefined);
    assert.match(reading.lastMessage ?? '', /the note changed while the photos were read; nothing was written/);
  });

  it('an image that cannot be written takes the ones written with it away, and the note is left as it was', async () => {
    const { photos, files, doc } = workspace();
    files.failWrites.add('photos/bundle/images/probes-in-practice-01.jpg');
    await assert.rejects(addSlidePhotos(photos, doc, { uris: phone('offset-gps.jpg', 'qr-slide.jpg'), accept: true }, new MemoryPhotosUi(doc)), /no space left on device/);
    assert.deepStrictEqual(files.under('photos/bundle/images'), []);
    assert.strictEqual(doc.getText(), NOTE);
  });
});
