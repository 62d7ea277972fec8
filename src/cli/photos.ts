/**
 * `talk-capture photos NOTE PHOTO|FOLDER... [--schedule SOURCE] [--tz ZONE] [--max-edge PX]
 * [--keep-metadata] [--json] [--write]`: the slide photos of a talk under the talks they were
 * taken in. Prints the plan (each photo's capture time, talk or why none, target file, QR links);
 * `--json` as `{"photos":[{file, taken, talk, reason, target, links}]}`. `--write` writes the
 * images (metadata removed unless --keep-metadata, resized to --max-edge, never overwriting)
 * and the note (atomic, refused when it changed since it was read); when anything fails nothing
 * is left written. The schedule is --schedule or the note's `schedule:` front matter key (a URL,
 * or a path relative to the note's folder). Exit 0, or 2 for a usage, file or write problem.
 */
import { openFrontMatter } from '../core/frontmatter/fields';
import * as path from 'path';
import { DAY_PATTERN_USAGE, dayPatternOf, parseCliArgs } from './args';
import { CliError, type CliCommand, type CliIO } from './command';
import { existingImages, photoFilesOf, readPhotoBytes, removeWritten, siteRootOf, unreadablePhoto, writeImages, type WrittenImages } from './photoFiles';
import { readNote, type ReadNote } from './readFile';
import { writeNote } from './safeWrite';
import { readScheduleSource } from './schedule';
import { applyEdits } from '../core/document';
import type { NotesOptions } from '../core/notes/model';
import { decodeQrLinks, DEFAULT_MAX_EDGE, photoEdits, photoFolder, planPhotos, processPhoto, readPhoto, type PhotoInfo, type PhotoPlan } from '../core/photos';
import { isScheduleUrl, isValidTimeZone, type Schedule } from '../core/schedule';
import { scheduleSourceOf } from '../core/schedule/editor-place';
import { systemTimeZone } from '../core/schedule/time';
import { plural } from '../core/util/plural';

const USAGE = `usage: talk-capture photos NOTE PHOTO|FOLDER... [--schedule SOURCE] [--tz ZONE] [--max-edge PX] [--keep-metadata] [--json] [--write] ${DAY_PATTERN_USAGE}`;

interface PhotoJson {
  file: string;
  taken: string | null;
  talk: { line: number; title: string } | null;
  reason: string | null;
  target: string | null;
  links: string[];
}

/** The note's schedule: --schedule, else its `schedule:` key (a path relative to the note's folder); none when neither. */
async function scheduleOf(note: ReadNote, given: string | undefined, tz: string | undefined): Promise<Schedule | null> {
  if (given) return readScheduleSource(given, tz);
  const source = scheduleSourceOf(openFrontMatter(note.text));
  if (!source) return null;
  return readScheduleSource(isScheduleUrl(source) ? source : path.resolve(path.dirname(note.file), source), tz);
}

function maxEdgeOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_EDGE;
  if (!/^\d{1,5}$/.test(value.trim())) throw new CliError(`--max-edge must be a number of pixels (0 keeps the size), not '${value}'`);
  return Number(value);
}

function printPlan(io: CliIO, file: string, plan: PhotoPlan): void {
  const placed = plan.rows.filter((r) => r.talk);
  const talks = new Set(placed.map((r) => r.talk!.line));
  io.out(`${file}: ${plural(plan.rows.length, 'photo')}, ${placed.length} under ${plural(talks.size, 'talk')}`);
  for (const r of plan.rows) {
    const when = r.taken ?? 'no time';
    if (r.talk) io.out(`  ${r.file}  ${when}  → ${r.target}  (line ${r.talk.line}: ${r.talk.title}; ${r.source})`);
    else io.out(`  ${r.file}  ${when}  not placed: ${r.reason}`);
    for (const l of r.links) io.out(`      QR link: ${l}`);
  }
}

