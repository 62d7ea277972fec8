/**
 * The services the language features (src/language) are built with, backed by VS Code: the
 * editor's one analysis cache, the landscape index loaded on first use, the output channel.
 * Each feature's adapter (../features/<feature>.ts) builds its provider with these and turns
 * offsets into positions.
 */
import type * as vscode from 'vscode';
import type { NoteAnalysis } from '../../core/analysis/noteAnalysis';
import type { TextDocument } from '../../core/document';
import type { Analyses, LandscapeSource, Log } from '../../language/services';
import { analysisOf } from './analysis';
import type { FeatureContext } from './feature';
import { getLandscape, initLandscape } from './landscapeService';

/** A `TextDocument` as the language features read it (the URI as a string; the same version and text). */
export function noteDocument(doc: vscode.TextDocument): TextDocument {
  return {
    uri: doc.uri.toString(),
    get version() {
      return doc.version;
    },
    getText: () => doc.getText(),
  };
}

/** The editor's services for the language features. */
export function languageServices(ctx: FeatureContext): Analyses & LandscapeSource & { log: Log } {
  initLandscape(ctx);
  return {
    analysisOf: (doc: TextDocument): NoteAnalysis => analysisOf(doc),
    landscape: getLandscape,
    log: { error: (message) => ctx.log.error(message) },
  };
}
