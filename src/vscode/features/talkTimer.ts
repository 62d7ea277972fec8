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
import { timeFirstInHeadings } from '../services/settings';
import type { RunningTalkInfo } from '../api';
import { placeCursor, runNewTalk, viewTarget, type InsertedTalk } from '../services/talkInsert';
import { analysisOf } from '../services/analysis';
import { isMarkdown } from '../services/editor';
import { insertSession, startFromSchedule, type ScheduledInsert } from '../services/scheduleStart';
import { scheduleApi, scheduleNow } from '../services/scheduleStore';
import { nextSession, sessionClock, sessionDescription } from '../../core/schedule/index';
import { lastContentLine } from '../../core/capture/index';
import { findTalkAt } from '../../core/notes/query';
import { rememberTalkEnd, rememberTalkStart } from '../services/talkTimes';

const STATE_KEY = 'talkCapture.runningTalk';

/** A running talk started from a schedule: its session's end (the status bar shows the time left). */
interface ScheduledTalkInfo extends RunningTalkInfo {
  sessionEnd?: string;
  sessionId?: string;
  scheduleKey?: string;
}

/** `{ scheduleKey, sessionId }`: Start This Talk (Schedule view) and Start Next Talk pass a session. */
function sessionTarget(arg: unknown): { scheduleKey: string; sessionId: string } | undefined {
  const a = arg as { scheduleKey?: unknown; sessionId?: unknown } | undefined;
  return a && typeof a === 'object' && typeof a.scheduleKey === 'string' && typeof a.sessionId === 'string' ? { scheduleKey: a.scheduleKey, sessionId: a.sessionId } : undefined;
}
const CONTEXT_KEY = 'talkCapture.talkRunning';

/** `12:34`, or `1:02:03` past an hour. */
function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

function shortTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** The 0-based line of the running talk's heading now: where it was, or where its text moved. */
function findHeadingLine(doc: vscode.TextDocument, talk: RunningTalkInfo): number | undefined {
  if (talk.line < doc.lineCount && doc.lineAt(talk.line).text === talk.heading) return talk.line;
  let best: number | undefined;
  for (let i = 0; i < doc.lineCount; i++) {
    if (doc.lineAt(i).text !== talk.heading) continue;
    if (best === undefined || Math.abs(i - talk.line) < Math.abs(best - talk.line)) best = i;
  }
  return best;
}

