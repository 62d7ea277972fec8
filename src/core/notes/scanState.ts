/**
 * The state of the block scan (./scan.ts) while it walks a note's lines: the per-line verdicts
 * it fills in, the definitions it collects, and the blocks still open (a fence, an HTML block,
 * a paragraph, a table, the list items). The readers of each block kind share this one object.
 */
import { LineKind, type Definition, type SkippedPart } from './blocks';
import { normalizeLabel } from './inline';
import type { HtmlState } from './lineSyntax';

/** Where an open paragraph or table is. */
type Where = 'root' | 'list' | 'quote';

export interface ScanState {
  readonly lines: string[];
  readonly excluded: Uint8Array;
  readonly kind: Uint8Array;
  readonly inlineFrom: Int32Array;
  readonly groupOf: Int32Array;
  readonly definitions: Set<string>;
  readonly definitionUrls: Map<string, string>;
  /** Every definition in document order, with its 0-based line. */
  readonly definitionList: Definition[];
  readonly skipped: SkippedPart[];
  /** Per 0-based line where the scan started a line with no block open: 1, or 2 after a blank line (else 0). */
  readonly clean: Uint8Array;
  fence: { char: string; len: number; quoted: boolean; indent: number } | undefined;
  html: HtmlState | undefined;
  /** An open paragraph, and where. */
  para: Where | undefined;
  table: Where | undefined;
  lastBlank: boolean;
  /** Indented code is open (a line indented 4 columns or more continues it). */
  indentedCode: boolean;
  /** A block quote is open (a paragraph in it may continue lazily). */
  inQuote: boolean;
  /** Content columns of the open list items, innermost last. */
  readonly lists: number[];
  /** The last line with inline content, and whether the next may continue its paragraph. */
  lastInline: number;
  group: number;
}

/** The state before the first line of `lines`. */
export function newScanState(lines: string[]): ScanState {
  const n = lines.length;
  return {
    lines,
    excluded: new Uint8Array(n),
    kind: new Uint8Array(n),
    inlineFrom: new Int32Array(n).fill(-1),
    groupOf: new Int32Array(n).fill(-1),
    definitions: new Set<string>(),
    definitionUrls: new Map<string, string>(),
    definitionList: [],
    skipped: [],
    clean: new Uint8Array(n),
    fence: undefined,
    html: undefined,
    para: undefined,
    table: undefined,
    lastBlank: true,
    indentedCode: false,
    inQuote: false,
    lists: [],
    lastInline: -2,
    group: -1,
  };
}

/** Line k holds inline content from column `from`; `cont`: it continues the paragraph of the line before. */
export function spansOf(s: ScanState, k: number, from = 0, cont = false, heading = false): void {
  if (k >= s.lines.length) return;
  if (s.kind[k] === 0) s.kind[k] = heading ? LineKind.Heading : LineKind.Inline;
  s.inlineFrom[k] = from;
  if (!(cont && s.lastInline === k - 1 && s.group >= 0)) s.group = k;
  s.groupOf[k] = s.group;
  s.lastInline = k;
}

/** The link reference definition `d` (its label and destination) on 0-based line `line`. */
export function addDefinition(s: ScanState, d: RegExpExecArray, line: number): void {
  const def = { line, label: normalizeLabel(d[1]), url: d[2].startsWith('<') ? d[2].slice(1, -1) : d[2] };
  s.definitionList.push(def);
  defineLabel(s, def);
}

/** Adds a definition's label (the first definition of a label gives its URL). */
export function defineLabel(s: ScanState, def: Definition): void {
  s.definitions.add(def.label);
  if (!s.definitionUrls.has(def.label)) s.definitionUrls.set(def.label, def.url);
}

/**
 * Whether no block is open before the next line: no fence, HTML block, paragraph, table,
 * indented code, block quote or list item (2 after a blank line, 1 otherwise, 0 when one is
 * open). From such a line on, the scan depends on nothing before it but the definitions.
 */
export function cleanState(s: ScanState): number {
  if (s.fence || s.html || s.para || s.table || s.indentedCode || s.inQuote || s.lists.length) return 0;
  return s.lastBlank ? 2 : 1;
}
