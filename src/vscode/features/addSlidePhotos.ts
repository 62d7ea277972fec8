/**
 * Add Slide Photos…: the editor's side of src/language/addSlidePhotos.ts. Picks photos or a
 * folder (an open dialog), shows a progress notification with Cancel while they are read and
 * converted, then the preview as a multi-select quick pick whose rows' buttons change a photo's
 * talk or accept the file's time for a photo without one; applies the note's lines as one undo
 * step. What is placed where, the images written and the messages are the language feature's.
 */
import * as vscode from 'vscode';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import type { PhotosApi, PhotoPreviewRow } from '../api';
import { isMarkdown, requireMarkdownEditor } from '../services/editor';
import { applyCoreEdits } from '../services/edits';
import { noteDocument } from '../services/language';
import { photosApi, slidePhotos } from '../services/slidePhotos';
import {
  addSlidePhotos,
  type AddPhotosArgs,
  type AddPhotosResult,
  type AddPhotosUi,
  type PhotoButton,
  type PhotoPreview,
  type PhotoPreviewItem,
} from '../../language/addSlidePhotos';
import type { SlidePhotos } from '../../language/slidePhotos';

interface Row extends vscode.QuickPickItem {
  item: PhotoPreviewItem;
}

const BUTTONS: Record<PhotoButton, vscode.QuickInputButton> = {
  changeTalk: { iconPath: new vscode.ThemeIcon('arrow-swap'), tooltip: 'Choose the talk (or leave the photo out)' },
  useFileTime: { iconPath: new vscode.ThemeIcon('history'), tooltip: 'No capture time in the photo: use the file’s time' },
};

export function registerAddSlidePhotos(ctx: FeatureContext): void {
  const api = photosApi(ctx);
  const photos = slidePhotos(ctx);
  registerCommand(ctx, 'talkCapture.addSlidePhotos', 'Add Slide Photos', (args) => run(api, photos, (args ?? {}) as AddPhotosArgs & { note?: string }));
}

function toUri(s: string): vscode.Uri {
  return /^[a-z][\w+.-]*:\/\//i.test(s) ? vscode.Uri.parse(s) : vscode.Uri.file(s);
}

async function noteEditorDoc(note: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (note) {
    const doc = await vscode.workspace.openTextDocument(toUri(note));
    return isMarkdown(doc) ? doc : undefined;
  }
  return requireMarkdownEditor('add slide photos')?.document;
}

async function run(api: PhotosApi, photos: SlidePhotos, args: AddPhotosArgs & { note?: string }): Promise<AddPhotosResult | undefined> {
  const doc = await noteEditorDoc(args.note);
  if (!doc) return undefined;
  const ui: AddPhotosUi = {
    pickPhotos: async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectFolders: true,
        canSelectMany: true,
        openLabel: 'Add Slide Photos',
        title: 'Slide photos: pick photos or a folder of photos',
        defaultUri: vscode.workspace.getWorkspaceFolder(doc.uri)?.uri,
      });
      return picked?.map((u) => u.toString());
    },
    progress: (title, task) =>
      Promise.resolve(
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
          task(
            (message, increment) => progress.report({ message, increment }),
            () => token.isCancellationRequested,
          ),
        ),
      ),
    preview: (preview) => showPreview(api, preview),
    tell: (message, warn) => {
      api.lastMessage = message;
      void (warn ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
    },
    apply: (version, edits) => applyCoreEdits(doc, version, edits),
  };
  return addSlidePhotos(photos, noteDocument(doc), { ...args, uris: args.uris?.map((s) => toUri(s).toString()) }, ui);
}

/** Shows the preview; resolves with the checked rows, or undefined (Escape). */
function showPreview(api: PhotosApi, preview: PhotoPreview): Promise<PhotoPreviewItem[] | undefined> {
  const qp = vscode.window.createQuickPick<Row>();
  qp.canSelectMany = true;
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.placeholder = 'Enter adds the checked photos under their talks (one undo step)';
  const refresh = () => {
    const items = preview.items().map((item): Row => ({ ...item, buttons: item.buttons.map((b) => BUTTONS[b]), item }));
    qp.title = preview.title;
    qp.items = items;
    qp.selectedItems = items.filter((i) => i.picked);
    api.lastPreview = items.map((i): PhotoPreviewRow => ({ label: i.label, description: i.description ?? '', detail: i.detail ?? '', picked: !!i.picked }));
  };
  refresh();
  return new Promise((resolve) => {
    // The talk's own pick hides the preview for a moment: that hide is not an Escape.
    let expectHide = false;
    const done = (value: PhotoPreviewItem[] | undefined) => {
      api.preview = undefined;
      subs.forEach((d) => d.dispose());
      qp.dispose();
      resolve(value);
    };
    const subs = [
      qp.onDidAccept(() => done(qp.selectedItems.map((r) => r.item))),
      qp.onDidHide(() => {
        if (expectHide) expectHide = false;
        else done(undefined);
      }),
      qp.onDidTriggerItemButton(async ({ item, button }) => {
        const file = item.item.file;
        if (!file) return;
        // The checked state of the rows shown, kept across a change of one row.
        const selected = new Set(qp.selectedItems);
        preview.keepChecked(
          qp.items.map((r) => r.item),
          qp.items.filter((r) => selected.has(r)).map((r) => r.item),
        );
        if (button === BUTTONS.useFileTime) preview.useFileTime(file);
        else {
          expectHide = true;
          const pick = await vscode.window.showQuickPick(preview.talkChoices(file), { title: 'Add Slide Photos: the talk of this photo', placeHolder: 'Under which talk?' });
          if (pick) preview.assignTalk(file, pick.line);
          qp.show();
        }
        refresh();
      }),
    ];
    api.preview = qp as unknown as vscode.QuickPick<vscode.QuickPickItem>;
    qp.show();
  });
}
