/**
 * Add Slide Photos…: pick photos or a folder; a progress notification (with Cancel: nothing is
 * written) while they are read and converted; then a preview (a multi-select quick pick): each
 * photo with its capture time and the talk it goes to, or why it goes nowhere; a row's button
 * changes its talk or accepts the file's time for a photo without one; links decoded from QR codes
 * on the slides are offered unchecked. Enter writes the images (never over a file) and the
 * note's lines as one undo step; when the note changed meanwhile nothing stays written.
 */
import * as vscode from 'vscode';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import type { PhotosApi, PhotoPreviewRow } from '../api';
import { isMarkdown, requireMarkdownEditor } from '../services/editor';
import { applyCoreEdits } from '../services/edits';
import { analysisOf } from '../services/analysis';
import { editsFor, looksLikePhoto, noteContext, photosApi, planFor, readOne, rememberWritten, removeImages, withFileTime, writeImages } from '../services/slidePhotos';
import type { NoteContext, PhotoSource, ReadPhoto } from '../services/slidePhotos';
import { allTalks } from '../../core/notes/query';
import { decodeQrLinks, type ChosenLink, type PhotoPlan, type PhotoRow } from '../../core/photos/index';
import { plural } from '../../core/util/plural';
import { messageOf } from '../../core/util/errors';

/** Arguments for scripted use and the tests: photo files or folders, the note, apply without the preview. */
interface AddPhotosArgs {
  uris?: string[];
  note?: string;
  accept?: boolean;
}

/** What the command resolves to: the images written (relative to the workspace) and the rows applied. */
interface AddPhotosResult {
  written: string[];
  rows: PhotoRow[];
}

interface Row extends vscode.QuickPickItem {
  file?: string;
  link?: ChosenLink;
}

const CHANGE_TALK: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('arrow-swap'), tooltip: 'Choose the talk (or leave the photo out)' };
const USE_FILE_TIME: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('history'), tooltip: 'No capture time in the photo: use the file’s time' };

export function registerAddSlidePhotos(ctx: FeatureContext): void {
  const api = photosApi(ctx);
  registerCommand(ctx, 'talkCapture.addSlidePhotos', 'Add Slide Photos', (args) => addSlidePhotos(ctx, api, (args ?? {}) as AddPhotosArgs));
}

function toUri(s: string): vscode.Uri {
  return /^[a-z][\w+.-]*:\/\//i.test(s) ? vscode.Uri.parse(s) : vscode.Uri.file(s);
}

async function noteEditorDoc(args: AddPhotosArgs): Promise<vscode.TextDocument | undefined> {
  if (args.note) {
    const doc = await vscode.workspace.openTextDocument(toUri(args.note));
    return isMarkdown(doc) ? doc : undefined;
  }
  return requireMarkdownEditor('add slide photos')?.document;
}

/** The photo files of the picked files and folders (a folder's own files with an image extension, by name). */
async function photoSources(uris: readonly vscode.Uri[]): Promise<PhotoSource[]> {
  const files: vscode.Uri[] = [];
  for (const uri of uris) {
    const stat = await vscode.workspace.fs.stat(uri).then(undefined, (err: unknown) => {
      throw new Error(`${uri.scheme === 'file' ? uri.fsPath : uri.toString()} cannot be read (${messageOf(err)})`);
    });
    if (stat.type & vscode.FileType.Directory) {
      const entries = await vscode.workspace.fs.readDirectory(uri);
      const names = entries.filter(([name, type]) => type & vscode.FileType.File && looksLikePhoto(name)).map(([name]) => name);
      files.push(...names.sort().map((name) => vscode.Uri.joinPath(uri, name)));
    } else files.push(uri);
  }
  const seen = new Set<string>();
  return files.filter((u) => !seen.has(u.toString()) && seen.add(u.toString())).map((uri) => ({ key: vscode.workspace.asRelativePath(uri, false), uri }));
}

/** Reads and converts the photos under a progress notification; undefined when cancelled. */
function readAll(note: NoteContext, sources: readonly PhotoSource[]): Thenable<{ photos: Map<string, ReadPhoto>; links: Record<string, string[]> } | undefined> {
  const title = `Talk Capture: reading ${plural(sources.length, 'photo')}`;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const photos = new Map<string, ReadPhoto>();
    const links: Record<string, string[]> = {};
    for (const source of sources) {
      if (token.isCancellationRequested) return undefined;
      progress.report({ message: source.key, increment: 100 / sources.length });
      const read = await readOne(source, note, (bytes, info) => {
        try {
          links[source.key] = decodeQrLinks(bytes, info);
        } catch {
          // A slide without a readable QR code has no links.
        }
      });
      photos.set(source.key, read);
    }
    return token.isCancellationRequested ? undefined : { photos, links };
  });
}

