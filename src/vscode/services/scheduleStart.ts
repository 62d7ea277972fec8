/**
 * Start Talk Now with a schedule (shared by the talk timer and the Schedule view): the editor's
 * side of src/language/scheduleStart.ts, which decides the sessions offered and the heading
 * written; here the quick pick of the sessions and the one undo step, the cursor and the focus.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from './feature';
import { runStep } from './quickInput';
import type { CaptureApi } from '../api';
import { placeCursor, type InsertedTalk } from './talkInsert';
import { editDocument, untouchedSinceOurEdit } from './edits';
import { dayIncludesDate, headingFormats, sessionLinkStyle, timeFirstInHeadings } from './settings';
import { analysisOf } from './analysis';
import { noteDocument } from './language';
import { noteSchedule, scheduleApi, scheduleNow, type ScheduleRef } from './scheduleStore';
import type { SessionPlacement } from '../../core/schedule/editor-place';
import type { Schedule, Session } from '../../core/schedule/index';
import { SESSION_PICK_PLACEHOLDER, SessionInserter, sessionOffer, type SessionRow } from '../../language/scheduleStart';

const inserter = new SessionInserter({ analysisOf, headingFormats, timeFirstInHeadings, dayIncludesDate, sessionLinkStyle });

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

/** The session quick pick; its step name is `session` on `api.capture`. */
function askSession(capture: CaptureApi, rows: SessionRow[], title: string): Promise<{ session?: Session; typed: string } | undefined> {
  const qp = vscode.window.createQuickPick<SessionItem>();
  qp.placeholder = SESSION_PICK_PLACEHOLDER;
  qp.matchOnDescription = true;
  qp.matchOnDetail = false;
  qp.items = rows;
  return runStep<{ session?: Session; typed: string }>(capture, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, { name: 'session', title }, (finish) => [
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      finish({ session: picked?.session, typed: qp.value.trim() });
    }),
  ]);
}

/** Writes a session's heading into the note (one undo step) and puts the cursor under it, the focus in the note. */
export async function insertSession(editor: vscode.TextEditor, schedule: Schedule, session: Session, ref: ScheduleRef): Promise<ScheduledInsert | undefined> {
  const doc = editor.document;
  const note = noteDocument(doc);
  let placed: SessionPlacement | undefined;
  const applied = await editDocument(doc, () => {
    const cursorLine = (vscode.window.visibleTextEditors.find((e) => e.document === doc) ?? editor).selection.active.line + 1;
    placed = inserter.insertion(note, schedule, session, cursorLine);
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
  const offer = sessionOffer(found.ref.source, found.schedule, scheduleNow(), scheduleApi(ctx).store.stars(found.ref.key));
  if (offer.kind === 'none' || !found.schedule) {
    if (offer.kind === 'none' && offer.status) vscode.window.setStatusBarMessage(offer.status, 6000);
    return { kind: 'none' };
  }
  const answer = await askSession(capture, offer.rows, 'Start Talk Now');
  if (!answer) return { kind: 'cancelled' };
  if (!answer.session) return { kind: 'other', title: answer.typed };
  if (editor.document.isClosed) return { kind: 'cancelled' };
  const inserted = await insertSession(editor, found.schedule, answer.session, found.ref);
  return inserted ? { kind: 'inserted', inserted } : { kind: 'cancelled' };
}
