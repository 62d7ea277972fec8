/**
 * Start Talk Now / End Talk / Reveal Running Talk: the talk heading (as New Talk…, with the
 * start time in the format's `{time}`) and a status bar item
 * `$(record) Title 12:34` that counts up; clicking it goes back to the talk. One talk at a time;
 * the timer survives switching editors and reloading the window (kept in the workspace state).
 */
import * as vscode from 'vscode';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import { captureApi } from '../services/quickInput';
import type { RunningTalkInfo } from '../api';
import { timeFirstInHeadings } from '../services/settings';
import { placeCursor, runNewTalk, viewTarget, type InsertedTalk } from '../services/talkInsert';
import { analysisOf } from '../services/analysis';
import { isMarkdown } from '../services/editor';
import { noteDocument } from '../services/language';
import { insertSession, startFromSchedule, type ScheduledInsert } from '../services/scheduleStart';
import { scheduleApi, scheduleNow } from '../services/scheduleStore';
import { rememberTalkEnd, rememberTalkStart } from '../services/talkTimes';
import { TalkTimer, lineAfterChanges, savedTalk, sessionTarget, type RunningTalk } from '../../language/talkTimer';

const STATE_KEY = 'talkCapture.runningTalk';
const CONTEXT_KEY = 'talkCapture.talkRunning';

