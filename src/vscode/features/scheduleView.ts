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
import { noteSchedule, scheduleApi, scheduleNow } from '../services/scheduleStore';
import type { ScheduleFilter as Filter, ScheduleNode as Node, ScheduleViewApi } from '../api';
import { markdownDestination } from '../../core/links/safeUrl';
import {
  conferenceName,
  daySlots,
  localDate,
  scheduleDays,
  sessionDescription,
  sessionTimeRange,
  sessionsOnDay,
  slotMarks,
  type Schedule,
  type Session,
} from '../../core/schedule/index';
import { messageOf } from '../../core/util/errors';
import { plural } from '../../core/util/plural';

const FILTER_KEY = 'talkCapture.schedule.filter';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `Thursday 26 March 2099` (the same in every locale, as day headings are written). */
function dayLabel(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function filterLabel(f: Filter): string {
  if (f.kind === 'starred') return 'starred only';
  if (f.kind === 'track') return `track: ${f.value}`;
  if (f.kind === 'room') return `room: ${f.value}`;
  return 'all sessions';
}

type SlotNode = Extract<Node, { kind: 'slot' }>;
type DayNode = Extract<Node, { kind: 'day' }>;

/** The tree of one schedule and filter, made once: nodes keep their identity, and each knows its parent. */
interface Layout {
  days: DayNode[];
  /** Every slot, in time order (now and next are looked for among them). */
  slots: SlotNode[];
  children: Map<Node, Node[]>;
  parents: Map<Node, Node>;
}

interface Marks {
  now: Set<SlotNode>;
  next: SlotNode | undefined;
}

class ScheduleTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  schedule: Schedule | undefined;
  key: string | undefined;
  filter: Filter;
  private layoutCache: Layout | undefined;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly api: ReturnType<typeof scheduleApi>,
  ) {
    this.filter = ctx.extension.workspaceState.get<Filter>(FILTER_KEY) ?? { kind: 'all' };
  }

  /** Which schedule to show: the active note's (its stored copy, else its file), else the one imported last. */
  async reload(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    let key: string | undefined;
    let schedule: Schedule | undefined;
    if (editor && isMarkdown(editor.document)) {
      const found = await noteSchedule(this.ctx, editor.document);
      if (found?.schedule) ({ key, schedule } = { key: found.ref.key, schedule: found.schedule });
    }
    if (!schedule && this.api.store.lastKey) {
      key = this.api.store.lastKey;
      schedule = await this.api.store.read(key);
    }
    this.key = schedule ? key : undefined;
    this.schedule = schedule;
    this.layoutCache = undefined;
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async setFilter(f: Filter): Promise<void> {
    this.filter = f;
    this.layoutCache = undefined;
    await this.ctx.extension.workspaceState.update(FILTER_KEY, f);
    this.changed.fire(undefined);
  }

  private starred(s: Session): boolean {
    return !!this.key && this.api.store.stars(this.key).has(s.id);
  }

  private shown(s: Session): boolean {
    const f = this.filter;
    if (f.kind === 'starred') return this.starred(s);
    if (f.kind === 'track') return s.track === f.value;
    if (f.kind === 'room') return s.room === f.value;
    return true;
  }

  private layout(): Layout {
    if (this.layoutCache) return this.layoutCache;
    const layout: Layout = { days: [], slots: [], children: new Map(), parents: new Map() };
    const schedule = this.schedule;
    for (const date of schedule ? scheduleDays(schedule) : []) {
      const slots = daySlots(sessionsOnDay(schedule!, date).filter((s) => this.shown(s)));
      if (slots.length === 0) continue;
      const day: DayNode = { kind: 'day', date };
      const dayChildren: SlotNode[] = [];
      for (const sl of slots) {
        const slot: SlotNode = { kind: 'slot', date, start: sl.start, end: sl.end, startMs: sl.startMs, endMs: sl.endMs, main: sl.main, side: sl.side };
        const sessions: Node[] = sl.main.map((session) => ({ kind: 'session', session }));
        if (sl.side.length) {
          const side: Node = { kind: 'side', start: sl.start, sessions: sl.side };
          const folded: Node[] = sl.side.map((session) => ({ kind: 'session', session }));
          for (const n of folded) layout.parents.set(n, side);
          layout.children.set(side, folded);
          sessions.push(side);
        }
        for (const n of sessions) layout.parents.set(n, slot);
        layout.children.set(slot, sessions);
        layout.parents.set(slot, day);
        dayChildren.push(slot);
      }
      layout.days.push(day);
      layout.children.set(day, dayChildren);
      layout.slots.push(...dayChildren);
    }
    this.layoutCache = layout;
    return layout;
  }

  private marksCache: { layout: Layout; minute: number; marks: Marks } | undefined;

  /** The slots running now and the next one (computed once a minute, not per item). */
  marks(): Marks {
    const t = scheduleNow();
    const minute = Math.floor(t / 60000);
    const layout = this.layout();
    if (this.marksCache && this.marksCache.layout === layout && this.marksCache.minute === minute) return this.marksCache.marks;
    const found = slotMarks(layout.slots, t);
    const marks: Marks = { now: new Set(found.now), next: found.next };
    this.marksCache = { layout, minute, marks };
    return marks;
  }

  /** The slot to scroll to: the first one running now, else the next. */
  focusSlot(): SlotNode | undefined {
    const { now, next } = this.marks();
    return [...now][0] ?? next;
  }

  getChildren(node?: Node): Node[] {
    const layout = this.layout();
    if (!node) return layout.days;
    return layout.children.get(node) ?? [];
  }

  getParent(node: Node): Node | undefined {
    return this.layout().parents.get(node);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { now, next } = this.marks();
    if (node.kind === 'day') {
      // Today's day open (the first day before the conference).
      const days = this.layout().days.map((d) => d.date);
      const today = this.schedule ? localDate(scheduleNow(), this.schedule.timeZone) : '';
      const open = days.includes(today) ? node.date === today : node.date === days[0];
      const item = new vscode.TreeItem(dayLabel(node.date), open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.date === today ? 'today' : undefined;
      // The id follows the state, so that VS Code does not keep yesterday open from memory.
      item.id = `day:${node.date}:${open ? 'open' : 'closed'}`;
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'scheduleDay';
      return item;
    }
    if (node.kind === 'slot') {
      const isNow = now.has(node);
      const isNext = node === next;
      const phase = isNow || isNext ? 'open' : node.endMs <= scheduleNow() ? 'past' : 'later';
      const item = new vscode.TreeItem(
        `${node.start.slice(11, 16)}–${node.end.slice(11, 16)}`,
        phase === 'open' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      // The id follows the phase: a slot that is over closes, the one now or next opens.
      item.id = `slot:${node.start}:${phase}`;
      item.description = [isNow ? 'now' : isNext ? 'next' : '', plural(node.main.length, 'session'), node.side.length ? `${node.side.length} side` : '']
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon(isNow ? 'record' : isNext ? 'arrow-circle-right' : phase === 'past' ? 'history' : 'clock');
      item.contextValue = 'scheduleSlot';
      return item;
    }
    if (node.kind === 'side') {
      const item = new vscode.TreeItem(plural(node.sessions.length, 'side session'), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `side:${node.start}`;
      const rooms = [...new Set(node.sessions.map((s) => s.room).filter((r): r is string => !!r))];
      item.description = rooms.length > 2 ? `${rooms.slice(0, 2).join(', ')}, …` : rooms.join(', ');
      item.iconPath = new vscode.ThemeIcon('layers');
      item.contextValue = 'scheduleSide';
      return item;
    }
    const s = node.session;
    const starred = this.starred(s);
    const item = new vscode.TreeItem(s.title, vscode.TreeItemCollapsibleState.None);
    item.id = `session:${s.id}`;
    item.description = this.sessionLine(node);
    item.iconPath = new vscode.ThemeIcon(s.kind === 'break' ? 'coffee' : starred ? 'star-full' : 'star-empty');
    item.contextValue = s.kind === 'break' ? 'scheduleBreak' : starred ? 'scheduleSession.starred' : 'scheduleSession';
    // Schedule values are data: no HTML, the title escaped, the page through the one URL gate.
    const tip = new vscode.MarkdownString();
    tip.supportHtml = false;
    tip.appendMarkdown(`**${s.title.replace(/[\\`*_[\]<>&]/g, '\\$&')}**\n\n`);
    if (s.byline) tip.appendText(`${s.byline}\n\n`);
    tip.appendText([sessionTimeRange(s), s.room, s.track].filter(Boolean).join(' · '));
    const page = markdownDestination(s.url);
    if (page) tip.appendMarkdown(`\n\n[Session page](${page})`);
    item.tooltip = tip;
    item.accessibilityInformation = { label: `${s.title}, ${sessionDescription(s)}, ${sessionTimeRange(s)}${starred ? ', starred' : ''}` };
    return item;
  }

  /** `speakers · room`; a folded side session starts with its time, a session that outlasts its slot says until when. */
  private sessionLine(node: Extract<Node, { kind: 'session' }>): string {
    const s = node.session;
    const parent = this.getParent(node);
    const text = sessionDescription(s);
    if (parent?.kind === 'side') return `${s.start.slice(11, 16)} · ${text}`;
    if (parent?.kind === 'slot' && s.end !== parent.end) return `${text} · until ${s.end.slice(11, 16)}`;
    return text;
  }
}

function sessionOf(arg: unknown): Session | undefined {
  const n = arg as Node | undefined;
  return n && typeof n === 'object' && n.kind === 'session' ? n.session : undefined;
}

export function registerScheduleView(ctx: FeatureContext): void {
  const api = scheduleApi(ctx);
  const provider = new ScheduleTreeProvider(ctx, api);
  const view = vscode.window.createTreeView('talkCapture.schedule', { treeDataProvider: provider, showCollapseAll: true });
  const viewApi: ScheduleViewApi = { provider, view, revealed: undefined };
  ctx.api.scheduleView = viewApi;
  let timer: ReturnType<typeof setInterval> | undefined;
  const describeView = () => {
    const s = provider.schedule;
    view.description = s ? [conferenceName(s) ?? undefined, provider.filter.kind !== 'all' ? filterLabel(provider.filter) : undefined].filter(Boolean).join(' · ') : undefined;
  };
  const logError = (err: unknown) => ctx.log.error(`Schedule view: ${messageOf(err)}`);
  // Scrolls to the slot running now (else the next) when the view shows, when its schedule or
  // filter changes and when the clock reaches another slot; never takes the focus or the selection.
  let revealedAs: string | undefined;
  const revealNow = async (force = false) => {
    const slot = view.visible ? provider.focusSlot() : undefined;
    if (!slot) return;
    const as = `${provider.key ?? ''}|${JSON.stringify(provider.filter)}|${slot.start}`;
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
    const schedule = provider.schedule;
    if (!schedule) {
      void vscode.window.showInformationMessage('Talk Capture: import a conference schedule first.');
      return;
    }
    type Item = vscode.QuickPickItem & { filter?: Filter };
    const tracks = [...new Set(schedule.sessions.map((s) => s.track).filter((t): t is string => !!t))].sort();
    const rooms = [...new Set(schedule.sessions.map((s) => s.room).filter((r): r is string => !!r))].sort();
    const items: Item[] = [
      { label: 'All sessions', filter: { kind: 'all' } },
      { label: '$(star-full) Starred only', filter: { kind: 'starred' } },
      ...(tracks.length ? [{ label: 'Tracks', kind: vscode.QuickPickItemKind.Separator } as Item] : []),
      ...tracks.map((t): Item => ({ label: t, description: 'track', filter: { kind: 'track', value: t } })),
      ...(rooms.length ? [{ label: 'Rooms', kind: vscode.QuickPickItemKind.Separator } as Item] : []),
      ...rooms.map((r): Item => ({ label: r, description: 'room', filter: { kind: 'room', value: r } })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Filter the Schedule', placeHolder: `Showing ${filterLabel(provider.filter)}`, matchOnDescription: true });
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
