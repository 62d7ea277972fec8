/**
 * Slide photos without the editor: what Add Slide Photos… and the photo drop and paste share.
 * The photos of picked files and folders, the note's context for the core's planner (schedule
 * and its zone, remembered Start/End Talk times, the Hugo site root, the names already in the
 * image folder, the photos already linked), reading and converting photos, and writing the
 * images (never over an existing file). The file system, the state store, the schedule and the
 * settings are passed in; URIs are strings, joined by the file system. The placing, naming and
 * Markdown lines are the core's (src/core/photos).
 */
import type { TextDocument, TextEdit } from '../core/document';
import { ancestorFolders, MAX_PHOTO_BYTES, photoEdits, photoFolder, planPhotos, processPhoto, readPhoto, SITE_ROOT_MARKERS } from '../core/photos/index';
import type { ChosenLink, PhotoAssignment, PhotoInfo, PhotoPlan, PhotoRow, PlanOptions, ProcessedPhoto } from '../core/photos/index';
import type { Schedule } from '../core/schedule/model';
import { messageOf } from '../core/util/errors';
import type { Analyses } from './services';
import { talkTimesOf, type StateStore } from './talkTimes';

const HASHES_KEY = 'talkCapture.photoHashes';
const IMAGE_NAME = /\.(?:jpe?g|png|heic|heif|webp|gif|avif)$/i;

/** True for a file name a folder of photos is read for (by extension; the core checks the bytes). */
export function looksLikePhoto(name: string): boolean {
  return IMAGE_NAME.test(name);
}

/** The file system the photos are read from and the images written to (the editor's workspace.fs). */
export interface PhotoFileSystem {
  /** Rejects when nothing is there. */
  stat(uri: string): Promise<{ directory: boolean; size: number; mtime: number }>;
  readFile(uri: string): Promise<Uint8Array>;
  readDirectory(uri: string): Promise<Array<{ name: string; file: boolean }>>;
  createDirectory(uri: string): Promise<void>;
  writeFile(uri: string, bytes: Uint8Array): Promise<void>;
  delete(uri: string): Promise<void>;
  /** The URI of a path under `uri` (`..` goes up). */
  joinPath(uri: string, ...segments: string[]): string;
  /** The path the person reads: relative to the workspace when in it. */
  relativePath(uri: string): string;
  /** The file's path for messages (its file system path, else the URI). */
  shownPath(uri: string): string;
  /** The note's path for the core: relative to its workspace folder when in one (`workspacePath` then too), else its URI's path. */
  notePaths(uri: string): { notePath: string; workspacePath: string | undefined };
}

interface SlidePhotoSettings {
  /** talkCapture.photos.destination, maxEdge and keepMetadata of the note's URI. */
  photoSettings(uri: string): { destination: string; maxEdge: number; keepMetadata: boolean };
  /** The day heading pattern and file name the note's analysis is read with. */
  analysisSettings(uri: string): { dayHeadingPattern?: string; fileName?: string };
  /** The zone of capture times without an offset when the schedule has none: talkCapture.schedule.timeZone, else the machine's. */
  timeZone(): string;
}

export type SlidePhotosServices = Analyses &
  SlidePhotoSettings & {
    files: PhotoFileSystem;
    /** The workspace state: remembered talk times and the photos linked. */
    state: StateStore;
    /** The note's stored schedule, if any. */
    scheduleOf(doc: TextDocument): Promise<Schedule | undefined>;
  };

/** A photo to read: a file (picked, dropped from the Explorer) or bytes from a drop or paste. */
export interface PhotoSource {
  /** Unique key and what the user reads (the file's name, or its workspace-relative path). */
  key: string;
  uri?: string;
  /** Bytes of a dropped or pasted file without a URI. */
  data?: () => PromiseLike<Uint8Array>;
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
  doc: TextDocument;
  version: number;
  text: string;
  noteDir: string;
  settings: { maxEdge: number; keepMetadata: boolean };
  options: Omit<PlanOptions, 'assign' | 'links'>;
}

