/**
 * Check Notes Before Publishing: the editor's side of src/language/publishCheck.ts (the
 * diagnostics in the Problems panel, source "Talk Capture publish check", and a summary
 * message). After a note has been checked, its problems stay current while it is edited
 * (debounced; talkCapture.check.live), until it is closed.
 */
import * as vscode from 'vscode';
import { messageOf, registerCommand } from '../services/command';
import type { PublishCheckApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { isMarkdown, requireMarkdownEditor } from '../services/editor';
import { toVsRange } from '../services/edits';
import { languageServices, noteDocument } from '../services/language';
import { storedScheduleOf } from '../services/scheduleStore';
import { linkMode, liveCheck, tagSettings, unlinkedProjectHints } from '../services/settings';
import { checkSummary, headingSpaceFixes, PublishChecker, PUBLISH_CHECK_SOURCE, type CheckedNote, type PublishDiagnostic, type UncheckedNote } from '../../language/publishCheck';

const DEBOUNCE_MS = 400;

const SEVERITY: Record<PublishDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(p: PublishDiagnostic): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toVsRange(p.range), p.message, SEVERITY[p.severity]);
  d.source = PUBLISH_CHECK_SOURCE;
  d.code = p.code;
  return d;
}

/** Quick fix of `##Title` (publish check kind `heading-space`): adds the space. */
function headingSpaceActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  return headingSpaceFixes(noteDocument(doc), context.diagnostics).map((fix) => {
    const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.replace(doc.uri, toVsRange(fix.edit.range), fix.edit.newText);
    a.diagnostics = [fix.diagnostic];
    a.isPreferred = true;
    return a;
  });
}

export function registerPublishCheck(ctx: FeatureContext): void {
  const api: PublishCheckApi = { lastSummary: undefined, runs: {}, checkedVersion: {} };
  ctx.api.publishCheck = api;
  const collection = vscode.languages.createDiagnosticCollection('talkCapture.publish');
  const watched = new Map<string, ReturnType<typeof setTimeout> | undefined>();
  const subs = ctx.extension.subscriptions;

  const checker = new PublishChecker({
    ...languageServices(ctx),
    linkMode,
    tagSettings: (uri) => tagSettings(vscode.Uri.parse(uri)),
    unlinkedProjectHints,
    scheduleOf: storedScheduleOf,
  });

  /** Checks the document and sets its diagnostics; `skipped` when it cannot be read. */
  async function check(doc: vscode.TextDocument): Promise<CheckedNote | UncheckedNote> {
    const result = await checker.check(noteDocument(doc));
    const key = doc.uri.toString();
    api.runs[key] = (api.runs[key] ?? 0) + 1;
    api.checkedVersion[key] = result.version;
    if ('skipped' in result) collection.delete(doc.uri);
    else collection.set(doc.uri, result.diagnostics.map(toDiagnostic));
    return result;
  }

  function schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!watched.has(key)) return;
    const pending = watched.get(key);
    if (pending) clearTimeout(pending);
    watched.set(
      key,
      setTimeout(() => {
        watched.set(key, undefined);
        if (doc.isClosed) return;
        check(doc).catch((err) => ctx.log.error(`Publish check failed: ${messageOf(err)}`));
      }, DEBOUNCE_MS),
    );
  }

  function forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = watched.get(key);
    if (pending) clearTimeout(pending);
    watched.delete(key);
    collection.delete(uri);
  }

  subs.push(
    collection,
    { dispose: () => watched.forEach((t) => t && clearTimeout(t)) },
    vscode.languages.registerCodeActionsProvider(
      { language: 'markdown' },
      { provideCodeActions: headingSpaceActions },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),

    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !isMarkdown(e.document) || !watched.has(e.document.uri.toString())) return;
      if (!liveCheck(e.document.uri)) return;
      schedule(e.document);
    }),

    vscode.workspace.onDidCloseTextDocument((doc) => forget(doc.uri)),

    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('talkCapture')) return;
      for (const key of watched.keys()) {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (doc) schedule(doc);
      }
    }),
  );
  // `{ quiet: true }` (Finish Post…): no message and no panel; the caller reads the result and tells the user.
  registerCommand(ctx, 'talkCapture.checkNotes', 'Check Notes Before Publishing', async (arg) => {
    const args = arg as { quiet?: unknown } | undefined;
    const editor = requireMarkdownEditor('check the note');
    if (!editor) return undefined;
    const doc = editor.document;
    const quiet = args?.quiet === true;
    const result = await check(doc);
    const summary = checkSummary(result);
    if ('skipped' in result) {
      api.lastSummary = summary.message;
      if (!quiet) void vscode.window.showWarningMessage(summary.message);
      return result;
    }
    // Kept current while editing from now on (when talkCapture.check.live is on at that time).
    if (!watched.has(doc.uri.toString())) watched.set(doc.uri.toString(), undefined);
    if (quiet) return result;
    api.lastSummary = summary.message;
    if (summary.severity === 'info') void vscode.window.showInformationMessage(summary.message);
    else void vscode.window.showWarningMessage(summary.message);
    if (!summary.showProblems) return result;
    // Show the list, and give the keyboard back to the note.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn, preserveFocus: false });
    return result;
  });
}
