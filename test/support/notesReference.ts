/**
 * The reference reader: the same blocks as the fast scanner, taken from remark's syntax tree
 * (unified + remark-parse + remark-frontmatter + remark-gfm), with the front matter read by
 * the one front matter reader (src/core/frontmatter/fields.ts). It is slow (hundreds of ms for a long note) and used by the tests, which hold
 * the scanner to it, and by `talk-capture outline --reference`.
 */
import type { Blocks, HeadingBlock } from '../../src/core/notes/blocks';
import { HIDDEN_LABELS, LineKind } from '../../src/core/notes/blocks';
import { lineStarts } from '../../src/core/document';
import { buildModel } from '../../src/core/notes/buildModel';
import { emptyFrontMatter, frontMatterOf } from '../../src/core/notes/frontMatter';
import { normalizeLabel } from '../../src/core/notes/inline';
import type { NotesModel, NotesOptions } from '../../src/core/notes/model';
import { atxContent, setextContent, noteLines } from '../../src/core/notes/lineSyntax';
import { emptyModel, unreadableReason, type ParseLimits } from '../../src/core/notes/parse';

interface Point {
  line: number;
  column: number;
  offset?: number;
}
interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  alt?: string | null;
  depth?: number;
  label?: string | null;
  url?: string;
  title?: string | null;
  position?: { start: Point; end: Point };
}

type Processor = { parse(text: string): MdNode };
let processor: Promise<Processor> | undefined;

/** The remark processor (ESM packages, loaded on first use). */
function remark(): Promise<Processor> {
  processor ??= (async () => {
    const [{ unified }, { default: remarkParse }, { default: remarkFrontmatter }, { default: remarkGfm }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-frontmatter'),
      import('remark-gfm'),
    ]);
    return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm) as unknown as Processor;
  })();
  return processor;
}

/** mdast-util-to-string's reading of a node (image alt included), without raw HTML (markup, not text). */
function toText(node: MdNode): string {
  if (node.type === 'html') return '';
  if (typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return (node.children ?? []).map(toText).join('');
}

/** Reads the blocks of a note through remark. */
export async function referenceBlocks(text: string): Promise<Blocks> {
  const tree = (await remark()).parse(text);
  const starts = lineStarts(text);
  const lines = noteLines(text, starts);
  const excluded = new Uint8Array(lines.length);
  const codeSpans = new Map<number, Array<[number, number]>>();
  const headings: HeadingBlock[] = [];
  const hidden: Array<{ line: number }> = [];
  const paragraphStarts: number[] = [];
  const definitions = new Set<string>();
  let frontMatter = emptyFrontMatter();

  // The front matter is read by the one front matter reader; remark says which lines it covers.
  const fm = frontMatterOf(text);
  if (fm.info.format) frontMatter = fm.info;
  const n = lines.length;
  const kind = new Uint8Array(n);
  const mark = (pos: { start: Point; end: Point }, k: number) => {
    for (let l = pos.start.line - 1; l < pos.end.line && l < n; l++) if (/\S/.test(lines[l] ?? '')) kind[l] = k;
  };

  const visit = (node: MdNode, root: boolean, block = root) => {
    const pos = node.position;
    if (!pos) return;
    switch (node.type) {
      case 'yaml':
      case 'toml': {
        for (let k = pos.start.line - 1; k < pos.end.line; k++) excluded[k] = 1;
        mark(pos, LineKind.FrontMatter);
        return;
      }
      case 'code':
        for (let k = pos.start.line - 1; k < pos.end.line; k++) if (/\S/.test(lines[k] ?? '')) excluded[k] = 1;
        mark(pos, LineKind.Code);
        return;
      case 'html':
        if (block) mark(pos, LineKind.Html);
        return;
      case 'inlineCode':
        for (let k = pos.start.line - 1; k < pos.end.line; k++) {
          const start = k === pos.start.line - 1 ? pos.start.column - 1 : 0;
          const end = k === pos.end.line - 1 ? pos.end.column - 1 : (lines[k] ?? '').length;
          const list = codeSpans.get(k) ?? [];
          list.push([start, end]);
          codeSpans.set(k, list);
        }
        return;
      case 'definition':
        mark(pos, LineKind.Definition);
        if (node.label) definitions.add(normalizeLabel(node.label));
        if (root && node.label && HIDDEN_LABELS.has(node.label.toLowerCase()) && (node.url === '#' || node.url === '') && pos.start.line === pos.end.line) {
          hidden.push({ line: pos.start.line });
        }
        return;
      case 'heading':
        if (root) {
          const setext = !/^ {0,3}#/.test(lines[pos.start.line - 1] ?? '');
          const raw = setext ? setextContent(lines.slice(pos.start.line - 1, pos.end.line - 1)) : atxContent(lines[pos.start.line - 1] ?? '');
          headings.push({ line: pos.start.line, level: node.depth ?? 1, raw, title: toText(node).replace(/\s+/g, ' ').trim() });
        }
        break;
      case 'paragraph':
        if (root) paragraphStarts.push(pos.start.line);
        break;
    }
    // An HTML node is a block when its parent is a container of blocks (not a paragraph or heading).
    const blockParent = node.type === 'blockquote' || node.type === 'listItem' || node.type === 'list';
    for (const c of node.children ?? []) visit(c, false, blockParent);
  };
  for (const c of tree.children ?? []) visit(c, true);
  for (const spans of codeSpans.values()) spans.sort((a, b) => a[0] - b[0]);
  return {
    frontMatter,
    lines,
    lineStarts: starts,
    headings,
    hidden,
    paragraphStarts,
    excluded,
    codeSpans,
    definitions,
    definitionUrls: new Map(),
    kind,
    inlineFrom: new Int32Array(n).fill(-1),
    groupOf: new Int32Array(n).fill(-1),
    skipped: [],
  };
}

/** The notes model read by the reference (remark) path. Never throws. */
export async function parseNotesReference(text: string, options?: NotesOptions & ParseLimits): Promise<NotesModel> {
  const reason = unreadableReason(text, options?.maxChars);
  if (reason) return emptyModel(reason, 0);
  try {
    return buildModel(await referenceBlocks(text), options);
  } catch (err) {
    return emptyModel(`The note could not be read: ${err instanceof Error ? err.message : String(err)}`, 0);
  }
}
