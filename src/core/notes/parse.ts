/**
 * `parseNotes`: the notes model of a document, built from the note's one block scan
 * (./scan.ts `scanBlocks`; a note's analysis, ../analysis/noteAnalysis.ts, shares it with the
 * inline scan and the check). Never throws:
 * binary or oversized text gives an empty model with the reason in `skipped`, and an
 * unexpected failure gives an empty model saying so.
 */
import { buildModel } from './buildModel';
import { emptyFrontMatter } from './frontMatter';
import type { NotesModel, NotesOptions } from './model';
import { messageOf } from '../util/errors';
import { scanBlocks } from './scan';

export type { NotesModel, NotesOptions } from './model';

/** An empty model, with the reason the note could not be read (if any). */
export function emptyModel(skipped: string | null = null, lineCount = 0): NotesModel {
  return { frontMatter: emptyFrontMatter(), days: [], talks: [], groups: [], todos: [], lineCount, impliedDay: null, skipped, skippedParts: [] };
}

/** Options for reading a note, beyond the model's own. */
export interface ParseLimits {
  /** Notes longer than this many characters are not read (talkCapture.maxFileSizeMB). */
  maxChars?: number;
}

/** Why a text cannot be read as a note (binary content, too large), or undefined when it can. */
export function unreadableReason(text: string, maxChars?: number): string | undefined {
  if (maxChars !== undefined && text.length > maxChars) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    const limit = (maxChars / 1024 / 1024).toFixed(1);
    return `This note is ${mb} MB, more than the ${limit} MB limit (talkCapture.maxFileSizeMB); it is not read.`;
  }
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.includes('\u0000')) return 'This file looks binary (it contains NUL bytes); it is not read as notes.';
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  if (head.length >= 64 && bad / head.length > 0.1) return 'This file looks binary (many unreadable characters); it is not read as notes.';
  return undefined;
}

export function parseNotes(text: string, options?: NotesOptions & ParseLimits): NotesModel {
  const reason = unreadableReason(text, options?.maxChars);
  if (reason) return emptyModel(reason, 0);
  try {
    return buildModel(scanBlocks(text), options);
  } catch (err) {
    return emptyModel(`The note could not be read: ${messageOf(err)}`, 0);
  }
}
