/**
 * The block scan (./scan.ts) at the root of a note: one reader per block kind (indented code,
 * a fence's opening, ATX and setext headings, thematic breaks, a list's first item, an HTML
 * block's start, tables, link reference definitions, paragraphs), tried in CommonMark's order
 * by {@link rootLine}. Each reads the one line (two for a table's header and delimiter row) in
 * constant steps besides its linear regexes.
 */
import { type HeadingBlock, hiddenContent, LineKind } from './blocks';
import { listContent } from './listItems';
import {
  ATX,
  atxContent,
  DEFINITION,
  FENCE_OPEN,
  htmlStart,
  isTableStart,
  itemContent,
  LIST,
  listCanStart,
  listContentColumn,
  SETEXT,
  setextContent,
  THEMATIC,
} from './lineSyntax';
import { addDefinition, spansOf, type ScanState } from './scanState';

/** What the root readers collect besides the scan state. */
export interface RootBlocks {
  readonly headings: HeadingBlock[];
  readonly hidden: Array<{ line: number }>;
  /** 1-based first lines of the root paragraphs. */
  readonly paragraphStarts: number[];
  /** The open root paragraph: its first line (0-based) and its index in paragraphStarts. */
  paraStart: number;
  paraIndex: number;
}

export function newRootBlocks(): RootBlocks {
  return { headings: [], hidden: [], paragraphStarts: [], paraStart: -1, paraIndex: -1 };
}

/** One root line: its 0-based number, its text, the columns and index of its first non-blank character. */
interface RootLine {
  i: number;
  line: string;
  cols: number;
  idx: number;
  ch: string;
}

/** A reader of one block kind: how many lines it took (0: not its kind). */
type RootReader = (s: ScanState, r: RootBlocks, l: RootLine) => number;

/** A block that ends the open paragraph and table starts on this line. */
function closeOpen(s: ScanState): void {
  s.para = undefined;
  s.table = undefined;
}

const indentedCode: RootReader = (s, _r, { i, cols }) => {
  const opens = cols >= 4 && !s.para && !s.table;
  if (!opens && !(s.indentedCode && cols >= 4)) {
    s.indentedCode = false;
    return 0;
  }
  s.excluded[i] = 1;
  s.kind[i] = LineKind.Code;
  if (opens) s.indentedCode = true;
  s.lastBlank = false;
  return 1;
};

const fenceOpening: RootReader = (s, _r, { i, line, cols, ch }) => {
  const f = ch === '`' || ch === '~' ? FENCE_OPEN.exec(line) : null;
  if (!f || (f[1][0] === '`' && f[2].includes('`'))) return 0;
  s.fence = { char: f[1][0], len: f[1].length, quoted: false, indent: cols };
  s.excluded[i] = 1;
  s.kind[i] = LineKind.Code;
  closeOpen(s);
  s.lastBlank = false;
  return 1;
};

const atxHeading: RootReader = (s, r, { i, line, ch }) => {
  const m = ch === '#' ? ATX.exec(line) : null;
  if (!m) return 0;
  closeOpen(s);
  r.headings.push({ line: i + 1, level: m[1].length, raw: atxContent(line) });
  spansOf(s, i, 0, false, true);
  s.lastBlank = false;
  return 1;
};

const setextUnderline: RootReader = (s, r, { i, line, ch }) => {
  if (s.para !== 'root' || (ch !== '=' && ch !== '-') || !SETEXT.test(line)) return 0;
  const level = line.trim()[0] === '=' ? 1 : 2;
  r.headings.push({ line: r.paraStart + 1, level, raw: setextContent(s.lines.slice(r.paraStart, i)) });
  for (let k = r.paraStart; k < i; k++) if (s.kind[k] === LineKind.Inline) s.kind[k] = LineKind.Heading;
  s.kind[i] = LineKind.Other;
  r.paragraphStarts.splice(r.paraIndex, 1);
  s.para = undefined;
  s.lastBlank = false;
  return 1;
};

const thematicBreak: RootReader = (s, _r, { line, ch }) => {
  if ((ch !== '*' && ch !== '-' && ch !== '_') || !THEMATIC.test(line)) return 0;
  closeOpen(s);
  s.lastBlank = false;
  return 1;
};

const listStart: RootReader = (s, _r, { i, line, ch }) => {
  const lm = ch === '*' || ch === '-' || ch === '+' || (ch >= '0' && ch <= '9') ? LIST.exec(line) : null;
  if (!lm || !listCanStart(line, lm, s.para === 'root')) return 0;
  closeOpen(s);
  const contentCol = listContentColumn(line, lm);
  s.lists.length = 0;
  s.lists.push(contentCol);
  // the first line of the item: its content is at contentCol
  listContent(s, i, itemContent(line, lm, contentCol), contentCol, true);
  return 1;
};

const htmlBlockStart: RootReader = (s, _r, { i, line, idx, ch }) => {
  const h = ch === '<' ? htmlStart(line, !!s.para) : undefined;
  if (!h) return 0;
  closeOpen(s);
  s.kind[i] = LineKind.Html;
  s.html = h.end && h.end.test(line.slice(idx + 2)) ? undefined : h;
  s.lastBlank = false;
  return 1;
};

const tableRow: RootReader = (s, _r, { i }) => {
  if (s.table !== 'root') return 0;
  spansOf(s, i);
  s.lastBlank = false;
  return 1;
};

/** A table's header row and its delimiter row: two lines. */
const tableStart: RootReader = (s, _r, { i, line }) => {
  if (!line.includes('|') || !isTableStart(line, s.lines[i + 1])) return 0;
  s.para = undefined;
  s.table = 'root';
  spansOf(s, i);
  spansOf(s, i + 1);
  s.kind[i + 1] = LineKind.Other;
  s.lastBlank = false;
  return 2;
};

const definition: RootReader = (s, r, { i, line, ch }) => {
  const d = !s.para && ch === '[' ? DEFINITION.exec(line) : null;
  if (!d) return 0;
  addDefinition(s, d, i);
  s.kind[i] = LineKind.Definition;
  if (hiddenContent(line)) r.hidden.push({ line: i + 1 });
  s.lastBlank = false;
  return 1;
};

/** Anything else: a paragraph's first line, or the next line of the open one. */
const paragraph: RootReader = (s, r, { i }) => {
  if (!s.para) {
    s.para = 'root';
    r.paraStart = i;
    r.paraIndex = r.paragraphStarts.length;
    r.paragraphStarts.push(i + 1);
    spansOf(s, i);
  } else spansOf(s, i, 0, true);
  s.lastBlank = false;
  return 1;
};

/** The root readers in the order CommonMark tries the block starts; the paragraph takes the rest. */
const ROOT_READERS: readonly RootReader[] = [
  indentedCode,
  fenceOpening,
  atxHeading,
  setextUnderline,
  thematicBreak,
  listStart,
  htmlBlockStart,
  tableRow,
  tableStart,
  definition,
  paragraph,
];

/**
 * Reads root line `i` (not blank, not in an open fence, HTML block, quote or list item), whose
 * first non-blank character is at index `idx`, column `cols`. Returns how many lines it took.
 */
export function rootLine(s: ScanState, r: RootBlocks, i: number, cols: number, idx: number): number {
  const line = s.lines[i];
  const l: RootLine = { i, line, cols, idx, ch: line[idx] };
  for (const read of ROOT_READERS) {
    const n = read(s, r, l);
    if (n) return n;
  }
  return 1; // not reached: the paragraph reader takes every line
}
