/**
 * New Conference Notes…, without the editor: what the questions accept, the note's text (front
 * matter in the format chosen, its first day) and where the cursor goes, which file it is
 * written to (the notes folder inside the workspace, the file name template, a number added
 * when the name is taken) and what is said when it cannot be, and the closing offer to import
 * the schedule. Files are handles of the caller's own kind (`vscode.Uri` in the editor, paths
 * in the tests), reached through {@link NoteFiles}. The editor asks and opens the note
 * (src/vscode/features/newConferenceNotes.ts).
 */
import { isoDate, isoWithOffset, newNoteText, noteFileName, numberedFileName, parseIsoDate, startDateTime, type NewNote } from '../core/capture/index';
import type { FrontMatterFormat } from '../core/frontmatter/format';
import { messageOf } from '../core/util/errors';

export interface NewConferenceNotesSettings {
  /** talkCapture.frontMatter.format, talkCapture.notesFolder, talkCapture.newNote.fileName */
  newNoteSettings(): { frontMatter: FrontMatterFormat; notesFolder: string; fileNameTemplate: string };
  /** talkCapture.day.includeDate */
  dayIncludesDate(): boolean;
  /** files.eol for a new file */
  newFileEol(): '\n' | '\r\n';
  /** The clock (today's date, the time of the `date` field). */
  now(): Date;
}

/** The files the note is written to, `F` being the caller's handle of a file or folder. */
export interface NoteFiles<F> {
  join(folder: F, ...segments: string[]): F;
  exists(file: F): Promise<boolean>;
  createDirectory(folder: F): Promise<void>;
  writeFile(file: F, text: string): Promise<void>;
  /** The name a message gives a file (workspace-relative in the editor). */
  describe(file: F): string;
}

/** The answers: the conference's name, its first day (YYYY-MM-DD), the front matter format. */
export interface ConferenceAnswers {
  name: string;
  date: string;
  format: FrontMatterFormat;
}

/** Where the note went: its file, and the information message when its name had to be numbered; or why nothing was written. */
export type NoteWritten<F> = { kind: 'written'; file: F; info?: string } | { kind: 'error'; message: string };

export function conferenceNameProblem(value: string): string | undefined {
  return value.trim() ? undefined : 'Give the conference a name.';
}

export function startDateProblem(value: string): string | undefined {
  return parseIsoDate(value) ? undefined : 'Write the date as YYYY-MM-DD, e.g. 2025-04-01.';
}

/** The rows of the front matter question (the setting's format active). */
export function formatRows(active: FrontMatterFormat): { items: { label: string; description: string; format: FrontMatterFormat }[]; active: number } {
  const items = [
    { label: 'YAML', description: '--- front matter', format: 'yaml' as const },
    { label: 'TOML', description: '+++ front matter', format: 'toml' as const },
  ];
  return { items, active: items.findIndex((f) => f.format === active) };
}

/** The rows of the closing offer: import the schedule now, or not now. */
export function scheduleOfferRows(): { label: string; description: string; run: boolean }[] {
  return [
    { label: '$(calendar) Import Conference Schedule…', description: 'a Sched all.ics, a pretalx schedule, a Sessionize export', run: true },
    { label: 'Not now', description: 'Import Conference Schedule… is in the Command Palette and the Schedule view', run: false },
  ];
}

/** The folder segments of talkCapture.notesFolder, or undefined when it leaves the workspace. */
export function folderSegments(setting: string): string[] | undefined {
  const parts = setting
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.');
  if (parts.some((p) => p === '..')) return undefined;
  return parts;
}

export class NewConferenceNotes {
  constructor(private readonly services: NewConferenceNotesSettings) {}

  /** The first day the date question proposes: today. */
  today(): string {
    return isoDate(this.services.now());
  }

  /** The front matter format the settings choose. */
  defaultFormat(): FrontMatterFormat {
    return this.services.newNoteSettings().frontMatter;
  }

  /** The note's text and where the cursor goes. */
  note(answers: ConferenceAnswers): NewNote {
    const startDate = answers.date.trim();
    return newNoteText({
      name: answers.name,
      date: isoWithOffset(startDateTime(startDate, this.services.now())),
      format: answers.format,
      startDate,
      includeDate: this.services.dayIncludesDate(),
      eol: this.services.newFileEol(),
    });
  }

  /**
   * Writes the note into the notes folder of `workspace`: named by the template, numbered
   * (`-2`, `-3`, …) when the name is taken, never over an existing file.
   */
  async write<F>(files: NoteFiles<F>, workspace: F, answers: ConferenceAnswers, text: string): Promise<NoteWritten<F>> {
    const settings = this.services.newNoteSettings();
    const segments = folderSegments(settings.notesFolder);
    if (!segments) return { kind: 'error', message: 'Talk Capture: talkCapture.notesFolder must be a folder inside the workspace (no "..").' };
    const dir = files.join(workspace, ...segments);
    const fileName = noteFileName(settings.fileNameTemplate, answers.name, answers.date.trim());
    let target = files.join(dir, fileName);
    let numbered = false;
    for (let n = 2; (await files.exists(target)) && n < 1000; n++) {
      target = files.join(dir, numberedFileName(fileName, n));
      numbered = true;
    }
    if (await files.exists(target)) return { kind: 'error', message: `Talk Capture: ${fileName} and its numbered variants already exist; nothing was written.` };
    try {
      await files.createDirectory(dir);
      await files.writeFile(target, text);
    } catch (err) {
      return { kind: 'error', message: `Talk Capture: could not create ${files.describe(target)}: ${messageOf(err)}` };
    }
    return { kind: 'written', file: target, ...(numbered ? { info: `Talk Capture: ${fileName} already exists, so the notes are in ${files.describe(target)}.` } : {}) };
  }
}
