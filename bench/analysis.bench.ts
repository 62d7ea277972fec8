/**
 * Work per keystroke: on a 3,000-line note, a one-line edit (a letter typed), then the full
 * analysis as every feature asks for it (Talks and TODO Links views, project hints, completion,
 * hover, the live publish check and its schedule queries: bench/keystroke.ts), through the
 * editor's one cache, against one markdown-it parse (VS Code's Markdown engine) of the same
 * text in the same run. Goal: ≤ 0.5× the markdown-it parse. Also the work counted per
 * keystroke (block scans, model builds, mention passes: each exactly 1).
 */
import * as path from 'path';
import MarkdownIt from 'markdown-it';
import { askLikeEveryFeature, typeOnLine } from './keystroke';
import { generateNotes } from './generate';
import { median, type BenchRow } from './types';
import { loadIndexFile } from '../src/cli/landscapeIndex';
import { AnalysisCache } from '../src/core/analysis/cache';
import { resetWork, workCounts } from '../src/core/util/work';

const SUITE = 'analysis';

/** Versions of `base`, each one keystroke on the version before, as flat strings. */
function keystrokes(base: string, n: number, key: (k: number) => string): string[] {
  const texts: string[] = [];
  let text = base;
  for (let k = 0; k < n; k++) {
    text = typeOnLine(text, 100 + ((k * 61) % 2800), key(k));
    // One flat string, as the editor's getText() gives (a string built by concatenation would
    // make whichever reader touches it first pay for flattening it).
    texts.push(Buffer.from(text, 'utf8').toString('utf8'));
  }
  return texts;
}

/** Median ms of every feature asking after each version, and of one markdown-it parse of it, interleaved (both meet the same load of a busy machine). */
function measure(
  texts: string[],
  warmup: number,
  uri: string,
  ask: (v: { uri: string; version: number; text: string }) => number,
  md: { parse(src: string, env: object): unknown[] },
): { ours: number; peer: number } {
  const ours: number[] = [];
  const peer: number[] = [];
  let sink = 0;
  for (let k = 0; k < texts.length; k++) {
    const t = performance.now();
    sink += ask({ uri, version: k + 1, text: texts[k] });
    const u = performance.now();
    sink += md.parse(texts[k], {}).length;
    const v = performance.now();
    if (k >= warmup) {
      ours.push(u - t);
      peer.push(v - u);
    }
  }
  if (sink < 0) throw new Error('unreachable');
  return { ours: median(ours), peer: median(peer) };
}

export async function run(): Promise<BenchRow[]> {
  const index = loadIndexFile(path.join(__dirname, '..', 'data', 'landscape.json'));
  const landscape = { index, scope: 'cncf' as const };
  const settings = { fileName: 'notes.md', todoPatterns: [], maxChars: 50_000_000 };
  const md = new MarkdownIt();
  const base = generateNotes(3000, 42);
  // Keystrokes on lines through the note, each a new version of the one document: a one-line
  // edit of the version before it (a letter typed), as the editor sees typing.
  const RUNS = 40;
  const WARMUP = 10;
  const texts = keystrokes(base, RUNS + WARMUP, (k) => String.fromCharCode(97 + (k % 26)));
  const cache = new AnalysisCache();
  const ask = (v: { uri: string; version: number; text: string }) => askLikeEveryFeature(cache, v, settings, landscape);
  resetWork();
  const { ours: m, peer: p } = measure(texts, WARMUP, 'file:///notes.md', ask, md);
  const counts = workCounts();
  // Enter at the end of a line: every line after it moves.
  const enters = measure(
    keystrokes(base, RUNS + WARMUP, () => '\n'),
    WARMUP,
    'file:///enter.md',
    ask,
    md,
  );
  const perKey = (n: number) => n / texts.length;
  return [
    { suite: SUITE, name: 'work per keystroke, 3,000-line note: every feature asks (median)', value: m, unit: 'ms', peer: { name: 'markdown-it parse', value: p } },
    { suite: SUITE, name: 'work per keystroke / one markdown-it parse', value: m / p, unit: 'ratio', goal: '≤ 0.5×', pass: m / p <= 0.5 },
    { suite: SUITE, name: 'the same after Enter (every later line moves), median', value: enters.ours, unit: 'ms', peer: { name: 'markdown-it parse', value: enters.peer } },
    { suite: SUITE, name: 'after Enter / one markdown-it parse', value: enters.ours / enters.peer, unit: 'ratio' },
    {
      suite: SUITE,
      name: 'frontMatterParses per keystroke (the edits leave the front matter alone: taken over)',
      value: perKey(counts.frontMatterParses),
      unit: 'count',
      goal: '≤ 1',
      pass: perKey(counts.frontMatterParses) <= 1,
    },
    ...(['blockScans', 'modelBuilds', 'inlineScans', 'mentionPasses'] as const).map((k): BenchRow => ({
      suite: SUITE,
      name: `${k} per keystroke`,
      value: perKey(counts[k]),
      unit: 'count',
      goal: '= 1',
      pass: perKey(counts[k]) === 1,
    })),
  ];
}
