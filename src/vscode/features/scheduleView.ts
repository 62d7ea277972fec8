/**
 * The Schedule view (Talk Capture container): the schedule of the active note (its `schedule`
 * front matter key), else the one imported last, as days → time slots → sessions (title,
 * `speakers · room`), titled with the conference's name. A slot is a start time of main-track
 * sessions; the short side sessions (showcase, theatre, booth demos) are folded under the slot
 * they fall in, and a long workshop does not stretch its slot (core/schedule/slots.ts). The slot
 * running now and the next one are marked, open and scrolled to (without taking the focus) when
 * the view shows and as the clock moves on, each minute while the view is visible; past slots
 * close. A star plans a session (kept per schedule and session id, across re-imports); one filter
 * at a time (starred only, a track, a room); Start This Talk on a session inserts its heading
 * under its day, starts the timer (through Start Talk Now) and puts the cursor in the note.
 */
import * as vscode from 'vscode';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import { isMarkdown } from '../services/editor';
import { languageServices, noteDocument } from '../services/language';
import { resolveSource, scheduleApi, scheduleNow } from '../services/scheduleStore';
import type { ScheduleFilter as Filter, ScheduleNode as Node, ScheduleViewApi } from '../api';
import { filterLabel, ScheduleTree, sessionOf, type KeyedSchedule, type ScheduleTreeServices } from '../../language/scheduleTree';
import { messageOf } from '../../core/util/errors';

const FILTER_KEY = 'talkCapture.schedule.filter';

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** The tree's services: the note analyses, the schedule clock, the shared store's copies and stars. */
function treeServices(ctx: FeatureContext, store: ReturnType<typeof scheduleApi>['store']): ScheduleTreeServices {
  const keyed = async (key: string): Promise<KeyedSchedule | undefined> => {
    const schedule = await store.read(key);
    return schedule && { key, schedule };
  };
  return {
    analysisOf: languageServices(ctx).analysisOf,
    now: scheduleNow,
    namedSchedule: (source, noteUri) => {
      const note = vscode.Uri.parse(noteUri);
      return keyed(resolveSource(source, note.scheme === 'untitled' ? undefined : note).key);
    },
    lastImported: async () => (store.lastKey ? keyed(store.lastKey) : undefined),
    stars: (key) => store.stars(key),
  };
}

/** The editor's side of the tree (src/language/scheduleTree.ts): vscode.TreeItems, change events, the filter kept per workspace. */
class ScheduleTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly ctx: FeatureContext,
    readonly tree: ScheduleTree,
  ) {}

  get schedule() {
    return this.tree.schedule;
  }

  get key(): string | undefined {
    return this.tree.key;
  }

  get filter(): Filter {
    return this.tree.filter;
  }

  /** Which schedule to show: the active note's (its stored copy, else its file), else the one imported last. */
  async reload(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    await this.tree.load(editor && isMarkdown(editor.document) ? noteDocument(editor.document) : undefined);
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async setFilter(f: Filter): Promise<void> {
    this.tree.setFilter(f);
    await this.ctx.extension.workspaceState.update(FILTER_KEY, f);
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    return this.tree.children(node);
  }

  getParent(node: Node): Node | undefined {
    return this.tree.parent(node);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const plain = this.tree.item(node);
    const item = new vscode.TreeItem(plain.label, COLLAPSIBLE[plain.collapsible]);
    item.id = plain.id;
    item.description = plain.description;
    item.iconPath = new vscode.ThemeIcon(plain.icon);
    item.contextValue = plain.contextValue;
    if (plain.tooltip !== undefined) {
      const tip = new vscode.MarkdownString(plain.tooltip);
      tip.supportHtml = false;
      item.tooltip = tip;
    }
    if (plain.accessibilityLabel) item.accessibilityInformation = { label: plain.accessibilityLabel };
    return item;
  }
}

export function registerScheduleView(ctx: FeatureContext): void {
  const api = scheduleApi(ctx);
  const tree = new ScheduleTree(treeServices(ctx, api.store), ctx.extension.workspaceState.get<Filter>(FILTER_KEY) ?? { kind: 'all' });
  const provider = new ScheduleTreeProvider(ctx, tree);
  const view = vscode.window.createTreeView('talkCapture.schedule', { treeDataProvider: provider, showCollapseAll: true });
  const viewApi: ScheduleViewApi = { provider, view, revealed: undefined };
  ctx.api.scheduleView = viewApi;
  let timer: ReturnType<typeof setInterval> | undefined;
  const describeView = () => {
    view.description = tree.description();
  };
  const logError = (err: unknown) => ctx.log.error(`Schedule view: ${messageOf(err)}`);
  // Scrolls to the slot running now (else the next) when the view shows, when its schedule or
  // filter changes and when the clock reaches another slot; never takes the focus or the selection.
  let revealedAs: string | undefined;
  const revealNow = async (force = false) => {
    const focus = view.visible ? tree.focus() : undefined;
    if (!focus) return;
    const { slot, as } = focus;
    if (!force && as === revealedAs) return;
    revealedAs = as;
    viewApi.revealed = slot;
    await view.reveal(slot, { select: false, focus: false, expand: true });
  };
  const reload = (force = false) =>
    provider
      .reload()
      .then(describeView)
      .then(() => revealNow(force))
      .catch(logError);
  const tick = () => {
    if (timer) clearInterval(timer);
    timer = view.visible
      ? setInterval(() => {
          provider.refresh();
          revealNow().catch(logError);
        }, 60_000)
      : undefined;
  };
  const star = (on: boolean) => async (arg: unknown) => {
    const s = sessionOf(arg);
    if (!s || !provider.key) return;
    await api.store.setStar(provider.key, s.id, on);
  };

  ctx.extension.subscriptions.push(
    view,
    { dispose: () => timer && clearInterval(timer) },
    view.onDidChangeVisibility(() => {
      tick();
      if (view.visible) void reload(true);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => view.visible && void reload()),
    api.store.onDidChange(() => void reload()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('talkCapture.schedule.timeZone') && void reload()),
  );
  registerCommand(ctx, 'talkCapture.schedule.star', 'Star Session', star(true));
  registerCommand(ctx, 'talkCapture.schedule.unstar', 'Unstar Session', star(false));
  registerCommand(ctx, 'talkCapture.schedule.refresh', 'Refresh Schedule', () => reload());
  registerCommand(ctx, 'talkCapture.schedule.startThisTalk', 'Start This Talk', async (arg) => {
    // From the context menu or the inline button: the session; from a key binding: the selected one.
    const s = sessionOf(arg) ?? sessionOf(view.selection[0]);
    if (!s || !provider.key) return;
    await vscode.commands.executeCommand('talkCapture.startTalk', { scheduleKey: provider.key, sessionId: s.id });
  });
  registerCommand(ctx, 'talkCapture.schedule.filter', 'Filter Schedule', async () => {
    if (!tree.schedule) {
      void vscode.window.showInformationMessage('Talk Capture: import a conference schedule first.');
      return;
    }
    type Item = vscode.QuickPickItem & { filter?: Filter };
    const items = tree
      .filterChoices()
      .map((c): Item => (c.separator ? { label: c.label, kind: vscode.QuickPickItemKind.Separator } : { label: c.label, description: c.description, filter: c.filter }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Filter the Schedule', placeHolder: `Showing ${filterLabel(tree.filter)}`, matchOnDescription: true });
    if (!picked?.filter) return;
    await provider.setFilter(picked.filter);
    describeView();
    await revealNow();
  });
  if (view.visible) {
    tick();
    void reload(true);
  }
}
