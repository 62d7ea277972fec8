import * as vscode from 'vscode';
import type { TalkCaptureApi } from './vscode/api';
import type { Feature } from './vscode/services/feature';
import { registerAnalysisApi } from './vscode/services/analysis';
import { registerTalksView } from './vscode/features/talksView';
import { registerTodosView } from './vscode/features/todosView';
import { registerProjectLinking } from './vscode/features/linkCommands';
import { registerUpdateLandscapeIndex } from './vscode/features/updateLandscapeIndex';
import { registerCompletion } from './vscode/features/completion';
import { registerHover } from './vscode/features/hover';
import { registerProjectDiagnostics } from './vscode/features/projectDiagnostics';
import { registerNewConferenceNotes } from './vscode/features/newConferenceNotes';
import { registerInsertDayHeading } from './vscode/features/insertDayHeading';
import { registerNewTalk } from './vscode/features/newTalk';
import { registerToggleHiddenDraft } from './vscode/features/toggleHiddenDraft';
import { registerTalkTimer } from './vscode/features/talkTimer';
import { registerTodoCommands } from './vscode/features/todoCommands';
import { registerFrontMatterCommands } from './vscode/features/frontMatterCommands';
import { registerPublishCheck } from './vscode/features/publishCheck';
import { registerScheduleImport } from './vscode/features/scheduleImport';
import { registerScheduleView } from './vscode/features/scheduleView';
import { registerFinishPost } from './vscode/features/finishPost';
import { registerAddSlidePhotos } from './vscode/features/addSlidePhotos';
import { registerPhotoDrop } from './vscode/features/photoDrop';
import { registerFindPublishedLinks } from './vscode/features/findPublishedLinks';
import { stackOf } from './core/util/errors';

const features: Array<[string, Feature]> = [
  ['note analysis', registerAnalysisApi],
  ['talks view', registerTalksView],
  ['TODO links view', registerTodosView],
  ['project linking', registerProjectLinking],
  ['Update Landscape Index', registerUpdateLandscapeIndex],
  ['completion', registerCompletion],
  ['hover', registerHover],
  ['project diagnostics', registerProjectDiagnostics],
  ['New Conference Notes', registerNewConferenceNotes],
  ['Insert Day Heading', registerInsertDayHeading],
  ['New Talk', registerNewTalk],
  ['Toggle Hidden Draft', registerToggleHiddenDraft],
  ['talk timer', registerTalkTimer],
  ['TODO commands', registerTodoCommands],
  ['front matter commands', registerFrontMatterCommands],
  ['publish check', registerPublishCheck],
  ['schedule import', registerScheduleImport],
  ['schedule view', registerScheduleView],
  ['Finish Post', registerFinishPost],
  ['Add Slide Photos', registerAddSlidePhotos],
  ['photo drop and paste', registerPhotoDrop],
  ['Find Published Links', registerFindPublishedLinks],
];

export function activate(context: vscode.ExtensionContext): TalkCaptureApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Talk Capture', { log: true });
  context.subscriptions.push(log);
  const api: TalkCaptureApi = { activationMs: 0 };
  for (const [name, register] of features) {
    try {
      register({ extension: context, api, log });
    } catch (err) {
      // One broken feature must not take the others down with it.
      log.error(`Could not start the ${name}: ${stackOf(err)}`);
    }
  }
  api.activationMs = performance.now() - started;
  // The browser build (vscode.dev, github.dev) runs in a web worker, which has no process object.
  const host = typeof (globalThis as { process?: unknown }).process === 'undefined' ? 'the browser’s web-worker extension host' : 'the Node extension host';
  log.info(`Talk Capture activated in ${api.activationMs.toFixed(1)} ms, in ${host}`);
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
