/**
 * `talk-capture check PATH... [--json] [--strict] [--day-pattern REGEX]`: the problems to fix before publishing, the
 * same as the editor's Check Notes Before Publishing, of files and of the notes of folders (as
 * `todos` selects them: a blog's `content/` with its page bundles). Exit 1 when a note has an
 * error or a warning (something to fix before publishing); hints (information: unlinked project
 * mentions, typo hints, tag gaps) are printed and counted but fail only with --strict. 0 when
 * nothing must be fixed, 2 when a file cannot be read (or on a usage error).
 */
import * as fs from 'fs';
import * as path from 'path';
import { notesOfPaths } from './notesFs';
import { notesRules } from '../core/notes/workspaceNotes';
import { DAY_PATTERN_USAGE, dayPatternOf, parseCliArgs } from './args';
import { CliError, type CliCommand, type CliIO } from './command';
import { bundledIndexFile, loadIndexFile } from './landscapeIndex';
import { readNote, utf8Warning } from './readFile';
import type { LandscapeIndex } from '../core/landscape/landscapeIndex';
import { analyzeText } from '../core/analysis/noteAnalysis';
import { checkNotes, summarize, type PublishProblem } from '../core/publish/check';
import { messageOf } from '../core/util/errors';
import { plural } from '../core/util/plural';

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
      io.err(`talk-capture: the landscape index ${file} cannot be read (${messageOf(err)}); project checks are skipped`);
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
  /** The note was checked as far as it could be read (invalid UTF-8): exit code 2. */
  warning?: string;
}

const SEVERITY: Record<PublishProblem['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

const CHECK_USAGE = `usage: talk-capture check PATH... [--json] [--strict] ${DAY_PATTERN_USAGE}  (files, or folders such as a blog's content/)`;

/** A hint: information only, printed and counted, never a reason to stop publishing (unless --strict). */
const isHint = (p: PublishProblem) => p.severity === 'info';

export const run: CliCommand = async (args, io) => {
  const { paths, flags, values } = parseCliArgs(args, { json: {}, strict: {}, 'day-pattern': { value: true } }, CHECK_USAGE);
  const dayHeadingPattern = dayPatternOf(values);
  if (paths.length === 0) throw new CliError(CHECK_USAGE);
  const json = flags.has('json');
  const strict = flags.has('strict');
  const results: FileResult[] = [];
  let index: LandscapeIndex | undefined;
  let indexLoaded = false;
  const { notes, problems: listing } = await notesOfPaths(paths, notesRules(), 'keep');
  for (const problem of listing) io.err(`talk-capture check: ${problem}`);
  // A CI step pointed at the wrong folder must not pass by checking nothing.
  if (notes.length === 0) throw new CliError(`no notes in ${paths.join(', ')} (the Markdown files \`todos\` would read there)`);
  for (const { file } of notes) {
    let text: string;
    let warning: string | undefined;
    try {
      const note = readNote(file);
      warning = utf8Warning(note);
      text = note.text;
    } catch (err) {
      results.push({ file, problems: [], error: messageOf(err) });
      continue;
    }
    if (!indexLoaded) {
      index = loadLandscape(io);
      indexLoaded = true;
    }
    const analysis = analyzeText(text, { dayHeadingPattern, fileName: path.basename(file) }, index && { index, scope: 'cncf' });
    results.push({ file, problems: checkNotes(analysis), ...(warning ? { warning } : {}) });
  }

  if (json) {
    const files = results.map((r) =>
      r.error !== undefined
        ? { file: r.file, error: r.error, problems: [] }
        : {
            file: r.file,
            ...(r.warning ? { warning: r.warning } : {}),
            problems: r.problems.map((p) => ({ line: p.line, kind: p.kind, message: p.message, column: p.column, severity: p.severity })),
          },
    );
    io.out(JSON.stringify({ files }, null, 2));
  } else {
    for (const r of results) {
      if (r.error !== undefined) {
        io.err(`talk-capture check: ${r.error}`);
        continue;
      }
      if (r.warning) io.err(`talk-capture check: ${r.warning}`);
      for (const p of r.problems) io.out(`${r.file}:${p.line}:${p.column}: ${SEVERITY[p.severity]} ${p.kind}: ${p.message}`);
      io.out(`${r.file}: ${verdict(r.problems, r.warning !== undefined)}`);
    }
  }
  // A note that could not be fully read is never ready to publish.
  if (listing.length || results.some((r) => r.error !== undefined || r.warning !== undefined || r.problems.some((p) => p.kind === 'unread'))) return 2;
  return results.some((r) => r.problems.some((p) => strict || !isHint(p))) ? 1 : 0;
};

/**
 * `ready to publish`, `ready to publish; 2 hints (…)`, `3 problems (…); 1 hint (…)`; a note not
 * fully read (`partly`: not valid UTF-8) is never ready to publish.
 */
function verdict(problems: readonly PublishProblem[], partly: boolean): string {
  const hints = problems.filter(isHint);
  const fix = problems.filter((p) => !isHint(p));
  const count = (list: readonly PublishProblem[], word: string) => `${plural(list.length, word)} (${summarize(list)})`;
  const head = fix.length > 0 ? count(fix, 'problem') : partly ? 'not ready to publish (not fully read)' : 'ready to publish';
  return hints.length === 0 ? head : `${head}; ${count(hints, 'hint')}`;
}