/** A photo that cannot be read, as the core would describe it. */
function refused(file: string, size: number, problem: string): PhotoInfo {
  return { file, kind: 'other', size, width: null, height: null, orientation: 1, taken: null, takenMs: null, offsetKnown: false, hash: '', problem };
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

export class SlidePhotos {
  constructor(readonly services: SlidePhotosServices) {}

  private get files(): PhotoFileSystem {
    return this.services.files;
  }

  /** The photo files of the picked files and folders (a folder's own files with an image extension, by name), each once. */
  async photoSources(uris: readonly string[]): Promise<PhotoSource[]> {
    const found: string[] = [];
    for (const uri of uris) {
      const stat = await this.files.stat(uri).catch((err: unknown) => {
        throw new Error(`${this.files.shownPath(uri)} cannot be read (${messageOf(err)})`);
      });
      if (stat.directory) {
        const entries = await this.files.readDirectory(uri);
        const names = entries.filter((e) => e.file && looksLikePhoto(e.name)).map((e) => e.name);
        found.push(...names.sort().map((name) => this.files.joinPath(uri, name)));
      } else found.push(uri);
    }
    return [...new Set(found)].map((uri) => ({ key: this.files.relativePath(uri), uri }));
  }

  /** The note's context for the planner, read against the document's current version. */
  async noteContext(doc: TextDocument): Promise<NoteContext> {
    const version = doc.version;
    const text = doc.getText();
    const noteDir = this.files.joinPath(doc.uri, '..');
    const settings = this.services.photoSettings(doc.uri);
    const { notePath, workspacePath } = this.files.notePaths(doc.uri);
    const schedule = (await this.services.scheduleOf(doc).catch(() => undefined)) ?? null;
    const timeZone = schedule?.timeZone || this.services.timeZone();
    const siteRoot = doc.uri.startsWith('untitled:') ? null : await this.siteRoot(noteDir, notePath);
    const folderOptions = { siteRoot, destination: settings.destination || undefined, workspacePath };
    const folder = photoFolder(notePath, folderOptions);
    const notes = this.services.analysisSettings(doc.uri);
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
        talkTimes: talkTimesOf(this.services.state, doc.uri),
        timeZone,
        dayHeadingPattern: notes.dayHeadingPattern,
        fileName: notes.fileName,
        existingNames: await this.namesIn(folder.folder ? this.files.joinPath(noteDir, ...folder.folder.split('/')) : noteDir),
        existingHashes: this.linkedHashes(doc.uri, text),
      },
    };
  }

  /** The nearest folder at or above the note's with a Hugo marker (static/, hugo.toml, ...), relative to the note's folder. */
  private async siteRoot(noteDir: string, notePath: string): Promise<string | null> {
    for (const rel of ancestorFolders(notePath)) {
      const dir = rel ? this.files.joinPath(noteDir, ...rel.split('/')) : noteDir;
      for (const marker of SITE_ROOT_MARKERS) if (await this.exists(this.files.joinPath(dir, marker))) return rel;
    }
    return null;
  }

  private exists(uri: string): Promise<boolean> {
    return this.files.stat(uri).then(
      () => true,
      () => false,
    );
  }

  /** The names already in a folder (none when it does not exist yet). */
  private async namesIn(dir: string): Promise<string[]> {
    try {
      return (await this.files.readDirectory(dir)).map((e) => e.name);
    } catch {
      return [];
    }
  }

  /** Hashes of the photos this extension already linked in the note, when their link is still there. */
  private linkedHashes(uri: string, text: string): string[] {
    const all = this.services.state.get<Record<string, Record<string, string>>>(HASHES_KEY) ?? {};
    const mine = all[uri] ?? {};
    return Object.keys(mine).filter((hash) => typeof mine[hash] === 'string' && text.includes(`(${mine[hash]})`));
  }

  /** Remembers the source hash of each photo written into the note (its link), for "already in the post". */
  async rememberWritten(uri: string, rows: readonly PhotoRow[]): Promise<void> {
    const state = this.services.state;
    const all = { ...(state.get<Record<string, Record<string, string>>>(HASHES_KEY) ?? {}) };
    const mine = { ...(all[uri] ?? {}) };
    for (const r of rows) if (r.url) mine[r.hash] = r.url;
    delete all[uri];
    all[uri] = mine;
    const keys = Object.keys(all);
    for (const k of keys.slice(0, Math.max(0, keys.length - 50))) delete all[k];
    await state.update(HASHES_KEY, all);
  }

  /**
   * Reads one photo and converts it for the post (resize, metadata). Never throws: a problem is
   * on `info.problem` (or `processed.problem`). `onBytes` sees the original bytes of a readable
   * photo (QR codes are decoded there).
   */
  async readOne(source: PhotoSource, note: NoteContext, onBytes?: (bytes: Uint8Array, info: PhotoInfo) => void): Promise<ReadPhoto> {
    let fileTime: number | undefined;
    let bytes: Uint8Array;
    try {
      if (source.uri) {
        const stat = await this.files.stat(source.uri);
        fileTime = stat.mtime > 0 ? stat.mtime : undefined;
        if (stat.size > MAX_PHOTO_BYTES) {
          const mb = (n: number) => Math.round(n / (1024 * 1024));
          return { info: refused(source.key, stat.size, `too large (${mb(stat.size)} MB; the limit is ${mb(MAX_PHOTO_BYTES)} MB)`), processed: undefined, fileTime };
        }
        bytes = await this.files.readFile(source.uri);
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

  /** The image file of a placed row. */
  targetUri(note: NoteContext, row: PhotoRow): string | undefined {
    return row.target ? this.files.joinPath(note.noteDir, ...row.target.split('/')) : undefined;
  }

  /**
   * Writes the images of the placed rows (never over an existing file). Resolves to the files
   * written, or throws after deleting the ones it wrote when one cannot be written.
   */
  async writeImages(note: NoteContext, rows: readonly PhotoRow[], photos: ReadonlyMap<string, ReadPhoto>): Promise<string[]> {
    const written: string[] = [];
    try {
      for (const row of rows) {
        const uri = this.targetUri(note, row);
        const bytes = photos.get(row.file)?.processed?.bytes;
        if (!uri || !bytes || bytes.length === 0) continue;
        if (await this.exists(uri)) throw new Error(`${this.files.relativePath(uri)} already exists; nothing was overwritten`);
        await this.files.createDirectory(this.files.joinPath(uri, '..'));
        await this.files.writeFile(uri, bytes);
        written.push(uri);
      }
    } catch (err) {
      await this.removeImages(written);
      throw err;
    }
    return written;
  }

  /** Deletes images written for an edit that could not be applied. */
  async removeImages(uris: readonly string[]): Promise<void> {
    for (const uri of uris) await this.files.delete(uri).catch(() => undefined);
  }
}
