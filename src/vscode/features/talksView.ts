/**
 * The Talks view: the outline of the active note (Day → group → talk → TODO items), refreshed
 * while typing (debounced, with stable ids so expansion survives), optionally following the
 * cursor. The rows are src/language/talksTree.ts's; this is their tree in the editor. Also
 * registers talkCapture.revealItem, shared with the TODO Links view.
 */
import * as vscode from 'vscode';
import { messageOf, registerCommand } from '../services/command';
import { isMarkdown } from '../services/editor';
import type { NotesElement, TalksViewApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { talksFollowCursor, todoCountOptions } from '../services/settings';
import { itemNodes, itemOf, uriFrom, type ItemNode } from '../services/treeItems';
import { languageServices, noteDocument } from '../services/language';
import { TalksTree } from '../../language/talksTree';
import { REVEAL_ITEM } from '../../language/treeNodes';

/**
 * The tree's elements are the objects the context-menu commands receive (the rows' elements
 * with a `vscode.Uri`); their tree items, children and parents are looked up here.
 */
const nodes = new WeakMap<NotesElement, ItemNode>();

class TalksProvider implements vscode.TreeDataProvider<NotesElement> {
  private readonly changed = new vscode.EventEmitter<NotesElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ItemNode[] = [];
  private built: { uri: string; version: number } | undefined;
  /** The document shown (the last active Markdown editor's). */
  doc: vscode.TextDocument | undefined;
  /** Increments on each rebuild (tests wait on it). */
  generation = 0;

  constructor(private readonly tree: TalksTree) {}

  setDocument(doc: vscode.TextDocument | undefined): void {
    this.doc = doc;
    this.refresh();
  }

  refresh(force = false): void {
    const doc = this.doc;
    if (!force && doc && this.built && this.built.uri === doc.uri.toString() && this.built.version === doc.version) return;
    if (!doc && !this.built && this.roots.length === 0) return;
    this.rebuild();
    this.changed.fire(undefined);
  }

  private rebuild(): void {
    const doc = this.doc;
    this.generation++;
    if (!doc || doc.isClosed) {
      this.roots = [];
      this.built = undefined;
      return;
    }
    this.roots = itemNodes(this.tree.build(noteDocument(doc)), (uri) => uriFrom(uri, doc.uri), nodes);
    this.built = { uri: doc.uri.toString(), version: doc.version };
  }

  getTreeItem(element: NotesElement): vscode.TreeItem {
    return itemOf(nodes, element);
  }

  getChildren(element?: NotesElement): NotesElement[] {
    return this.childNodes(element).map((n) => n.element);
  }

  private childNodes(element?: NotesElement): ItemNode[] {
    if (!element) {
      if (this.doc && (!this.built || this.built.uri !== this.doc.uri.toString() || this.built.version !== this.doc.version)) this.rebuild();
      return this.roots;
    }
    return nodes.get(element)?.children ?? [];
  }

  getParent(element: NotesElement): NotesElement | undefined {
    return nodes.get(element)?.parent?.element;
  }

  /** The element of the talk (or day) holding a 1-based line. */
  elementAt(line1: number): NotesElement | undefined {
    if (!this.doc) return undefined;
    const roots = this.childNodes();
    const found = this.tree.nodeAt(
      noteDocument(this.doc),
      roots.map((n) => n.node),
      line1,
    );
    const walk = (ns: ItemNode[]): ItemNode | undefined => {
      for (const n of ns) {
        const hit = n.node === found ? n : walk(n.children);
        if (hit) return hit;
      }
      return undefined;
    };
    return found && walk(roots)?.element;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Opens the element's document and selects its line (the TODO's text for TODO items). */
async function revealElement(element: NotesElement | undefined): Promise<void> {
  if (!element || !element.uri) {
    void vscode.window.showInformationMessage('Talk Capture: select an item in the Talks or TODO Links view to reveal it.');
    return;
  }
  try {
    const doc = await vscode.workspace.openTextDocument(element.uri);
    let range: vscode.Range;
    if (element.kind === 'todo') {
      const line = Math.max(0, Math.min(doc.lineCount - 1, element.todo.line - 1));
      range = new vscode.Range(line, Math.max(0, element.todo.column - 1), line, Math.max(0, element.todo.endColumn - 1));
    } else {
      const line = Math.max(0, Math.min(doc.lineCount - 1, element.line - 1));
      range = new vscode.Range(line, 0, line, 0);
    }
    const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: existing?.viewColumn, preserveFocus: false, preview: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (err) {
    void vscode.window.showWarningMessage(`Talk Capture: cannot open ${element.uri.fsPath || element.uri.toString()}: ${messageOf(err)}`);
  }
}

export function registerTalksView(ctx: FeatureContext): void {
  const services = languageServices(ctx);
  const provider = new TalksProvider(new TalksTree({ analysisOf: services.analysisOf, todoCountOptions }));
  const view = vscode.window.createTreeView('talkCapture.talks', { treeDataProvider: provider, showCollapseAll: true });
  const subs = ctx.extension.subscriptions;
  subs.push(provider, view);

  const initial = vscode.window.activeTextEditor?.document;
  provider.doc = isMarkdown(initial) ? initial : undefined;

  let typing: ReturnType<typeof setTimeout> | undefined;
  let cursor: ReturnType<typeof setTimeout> | undefined;

  const revealAtCursor = async (editor: vscode.TextEditor, focus: boolean): Promise<boolean> => {
    const element = provider.elementAt(editor.selection.active.line + 1);
    if (!element) return false;
    try {
      await view.reveal(element, { select: true, focus, expand: focus ? true : undefined });
    } catch (err) {
      ctx.log.debug(`Talks view: reveal failed: ${messageOf(err)}`);
    }
    return true;
  };

  subs.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!editor) return; // focus moved to a panel or the view itself: keep showing the note
      provider.setDocument(isMarkdown(editor.document) ? editor.document : undefined);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!provider.doc || e.document !== provider.doc || e.contentChanges.length === 0) return;
      if (typing) clearTimeout(typing);
      typing = setTimeout(() => {
        typing = undefined;
        provider.refresh();
      }, 300);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc === provider.doc) provider.setDocument(undefined);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('talkCapture')) provider.refresh(true);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (!talksFollowCursor() || !view.visible || e.textEditor.document !== provider.doc) return;
      if (cursor) clearTimeout(cursor);
      cursor = setTimeout(() => {
        cursor = undefined;
        provider.refresh();
        void revealAtCursor(e.textEditor, false);
      }, 200);
    }),
    { dispose: () => (typing && clearTimeout(typing), cursor && clearTimeout(cursor)) },
  );
  registerCommand(ctx, 'talkCapture.refreshTalks', 'Refresh Talks', () => {
    const editor = vscode.window.activeTextEditor;
    if (editor && isMarkdown(editor.document)) provider.doc = editor.document;
    provider.refresh(true);
  });
  registerCommand(ctx, 'talkCapture.revealCurrentTalk', 'Reveal Current Talk', async () => {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document === provider.doc);
    if (!editor || !isMarkdown(editor.document)) {
      void vscode.window.showInformationMessage('Talk Capture: open a Markdown note to reveal its current talk.');
      return;
    }
    if (provider.doc !== editor.document) provider.setDocument(editor.document);
    else provider.refresh();
    if (!(await revealAtCursor(editor, true))) void vscode.window.showInformationMessage('Talk Capture: the cursor is not inside a talk or a day.');
  });
  registerCommand(ctx, 'talkCapture.collapseAllTalks', 'Collapse All', () => vscode.commands.executeCommand('workbench.actions.treeView.talkCapture.talks.collapseAll'));
  registerCommand(ctx, REVEAL_ITEM, 'Reveal in Editor', (element) => revealElement(element as NotesElement | undefined));

  const api: TalksViewApi = { provider, view, refresh: () => provider.refresh(true) };
  ctx.api.talksView = api;
}
