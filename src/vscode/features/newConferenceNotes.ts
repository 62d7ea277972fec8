/**
 * New Conference Notes…: a note with front matter and its first day, in the notes folder. The
 * editor's side of src/language/newConferenceNotes.ts (the questions, the files through
 * `vscode.workspace.fs`, the messages, the cursor).
 */
import * as vscode from 'vscode';
import { dayIncludesDate, newFileEol, newNoteSettings } from '../services/settings';
import { fileExists } from '../services/files';
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { askPick, askText, captureApi } from '../services/quickInput';
import type { CaptureApi } from '../api';
import { placeCursor } from '../services/talkInsert';
import { NewConferenceNotes, conferenceNameProblem, formatRows, scheduleOfferRows, startDateProblem, type NoteFiles } from '../../language/newConferenceNotes';

const notes = new NewConferenceNotes({ newNoteSettings, dayIncludesDate, newFileEol, now: () => new Date() });

/** The note's files in the workspace, through `vscode.workspace.fs` (also in a browser). */
const workspaceFiles: NoteFiles<vscode.Uri> = {
  join: (folder, ...segments) => vscode.Uri.joinPath(folder, ...segments),
  exists: fileExists,
  createDirectory: async (folder) => vscode.workspace.fs.createDirectory(folder),
  writeFile: async (file, text) => vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text)),
  describe: (file) => vscode.workspace.asRelativePath(file),
};

async function newConferenceNotes(api: CaptureApi): Promise<vscode.Uri | undefined> {
  const title = 'New Conference Notes';
  const name = await askText(api, {
    name: 'name',
    title,
    step: 1,
    totalSteps: 4,
    prompt: 'Name of the conference (the post’s title)',
    placeholder: 'e.g. KubeCon + CloudNativeCon Europe 2025',
    validate: conferenceNameProblem,
  });
  if (name === undefined) return undefined;
  const today = notes.today();
  const date = await askText(api, {
    name: 'date',
    title,
    step: 2,
    totalSteps: 4,
    prompt: 'First day of the conference (YYYY-MM-DD)',
    value: today,
    validate: startDateProblem,
  });
  if (date === undefined) return undefined;
  const formats = formatRows(notes.defaultFormat());
  const picked = await askPick(api, {
    name: 'format',
    title,
    step: 3,
    totalSteps: 4,
    placeholder: 'Front matter format',
    items: formats.items,
    active: formats.items[formats.active],
  });
  if (picked === undefined) return undefined;

  const answers = { name, date, format: picked.format };
  const note = notes.note(answers);
  const cursor = new vscode.Position(note.cursor.line, note.cursor.character);

  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    // No folder to write into: an untitled note, saved wherever the person likes.
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: note.text });
    await placeCursor(doc, cursor);
    return doc.uri;
  }
  const written = await notes.write(workspaceFiles, folder.uri, answers, note.text);
  if (written.kind === 'error') {
    void vscode.window.showErrorMessage(written.message);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(written.file);
  await placeCursor(doc, cursor);
  if (written.info) void vscode.window.showInformationMessage(written.info);
  return written.file;
}

/**
 * The last step, once the note is written and open: the offer to import the conference's
 * schedule, a step of the same quick input that stays until answered (Escape is "not now").
 */
async function offerScheduleImport(api: CaptureApi): Promise<void> {
  const items = scheduleOfferRows();
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
