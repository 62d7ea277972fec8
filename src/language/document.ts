/**
 * A note as the language features read it: a URI, a version and its text. The editor hands
 * its documents (src/vscode/services/analysis.ts wraps a `TextDocument`); the tests hand
 * in-memory ones (test/support/language.ts). Features take and return offsets into the text; the editor layer
 * turns them into positions and ranges.
 */

export interface NoteDocument {
  /** The document's URI as a string (`file:///notes/day1.md`, `untitled:Untitled-1`). */
  readonly uri: string;
  /** Grows with every change of the text. */
  readonly version: number;
  getText(): string;
}
