/**
 * The Schedule view (Talk Capture container): the schedule of the active note (its `schedule`
 * front matter key), else the one imported last, as days → time slots → sessions (title,
 * `speakers · room`). The slot running now and the next one are marked, refreshed each minute
 * while the view is visible; a star plans a session (kept per schedule and session id, across
 * re-imports); one filter at a time (starred only, a track, a room); Start This Talk on a session
 * inserts its heading under its day and starts the timer (through Start Talk Now).
 */
import * as vscode from 'vscode';
import type { FeatureContext } from './feature';
import { isMarkdown } from './editor';
import { noteSchedule, scheduleApi, scheduleNow } from './scheduleStore';
import type { ScheduleApi, ScheduleFilter as Filter, ScheduleNode as Node, ScheduleViewApi } from './api';
import { sessionDescription } from './scheduleStart';
import { markdownDestination } from '../core/links/safeUrl';
import { localDate, nextSession, scheduleDays, sessionClock, sessionTimeRange, sessionTimes, sessionsOnDay, type Schedule, type Session } from '../core/schedule';

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

class ScheduleTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  schedule: Schedule | undefined;
  key: string | undefined;
  filter: Filter;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly api: ScheduleApi,
  ) {
    this.filter = ctx.extension.workspaceState.get<Filter>(FILTER_KEY) ?? { kind: 'all' };
  }

  /** Which schedule to show: the active note's, else the one imported last. */
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
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async setFilter(f: Filter): Promise<void> {
    this.filter = f;
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

  private marksCache: { schedule: Schedule | undefined; minute: number; marks: { now: Set<string>; next: string | undefined } } | undefined;

  /** The start (ISO text) of the slot running now and of the next one (computed once a minute, not per item). */
  private marks(): { now: Set<string>; next: string | undefined } {
    const t = scheduleNow();
    const minute = Math.floor(t / 60000);
    if (this.marksCache && this.marksCache.schedule === this.schedule && this.marksCache.minute === minute) return this.marksCache.marks;
    const marks = this.computeMarks(t);
    this.marksCache = { schedule: this.schedule, minute, marks };
    return marks;
  }

  private computeMarks(t: number): { now: Set<string>; next: string | undefined } {
    const now = new Set<string>();
    if (!this.schedule) return { now, next: undefined };
    for (const s of this.schedule.sessions) {
      const { start, end } = sessionTimes(s);
      if (s.kind !== 'break' && start <= t && t < end) now.add(s.start);
    }
    return { now, next: nextSession(this.schedule.sessions, t)?.start };
  }

  getChildren(node?: Node): Node[] {
    const schedule = this.schedule;
    if (!schedule) return [];
    if (!node) {
      return scheduleDays(schedule)
        .filter((d) => sessionsOnDay(schedule, d).some((s) => this.shown(s)))
        .map((date) => ({ kind: 'day', date }));
    }
    if (node.kind === 'day') {
      const slots = new Map<string, Session[]>();
      for (const s of sessionsOnDay(schedule, node.date)) {
        if (!this.shown(s)) continue;
        const list = slots.get(s.start) ?? [];
        list.push(s);
        slots.set(s.start, list);
      }
      return [...slots.entries()].map(([start, sessions]) => ({ kind: 'slot', date: node.date, start, sessions }));
    }
    if (node.kind === 'slot') return node.sessions.map((session) => ({ kind: 'session', session }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { now, next } = this.marks();
    if (node.kind === 'day') {
      // Today's day open (the first day before the conference).
      const days = this.schedule ? scheduleDays(this.schedule) : [];
      const today = this.schedule ? localDate(scheduleNow(), this.schedule.timeZone) : '';
      const open = days.includes(today) ? node.date === today : node.date === days[0];
      const item = new vscode.TreeItem(dayLabel(node.date), open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.date === today ? 'today' : undefined;
      item.id = `day:${node.date}`;
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'scheduleDay';
      return item;
    }
    if (node.kind === 'slot') {
      const isNow = now.has(node.start);
      const isNext = node.start === next;
      const end = node.sessions.reduce((m, s) => (s.end > m ? s.end : m), node.start);
      const item = new vscode.TreeItem(
        `${sessionClock(node.sessions[0])}–${end.slice(11, 16)}`,
        isNow || isNext ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `slot:${node.start}`;
      item.description = [isNow ? 'now' : isNext ? 'next' : '', `${node.sessions.length} session${node.sessions.length === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(isNow ? 'record' : isNext ? 'arrow-circle-right' : 'clock');
      item.contextValue = 'scheduleSlot';
      return item;
    }
    const s = node.session;
    const starred = this.starred(s);
    const item = new vscode.TreeItem(s.title, vscode.TreeItemCollapsibleState.None);
    item.id = `session:${s.id}`;
    item.description = sessionDescription(s);
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
}

function sessionOf(arg: unknown): Session | undefined {
  const n = arg as Node | undefined;
  return n && typeof n === 'object' && n.kind === 'session' ? n.session : undefined;
}

export function registerScheduleView(ctx: FeatureContext): void {
  const api = scheduleApi(ctx);
  const provider = new ScheduleTreeProvider(ctx, api);
  const view = vscode.window.createTreeView('talkCapture.schedule', { treeDataProvider: provider, showCollapseAll: true });
  const viewApi: ScheduleViewApi = { provider, view };
  ctx.api.scheduleView = viewApi;
  let timer: ReturnType<typeof setInterval> | undefined;
  const describeView = () => {
    const s = provider.schedule;
    view.description = s ? [s.title ?? undefined, provider.filter.kind !== 'all' ? filterLabel(provider.filter) : undefined].filter(Boolean).join(' · ') : undefined;
  };
  const reload = () => provider.reload().then(describeView, (err) => ctx.log.error(`Schedule view: ${err instanceof Error ? err.message : String(err)}`));
  const tick = () => {
    if (timer) clearInterval(timer);
    timer = view.visible ? setInterval(() => provider.refresh(), 60_000) : undefined;
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
      if (view.visible) void reload();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => view.visible && void reload()),
    api.store.onDidChange(() => void reload()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('talkCapture.schedule.timeZone') && void reload()),
    vscode.commands.registerCommand('talkCapture.schedule.star', star(true)),
    vscode.commands.registerCommand('talkCapture.schedule.unstar', star(false)),
    vscode.commands.registerCommand('talkCapture.schedule.refresh', () => reload()),
    vscode.commands.registerCommand('talkCapture.schedule.startThisTalk', async (arg: unknown) => {
      const s = sessionOf(arg);
      if (!s || !provider.key) return;
      await vscode.commands.executeCommand('talkCapture.startTalk', { scheduleKey: provider.key, sessionId: s.id });
    }),
    vscode.commands.registerCommand('talkCapture.schedule.filter', async () => {
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
    }),
  );
  if (view.visible) {
    tick();
    void reload();
  }
}
