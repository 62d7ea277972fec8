/**
 * The inline scan of a later version of a note (./proseScan.ts) from an earlier version's, when
 * the block scan was resumed from that version's blocks (../notes/scanResume.ts): the runs,
 * links, heading lines and skipped lines before and after the lines the block scan read are
 * taken over (the ones after moved by the edit's characters and lines), when the definitions
 * and the first line of the body are the same. A line's inline facts depend on the line, its
 * blocks and the definitions, and an open HTML comment never runs past a line where the block
 * scan had no block open.
 */
import type { Blocks, SkippedPart } from '../notes/blocks';
import { itself, lowerBound } from '../util/search';
import type { ProseRun, ScanResult, ScannedLink } from './scanResult';

/** An earlier version's inline scan and blocks. */
export interface InlineSince {
  prev: ScanResult;
  prevBlocks: Blocks;
  /** How far the unchanged tail's offsets moved. */
  offset: number;
}

/** The lines the block scan read, when the earlier scan's other lines can be taken over (same definitions, same body start). */
export function reusable(since: InlineSince, blocks: Blocks, first: number): { from: number; to: number; shift: number } | undefined {
  const r = blocks.resumed;
  if (!r || r.from < first || since.prev.bodyStartLine !== first) return undefined;
  const a = blocks.definitionUrls;
  const b = since.prevBlocks.definitionUrls;
  if (a.size !== b.size) return undefined;
  for (const [label, url] of a) if (b.get(label) !== url) return undefined;
  return r;
}

/** The earlier scan's runs, links, headings and skipped lines before line `from` (unchanged, the same objects). */
export function takeBefore(prev: ScanResult, from: number, runs: ProseRun[], links: ScannedLink[], headingLines: number[], skipped: SkippedPart[]): void {
  const byLine = (e: { line: number }) => e.line;
  runs.push(...prev.runs.slice(0, lowerBound(prev.runs, from, byLine)));
  links.push(...prev.links.slice(0, lowerBound(prev.links, from, byLine)));
  headingLines.push(...prev.headingLines.slice(0, lowerBound(prev.headingLines, from, itself)));
  for (const p of prev.skipped) if (p.line - 1 < from) skipped.push(p);
}

/** The earlier scan's runs, links, headings and skipped lines from its line `from` on, moved by `shift` lines and `offset` characters. */
export function takeFrom(
  prev: ScanResult,
  from: number,
  shift: number,
  offset: number,
  runs: ProseRun[],
  links: ScannedLink[],
  headingLines: number[],
  skipped: SkippedPart[],
): void {
  const byLine = (e: { line: number }) => e.line;
  for (let k = lowerBound(prev.runs, from, byLine); k < prev.runs.length; k++) {
    const r = prev.runs[k];
    runs.push({ start: r.start + offset, end: r.end + offset, line: r.line + shift, lineStart: r.lineStart + offset, heading: r.heading });
  }
  for (let k = lowerBound(prev.links, from, byLine); k < prev.links.length; k++) {
    const l = prev.links[k];
    links.push({ ...l, start: l.start + offset, end: l.end + offset, textStart: l.textStart + offset, textEnd: l.textEnd + offset, line: l.line + shift });
  }
  for (let k = lowerBound(prev.headingLines, from, itself); k < prev.headingLines.length; k++) headingLines.push(prev.headingLines[k] + shift);
  for (const p of prev.skipped) if (p.line - 1 >= from) skipped.push({ ...p, line: p.line + shift });
}
