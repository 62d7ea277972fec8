/**
 * Drop and paste of slide photos into a note: our own edit (kind
 * `markdown.link.image.talkCapture`, a sub-kind of VS Code's `markdown.link.image`, so the
 * built-in Markdown drop and paste stay offered in the widget) puts the image under the talk it
 * was taken in (the core's plan), not at the cursor; a photo without a capture time goes under
 * the talk at the cursor, else the running talk. The edit writes the image (never over a file)
 * and the note's line together: one undo step. The paste API is stable from VS Code 1.97: the
 * paste provider is registered only where it exists.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../services/feature';
import { toVsRange } from '../services/edits';
import { noteDocument } from '../services/language';
import { photosApi, slidePhotos } from '../services/slidePhotos';
import { looksLikePhoto, type PhotoSource, type SlidePhotos } from '../../language/slidePhotos';
import { photoDrop } from '../../language/photoDrop';

const KIND = 'markdown.link.image.talkCapture';
const TITLE = 'Insert slide photo under its talk (Talk Capture)';
const MIME_TYPES = ['image/*', 'text/uri-list'];

/** The parts of the VS Code 1.97 API used here (the types the extension builds against are older). */
interface EditKind {
  readonly value: string;
}
interface NewerVscode {
  DocumentDropOrPasteEditKind?: { Empty: { append(...parts: string[]): EditKind } };
  DocumentPasteEdit?: new (insertText: string, title: string, kind: EditKind) => { additionalEdit?: vscode.WorkspaceEdit };
}
interface PasteProvider {
  provideDocumentPasteEdits(
    doc: vscode.TextDocument,
    ranges: readonly vscode.Range[],
    data: vscode.DataTransfer,
    context: unknown,
    token: vscode.CancellationToken,
  ): Promise<unknown[] | undefined>;
}
interface NewerLanguages {
  registerDocumentDropEditProvider(selector: vscode.DocumentSelector, provider: vscode.DocumentDropEditProvider, metadata?: object): vscode.Disposable;
  registerDocumentPasteEditProvider?(selector: vscode.DocumentSelector, provider: PasteProvider, metadata: object): vscode.Disposable;
}

/** The photos in a drop or paste: files (from the OS, the clipboard), else image files of a URI list (the Explorer). */
async function sourcesOf(data: vscode.DataTransfer): Promise<PhotoSource[]> {
  const sources: PhotoSource[] = [];
  const names = new Set<string>();
  const add = (s: PhotoSource) => {
    if (names.has(s.key)) return;
    names.add(s.key);
    sources.push(s);
  };
  data.forEach((item, mime) => {
    const file = mime.startsWith('image/') ? item.asFile() : undefined;
    if (file) add({ key: file.uri ? vscode.workspace.asRelativePath(file.uri, false) : file.name, uri: file.uri?.toString(), data: () => file.data() });
  });
  if (sources.length > 0) return sources;
  const list = await data.get('text/uri-list')?.asString();
  for (const line of (list ?? '').split(/\r?\n/)) {
    const s = line.trim();
    if (!s || s.startsWith('#')) continue;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(s, true);
    } catch {
      continue;
    }
    if (looksLikePhoto(uri.path)) add({ key: vscode.workspace.asRelativePath(uri, false), uri: uri.toString() });
  }
  return sources;
}

/** The workspace edit that writes the photos and adds their lines, or undefined (nothing to place: other providers go on). */
async function photoEdit(
  ctx: FeatureContext,
  photos: SlidePhotos,
  doc: vscode.TextDocument,
  line0: number,
  data: vscode.DataTransfer,
  token: vscode.CancellationToken,
): Promise<vscode.WorkspaceEdit | undefined> {
  if (doc.isUntitled) return undefined;
  const running = ctx.api.capture?.runningTalk;
  const runningLine = running && running.uri === doc.uri.toString() ? running.line : undefined;
  const drop = await photoDrop(photos, noteDocument(doc), line0, await sourcesOf(data), runningLine, () => token.isCancellationRequested);
  if (!drop) return undefined;
  const api = photosApi(ctx);
  api.lastMessage = drop.message;
  if (!drop.files) {
    vscode.window.setStatusBarMessage(drop.message, 8000);
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const f of drop.files) edit.createFile(vscode.Uri.parse(f.uri), { contents: f.bytes, overwrite: false, ignoreIfExists: false });
  for (const e of drop.edits) edit.replace(doc.uri, toVsRange(e.range), e.newText);
  return edit;
}

export function registerPhotoDrop(ctx: FeatureContext): void {
  const api = photosApi(ctx);
  const photos = slidePhotos(ctx);
  const newer = vscode as unknown as NewerVscode;
  const languages = vscode.languages as unknown as NewerLanguages;
  const kind = newer.DocumentDropOrPasteEditKind?.Empty.append(...KIND.split('.'));
  const selector: vscode.DocumentSelector = { language: 'markdown' };

  const dropProvider: vscode.DocumentDropEditProvider = {
    async provideDocumentDropEdits(doc, position, data, token) {
      const additionalEdit = await photoEdit(ctx, photos, doc, position.line, data, token);
      if (!additionalEdit) return undefined;
      // Nothing at the cursor: the image goes under its talk.
      const edit = new vscode.DocumentDropEdit('');
      edit.additionalEdit = additionalEdit;
      return kind ? Object.assign(edit, { title: TITLE, kind }) : edit;
    },
  };
  api.dropProvider = dropProvider;
  ctx.extension.subscriptions.push(
    languages.registerDocumentDropEditProvider(selector, dropProvider, kind ? { providedDropEditKinds: [kind], dropMimeTypes: MIME_TYPES } : undefined),
  );

  const PasteEdit = newer.DocumentPasteEdit;
  if (!languages.registerDocumentPasteEditProvider || !PasteEdit || !kind) return;
  const pasteProvider: PasteProvider = {
    async provideDocumentPasteEdits(doc, ranges, data, _context, token) {
      const additionalEdit = await photoEdit(ctx, photos, doc, ranges[0]?.start.line ?? 0, data, token);
      if (!additionalEdit) return undefined;
      const edit = new PasteEdit('', TITLE, kind);
      edit.additionalEdit = additionalEdit;
      return [edit];
    },
  };
  ctx.extension.subscriptions.push(languages.registerDocumentPasteEditProvider(selector, pasteProvider, { providedPasteEditKinds: [kind], pasteMimeTypes: MIME_TYPES }));
  api.pasteRegistered = true;
}
