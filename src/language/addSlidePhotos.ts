/**
 * Add Slide Photos…, without the editor: the photos of the picked files and folders read and
 * converted (cancellable: nothing is written), the preview's rows (each photo with its capture
 * time and the talk it goes to, or why it goes nowhere; links decoded from QR codes on the slides
 * offered unchecked), the person's changes (a photo's talk, the file's time for a photo without
 * one), the images written (never over a file) with the note's lines as one step, and what the
 * command says. The editor shows the dialog, the progress and the quick picks and applies the
 * edits (src/vscode/features/addSlidePhotos.ts).
 */
import type { TextDocument, TextEdit } from '../core/document';
import { allTalks } from '../core/notes/query';
import { decodeQrLinks, type ChosenLink, type PhotoPlan, type PhotoRow } from '../core/photos/index';
import { plural } from '../core/util/plural';
import { editsFor, planFor, withFileTime, type NoteContext, type PhotoSource, type ReadPhoto, type SlidePhotos } from './slidePhotos';

/** What a row's button does: choose the photo's talk, or take the file's time for a photo without one. */
export type PhotoButton = 'changeTalk' | 'useFileTime';

/** One row of the preview: a photo, or a link from a QR code on a placed photo's slide. */
export interface PhotoPreviewItem {
  label: string;
  description: string;
  detail: string;
  picked: boolean;
  file?: string;
  link?: ChosenLink;
  buttons: PhotoButton[];
}

/** The photos read: each photo and the links of the QR codes on it. */
export interface PhotosRead {
  photos: Map<string, ReadPhoto>;
  links: Record<string, string[]>;
}

/** A talk to put a photo under (`line` null: leave it out). */
export interface TalkChoice {
  label: string;
  description: string;
  line: number | null;
}

/** The command's arguments for scripted use and the tests: photo files or folders, apply without the preview. */
export interface AddPhotosArgs {
  uris?: string[];
  accept?: boolean;
}

/** What the command resolves to: the images written (as the person reads their paths) and the rows applied. */
export interface AddPhotosResult {
  written: string[];
  rows: PhotoRow[];
}

/** What the editor does for the command. */
export interface AddPhotosUi {
  /** The files and folders the person picks (an open dialog); undefined or none: stop. */
  pickPhotos(): Promise<string[] | undefined>;
  /** Runs the reads under a progress with Cancel: `report` names each photo, `cancelled` tells when Cancel was pressed. */
  progress<T>(title: string, task: (report: (message: string, increment: number) => void, cancelled: () => boolean) => Promise<T>): Promise<T>;
  /** Shows the preview (changes of a row go through `preview`); the checked rows on Enter, undefined on Escape. */
  preview(preview: PhotoPreview): Promise<PhotoPreviewItem[] | undefined>;
  tell(message: string, warn: boolean): void;
  /** Applies the edits as one undo step against that version; false when the note changed since. */
  apply(version: number, edits: readonly TextEdit[]): Promise<boolean>;
}

