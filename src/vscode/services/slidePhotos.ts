/**
 * Slide photos in the editor: what Add Slide Photos… and the photo drop and paste share. The
 * note's context for the core's planner (schedule and its zone, remembered Start/End Talk times,
 * the Hugo site root, the names already in the image folder), reading and converting photos,
 * and writing the images through `vscode.workspace.fs` (never over an existing file; the browser
 * build has no other file system). The placing, naming and Markdown lines are the core's
 * (src/core/photos).
 */
import * as vscode from 'vscode';
import { fileExists } from './files';
import type { FeatureContext } from './feature';
import type { PhotosApi } from '../api';
import { noteSchedule, zoneOverride } from './scheduleStore';
import { analysisSettingsOf } from './analysis';
import { photoSettings, type PhotoSettings } from './settings';
import { talkTimesOf } from './talkTimes';
import { ancestorFolders, MAX_PHOTO_BYTES, photoEdits, photoFolder, planPhotos, processPhoto, readPhoto, SITE_ROOT_MARKERS } from '../../core/photos/index';
import { messageOf } from '../../core/util/errors';
import type { ChosenLink, PhotoAssignment, PhotoInfo, PhotoPlan, PhotoRow, PlanOptions, ProcessedPhoto } from '../../core/photos/index';
import type { TextEdit } from '../../core/document';

const HASHES_KEY = 'talkCapture.photoHashes';
const IMAGE_NAME = /\.(?:jpe?g|png|heic|heif|webp|gif|avif)$/i;

/** True for a file name a folder of photos is read for (by extension; the core checks the bytes). */
export function looksLikePhoto(name: string): boolean {
  return IMAGE_NAME.test(name);
}

/** A photo to read: a file (picked, dropped from the Explorer) or bytes from a drop or paste. */
export interface PhotoSource {
  /** Unique key and what the user reads (the file's name, or its workspace-relative path). */
  key: string;
  uri?: vscode.Uri;
  /** Bytes of a dropped or pasted file without a URI. */
  data?: () => Thenable<Uint8Array>;
}

/** One photo read: its info, its bytes converted for the post, and the file's own time. */
export interface ReadPhoto {
  info: PhotoInfo;
  processed: ProcessedPhoto | undefined;
  /** The file's modification time (ms), when it has one: offered for a photo without EXIF. */
  fileTime: number | undefined;
}

/** Everything the planner needs about a note, read once per command. */
export interface NoteContext {
  doc: vscode.TextDocument;
  version: number;
  text: string;
  noteDir: vscode.Uri;
  settings: PhotoSettings;
  options: Omit<PlanOptions, 'assign' | 'links'>;
}

/** The zone of capture times without an offset: the schedule's, the setting's, else the machine's. */
function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The note's path for the core: relative to its workspace folder when in one, else its URI's path. */
function notePathOf(doc: vscode.TextDocument): { notePath: string; workspacePath: string | undefined } {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (folder) {
    const rel = doc.uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    return { notePath: rel, workspacePath: rel };
  }
  return { notePath: doc.uri.path.replace(/^\/+/, ''), workspacePath: undefined };
}

/** The nearest folder at or above the note's with a Hugo marker (static/, hugo.toml, ...), relative to the note's folder. */
async function findSiteRoot(noteDir: vscode.Uri, notePath: string): Promise<string | null> {
  for (const rel of ancestorFolders(notePath)) {
    const dir = rel ? vscode.Uri.joinPath(noteDir, rel) : noteDir;
    for (const marker of SITE_ROOT_MARKERS) if (await fileExists(vscode.Uri.joinPath(dir, marker))) return rel;
  }
  return null;
}

/** The names already in a folder (none when it does not exist yet). */
async function namesIn(dir: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name);
  } catch {
    return [];
  }
}

/** Hashes of the photos this extension already linked in the note, when their link is still there. */
function linkedHashes(state: vscode.Memento, uri: string, text: string): string[] {
  const all = state.get<Record<string, Record<string, string>>>(HASHES_KEY) ?? {};
  const mine = all[uri] ?? {};
  return Object.keys(mine).filter((hash) => typeof mine[hash] === 'string' && text.includes(`(${mine[hash]})`));
}

/** Remembers the source hash of each photo written into the note (its link), for "already in the post". */
export async function rememberWritten(state: vscode.Memento, uri: string, rows: readonly PhotoRow[]): Promise<void> {
  const all = { ...(state.get<Record<string, Record<string, string>>>(HASHES_KEY) ?? {}) };
  const mine = { ...(all[uri] ?? {}) };
  for (const r of rows) if (r.url) mine[r.hash] = r.url;
  delete all[uri];
  all[uri] = mine;
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - 50))) delete all[k];
  await state.update(HASHES_KEY, all);
}

