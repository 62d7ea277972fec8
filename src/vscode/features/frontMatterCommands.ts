/**
 * Front matter commands: Sync Tags from Linked Projects (also on save, when enabled), Toggle
 * Draft and Set Date to Now: the editor's side of src/language/frontMatter.ts (the edits
 * applied as one undo step, the notices shown).
 */
import * as vscode from 'vscode';
import { registerCommand } from '../services/command';
import type { FrontMatterApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { editDocument, toVsRange } from '../services/edits';
import { isMarkdown, requireMarkdownEditor } from '../services/editor';
import { languageServices, noteDocument } from '../services/language';
import { syncTagsOnSave, tagSettings } from '../services/settings';
import { FrontMatterCommands, type FrontMatterChange, type Notice } from '../../language/frontMatter';
import type { TextDocument } from '../../core/document';

function tell(api: FrontMatterApi, notice: Notice): void {
  if (notice.kind === 'status') {
    api.lastMessage = notice.record;
    vscode.window.setStatusBarMessage(notice.message, notice.ms);
    return;
  }
  api.lastMessage = notice.message;
  // Not awaited: the promise settles only when the notification is dismissed.
  if (notice.kind === 'info') void vscode.window.showInformationMessage(notice.message);
  else if (notice.kind === 'warning') void vscode.window.showWarningMessage(notice.message);
  else void vscode.window.showErrorMessage(notice.message);
}

/** Applies a change computed on the note's current version as one undo step (again if it changed meanwhile), then says what it says. */
async function run(api: FrontMatterApi, doc: vscode.TextDocument, compute: (note: TextDocument) => FrontMatterChange): Promise<void> {
  const note = noteDocument(doc);
  let last: FrontMatterChange | undefined;
  const applied = await editDocument(doc, () => (last = compute(note)).edits);
  if (last?.notice && (!last.whenApplied || applied)) tell(api, last.notice);
}

export function registerFrontMatterCommands(ctx: FeatureContext): void {
  const api: FrontMatterApi = { lastMessage: undefined };
  ctx.api.frontMatter = api;
  const commands = new FrontMatterCommands({
    ...languageServices(ctx),
    log: ctx.log,
    tagSettings: (uri) => tagSettings(vscode.Uri.parse(uri)),
    now: () => new Date(),
  });

  registerCommand(ctx, 'talkCapture.toggleDraft', 'Toggle Draft', async () => {
    const editor = requireMarkdownEditor('toggle draft');
    if (editor) await run(api, editor.document, (note) => commands.toggleDraft(note));
  });

  registerCommand(ctx, 'talkCapture.setDateNow', 'Set Date to Now', async () => {
    const editor = requireMarkdownEditor('set the date');
    if (editor) await run(api, editor.document, (note) => commands.setDateNow(note));
  });

  registerCommand(ctx, 'talkCapture.syncTags', 'Sync Tags from Linked Projects', async () => {
    const editor = requireMarkdownEditor('sync tags');
    if (!editor) return;
    const sync = await commands.syncTags(noteDocument(editor.document));
    if ('refused' in sync) tell(api, sync.refused);
    else await run(api, editor.document, sync.change);
  });

  ctx.extension.subscriptions.push(
    vscode.workspace.onWillSaveTextDocument((e) => {
      if (!isMarkdown(e.document) || e.reason === vscode.TextDocumentSaveReason.AfterDelay) return;
      if (!syncTagsOnSave(e.document.uri)) return;
      e.waitUntil(
        commands.tagsOnSave(noteDocument(e.document)).then((change) => {
          if (change.notice) tell(api, change.notice);
          return change.edits.map((edit) => new vscode.TextEdit(toVsRange(edit.range), edit.newText));
        }),
      );
    }),
  );
}
