/**
 * Start Talk Now / End Talk / Reveal Running Talk, without the editor: what the running talk
 * records, what the status bar item shows (`$(record) Title 12:34`, the minutes left of a
 * scheduled session) and its tooltip, the offer of the next starred session when a scheduled
 * one is over, where the heading is now (where it was, or where its text moved, following the
 * edits above it), where the cursor goes to write on, and what End Talk says. The editor keeps
 * the status bar item, the timer and the workspace state (src/vscode/features/talkTimer.ts).
 */
import type { Position, Range, TextDocument } from '../core/document';
import { lastContentLine } from '../core/capture/index';
import { findTalkAt } from '../core/notes/query';
import { nextSession, sessionClock, sessionDescription, type Schedule, type Session } from '../core/schedule/index';
import { splitLines } from '../core/util/lines';
import type { Analyses } from './services';

/** The running talk, as kept across reloads. */
export interface RunningTalk {
  title: string;
  heading: string;
  uri: string;
  /** 0-based line of the heading when last known. */
  line: number;
  startedAt: number;
  /** A talk started from a schedule: its session's end (the status bar shows the time left). */
  sessionEnd?: string;
  sessionId?: string;
  scheduleKey?: string;
}

/** The stored schedules the timer reads (the next starred session, a session to start). */
interface ScheduleReads {
  read(key: string): Promise<Schedule | undefined>;
  stars(key: string): ReadonlySet<string>;
}

export interface TalkTimerServices {
  /** The clock of the elapsed time (ms). */
  now(): number;
  /** The schedule clock (ms): the time left of a session and its end. */
  scheduleNow(): number;
  schedules: ScheduleReads;
}

/** A change of the note's text: its range in the text before, and the text put there. */
export interface TextChange {
  range: Range;
  text: string;
}

/** `12:34`, or `1:02:03` past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** A title for the status bar: one line, 40 characters at most. */
export function shortTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** `{ scheduleKey, sessionId }`: Start This Talk (Schedule view) and Start Next Talk pass a session. */
export function sessionTarget(arg: unknown): { scheduleKey: string; sessionId: string } | undefined {
  const a = arg as { scheduleKey?: unknown; sessionId?: unknown } | undefined;
  return a && typeof a === 'object' && typeof a.scheduleKey === 'string' && typeof a.sessionId === 'string' ? { scheduleKey: a.scheduleKey, sessionId: a.sessionId } : undefined;
}

/** A talk kept in the workspace state, checked (undefined when it is not one). */
export function savedTalk(saved: unknown): RunningTalk | undefined {
  const s = saved as Partial<RunningTalk> | undefined;
  if (!s || typeof s.title !== 'string' || typeof s.startedAt !== 'number' || typeof s.uri !== 'string') return undefined;
  return { ...(s as RunningTalk), line: typeof s.line === 'number' ? s.line : 0, heading: String(s.heading ?? '') };
}

/** The 0-based line a heading is on after the changes (applied in order), when they touch only lines before it. */
export function lineAfterChanges(line: number, changes: readonly TextChange[]): number {
  let now = line;
  for (const c of changes) {
    if (c.range.end.line < now || (c.range.end.line === now && c.range.end.character === 0 && c.range.start.line < now)) {
      const added = (c.text.match(/\n/g) ?? []).length;
      now += added - (c.range.end.line - c.range.start.line);
    }
  }
  return now;
}

/** The 0-based line of the running talk's heading in the text: where it was, or the nearest line with its text. */
export function headingLineIn(doc: TextDocument, talk: Pick<RunningTalk, 'line' | 'heading'>): number | undefined {
  const lines = splitLines(doc.getText());
  if (talk.line < lines.length && lines[talk.line] === talk.heading) return talk.line;
  let best: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== talk.heading) continue;
    if (best === undefined || Math.abs(i - talk.line) < Math.abs(best - talk.line)) best = i;
  }
  return best;
}

export class TalkTimer {
  constructor(private readonly services: TalkTimerServices & Analyses) {}