/** `2026-03-24 14:32` in the photo's own offset (the ISO text as written), or in the note's zone. */
function shownTime(taken: string | null, zone: string, fromFile: boolean): string {
  if (!taken) return 'no capture time';
  if (!fromFile) return taken.slice(0, 16).replace('T', ' ');
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${f.format(new Date(taken)).replace(',', '')} (file time)`;
}

/** The preview's state: the person's choices and the plan they give. */
export class PhotoPreview {
  private readonly assign: Record<string, number | null> = {};
  private readonly fileTime = new Set<string>();
  private readonly unpicked = new Set<string>();
  private readonly pickedLinks = new Set<string>();
  plan: PhotoPlan;

  constructor(
    private readonly note: NoteContext,
    private readonly read: PhotosRead,
    /** The note's talks as it is now (its heading lines, 1-based). */
    private readonly talksNow: () => ReadonlyArray<{ title: string; line: number }>,
  ) {
    this.plan = this.replan();
  }

  private replan(): PhotoPlan {
    const infos = [...this.read.photos.values()].map((p) => (this.fileTime.has(p.info.file) && p.fileTime !== undefined ? withFileTime(p.info, p.fileTime) : p.info));
    this.plan = planFor(this.note, infos, this.assign, this.read.links);
    return this.plan;
  }

  /** `Add Slide Photos: 2 of 3 placed`. */
  get title(): string {
    return `Add Slide Photos: ${this.plan.rows.filter((r) => r.talk).length} of ${this.plan.rows.length} placed`;
  }

  items(): PhotoPreviewItem[] {
    const rows: PhotoPreviewItem[] = [];
    for (const r of this.plan.rows) {
      const read = this.read.photos.get(r.file);
      const noTime = !r.taken && read?.fileTime !== undefined && !read.info.problem;
      const buttons: PhotoButton[] = [...(r.taken || !read?.info.problem ? ['changeTalk' as const] : []), ...(noTime ? ['useFileTime' as const] : [])];
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
        rows.push({
          label: `$(link) link from the slides: ${url}`,
          description: '',
          detail: `in ${talk.title}`,
          picked: this.pickedLinks.has(key),
          link: { talkLine: talk.line, url },
          buttons: [],
        });
      }
    }
    return rows;
  }

  /** Keeps the checked state of the rows shown (before a row changes). */
  keepChecked(shown: readonly PhotoPreviewItem[], checked: readonly PhotoPreviewItem[]): void {
    for (const item of shown) {
      const on = checked.includes(item);
      if (item.file && item.detail.startsWith('→')) {
        if (on) this.unpicked.delete(item.file);
        else this.unpicked.add(item.file);
      }
      const key = item.link ? `${item.link.talkLine} ${item.link.url}` : undefined;
      if (key && on) this.pickedLinks.add(key);
      else if (key) this.pickedLinks.delete(key);
    }
  }

  /** A photo without a capture time takes its file's time (and is checked). */
  useFileTime(file: string): void {
    this.fileTime.add(file);
    this.unpicked.delete(file);
    this.replan();
  }

  /** The talk of the photo now (its heading line), if any. */
  talkOf(file: string): number | undefined {
    return this.plan.rows.find((r) => r.file === file)?.talk?.line;
  }

  /** The note's talks to choose from for a photo, and "leave it out". */
  talkChoices(file: string): TalkChoice[] {
    const current = this.talkOf(file);
    return [
      ...this.talksNow().map((t) => ({ label: t.title, description: t.line === current ? 'now' : `line ${t.line}`, line: t.line as number | null })),
      { label: '$(close) Leave it out', description: '', line: null },
    ];
  }

  /** The photo goes under the talk at `line` (checked), or nowhere (null). */
  assignTalk(file: string, line: number | null): void {
    this.assign[file] = line;
    if (line !== null) this.unpicked.delete(file);
    this.replan();
  }

  /** The rows to write: the checked placed photos, and the checked links. */
  chosen(checked: readonly PhotoPreviewItem[]): { rows: PhotoRow[]; links: ChosenLink[] } {
    const files = new Set(checked.map((p) => p.file).filter((f): f is string => !!f));
    for (const r of this.plan.rows) if (r.talk && !files.has(r.file)) this.assign[r.file] = null;
    const plan = this.replan();
    return { rows: plan.rows.filter((r) => r.talk && files.has(r.file)), links: checked.map((p) => p.link).filter((l): l is ChosenLink => !!l) };
  }
}

/** Reads and converts the photos under the progress, with the links of their QR codes; undefined when cancelled. */
async function readAll(photos: SlidePhotos, note: NoteContext, sources: readonly PhotoSource[], ui: AddPhotosUi): Promise<PhotosRead | undefined> {
  return ui.progress(`Talk Capture: reading ${plural(sources.length, 'photo')}`, async (report, cancelled) => {
    const read: PhotosRead = { photos: new Map(), links: {} };
    for (const source of sources) {
      if (cancelled()) return undefined;
      report(source.key, 100 / sources.length);
      const one = await photos.readOne(source, note, (bytes, info) => {
        try {
          read.links[source.key] = decodeQrLinks(bytes, info);
        } catch {
          // A slide without a readable QR code has no links.
        }
      });
      read.photos.set(source.key, one);
    }
    return cancelled() ? undefined : read;
  });
}

/** Add Slide Photos… on the note, as described above; undefined when nothing was written. */
export async function addSlidePhotos(photos: SlidePhotos, doc: TextDocument, args: AddPhotosArgs, ui: AddPhotosUi): Promise<AddPhotosResult | undefined> {
  const tell = (message: string, warn = false) => ui.tell(`Talk Capture: ${message}`, warn);
  if (doc.uri.startsWith('untitled:')) {
    tell('save the note first: its slide photos are written beside it.');
    return undefined;
  }
  let picked = args.uris;
  if (!picked) {
    picked = await ui.pickPhotos();
    if (!picked || picked.length === 0) return undefined;
  }
  const sources = await photos.photoSources(picked);
  if (sources.length === 0) {
    tell('no photos there (JPEG, PNG, HEIC or WebP files).');
    return undefined;
  }
  const note = await photos.noteContext(doc);
  const read = await readAll(photos, note, sources, ui);
  if (!read) {
    tell('reading the photos was cancelled; nothing was written.');
    return undefined;
  }
  const preview = new PhotoPreview(note, read, () => allTalks(photos.services.analysisOf(doc).model));
  let chosen: { rows: PhotoRow[]; links: ChosenLink[] };
  if (args.accept) chosen = preview.chosen(preview.items().filter((i) => i.picked && i.file));
  else {
    const checked = await ui.preview(preview);
    if (!checked) return undefined;
    chosen = preview.chosen(checked);
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
  const written = await photos.writeImages(note, chosen.rows, read.photos);
  if (!(await ui.apply(note.version, edits))) {
    await photos.removeImages(written);
    tell('the note changed while the images were written; they were removed and nothing was added. Run Add Slide Photos… again.', true);
    return undefined;
  }
  await photos.rememberWritten(doc.uri, chosen.rows);
  const talks = new Set(chosen.rows.map((r) => r.talk?.line)).size;
  const left = preview.plan.rows.length - chosen.rows.length;
  tell(`added ${plural(chosen.rows.length, 'slide photo')} under ${plural(talks, 'talk')}${left ? ` (${left} left out)` : ''}.`);
  return { written: written.map((uri) => photos.services.files.relativePath(uri)), rows: chosen.rows };
}
