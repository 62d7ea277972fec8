/**
 * Slide photos in the editor: the services src/language/slidePhotos.ts is built with (the files
 * through `vscode.workspace.fs`: the browser build has no other file system; the workspace state;
 * the note's stored schedule; the photo settings), shared by Add Slide Photos… and the photo
 * drop and paste, and `api.photos`.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from './feature';
import type { PhotosApi } from '../api';
import { scheduleApi, storedScheduleOf, zoneOverride } from './scheduleStore';
import { analysisSettingsOf } from './analysis';
import { languageServices } from './language';
import { photoSettings } from './settings';
import { SlidePhotos, type PhotoFileSystem } from '../../language/slidePhotos';

const uriOf = (uri: string) => vscode.Uri.parse(uri);

/** The zone of capture times without an offset when the schedule has none: the setting's, else the machine's. */
function timeZone(): string {
  return zoneOverride() || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The workspace's files as the slide photos read and write them. */
const workspaceFiles: PhotoFileSystem = {
  stat: async (uri) => {
    const s = await vscode.workspace.fs.stat(uriOf(uri));
    return { directory: (s.type & vscode.FileType.Directory) !== 0, size: s.size, mtime: s.mtime };
  },
  readFile: async (uri) => vscode.workspace.fs.readFile(uriOf(uri)),
  readDirectory: async (uri) => (await vscode.workspace.fs.readDirectory(uriOf(uri))).map(([name, type]) => ({ name, file: (type & vscode.FileType.File) !== 0 })),
  createDirectory: async (uri) => vscode.workspace.fs.createDirectory(uriOf(uri)),
  writeFile: async (uri, bytes) => vscode.workspace.fs.writeFile(uriOf(uri), bytes),
  delete: async (uri) => vscode.workspace.fs.delete(uriOf(uri)),
  joinPath: (uri, ...segments) => vscode.Uri.joinPath(uriOf(uri), ...segments).toString(),
  relativePath: (uri) => vscode.workspace.asRelativePath(uriOf(uri), false),
  shownPath: (uri) => {
    const u = uriOf(uri);
    return u.scheme === 'file' ? u.fsPath : u.toString();
  },
  notePaths: (uri) => {
    const u = uriOf(uri);
    const folder = vscode.workspace.getWorkspaceFolder(u);
    if (folder) {
      const rel = u.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
      return { notePath: rel, workspacePath: rel };
    }
    return { notePath: u.path.replace(/^\/+/, ''), workspacePath: undefined };
  },
};

/** The slide photos of this editor. */
export function slidePhotos(ctx: FeatureContext): SlidePhotos {
  return new SlidePhotos({
    ...languageServices(ctx),
    files: workspaceFiles,
    state: ctx.extension.workspaceState,
    scheduleOf: (doc) => {
      scheduleApi(ctx); // the one store, made on first use
      return storedScheduleOf(doc);
    },
    photoSettings: (uri) => photoSettings(uriOf(uri)),
    analysisSettings: (uri) => analysisSettingsOf(uriOf(uri)),
    timeZone,
  });
}

/** `api.photos`, shared by Add Slide Photos… and the photo drop and paste. */
export function photosApi(ctx: FeatureContext): PhotosApi {
  ctx.api.photos ??= { lastPreview: undefined, preview: undefined, lastMessage: undefined, pasteRegistered: false };
  return ctx.api.photos;
}
