/**
 * Check Notes Before Publishing: the problems of src/core/publish/check.ts in the Problems
 * panel (source "Talk Capture publish check") and a summary message. After a note has been
 * checked, its problems stay current while it is edited (debounced; talkCapture.check.live),
 * until it is closed.
 */
import * as vscode from 'vscode';
import { messageOf, registerCommand } from '../services/command';
import type { PublishCheckApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { isMarkdown, requireMarkdownEditor } from '../services/editor';
import { analysisOf } from '../services/analysis';
import { scheduleSpeakerHints } from '../services/scheduleStore';
import { landscapeIndex } from '../services/landscapeService';
import { linkMode, liveCheck, tagSettings, unlinkedProjectHints } from '../services/settings';
import { checkNotes, summarize, type PublishProblem } from '../../core/publish/check';
import { plural } from '../../core/util/plural';

const DEBOUNCE_MS = 400;
const DIAGNOSTIC_SOURCE = 'Talk Capture publish check';

const SEVERITY: Record<PublishProblem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(p: PublishProblem): vscode.Diagnostic {
  const range = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, Math.max(p.endColumn - 1, p.column));
  const d = new vscode.Diagnostic(range, p.message, SEVERITY[p.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = p.kind;
  return d;
}

/** Quick fix of `##Title` (publish check kind `heading-space`): adds the space, read from the line as it is now. */
function headingSpaceFixes(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  for (const d of context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || d.code !== 'heading-space' || d.range.start.line >= doc.lineCount) continue;
    const m = /^( {0,3})(#{2,6})(?=[^\s#])/.exec(doc.lineAt(d.range.start.line).text);
    if (!m) continue;
    const a = new vscode.CodeAction(`Add a space after ${m[2]} (make it a heading)`, vscode.CodeActionKind.QuickFix);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.insert(doc.uri, new vscode.Position(d.range.start.line, m[1].length + m[2].length), ' ');
    a.diagnostics = [d];
    a.isPreferred = true;
    actions.push(a);
  }
  return actions;
}

export function registerPublishCheck(ctx: FeatureContext): void {
  const api: PublishCheckApi = { lastSummary: undefined, runs: {}, checkedVersion: {} };
  ctx.api.publishCheck = api;
  const collection = vscode.languages.createDiagnosticCollection('talkCapture.publish');
  const watched = new Map<string, ReturnType<typeof setTimeout> | undefined>();
  const subs = ctx.extension.subscriptions;

  /** Checks the document and sets its diagnostics; `skipped` when it cannot be read. */
  async function check(doc: vscode.TextDocument): Promise<{ problems: PublishProblem[] } | { skipped: string }> {
    await landscapeIndex(ctx.log);
    const key = doc.uri.toString();
    api.runs[key] = (api.runs[key] ?? 0) + 1;
    api.checkedVersion[key] = doc.version;
    const analysis = analysisOf(doc);
    const notes = analysis.model;
    if (notes.skipped) {
      collection.delete(doc.uri);
      return { skipped: notes.skipped };
    }
    // The same sanitised settings as the project hints and Link Project Mentions, so that all three choose the same mentions.
    const tags = tagSettings(doc.uri);
    const problems = checkNotes(analysis, {
      linkMode: linkMode(),
      tagFields: tags.fields,
      tagStyle: tags.style,
    });
    // The live project hints (projectDiagnostics.ts) already show unlinked mentions and typos in
    // the body, with quick fixes: list them once. They still count in the summary.
    const hintsShown = unlinkedProjectHints();
    const bodyStart = notes.frontMatter.endLine ?? 0;
    const shown = hintsShown ? problems.filter((p) => !(p.kind === 'unlinked-project' || (p.kind === 'typo' && p.line > bodyStart))) : problems;
    // With a schedule: a speaker name that nearly matches the session's is probably a typo.
    const hints = (await scheduleSpeakerHints(doc).catch(() => [])).map((h) => {
      const d = new vscode.Diagnostic(new vscode.Range(h.line - 1, h.column - 1, h.line - 1, h.endColumn - 1), h.message, vscode.DiagnosticSeverity.Information);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'speaker-name';
      return d;
    });
    collection.set(doc.uri, [...shown.map(toDiagnostic), ...hints]);
    return { problems };
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
      { provideCodeActions: headingSpaceFixes },
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
    if ('skipped' in result) {
      api.lastSummary = `Talk Capture: cannot check this note: ${result.skipped}`;
      if (!quiet) void vscode.window.showWarningMessage(api.lastSummary);
      return result;
    }
    // Kept current while editing from now on (when talkCapture.check.live is on at that time).
    if (!watched.has(doc.uri.toString())) watched.set(doc.uri.toString(), undefined);
    if (quiet) return result;
    const { problems } = result;
    if (problems.length === 0) {
      api.lastSummary = 'Talk Capture: ready to publish: no TODOs, placeholders, empty talks, broken links or tag gaps, and not a draft.';
      void vscode.window.showInformationMessage(api.lastSummary);
      return result;
    }
    // Hints (information) are worth a look but do not stand in the way of publishing, as in `talk-capture check`.
    const hints = problems.filter((p) => p.severity === 'info');
    const fix = problems.filter((p) => p.severity !== 'info');
    const hinted = hints.length ? `${plural(hints.length, 'hint')}: ${summarize(hints)}` : '';
    if (fix.length === 0) {
      api.lastSummary = `Talk Capture: ready to publish; ${hinted}. See the Problems panel.`;
      void vscode.window.showInformationMessage(api.lastSummary);
      return;
    }
    api.lastSummary = `Talk Capture: ${plural(fix.length, 'thing')} to fix before publishing: ${summarize(fix)}${hinted ? `; ${hinted}` : ''}. See the Problems panel.`;
    void vscode.window.showWarningMessage(api.lastSummary);
    // Show the list, and give the keyboard back to the note.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn, preserveFocus: false });
    return result;
  });
}
