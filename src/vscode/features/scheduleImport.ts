/**
 * Import Conference Schedule…: a schedule file of the workspace or a URL, read with progress,
 * parsed by the core (src/core/schedule; off the extension host's thread in the Node build), kept as a parsed copy in the extension's storage (so
 * capture works offline), and remembered by the active note in its `schedule` front matter key
 * (one edit, one undo step). A re-import matches sessions by id, says what was added, changed
 * and removed, and keeps the stars. Files are read through `vscode.workspace.fs` (also in a
 * browser).
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
import { MAX_SCHEDULE_BYTES, ScheduleError, describeDiff, diffSchedules, loadScheduleText, scheduleUrlProblem, summarizeSchedule, type Schedule } from '../../core/schedule/index';
import { scheduleSourceOf, setScheduleSource } from '../../core/schedule/editor-place';
import { parseScheduleOffThread } from '../services/offThread';
import { messageOf, stackOf } from '../../core/util/errors';
import { analysisOf } from '../services/analysis';

interface SourceItem extends vscode.QuickPickItem {
  route: 'again' | 'file' | 'url';
}

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
  const files = found
    .filter((u) => !/(?:^|\/)(?:package(?:-lock)?|tsconfig|jsconfig|composer)\.json$|\/\.vscode\//.test(u.path))
    .map((uri) => ({ uri, label: vscode.workspace.asRelativePath(uri, false) }))
    .sort((a, b) => Number(!/\.ics$/i.test(a.label)) - Number(!/\.ics$/i.test(b.label)) || a.label.localeCompare(b.label));
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
        let size: number;
        try {
          size = (await vscode.workspace.fs.stat(ref.file)).size;
        } catch {
          throw new ScheduleError(`${ref.source}: no such file`);
        }
        if (size > MAX_SCHEDULE_BYTES) throw new ScheduleError(`${ref.source}: ${size} bytes is more than the ${MAX_SCHEDULE_BYTES}-byte limit for a schedule`);
        try {
          text = await vscode.workspace.fs.readFile(ref.file);
        } catch (err) {
          throw new ScheduleError(`${ref.source}: cannot be read (${messageOf(err)})`);
        }
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
        if (err instanceof ScheduleError) throw new ScheduleError(`${ref.source}: ${err.message}`);
        throw err;
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
  let route: SourceItem['route'] | undefined;
  while (!ref) {
    if (!route) {
      const current = doc ? scheduleSourceOf(analysisOf(doc).frontMatter) : undefined;
      const items: SourceItem[] = [
        ...(current ? [{ route: 'again' as const, label: `$(refresh) Re-import ${current}`, description: 'the note’s schedule' }] : []),
        { route: 'file', label: '$(file) From a file in the workspace…', description: '.ics, schedule.json, schedule.xml, Sessionize JSON' },
        { route: 'url', label: '$(globe) From a URL…', description: 'https://…/all.ics, pretalx, Sessionize' },
      ];
      const picked = await askPick(capture, {
        name: 'scheduleSource',
        title: TITLE,
        placeholder: doc ? 'Where is the schedule?' : 'Where is the schedule? (open a note first so that it remembers the schedule)',
        items,
      });
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

  let schedule: Schedule;
  try {
    schedule = await readSchedule(api, ref);
  } catch (err) {
    const reason = messageOf(err);
    if (!(err instanceof ScheduleError)) ctx.log.error(`Import Conference Schedule: ${stackOf(err)}`);
    if (ref.file) {
      void tell(api, 'error', `Talk Capture: the schedule was not imported: ${reason}`);
      return undefined;
    }
    // Not awaited: the command ends now; the button starts the file route.
    void tell(api, 'error', `Talk Capture: the schedule could not be downloaded: ${reason}. Download it in a browser and import the file instead.`, 'Import a File…').then(
      async (answer) => {
        if (answer !== 'Import a File…') return;
        const uri = await askFile(capture);
        if (uri) await importSchedule(ctx, uri);
      },
    );
    return undefined;
  }

  const before = await api.store.read(ref.key, { storedOnly: true });
  await api.store.write(ref.key, schedule);
  const summary = summarizeSchedule(schedule);
  const diff = before ? `; re-imported: ${describeDiff(diffSchedules(before, schedule))}` : '';

  // The note remembers its schedule (one edit, one undo step).
  let noteMessage = '';
  if (doc && !doc.isClosed) {
    let problem: string | undefined;
    await editDocument(doc, (text) => {
      const r = setScheduleSource(text, ref.source);
      problem = r.ok ? undefined : r.message;
      return r.ok ? r.edits : undefined;
    });
    if (problem) noteMessage = ` The note does not remember it: its ${problem}.`;
  } else noteMessage = ' Open a note and import again (or add `schedule: …` to its front matter) so that the note remembers it.';
  // Items of the file that could not be read are named (the first here, all in the log).
  const skipped = schedule.skipped ?? [];
  for (const item of skipped) ctx.log.warn(`Import Conference Schedule: ${ref.source}: skipped ${item}`);
  const skippedMessage = skipped.length ? ` Left out: ${skipped[0]}${skipped.length > 1 ? ` (and more, see the Talk Capture log)` : ''}.` : '';
  void tell(api, (noteMessage && doc) || skippedMessage ? 'warning' : 'info', `Talk Capture: ${summary}${diff}.${noteMessage}${skippedMessage}`);
  return schedule;
}

export function registerScheduleImport(ctx: FeatureContext): void {
  scheduleApi(ctx); // the store object only (nothing is read until a schedule is asked for)
  registerCommand(ctx, 'talkCapture.importSchedule', 'Import Conference Schedule', (arg) => importSchedule(ctx, arg));
}