/** `2026-03-24 14:32` in the photo's own offset (the ISO text as written), or in the note's zone. */
function shownTime(taken: string | null, zone: string, fromFile: boolean): string {
  if (!taken) return 'no capture time';
  if (!fromFile) return taken.slice(0, 16).replace('T', ' ');
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${f.format(new Date(taken)).replace(',', '')} (file time)`;
}

class Preview {
  readonly assign: Record<string, number | null> = {};
  readonly fileTime = new Set<string>();
  readonly unpicked = new Set<string>();
  readonly pickedLinks = new Set<string>();
  plan: PhotoPlan;

  constructor(
    private readonly note: NoteContext,
    private readonly photos: ReadonlyMap<string, ReadPhoto>,
    private readonly links: Record<string, string[]>,
  ) {
    this.plan = this.replan();
  }

  replan(): PhotoPlan {
    const infos = [...this.photos.values()].map((p) => (this.fileTime.has(p.info.file) && p.fileTime !== undefined ? withFileTime(p.info, p.fileTime) : p.info));
    this.plan = planFor(this.note, infos, this.assign, this.links);
    return this.plan;
  }

  items(): Row[] {
    const rows: Row[] = [];
    for (const r of this.plan.rows) {
      const read = this.photos.get(r.file);
      const noTime = !r.taken && read?.fileTime !== undefined && !read.info.problem;
      const buttons = [...(r.taken || !read?.info.problem ? [CHANGE_TALK] : []), ...(noTime ? [USE_FILE_TIME] : [])];
      rows.push({
        label: `$(file-media) ${r.file}`,
        description: shownTime(r.taken, this.note.options.timeZone, this.fileTime.has(r.file)),
        detail: r.talk ? `→ ${r.talk.title}  (${r.target ?? ''})` : `not placed: ${r.reason ?? 'no talk'}`,
        picked: !!r.talk && !this.unpicked.has(r.file),
        file: r.file,
        buttons,
      });
      const talk = r.talk;
      if (!talk) continue;
      for (const url of r.links) {
        const key = `${talk.line} ${url}`;
        rows.push({ label: `$(link) link from the slides: ${url}`, detail: `in ${talk.title}`, picked: this.pickedLinks.has(key), link: { talkLine: talk.line, url } });
      }
    }
    return rows;
  }

  /** The rows to write: the checked placed photos. */
  chosen(picked: readonly Row[]): { rows: PhotoRow[]; links: ChosenLink[] } {
    const files = new Set(picked.map((p) => p.file).filter((f): f is string => !!f));
    for (const r of this.plan.rows) if (r.talk && !files.has(r.file)) this.assign[r.file] = null;
    const plan = this.replan();
    return { rows: plan.rows.filter((r) => r.talk && files.has(r.file)), links: picked.map((p) => p.link).filter((l): l is ChosenLink => !!l) };
  }
}

/** The note's talks to choose from, and "leave it out". */
async function chooseTalk(doc: vscode.TextDocument, current: number | undefined): Promise<number | null | undefined> {
  const talks = allTalks(analysisOf(doc).model);
  const items = [
    ...talks.map((t) => ({ label: t.title, description: t.line === current ? 'now' : `line ${t.line}`, line: t.line as number | null })),
    { label: '$(close) Leave it out', description: '', line: null as number | null },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'Add Slide Photos: the talk of this photo', placeHolder: 'Under which talk?' });
  return pick ? pick.line : undefined;
}

/** Shows the preview; resolves with the checked rows, or undefined (Escape). */
function showPreview(api: PhotosApi, note: NoteContext, preview: Preview): Promise<Row[] | undefined> {
  const qp = vscode.window.createQuickPick<Row>();
  qp.canSelectMany = true;
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.placeholder = 'Enter adds the checked photos under their talks (one undo step)';
  // The checked state of the rows shown, kept across a change of one row.
  const sync = () => {
    for (const item of qp.items) {
      const on = qp.selectedItems.includes(item);
      if (item.file && item.detail?.startsWith('→')) {
        if (on) preview.unpicked.delete(item.file);
        else preview.unpicked.add(item.file);
      }
      const key = item.link ? `${item.link.talkLine} ${item.link.url}` : undefined;
      if (key && on) preview.pickedLinks.add(key);
      else if (key) preview.pickedLinks.delete(key);
    }
  };
  const refresh = () => {
    const items = preview.items();
    const placed = preview.plan.rows.filter((r) => r.talk).length;
    qp.title = `Add Slide Photos: ${placed} of ${preview.plan.rows.length} placed`;
    qp.items = items;
    qp.selectedItems = items.filter((i) => i.picked);
    api.lastPreview = items.map((i): PhotoPreviewRow => ({ label: i.label, description: i.description ?? '', detail: i.detail ?? '', picked: !!i.picked }));
  };
  refresh();
  return new Promise((resolve) => {
    // The talk's own pick hides the preview for a moment: that hide is not an Escape.
    let expectHide = false;
    const done = (value: Row[] | undefined) => {
      api.preview = undefined;
      subs.forEach((d) => d.dispose());
      qp.dispose();
      resolve(value);
    };
    const subs = [
      qp.onDidAccept(() => done([...qp.selectedItems])),
      qp.onDidHide(() => {
        if (expectHide) expectHide = false;
        else done(undefined);
      }),
      qp.onDidTriggerItemButton(async ({ item, button }) => {
        if (!item.file) return;
        const file = item.file;
        sync();
        if (button === USE_FILE_TIME) {
          preview.fileTime.add(file);
          preview.unpicked.delete(file);
        } else {
          expectHide = true;
          const row = preview.plan.rows.find((r) => r.file === file);
          const line = await chooseTalk(note.doc, row?.talk?.line);
          if (line !== undefined) preview.assign[file] = line;
          if (line !== undefined && line !== null) preview.unpicked.delete(file);
          qp.show();
        }
        preview.replan();
        refresh();
      }),
    ];
    api.preview = qp as unknown as vscode.QuickPick<vscode.QuickPickItem>;
    qp.show();
  });
}

async function addSlidePhotos(ctx: FeatureContext, api: PhotosApi, args: AddPhotosArgs): Promise<AddPhotosResult | undefined> {
  const doc = await noteEditorDoc(args);
  if (!doc) return undefined;
  if (doc.isUntitled) {
    api.lastMessage = 'Talk Capture: save the note first: its slide photos are written beside it.';
    void vscode.window.showInformationMessage(api.lastMessage);
    return undefined;
  }
  let picked = args.uris?.map(toUri);
  if (!picked) {
    picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      openLabel: 'Add Slide Photos',
      title: 'Slide photos: pick photos or a folder of photos',
      defaultUri: vscode.workspace.getWorkspaceFolder(doc.uri)?.uri,
    });
    if (!picked || picked.length === 0) return undefined;
  }
  const tell = (message: string, warn = false) => {
    api.lastMessage = `Talk Capture: ${message}`;
    void (warn ? vscode.window.showWarningMessage(api.lastMessage) : vscode.window.showInformationMessage(api.lastMessage));
  };
  const sources = await photoSources(picked);
  if (sources.length === 0) {
    tell('no photos there (JPEG, PNG, HEIC or WebP files).');
    return undefined;
  }
  const note = await noteContext(ctx, doc);
  const read = await readAll(note, sources);
  if (!read) {
    tell('reading the photos was cancelled; nothing was written.');
    return undefined;
  }
  const preview = new Preview(note, read.photos, read.links);
  let chosen: { rows: PhotoRow[]; links: ChosenLink[] };
  if (args.accept) chosen = preview.chosen(preview.items().filter((i) => i.picked && i.file));
  else {
    const picks = await showPreview(api, note, preview);
    if (!picks) return undefined;
    chosen = preview.chosen(picks);
  }
  if (chosen.rows.length === 0 && chosen.links.length === 0) {
    tell('no photo was placed under a talk; nothing was written.');
    return undefined;
  }
  if (doc.version !== note.version) {
    tell('the note changed while the photos were read; nothing was written. Run Add Slide Photos… again.', true);
    return undefined;
  }
  const edits = editsFor(note, chosen.rows, chosen.links);
  const written = await writeImages(note, chosen.rows, read.photos);
  if (!(await applyCoreEdits(doc, note.version, edits))) {
    await removeImages(written);
    tell('the note changed while the images were written; they were removed and nothing was added. Run Add Slide Photos… again.', true);
    return undefined;
  }
  await rememberWritten(ctx.extension.workspaceState, doc.uri.toString(), chosen.rows);
  const talks = new Set(chosen.rows.map((r) => r.talk?.line)).size;
  const left = preview.plan.rows.length - chosen.rows.length;
  tell(`added ${plural(chosen.rows.length, 'slide photo')} under ${plural(talks, 'talk')}${left ? ` (${left} left out)` : ''}.`);
  return { written: written.map((u) => vscode.workspace.asRelativePath(u, false)), rows: chosen.rows };
}
