/**
 * Notes model speed: building the outline (parseNotes: scanner + model) of generated notes of
 * 300, 3,000 and 30,000 lines, against markdown-it (VS Code's Markdown engine) tokenizing the
 * same text in the same run; the remark reference reader for scale; and the TODO scan of a
 * workspace of 200 notes × 500 lines.
 */
import MarkdownIt from 'markdown-it';
import { generateNotes } from './generate';
import { median, timeRuns, type BenchRow } from './types';
import { parseNotes } from '../src/core/notes/parse';
import { parseNotesReference } from '../test/support/notesReference';

/**
 * Times a, then b, each after its own warm-up: one after the other rather than interleaved, so
 * neither pays for the garbage the other leaves behind (markdown-it's token arrays are large).
 */
function timePair(a: () => unknown, b: () => unknown, runs: number, warmup: number): [number[], number[]] {
  const ta = timeRuns(a, runs, warmup);
  const tb = timeRuns(b, runs, warmup);
  return [ta, tb];
}

export async function run(): Promise<BenchRow[]> {
  const md = new MarkdownIt();
  const rows: BenchRow[] = [];
  const medians = new Map<number, number>();
  for (const [lines, runs, warmup] of [
    [300, 100, 30],
    [3000, 40, 15],
    [30000, 15, 5],
  ] as const) {
    const text = generateNotes(lines, 42);
    // Two texts in turn (the core no longer remembers the last text it read; kept so that figures stay comparable).
    const texts = [text, `${text}\n`];
    let turn = 0;
    const [ours, peer] = timePair(
      () => parseNotes(texts[turn++ % 2]),
      () => md.parse(texts[turn++ % 2], {}),
      runs,
      warmup,
    );
    const m = median(ours);
    const p = median(peer);
    medians.set(lines, m);
    const row: BenchRow = { suite: 'notes', name: `outline ${lines.toLocaleString('en-US')} lines (median)`, value: m, unit: 'ms', peer: { name: 'markdown-it', value: p } };
    if (lines === 3000) {
      row.goal = '≤ 10 ms and ≤ markdown-it';
      row.pass = m <= 10 && m <= p;
    }
    if (lines === 30000) {
      const limit = 12 * (medians.get(3000) ?? 0);
      row.goal = `≤ 12× the 3,000-line time (${limit.toFixed(1)} ms)`;
      row.pass = m <= limit;
    }
    rows.push(row);
  }
  rows.push({
    suite: 'notes',
    name: 'outline 30,000 / 3,000 lines',
    value: (medians.get(30000) ?? 0) / (medians.get(3000) ?? 1),
    unit: 'ratio',
    goal: '≤ 12× (linear)',
    pass: (medians.get(30000) ?? 0) <= 12 * (medians.get(3000) ?? 0),
  });

  // The reference reader (remark), for scale: one warm run each.
  for (const lines of [300, 3000]) {
    const text = generateNotes(lines, 42);
    await parseNotesReference(text);
    const t = performance.now();
    await parseNotesReference(text);
    rows.push({
      suite: 'notes',
      name: `remark reference ${lines.toLocaleString('en-US')} lines`,
      value: performance.now() - t,
      unit: 'ms',
      peer: { name: 'outline (fast scanner)', value: medians.get(lines) ?? 0 },
    });
  }

  // A workspace of 200 notes × 500 lines scanned for TODO items.
  const files = Array.from({ length: 200 }, (_, i) => generateNotes(500, 1000 + i));
  const scan = () => files.reduce((n, f) => n + parseNotes(f, { fileName: 'notes.md' }).todos.length, 0);
  const naive = () => files.reduce((n, f) => n + (f.match(/TODO|FIXME|TBD|\(link\)|\]\(\)|\(check\)/g)?.length ?? 0), 0);
  const [scanTimes, naiveTimes] = timePair(scan, naive, 5, 2);
  const todoCount = scan();
  rows.push({
    suite: 'notes',
    name: `TODO scan 200 files × 500 lines (${todoCount} items)`,
    value: median(scanTimes),
    unit: 'ms',
    peer: { name: 'one regex over the text', value: median(naiveTimes) },
    goal: '≤ 1,000 ms',
    pass: median(scanTimes) <= 1000,
  });
  return rows;
}
