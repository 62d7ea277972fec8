/**
 * In-memory services for the tests of the language features (src/language): documents, a real
 * analysis cache with plain settings, the landscape index given. The way the Markdown language service tests its providers: real code, no editor.
 */
import * as path from 'path';
import { loadIndexFile } from '../../src/cli/landscapeIndex';
export { InMemoryDocument } from '../../src/core/document';
import type { TextDocument } from '../../src/core/document';
import { AnalysisCache } from '../../src/core/analysis/cache';
import type { AnalysisLandscape, AnalysisSettings, NoteAnalysis } from '../../src/core/analysis/noteAnalysis';
import type { LandscapeIndex, LandscapeScope } from '../../src/core/landscape/landscapeIndex';
import { fileNameOfUri, type Analyses, type LandscapeSource } from '../../src/language/services';

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

  analysisOf(doc: TextDocument): NoteAnalysis {
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

/** The bundled landscape index (data/landscape.json), read once. */
let bundled: LandscapeIndex | undefined;
export function bundledIndex(): LandscapeIndex {
  return (bundled ??= loadIndexFile(path.join(__dirname, '..', '..', 'data', 'landscape.json')));
}
