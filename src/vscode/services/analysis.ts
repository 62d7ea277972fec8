/**
 * The one analysis of each open note's latest version (../../core/analysis: blocks, notes
 * model, inline scan, mentions, linked projects, front matter, each computed once), shared by
 * every feature: keyed by URI, version, the notes settings (day and TODO patterns, size limit,
 * file name), the landscape index and scope. A document's analysis is dropped when it closes;
 * a settings change drops them all. `analysisOf` never throws: a note too large or binary
 * gives an empty model whose `skipped` says why, a broken front matter a model with
 * `frontMatter.error`.
 */
import * as vscode from 'vscode';
import { AnalysisCache } from '../../core/analysis/cache';
import { analyzeText, type AnalysisLandscape, type AnalysisSettings, type NoteAnalysis } from '../../core/analysis/noteAnalysis';
import { refusedPatternMessages } from '../../core/userPattern';
import { resetWork, workCounts } from '../../core/util/work';
import type { TextDocument } from '../../core/document';
import type { AnalysisApi } from '../api';
import type { FeatureContext } from './feature';
import { loadedLandscape } from './landscapeService';
import { landscapeScope, maxFileBytes, notesPatterns } from './settings';

const cache = new AnalysisCache();
let settings: AnalysisSettings | undefined;
let hooked = false;

/** The notes settings (read once until they change); a refused pattern is said once. */
function notesSettings(): AnalysisSettings {
  hook();
  if (!settings) {
    settings = { ...notesPatterns(), maxChars: maxFileBytes() };
    tellRefusedPatterns(settings);
  }
  return settings;
}

/** Patterns already reported, so that a refused pattern is said once, not on every read. */
const told = new Set<string>();

/**
 * A user pattern that cannot run in linear time (lookaround, backreferences, a syntax error) is
 * refused by the core and the built-in rules apply; the person is told once per value why.
 */
function tellRefusedPatterns(o: AnalysisSettings): void {
  for (const message of refusedPatternMessages({ dayHeadingPattern: o.dayHeadingPattern, todoPatterns: o.todoPatterns })) {
    if (told.has(message)) continue;
    told.add(message);
    void vscode.window.showWarningMessage(`Talk Capture: ${message}`);
  }
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  // Module-level listeners live as long as the extension host; they hold nothing heavy.
  vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('talkCapture')) {
      settings = undefined;
      cache.clear();
    }
  });
  vscode.workspace.onDidCloseTextDocument((doc) => cache.delete(doc.uri.toString()));
}

/** The file name of a document's URI (`day2.md`), for notes that carry the day in it. */
function fileNameOf(uri: vscode.Uri): string {
  const p = uri.path;
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * The settings a document is analysed with (the day and TODO patterns, the size limit, its file
 * name): for a core function that analyses a text derived from the document (Finish Post).
 */
export function analysisSettingsOf(uri: vscode.Uri): AnalysisSettings {
  return { ...notesSettings(), fileName: fileNameOf(uri) };
}

/** The landscape of the analyses: the index once loaded (features that need mentions await `getLandscape()` first) and the scope setting. */
function currentLandscape(): AnalysisLandscape | undefined {
  const index = loadedLandscape();
  return index && { index, scope: landscapeScope() };
}

/**
 * The analysis of a document's current version: the same object for every feature that asks
 * about that version, with the loaded landscape index (none before it is loaded).
 */
export function analysisOf(doc: vscode.TextDocument | TextDocument): NoteAnalysis {
  // A URI given as a string is parsed back, so that the file name (and so the settings key) is the
  // same as for the editor's own document: `untitled:Untitled-1` is `Untitled-1` either way.
  const settings = analysisSettingsOf(typeof doc.uri === 'string' ? vscode.Uri.parse(doc.uri) : doc.uri);
  return cache.get({ uri: doc.uri.toString(), version: doc.version, text: () => doc.getText(), settings, landscape: currentLandscape() });
}

/** The analysis of a text that is not open in an editor (a file on disk), with the settings. */
export function analysisOfText(text: string, uri: vscode.Uri): NoteAnalysis {
  return analyzeText(text, analysisSettingsOf(uri), currentLandscape());
}

/** Puts `api.analysis` (the work counters and the cache size) where the integration tests read it. */
export function registerAnalysisApi(ctx: FeatureContext): void {
  ctx.api.analysis = { counters: workCounts, reset: resetWork, cached: () => cache.size } satisfies AnalysisApi;
}
