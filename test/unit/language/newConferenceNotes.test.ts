import * as assert from 'assert';
import {
  NewConferenceNotes,
  conferenceNameProblem,
  folderSegments,
  formatRows,
  scheduleOfferRows,
  startDateProblem,
  type NewConferenceNotesSettings,
} from '../../../src/language/newConferenceNotes';
import { MemoryFiles } from '../../support/capture';

class Settings implements NewConferenceNotesSettings {
  frontMatter: 'yaml' | 'toml' = 'yaml';
  notesFolder = 'content/posts';
  fileNameTemplate = '{slug}.md';
  includeDate = false;
  eol: '\n' | '\r\n' = '\n';
  clock = new Date(2031, 4, 6, 9, 30, 15);
  newNoteSettings() {
    return { frontMatter: this.frontMatter, notesFolder: this.notesFolder, fileNameTemplate: this.fileNameTemplate };
  }
  dayIncludesDate() {
    return this.includeDate;
  }
  newFileEol() {
    return this.eol;
  }
  now() {
    return this.clock;
  }
}

/** The files of a workspace at `/ws`. */
function workspace() {
  const files = new MemoryFiles('/ws');
  return { files, io: files };
}

const ANSWERS = { name: ' DemoCon 2031 ', date: '2031-05-06 ', format: 'yaml' as const };

describe('language/newConferenceNotes: New Conference Notes…, built with in-memory services', () => {
  it('writes the note with its front matter and first day; the cursor under the day', () => {
    const settings = new Settings();
    const note = new NewConferenceNotes(settings).note(ANSWERS);
    const lines = note.text.split('\n');
    assert.strictEqual(lines[0], '---');
    assert.strictEqual(lines[1], 'title: "DemoCon 2031"');
    assert.match(lines[2], /^date: 2031-05-06T09:30:15[+-]\d\d:\d\d$/);
    assert.ok(note.text.includes('\ndraft: true\n---\n'), note.text);
    assert.ok(note.text.endsWith('---\n\n## Day01\n'), JSON.stringify(note.text));
    assert.deepStrictEqual(note.cursor, { line: lines.length - 1, character: 0 });
  });

  it('follows the format, the date setting and the line breaks', () => {
    const settings = new Settings();
    settings.includeDate = true;
    settings.eol = '\r\n';
    const note = new NewConferenceNotes(settings).note({ ...ANSWERS, format: 'toml' });
    assert.ok(note.text.startsWith('+++\r\ntitle = "DemoCon 2031"\r\n'), note.text);
    assert.ok(note.text.includes('## Day01 (2031-05-06)\r\n'), note.text);
    assert.ok(!/[^\r]\n/.test(note.text), 'only CRLF');
  });

  it('writes into the notes folder, numbering the name when it is taken', async () => {
    const { files, io } = workspace();
    const notes = new NewConferenceNotes(new Settings());
    const first = await notes.write(io, '/ws', ANSWERS, 'one');
    assert.deepStrictEqual(first, { kind: 'written', file: '/ws/content/posts/democon-2031.md' });
    assert.ok(files.folders.has('/ws/content/posts'));
    const second = await notes.write(io, '/ws', ANSWERS, 'two');
    assert.deepStrictEqual(second, {
      kind: 'written',
      file: '/ws/content/posts/democon-2031-2.md',
      info: 'Talk Capture: democon-2031.md already exists, so the notes are in content/posts/democon-2031-2.md.',
    });
    assert.strictEqual(files.files.get('/ws/content/posts/democon-2031.md'), 'one');
    assert.strictEqual(files.files.get('/ws/content/posts/democon-2031-2.md'), 'two');
  });

  it('follows the file name template and the folder setting, never out of the workspace', async () => {
    const { files, io } = workspace();
    const settings = new Settings();
    settings.fileNameTemplate = '{date}-{slug}';
    settings.notesFolder = './blog\\2031/';
    assert.deepStrictEqual(await new NewConferenceNotes(settings).write(io, '/ws', ANSWERS, 'x'), { kind: 'written', file: '/ws/blog/2031/2031-05-06-democon-2031.md' });
    settings.notesFolder = '../elsewhere';
    assert.deepStrictEqual(await new NewConferenceNotes(settings).write(io, '/ws', ANSWERS, 'x'), {
      kind: 'error',
      message: 'Talk Capture: talkCapture.notesFolder must be a folder inside the workspace (no "..").',
    });
    assert.strictEqual(files.files.size, 1);
    assert.deepStrictEqual(folderSegments('a/./b'), ['a', 'b']);
  });

  it('says what went wrong when the file cannot be written or every name is taken', async () => {
    const { files, io } = workspace();
    const notes = new NewConferenceNotes(new Settings());
    files.failing.add('/ws/content/posts/democon-2031.md');
    assert.deepStrictEqual(await notes.write(io, '/ws', ANSWERS, 'x'), {
      kind: 'error',
      message: 'Talk Capture: could not create content/posts/democon-2031.md: EACCES: permission denied',
    });
    files.failing.clear();
    files.files.set('/ws/content/posts/democon-2031.md', 'taken');
    for (let n = 2; n < 1000; n++) files.files.set(`/ws/content/posts/democon-2031-${n}.md`, 'taken');
    assert.deepStrictEqual(await notes.write(io, '/ws', ANSWERS, 'x'), {
      kind: 'error',
      message: 'Talk Capture: democon-2031.md and its numbered variants already exist; nothing was written.',
    });
  });

  it('the questions: a name, a real date (today proposed), the format of the settings first; then the offer to import', () => {
    const settings = new Settings();
    const notes = new NewConferenceNotes(settings);
    assert.strictEqual(notes.today(), '2031-05-06');
    assert.strictEqual(conferenceNameProblem(' '), 'Give the conference a name.');
    assert.strictEqual(conferenceNameProblem('x'), undefined);
    assert.strictEqual(startDateProblem('2031-02-30'), 'Write the date as YYYY-MM-DD, e.g. 2025-04-01.');
    assert.strictEqual(startDateProblem('2031-02-28'), undefined);
    settings.frontMatter = 'toml';
    const rows = formatRows(notes.defaultFormat());
    assert.strictEqual(rows.items[rows.active].label, 'TOML');
    assert.deepStrictEqual(
      scheduleOfferRows().map((r) => r.run),
      [true, false],
    );
  });
});
