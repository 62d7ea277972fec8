/**
 * Start Talk Now with a schedule (shared by the talk timer and the Schedule view): the quick
 * pick of the sessions running now or starting within 10 minutes (starred first, then by room;
 * breaks never offered), and the one edit that writes a session's full heading (and its session
 * page, per `talkCapture.schedule.sessionLink`) under the note's day for it, creating that day in
 * the note's own style when missing.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from './feature';
import { runStep } from './quickInput';
import type { CaptureApi } from '../api';
import { placeCursor, type InsertedTalk } from './talkInsert';
import { editDocument, untouchedSinceOurEdit } from './edits';
import { dayIncludesDate, headingFormats, sessionLinkStyle, timeFirstInHeadings } from './settings';
import { analysisOf } from './analysis';
import { noteSchedule, scheduleApi, scheduleNow, type ScheduleRef } from './scheduleStore';
import { noteStartDate, placeSession, type SessionLinkStyle, type SessionPlacement } from '../../core/schedule/editor-place';
import { scheduleDays, sessionDescription, sessionTimeRange, sessionsNowOrSoon, type Schedule, type Session } from '../../core/schedule/index';

/** What a talk inserted from a schedule carries for the timer. */
export interface ScheduledInsert extends InsertedTalk {
  session: Session;
  ref: ScheduleRef;
}

export type ScheduleStart =
  /** The note names no schedule (or none is stored): today's flow. */
  | { kind: 'none' }
  | { kind: 'cancelled' }
  /** "Other talk…" or a typed title not in the schedule: today's flow, with the typed title. */
  | { kind: 'other'; title: string }
  | { kind: 'inserted'; inserted: ScheduledInsert };

interface SessionItem extends vscode.QuickPickItem {
  session?: Session;
}

/** Sessions now or soon, starred first, then by room, then by start. */
function sessionsToOffer(schedule: Schedule, at: number, stars: ReadonlySet<string>): Session[] {
  const list = sessionsNowOrSoon(schedule.sessions, at, 10);
  return list
    .map((s, i) => ({ s, i }))
    .sort((a, b) => Number(stars.has(b.s.id)) - Number(stars.has(a.s.id)) || (a.s.room ?? '\uffff').localeCompare(b.s.room ?? '\uffff') || a.i - b.i)
    .map((x) => x.s);
}

/** The session quick pick; its step name is `session` on `api.capture`. */
function askSession(capture: CaptureApi, sessions: Session[], stars: ReadonlySet<string>, title: string): Promise<{ session?: Session; typed: string } | undefined> {
  const qp = vscode.window.createQuickPick<SessionItem>();
  qp.placeholder = 'The session starting now (type to filter, or a title that is not in the schedule)';
  qp.matchOnDescription = true;
  qp.matchOnDetail = false;
  const other: SessionItem = { label: '$(edit) Other talk…', description: 'not in the schedule: asks the title, speakers and company', alwaysShow: true };
  qp.items = [
    ...sessions.map((s) => ({ label: `${stars.has(s.id) ? '$(star-full) ' : ''}${s.title}`, description: sessionDescription(s), detail: sessionTimeRange(s), session: s })),
    other,
  ];
  return runStep<{ session?: Session; typed: string }>(capture, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, { name: 'session', title }, (finish) => [
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      finish({ session: picked?.session, typed: qp.value.trim() });
    }),
  ]);
}

function placementSettings(): { talkFormat?: string; keynoteFormat?: string; includeTime: boolean; includeDate: boolean; sessionLink: SessionLinkStyle } {
  const formats = headingFormats();
  return {
    talkFormat: formats.talk,
    keynoteFormat: formats.keynote,
    includeTime: timeFirstInHeadings(),
    includeDate: dayIncludesDate(),
    sessionLink: sessionLinkStyle(),
  };
}

/** Writes a session's heading into the note (one undo step) and puts the cursor under it, the focus in the note. */
export async function insertSession(editor: vscode.TextEditor, schedule: Schedule, session: Session, ref: ScheduleRef): Promise<ScheduledInsert | undefined> {
  const doc = editor.document;
  let placed: SessionPlacement | undefined;
  const applied = await editDocument(doc, (text) => {
    const cursorLine = (vscode.window.visibleTextEditors.find((e) => e.document === doc) ?? editor).selection.active.line + 1;
    const a = analysisOf(doc);
    placed = placeSession(text, a.model, session, { ...placementSettings(), scheduleDays: scheduleDays(schedule), startDate: noteStartDate(a.frontMatter), cursorLine });
    return [placed.edit];
  });
  if (!applied || !placed) return undefined;
  const cursor = new vscode.Position(placed.cursor.line, placed.cursor.character);
  const untouched = untouchedSinceOurEdit(doc);
  const shown = await placeCursor(doc, cursor, editor, true);
  // The next key goes into the note, also when the talk was started from a view (Start This Talk).
  await vscode.window.showTextDocument(doc, {
    viewColumn: shown.viewColumn,
    preserveFocus: false,
    preview: false,
    ...(untouched ? { selection: new vscode.Range(cursor, cursor) } : {}),
  });
  return { doc, heading: placed.heading, title: session.title, line: placed.headingLine, session, ref };
}

/**
 * The first step of Start Talk Now when the note has a schedule: the session pick, then the
 * heading. `{ kind: 'none' }` when there is no schedule or nothing runs now or soon.
 */
export async function startFromSchedule(ctx: FeatureContext, capture: CaptureApi, editor: vscode.TextEditor): Promise<ScheduleStart> {
  const found = await noteSchedule(ctx, editor.document);
  if (!found) return { kind: 'none' };
  if (!found.schedule) {
    vscode.window.setStatusBarMessage(`Talk Capture: the schedule ${found.ref.source} is not imported yet (Import Conference Schedule…)`, 6000);
    return { kind: 'none' };
  }
  const stars = scheduleApi(ctx).store.stars(found.ref.key);
  const sessions = sessionsToOffer(found.schedule, scheduleNow(), stars);
  if (sessions.length === 0) {
    vscode.window.setStatusBarMessage('Talk Capture: no session of the schedule runs now or starts within 10 minutes', 6000);
    return { kind: 'none' };
  }
  const answer = await askSession(capture, sessions, stars, 'Start Talk Now');
  if (!answer) return { kind: 'cancelled' };
  if (!answer.session) return { kind: 'other', title: answer.typed };
  if (editor.document.isClosed) return { kind: 'cancelled' };
  const inserted = await insertSession(editor, found.schedule, answer.session, found.ref);
  return inserted ? { kind: 'inserted', inserted } : { kind: 'cancelled' };
}
