/**
 * The TODO Links view: every TODO item of the workspace's notes (talkCapture.notesGlob minus
 * talkCapture.excludeGlob, read by the one reader of workspaceNotes.ts: the same notes as the
 * CLI's `talk-capture todos`), grouped by file → talk, with a count badge. The notes and rows
 * are src/language/todosTree.ts's; this is their tree in the editor and says when to read: the
 * workspace is scanned once, when the view is first shown; after that only the file that
 * changed is read again (edits, debounced; a file watcher for changes on disk).
 */
import * as vscode from 'vscode';
import { registerCommand } from '../services/command';
import { isMarkdown } from '../services/editor';
import type { NotesElement, TodosViewApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { analysisOfText } from '../services/analysis';
import { languageServices, noteDocument } from '../services/language';
import { notesRulesSetting, todoCountOptions } from '../services/settings';
import { workspaceNotesFolders } from '../services/workspaceNotes';
import { itemNodes, itemOf, uriFrom, type ItemNode } from '../services/treeItems';
import { plural } from '../../core/util/plural';
import { TodosTree } from '../../language/todosTree';

const nodes = new WeakMap<NotesElement, ItemNode>();

class TodosProvider implements vscode.TreeDataProvider<NotesElement> {
  private readonly changed = new vscode.EventEmitter<NotesElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly tree: TodosTree;
  private roots: ItemNode[] = [];
  private dirty = true;
  /** Increments on each rebuild of the tree. */
  generation = 0;
  onTotal: (total: number, skipped: number) => void = () => undefined;

  constructor(ctx: FeatureContext) {
    const services = languageServices(ctx);
    this.tree = new TodosTree(
      {
        analysisOf: services.analysisOf,
        analysisOfText: (text, uri) => analysisOfText(text, vscode.Uri.parse(uri)),
        openDocument: (uri) => {
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
          return open && noteDocument(open);
        },
        folders: workspaceNotesFolders,
        rules: () => notesRulesSetting(),
        todoCountOptions,
        log: ctx.log,
      },
      () => this.update(),
    );
  }

  get scanned(): boolean {
    return this.tree.scanned;
  }

  /** Scans the whole workspace (first show, refresh command, settings change). */
  scan(): Promise<void> {
    return this.tree.scan();
  }

  private update(): void {
    this.dirty = true;
    this.rebuild();
    this.changed.fire(undefined);
    this.onTotal(this.tree.total(), this.tree.skipped());
  }

  private rebuild(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.generation++;
    this.roots = itemNodes(this.tree.roots(), (uri) => uriFrom(uri), nodes);
  }

  getTreeItem(element: NotesElement): vscode.TreeItem {
    return itemOf(nodes, element);
  }

  getChildren(element?: NotesElement): NotesElement[] | Promise<NotesElement[]> {
    if (element) return (nodes.get(element)?.children ?? []).map((n) => n.element);
    if (!this.scanned) return this.scan().then(() => this.roots.map((n) => n.element));
    this.rebuild();
    return this.roots.map((n) => n.element);
  }

  getParent(element: NotesElement): NotesElement | undefined {
    return nodes.get(element)?.parent?.element;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerTodosView(ctx: FeatureContext): void {
  const provider = new TodosProvider(ctx);
  const view = vscode.window.createTreeView('talkCapture.todos', { treeDataProvider: provider, showCollapseAll: true });
  const subs = ctx.extension.subscriptions;
  subs.push(provider, view);
  provider.onTotal = (total, skipped) => {
    view.badge = total > 0 ? { value: total, tooltip: `${plural(total, 'TODO item')} in the notes` } : undefined;
    view.message = skipped > 0 ? `${skipped} note${skipped === 1 ? ' was' : 's were'} skipped (see the warning items).` : undefined;
  };

  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const later = (uri: vscode.Uri, ms: number) => {
    if (!provider.scanned) return;
    const key = uri.toString();
    const t = pending.get(key);
    if (t) clearTimeout(t);
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        void provider.tree.reread(uri.toString());
      }, ms),
    );
  };

  let watcher: vscode.FileSystemWatcher | undefined;
  const watch = () => {
    watcher?.dispose();
    watcher = vscode.workspace.createFileSystemWatcher(notesRulesSetting().notesGlob);
    watcher.onDidCreate((uri) => later(uri, 100));
    watcher.onDidChange((uri) => {
      // Open documents are followed through their edits.
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) later(uri, 100);
    });
    watcher.onDidDelete((uri) => provider.tree.remove(uri.toString()));
  };

  subs.push(
    { dispose: () => (watcher?.dispose(), pending.forEach((t) => clearTimeout(t))) },
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !isMarkdown(e.document) || e.document.uri.scheme === 'untitled') return;
      later(e.document.uri, 400);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (isMarkdown(doc) && doc.uri.scheme === 'file') later(doc.uri, 50); // back to the text on disk
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('talkCapture') && provider.scanned) {
        if (e.affectsConfiguration('talkCapture.notesGlob')) watch();
        void provider.scan();
      }
    }),
  );
  registerCommand(ctx, 'talkCapture.refreshTodos', 'Refresh TODO Links', () => provider.scan());

  // The scan starts when the view is first shown (getChildren), never at activation.
  const origScan = provider.scan.bind(provider);
  provider.scan = () => {
    if (!watcher) watch();
    return origScan();
  };

  const api: TodosViewApi = {
    provider,
    view,
    rescan: () => provider.scan(),
    total: () => provider.tree.total(),
    countFor: (uri) => provider.tree.files.get(uri.toString())?.items.length,
    files: () => [...provider.tree.files.values()].map((f) => uriFrom(f.uri)),
  };
  ctx.api.todosView = api;
}
