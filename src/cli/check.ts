/**
 * `talk-capture check FILE... [--json]`: the problems to fix before publishing, the same as
 * the editor's Check Notes Before Publishing. Exit 1 when any file has problems, 0 when all
 * are clean, 2 when a file cannot be read (or on a usage error).
 */
import * as fs from 'fs';
import * as path from 'path';
import { bundledIndexFile, CliError, readNoteFile, type CliCommand, type CliIO } from './common';
import { parseNotes } from '../core/notes/parse';
import { loadIndexFile, type LandscapeIndex } from '../core/landscape/index';
import { checkNotes, summarize, type PublishProblem } from '../core/publish/check';


let cachedIndex: LandscapeIndex | null | undefined;

/** The bundled landscape index (next to dist/, or the repository's data/ when run from the sources). */
export function loadLandscape(io: CliIO): LandscapeIndex | undefined {
  if (cachedIndex !== undefined) return cachedIndex ?? undefined;
  for (const file of [bundledIndexFile()]) {
    if (!fs.existsSync(file)) continue;
    try {
      cachedIndex = loadIndexFile(file);
      return cachedIndex;
    } catch (err) {
      io.err(`talk-capture: the landscape index ${file} cannot be read (${err instanceof Error ? err.message : String(err)}); project checks are skipped`);
      cachedIndex = null;
      return undefined;
    }
  }
  io.err('talk-capture: no landscape index found; project checks are skipped');
  cachedIndex = null;
  return undefined;
}

interface FileResult {
  file: string;
  problems: PublishProblem[];
  error?: string;
}

export function parseArgs(args: string[], flags: readonly string[]): { files: string[]; flags: Set<string> } {
  const files: string[] = [];
  const set = new Set<string>();
  for (const a of args) {
    if (a === '--') continue;
    if (a.startsWith('--')) {
      if (!flags.includes(a)) throw new CliError(`unknown option ${a} (options: ${flags.join(', ')})`);
      set.add(a);
    } else files.push(a);
  }
  return { files, flags: set };
}

const SEVERITY: Record<PublishProblem['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

export const run: CliCommand = (args, io) => {
  const { files, flags } = parseArgs(args, ['--json']);
  if (files.length === 0) throw new CliError('usage: talk-capture check FILE... [--json]');
  const json = flags.has('--json');
  const results: FileResult[] = [];
  let index: LandscapeIndex | undefined;
  let indexLoaded = false;
  for (const file of files) {
    let text: string;
    try {
      text = readNoteFile(file);
    } catch (err) {
      results.push({ file, problems: [], error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    if (!indexLoaded) {
      index = loadLandscape(io);
      indexLoaded = true;
    }
    const notes = parseNotes(text, { fileName: path.basename(file) });
    results.push({ file, problems: checkNotes(text, notes, index) });
  }

  if (json) {
    const files = results.map((r) =>
      r.error !== undefined
        ? { file: r.file, error: r.error, problems: [] }
        : { file: r.file, problems: r.problems.map((p) => ({ line: p.line, kind: p.kind, message: p.message, column: p.column, severity: p.severity })) },
    );
    io.out(JSON.stringify({ files }, null, 2));
  } else {
    for (const r of results) {
      if (r.error !== undefined) {
        io.err(`talk-capture check: ${r.error}`);
        continue;
      }
      for (const p of r.problems) io.out(`${r.file}:${p.line}:${p.column}: ${SEVERITY[p.severity]} ${p.kind}: ${p.message}`);
      io.out(r.problems.length === 0 ? `${r.file}: ready to publish` : `${r.file}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} (${summarize(r.problems)})`);
    }
  }
  if (results.some((r) => r.error !== undefined)) return 2;
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
};
