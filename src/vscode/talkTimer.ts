/**
 * Start Talk Now / End Talk / Reveal Running Talk: the talk heading (as New Talk…, with the
 * start time when talkCapture.talk.includeTime is on) and a status bar item
 * `$(record) Title 12:34` that counts up; clicking it goes back to the talk. One talk at a time;
 * the timer survives switching editors and reloading the window (kept in the workspace state).
 */
import * as vscode from 'vscode';
import { messageOf } from './command';
import type { FeatureContext } from './feature';
import { captureApi, type RunningTalkInfo } from './quickInput';
import { placeCursor, runNewTalk, viewTarget } from './talkInsert';
import { getNotes } from './notesCache';
import { lastContentLine, linesOf } from '../core/capture';
import { findTalkAt } from '../core/notes/query';

const STATE_KEY = 'talkCapture.runningTalk';
const CONTEXT_KEY = 'talkCapture.talkRunning';

/** `12:34`, or `1:02:03` past an hour. */
export function formatElapsed(ms: number): string {
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

  const text = () => (api.runningTalk ? `$(record) ${shortTitle(api.runningTalk.title)} ${formatElapsed(Date.now() - api.runningTalk.startedAt)}` : undefined);
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
    if (!quiet) vscode.window.setStatusBarMessage(`$(debug-stop) ${shortTitle(talk.title)} ended after ${formatElapsed(Date.now() - talk.startedAt)}`, 5000);
  };

  const start = async (arg?: unknown) => {
    const includeTime = vscode.workspace.getConfiguration('talkCapture').get<boolean>('talk.includeTime', false);
    const inserted = await runNewTalk(api, { withTime: includeTime, title: 'Start Talk Now', target: viewTarget(arg) });
    if (!inserted) return;
    // One talk at a time: a new one ends the one before.
    if (api.runningTalk) await end(true);
    await setRunning({
      title: inserted.title,
      heading: inserted.heading,
      uri: inserted.doc.uri.toString(),
      line: inserted.line,
      startedAt: Date.now(),
    });
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
    const model = getNotes(doc);
    const section = findTalkAt(model, line + 1);
    const last = section ? lastContentLine(linesOf(doc.getText()), line + 1, section.endLine) : line + 1;
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

  ctx.extension.subscriptions.push(
    item,
    follow,
    { dispose: () => timer && clearInterval(timer) },
    vscode.commands.registerCommand('talkCapture.startTalk', async (arg?: unknown) => {
      try {
        await start(arg);
      } catch (err) {
        ctx.log.error(`Start Talk Now: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        void vscode.window.showErrorMessage(`Talk Capture: Start Talk Now failed: ${messageOf(err)}`);
      }
    }),
    vscode.commands.registerCommand('talkCapture.endTalk', () => end()),
    vscode.commands.registerCommand('talkCapture.revealRunningTalk', reveal),
  );

  // A talk that was running when the window closed goes on (cheap: one memento read).
  const saved = state.get<RunningTalkInfo>(STATE_KEY);
  if (saved && typeof saved.title === 'string' && typeof saved.startedAt === 'number' && typeof saved.uri === 'string') {
    void setRunning({ ...saved, line: typeof saved.line === 'number' ? saved.line : 0, heading: String(saved.heading ?? '') });
  } else {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
  }
}
