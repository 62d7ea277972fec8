/**
 * The Schedule view's tree without the editor: which schedule to show (the open note's, its
 * `schedule` front matter key, else the one imported last), days → time slots → sessions (title,
 * `speakers · room`), the short side sessions folded under the slot they fall in
 * (core/schedule/slots.ts), the slot running now and the next one marked and open, past slots
 * closed, one filter at a time (starred only, a track, a room). Plain nodes and items (label,
 * description, Markdown tooltip, icon id, context value); the clock, the stars and the stored
 * schedules are services passed in. The editor's side: src/vscode/features/scheduleView.ts.
 */
import type { TextDocument } from '../core/document';
import { markdownDestination } from '../core/links/safeUrl';
import { scheduleSourceOf } from '../core/schedule/editor-place';
import type { ScheduleSlot } from '../core/schedule/slots';
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
} from '../core/schedule/index';
import { plural } from '../core/util/plural';
import type { Analyses } from './services';

/** A conference day (`YYYY-MM-DD`, the conference's). */
export interface DayNode {
  kind: 'day';
  date: string;
}

/** A time slot of a day: its main-track sessions, the side sessions folded under it. */
export type SlotNode = { kind: 'slot'; date: string } & ScheduleSlot;

/** The fold of a slot's side sessions. */
interface SideNode {
  kind: 'side';
  start: string;
  sessions: Session[];
}

export interface SessionNode {
  kind: 'session';
  session: Session;
}

/** An element of the tree. Nodes keep their identity while the schedule and the filter stay the same. */
export type ScheduleNode = DayNode | SlotNode | SideNode | SessionNode;

/** The view's one filter. */
export type ScheduleFilter = { kind: 'all' } | { kind: 'starred' } | { kind: 'track'; value: string } | { kind: 'room'; value: string };

/** The schedule clock: now, in ms since the epoch (the editor's runs from TALK_CAPTURE_NOW in tests). */
export interface ScheduleClock {
  now(): number;
}

/** A readable schedule and the key of its stored copy and stars (the URL, or the file's URI). */
export interface KeyedSchedule {
  key: string;
  schedule: Schedule;
}

/** Where the schedules come from: the stored copies (else the files) and the stars. */
export interface ScheduleSources {
  /** The schedule a note's `schedule` value names, for the note at `noteUri`; undefined when it cannot be read. */
  namedSchedule(source: string, noteUri: string): Promise<KeyedSchedule | undefined>;
  /** The schedule imported last, if any is still readable. */
  lastImported(): Promise<KeyedSchedule | undefined>;
  /** The ids of the starred sessions of the schedule with `key`. */
  stars(key: string): ReadonlySet<string>;
}

export type ScheduleTreeServices = Analyses & ScheduleClock & ScheduleSources;

/** An item as the tree shows it (the editor makes a `vscode.TreeItem` of it). */
export interface ScheduleTreeItem {
  /** Follows the open or closed state where VS Code would otherwise keep yesterday's. */
  id: string;
  label: string;
  description?: string;
  /** Markdown without HTML: schedule values are data. */
  tooltip?: string;
  /** A product icon id (`calendar`, `star-full`, ...). */
  icon: string;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  accessibilityLabel?: string;
}

/** The tree of one schedule and filter, made once: nodes keep their identity, and each knows its parent. */
interface Layout {
  days: DayNode[];
  /** Every slot, in time order (now and next are looked for among them). */
  slots: SlotNode[];
  children: Map<ScheduleNode, ScheduleNode[]>;
  parents: Map<ScheduleNode, ScheduleNode>;
  /** Each node by what it stands for (see {@link nodeKey}). */
  byKey: Map<string, ScheduleNode>;
}

/**
 * What a node stands for, the same in every layout: the editor may hand back a node of an
 * earlier layout (it keeps the rows it has while the schedule is read again), and gets the
 * current node's children and parent for it.
 */
function nodeKey(n: ScheduleNode): string {
  if (n.kind === 'day') return `day:${n.date}`;
  if (n.kind === 'slot') return `slot:${n.date}:${n.start}`;
  if (n.kind === 'side') return `side:${n.start}`;
  return `session:${n.session.id}:${n.session.start}`;
}

