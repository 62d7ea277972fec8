/**
 * In-memory services for the tests of the slide photos (src/language/slidePhotos.ts,
 * addSlidePhotos.ts, photoDrop.ts): a workspace folder of files (`file:///ws/…`; the photos are
 * the JPEG fixtures of test/fixtures/photos), a state store, fixed settings and zone, and the
 * editor's side of Add Slide Photos… as a script (the preview's answer, the edits applied to an
 * in-memory document).
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, type TextEdit } from '../../src/core/document';
import type { Schedule } from '../../src/core/schedule/model';
import type { AddPhotosUi, PhotoPreview, PhotoPreviewItem } from '../../src/language/addSlidePhotos';
import { SlidePhotos, type PhotoFileSystem } from '../../src/language/slidePhotos';
import type { StateStore } from '../../src/language/talkTimes';
import { MemoryAnalyses } from './language';
import { EditedDocument } from './publishedLinks';

const ROOT = '/ws';
export const WS = `file://${ROOT}`;

/** A note of two talks with their times, on the day the photos were taken (test/fixtures/workspace/photos/bundle/index.md). */
export const PHOTO_DAY_NOTE = [
  '---',
  'title: "Photo Day"',
  'date: 2026-03-24',
  '---',
  '',
  '## Day 1',
  '',
  '### 11:00 Opening the Doors - Ada Varga, Example Corp',
  '',
  '- welcome and a map of the venue',
  '- pic from phone',
  '',
  '### 11:25 Probes in Practice - Bo Sample, Initech',
  '',
  '- maps, probes and a demo',
  '',
].join('\n');

/** The bytes of a photo of test/fixtures/photos. */
export function fixturePhoto(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'photos', name)));
}

const pathOf = (uri: string): string => {
  if (!uri.startsWith('file://')) throw new Error(`not a file URI: ${uri}`);
  return decodeURIComponent(uri.slice('file://'.length));
};

/** The workspace's files in memory, by path under `/ws`; folders are the files' parents and those made. */
export class MemoryPhotoFs implements PhotoFileSystem {
  readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly dirs = new Set<string>([ROOT]);
  /** Paths whose writes fail (a full disk). */
  readonly failWrites = new Set<string>();

  /** Puts a file at a path relative to the workspace; `mtime` in ms. */
  put(relative: string, content: string | Uint8Array, mtime = 1): void {
    const p = path.posix.join(ROOT, relative);
    this.files.set(p, { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, mtime });
    for (let d = path.posix.dirname(p); d !== '/'; d = path.posix.dirname(d)) this.dirs.add(d);
  }

  /** The file at a path relative to the workspace, if any. */
  get(relative: string): Uint8Array | undefined {
    return this.files.get(path.posix.join(ROOT, relative))?.bytes;
  }

  /** The paths of the files under a folder of the workspace. */
  under(relative: string): string[] {
    const prefix = `${path.posix.join(ROOT, relative)}/`;
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(ROOT.length + 1));
  }

  stat(uri: string): Promise<{ directory: boolean; size: number; mtime: number }> {
    const p = pathOf(uri);
    const f = this.files.get(p);
    if (f) return Promise.resolve({ directory: false, size: f.bytes.length, mtime: f.mtime });
    if (this.dirs.has(p)) return Promise.resolve({ directory: true, size: 0, mtime: 0 });
    return Promise.reject(new Error('file not found'));
  }

  readFile(uri: string): Promise<Uint8Array> {
    const f = this.files.get(pathOf(uri));
    return f ? Promise.resolve(f.bytes) : Promise.reject(new Error('file not found'));
  }

  readDirectory(uri: string): Promise<Array<{ name: string; file: boolean }>> {
    const dir = pathOf(uri);
    if (!this.dirs.has(dir)) return Promise.reject(new Error('no such folder'));
    const entries = new Map<string, boolean>();
    for (const p of this.files.keys()) if (path.posix.dirname(p) === dir) entries.set(path.posix.basename(p), true);
    for (const d of this.dirs) if (d !== dir && path.posix.dirname(d) === dir) entries.set(path.posix.basename(d), false);
    return Promise.resolve([...entries].map(([name, file]) => ({ name, file })));
  }

  createDirectory(uri: string): Promise<void> {
    for (let d = pathOf(uri); d !== '/'; d = path.posix.dirname(d)) this.dirs.add(d);
    return Promise.resolve();
  }

  writeFile(uri: string, bytes: Uint8Array): Promise<void> {
    const p = pathOf(uri);
    if (this.failWrites.has(p.slice(ROOT.length + 1))) return Promise.reject(new Error('no space left on device'));
    this.files.set(p, { bytes, mtime: 2 });
    return Promise.resolve();
  }

  delete(uri: string): Promise<void> {
    this.files.delete(pathOf(uri));
    return Promise.resolve();
  }

  joinPath(uri: string, ...segments: string[]): string {
    return `file://${encodeURI(path.posix.join(pathOf(uri), ...segments))}`;
  }

  relativePath(uri: string): string {
    const p = pathOf(uri);
    return p.startsWith(`${ROOT}/`) ? p.slice(ROOT.length + 1) : p;
  }

  shownPath(uri: string): string {
    return pathOf(uri);
  }

  notePaths(uri: string): { notePath: string; workspacePath: string | undefined } {
    const p = pathOf(uri);
    if (p.startsWith(`${ROOT}/`)) return { notePath: p.slice(ROOT.length + 1), workspacePath: p.slice(ROOT.length + 1) };
    return { notePath: p.replace(/^\/+/, ''), workspacePath: undefined };
  }
}

