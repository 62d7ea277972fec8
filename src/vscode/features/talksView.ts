/**
 * The Talks view: the outline of the active note (Day → group → talk → TODO items), refreshed
 * while typing (debounced, with stable ids so expansion survives), optionally following the
 * cursor. Also registers talkCapture.revealItem, shared with the TODO Links view.
 */
import * as vscode from 'vscode';
import { messageOf, registerCommand } from '../services/command';
import type { Day, Group, NotesModel, Talk, TodoItem } from '../../core/notes/model';
import { findTalkAt, visibleTalkCount } from '../../core/notes/query';
import { countTodos } from '../../core/notes/todos';
import { isConferenceNote } from '../../core/notes/conference';
import { isMarkdown } from '../services/editor';
import type { DayElement, GroupElement, NotesElement, ProblemElement, TalkElement, TodoElement, TalksViewApi } from '../api';
import type { FeatureContext } from '../services/feature';
import { talksFollowCursor, todoCountOptions } from '../services/settings';
import { itemOf, todoItem, uniqueIds } from '../services/treeItems';
import { plural } from '../../core/util/plural';
import { analysisOf } from '../services/analysis';

/** A node of the Talks tree: the element handed to commands plus what the tree needs. */
interface TalkNode {
  element: NotesElement;
  id: string;
  item: vscode.TreeItem;
  children: TalkNode[];
  parent?: TalkNode;
}

function talkDescription(t: Talk): string {
  if (t.hidden) return 'hidden draft';
  const who = t.speakers.join(', ');
  if (who && t.company) return `${who} · ${t.company}`;
  return who || t.company || '';
}

function talkTooltip(t: Talk, day: Day | undefined, todoCount: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMd(t.title || '(untitled)')}**${t.hidden ? ' _(hidden draft)_' : ''}\n\n`);
  if (t.speakers.length) md.appendMarkdown(`Speakers: ${escapeMd(t.speakers.join(', '))}\n\n`);
  if (t.company) md.appendMarkdown(`Company: ${escapeMd(t.company)}\n\n`);
  if (t.kind) md.appendMarkdown(`Kind: ${escapeMd(t.kind)}\n\n`);
  if (t.group) md.appendMarkdown(`Group: ${escapeMd(t.group)}\n\n`);
  if (day) md.appendMarkdown(`Day: ${escapeMd(day.title)}\n\n`);
  if (t.sections?.length) md.appendMarkdown(`Sections: ${escapeMd(t.sections.map((s) => s.title).join(', '))}\n\n`);
  md.appendMarkdown(`Lines ${t.line}–${t.endLine} · ${todoCount} TODO`);
  return md;
}

function sectionTooltip(t: Talk, todoCount: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMd(t.title || '(untitled)')}**\n\n`);
  md.appendMarkdown('A section: this post does not read as conference notes (no day or talk headings, no conference in its title or tags).\n\n');
  md.appendMarkdown(`Lines ${t.line}–${t.endLine} · ${todoCount} TODO`);
  return md;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Builds the nodes of the Talks tree for a note. Ids do not contain line numbers, so they survive typing. */
