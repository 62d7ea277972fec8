/**
 * Import Conference Schedule…, without the editor: the routes the first step offers, which
 * workspace files are schedules (the .ics ones first), reading a schedule file within the size
 * limit with a one-line reason otherwise, what the import stores (the parsed copy, by key) and
 * the re-import's diff against the copy before, the note's `schedule` front matter edit, and
 * what the import reports (the summary, the diff, the note that does not remember it, the items
 * left out) or says when it failed. The editor asks, reads with progress and applies the edit
 * (src/vscode/features/scheduleImport.ts).
 */
import type { TextEdit } from '../core/document';
import { MAX_SCHEDULE_BYTES, ScheduleError, describeDiff, diffSchedules, summarizeSchedule, type Schedule } from '../core/schedule/index';
import { setScheduleSource } from '../core/schedule/editor-place';
import { messageOf, stackOf } from '../core/util/errors';

/** The stored parsed copies of imported schedules, by key (the URL, or the file's URI). */
interface ScheduleCopies {
  read(key: string, options: { storedOnly: true }): Promise<Schedule | undefined>;
  write(key: string, schedule: Schedule): Promise<void>;
}

export interface ScheduleImportServices {
  store: ScheduleCopies;
  log: { warn(message: string): void; error(message: string): void };
}

/** A row of the first step: re-import the note's schedule, a file, a URL. */
export interface SourceRow {
  route: 'again' | 'file' | 'url';
  label: string;
  description: string;
}

/** What the import says: the kind of message, its text, and the button of a failed download. */
export interface ImportReport {
  kind: 'info' | 'warning' | 'error';
  message: string;
  action?: string;
}

/** The note's part in the import: none open (or closed during the import), its front matter remembers the source, or it cannot. */
export type NoteOutcome = { kind: 'none' } | { kind: 'closed' } | { kind: 'remembered' } | { kind: 'problem'; problem: string };

export const IMPORT_A_FILE = 'Import a File…';

/** The first step's rows: the note's schedule again (when it names one), a file, a URL. */
export function sourceRows(current: string | undefined): SourceRow[] {
  return [
    ...(current ? [{ route: 'again' as const, label: `$(refresh) Re-import ${current}`, description: 'the note’s schedule' }] : []),
    { route: 'file', label: '$(file) From a file in the workspace…', description: '.ics, schedule.json, schedule.xml, Sessionize JSON' },
    { route: 'url', label: '$(globe) From a URL…', description: 'https://…/all.ics, pretalx, Sessionize' },
  ];
}

/** The first step's placeholder (a note must be open for it to remember the schedule). */
export function sourcePlaceholder(hasNote: boolean): string {
  return hasNote ? 'Where is the schedule?' : 'Where is the schedule? (open a note first so that it remembers the schedule)';
}

/** The workspace files that may be schedules (not package.json and the like, nothing in .vscode), the .ics ones first, then by name. */
export function scheduleFileRows<F extends { path: string; label: string }>(files: readonly F[]): F[] {
  return files
    .filter((f) => !/(?:^|\/)(?:package(?:-lock)?|tsconfig|jsconfig|composer)\.json$|\/\.vscode\//.test(f.path))
    .sort((a, b) => Number(!/\.ics$/i.test(a.label)) - Number(!/\.ics$/i.test(b.label)) || a.label.localeCompare(b.label));
}

/** A schedule file's bytes, within the size limit; throws a ScheduleError with a one-line reason. */
export async function readScheduleFile(source: string, file: { size(): Promise<number>; read(): Promise<Uint8Array> }): Promise<Uint8Array> {
  let size: number;
  try {
    size = await file.size();
  } catch {
    throw new ScheduleError(`${source}: no such file`);
  }
  if (size > MAX_SCHEDULE_BYTES) throw new ScheduleError(`${source}: ${size} bytes is more than the ${MAX_SCHEDULE_BYTES}-byte limit for a schedule`);
  try {
    return await file.read();
  } catch (err) {
    throw new ScheduleError(`${source}: cannot be read (${messageOf(err)})`);
  }
}

/** A parse failure named by its source (other errors as they are). */
export function parseFailure(source: string, err: unknown): unknown {
  return err instanceof ScheduleError ? new ScheduleError(`${source}: ${err.message}`) : err;
}

/** The front matter edit that makes the note remember `source`, or the problem of its front matter. */
export function rememberSource(text: string, source: string): { edits?: readonly TextEdit[]; problem?: string } {
  const r = setScheduleSource(text, source);
  return r.ok ? { edits: r.edits } : { problem: r.message };
}

export class ScheduleImporter {
  constructor(private readonly services: ScheduleImportServices) {}

  /** Stores the parsed copy under `key`; the summary, with what a re-import added, changed and removed. */
  async store(key: string, schedule: Schedule): Promise<string> {
    const before = await this.services.store.read(key, { storedOnly: true });
    await this.services.store.write(key, schedule);
    const diff = before ? `; re-imported: ${describeDiff(diffSchedules(before, schedule))}` : '';
    return `${summarizeSchedule(schedule)}${diff}`;
  }

  /** What a successful import says; the items left out are named (the first here, all in the log). */
  report(source: string, schedule: Schedule, stored: string, note: NoteOutcome): ImportReport {
    const noteMessage =
      note.kind === 'problem'
        ? ` The note does not remember it: its ${note.problem}.`
        : note.kind === 'remembered'
          ? ''
          : ' Open a note and import again (or add `schedule: …` to its front matter) so that the note remembers it.';
    const skipped = schedule.skipped ?? [];
    for (const item of skipped) this.services.log.warn(`Import Conference Schedule: ${source}: skipped ${item}`);
    const skippedMessage = skipped.length ? ` Left out: ${skipped[0]}${skipped.length > 1 ? ` (and more, see the Talk Capture log)` : ''}.` : '';
    return { kind: note.kind === 'problem' || note.kind === 'closed' || skippedMessage ? 'warning' : 'info', message: `Talk Capture: ${stored}.${noteMessage}${skippedMessage}` };
  }

  /** What a failed read says: a file's reason, or a download's with the way out (a file downloaded by hand). */
  failure(source: { isFile: boolean }, err: unknown): ImportReport {
    const reason = messageOf(err);
    if (!(err instanceof ScheduleError)) this.services.log.error(`Import Conference Schedule: ${stackOf(err)}`);
    if (source.isFile) return { kind: 'error', message: `Talk Capture: the schedule was not imported: ${reason}` };
    return {
      kind: 'error',
      message: `Talk Capture: the schedule could not be downloaded: ${reason}. Download it in a browser and import the file instead.`,
      action: IMPORT_A_FILE,
    };
  }
}
