/**
 * In-memory services for the tests of the language features (src/language): documents, a real
 * analysis cache with plain settings, the landscape index given, a log that keeps what it is
 * told. The way the Markdown language service tests its providers: real code, no editor.
 */
import * as path from 'path';
import { loadIndexFile } from '../../src/cli/landscapeIndex';
import { AnalysisCache } from '../../src/core/analysis/cache';
import type { AnalysisLandscape, AnalysisSettings, NoteAnalysis } from '../../src/core/analysis/noteAnalysis';
import type { LandscapeIndex, LandscapeScope } from '../../src/core/landscape/landscapeIndex';
import type { NoteDocument } from '../../src/language/document';
import { fileNameOfUri, type Analyses, type LandscapeSource, type Log } from '../../src/language/services';

/** A document that lives in memory. */
export class InMemoryDocument implements NoteDocument {
  constructor(
    readonly uri: string,
    private text: string,
    private ver = 1,
  ) {}

  get version(): number {
    return this.ver;
  }

  getText(): string {
    return this.text;
  }

  /** Replaces the text (a new version), as typing or an edit would. */
  setText(text: string): this {
    this.text = text;
    this.ver++;
    return this;
  }

  /** Applies text changes given as offsets into the current text (any order, not overlapping): one new version. */
  applyEdits(edits: ReadonlyArray<{ start: number; end: number; text: string }>): this {
    const sorted = [...edits].sort((a, b) => b.start - a.start);
    let t = this.text;
    for (const e of sorted) t = t.slice(0, e.start) + e.text + t.slice(e.end);
    return this.setText(t);
  }
}

/**
 * Analyses from one in-memory cache, with fixed settings and a landscape that may be set later
 * (as the editor's index loads on first use).
 */
export class MemoryAnalyses implements Analyses, LandscapeSource {
  private readonly cache = new AnalysisCache();
  private loaded?: AnalysisLandscape;

  constructor(
    readonly settings: AnalysisSettings = {},
    private readonly index?: LandscapeIndex,
    readonly scope: LandscapeScope = 'cncf',
  ) {}

  analysisOf(doc: NoteDocument): NoteAnalysis {
    return this.cache.get({
      uri: doc.uri,
      version: doc.version,
      text: () => doc.getText(),
      settings: { ...this.settings, fileName: fileNameOfUri(doc.uri) },
      landscape: this.loaded,
    });
  }

  landscape(): Promise<LandscapeIndex> {
    if (!this.index) return Promise.reject(new Error('No landscape index was given.'));
    this.loaded ??= { index: this.index, scope: this.scope };
    return Promise.resolve(this.index);
  }
}

/** A log that keeps what it is told (tests read it). */
export class MemoryLog implements Log {
  readonly errors: string[] = [];
  error(message: string): void {
    this.errors.push(message);
  }
}

/** The bundled landscape index (data/landscape.json), read once. */
let bundled: LandscapeIndex | undefined;
export function bundledIndex(): LandscapeIndex {
  return (bundled ??= loadIndexFile(path.join(__dirname, '..', '..', 'data', 'landscape.json')));
}
