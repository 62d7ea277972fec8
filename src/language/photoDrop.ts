/**
 * The drop and paste of slide photos into a note, without the editor: each photo goes under the
 * talk it was taken in (the core's plan), not at the cursor; a photo without a capture time goes
 * under the talk at the cursor, else the running talk. The answer is the images to create (never
 * over a file) and the note's lines, which the editor puts in one workspace edit (one undo step),
 * and the line the status bar shows (src/vscode/features/photoDrop.ts).
 */
import type { TextDocument, TextEdit } from '../core/document';
import { findTalkAt } from '../core/notes/query';
import { plural } from '../core/util/plural';
import { editsFor, planFor, type PhotoSource, type ReadPhoto, type SlidePhotos } from './slidePhotos';

/** What a drop or paste does: the images to create and the note's edits, with what to say; or only why nothing was placed. */
export type PhotoDrop = { files: Array<{ uri: string; bytes: Uint8Array }>; edits: TextEdit[]; message: string } | { files?: undefined; message: string };

/**
 * The drop or paste of `sources` at `line` (0-based) in the note; `runningLine`: the heading
 * line (0-based) of the talk running in this note, if any. Undefined when there is nothing to
 * place (an unsaved note, no photos, cancelled, or the note changed meanwhile): other providers go on.
 */
export async function photoDrop(
  photos: SlidePhotos,
  doc: TextDocument,
  line: number,
  sources: readonly PhotoSource[],
  runningLine: number | undefined,
  cancelled: () => boolean,
): Promise<PhotoDrop | undefined> {
  // An unsaved note has no folder for the images: the editor's own drop and paste stay offered.
  if (doc.uri.startsWith('untitled:') || sources.length === 0) return undefined;
  const note = await photos.noteContext(doc);
  const read = new Map<string, ReadPhoto>();
  for (const source of sources) {
    if (cancelled()) return undefined;
    read.set(source.key, await photos.readOne(source, note));
  }
  // Without a capture time: the talk at the cursor, else the running talk of this note.
  const fallback = findTalkAt(photos.services.analysisOf(doc).model, line + 1)?.line ?? (runningLine !== undefined ? runningLine + 1 : undefined);
  const assign: Record<string, number> = {};
  for (const p of read.values()) if (!p.info.taken && !p.info.problem && fallback !== undefined) assign[p.info.file] = fallback;
  const plan = planFor(
    note,
    [...read.values()].map((p) => p.info),
    assign,
  );
  const rows = plan.rows.filter((r) => r.talk && read.get(r.file)?.processed?.bytes.length);
  if (rows.length === 0) {
    const why = plan.rows.map((r) => `${r.file}: ${r.reason ?? 'not placed'}`).join('; ');
    return { message: `Talk Capture: no photo placed under a talk (${why}).` };
  }
  if (cancelled() || doc.version !== note.version) return undefined;
  const files: Array<{ uri: string; bytes: Uint8Array }> = [];
  for (const r of rows) {
    const uri = photos.targetUri(note, r);
    const bytes = read.get(r.file)?.processed?.bytes;
    if (uri && bytes) files.push({ uri, bytes });
  }
  await photos.rememberWritten(doc.uri, rows);
  const message = `Talk Capture: ${plural(rows.length, 'slide photo')} under ${[...new Set(rows.map((r) => r.talk?.title))].join(', ')}.`;
  return { files, edits: editsFor(note, rows), message };
}
