/**
 * Completion of CNCF project links while typing: the editor's side of src/language/completion.ts
 * (plain items to `vscode.CompletionItem`s; the suggest list opened as an automatic list when a
 * letter typed makes the word a project's beginning, closed when it opened at a later word).
 */
import * as vscode from 'vscode';
import type { Position } from '../../core/document';
import type { Log } from '../../language/services';
import { COMPLETION_TRIGGERS, ProjectCompletionProvider, type LineDocument, type ProjectCompletionItem } from '../../language/completion';
import { messageOf } from '../services/command';
import { toVsRange } from '../services/edits';
import type { FeatureContext } from '../services/feature';
import { languageServices } from '../services/language';
import { landscapeScope, projectCompletionSetting } from '../services/settings';

export function registerCompletion(ctx: FeatureContext): void {
  const services = languageServices(ctx);
  const completions = new ProjectCompletionProvider({
    ...services,
    landscapeScope,
    // The provider is asked for Markdown documents only.
    projectCompletion: (uri) => projectCompletionSetting({ uri: vscode.Uri.parse(uri), languageId: 'markdown' }),
  });
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position, _token, context) {
      try {
        const list = await completions.provideCompletion(new EditorLines(doc), position, context.triggerKind === vscode.CompletionTriggerKind.Invoke);
        if (list === 'closeList') {
          void vscode.commands.executeCommand('hideSuggestWidget');
          return undefined;
        }
        return list && new vscode.CompletionList(list.items.map(toVsItem), list.isIncomplete);
      } catch (err) {
        services.log.error(`Project completion failed: ${messageOf(err)}`);
        return undefined;
      }
    },
  };
  ctx.extension.subscriptions.push(
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, provider, ...COMPLETION_TRIGGERS),
    vscode.workspace.onDidChangeTextDocument((e) => void onTyping(completions, e, services.log)),
    vscode.workspace.onDidCloseTextDocument((doc) => completions.closed(doc.uri.toString())),
  );
  // Not at activation, but soon after: the first project name typed should not wait for the
  // index to load.
  const warm = setTimeout(() => void services.landscape(), 1500);
  ctx.extension.subscriptions.push({ dispose: () => clearTimeout(warm) });
}

/**
 * Opens the suggest list when a single letter typed at the cursor makes the word a project
 * prefix (the provider decides), as long as the editor it was typed in is still the active one.
 */
async function onTyping(completions: ProjectCompletionProvider, e: vscode.TextDocumentChangeEvent, log: Log): Promise<void> {
  try {
    if (e.contentChanges.length !== 1 || e.document.languageId !== 'markdown') return;
    const change = e.contentChanges[0];
    if (change.rangeLength !== 0 || change.text.length !== 1 || !/[\p{L}\p{N}-]/u.test(change.text)) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== e.document || editor.selections.length !== 1) return;
    // A letter typed at the cursor: the cursor is right after it.
    const cursor: Position = { line: change.range.start.line, character: change.range.start.character + 1 };
    const moved = {
      get isCancellationRequested() {
        return vscode.window.activeTextEditor !== editor;
      },
    };
    if (!(await completions.letterTyped(new EditorLines(e.document), cursor, moved))) return;
    // An automatic list: it closes when the editor's filter leaves nothing, instead of showing
    // "No suggestions." or freezing on its last items while the user types on.
    await vscode.commands.executeCommand('editor.action.triggerSuggest', { auto: true });
  } catch (err) {
    log.error(`Opening the project list failed: ${messageOf(err)}`);
  }
}

/** An editor document as completion reads it: its latest version, one line at a time. */
class EditorLines implements LineDocument {
  readonly uri: string;

  constructor(private readonly doc: vscode.TextDocument) {
    this.uri = doc.uri.toString();
  }

  get version(): number {
    return this.doc.version;
  }

  getText(): string {
    return this.doc.getText();
  }

  lineText(line: number): string {
    return this.doc.lineAt(line).text;
  }
}

function toVsItem(x: ProjectCompletionItem): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: x.label, detail: x.labelDetail, description: x.description }, vscode.CompletionItemKind.Reference);
  item.detail = x.description;
  item.insertText = x.insertText;
  item.range = toVsRange(x.range);
  item.filterText = x.filterText;
  item.sortText = x.sortText;
  item.documentation = new vscode.MarkdownString(x.documentation);
  return item;
}
