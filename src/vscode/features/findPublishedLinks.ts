/**
 * Find Published Links…: the editor's side of src/language/publishedLinks.ts (the slides and
 * recordings of the note's talks, found after the conference on the session pages of the note's
 * schedule). The pages are read one at a time with a pause, under a progress notification with
 * Cancel (a cancelled run writes nothing into the note); what was read is kept with its date in
 * the extension's global storage. The preview is a multi-select quick pick whose rows can open
 * their session page or pick a session; Enter writes the chosen rows as one undo step against
 * the version read. Nothing is fetched without this command. No Node built-ins (browser build).
 */
import * as vscode from 'vscode';
import type { PublishedApi } from '../api';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import { isMarkdown, requireMarkdownEditor } from '../services/editor';
import { applyCoreEdits } from '../services/edits';
import { languageServices, noteDocument } from '../services/language';
import { captureApi, runStep } from '../services/quickInput';
import { noteSchedule } from '../services/scheduleStore';
import { publishedLineFormat, publishedPauseMs } from '../services/settings';
import type { TalkLinks } from '../../core/published/index';
import {
  missingScheduleMessage,
  PUBLISHED_NAME as NAME,
  PublishedLinks,
  type FindArgs,
  type FindOutcome,
  type PreviewAnswer,
  type PublishedPreview,
  type PublishedRow,
  type PublishedUi,
  type SessionChoice,
} from '../../language/publishedLinks';

interface RowItem extends vscode.QuickPickItem {
  row: PublishedRow;
}

const OPEN_PAGE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Open the session page' };
const PICK_SESSION: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('search'), tooltip: 'Pick the session…' };

/** A browser's web worker has no process object; its fetch is refused by most sites (cross-origin). */
const inBrowser = () => typeof (globalThis as { process?: unknown }).process === 'undefined';

function cacheUri(ctx: FeatureContext): vscode.Uri {
  return vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'published-cache.json');
}

export function registerFindPublishedLinks(ctx: FeatureContext): void {
  const api: PublishedApi = {
    lastPreview: undefined,
    lastMessage: undefined,
    resetCache: async () => {
      await vscode.workspace.fs.delete(cacheUri(ctx)).then(undefined, () => undefined);
    },
  };
  ctx.api.published = api;
  // The cache in the extension's global storage (workspace.fs: also in a browser).
  const finder = new PublishedLinks({
    ...languageServices(ctx),
    pauseMs: publishedPauseMs,
    lineFormat: (uri) => publishedLineFormat(vscode.Uri.parse(uri)),
    readCache: async () => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(cacheUri(ctx))),
    writeCache: async (json) => {
      await vscode.workspace.fs.createDirectory(ctx.extension.globalStorageUri);
      await vscode.workspace.fs.writeFile(cacheUri(ctx), new TextEncoder().encode(json));
    },
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    inBrowser,
    log: { warn: (message) => ctx.log.warn(message) },
  });
  registerCommand(ctx, 'talkCapture.findPublishedLinks', NAME, (args) => findPublishedLinks(ctx, api, finder, (args ?? {}) as FindArgs & { uri?: string | vscode.Uri }));
}

async function noteOf(uri: string | vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) {
    const doc = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
    return isMarkdown(doc) ? doc : undefined;
  }
  return requireMarkdownEditor('find the published links of its talks')?.document;
}

async function findPublishedLinks(
  ctx: FeatureContext,
  api: PublishedApi,
  finder: PublishedLinks,
  args: FindArgs & { uri?: string | vscode.Uri },
): Promise<FindOutcome | undefined> {
  const doc = await noteOf(args.uri);
  if (!doc) return undefined;
  const ui = editorUi(ctx, api, doc);
  const note = await noteSchedule(ctx, doc);
  if (!note?.schedule) {
    void ui.tell('warning', missingScheduleMessage(note?.ref.source), 'Import Conference Schedule…').then((a) => {
      if (a) void vscode.commands.executeCommand('talkCapture.importSchedule');
    });
    return undefined;
  }
  return finder.run(noteDocument(doc), note.schedule, args, ui);
}

/** The command's progress, preview, session pick, messages and edits in this editor. */
function editorUi(ctx: FeatureContext, api: PublishedApi, doc: vscode.TextDocument): PublishedUi {
  return {
    progress: (task) =>
      Promise.resolve(
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Talk Capture: ${NAME}`, cancellable: true }, async (progress, token) => {
          const ctrl = new AbortController();
          const sub = token.onCancellationRequested(() => ctrl.abort());
          try {
            return await task(ctrl.signal, (message, increment) => progress.report({ message, increment: increment || undefined }));
          } finally {
            sub.dispose();
          }
        }),
      ),
    previewed: (rows) => {
      api.lastPreview = rows.map((r) => ({ label: r.label, description: r.description, detail: r.detail, picked: r.picked }));
    },
    preview: (preview) => showPreview(ctx, preview),
    pickSession: (talk, choices) => askSession(ctx, talk, choices),
    openPage: (url) => void vscode.env.openExternal(vscode.Uri.parse(url)),
    tell: (kind, message, ...actions) => {
      api.lastMessage = message;
      return Promise.resolve(kind === 'info' ? vscode.window.showInformationMessage(message, ...actions) : vscode.window.showWarningMessage(message, ...actions));
    },
    apply: (version, edits) => applyCoreEdits(doc, version, edits),
  };
}

/** The preview (a multi-select quick pick, the sure rows selected); undefined on Escape. */
function showPreview(ctx: FeatureContext, preview: PublishedPreview): Promise<PreviewAnswer | undefined> {
  const qp = vscode.window.createQuickPick<RowItem>();
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const items: RowItem[] = preview.rows.map((row) => ({
    label: row.label,
    description: row.description,
    detail: row.detail,
    row,
    buttons: [...(row.page ? [OPEN_PAGE] : []), PICK_SESSION],
  }));
  qp.items = items;
  qp.selectedItems = items.filter((i) => i.row.picked);
  qp.placeholder = preview.placeholder;
  return runStep<PreviewAnswer>(captureApi(ctx), qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, { name: 'publishedPreview', title: preview.title }, (finish) => [
    qp.onDidAccept(() => finish({ lines: new Set(qp.selectedItems.map((i) => i.row.line)) })),
    qp.onDidTriggerItemButton((e) => {
      const page = e.item.row.page;
      finish(e.button === OPEN_PAGE && page ? { open: page } : { pickFor: e.item.row.talk });
    }),
  ]);
}

interface SessionItem extends vscode.QuickPickItem {
  id: string;
}

/** A session for a talk among the choices (the matcher's candidates first): its id, or undefined. */
function askSession(ctx: FeatureContext, talk: TalkLinks, choices: readonly SessionChoice[]): Promise<string | undefined> {
  const items = choices.map((c) => ('separator' in c ? { label: c.separator, kind: vscode.QuickPickItemKind.Separator, id: '' } : c));
  const qp = vscode.window.createQuickPick<SessionItem>();
  qp.items = items;
  qp.matchOnDescription = true;
  qp.placeholder = `The session of “${talk.title}” (line ${talk.line}); type to filter`;
  return runStep<string>(captureApi(ctx), qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, { name: 'publishedSession', title: NAME }, (finish) => [
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      if (picked) finish(picked.id);
    }),
  ]);
}