function buildTalkNodes(uri: vscode.Uri, model: NotesModel): TalkNode[] {
  const base = uri.toString();
  const uniq = uniqueIds();
  const roots: TalkNode[] = [];
  const counting = todoCountOptions();
  if (model.skipped) {
    roots.push(problemNode(uri, uniq(`${base}|problem|skipped`), model.skipped, 1));
    return roots;
  }
  if (model.frontMatter.error) roots.push(problemNode(uri, uniq(`${base}|problem|frontmatter`), model.frontMatter.error, model.frontMatter.errorLine ?? 1));

  const todoNodes = (todos: readonly TodoItem[], talk: string | null, scope: string): TalkNode[] =>
    todos.map((todo) => {
      const el: TodoElement = { kind: 'todo', uri, todo, talk };
      const id = uniq(`${scope}|todo|${todo.kind}|${todo.text}`);
      return { element: el, id, item: todoItem(el, id), children: [] };
    });
  // A post that is not conference notes (a diary, a trip): its headings are sections, not talks.
  const conference = isConferenceNote(model);
  /** `3 talks` under a group (`3 sections` in a post that is not conference notes). */
  const members = (children: readonly TalkNode[]) =>
    conference
      ? plural(children.filter((c) => c.item.contextValue === 'talk').length, 'talk')
      : plural(children.filter((c) => c.item.contextValue === 'section').length, 'section');
  const talkNode = (t: Talk, scope: string, day: Day | undefined): TalkNode => {
    const el: TalkElement = { kind: 'talk', uri, line: t.line };
    const id = uniq(`${scope}|talk|${t.hidden ? 'h' : ''}|${t.heading}`);
    const children = todoNodes(t.todos, t.title, id);
    const item = new vscode.TreeItem(t.title || '(untitled draft)', children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = id;
    item.description = talkDescription(t);
    item.tooltip = conference || t.hidden ? talkTooltip(t, day, countTodos(t.todos, counting)) : sectionTooltip(t, countTodos(t.todos, counting));
    item.iconPath = t.hidden
      ? new vscode.ThemeIcon('eye-closed', new vscode.ThemeColor('disabledForeground'))
      : new vscode.ThemeIcon(!conference ? 'symbol-text' : t.kind === 'Keynote' || t.kind === 'Sponsored keynote' ? 'megaphone' : 'comment-discussion');
    item.contextValue = t.hidden ? 'talk.hidden' : conference ? 'talk' : 'section';
    item.command = { command: 'talkCapture.revealItem', title: 'Reveal in Editor', arguments: [el] };
    return { element: el, id, item, children };
  };
  const groupNode = (g: Group, scope: string, talks: TalkNode[]): TalkNode => {
    const el: GroupElement = { kind: 'group', uri, line: g.line };
    const id = uniq(`${scope}|group|${g.title}`);
    const item = new vscode.TreeItem(g.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = id;
    item.description = members(talks);
    item.tooltip = `${g.title} (lines ${g.line}–${g.endLine})`;
    item.iconPath = new vscode.ThemeIcon('folder-library');
    item.contextValue = 'group';
    item.command = { command: 'talkCapture.revealItem', title: 'Reveal in Editor', arguments: [el] };
    return { element: el, id, item, children: talks };
  };
  /** Talks (in order) with the grouped ones under their group nodes. */
  const arrange = (talks: readonly Talk[], groups: readonly Group[], scope: string, day: Day | undefined): TalkNode[] => {
    const out: TalkNode[] = [];
    const groupNodes = new Map<Group, TalkNode>();
    const entries: Array<{ line: number; node?: TalkNode; talk?: Talk; group?: Group }> = [
      ...groups.map((g) => ({ line: g.line, group: g })),
      ...talks.map((t) => ({ line: t.line, talk: t })),
    ].sort((a, b) => a.line - b.line);
    for (const e of entries) {
      if (e.group) {
        const node = groupNode(e.group, scope, []);
        groupNodes.set(e.group, node);
        out.push(node);
      } else if (e.talk) {
        const t = e.talk;
        const owner = t.group ? [...groups].reverse().find((g) => g.title === t.group && g.line < t.line && t.line <= g.endLine) : undefined;
        const gn = owner && groupNodes.get(owner);
        const node = talkNode(t, gn ? gn.id : scope, day);
        if (gn) {
          gn.children.push(node);
          gn.item.description = members(gn.children);
        } else out.push(node);
      }
    }
    return out;
  };

  roots.push(...arrange(model.talks, model.groups, `${base}|top`, undefined));
  for (const d of model.days) {
    const el: DayElement = { kind: 'day', uri, line: d.line };
    const id = uniq(`${base}|day|${d.title}`);
    const children = [...arrange(d.talks, d.groups, id, d), ...todoNodes(d.todos, null, id)];
    const item = new vscode.TreeItem(d.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = id;
    const shown = visibleTalkCount(d.talks);
    const todoCount = countTodos(d.todos, counting) + d.talks.reduce((n, t) => n + countTodos(t.todos, counting), 0);
    item.description = `${plural(shown, 'talk')} · ${todoCount} TODO`;
    item.tooltip = `${d.title}: lines ${d.line}–${d.endLine}, ${plural(shown, 'talk')}, ${plural(d.talks.length - shown, 'hidden draft')}, ${plural(todoCount, 'TODO item')}`;
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.contextValue = 'day';
    item.command = { command: 'talkCapture.revealItem', title: 'Reveal in Editor', arguments: [el] };
    roots.push({ element: el, id, item, children });
  }
  roots.sort((a, b) => lineOf(a) - lineOf(b));
  const link = (nodes: TalkNode[], parent?: TalkNode) => {
    for (const n of nodes) {
      n.parent = parent;
      link(n.children, n);
    }
  };
  link(roots);
  return roots;
}

function lineOf(n: TalkNode): number {
  return n.element.kind === 'todo' ? n.element.todo.line : n.element.line;
}

function problemNode(uri: vscode.Uri, id: string, message: string, line: number): TalkNode {
  const el: ProblemElement = { kind: 'problem', uri, line };
  const item = new vscode.TreeItem(message, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.tooltip = message;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.contextValue = 'problem';
  item.command = { command: 'talkCapture.revealItem', title: 'Reveal in Editor', arguments: [el] };
  return { element: el, id, item, children: [] };
}

/**
 * The tree's elements are the plain element objects (what context-menu commands receive);
 * their tree items, children and parents are looked up here.
 */
const nodes = new WeakMap<NotesElement, TalkNode>();

function index(list: TalkNode[]): void {
  for (const n of list) {
    nodes.set(n.element, n);
    index(n.children);
  }
}

class TalksProvider implements vscode.TreeDataProvider<NotesElement> {
  private readonly changed = new vscode.EventEmitter<NotesElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TalkNode[] = [];
  private built: { uri: string; version: number } | undefined;
  /** The document shown (the last active Markdown editor's). */
  doc: vscode.TextDocument | undefined;
  /** Increments on each rebuild (tests wait on it). */
  generation = 0;

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
    this.roots = buildTalkNodes(doc.uri, analysisOf(doc).model);
    index(this.roots);
    this.built = { uri: doc.uri.toString(), version: doc.version };
  }

  getTreeItem(element: NotesElement): vscode.TreeItem {
    return itemOf(nodes, element);
  }

  getChildren(element?: NotesElement): NotesElement[] {
    return this.childNodes(element).map((n) => n.element);
  }

  childNodes(element?: NotesElement): TalkNode[] {
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
    return this.nodeAt(line1)?.element;
  }

  /** The node of the talk (or day) holding a 1-based line. */
  nodeAt(line1: number): TalkNode | undefined {
    if (!this.doc) return undefined;
    const model = analysisOf(this.doc).model;
    const talk = findTalkAt(model, line1);
    const all: TalkNode[] = [];
    const walk = (ns: TalkNode[]) => ns.forEach((n) => (all.push(n), walk(n.children)));
    walk(this.childNodes());
    if (talk) return all.find((n) => n.element.kind === 'talk' && n.element.line === talk.line);
    const day = model.days.find((d) => d.line <= line1 && line1 <= d.endLine);
    return day ? all.find((n) => n.element.kind === 'day' && n.element.line === day.line) : undefined;
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
  const provider = new TalksProvider();
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
  registerCommand(ctx, 'talkCapture.revealItem', 'Reveal in Editor', (element) => revealElement(element as NotesElement | undefined));

  const api: TalksViewApi = { provider, view, refresh: () => provider.refresh(true) };
  ctx.api.talksView = api;
}
