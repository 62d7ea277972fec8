/**
 * One analysis of one version of a note: everything the features, the check and the CLI read
 * from a note's text, each part computed on first use and then kept (getters that memoise).
 * Every reader of the same version asks the same `NoteAnalysis`, so a keystroke costs one block
 * scan, one model build, one inline scan and one mention pass however many features look.
 *
 * The parts depend on each other in one direction: text → front matter → blocks → model
 * (with the notes settings) and inline scan → mentions and linked projects (with the landscape
 * index and scope). An analysis never changes once built; a new version gets a new analysis
 * (see ./cache.ts for the one cache keyed by URI, version, settings, index and scope).
 */
import { openFrontMatter, type OpenResult } from '../frontmatter/fields';
import type { Blocks } from '../notes/blocks';
import type { NotesModel, NotesOptions, Talk, TodoItem } from '../notes/model';
import { buildModel, newNotesMemo, nextNotesMemo, type NotesMemo } from '../notes/buildModel';
import { emptyModel, unreadableReason } from '../notes/parse';
import { allTalks } from '../notes/query';
import { scanBlocks } from '../notes/scan';
import type { LandscapeIndex, LandscapeScope } from '../landscape/landscapeIndex';
import { linkedProjects, type LinkedProject } from '../landscape/linkedProjects';
import type { LineMentionMemo } from '../landscape/lineMentions';
import { findMentions, type Mention } from '../landscape/matcher';
import { scanInline, type InlineMemo, type ScanResult } from '../landscape/proseScan';
import { diffLines, type LineDiff, type LineTable } from '../util/lineDiff';
import { LineMemo } from '../util/lineMemo';

/** The settings that change what a note's analysis says (all optional; defaults are the built-in rules). */
export interface AnalysisSettings extends NotesOptions {
  /** Notes longer than this many characters are not read (talkCapture.maxFileSizeMB). */
  maxChars?: number;
}

/** The landscape the mentions are matched against: the index and which of its entries count. */
export interface AnalysisLandscape {
  index: LandscapeIndex;
  scope: LandscapeScope;
}

/** A version of the note whose blocks were read: what a later version's line diff is taken against. */
interface Base {
  text: string;
  blocks: Blocks;
}

/** The parts that depend on the text and the notes settings only (shared by analyses that differ in landscape). */
class TextParts {
  frontMatter?: OpenResult;
  blocks?: Blocks;
  model?: NotesModel;
  notesMemo?: NotesMemo;
  talks?: Talk[];
  inline?: ScanResult;
  inlineMemo?: InlineMemo;
  /** The earlier version's blocks the block scan was resumed from. */
  blocksFrom?: Blocks;
  unreadable?: string | null;
  /** Line diffs from earlier versions (by the earlier version's blocks). */
  diffs: Array<{ from: Blocks; diff: LineDiff; table: LineTable }> = [];
}

/**
 * What a version takes over from the versions before it: the last computed of each part, with
 * the version it was computed on (parts no one asked of a version come from an earlier one).
 */
interface Carry {
  frontMatter?: { text: string; result: OpenResult };
  blocks?: Base;
  notes?: { base: Base; memo: NotesMemo; rules: string };
  inline?: { base: Base; memo: InlineMemo; scan: ScanResult };
  mentions?: { base: Base; memo: LineMentionMemo; landscape: AnalysisLandscape };
}

/** The notes settings that change what a line's TODO items and a heading's reading are. */
const rulesOf = (s: Readonly<AnalysisSettings>) => JSON.stringify([s.dayHeadingPattern ?? '', s.todoPatterns ?? []]);

const sameLandscape = (a: AnalysisLandscape | undefined, b: AnalysisLandscape | undefined) => !!a && !!b && a.index === b.index && a.scope === b.scope;

export class NoteAnalysis {
  private readonly parts: TextParts;
  private mentionsMemo?: Mention[];
  private mentionLines?: LineMentionMemo;
  private linkedMemo?: LinkedProject[];

  /**
   * @param text the note's text (any line endings, optional BOM)
   * @param settings the notes settings (day and TODO patterns, file name, size limit)
   * @param landscape the index and scope for mentions and linked projects; without one both are empty
   */
  constructor(
    readonly text: string,
    readonly settings: Readonly<AnalysisSettings> = {},
    readonly landscape?: AnalysisLandscape,
    private readonly carry: Carry = {},
    parts?: TextParts,
  ) {
    this.parts = parts ?? new TextParts();
  }

  /** The same text and settings matched against another landscape: the text's parts are shared, not recomputed. */
  withLandscape(landscape: AnalysisLandscape | undefined): NoteAnalysis {
    return new NoteAnalysis(this.text, this.settings, landscape, this.carry, this.parts);
  }

  /**
   * The analysis of the next version of the same document (`text`): each part is read afresh
   * only for the lines the edit touched (the line diff against the version the part was last
   * computed on); the rest is taken over, moved to its new offsets. See ../util/lineDiff.ts.
   */
  nextVersion(text: string, settings: Readonly<AnalysisSettings>, landscape: AnalysisLandscape | undefined): NoteAnalysis {
    const p = this.parts;
    const c = this.carry;
    const base: Base | undefined = p.blocks && { text: this.text, blocks: p.blocks };
    const carry: Carry = {
      frontMatter: p.frontMatter ? { text: this.text, result: p.frontMatter } : c.frontMatter,
      blocks: base ?? c.blocks,
      notes: base && p.notesMemo ? { base, memo: p.notesMemo, rules: rulesOf(this.settings) } : c.notes,
      inline: base && p.inlineMemo && p.inline ? { base, memo: p.inlineMemo, scan: p.inline } : c.inline,
      mentions: base && this.mentionLines && this.landscape ? { base, memo: this.mentionLines, landscape: this.landscape } : c.mentions,
    };
    if (carry.notes && carry.notes.rules !== rulesOf(settings)) carry.notes = undefined;
    if (carry.mentions && !sameLandscape(carry.mentions.landscape, landscape)) carry.mentions = undefined;
    return new NoteAnalysis(text, settings, landscape, carry);
  }