export function registerTalkTimer(ctx: FeatureContext): void {
  const api = captureApi(ctx);
  const state = ctx.extension.workspaceState;
  const item = vscode.window.createStatusBarItem('talkCapture.talkTimer', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Talk Capture: running talk';
  item.command = 'talkCapture.revealRunningTalk';
  api.statusBarItem = item;
  let timer: ReturnType<typeof setInterval> | undefined;

  const left = (talk: ScheduledTalkInfo) => {
    if (!talk.sessionEnd) return '';
    const ms = Date.parse(talk.sessionEnd) - scheduleNow();
    return ms > 0 ? ` · ${Math.ceil(ms / 60000)} min left` : ' · over';
  };
  const text = () =>
    api.runningTalk ? `$(record) ${shortTitle(api.runningTalk.title)} ${formatElapsed(Date.now() - api.runningTalk.startedAt)}${left(api.runningTalk)}` : undefined;
  let offeredAfter: string | undefined;
  api.statusText = text;

  const render = () => {
    const t = text();
    if (!t || !api.runningTalk) {
      item.hide();
      return;
    }
    item.text = t;
    const since = new Date(api.runningTalk.startedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    item.tooltip = `${api.runningTalk.title}: running since ${since}. Click to go back to its notes; End Talk stops the timer.`;
    item.show();
    const talk = api.runningTalk as ScheduledTalkInfo;
    if (talk.sessionEnd && talk.scheduleKey && offeredAfter !== talk.sessionId && Date.parse(talk.sessionEnd) <= scheduleNow()) {
      offeredAfter = talk.sessionId;
      void offerNext(talk);
    }
  };

  // At the end of a scheduled session: the next starred session, one click away.
  const offerNext = async (talk: ScheduledTalkInfo) => {
    const key = talk.scheduleKey!;
    const store = scheduleApi(ctx).store;
    const schedule = await store.read(key);
    if (!schedule) return;
    const stars = store.stars(key);
    const next = nextSession(schedule.sessions, Date.parse(talk.sessionEnd!) - 1, { accept: (s) => stars.has(s.id) && s.id !== talk.sessionId });
    if (!next) return;
    const message = `Talk Capture: “${shortTitle(talk.title)}” is over. Next starred: ${next.title} at ${sessionClock(next)} (${sessionDescription(next)}).`;
    scheduleApi(ctx).lastMessage = message;
    const answer = await vscode.window.showInformationMessage(message, 'Start Next Talk');
    if (answer === 'Start Next Talk') await vscode.commands.executeCommand('talkCapture.startTalk', { scheduleKey: key, sessionId: next.id });
  };

  const setRunning = async (talk: RunningTalkInfo | undefined) => {
    api.runningTalk = talk;
    if (timer) clearInterval(timer);
    timer = undefined;
    if (talk) timer = setInterval(render, 1000);
    render();
    await state.update(STATE_KEY, talk);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, !!talk);
  };

  const end = async (quiet = false) => {
    const talk = api.runningTalk;
    if (!talk) {
      if (!quiet) void vscode.window.showInformationMessage('Talk Capture: no talk is running.');
      return;
    }
    await setRunning(undefined);
    // Remembered per note and talk: slide photos taken until now go under this talk.
    await rememberTalkEnd(state, talk.uri, talk.title, new Date(scheduleNow()));
    if (!quiet) vscode.window.setStatusBarMessage(`$(debug-stop) ${shortTitle(talk.title)} ended after ${formatElapsed(Date.now() - talk.startedAt)}`, 5000);
  };

  /** A session given by the Schedule view or Start Next Talk, in the running talk's note or the active one. */
  const startSession = async (target: { scheduleKey: string; sessionId: string }): Promise<ScheduledInsert | undefined> => {
    const store = scheduleApi(ctx).store;
    const schedule = await store.read(target.scheduleKey);
    const session = schedule?.sessions.find((s) => s.id === target.sessionId);
    if (!schedule || !session) {
      void vscode.window.showWarningMessage('Talk Capture: that session is no longer in the imported schedule.');
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
    return insertSession(editor, schedule, session, { source: target.scheduleKey, key: target.scheduleKey });
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
    await setRunning({
      title: inserted.title,
      heading: inserted.heading,
      uri: inserted.doc.uri.toString(),
      line: inserted.line,
      startedAt: Date.now(),
      ...(scheduled ? { sessionEnd: scheduled.session.end, sessionId: scheduled.session.id, scheduleKey: scheduled.ref.key } : {}),
    } as ScheduledTalkInfo);
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
    const line = findHeadingLine(doc, talk);
    if (line === undefined) {
      void vscode.window.showWarningMessage(`Talk Capture: the heading of “${talk.title}” is no longer in the note.`);
      await vscode.window.showTextDocument(doc, { preview: false });
      return;
    }
    talk.line = line;
    // The cursor goes to the end of the talk's notes, where writing goes on.
    const a = analysisOf(doc);
    const section = findTalkAt(a.model, line + 1);
    const last = section ? lastContentLine(a.blocks.lines, line + 1, section.endLine) : line + 1;
    const pos = doc.lineAt(Math.max(line, last - 1)).range.end;
    const editor = await placeCursor(doc, pos);
    editor.revealRange(new vscode.Range(line, 0, pos.line, pos.character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  // Keep the heading's line current while the note is edited above it.
  const follow = vscode.workspace.onDidChangeTextDocument((e) => {
    const talk = api.runningTalk;
    if (!talk || e.document.uri.toString() !== talk.uri) return;
    for (const c of e.contentChanges) {
      if (c.range.end.line < talk.line || (c.range.end.line === talk.line && c.range.end.character === 0 && c.range.start.line < talk.line)) {
        const added = (c.text.match(/\n/g) ?? []).length;
        talk.line += added - (c.range.end.line - c.range.start.line);
      }
    }
  });

  ctx.extension.subscriptions.push(item, follow, { dispose: () => timer && clearInterval(timer) });
  registerCommand(ctx, 'talkCapture.startTalk', 'Start Talk Now', async (arg) => {
    await start(arg);
  });
  registerCommand(ctx, 'talkCapture.endTalk', 'End Talk', () => end());
  registerCommand(ctx, 'talkCapture.revealRunningTalk', 'Reveal Running Talk', reveal);

  // A talk that was running when the window closed goes on (cheap: one memento read).
  const saved = state.get<RunningTalkInfo>(STATE_KEY);
  if (saved && typeof saved.title === 'string' && typeof saved.startedAt === 'number' && typeof saved.uri === 'string') {
    void setRunning({ ...saved, line: typeof saved.line === 'number' ? saved.line : 0, heading: String(saved.heading ?? '') });
  } else {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
  }
}
