/**
 * What a Markdown reader has to tell the notes model about a document: the blocks both the
 * fast scanner (./scan.ts) and the remark-based reference reader (./reference.ts) produce.
 * The model is then built from these by ./buildModel.ts, so the two readers agree on the model
 * exactly when they agree on these blocks. The block scan's line kinds, paragraph groups and
 * definition URLs are what the mention scan (../landscape/proseScan.ts) and the check read.
 */
import type { FrontMatterInfo } from '../frontmatter/format';
import type { SkippedPart } from './model';

/** A root-level heading (ATX or setext). Headings inside lists and block quotes are not outline entries. */
export interface HeadingBlock {
  /** 1-based line of the heading (first line of a setext heading). */
  line: number;
  level: number;
  /** Inline source of the heading, without `#`s or the setext underline. */
  raw: string;
  /** Plain text when the reader already has it (the reference reader's syntax tree); else computed from `raw`. */
  title?: string;
}

/** A hidden draft line: a root-level link reference definition `[//]: # (...)`. */
interface HiddenBlock {
  line: number;
}

/** What a line of the note is, as far as its readers care (the block scan's verdict). */
export const LineKind = {
  /** Blank, or not classified (the reference reader leaves every line so). */
  None: 0,
  /** Inline content: a paragraph, a table row, list item or block quote text. */
  Inline: 1,
  /** Fenced or indented code. */
  Code: 2,
  FrontMatter: 3,
  /** An HTML block (`<pre>` ... `</pre>`, `<!-- -->`, `<div>` up to a blank line, ...). */
  Html: 4,
  /** A link reference definition, hidden drafts included. */
  Definition: 5,
  /** A heading (ATX or setext, at the root or nested). */
  Heading: 6,
  /** A thematic break, setext underline or table delimiter row. */
  Other: 7,
} as const;

/** Links and project mentions are read on lines up to this length (longer lines: outline, code spans and TODOs only). */
export const MAX_INLINE_LINE = 10_000;

export type { SkippedPart } from './model';

export interface Blocks {
  frontMatter: FrontMatterInfo;
  /** The document's lines without line breaks (the BOM removed from the first). */
  lines: string[];
  /** Offsets in the text of each line's first character (line 0 starts at 0, before a BOM). */
  lineStarts: number[];
  headings: HeadingBlock[];
  hidden: HiddenBlock[];
  /** 1-based first lines of root-level paragraphs. */
  paragraphStarts: number[];
  /** Per 0-based line: 1 when the line is code or front matter (no day, talk or TODO there). */
  excluded: Uint8Array;
  /** Inline code spans to ignore when looking for TODO items: 0-based line → [start, end) columns (0-based). */
  codeSpans: Map<number, Array<[number, number]>>;
  /** Normalized labels of every link reference definition (they make `[text][label]` a link). */
  definitions: Set<string>;
  /** The URL of each definition (the first one of a label wins). */
  definitionUrls: Map<string, string>;
  /** Per 0-based line: its {@link LineKind}. */
  kind: Uint8Array;
  /** Per 0-based line with inline content: the column it starts at (else -1). */
  inlineFrom: Int32Array;
  /** Per 0-based line with inline content: the first line of its paragraph (else -1). */
  groupOf: Int32Array;
  /** What the scan had to read in a simpler way than CommonMark (deep nesting). */
  skipped: SkippedPart[];
  /** Every link reference definition in document order, with its 0-based line (the fast scan's; a later version's scan starts from these). */
  definitionList?: readonly Definition[];
  /** Per 0-based line: 1 or 2 when the scan started it with no block open (see scanState.ts `cleanState`). */
  clean?: Uint8Array;
  /**
   * When the scan was resumed from an earlier version's blocks (./scanResume.ts): it read lines
   * [from, to); lines before `from` are the earlier ones, line k from `to` on is the earlier line
   * k - shift, with the same blocks.
   */
  resumed?: { from: number; to: number; shift: number };
}

/** A link reference definition: its 0-based line, normalized label and destination. */
export interface Definition {
  line: number;
  label: string;
  url: string;
}

/** Hidden-draft definitions: `[//]: # (text)`, `[comment]: # (text)`, `[//]: <> (text)`. */
export const HIDDEN_LABELS = new Set(['//', 'comment', '_']);

/**
 * The raw text inside the parentheses of a hidden line (escapes kept), with its 0-based start
 * and end columns; undefined when the line is not written that way.
 */
export function hiddenContent(line: string): { text: string; start: number; end: number } | undefined {
  const m = /^( {0,3}\[(?:\/\/|comment|_)\]:[ \t]*(?:#|<>)[ \t]+\()((?:[^()\\]|\\.)*)\)[ \t]*$/i.exec(line);
  if (!m) return undefined;
  return { text: m[2], start: m[1].length, end: m[1].length + m[2].length };
}

/** `### Title` written inside a hidden line: its level and heading text, else undefined. */
export function hiddenHeading(content: string): { level: number; text: string } | undefined {
  const m = /^[ \t]*(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(content);
  if (!m) return undefined;
  return { level: m[1].length, text: (m[2] ?? '').replace(/[ \t]+#+$/, '').trim() };
}
