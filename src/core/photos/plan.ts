/**
 * The plan for a batch of photos: which talk each goes under (by capture time against the
 * talks' windows, or the user's choice), or why it goes nowhere; the file name (numbered per
 * talk in capture order, never one that exists) and the link. Pure: the caller reads the
 * photos (readPhoto), lists the target folder and hashes the images already linked.
 */
import { parseNotes } from '../notes/parse';
import { allTalks } from '../notes/query';
import { formatInstant } from '../schedule/time';
import { joinPath, photoFolder, slugOf } from './folder';
import { HEIC_REASON, MAX_PHOTO_BYTES, tooLargeReason } from './read';
import type { PhotoInfo, PhotoPlan, PhotoRow, PlanOptions, TalkWindow } from './types';
import { windowPlacer, type Placement } from './sweep';
import { windowsOfModel } from './windows';

/** A talk title as a file name stem: `ebpf-in-production`. */
export function talkSlug(title: string): string {
  return slugOf(title, 'talk');
}

const EXTENSION = { jpeg: 'jpg', png: 'png', webp: 'webp' } as const;

const clock = (ms: number, zone: string) => formatInstant(ms, zone).slice(11, 16);

/** Why a time in no window is not placed: before the first talk, in a break, after the last. */
function reasonOf(p: Exclude<Placement, { window: TalkWindow }>, anyWindow: boolean, zone: string): string {
  if (!anyWindow) return 'no talk of the note has a time (schedule, Start Talk Now or a time in its heading)';
  if (!p.before) return 'before the first talk';
  if (!p.after) return `after the last talk (${p.before.title} ended ${clock(p.before.end ?? p.before.start, zone)})`;
  return `in a break (between ${p.before.title} and ${p.after.title})`;
}

/** Capture order: photos with a time by time, then those without, in the order given. */
function captureOrder(photos: readonly PhotoInfo[]): PhotoInfo[] {
  return photos
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.takenMs ?? Infinity) - (b.p.takenMs ?? Infinity) || a.i - b.i)
    .map((x) => x.p);
}

/** Plans a batch of photos for the note `text`. Rows in capture order. */
export function planPhotos(text: string, photos: readonly PhotoInfo[], options: PlanOptions): PhotoPlan {
  const model = parseNotes(text, { dayHeadingPattern: options.dayHeadingPattern, fileName: options.fileName });
  const windows = windowsOfModel(text, model, options);
  const folder = photoFolder(options.notePath, options);
  const talksByLine = new Map(allTalks(model).map((t) => [t.line, t] as const));
  const used = new Set<string>();
  for (const n of options.existingNames ?? []) used.add(n.toLowerCase());
  const inPost = new Set(options.existingHashes ?? []);
  const seen = new Map<string, string>();
  const counters = new Map<number, number>();
  const max = options.maxBytes ?? MAX_PHOTO_BYTES;
  const rows: PhotoRow[] = [];
  // Capture order is ascending time: one sweep over the windows places them all.
  const place = windowPlacer(windows, options.work);
  for (const p of captureOrder(photos)) {
    if (options.work) options.work.steps++;
    const row: PhotoRow = { file: p.file, taken: p.taken, talk: null, reason: null, target: null, url: null, links: [], source: null, hash: p.hash };
    rows.push(row);
    const chosen = options.assign && Object.prototype.hasOwnProperty.call(options.assign, p.file) ? options.assign[p.file] : undefined;
    const twin = seen.get(p.hash);
    if (p.problem) row.reason = p.problem;
    else if (p.size > max) row.reason = tooLargeReason(p.size, max);
    else if (p.kind === 'heic') row.reason = HEIC_REASON;
    else if (p.kind === 'other') row.reason = 'unreadable: not an image';
    else if (inPost.has(p.hash)) row.reason = 'already in the post';
    else if (twin !== undefined) row.reason = `the same photo as ${twin}`;
    else if (chosen === null) row.reason = 'left out';
    if (row.reason) continue;
    seen.set(p.hash, p.file);
    let talk: { line: number; title: string } | undefined;
    if (chosen !== undefined && chosen !== null) {
      const t = talksByLine.get(chosen);
      if (t) {
        talk = { line: t.line, title: t.title };
        row.source = 'chosen';
      } else row.reason = `no talk at line ${chosen}`;
    } else if (p.takenMs === null) row.reason = 'no capture time';
    else {
      const placed = place(p.takenMs);
      if (!('window' in placed)) row.reason = reasonOf(placed, windows.length > 0, options.timeZone);
      else {
        talk = { line: placed.window.line, title: placed.window.title };
        row.source = placed.window.source;
      }
    }
    if (!talk) continue;
    row.talk = talk;
    const slug = talkSlug(talk.title);
    const ext = EXTENSION[p.kind as keyof typeof EXTENSION];
    let n = counters.get(talk.line) ?? 0;
    let name: string;
    do name = `${slug}-${String(++n).padStart(2, '0')}.${ext}`;
    while (used.has(name));
    counters.set(talk.line, n);
    used.add(name);
    row.target = joinPath(folder.folder, name);
    row.url = folder.linkPrefix + name;
    row.links = [...(options.links?.[p.file] ?? [])];
  }
  return { rows, windows, folder };
}
