/** New Conference Notes…: a note with front matter and its first day, in the notes folder. */
import * as vscode from 'vscode';
import { dayIncludesDate, newFileEol, newNoteSettings } from '../services/settings';
import { fileExists } from '../services/files';
import type { FeatureContext } from '../services/feature';
import { messageOf, registerCommand } from '../services/command';
import { askPick, askText, captureApi } from '../services/quickInput';
import type { CaptureApi } from '../api';
import { placeCursor } from '../services/talkInsert';
import { isoDate, isoWithOffset, newNoteText, noteFileName, numberedFileName, parseIsoDate, startDateTime } from '../../core/capture/index';
import type { FrontMatterFormat } from '../../core/frontmatter/format';

// ---------------------------------------------------------------------------------------------
// New Conference Notes…

/** The folder segments of talkCapture.notesFolder, or undefined when it leaves the workspace. */
function folderSegments(setting: string): string[] | undefined {
  const parts = setting
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.');
  if (parts.some((p) => p === '..')) return undefined;
  return parts;
}

async function newConferenceNotes(api: CaptureApi): Promise<vscode.Uri | undefined> {
  const settings = newNoteSettings();
  const title = 'New Conference Notes';
  const name = await askText(api, {
    name: 'name',
    title,
    step: 1,
    totalSteps: 4,
    prompt: 'Name of the conference (the post’s title)',
    placeholder: 'e.g. KubeCon + CloudNativeCon Europe 2025',
    validate: (v) => (v.trim() ? undefined : 'Give the conference a name.'),
  });
  if (name === undefined) return undefined;
  const today = isoDate(new Date());
  const date = await askText(api, {
    name: 'date',
    title,
    step: 2,
    totalSteps: 4,
    prompt: 'First day of the conference (YYYY-MM-DD)',
    value: today,
    validate: (v) => (parseIsoDate(v) ? undefined : 'Write the date as YYYY-MM-DD, e.g. 2025-04-01.'),
  });
  if (date === undefined) return undefined;
  const defaultFormat: FrontMatterFormat = settings.frontMatter;
  const formats = [
    { label: 'YAML', description: '--- front matter', format: 'yaml' as const },
    { label: 'TOML', description: '+++ front matter', format: 'toml' as const },
  ];
  const picked = await askPick(api, {
    name: 'format',
    title,
    step: 3,
    totalSteps: 4,
    placeholder: 'Front matter format',
    items: formats,
    active: formats.find((f) => f.format === defaultFormat),
  });
  if (picked === undefined) return undefined;

  const startDate = date.trim();
  const note = newNoteText({
    name,
    date: isoWithOffset(startDateTime(startDate, new Date())),
    format: picked.format,
    startDate,
    includeDate: dayIncludesDate(),
    eol: newFileEol(),
  });
  const cursor = new vscode.Position(note.cursor.line, note.cursor.character);

  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    // No folder to write into: an untitled note, saved wherever the person likes.
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: note.text });
    await placeCursor(doc, cursor);
    return doc.uri;
  }
  const segments = folderSegments(settings.notesFolder);
  if (!segments) {
    void vscode.window.showErrorMessage('Talk Capture: talkCapture.notesFolder must be a folder inside the workspace (no "..").');
    return undefined;
  }
  const dir = vscode.Uri.joinPath(folder.uri, ...segments);
  const fileName = noteFileName(settings.fileNameTemplate, name, startDate);
  let target = vscode.Uri.joinPath(dir, fileName);
  for (let n = 2; (await fileExists(target)) && n < 1000; n++) target = vscode.Uri.joinPath(dir, numberedFileName(fileName, n));
  if (await fileExists(target)) {
    void vscode.window.showErrorMessage(`Talk Capture: ${fileName} and its numbered variants already exist; nothing was written.`);
    return undefined;
  }
  try {
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(note.text));
  } catch (err) {
    void vscode.window.showErrorMessage(`Talk Capture: could not create ${vscode.workspace.asRelativePath(target)}: ${messageOf(err)}`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await placeCursor(doc, cursor);
  if (target.path.slice(target.path.lastIndexOf('/') + 1) !== fileName) {
    void vscode.window.showInformationMessage(`Talk Capture: ${fileName} already exists, so the notes are in ${vscode.workspace.asRelativePath(target)}.`);
  }
  return target;
}

/**
 * The last step, once the note is written and open: the offer to import the conference's
 * schedule, a step of the same quick input that stays until answered (Escape is "not now").
 */
async function offerScheduleImport(api: CaptureApi): Promise<void> {
  const items = [
    { label: '$(calendar) Import Conference Schedule…', description: 'a Sched all.ics, a pretalx schedule, a Sessionize export', run: true },
    { label: 'Not now', description: 'Import Conference Schedule… is in the Command Palette and the Schedule view', run: false },
  ];
  const picked = await askPick(api, {
    name: 'importSchedule',
    title: 'New Conference Notes',
    step: 4,
    totalSteps: 4,
    placeholder: 'Import the conference’s schedule? Start Talk Now then offers the session starting now',
    items,
  });
  // Not awaited: the import asks its own questions; this command is done.
  if (picked?.run) void vscode.commands.executeCommand('talkCapture.importSchedule');
}

export function registerNewConferenceNotes(ctx: FeatureContext): void {
  const api = captureApi(ctx);
  registerCommand(ctx, 'talkCapture.newConferenceNotes', 'New Conference Notes', async () => {
    const uri = await newConferenceNotes(api);
    if (!uri) return;
    api.lastCreatedNote = uri;
    await offerScheduleImport(api);
  });
}