interface Marks {
  now: Set<SlotNode>;
  next: SlotNode | undefined;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `Thursday 26 March 2099` (the same in every locale, as day headings are written). */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function filterLabel(f: ScheduleFilter): string {
  if (f.kind === 'starred') return 'starred only';
  if (f.kind === 'track') return `track: ${f.value}`;
  if (f.kind === 'room') return `room: ${f.value}`;
  return 'all sessions';
}

/**
 * Text shown as it is inside Markdown, escaped the way VS Code's `MarkdownString.appendText`
 * does (syntax characters, runs of spaces, `>`, one line break as a paragraph break).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!~]/g, '\\$&')
    .replace(/^([ \t]*)-/gm, '$1\\-')
    .replace(/[ \t]+/g, (run) => '&nbsp;'.repeat(run.length))
    .replace(/>/g, '\\>')
    .replace(/\n/g, '\n\n');
}

/** The session a tree element (or a command's argument) is, if it is one. */
export function sessionOf(arg: unknown): Session | undefined {
  const n = arg as ScheduleNode | undefined;
  return n && typeof n === 'object' && n.kind === 'session' ? n.session : undefined;
}

/** A row of Filter Schedule's pick: a filter, or a separator (`Tracks`, `Rooms`). */
export interface FilterChoice {
  label: string;
  description?: string;
  filter?: ScheduleFilter;
  separator?: true;
}

export class ScheduleTree {
  private current: KeyedSchedule | undefined;
  private layoutCache: Layout | undefined;
  private marksCache: { layout: Layout; minute: number; marks: Marks } | undefined;

  constructor(
    private readonly services: ScheduleTreeServices,
    private shownFilter: ScheduleFilter = { kind: 'all' },
  ) {}

  /** The schedule shown, if any. */
  get schedule(): Schedule | undefined {
    return this.current?.schedule;
  }

  /** The key of its stored copy and stars. */
  get key(): string | undefined {
    return this.current?.key;
  }

  get filter(): ScheduleFilter {
    return this.shownFilter;
  }

  /** Which schedule to show: the one `note` names (its stored copy, else its file), else the one imported last. */
  async load(note: TextDocument | undefined): Promise<void> {
    const source = note ? scheduleSourceOf(this.services.analysisOf(note).frontMatter) : undefined;
    const named = source && note ? await this.services.namedSchedule(source, note.uri) : undefined;
    this.current = named ?? (await this.services.lastImported());
    this.layoutCache = undefined;
  }

  setFilter(f: ScheduleFilter): void {
    this.shownFilter = f;
    this.layoutCache = undefined;
  }

  /** The view's description: the conference's name, and the filter when it is not all sessions. */
  description(): string | undefined {
    const s = this.schedule;
    if (!s) return undefined;
    return [conferenceName(s) ?? undefined, this.filter.kind !== 'all' ? filterLabel(this.filter) : undefined].filter(Boolean).join(' · ');
  }

  /** Filter Schedule's rows: all, starred, then the tracks and the rooms (sorted), each under its separator. */
  filterChoices(): FilterChoice[] {
    const sessions = this.schedule?.sessions ?? [];
    const tracks = [...new Set(sessions.map((s) => s.track).filter((t): t is string => !!t))].sort();
    const rooms = [...new Set(sessions.map((s) => s.room).filter((r): r is string => !!r))].sort();
    return [
      { label: 'All sessions', filter: { kind: 'all' } },
      { label: '$(star-full) Starred only', filter: { kind: 'starred' } },
      ...(tracks.length ? [{ label: 'Tracks', separator: true as const }] : []),
      ...tracks.map((t): FilterChoice => ({ label: t, description: 'track', filter: { kind: 'track', value: t } })),
      ...(rooms.length ? [{ label: 'Rooms', separator: true as const }] : []),
      ...rooms.map((r): FilterChoice => ({ label: r, description: 'room', filter: { kind: 'room', value: r } })),
    ];
  }

