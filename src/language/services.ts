/**
 * What the language features are built with. Each feature (./<feature>.ts) names the services
 * it needs as a narrow interface of its own and gets them passed in: the editor passes the ones
 * backed by VS Code (src/vscode/services), the tests pass in-memory ones (a real analysis cache,
 * the bundled landscape index, plain settings). Nothing here imports `vscode`.
 */
import type { NoteAnalysis } from '../core/analysis/noteAnalysis';
import type { LandscapeIndex } from '../core/landscape/landscapeIndex';
import type { TextDocument } from '../core/document';

/** The one analysis of a document's current version (the editor's cache keyed by URI and version). */
export interface Analyses {
  analysisOf(doc: TextDocument): NoteAnalysis;
}

/** The landscape index, loaded on first use (never rejects: the bundled index is the fallback). */
export interface LandscapeSource {
  landscape(): Promise<LandscapeIndex>;
}

/** Where a feature says what went wrong without troubling the person (the output channel). */
export interface Log {
  error(message: string): void;
}

/** The file name at the end of a URI's path (`day2.md` of `file:///notes/day2.md` and of `untitled:day2.md`), as `Uri.path` would give it. */
export function fileNameOfUri(uri: string): string {
  const path = uri.replace(/[?#].*$/, '').replace(/^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?/i, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a stray `%` is a character of the name
  }
}
