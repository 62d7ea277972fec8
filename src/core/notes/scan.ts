/**
 * The block scan of a note: its block structure read in one pass over its lines, the way
 * CommonMark + GFM (remark) read it: front matter (through the one front matter reader),
 * root headings (ATX and setext), fenced and indented code, HTML blocks with their end
 * conditions, block quotes, lists (nested without recursion, at most MAX_NESTING item markers
 * on one line), tables, paragraphs, link reference definitions (hidden drafts), and then the
 * code spans of each paragraph (also across its lines). Every reader of a note (the outline,
 * TODOs, the mention scan, the check) works from this one result. Headings inside lists and
 * block quotes are not outline entries. A test holds it to the remark-based reader
 * (test/support/notesReference.ts) on every fixture.
 */
import { lineStarts } from '../document';
import type { OpenResult } from '../frontmatter/fields';
import { work } from '../util/work';
import { type Blocks, LineKind } from './blocks';
import { emptyFrontMatter, frontMatterOf } from './frontMatter';
import { listLine } from './listItems';
import { fencedCodeLine, htmlBlockLine, quoteLine } from './openBlocks';
import { indentOf, noteLines, startsBlock } from './lineSyntax';
import { newRootBlocks, rootLine } from './rootBlocks';
import { cleanState, newScanState, spansOf } from './scanState';
import { blocksOf, resumeAt } from './scanResume';
import type { LineDiff, LineTable } from '../util/lineDiff';

/** An earlier version's blocks and the line diff from it: the scan reads only what the edit may have changed. */
export interface Since {
  prev: Blocks;
  diff: LineDiff;
  /** This version's line table (from the diff). */
  table: LineTable;
}

/**
 * Reads the blocks of a note in one pass. `opened` is the front matter verdict when the caller
 * has it (a note's analysis reads it once for every part). With `since` (an earlier version's
 * blocks and the line diff from it), the scan starts at the last line before the edit where no
 * block was open and stops at the first line after it where the scan is in the state the earlier
 * scan was in at the same line: the blocks before and after are taken over (./scanResume.ts).
 * Nothing is remembered here: the one analysis of a note version (../analysis/noteAnalysis.ts)
 * keeps the result.
 */
export function scanBlocks(text: string, opened?: OpenResult, since?: Since): Blocks {
  work.blockScans++;
  const starts = since ? since.table.starts : lineStarts(text);
  const lines = since ? since.table.lines : noteLines(text, starts);
  const s = newScanState(lines);
  const { excluded, kind, skipped, lists, clean } = s;
  const root = newRootBlocks();
  let frontMatter = emptyFrontMatter();

  let i = 0;
  const fm = frontMatterOf(text, opened);
  if (fm.refused) skipped.push(fm.refused);
  if (fm.info.format) {
    frontMatter = fm.info;
    if (fm.close >= 0) {
      for (let k = 0; k <= fm.close; k++) {
        excluded[k] = 1;
        kind[k] = LineKind.FrontMatter;
      }
      i = fm.close + 1;
    }
  }
  const resume = since && resumeAt(since, fm.info.format ? fm.close : -2, s, root);
  if (resume) i = resume.from;

  for (; i < lines.length; i++) {
    const line = lines[i];
    work.steps++;
    clean[i] = cleanState(s);
    if (resume && i >= resume.tail && clean[i] && clean[i] === resume.cleanAt(i)) return resume.finish(s, root, i, frontMatter);

    if (fencedCodeLine(s, i)) continue;
    if (htmlBlockLine(s, i)) continue;

    const { cols, idx } = indentOf(line);
    if (idx === line.length) {
      s.para = undefined;
      s.table = undefined;
      s.lastBlank = true;
      continue;
    }

    // Block quotes (at the root, or inside a list item).
    if (cols <= 3 + (lists.length ? lists[lists.length - 1] : 0) && line[idx] === '>') {
      quoteLine(s, i, cols, idx);
      continue;
    }
    if (s.inQuote) {
      if (s.para === 'quote' && !startsBlock(line, true)) {
        spansOf(s, i, 0, true); // lazy continuation of the quoted paragraph
        s.lastBlank = false;
        continue;
      }
      s.inQuote = false;
      s.para = undefined;
    }

    // List items and their content.
    if (listLine(s, i, cols)) continue;

    // Root level: one reader per block kind (./rootBlocks.ts).
    i += rootLine(s, root, i, cols, idx) - 1;
  }

  if (resume) return resume.finish(s, root, lines.length, frontMatter);
  return blocksOf(s, root, frontMatter, starts);
}
