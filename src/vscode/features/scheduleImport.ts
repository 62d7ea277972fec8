/**
 * Import Conference Schedule…: a schedule file of the workspace or a URL, read with progress,
 * parsed by the core (src/core/schedule; off the extension host's thread in the Node build), kept as a parsed copy in the extension's storage (so
 * capture works offline), and remembered by the active note in its `schedule` front matter key
 * (one edit, one undo step). A re-import matches sessions by id, says what was added, changed
 * and removed, and keeps the stars. Files are read through `vscode.workspace.fs` (also in a
 * browser). What is stored, edited and said is src/language/scheduleImport.ts; here the
 * questions, the progress and the messages.
 */
import * as vscode from 'vscode';
import { excludeGlob } from '../services/settings';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import { askPick, askText, captureApi } from '../services/quickInput';
import type { CaptureApi, ScheduleApi } from '../api';
import { editDocument } from '../services/edits';
import { isMarkdown } from '../services/editor';
import { resolveSource, scheduleApi, sourceForFile, zoneOverride, type ScheduleRef } from '../services/scheduleStore';
import { ScheduleError, loadScheduleText, scheduleUrlProblem, type Schedule } from '../../core/schedule/index';
import { scheduleSourceOf } from '../../core/schedule/editor-place';
import { parseScheduleOffThread } from '../services/offThread';
import { analysisOf } from '../services/analysis';
import {
  IMPORT_A_FILE,
  ScheduleImporter,
  parseFailure,
  readScheduleFile,
  rememberSource,
  scheduleFileRows,
  sourcePlaceholder,
  sourceRows,
  type NoteOutcome,
  type SourceRow,
} from '../../language/scheduleImport';

interface FileItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

const TITLE = 'Import Conference Schedule';

function tell(api: ScheduleApi, kind: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Thenable<string | undefined> {
  api.lastMessage = message;
  if (kind === 'info') return vscode.window.showInformationMessage(message, ...actions);
  if (kind === 'warning') return vscode.window.showWarningMessage(message, ...actions);
  return vscode.window.showErrorMessage(message, ...actions);
}

/** Asks for a schedule file: the workspace's .ics/.json/.xml files, or a file chosen in a dialog. */
async function askFile(capture: CaptureApi): Promise<vscode.Uri | undefined> {
  const exclude = excludeGlob();
  const found = vscode.workspace.workspaceFolders?.length ? await vscode.workspace.findFiles('**/*.{ics,ICS,ical,json,xml}', exclude, 500) : [];
  const files = scheduleFileRows(found.map((uri) => ({ uri, path: uri.path, label: vscode.workspace.asRelativePath(uri, false) }))).map(({ uri, label }) => ({ uri, label }));
  const browse: FileItem = { label: '$(folder-opened) Browse…', description: 'choose a file anywhere', alwaysShow: true };
  let picked: FileItem | undefined = browse;
  if (files.length) {
    picked = await askPick<FileItem>(capture, {
      name: 'scheduleFile',
      title: TITLE,
      placeholder: 'The schedule file (.ics, schedule.json, schedule.xml, Sessionize JSON)',
      items: [...files, browse],
    });
    if (!picked) return undefined;
  }
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    title: TITLE,
    canSelectMany: false,
    openLabel: 'Import',
    filters: { 'Conference schedules': ['ics', 'ical', 'json', 'xml'], 'All files': ['*'] },
  });
  return chosen?.[0];
}

async function askUrl(capture: CaptureApi, value?: string): Promise<string | undefined> {
  const url = await askText(capture, {
    name: 'scheduleUrl',
    title: TITLE,
    prompt: 'The schedule’s URL (a Sched all.ics, a pretalx schedule.json/.xml/.ics, a Sessionize All JSON)',
    placeholder: 'https://example.sched.com/all.ics',
    value,
    validate: (v) => scheduleUrlProblem(v.trim()),
  });
  return url?.trim();
}

