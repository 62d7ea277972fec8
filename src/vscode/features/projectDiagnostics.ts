/**
 * The live project hints as diagnostics with quick fixes: the editor's side of
 * src/language/projectHints.ts (debounced while the user types, refreshed when a setting or the
 * landscape index changes).
 */
import * as vscode from 'vscode';
import { ProjectHints, type ProjectHint } from '../../language/projectHints';
import { messageOf } from '../services/command';
import { toVsRange } from '../services/edits';
import { isMarkdown, maxFileChars } from '../services/editor';
import type { ProjectDiagnosticsApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { languageServices, noteDocument } from '../services/language';
import { onDidChangeLandscape } from '../services/landscapeService';
import { linkMode, unlinkedProjectHints } from '../services/settings';

const DIAGNOSTIC_SOURCE = 'Talk Capture';
const DEBOUNCE_MS = 300;

/** The hint behind each diagnostic, for the quick fixes. */
const hintOf = new WeakMap<vscode.Diagnostic, ProjectHint>();

export function registerProjectDiagnostics(ctx: FeatureContext): void {
  const services = languageServices(ctx);
  const hints = new ProjectHints({ ...services, linkMode, unlinkedProjectHints, maxFileChars });
  const collection = vscode.languages.createDiagnosticCollection('talkCapture.projects');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let runs = 0;
  /** The document version each note's hints were last computed from (tests wait on it). */
  const hintedVersion = new Map<string, number>();

  const update = async (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (!isMarkdown(doc) || doc.isClosed) return;
    const note = noteDocument(doc);
    if (!hints.enabledFor(note)) {
      collection.delete(doc.uri);
      return;
    }
    try {
      const found = await hints.provideHints(note, {
        get isCancellationRequested() {
          return doc.isClosed;
        },
      });
      if (!found) return;
      collection.set(doc.uri, found.map(toDiagnostic));
      runs++;
      // The hints were computed synchronously just before this continuation: no edit came between.
      hintedVersion.set(key, doc.version);
    } catch (err) {
      services.log.error(`Project hints failed for ${doc.uri.toString(true)}: ${messageOf(err)}`);
    } finally {
      timers.delete(key);
    }
  };

  const schedule = (doc: vscode.TextDocument, delay = DEBOUNCE_MS) => {
    if (!isMarkdown(doc)) return;
    const key = doc.uri.toString();
    const t = timers.get(key);
    if (t) clearTimeout(t);
    timers.set(
      key,
      setTimeout(() => void update(doc), delay),
    );
  };

  const refreshAll = () => {
    for (const doc of vscode.workspace.textDocuments) schedule(doc, 0);
  };

  const quickFixes: vscode.CodeActionProvider = {
    provideCodeActions(doc, _range, context) {
      // Each hint at hand, its diagnostic, and the text now in its range.
      const diagnosticOf = new Map<ProjectHint, vscode.Diagnostic>();
      for (const d of context.diagnostics) {
        const hint = d.source === DIAGNOSTIC_SOURCE ? hintOf.get(d) : undefined;
        if (hint) diagnosticOf.set(hint, d);
      }
      const at = [...diagnosticOf].map(([hint, d]) => ({ hint, textNow: doc.getText(d.range) }));
      return hints.quickFixes(doc.uri.toString(), at).map((fix) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const d = fix.hint && diagnosticOf.get(fix.hint);
        if (fix.edit && d) {
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(doc.uri, d.range, fix.edit.newText);
          action.diagnostics = [d];
        }
        if (fix.command) action.command = fix.command;
        if (fix.isPreferred !== undefined) action.isPreferred = fix.isPreferred;
        return action;
      });
    },
  };

  ctx.extension.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => schedule(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      collection.delete(doc.uri);
      hintedVersion.delete(doc.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration('talkCapture.diagnostics.unlinkedProjects') ||
        e.affectsConfiguration('talkCapture.landscape.scope') ||
        e.affectsConfiguration('talkCapture.linkMentions.mode') ||
        // The day pattern moves where talks end, and so which mention is the first of its talk.
        e.affectsConfiguration('talkCapture.dayHeadingPattern')
      ) {
        refreshAll();
      }
    }),
    onDidChangeLandscape(() => refreshAll()),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, quickFixes, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  // Documents already open (activation happens when the first Markdown file opens): after a
  // short delay, so activation itself stays light.
  setTimeout(() => refreshAll(), 500);
  const api: ProjectDiagnosticsApi = {
    runs: () => runs,
    hintedVersion: (uri) => hintedVersion.get(uri.toString()),
    refresh: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc ? update(doc) : Promise.resolve();
    },
  };
  ctx.api.projectDiagnostics = api;
}

function toDiagnostic(h: ProjectHint): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toVsRange(h.range), h.message, h.severity === 'hint' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information);
  d.code = h.code;
  d.source = DIAGNOSTIC_SOURCE;
  hintOf.set(d, h);
  return d;
}
