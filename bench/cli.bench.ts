/**
 * The CLI on a large ordinary note (bench/generate.ts `generateLargeNote`): `link --write`,
 * `check`, `outline --json` and `todos --json` on notes of 1 MB and 4.5 MB, run in this process
 * through the CLI's own entry (reading and writing real files; no Node start-up), each beside
 * markdown-it (VS Code's Markdown engine) tokenizing the same text in the same run. The issue's
 * goal: a command on a note of a few MB in under 2 s; and the 4.5 MB time at most about 4.5×
 * the 1 MB time (linear).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import MarkdownIt from 'markdown-it';
import { generateLargeNote } from './generate';
import { median, type BenchRow } from './types';
import { main } from '../src/cli';

const SUITE = 'cli';
const MB = 1024 * 1024;
const COMMANDS: ReadonlyArray<[string, string[]]> = [
  ['link --write', ['link', '--write']],
  ['check', ['check']],
  ['outline --json', ['outline', '--json']],
  ['todos --json', ['todos', '--json']],
];

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-bench-'));
  const io = { out: () => undefined, err: () => undefined };
  const md = new MarkdownIt();
  const medians = new Map<string, number>();
  try {
    for (const size of [1, 4.5]) {
      // Two texts in turn (the core no longer remembers the last text it read; kept so that figures stay comparable).
      const texts = [generateLargeNote(size * MB, 7), `${generateLargeNote(size * MB, 7)}\n`];
      const label = `${size} MB (${texts[0].split('\n').length.toLocaleString('en-US')} lines)`;
      const peer: number[] = [];
      for (let k = 0; k < 4; k++) {
        const t = performance.now();
        md.parse(texts[k % 2], {});
        if (k > 0) peer.push(performance.now() - t);
      }
      for (const [name, args] of COMMANDS) {
        const times: number[] = [];
        // One warm-up run, then three timed ones; a fresh copy of the note for each (link --write changes it).
        for (let k = 0; k < 4; k++) {
          const file = path.join(dir, `note-${k}.md`);
          fs.writeFileSync(file, texts[k % 2]);
          const t = performance.now();
          await main([...args, file], io);
          if (k > 0) times.push(performance.now() - t);
        }
        const m = median(times);
        medians.set(`${name}@${size}`, m);
        const row: BenchRow = { suite: SUITE, name: `${name}, ${label} (median of 3)`, value: m, unit: 'ms', peer: { name: 'markdown-it parse', value: median(peer) } };
        if (size === 4.5) {
          row.goal = '≤ 2,000 ms';
          row.pass = m <= 2000;
        }
        rows.push(row);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const [name] of COMMANDS) {
    const ratio = (medians.get(`${name}@4.5`) ?? 0) / (medians.get(`${name}@1`) || 1);
    rows.push({ suite: SUITE, name: `${name}, 4.5 MB / 1 MB`, value: ratio, unit: 'ratio', goal: '≤ 6× (linear: 4.5×)', pass: ratio <= 6 });
  }
  return rows;
}
