/** Shared plumbing of the `talk-capture` CLI subcommands. */
import * as fs from 'fs';
import * as path from 'path';
import { unreadableReason } from '../core/notes/parse';
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A subcommand: returns the process exit code. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number> | number;

/** Raised for a usage or input problem the user can fix: printed as one line, exit code as given. */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode = 2) {
    super(message);
  }
}

/** Notes larger than this are not read (the editor's talkCapture.maxFileSizeMB default). */
export const MAX_NOTE_CHARS = 5 * 1024 * 1024;

/** Reads a note as text, or throws CliError (exit 2) with a one-line reason. */
export function readNoteFile(file: string): string {
  let data: Buffer;
  try {
    if (fs.statSync(file).isDirectory()) throw new CliError(`${file}: is a folder, not a note`);
    data = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : err instanceof Error ? err.message : String(err)}`);
  }
  const text = data.toString('utf8');
  const reason = unreadableReason(text, MAX_NOTE_CHARS);
  if (reason) throw new CliError(`${file}: ${reason}`);
  return text;
}

/** The bundled landscape index: next to the bundle (dist/cli.js → data/landscape.json), or in the source tree. */
export function bundledIndexFile(): string {
  const candidates = [path.join(__dirname, '..', 'data', 'landscape.json'), path.join(__dirname, '..', '..', 'data', 'landscape.json')];
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
}