/** The note's context for the planner, read against the document's current version. */
export async function noteContext(ctx: FeatureContext, doc: vscode.TextDocument): Promise<NoteContext> {
  const version = doc.version;
  const text = doc.getText();
  const noteDir = vscode.Uri.joinPath(doc.uri, '..');
  const settings = photoSettings(doc.uri);
  const { notePath, workspacePath } = notePathOf(doc);
  const schedule = (await noteSchedule(ctx, doc).catch(() => undefined))?.schedule ?? null;
  const timeZone = schedule?.timeZone || zoneOverride() || machineZone();
  const siteRoot = doc.uri.scheme === 'untitled' ? null : await findSiteRoot(noteDir, notePath);
  const folderOptions = { siteRoot, destination: settings.destination || undefined, workspacePath };
  const folder = photoFolder(notePath, folderOptions);
  const notes = analysisSettingsOf(doc.uri);
  return {
    doc,
    version,
    text,
    noteDir,
    settings,
    options: {
      ...folderOptions,
      notePath,
      schedule,
      talkTimes: talkTimesOf(ctx.extension.workspaceState, doc.uri.toString()),
      timeZone,
      dayHeadingPattern: notes.dayHeadingPattern,
      fileName: notes.fileName,
      existingNames: await namesIn(folder.folder ? vscode.Uri.joinPath(noteDir, folder.folder) : noteDir),
      existingHashes: linkedHashes(ctx.extension.workspaceState, doc.uri.toString(), text),
    },
  };
}

/** A photo that cannot be read, as the core would describe it. */
function refused(file: string, size: number, problem: string): PhotoInfo {
  return { file, kind: 'other', size, width: null, height: null, orientation: 1, taken: null, takenMs: null, offsetKnown: false, hash: '', problem };
}

/**
 * Reads one photo and converts it for the post (resize, metadata). Never throws: a problem is
 * on `info.problem` (or `processed.problem`). `onBytes` sees the original bytes of a readable
 * photo (QR codes are decoded there).
 */
export async function readOne(source: PhotoSource, note: NoteContext, onBytes?: (bytes: Uint8Array, info: PhotoInfo) => void): Promise<ReadPhoto> {
  let fileTime: number | undefined;
  let bytes: Uint8Array;
  try {
    if (source.uri) {
      const stat = await vscode.workspace.fs.stat(source.uri);
      fileTime = stat.mtime > 0 ? stat.mtime : undefined;
      if (stat.size > MAX_PHOTO_BYTES) {
        const mb = (n: number) => Math.round(n / (1024 * 1024));
        return { info: refused(source.key, stat.size, `too large (${mb(stat.size)} MB; the limit is ${mb(MAX_PHOTO_BYTES)} MB)`), processed: undefined, fileTime };
      }
      bytes = await vscode.workspace.fs.readFile(source.uri);
    } else if (source.data) {
      bytes = await source.data();
    } else {
      return { info: refused(source.key, 0, 'unreadable: no data'), processed: undefined, fileTime };
    }
  } catch (err) {
    return { info: refused(source.key, 0, `unreadable: ${messageOf(err)}`), processed: undefined, fileTime };
  }
  const info = await readPhoto(source.key, bytes, { timeZone: note.options.timeZone });
  if (info.problem) return { info, processed: undefined, fileTime };
  onBytes?.(bytes, info);
  const processed = await processPhoto(bytes, info, { maxEdge: note.settings.maxEdge, keepMetadata: note.settings.keepMetadata }).catch((err: unknown): ProcessedPhoto => ({
    bytes: new Uint8Array(0),
    width: 0,
    height: 0,
    reencoded: false,
    problem: `unreadable: ${messageOf(err)}`,
  }));
  return { info: processed.problem ? { ...info, problem: processed.problem } : info, processed, fileTime };
}

/** The info of a photo without EXIF whose file time the user accepted: that time, in the note's zone. */
export function withFileTime(info: PhotoInfo, fileTime: number): PhotoInfo {
  return { ...info, taken: new Date(fileTime).toISOString(), takenMs: fileTime, offsetKnown: false };
}

/** The core's plan for these photos with the user's choices. */
export function planFor(note: NoteContext, infos: readonly PhotoInfo[], assign: PhotoAssignment = {}, links: Record<string, readonly string[]> = {}): PhotoPlan {
  return planPhotos(note.text, infos, { ...note.options, assign, links });
}

/** The note's lines for the placed rows (and the chosen QR links), against the text the plan read. */
export function editsFor(note: NoteContext, rows: readonly PhotoRow[], links: readonly ChosenLink[] = []): TextEdit[] {
  return photoEdits(note.text, rows, links, { dayHeadingPattern: note.options.dayHeadingPattern, fileName: note.options.fileName });
}

/** The image file of a placed row. */
export function targetUri(note: NoteContext, row: PhotoRow): vscode.Uri | undefined {
  return row.target ? vscode.Uri.joinPath(note.noteDir, ...row.target.split('/')) : undefined;
}

/**
 * Writes the images of the placed rows (never over an existing file). Resolves to the files
 * written, or throws after deleting the ones it wrote when one cannot be written.
 */
export async function writeImages(note: NoteContext, rows: readonly PhotoRow[], photos: ReadonlyMap<string, ReadPhoto>): Promise<vscode.Uri[]> {
  const written: vscode.Uri[] = [];
  try {
    for (const row of rows) {
      const uri = targetUri(note, row);
      const bytes = photos.get(row.file)?.processed?.bytes;
      if (!uri || !bytes || bytes.length === 0) continue;
      if (await fileExists(uri)) throw new Error(`${vscode.workspace.asRelativePath(uri)} already exists; nothing was overwritten`);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, bytes);
      written.push(uri);
    }
  } catch (err) {
    await removeImages(written);
    throw err;
  }
  return written;
}

/** Deletes images written for an edit that could not be applied. */
export async function removeImages(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
}

/** `api.photos`, shared by Add Slide Photos… and the photo drop and paste. */
export function photosApi(ctx: FeatureContext): PhotosApi {
  ctx.api.photos ??= { lastPreview: undefined, preview: undefined, lastMessage: undefined, pasteRegistered: false };
  return ctx.api.photos;
}
