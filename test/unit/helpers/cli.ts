/**
 * The one way the unit tests run the CLI: `main`, the same code as the `talk-capture` binary, in
 * this process, with the terminal captured line by line.
 */
import { main } from '../../../src/cli';

export interface CliRun {
  code: number;
  /** What went to standard output. */
  out: string;
  /** What went to standard error. */
  err: string;
  /** Both streams in the order they were written. */
  all: string;
  outLines: string[];
  errLines: string[];
}

async function run(argv: string[], join: (lines: string[]) => string): Promise<CliRun> {
  const outLines: string[] = [];
  const errLines: string[] = [];
  const allLines: string[] = [];
  const code = await main(argv, {
    out: (t) => {
      outLines.push(t);
      allLines.push(t);
    },
    err: (t) => {
      errLines.push(t);
      allLines.push(t);
    },
  });
  return { code, out: join(outLines), err: join(errLines), all: join(allLines), outLines, errLines };
}

/** Runs the CLI; each stream is its lines joined by line breaks (no break after the last). */
export function cli(...argv: string[]): Promise<CliRun> {
  return run(argv, (lines) => lines.join('\n'));
}

/** Runs the CLI; each stream as a terminal shows it, every line ending in a line break. */
export function cliText(...argv: string[]): Promise<CliRun> {
  return run(argv, (lines) => lines.map((l) => l + '\n').join(''));
}