  private starred(s: Session): boolean {
    return !!this.key && this.services.stars(this.key).has(s.id);
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
    const layout: Layout = { days: [], slots: [], children: new Map(), parents: new Map(), byKey: new Map() };
    const schedule = this.schedule;
    for (const date of schedule ? scheduleDays(schedule) : []) {
      const slots = daySlots(sessionsOnDay(schedule!, date).filter((s) => this.shown(s)));
      if (slots.length === 0) continue;
      const day: DayNode = { kind: 'day', date };
      const dayChildren: SlotNode[] = [];
      for (const sl of slots) {
        const slot: SlotNode = { kind: 'slot', date, start: sl.start, end: sl.end, startMs: sl.startMs, endMs: sl.endMs, main: sl.main, side: sl.side };
        const sessions: ScheduleNode[] = sl.main.map((session) => ({ kind: 'session', session }));
        if (sl.side.length) {
          const side: ScheduleNode = { kind: 'side', start: sl.start, sessions: sl.side };
          const folded: ScheduleNode[] = sl.side.map((session) => ({ kind: 'session', session }));
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
    for (const n of [...layout.days, ...layout.parents.keys()]) if (!layout.byKey.has(nodeKey(n))) layout.byKey.set(nodeKey(n), n);
    this.layoutCache = layout;
    return layout;
  }

  /** The slots running now and the next one (computed once a minute, not per item). */
  private marks(): Marks {
    const t = this.services.now();
    const minute = Math.floor(t / 60000);
    const layout = this.layout();
    if (this.marksCache && this.marksCache.layout === layout && this.marksCache.minute === minute) return this.marksCache.marks;
    const found = slotMarks(layout.slots, t);
    const marks: Marks = { now: new Set(found.now), next: found.next };
    this.marksCache = { layout, minute, marks };
    return marks;
  }

  /**
   * The slot to scroll to (the first one running now, else the next), with what it is shown
   * as: the same schedule, filter and slot need no second scroll.
   */
  focus(): { slot: SlotNode; as: string } | undefined {
    const { now, next } = this.marks();
    const slot = [...now][0] ?? next;
    return slot && { slot, as: `${this.key ?? ''}|${JSON.stringify(this.filter)}|${slot.start}` };
  }

  children(node?: ScheduleNode): ScheduleNode[] {
    const layout = this.layout();
    if (!node) return layout.days;
    return layout.children.get(node) ?? layout.children.get(layout.byKey.get(nodeKey(node))!) ?? [];
  }

  parent(node: ScheduleNode): ScheduleNode | undefined {
    const layout = this.layout();
    return layout.parents.get(node) ?? layout.parents.get(layout.byKey.get(nodeKey(node))!);
  }

  item(node: ScheduleNode): ScheduleTreeItem {
    if (node.kind === 'day') return this.dayItem(node);
    if (node.kind === 'slot') return this.slotItem(node);
    if (node.kind === 'side') {
      const rooms = [...new Set(node.sessions.map((s) => s.room).filter((r): r is string => !!r))];
      return {
        id: `side:${node.start}`,
        label: plural(node.sessions.length, 'side session'),
        description: rooms.length > 2 ? `${rooms.slice(0, 2).join(', ')}, …` : rooms.join(', '),
        icon: 'layers',
        contextValue: 'scheduleSide',
        collapsible: 'collapsed',
      };
    }
    return this.sessionItem(node);
  }

  /** Today's day open (the first day before the conference). */
  private dayItem(node: DayNode): ScheduleTreeItem {
    const days = this.layout().days.map((d) => d.date);
    const today = this.schedule ? localDate(this.services.now(), this.schedule.timeZone) : '';
    const open = days.includes(today) ? node.date === today : node.date === days[0];
    return {
      // The id follows the state, so that VS Code does not keep yesterday open from memory.
      id: `day:${node.date}:${open ? 'open' : 'closed'}`,
      label: dayLabel(node.date),
      description: node.date === today ? 'today' : undefined,
      icon: 'calendar',
      contextValue: 'scheduleDay',
      collapsible: open ? 'expanded' : 'collapsed',
    };
  }

  private slotItem(node: SlotNode): ScheduleTreeItem {
    const { now, next } = this.marks();
    const isNow = now.has(node);
    const isNext = node === next;
    const phase = isNow || isNext ? 'open' : node.endMs <= this.services.now() ? 'past' : 'later';
    return {
      // The id follows the phase: a slot that is over closes, the one now or next opens.
      id: `slot:${node.start}:${phase}`,
      label: `${node.start.slice(11, 16)}–${node.end.slice(11, 16)}`,
      description: [isNow ? 'now' : isNext ? 'next' : '', plural(node.main.length, 'session'), node.side.length ? `${node.side.length} side` : ''].filter(Boolean).join(' · '),
      icon: isNow ? 'record' : isNext ? 'arrow-circle-right' : phase === 'past' ? 'history' : 'clock',
      contextValue: 'scheduleSlot',
      collapsible: phase === 'open' ? 'expanded' : 'collapsed',
    };
  }

  private sessionItem(node: SessionNode): ScheduleTreeItem {
    const s = node.session;
    const starred = this.starred(s);
    // Schedule values are data: no HTML, the title escaped, the page through the one URL gate.
    let tooltip = `**${s.title.replace(/[\\`*_[\]<>&]/g, '\\$&')}**\n\n`;
    if (s.byline) tooltip += markdownText(`${s.byline}\n\n`);
    tooltip += markdownText([sessionTimeRange(s), s.room, s.track].filter(Boolean).join(' · '));
    const page = markdownDestination(s.url);
    if (page) tooltip += `\n\n[Session page](${page})`;
    return {
      id: `session:${s.id}`,
      label: s.title,
      description: this.sessionLine(node),
      tooltip,
      icon: s.kind === 'break' ? 'coffee' : starred ? 'star-full' : 'star-empty',
      contextValue: s.kind === 'break' ? 'scheduleBreak' : starred ? 'scheduleSession.starred' : 'scheduleSession',
      collapsible: 'none',
      accessibilityLabel: `${s.title}, ${sessionDescription(s)}, ${sessionTimeRange(s)}${starred ? ', starred' : ''}`,
    };
  }

  /** `speakers · room`; a folded side session starts with its time, a session that outlasts its slot says until when. */
  private sessionLine(node: SessionNode): string {
    const s = node.session;
    const parent = this.parent(node);
    const text = sessionDescription(s);
    if (parent?.kind === 'side') return `${s.start.slice(11, 16)} · ${text}`;
    if (parent?.kind === 'slot' && s.end !== parent.end) return `${text} · until ${s.end.slice(11, 16)}`;
    return text;
  }
}