/** Reads and parses a schedule with progress (cancellable); throws ScheduleError with a one-line reason. */
async function readSchedule(api: ScheduleApi, ref: ScheduleRef): Promise<Schedule> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Talk Capture: importing ${ref.source}`, cancellable: true },
    async (progress, token) => {
      let text: string | Uint8Array;
      if (ref.file) {
        progress.report({ message: 'reading the file' });
        const file = ref.file;
        text = await readScheduleFile(ref.source, { size: async () => (await vscode.workspace.fs.stat(file)).size, read: async () => vscode.workspace.fs.readFile(file) });
      } else {
        progress.report({ message: 'downloading' });
        const ctrl = new AbortController();
        const sub = token.onCancellationRequested(() => ctrl.abort());
        try {
          text = (await loadScheduleText(ref.source, { signal: ctrl.signal })).text;
        } finally {
          sub.dispose();
        }
      }
      if (token.isCancellationRequested) throw new ScheduleError(`${ref.source}: cancelled`);
      progress.report({ message: 'reading the sessions' });
      // Off the extension host's thread in the Node build (see offThread.ts).
      // Cancel ends the worker thread.
      api.parsing++;
      const ctrl = new AbortController();
      const sub = token.onCancellationRequested(() => ctrl.abort());
      try {
        return await parseScheduleOffThread(text, { source: ref.source, timeZone: zoneOverride() }, ctrl.signal);
      } catch (err) {
        throw parseFailure(ref.source, err);
      } finally {
        sub.dispose();
        api.parsing--;
      }
    },
  );
}

/**
 * The whole command. `arg` may name the source (`{ source }`, a string, or a Uri) to skip the
 * questions (the view's re-import and the tests). Resolves to the imported schedule.
 */
async function importSchedule(ctx: FeatureContext, arg?: unknown): Promise<Schedule | undefined> {
  const api = scheduleApi(ctx);
  const capture = captureApi(ctx);
  const editor = vscode.window.activeTextEditor && isMarkdown(vscode.window.activeTextEditor.document) ? vscode.window.activeTextEditor : undefined;
  const doc = editor?.document;
  const noteUri = doc && doc.uri.scheme !== 'untitled' ? doc.uri : undefined;
  let ref: ScheduleRef | undefined;
  const given =
    typeof arg === 'string'
      ? arg
      : arg instanceof vscode.Uri
        ? arg
        : arg && typeof arg === 'object' && typeof (arg as { source?: unknown }).source === 'string'
          ? (arg as { source: string }).source
          : undefined;
  if (given instanceof vscode.Uri) {
    // The note remembers a workspace-relative path; the file is read through the Uri as given.
    ref = { ...resolveSource(sourceForFile(given), noteUri), file: given, key: given.toString() };
  } else if (given) ref = resolveSource(given, noteUri);
  let route: SourceRow['route'] | undefined;
  while (!ref) {
    if (!route) {
      const current = doc ? scheduleSourceOf(analysisOf(doc).frontMatter) : undefined;
      const picked = await askPick(capture, { name: 'scheduleSource', title: TITLE, placeholder: sourcePlaceholder(!!doc), items: sourceRows(current) });
      if (!picked) return undefined;
      route = picked.route;
      if (route === 'again' && current) ref = resolveSource(current, noteUri);
    }
    if (route === 'file') {
      const uri = await askFile(capture);
      if (!uri) return undefined;
      ref = resolveSource(sourceForFile(uri), noteUri);
      ref.file = uri;
      ref.key = uri.toString();
    } else if (route === 'url') {
      const url = await askUrl(capture);
      if (!url) return undefined;
      ref = resolveSource(url, noteUri);
    }
  }

  const importer = new ScheduleImporter({ store: api.store, log: ctx.log });
  let schedule: Schedule;
  try {
    schedule = await readSchedule(api, ref);
  } catch (err) {
    const failed = importer.failure({ isFile: !!ref.file }, err);
    if (!failed.action) {
      void tell(api, failed.kind, failed.message);
      return undefined;
    }
    // Not awaited: the command ends now; the button starts the file route.
    void tell(api, failed.kind, failed.message, failed.action).then(async (answer) => {
      if (answer !== IMPORT_A_FILE) return;
      const uri = await askFile(capture);
      if (uri) await importSchedule(ctx, uri);
    });
    return undefined;
  }

  const stored = await importer.store(ref.key, schedule);
  // The note remembers its schedule (one edit, one undo step).
  let note: NoteOutcome = { kind: doc ? 'closed' : 'none' };
  if (doc && !doc.isClosed) {
    let problem: string | undefined;
    await editDocument(doc, (text) => {
      const r = rememberSource(text, ref.source);
      problem = r.problem;
      return r.edits;
    });
    note = problem ? { kind: 'problem', problem } : { kind: 'remembered' };
  }
  const report = importer.report(ref.source, schedule, stored, note);
  void tell(api, report.kind, report.message);
  return schedule;
}

export function registerScheduleImport(ctx: FeatureContext): void {
  scheduleApi(ctx); // the store object only (nothing is read until a schedule is asked for)
  registerCommand(ctx, 'talkCapture.importSchedule', 'Import Conference Schedule', (arg) => importSchedule(ctx, arg));
}