/** A state store in memory (the workspace state). */
export class MemoryState implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

/** The slide photos on an in-memory workspace; the photos' zone is the conference's (Europe/Amsterdam) unless a schedule says otherwise. */
export function memoryPhotos(options: { files?: MemoryPhotoFs; state?: MemoryState; schedule?: Schedule; destination?: string; maxEdge?: number } = {}) {
  const files = options.files ?? new MemoryPhotoFs();
  const state = options.state ?? new MemoryState();
  const analyses = new MemoryAnalyses();
  const photos = new SlidePhotos({
    analysisOf: (doc) => analyses.analysisOf(doc),
    files,
    state,
    scheduleOf: () => Promise.resolve(options.schedule),
    photoSettings: () => ({ destination: options.destination ?? '', maxEdge: options.maxEdge ?? 1600, keepMetadata: false }),
    analysisSettings: (uri) => ({ fileName: path.posix.basename(uri) }),
    timeZone: () => 'Europe/Amsterdam',
  });
  return { photos, files, state };
}

/** A note of the workspace, as the editor has it open. */
export function openNote(files: MemoryPhotoFs, relative: string, text: string): EditedDocument {
  files.put(relative, text);
  return new EditedDocument(`${WS}/${relative}`, text);
}

/** The editor's side of Add Slide Photos…, scripted: the preview's answer, the messages kept, the edits applied. */
export class MemoryPhotosUi implements AddPhotosUi {
  readonly messages: Array<{ message: string; warn: boolean }> = [];
  readonly reported: string[] = [];
  previewItems: PhotoPreviewItem[] | undefined;
  previewTitle = '';
  /** Cancel after this many photos were reported. */
  cancelAfter: number | undefined;
  /** Runs just before the edits are applied (the person typing). */
  beforeApply: (() => void) | undefined;

  constructor(
    private readonly doc: EditedDocument,
    private readonly answer: (preview: PhotoPreview) => PhotoPreviewItem[] | undefined = () => undefined,
    private readonly picked: string[] | undefined = undefined,
  ) {}

  pickPhotos(): Promise<string[] | undefined> {
    return Promise.resolve(this.picked);
  }

  progress<T>(_title: string, task: (report: (message: string, increment: number) => void, cancelled: () => boolean) => Promise<T>): Promise<T> {
    return task(
      (message) => this.reported.push(message),
      () => this.cancelAfter !== undefined && this.reported.length >= this.cancelAfter,
    );
  }

  preview(preview: PhotoPreview): Promise<PhotoPreviewItem[] | undefined> {
    this.previewItems = preview.items();
    this.previewTitle = preview.title;
    return Promise.resolve(this.answer(preview));
  }

  tell(message: string, warn: boolean): void {
    this.messages.push({ message, warn });
  }

  apply(version: number, edits: readonly TextEdit[]): Promise<boolean> {
    this.beforeApply?.();
    if (version !== this.doc.version) return Promise.resolve(false);
    this.doc.setText(applyEdits(this.doc.getText(), edits));
    return Promise.resolve(true);
  }

  get lastMessage(): string | undefined {
    return this.messages.at(-1)?.message;
  }
}
