/**
 * Information diagnostics for project mentions (talkCapture.diagnostics.unlinkedProjects):
 * unlinked mentions that Link Project Mentions would link ("Perses is not linked"), with the
 * quick fix "Link to Perses"; typos ("Did you mean Vitess?") with "Change to Vitess" and
 * "Link to Vitess"; and, as hints, capitalised ordinary words that may be the project.
 *
 * Runs on the fast scanner, debounced while the user types (never remark over the whole note).
 */
import * as vscode from 'vscode';
import { messageOf } from '../services/command';
import { analysisOf } from '../services/analysis';
import { linkMode, unlinkedProjectHints } from '../services/settings';
import type { Mention } from '../../core/landscape/matcher';
import { chooseMentions, correctedText, linkTextFor } from '../../core/landscape/linkPlan';
import { isMarkdown, maxFileChars } from '../services/editor';
import type { ProjectDiagnosticsApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { getLandscape, initLandscape, onDidChangeLandscape } from '../services/landscapeService';

const DIAGNOSTIC_SOURCE = 'Talk Capture';
const CODE_UNLINKED = 'unlinked-project';
const CODE_TYPO = 'project-typo';
const CODE_POSSIBLE = 'possible-project';
const DEBOUNCE_MS = 300;

/** The mention behind each diagnostic, for the quick fixes. */
const mentionOf = new WeakMap<vscode.Diagnostic, Mention>();

export function registerProjectDiagnostics(ctx: FeatureContext): void {
  initLandscape(ctx);
  const collection = vscode.languages.createDiagnosticCollection('talkCapture.projects');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let runs = 0;

  const update = async (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (!isMarkdown(doc) || doc.isClosed) return;
    if (!unlinkedProjectHints() || analysisOf(doc).text.length > maxFileChars()) {
      collection.delete(doc.uri);
      return;
    }
    try {
      await getLandscape();
      if (doc.isClosed) return;
      const a = analysisOf(doc);
      // The talks of the notes model of this version (the person's day pattern), as the check and Link Project Mentions count them.
      const chosen = new Set(chooseMentions(a.text, a.mentions, linkMode(), { talks: a.talks, linked: a.linked }));
      const diags: vscode.Diagnostic[] = [];
      for (const m of a.mentions) {
        const range = new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character);
        let d: vscode.Diagnostic | undefined;
        if (m.action === 'link' && chosen.has(m)) {
          d = new vscode.Diagnostic(range, `${m.entry.name} is not linked${m.text !== m.entry.name ? ` (${m.text})` : ''}.`, vscode.DiagnosticSeverity.Information);
          d.code = CODE_UNLINKED;
        } else if (m.action === 'suggest' && m.reason === 'typo') {
          d = new vscode.Diagnostic(range, `Did you mean ${m.entry.name}?`, vscode.DiagnosticSeverity.Information);
          d.code = CODE_TYPO;
        } else if (m.action === 'suggest') {
          d = new vscode.Diagnostic(range, `${m.text} may be the project ${m.entry.name}.`, vscode.DiagnosticSeverity.Hint);
          d.code = CODE_POSSIBLE;
        }
        if (!d) continue;
        d.source = DIAGNOSTIC_SOURCE;
        mentionOf.set(d, m);
        diags.push(d);
      }
      collection.set(doc.uri, diags);
      runs++;
    } catch (err) {
      ctx.log.error(`Project hints failed for ${doc.uri.toString(true)}: ${messageOf(err)}`);
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

  ctx.extension.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => schedule(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      collection.delete(doc.uri);
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
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new ProjectQuickFixes(), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  // Documents already open (activation happens when the first Markdown file opens): after a
  // short delay, so activation itself stays light.
  setTimeout(() => refreshAll(), 500);
  const api: ProjectDiagnosticsApi = {
    runs: () => runs,
    refresh: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc ? update(doc) : Promise.resolve();
    },
  };
  ctx.api.projectDiagnostics = api;
}

class ProjectQuickFixes implements vscode.CodeActionProvider {
  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const m = mentionOf.get(d);
      if (!m || doc.getText(d.range) !== m.text) continue;
      const link = linkTextFor({ text: m.reason === 'typo' ? m.entry.name : m.text, url: m.url });
      if (link) {
        const a = new vscode.CodeAction(`Link to ${m.entry.name}`, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, d.range, link);
        a.diagnostics = [d];
        a.isPreferred = d.code === CODE_UNLINKED;
        actions.push(a);
      }
      if (d.code === CODE_TYPO) {
        const a = new vscode.CodeAction(`Change to ${m.entry.name}`, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, d.range, correctedText(m));
        a.diagnostics = [d];
        a.isPreferred = true;
        actions.push(a);
      }
    }
    if (context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE && d.code === CODE_UNLINKED)) {
      const all = new vscode.CodeAction('Link all project mentions of this note…', vscode.CodeActionKind.QuickFix);
      all.command = { command: 'talkCapture.linkProjectMentions', title: 'Link Project Mentions', arguments: [{ uri: doc.uri.toString(), wholeDocument: true }] };
      actions.push(all);
    }
    return actions;
  }
}