export const run: CliCommand = async (args, io) => {
  const { paths, flags, values } = parseCliArgs(
    args,
    { json: {}, write: {}, 'keep-metadata': {}, schedule: { value: true }, tz: { value: true }, 'max-edge': { value: true }, 'day-pattern': { value: true } },
    USAGE,
  );
  if (paths.length < 2) throw new CliError(USAGE);
  const tz = values.get('tz');
  if (tz !== undefined && !isValidTimeZone(tz)) throw new CliError(`--tz: unknown time zone '${tz}' (use an IANA name such as Europe/Amsterdam)`);
  const maxEdge = maxEdgeOf(values.get('max-edge'));
  const notes = { dayHeadingPattern: dayPatternOf(values), fileName: path.basename(paths[0] ?? '') };
  const write = flags.has('write');
  const [file, ...photoArgs] = paths;
  const note = readNote(file, { strictUtf8: write });
  const schedule = await scheduleOf(note, values.get('schedule'), tz);
  const timeZone = tz ?? schedule?.timeZone ?? systemTimeZone();
  const files = photoFilesOf(photoArgs);
  const bytesOf = new Map<string, Uint8Array>();
  const infos: PhotoInfo[] = [];
  for (const f of files) {
    const read = readPhotoBytes(f);
    if ('problem' in read) infos.push(unreadablePhoto(f, read.problem));
    else {
      bytesOf.set(f, read.bytes);
      infos.push(await readPhoto(f, read.bytes, { timeZone }));
    }
  }
  const notePath = path.resolve(file);
  const siteRoot = siteRootOf(file);
  const folder = photoFolder(notePath, { siteRoot });
  const noteDir = path.dirname(notePath);
  const existing = existingImages(path.join(noteDir, folder.folder));
  const options = { ...notes, notePath, siteRoot, schedule, timeZone, existingNames: existing.names, existingHashes: existing.hashes };
  const first = planPhotos(note.text, infos, options);
  // QR codes are looked for on the photos that are placed only.
  const links: Record<string, string[]> = {};
  const infoOf = new Map(infos.map((i) => [i.file, i] as const));
  for (const r of first.rows) if (r.talk) links[r.file] = decodeQrLinks(bytesOf.get(r.file)!, infoOf.get(r.file)!);
  const plan = planPhotos(note.text, infos, { ...options, links });
  if (write) await writeAll(note, plan, infos, bytesOf, { maxEdge, keepMetadata: flags.has('keep-metadata'), notes });
  if (flags.has('json')) {
    const photos: PhotoJson[] = plan.rows.map((r) => ({ file: r.file, taken: r.taken, talk: r.talk, reason: r.reason, target: r.target, links: r.links }));
    io.out(JSON.stringify({ photos }, null, 2));
  } else printPlan(io, file, plan);
  if (write) {
    const n = plan.rows.filter((r) => r.talk).length;
    io.err(`talk-capture photos: wrote ${plural(n, 'image')} into ${folder.folder} and ${n ? 'updated' : 'left'} ${file}`);
  }
  return 0;
};

/** Tests: called after the images are processed, right before anything is written (a note edited meanwhile, a name taken meanwhile). */
export const photoWriteHooks: { beforeWrite?: () => void } = {};

/** Images first (temporary names, then final names), then the note; on any failure everything written is taken back. */
async function writeAll(
  note: ReadNote,
  plan: PhotoPlan,
  infos: readonly PhotoInfo[],
  bytesOf: ReadonlyMap<string, Uint8Array>,
  options: { maxEdge: number; keepMetadata: boolean; notes: NotesOptions },
): Promise<void> {
  const placed = plan.rows.filter((r) => r.talk && r.target);
  if (placed.length === 0) return;
  const dir = path.dirname(path.resolve(note.file));
  const images: { file: string; bytes: Uint8Array }[] = [];
  for (const r of placed) {
    const out = await processPhoto(
      bytesOf.get(r.file)!,
      infos.find((i) => i.file === r.file)!,
      options,
    );
    if (out.problem) throw new CliError(`${r.file}: ${out.problem}; nothing was written`);
    images.push({ file: path.join(dir, r.target!), bytes: out.bytes });
  }
  photoWriteHooks.beforeWrite?.();
  const written: WrittenImages = { finals: [], temps: [], folders: [] };
  try {
    writeImages(images, written);
    writeNote(note, applyEdits(note.text, photoEdits(note.text, placed, [], options.notes)));
  } catch (err) {
    removeWritten(written);
    throw err;
  }
}
