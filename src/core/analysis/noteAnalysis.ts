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
import { LineMentionMemo } from '../landscape/lineMentions';
import { findMentions, type Mention } from '../landscape/matcher';
import { scanInline, type InlineMemo, type ScanResult } from '../landscape/proseScan';
import { Generations } from '../util/generations';

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

/** The parts that depend on the text and the notes settings only (shared by analyses that differ in landscape). */
class TextParts {
  frontMatter?: OpenResult;
  blocks?: Blocks;
  model?: NotesModel;
  talks?: Talk[];
  inline?: ScanResult;
  unreadable?: string | null;
}

/** What an analysis takes over from another: the text's parts (same text), the line memo of the mentions (previous version). */
interface Carried {
  parts?: TextParts;
  lines?: LineMentionMemo;
  notes?: NotesMemo;
  inline?: InlineMemo;
}

export class NoteAnalysis {
  private readonly parts: TextParts;
  private readonly lines?: LineMentionMemo;
  private readonly notes: NotesMemo;
  private readonly inlineMemo: InlineMemo;
  private mentionsMemo?: Mention[];
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
    carried: Carried = {},
  ) {
    this.parts = carried.parts ?? new TextParts();
    this.notes = carried.notes ?? newNotesMemo();
    this.inlineMemo = carried.inline ?? new Generations();
    this.lines = landscape ? (carried.lines ?? new LineMentionMemo()) : undefined;
  }

  /** The same text and settings matched against another landscape: the text's parts are shared, not recomputed. */
  withLandscape(landscape: AnalysisLandscape | undefined): NoteAnalysis {
    return new NoteAnalysis(this.text, this.settings, landscape, { parts: this.parts, notes: this.notes, inline: this.inlineMemo });
  }

  /**
   * The analysis of the next version of the same document (`text`): what depends on one line
   * or one heading only is taken from this one's for the lines the edit left alone (TODO items,
   * talk and day headings with the same rules; mentions with the same landscape: see
   * ../landscape/lineMentions.ts and ../notes/build.ts); everything else is read afresh.
   */
  nextVersion(text: string, settings: Readonly<AnalysisSettings>, landscape: AnalysisLandscape | undefined): NoteAnalysis {
    const same = landscape && this.landscape && landscape.index === this.landscape.index && landscape.scope === this.landscape.scope;
    const rules = (s: Readonly<AnalysisSettings>) => JSON.stringify([s.dayHeadingPattern ?? '', s.todoPatterns ?? []]);
    return new NoteAnalysis(text, settings, landscape, {
      lines: same ? this.lines?.next() : undefined,
      notes: rules(settings) === rules(this.settings) ? nextNotesMemo(this.notes) : undefined,
      inline: this.inlineMemo.next(),
    });
  }

  /** Why the text is not read as a note (binary, larger than `maxChars`), or undefined. */
  get unreadable(): string | undefined {
    if (this.parts.unreadable === undefined) this.parts.unreadable = unreadableReason(this.text, this.settings.maxChars) ?? null;
    return this.parts.unreadable ?? undefined;
  }

  /** The front matter verdict of the one reader (`ok` with its source, or the error with line and reason). */
  get frontMatter(): OpenResult {
    return (this.parts.frontMatter ??= openFrontMatter(this.text));
  }

  /** The one block scan: lines, line starts, line kinds, headings, code spans, definitions. */
  get blocks(): Blocks {
    return (this.parts.blocks ??= scanBlocks(this.text, this.frontMatter));
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
    return (this.parts.inline ??= scanInline(this.text, this.blocks, this.inlineMemo));
  }

  /** Project mentions in document order (empty without a landscape). */
  get mentions(): Mention[] {
    if (!this.landscape) return [];
    return (this.mentionsMemo ??= findMentions(this.text, this.landscape.index, { scope: this.landscape.scope, scan: this.inline, linked: this.linked, lines: this.lines }));
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
      return buildModel(this.blocks, this.settings, this.notes);
    } catch (err) {
      return emptyModel(`The note could not be read: ${err instanceof Error ? err.message : String(err)}`, 0);
    }
  }
}

/** The analysis of a text that is no document version (a file on disk, a text derived from a note). */
export function analyzeText(text: string, settings?: AnalysisSettings, landscape?: AnalysisLandscape): NoteAnalysis {
  return new NoteAnalysis(text, settings, landscape);
}
