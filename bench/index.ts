/**
 * `npm run bench`: runs every bench/*.bench.ts, prints a table of figures with the peer
 * measured in the same run and the goal, and with --json the same rows as JSON.
 * Benchmarks assert nothing: tests assert behaviour, the bench reports speed and memory.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BenchRow, BenchSuite } from './types';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  const rows: BenchRow[] = [];
  for (const f of files) {
    const mod = (await import(path.join(__dirname, f))) as { run: BenchSuite };
    if (!json) process.stderr.write(`running ${f}...\n`);
    rows.push(...(await mod.run()));
  }
  if (json) {
    process.stdout.write(JSON.stringify({ node: process.version, rows }, null, 2) + '\n');
    return;
  }
  const fmt = (v: number, unit: string) =>
    unit === 'ms' ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : unit === 'ratio' ? `${v.toFixed(2)}×` : `${Number.isInteger(v) ? v : v.toFixed(2)} ${unit}`;
  const table = rows.map((r) => [
    r.suite,
    r.name,
    fmt(r.value, r.unit),
    r.peer ? `${r.peer.name}: ${fmt(r.peer.value, r.unit)}` : '',
    r.peer && r.peer.value > 0 ? `${(r.value / r.peer.value).toFixed(2)}×` : '',
    r.goal ?? '',
    r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED',
  ]);
  const head = ['suite', 'figure', 'value', 'peer (same run)', 'vs peer', 'goal', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(`Node ${process.version}`);
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of table) console.log(line(r));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