  /** The line diff from an earlier version to this one, and this version's line table (computed once per earlier version). */
  private diffFrom(base: Base): { diff: LineDiff; table: LineTable } {
    const known = this.parts.diffs.find((d) => d.from === base.blocks);
    if (known) return known;
    const made = { from: base.blocks, ...diffLines(base.text, { starts: base.blocks.lineStarts, lines: base.blocks.lines }, this.text) };
    this.parts.diffs.push(made);
    return made;
  }

  /** Why the text is not read as a note (binary, larger than `maxChars`), or undefined. */
  get unreadable(): string | undefined {
    if (this.parts.unreadable === undefined) this.parts.unreadable = unreadableReason(this.text, this.settings.maxChars) ?? null;
    return this.parts.unreadable ?? undefined;
  }

  /** The front matter verdict of the one reader (`ok` with its source, or the error with line and reason). */
  get frontMatter(): OpenResult {
    return (this.parts.frontMatter ??= this.readFrontMatter());
  }

  /** The front matter block of an earlier version is taken over when the text up to just past it is the same. */
  private readFrontMatter(): OpenResult {
    const before = this.carry.frontMatter;
    if (before?.result.ok) {
      const end = before.result.source.block.end;
      if (end < this.text.length && end < before.text.length && this.text.startsWith(before.text.slice(0, end + 1))) return before.result;
    }
    return openFrontMatter(this.text);
  }

  /** The one block scan: lines, line starts, line kinds, headings, code spans, definitions. */
  get blocks(): Blocks {
    return (this.parts.blocks ??= this.scanBlocks());
  }

  private scanBlocks(): Blocks {
    const before = this.carry.blocks;
    if (!before) return scanBlocks(this.text, this.frontMatter);
    const { diff, table } = this.diffFrom(before);
    this.parts.blocksFrom = before.blocks;
    return scanBlocks(this.text, this.frontMatter, { prev: before.blocks, diff, table });
  }

  /** Offsets of each line's first character. */
  get lineStarts(): readonly number[] {
    return this.blocks.lineStarts;
  }

  /** The notes model (days, talks, groups, TODOs); an empty model saying why when the note is not read. Never throws. */
  get model(): NotesModel {
    return (this.parts.model ??= this.buildModel());
  }

  /** Every talk of the model, in document order (`allTalks`). */
  get talks(): Talk[] {
    return (this.parts.talks ??= allTalks(this.model));
  }

  /** Every TODO item of the model, in document order. */
  get todos(): TodoItem[] {
    return this.model.todos;
  }

  /** The inline scan: prose runs, links, heading lines, what was too long to read. */
  get inline(): ScanResult {
    if (!this.parts.inline) {
      const before = this.carry.inline;
      const blocks = this.blocks;
      const diff = before && this.diffFrom(before.base).diff;
      const memo: InlineMemo = LineMemo.after(before?.memo, diff);
      // When the block scan was resumed from the same version, the lines it did not read keep their inline facts too.
      const since = before && diff && this.parts.blocksFrom === before.base.blocks ? { prev: before.scan, prevBlocks: before.base.blocks, offset: diff.shift } : undefined;
      this.parts.inline = scanInline(this.text, blocks, memo, since);
      this.parts.inlineMemo = memo.done();
    }
    return this.parts.inline;
  }

  /** Project mentions in document order (empty without a landscape). */
  get mentions(): Mention[] {
    if (!this.landscape) return [];
    if (!this.mentionsMemo) {
      const before = this.carry.mentions;
      const scan = this.inline;
      const lines: LineMentionMemo = LineMemo.after(before?.memo, before && this.diffFrom(before.base).diff);
      this.mentionsMemo = findMentions(this.text, this.landscape.index, { scope: this.landscape.scope, scan, linked: this.linked, lines });
      this.mentionLines = lines;
    }
    return this.mentionsMemo;
  }

  /** Links in the body that point to a landscape entry (empty without a landscape). */
  get linked(): LinkedProject[] {
    if (!this.landscape) return [];
    return (this.linkedMemo ??= linkedProjects(this.text, this.landscape.index, this.inline));
  }

  private buildModel(): NotesModel {
    const reason = this.unreadable;
    if (reason) return emptyModel(reason, 0);
    try {
      const before = this.carry.notes;
      const blocks = this.blocks;
      const memo = before ? nextNotesMemo(before.memo, this.diffFrom(before.base).diff, this.parts.blocksFrom === before.base.blocks) : newNotesMemo();
      this.parts.notesMemo = memo;
      return buildModel(blocks, this.settings, memo);
    } catch (err) {
      return emptyModel(`The note could not be read: ${err instanceof Error ? err.message : String(err)}`, 0);
    }
  }
}

/** The analysis of a text that is no document version (a file on disk, a text derived from a note). */
export function analyzeText(text: string, settings?: AnalysisSettings, landscape?: AnalysisLandscape): NoteAnalysis {
  return new NoteAnalysis(text, settings, landscape);
}