export function registerTalkTimer(ctx: FeatureContext): void {
  const api = captureApi(ctx);
  const state = ctx.extension.workspaceState;
  const item = vscode.window.createStatusBarItem('talkCapture.talkTimer', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Talk Capture: running talk';
  item.command = 'talkCapture.revealRunningTalk';
  api.statusBarItem = item;
  let timer: ReturnType<typeof setInterval> | undefined;
  // The store is asked for when a schedule is read, as before (nothing at registration).
  const schedules = { read: (key: string) => scheduleApi(ctx).store.read(key), stars: (key: string) => scheduleApi(ctx).store.stars(key) };
  const talks = new TalkTimer({ analysisOf, now: () => Date.now(), scheduleNow, schedules });
  const running = () => api.runningTalk as RunningTalk | undefined;

  let offeredAfter: string | undefined;
  api.statusText = () => {
    const talk = running();
    return talk ? talks.statusText(talk) : undefined;
  };

  const render = () => {
    const talk = running();
    if (!talk) {
      item.hide();
      return;
    }
    item.text = talks.statusText(talk);
    item.tooltip = talks.tooltip(talk);
    item.show();
    if (offeredAfter !== talk.sessionId && talks.isOver(talk)) {
      offeredAfter = talk.sessionId;
      void offerNext(talk);
    }
  };

  // At the end of a scheduled session: the next starred session, one click away.
  const offerNext = async (talk: RunningTalk) => {
    const offer = await talks.nextOffer(talk);
    if (!offer) return;
    scheduleApi(ctx).lastMessage = offer.message;
    const answer = await vscode.window.showInformationMessage(offer.message, 'Start Next Talk');
    if (answer === 'Start Next Talk') await vscode.commands.executeCommand('talkCapture.startTalk', { scheduleKey: offer.scheduleKey, sessionId: offer.session.id });
  };

  const setRunning = async (talk: RunningTalk | undefined) => {
    api.runningTalk = talk;
    if (timer) clearInterval(timer);
    timer = undefined;
    if (talk) timer = setInterval(render, 1000);
    render();
    await state.update(STATE_KEY, talk);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, !!talk);
  };

  const end = async (quiet = false) => {
    const talk = running();
    if (!talk) {
      if (!quiet) void vscode.window.showInformationMessage('Talk Capture: no talk is running.');
      return;
    }
    await setRunning(undefined);
    // Remembered per note and talk: slide photos taken until now go under this talk.
    await rememberTalkEnd(state, talk.uri, talk.title, new Date(scheduleNow()));
    if (!quiet) vscode.window.setStatusBarMessage(talks.endMessage(talk), 5000);
  };

  /** A session given by the Schedule view or Start Next Talk, in the running talk's note or the active one. */
  const startSession = async (target: { scheduleKey: string; sessionId: string }): Promise<ScheduledInsert | undefined> => {
    const found = await talks.sessionToStart(target);
    if ('warning' in found) {
      void vscode.window.showWarningMessage(found.warning);
      return undefined;
    }
    let editor = vscode.window.activeTextEditor && isMarkdown(vscode.window.activeTextEditor.document) ? vscode.window.activeTextEditor : undefined;
    if (!editor && api.runningTalk) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(api.runningTalk.uri)).then(undefined, () => undefined);
      if (doc) editor = await vscode.window.showTextDocument(doc, { preview: false });
    }
    editor ??= vscode.window.visibleTextEditors.find((e) => isMarkdown(e.document));
    if (!editor) {
      void vscode.window.showInformationMessage('Talk Capture: open a Markdown note to start a talk.');
      return undefined;
    }
    return insertSession(editor, found.schedule, found.session, { source: target.scheduleKey, key: target.scheduleKey });
  };

  const start = async (arg?: unknown) => {
    const target = viewTarget(arg);
    const fromView = sessionTarget(arg);
    let scheduled: ScheduledInsert | undefined;
    let talkTitle: string | undefined;
    const editor = vscode.window.activeTextEditor;
    if (fromView) {
      scheduled = await startSession(fromView);
      if (!scheduled) return;
    } else if (!target && editor && isMarkdown(editor.document)) {
      // With a schedule, the first step offers the sessions running now or starting soon.
      const r = await startFromSchedule(ctx, api, editor);
      if (r.kind === 'cancelled') return;
      if (r.kind === 'inserted') scheduled = r.inserted;
      if (r.kind === 'other') talkTitle = r.title || undefined;
    }
    const inserted: InsertedTalk | undefined =
      scheduled ?? (await runNewTalk(api, { withTime: true, timeFirst: timeFirstInHeadings(), title: 'Start Talk Now', target, talkTitle }));
    if (!inserted) return;
    // One talk at a time: a new one ends the one before.
    if (api.runningTalk) await end(true);
    await setRunning(talks.start({ ...inserted, uri: inserted.doc.uri.toString() }, scheduled ? { session: scheduled.session, scheduleKey: scheduled.ref.key } : undefined));
    await rememberTalkStart(state, inserted.doc.uri.toString(), inserted.title, new Date(scheduleNow()));
  };

  const reveal = async () => {
    const talk = api.runningTalk;
    if (!talk) {
      void vscode.window.showInformationMessage('Talk Capture: no talk is running.');
      return;
    }
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(talk.uri));
    } catch {
      void vscode.window.showWarningMessage(`Talk Capture: the note of “${talk.title}” cannot be opened any more.`);
      return;
    }
    const found = talks.reveal(noteDocument(doc), talk);
    if ('warning' in found) {
      void vscode.window.showWarningMessage(found.warning);
      await vscode.window.showTextDocument(doc, { preview: false });
      return;
    }
    talk.line = found.line;
    // The cursor goes to the end of the talk's notes, where writing goes on.
    const pos = new vscode.Position(found.cursor.line, found.cursor.character);
    const editor = await placeCursor(doc, pos);
    editor.revealRange(new vscode.Range(found.line, 0, pos.line, pos.character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  // Keep the heading's line current while the note is edited above it.
  const follow = vscode.workspace.onDidChangeTextDocument((e) => {
    const talk = api.runningTalk;
    if (!talk || e.document.uri.toString() !== talk.uri) return;
    talk.line = lineAfterChanges(talk.line, e.contentChanges);
  });

  ctx.extension.subscriptions.push(item, follow, { dispose: () => timer && clearInterval(timer) });
  registerCommand(ctx, 'talkCapture.startTalk', 'Start Talk Now', async (arg) => {
    await start(arg);
  });
  registerCommand(ctx, 'talkCapture.endTalk', 'End Talk', () => end());
  registerCommand(ctx, 'talkCapture.revealRunningTalk', 'Reveal Running Talk', reveal);

  // A talk that was running when the window closed goes on (cheap: one memento read).
  const saved = savedTalk(state.get<RunningTalkInfo>(STATE_KEY));
  if (saved) {
    void setRunning(saved);
  } else {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
  }
}
