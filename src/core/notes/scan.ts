/**
 * The block scan of a note: its block structure read in one pass over its lines, the way
 * CommonMark + GFM (remark) read it: front matter (through the one front matter reader),
 * root headings (ATX and setext), fenced and indented code, HTML blocks with their end
 * conditions, block quotes, lists (nested without recursion, at most MAX_NESTING item markers
 * on one line), tables, paragraphs, link reference definitions (hidden drafts), and then the
 * code spans of each paragraph (also across its lines). Every reader of a note (the outline,
 * TODOs, the mention scan, the check) works from this one result. Headings inside lists and
 * block quotes are not outline entries. A test holds it to the remark-based reader
 * (./reference.ts) on every fixture.
 */
import { lineStarts } from '../document';
import type { OpenResult } from '../frontmatter/index';
import { work } from '../util/work';
import { type Blocks, type HeadingBlock, hiddenContent, LineKind } from './blocks';
import { findCodeSpans } from './codeSpans';
import { emptyFrontMatter, frontMatterOf } from './frontMatter';
import { listContent, listLine } from './listItems';
import { fencedCodeLine, htmlBlockLine, quoteLine } from './openBlocks';
import {
  ATX,
  atxContent,
  DEFINITION,
  FENCE_OPEN,
  htmlStart,
  indentOf,
  isTableStart,
  itemContent,
  LIST,
  listCanStart,
  listContentColumn,
  SETEXT,
  setextContent,
  splitLines,
  startsBlock,
  THEMATIC,
} from './lineSyntax';
import { addDefinition, newScanState, spansOf } from './scanState';

/**
 * Reads the blocks of a note in one pass. `opened` is the front matter verdict when the caller
 * has it (a note's analysis reads it once for every part). Nothing is remembered here: the
 * one analysis of a note version (../analysis/noteAnalysis.ts) keeps the result.
 */
export function scanBlocks(text: string, opened?: OpenResult): Blocks {
  work.blockScans++;
  const starts = lineStarts(text);
  const lines = splitLines(text, starts);
  const s = newScanState(lines);
  const { excluded, kind, inlineFrom, groupOf, definitions, definitionUrls, skipped, lists } = s;
  const codeSpans = new Map<number, Array<[number, number]>>();
  const headings: HeadingBlock[] = [];
  const hidden: Array<{ line: number }> = [];
  const paragraphStarts: number[] = [];
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

  // Block state (the rest is in s).
  let paraStart = -1;
  let paraIndex = -1; // index in paragraphStarts of the open root paragraph

  for (; i < lines.length; i++) {
    const line = lines[i];
    work.steps++;

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

    // Root level.
    if (cols >= 4 && !s.para && !s.table) {
      excluded[i] = 1;
      kind[i] = LineKind.Code;
      s.indentedCode = true;
      s.lastBlank = false;
      continue;
    }
    if (s.indentedCode && cols >= 4) {
      excluded[i] = 1;
      kind[i] = LineKind.Code;
      s.lastBlank = false;
      continue;
    }
    s.indentedCode = false;

    const ch = line[idx];
    const f = ch === '`' || ch === '~' ? FENCE_OPEN.exec(line) : null;
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      s.fence = { char: f[1][0], len: f[1].length, quoted: false, indent: cols };
      excluded[i] = 1;
      kind[i] = LineKind.Code;
      closePara();
      s.table = undefined;
      s.lastBlank = false;
      continue;
    }
    if (ch === '#' && ATX.test(line)) {
      closePara();
      s.table = undefined;
      headings.push({ line: i + 1, level: ATX.exec(line)![1].length, raw: atxContent(line) });
      spansOf(s, i, 0, false, true);
      s.lastBlank = false;
      continue;
    }
    if (s.para === 'root' && (ch === '=' || ch === '-') && SETEXT.test(line)) {
      const level = line.trim()[0] === '=' ? 1 : 2;
      const raw = setextContent(lines.slice(paraStart, i));
      headings.push({ line: paraStart + 1, level, raw });
      for (let k = paraStart; k < i; k++) if (kind[k] === LineKind.Inline) kind[k] = LineKind.Heading;
      kind[i] = LineKind.Other;
      paragraphStarts.splice(paraIndex, 1);
      s.para = undefined;
      s.lastBlank = false;
      continue;
    }
    if ((ch === '*' || ch === '-' || ch === '_') && THEMATIC.test(line)) {
      closePara();
      s.table = undefined;
      s.lastBlank = false;
      continue;
    }
    const lm = ch === '*' || ch === '-' || ch === '+' || (ch >= '0' && ch <= '9') ? LIST.exec(line) : null;
    if (lm && listCanStart(line, lm, s.para === 'root')) {
      closePara();
      s.table = undefined;
      const contentCol = listContentColumn(line, lm);
      lists.length = 0;
      lists.push(contentCol);
      const inner = itemContent(line, lm, contentCol);
      // the first line of the item: its content is at contentCol
      listContent(s, i, inner, contentCol, true);
      continue;
    }
    const h = ch === '<' ? htmlStart(line, !!s.para) : undefined;
    if (h) {
      closePara();
      s.table = undefined;
      kind[i] = LineKind.Html;
      if (h.end && h.end.test(line.slice(idx + 2))) s.html = undefined;
      else s.html = h;
      s.lastBlank = false;
      continue;
    }
    if (s.table === 'root') {
      spansOf(s, i);
      s.lastBlank = false;
      continue;
    }
    if (line.includes('|') && isTableStart(line, lines[i + 1])) {
      closePara();
      s.table = 'root';
      spansOf(s, i);
      spansOf(s, i + 1);
      kind[i + 1] = LineKind.Other;
      i++;
      s.lastBlank = false;
      continue;
    }
    if (!s.para) {
      const d = ch === '[' ? DEFINITION.exec(line) : null;
      if (d) {
        addDefinition(s, d);
        kind[i] = LineKind.Definition;
        if (hiddenContent(line)) hidden.push({ line: i + 1 });
        s.lastBlank = false;
        continue;
      }
      s.para = 'root';
      paraStart = i;
      paraIndex = paragraphStarts.length;
      paragraphStarts.push(i + 1);
      spansOf(s, i);
    } else spansOf(s, i, 0, true);
    s.lastBlank = false;
  }

  findCodeSpans(lines, inlineFrom, groupOf, codeSpans);
  return { frontMatter, lines, lineStarts: starts, headings, hidden, paragraphStarts, excluded, codeSpans, definitions, definitionUrls, kind, inlineFrom, groupOf, skipped };

  function closePara(): void {
    s.para = undefined;
  }
}
