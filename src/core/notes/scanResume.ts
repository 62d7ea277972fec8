/**
 * The block scan of a later version of a note (./scan.ts) from an earlier version's blocks:
 * where it may start, and how the blocks before and after the lines it read are taken over.
 *
 * The scan of a line depends on the line, the one after it (a table's delimiter row) and the
 * blocks open before it. So when the earlier scan started line `r` with no block open and the
 * lines before `r + 1` are unchanged, everything before `r` is as it was, and the scan starts
 * there with nothing open. Once it reaches a line of the unchanged tail in the same state as
 * the earlier scan reached that line (no block open, same blank line before), every block from
 * there on is the earlier one, moved by the number of lines the edit added.
 */
import type { LineDiff } from '../util/lineDiff';
import { lowerBound } from '../util/search';
import type { Blocks, Definition, HeadingBlock } from './blocks';
import { findCodeSpans } from './codeSpans';
import type { FrontMatterInfo } from '../frontmatter/format';
import type { RootBlocks } from './rootBlocks';
import { defineLabel, type ScanState } from './scanState';

type CodeSpans = Blocks['codeSpans'];

/** The blocks of a finished scan; the code spans of the lines [from, end) it read are found here. */
export function blocksOf(
  s: ScanState,
  root: RootBlocks,
  frontMatter: FrontMatterInfo,
  lineStarts: number[],
  codeSpans: CodeSpans = new Map(),
  from = 0,
  end = s.lines.length,
): Blocks {
  findCodeSpans(s.lines, s.inlineFrom, s.groupOf, codeSpans, from, end);
  return {
    frontMatter,
    lines: s.lines,
    lineStarts,
    headings: root.headings,
    hidden: root.hidden,
    paragraphStarts: root.paragraphStarts,
    excluded: s.excluded,
    codeSpans,
    definitions: s.definitions,
    definitionUrls: s.definitionUrls,
    kind: s.kind,
    inlineFrom: s.inlineFrom,
    groupOf: s.groupOf,
    skipped: s.skipped,
    definitionList: s.definitionList,
    clean: s.clean,
  };
}

/** Entries with a 1-based `line` before 0-based line `r` (the list is in line order). */
const before1 = <T extends { line: number }>(list: readonly T[], r: number): T[] =>
  list.slice(
    0,
    lowerBound(list, r + 1, (e) => e.line),
  );

/** A resumed scan: the line it starts at, the first line of the unchanged tail, and how it ends. */
export interface Resume {
  from: number;
  tail: number;
  /** The earlier scan's state code (`cleanState`) at the earlier line that new line `i` of the tail was. */
  cleanAt(i: number): number;
  /** Takes over the earlier blocks from new line `i` on (or none when `i` is the end) and returns the blocks. */
  finish(s: ScanState, root: RootBlocks, i: number, frontMatter: FrontMatterInfo): Blocks;
}

/**
 * Prepares `s` and `root` to scan from the last line before the edit where the earlier scan had
 * no block open (what came before copied in), or undefined when the scan must read it all (the
 * front matter changed, or no such line). `close`: the 0-based line closing the front matter
 * (-2 when there is none).
 */
export function resumeAt({ prev, diff, table }: { prev: Blocks; diff: LineDiff; table: { starts: number[] } }, close: number, s: ScanState, root: RootBlocks): Resume | undefined {
  const prevClean = prev.clean;
  const prevDefs = prev.definitionList;
  if (!prevClean || !prevDefs) return undefined;
  const prevClose = prev.frontMatter.format ? (prev.frontMatter.endLine ?? 0) - 1 : -2;
  if (close !== prevClose || (prev.frontMatter.format && prev.frontMatter.endLine === null)) return undefined;
  let r = Math.min(diff.head - 1, prevClean.length - 1);
  while (r > close && !prevClean[r]) r--;
  if (r <= close + 1 || r <= 0) return undefined;
  // Lines before r: as the earlier scan read them.
  s.kind.set(prev.kind.subarray(0, r));
  s.excluded.set(prev.excluded.subarray(0, r));
  s.inlineFrom.set(prev.inlineFrom.subarray(0, r));
  s.groupOf.set(prev.groupOf.subarray(0, r));
  s.clean.set(prevClean.subarray(0, r));
  s.lastBlank = prevClean[r] === 2;
  for (const d of prevDefs) {
    if (d.line >= r) break;
    s.definitionList.push(d);
    defineLabel(s, d);
  }
  const body = close + 1; // the front matter's own refusal was pushed by the scan
  for (const p of prev.skipped) if (p.line - 1 >= body && p.line - 1 < r) s.skipped.push(p);
  root.headings.push(...before1(prev.headings, r));
  root.hidden.push(...before1(prev.hidden, r));
  root.paragraphStarts.push(
    ...prev.paragraphStarts.slice(
      0,
      lowerBound(prev.paragraphStarts, r + 1, (p) => p),
    ),
  );
  const codeSpans: CodeSpans = new Map();
  for (const [line, spans] of prev.codeSpans) if (line < r) codeSpans.set(line, spans);
  const shift = diff.newTail - diff.oldTail;
  return {
    from: r,
    tail: diff.newTail,
    cleanAt: (i) => prevClean[i - shift] ?? 0,
    finish(s, root, i, frontMatter) {
      const blocks = blocksOf(s, root, frontMatter, table.starts, codeSpans, r, i);
      if (i < s.lines.length) takeTail(prev, i - shift, shift, s, root, codeSpans);
      blocks.resumed = { from: r, to: i, shift };
      return blocks;
    },
  };
}

/** The earlier scan's blocks from its line `j` on, moved by `shift` lines. */
function takeTail(prev: Blocks, j: number, shift: number, s: ScanState, root: RootBlocks, codeSpans: CodeSpans): void {
  const i = j + shift;
  s.kind.set(prev.kind.subarray(j), i);
  s.excluded.set(prev.excluded.subarray(j), i);
  s.inlineFrom.set(prev.inlineFrom.subarray(j), i);
  s.clean.set(prev.clean!.subarray(j), i);
  const group = prev.groupOf;
  for (let k = j; k < group.length; k++) s.groupOf[k + shift] = group[k] < 0 ? -1 : group[k] + shift;
  for (const d of prev.definitionList!) {
    if (d.line < j) continue;
    const moved: Definition = shift ? { ...d, line: d.line + shift } : d;
    s.definitionList.push(moved);
    defineLabel(s, moved);
  }
  for (const p of prev.skipped) if (p.line - 1 >= j) s.skipped.push(shift ? { ...p, line: p.line + shift } : p);
  const moved = <T extends { line: number }>(list: readonly T[]): T[] => {
    const out: T[] = [];
    for (let k = lowerBound(list, j + 1, (e) => e.line); k < list.length; k++) out.push(shift ? { ...list[k], line: list[k].line + shift } : list[k]);
    return out;
  };
  root.headings.push(...moved<HeadingBlock>(prev.headings));
  root.hidden.push(...moved(prev.hidden));
  for (let k = lowerBound(prev.paragraphStarts, j + 1, (p) => p); k < prev.paragraphStarts.length; k++) root.paragraphStarts.push(prev.paragraphStarts[k] + shift);
  for (const [line, spans] of prev.codeSpans) if (line >= j) codeSpans.set(line + shift, spans);
}
