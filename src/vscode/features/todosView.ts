/**
 * The TODO Links view: every TODO item of the workspace's notes (talkCapture.notesGlob minus
 * talkCapture.excludeGlob, read by the one reader of workspaceNotes.ts: the same notes as the
 * CLI's `talk-capture todos`), grouped by file → talk, with a count badge. The workspace is
 * scanned once, when the view is first shown; after that only the file that changed is read
 * again (edits, debounced; a file watcher for changes on disk).
 */
import * as vscode from 'vscode';
import { messageOf, registerCommand } from '../services/command';
import type { NotesModel, TodoItem } from '../../core/notes/model';
import { talkFinder } from '../../core/notes/query';
import { visibleTodos } from '../../core/notes/todos';
import { isMarkdown } from '../services/editor';
import type { FileElement, NotesElement, TalkElement, TodoElement, TodosViewApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { analysisOf, analysisOfText } from '../services/analysis';
import { notesRulesSetting, todoCountOptions } from '../services/settings';
import { findWorkspaceNotes, isWorkspaceNote, readWorkspaceNote } from '../services/workspaceNotes';
import { itemOf, todoItem, uniqueIds } from '../services/treeItems';
import { plural } from '../../core/util/plural';

interface FileTodos {
  uri: vscode.Uri;
  items: Array<{ todo: TodoItem; talk: string | null; talkLine: number | null }>;
  skipped?: string;
  /** Read, but not as written (invalid UTF-8 shown as U+FFFD). */
  warning?: string;
}

interface Node {
  element: NotesElement;
  item: vscode.TreeItem;
  children: Node[];
  parent?: Node;
}

const nodes = new WeakMap<NotesElement, Node>();

function todosOf(model: NotesModel): FileTodos['items'] {
  // Hidden drafts are notes, not TODO items, unless talkCapture.todos.includeHiddenDrafts says so.
  // One lookup for all the items (sorted once), not a pass over the talks per item.
  const talkAt = talkFinder(model);
  return visibleTodos(model.todos, todoCountOptions()).map((todo) => {
    const talk = talkAt(todo.line);
    return { todo, talk: talk ? talk.title || '(untitled draft)' : null, talkLine: talk ? talk.line : null };
  });
}

class TodosProvider implements vscode.TreeDataProvider<NotesElement> {
  private readonly changed = new vscode.EventEmitter<NotesElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly files = new Map<string, FileTodos>();
  private roots: Node[] = [];
  private dirty = true;
  private scanning: Promise<void> | undefined;
  scanned = false;
  /** Increments on each rebuild of the tree. */
  generation = 0;
  onTotal: (total: number, skipped: number) => void = () => undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  total(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.items.length;
    return n;
  }

  /** Scans the whole workspace (first show, refresh command, settings change). */
  scan(): Promise<void> {
    this.scanning ??= this.doScan().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  private async doScan(): Promise<void> {
    const started = Date.now();
    const rules = notesRulesSetting();
    const { uris, problems } = await findWorkspaceNotes(rules);
    for (const problem of problems) this.log.warn(`TODO Links: ${problem}`);
    const next = new Map<string, FileTodos>();
    let at = 0;
    const worker = async () => {
      while (at < uris.length) {
        const uri = uris[at++];
        const entry = await this.read(uri, rules);
        if (entry) next.set(uri.toString(), entry);
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, uris.length) }, worker));
    this.files.clear();
    for (const [k, v] of next) this.files.set(k, v);
    this.scanned = true;
    this.log.info(`TODO Links: scanned ${uris.length} notes in ${Date.now() - started} ms, ${this.total()} TODO items`);
    this.update();
  }

  /** Reads one note (the open document when there is one, else the file). Never throws. */
  async read(uri: vscode.Uri, rules = notesRulesSetting()): Promise<FileTodos | undefined> {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) {
        const model = analysisOf(open).model;
        return { uri, items: todosOf(model), skipped: model.skipped ?? undefined };
      }
      const note = await readWorkspaceNote(uri, rules);
      if (note.status === 'gone' || note.status === 'unchanged') return undefined;
      if (note.status === 'skipped') return { uri, items: [], skipped: note.reason };
      if (note.warning) this.log.warn(`TODO Links: ${vscode.workspace.asRelativePath(uri)}: ${note.warning}`);
      const model = analysisOfText(note.text, uri).model;
      return { uri, items: todosOf(model), skipped: model.skipped ?? undefined, warning: note.warning };
    } catch (err) {
      return { uri, items: [], skipped: `cannot be read: ${messageOf(err)}` };
    }
  }

  /** Reads one file again (after an edit or a change on disk). */
  async reread(uri: vscode.Uri): Promise<void> {
    if (!this.scanned) return;
    if (!isWorkspaceNote(uri, notesRulesSetting())) {
      if (this.files.delete(uri.toString())) this.update();
      return;
    }
    const entry = await this.read(uri);
    if (entry) this.files.set(uri.toString(), entry);
    else this.files.delete(uri.toString());
    this.update();
  }

  remove(uri: vscode.Uri): void {
    if (this.files.delete(uri.toString())) this.update();
  }

  update(): void {
    this.dirty = true;
    this.rebuild();
    this.changed.fire(undefined);
    let skipped = 0;
    for (const f of this.files.values()) if (f.skipped) skipped++;
    this.onTotal(this.total(), skipped);
  }

  private rebuild(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.generation++;
    const files = [...this.files.values()].filter((f) => f.items.length > 0 || f.skipped).sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    this.roots = files.map((f) => this.fileNode(f));
  }

  private fileNode(f: FileTodos): Node {
    const base = f.uri.toString();
    const el: FileElement = { kind: 'file', uri: f.uri, line: 1 };
    const rel = vscode.workspace.asRelativePath(f.uri, false);
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    const item = new vscode.TreeItem(name, f.items.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `todos|${base}`;
    item.resourceUri = f.uri;
    item.description = f.skipped ? `skipped: ${f.skipped}` : `${folder ? folder + ' · ' : ''}${f.items.length} TODO`;
    item.tooltip = f.skipped ? `${rel}: skipped, ${f.skipped}` : `${rel}: ${plural(f.items.length, 'TODO item')}${f.warning ? ` (${f.warning})` : ''}`;
    item.iconPath = f.skipped ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : vscode.ThemeIcon.File;
    item.contextValue = 'file';
    item.command = { command: 'talkCapture.revealItem', title: 'Reveal in Editor', arguments: [el] };
    const node: Node = { element: el, item, children: [] };
    const uniq = uniqueIds();
    const byTalk = new Map<string, Node>();
    for (const it of f.items) {
      let parent = node;
      if (it.talk !== null && it.talkLine !== null) {
        const key = `${it.talkLine}|${it.talk}`;
        let tn = byTalk.get(key);
        if (!tn) {
          const tel: TalkElement = { kind: 'talk', uri: f.uri, line: it.talkLine };
          const ti = new vscode.TreeItem(it.talk, vscode.TreeItemCollapsibleState.Expanded);
          ti.id = uniq(`todos|${base}|talk|${it.talk}`);
          ti.iconPath = new vscode.ThemeIcon('comment-discussion');
          ti.contextValue = 'talk';
          ti.command = { command: 'talkCapture.revealItem', title: 'Reveal in Editor', arguments: [tel] };
          tn = { element: tel, item: ti, children: [], parent: node };
          byTalk.set(key, tn);
          node.children.push(tn);
        }
        parent = tn;
      }
      const el2: TodoElement = { kind: 'todo', uri: f.uri, todo: it.todo, talk: it.talk };
      const id = uniq(`${parent.item.id}|todo|${it.todo.kind}|${it.todo.text}`);
      parent.children.push({ element: el2, item: todoItem(el2, id), children: [], parent });
    }
    for (const c of node.children) if (c.element.kind === 'talk') c.item.description = `${c.children.length} TODO`;
    const index = (n: Node) => {
      nodes.set(n.element, n);
      n.children.forEach(index);
    };
    index(node);
    return node;
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
  const provider = new TodosProvider(ctx.log);
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
        void provider.reread(uri);
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
    watcher.onDidDelete((uri) => provider.remove(uri));
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
    total: () => provider.total(),
    countFor: (uri) => provider.files.get(uri.toString())?.items.length,
    files: () => [...provider.files.values()].map((f) => f.uri),
  };
  ctx.api.todosView = api;
}
