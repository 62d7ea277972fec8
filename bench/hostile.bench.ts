/**
 * Hostile notes (the shapes of test/unit/core/notes/parse.fuzz and test/unit/cli.pathological: runs of `[`,
 * `(link) `, nested list markers, a long prose line, spaces), read into the outline, each beside
 * an ordinary generated note of the same size read in the same run. The tests prove that these
 * notes are read or refused with a reason; this reports how long they take. The goal: no hostile
 * shape costs more than a few times an ordinary note of its size (no super-linear work).
 */
import { generateNotes } from './generate';
import { median, timeRuns, type BenchRow } from './types';
import { parseNotes } from '../src/core/notes/parse';

const SUITE = 'hostile';
const SIZE = 1_000_000;

const SHAPES: ReadonlyArray<[string, string]> = [
  ['runs of [', '['],
  ['(link) runs', '(link) '],
  ['[]() runs', '[]() '],
  ['nested list markers', '- '],
  ['a long prose line', 'We run Kubernetes with Prometheus and Envoy in production. '],
  ['spaces then x', ' '],
  ['emphasis runs', '*a'],
  ['backtick runs', '`a'],
];

function fill(piece: string, chars: number): string {
  return piece.repeat(Math.ceil(chars / piece.length)).slice(0, chars);
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let ordinary = generateNotes(200, 11);
  while (ordinary.length < SIZE) ordinary += generateNotes(200, ordinary.length);
  ordinary = ordinary.slice(0, SIZE);
  // Two texts in turn (the core no longer remembers the last text it read; kept so that figures stay comparable).
  const peerTexts = [ordinary, `${ordinary}\n`];
  let turn = 0;
  const peer = median(timeRuns(() => parseNotes(peerTexts[turn++ % 2]), 5, 2));
  for (const [name, piece] of SHAPES) {
    const text = `## Talk\n\nTODO: slides\n\n${fill(piece, SIZE)}x\n`;
    const texts = [text, `${text}\n`];
    const value = median(timeRuns(() => parseNotes(texts[turn++ % 2]), 5, 2));
    rows.push({
      suite: SUITE,
      name: `outline of 1 MB of ${name} (median)`,
      value,
      unit: 'ms',
      peer: { name: 'ordinary 1 MB note', value: peer },
      goal: '≤ 5× the ordinary note',
      pass: value <= 5 * peer,
    });
  }
  return rows;
}
