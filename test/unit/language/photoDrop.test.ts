import * as assert from 'assert';
import { applyEdits } from '../../../src/core/document';
import { photoDrop, type PhotoDrop } from '../../../src/language/photoDrop';
import { rememberTalkEnd, rememberTalkStart, talkTimesOf } from '../../../src/language/talkTimes';
import { fixturePhoto, memoryPhotos, MemoryState, openNote, PHOTO_DAY_NOTE, WS } from '../../support/slidePhotos';

const NOTE = PHOTO_DAY_NOTE;

function workspace(text = NOTE, state?: MemoryState) {
  const { photos, files } = memoryPhotos({ state });
  for (const name of ['rotated.jpg', 'no-exif.jpg', 'offset-gps.jpg']) files.put(`photos/phone/${name}`, fixturePhoto(name));
  const doc = openNote(files, 'photos/drop/index.md', text);
  return { photos, files, doc };
}

const source = (name: string) => ({ key: `photos/phone/${name}`, uri: `${WS}/photos/phone/${name}` });
const never = () => false;

/** The drop's images and edits (fails with its message when nothing was placed). */
function placed(drop: PhotoDrop | undefined): Extract<PhotoDrop, { edits: unknown }> {
  if (!drop || !('edits' in drop)) throw new assert.AssertionError({ message: drop?.message ?? 'nothing to place' });
  return drop;
}