  /** The talk a heading just inserted starts (now), with its session when it came from a schedule. */
  start(inserted: { uri: string; title: string; heading: string; line: number }, session?: { session: Session; scheduleKey: string }): RunningTalk {
    return {
      title: inserted.title,
      heading: inserted.heading,
      uri: inserted.uri,
      line: inserted.line,
      startedAt: this.services.now(),
      ...(session ? { sessionEnd: session.session.end, sessionId: session.session.id, scheduleKey: session.scheduleKey } : {}),
    };
  }

  /** ` · 12 min left`, ` · over`, or nothing for a talk without a session. */
  private left(talk: RunningTalk): string {
    if (!talk.sessionEnd) return '';
    const ms = Date.parse(talk.sessionEnd) - this.services.scheduleNow();
    return ms > 0 ? ` · ${Math.ceil(ms / 60000)} min left` : ' · over';
  }

  /** The status bar item's text: `$(record) Title 12:34 · 5 min left`. */
  statusText(talk: RunningTalk): string {
    return `$(record) ${shortTitle(talk.title)} ${formatElapsed(this.services.now() - talk.startedAt)}${this.left(talk)}`;
  }

  /** The status bar item's tooltip. */
  tooltip(talk: RunningTalk): string {
    const since = new Date(talk.startedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    return `${talk.title}: running since ${since}. Click to go back to its notes; End Talk stops the timer.`;
  }

  /** The status bar message of End Talk. */
  endMessage(talk: RunningTalk): string {
    return `$(debug-stop) ${shortTitle(talk.title)} ended after ${formatElapsed(this.services.now() - talk.startedAt)}`;
  }

  /** Whether the talk's session is over (on the schedule clock): the time to offer the next one. */
  isOver(talk: RunningTalk): boolean {
    return !!talk.sessionEnd && !!talk.scheduleKey && Date.parse(talk.sessionEnd) <= this.services.scheduleNow();
  }

  /** At the end of a scheduled session: the next starred session (another than this one) and the message offering it. */
  async nextOffer(talk: RunningTalk): Promise<{ message: string; scheduleKey: string; session: Session } | undefined> {
    const key = talk.scheduleKey;
    if (!key || !talk.sessionEnd) return undefined;
    const schedule = await this.services.schedules.read(key);
    if (!schedule) return undefined;
    const stars = this.services.schedules.stars(key);
    const next = nextSession(schedule.sessions, Date.parse(talk.sessionEnd) - 1, { accept: (s) => stars.has(s.id) && s.id !== talk.sessionId });
    if (!next) return undefined;
    const message = `Talk Capture: “${shortTitle(talk.title)}” is over. Next starred: ${next.title} at ${sessionClock(next)} (${sessionDescription(next)}).`;
    return { message, scheduleKey: key, session: next };
  }

  /** The session a view passed (Start This Talk, Start Next Talk), or the warning when it is gone. */
  async sessionToStart(target: { scheduleKey: string; sessionId: string }): Promise<{ schedule: Schedule; session: Session } | { warning: string }> {
    const schedule = await this.services.schedules.read(target.scheduleKey);
    const session = schedule?.sessions.find((s) => s.id === target.sessionId);
    if (!schedule || !session) return { warning: 'Talk Capture: that session is no longer in the imported schedule.' };
    return { schedule, session };
  }

  /**
   * Reveal Running Talk: the heading's line now and where the cursor goes (the end of the
   * talk's notes, where writing goes on), or the warning when the heading is gone.
   */
  reveal(doc: TextDocument, talk: RunningTalk): { line: number; cursor: Position } | { warning: string } {
    const line = headingLineIn(doc, talk);
    if (line === undefined) return { warning: `Talk Capture: the heading of “${talk.title}” is no longer in the note.` };
    const a = this.services.analysisOf(doc);
    const section = findTalkAt(a.model, line + 1);
    const last = section ? lastContentLine(a.blocks.lines, line + 1, section.endLine) : line + 1;
    const at = Math.max(line, last - 1);
    return { line, cursor: { line: at, character: (a.blocks.lines[at] ?? '').length } };
  }
}
