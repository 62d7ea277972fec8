/**
 * Front matter commands: Sync Tags from Linked Projects (also on save, when enabled), Toggle
 * Draft and Set Date to Now. Each computes core edits against the document's text and
 * applies them as one undo step; a front matter that cannot be read or edited is reported
 * with its line and reason, and nothing is written.
 */
import * as vscode from 'vscode';
import { messageOf, registerCommand } from '../services/command';
import type { FrontMatterApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { editDocument, toVsRange } from '../services/edits';
import { isMarkdown, requireMarkdownEditor } from '../services/editor';
import { setDateNow, setDraft, type EditResult } from '../../core/frontmatter/fields';
import { describeAdded, syncTags } from '../../core/frontmatter/tags';
import { landscapeIndex, landscapeIndexError } from '../services/landscapeService';
import { syncTagsOnSave, tagSettings } from '../services/settings';
import { analysisOf } from '../services/analysis';
import { linkedProjects } from '../../core/landscape/linkedProjects';
import type { TextEdit } from '../../core/document';
import { plural } from '../../core/util/plural';

function tell(api: FrontMatterApi, kind: 'info' | 'warning' | 'error', message: string): void {
  api.lastMessage = message;
  // Not awaited: the promise settles only when the notification is dismissed.
  if (kind === 'info') void vscode.window.showInformationMessage(message);
  else if (kind === 'warning') void vscode.window.showWarningMessage(message);
  else void vscode.window.showErrorMessage(message);
}

/**
 * Runs a core front matter edit on the document as one undo step. Resolves to the result of
 * the last computation (applied when ok and it had edits), or undefined when the document
 * kept changing.
 */
async function runEdit<T>(doc: vscode.TextDocument, compute: (text: string) => EditResult<T>): Promise<{ result: EditResult<T>; applied: boolean } | undefined> {
  let last: EditResult<T> | undefined;
  const applied = await editDocument(doc, (text) => {
    last = compute(text);
    return last.ok ? last.edits : undefined;
  });
  if (!last) return undefined;
  return { result: last, applied: !!applied };
}

export function registerFrontMatterCommands(ctx: FeatureContext): void {
  const api: FrontMatterApi = { lastMessage: undefined };
  ctx.api.frontMatter = api;
  registerCommand(ctx, 'talkCapture.toggleDraft', 'Toggle Draft', async () => {
    const editor = requireMarkdownEditor('toggle draft');
    if (!editor) return;
    const run = await runEdit(editor.document, (text) => setDraft(text));
    if (!run) return;
    const r = run.result;
    if (!r.ok) tell(api, 'error', `Talk Capture: cannot toggle draft: ${r.message}. Nothing was changed.`);
    else if (run.applied) {
      api.lastMessage = `draft: ${r.draft}`;
      vscode.window.setStatusBarMessage(`Talk Capture: draft is now ${r.draft}`, 4000);
    }
  });

  registerCommand(ctx, 'talkCapture.setDateNow', 'Set Date to Now', async () => {
    const editor = requireMarkdownEditor('set the date');
    if (!editor) return;
    const now = new Date();
    const run = await runEdit(editor.document, (text) => setDateNow(text, now));
    if (!run) return;
    const r = run.result;
    if (!r.ok) tell(api, 'error', `Talk Capture: cannot set the date: ${r.message}. Nothing was changed.`);
    else {
      api.lastMessage = `date: ${r.date}`;
      vscode.window.setStatusBarMessage(`Talk Capture: date set to ${r.date}`, 4000);
    }
  });

  registerCommand(ctx, 'talkCapture.syncTags', 'Sync Tags from Linked Projects', async () => {
    const editor = requireMarkdownEditor('sync tags');
    if (!editor) return;
    const idx = await landscapeIndex(ctx.log);
    if (!idx) {
      tell(api, 'error', `Talk Capture: the landscape index cannot be loaded (${landscapeIndexError()}); tags were not synced.`);
      return;
    }
    const doc = editor.document;
    const settings = tagSettings(doc.uri);
    if (settings.fields.length === 0) {
      tell(api, 'warning', 'Talk Capture: talkCapture.tags.fields is empty: there is no field to sync.');
      return;
    }
    let linkedCount = 0;
    const run = await runEdit(doc, (text) => {
      // The analysis of the version being edited: its links and its front matter, read once.
      const a = analysisOf(doc);
      const projects = (a.text === text ? a.linked : linkedProjects(text, idx)).map((l) => l.entry);
      linkedCount = new Set(projects.map((p) => p.name)).size;
      return syncTags(text, projects, { ...settings, lookup: (t) => idx.get(t), opened: a.text === text ? a.frontMatter : undefined });
    });
    if (!run) return;
    const r = run.result;
    if (!r.ok) tell(api, 'error', `Talk Capture: cannot sync tags: ${r.message}. Nothing was changed.`);
    else if (r.added.length === 0) {
      tell(
        api,
        'info',
        linkedCount === 0
          ? 'Talk Capture: the note links no landscape project yet (Link Project Mentions links them); nothing to add.'
          : `Talk Capture: ${settings.fields.join(' and ')} already name all ${plural(linkedCount, 'linked project')}.`,
      );
    } else if (run.applied) tell(api, 'info', `Talk Capture: added ${describeAdded(r.added)}.`);
  });

  ctx.extension.subscriptions.push(
    vscode.workspace.onWillSaveTextDocument((e) => {
      if (!isMarkdown(e.document) || e.reason === vscode.TextDocumentSaveReason.AfterDelay) return;
      if (!syncTagsOnSave(e.document.uri)) return;
      e.waitUntil(syncOnSaveEdits(e.document, ctx, api));
    }),
  );
}

/** The edits Sync Tags would make, for a save (silent when the front matter cannot be edited: that is logged). */
async function syncOnSaveEdits(doc: vscode.TextDocument, ctx: FeatureContext, api: FrontMatterApi): Promise<vscode.TextEdit[]> {
  try {
    const idx = await landscapeIndex(ctx.log);
    if (!idx) return [];
    const a = analysisOf(doc);
    const text = a.text;
    const projects = a.linked.map((l) => l.entry);
    if (projects.length === 0) return [];
    const r = syncTags(text, projects, { ...tagSettings(doc.uri), lookup: (t) => idx.get(t), opened: a.frontMatter });
    if (!r.ok) {
      ctx.log.warn(`Sync tags on save skipped for ${doc.uri.toString()}: ${r.message}`);
      return [];
    }
    if (r.added.length === 0) return [];
    const message = `Talk Capture: added ${describeAdded(r.added)}.`;
    api.lastMessage = message;
    vscode.window.setStatusBarMessage(message, 6000);
    return r.edits.map((e: TextEdit) => new vscode.TextEdit(toVsRange(e.range), e.newText));
  } catch (err) {
    ctx.log.error(`Sync tags on save failed: ${messageOf(err)}`);
    return [];
  }
}