describe('photo drop and paste (language)', () => {
  it('places the photo under the talk it was taken in, not at the cursor: the image to create and the line', async () => {
    const { photos, doc } = workspace();
    const drop = await photoDrop(photos, doc, 15, [source('rotated.jpg')], undefined, never);
    assert.ok(drop?.files, drop?.message);
    assert.deepStrictEqual(
      drop.files.map((f) => f.uri),
      [`${WS}/photos/drop/images/opening-the-doors-01.jpg`],
    );
    assert.ok(drop.files[0].bytes.length > 0);
    assert.ok(applyEdits(NOTE, drop.edits).includes('- welcome and a map of the venue\n- ![Slide: Opening the Doors](images/opening-the-doors-01.jpg)\n'));
    assert.strictEqual(drop.message, 'Talk Capture: 1 slide photo under Opening the Doors.');
  });

  it('a photo without a capture time goes under the talk at the cursor, else the running talk; else nowhere, and says why', async () => {
    const { photos, doc } = workspace();
    const atCursor = await photoDrop(photos, doc, 14, [source('no-exif.jpg')], undefined, never);
    assert.deepStrictEqual(
      atCursor?.files?.map((f) => f.uri.replace(/^.*\//, '')),
      ['probes-in-practice-01.jpg'],
    );
    const running = await photoDrop(photos, doc, 2, [source('no-exif.jpg')], 7, never);
    assert.deepStrictEqual(
      running?.files?.map((f) => f.uri.replace(/^.*\//, '')),
      ['opening-the-doors-01.jpg'],
    );
    const nowhere = await photoDrop(photos, doc, 2, [source('no-exif.jpg')], undefined, never);
    assert.deepStrictEqual(nowhere, { message: 'Talk Capture: no photo placed under a talk (photos/phone/no-exif.jpg: no capture time).' });
  });

  it('bytes without a file (a paste) are placed too; the photo is remembered as linked', async () => {
    const { photos, doc, files } = workspace();
    const pasted = { key: 'image.jpg', data: () => Promise.resolve(fixturePhoto('offset-gps.jpg')) };
    const drop = await photoDrop(photos, doc, 0, [pasted], undefined, never);
    assert.deepStrictEqual(
      drop?.files?.map((f) => f.uri.replace(/^.*\//, '')),
      ['opening-the-doors-01.jpg'],
    );
    doc.setText(applyEdits(doc.getText(), placed(drop).edits));
    files.put('photos/drop/images/opening-the-doors-01.jpg', placed(drop).files[0].bytes);
    const again = await photoDrop(photos, doc, 0, [pasted], undefined, never);
    assert.deepStrictEqual(again, { message: 'Talk Capture: no photo placed under a talk (image.jpg: already in the post).' });
  });

  it('nothing for other providers to give way to: an unsaved note, no photos, Cancel, a note changed meanwhile', async () => {
    const { photos, doc } = workspace();
    const untitled = Object.assign(Object.create(doc) as typeof doc, { uri: 'untitled:Untitled-1' });
    assert.strictEqual(await photoDrop(photos, untitled, 0, [source('rotated.jpg')], undefined, never), undefined);
    assert.strictEqual(await photoDrop(photos, doc, 0, [], undefined, never), undefined);
    assert.strictEqual(await photoDrop(photos, doc, 0, [source('rotated.jpg')], undefined, () => true), undefined);
    let calls = 0;
    const typing = () => {
      if (++calls === 2) doc.setText(`${doc.getText()}typed\n`);
      return false;
    };
    assert.strictEqual(await photoDrop(photos, doc, 0, [source('rotated.jpg')], undefined, typing), undefined);
  });

  it('the times Start Talk Now and End Talk ran place a photo taken in between under that talk', async () => {
    const state = new MemoryState();
    const text = '---\ntitle: "Timer Day"\ndate: 2026-03-24\n---\n\n## Day 1\n\n### Timer Talk\n\n### Later Talk\n';
    const uri = `${WS}/photos/drop/index.md`;
    await rememberTalkStart(state, uri, 'Timer Talk', new Date('2026-03-24T10:00:00Z'));
    await rememberTalkEnd(state, uri, 'Timer Talk', new Date('2026-03-24T10:20:00Z'));
    const { photos, doc } = workspace(text, state);
    const drop = await photoDrop(photos, doc, 0, [source('offset-gps.jpg')], undefined, never);
    assert.deepStrictEqual(
      drop?.files?.map((f) => f.uri.replace(/^.*\//, '')),
      ['timer-talk-01.jpg'],
      drop?.message,
    );
    assert.match(applyEdits(text, placed(drop).edits), /^### Timer Talk\n\n!\[Slide: Timer Talk\]\(images\/timer-talk-01\.jpg\)$/m);
  });
});

describe('talk times (language)', () => {
  it('a start, then its end; a new start of the same heading replaces it', async () => {
    const state = new MemoryState();
    await rememberTalkStart(state, 'file:///a.md', 'One', new Date('2099-01-01T10:00:00Z'));
    await rememberTalkEnd(state, 'file:///a.md', 'One', new Date('2099-01-01T10:30:00Z'));
    await rememberTalkStart(state, 'file:///a.md', 'Two', new Date('2099-01-01T10:30:00Z'));
    assert.deepStrictEqual(talkTimesOf(state, 'file:///a.md'), [
      { heading: 'One', start: '2099-01-01T10:00:00.000Z', end: '2099-01-01T10:30:00.000Z' },
      { heading: 'Two', start: '2099-01-01T10:30:00.000Z', end: null },
    ]);
    await rememberTalkStart(state, 'file:///a.md', 'One', new Date('2099-01-01T11:00:00Z'));
    assert.deepStrictEqual(
      talkTimesOf(state, 'file:///a.md').map((t) => [t.heading, t.end]),
      [
        ['Two', null],
        ['One', null],
      ],
    );
  });

  it('keeps the last 50 notes and 200 talks a note; what is not a talk time is ignored', async () => {
    const state = new MemoryState();
    for (let i = 0; i < 52; i++) await rememberTalkStart(state, `file:///n${i}.md`, 'T', new Date(0));
    const notes = Object.keys(state.get<Record<string, unknown>>('talkCapture.talkTimes')!);
    assert.deepStrictEqual([notes.length, notes[0], notes.at(-1)], [50, 'file:///n2.md', 'file:///n51.md']);
    for (let i = 0; i < 205; i++) await rememberTalkStart(state, 'file:///big.md', `T${i}`, new Date(0));
    const talks = talkTimesOf(state, 'file:///big.md');
    assert.deepStrictEqual([talks.length, talks[0].heading], [200, 'T5']);
    await state.update('talkCapture.talkTimes', { 'file:///x.md': [{ heading: 'ok', start: 'a', end: null }, { heading: 1 }, null], 'file:///y.md': 'no' });
    assert.deepStrictEqual(talkTimesOf(state, 'file:///x.md'), [{ heading: 'ok', start: 'a', end: null }]);
    assert.deepStrictEqual(talkTimesOf(state, 'file:///y.md'), []);
  });
});
