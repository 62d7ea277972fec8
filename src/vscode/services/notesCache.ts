/**
 * The notes model of open documents, parsed once per document version with the options of the
 * talkCapture settings. `getNotes` never throws: a note too large or binary gives an empty
 * model whose `skipped` says why, a broken front matter gives a model with
 * `frontMatter.error`.
 */
import * as vscode from 'vscode';
import { messageOf } from './command';
import type { NotesModel, NotesOptions } from '../../core/notes/model';
import { emptyModel, parseNotes } from '../../core/notes/parse';
import { refusedPatternMessages } from '../../core/userPattern';
import { maxFileBytes, notesPatterns } from './settings';

interface Entry {
  version: number;
  optionsKey: string;
  model: NotesModel;
}

const cache = new Map<string, Entry>();
let options: (NotesOptions & { maxChars: number }) | undefined;
let optionsKey = '';
let hooked = false;

function readOptions(): NotesOptions & { maxChars: number } {
  return { ...notesPatterns(), maxChars: maxFileBytes() };
}

/** The options from the talkCapture settings (cached until they change). */
function notesOptions(): NotesOptions & { maxChars: number } {
  hook();
  if (!options) {
    options = readOptions();
    optionsKey = JSON.stringify(options);
    tellRefusedPatterns(options);
  }
  return options;
}

/** Patterns already reported, so that a refused pattern is said once, not on every read. */
const told = new Set<string>();

/**
 * A user pattern that cannot run in linear time (lookaround, backreferences, a syntax error) is
 * refused by the core and the built-in rules apply; the person is told once per value why.
 */
function tellRefusedPatterns(o: NotesOptions): void {
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
      options = undefined;
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
 * The options a document's model is built with (the settings' day and TODO patterns, its file
 * name): for a core function that reads the talks of a text derived from the document (Finish
 * Post's link step).
 */
export function notesOptionsOf(doc: vscode.TextDocument): NotesOptions & { maxChars: number } {
  return { ...notesOptions(), fileName: fileNameOf(doc.uri) };
}

/** The notes model of a document (cached per URI and version). Never throws. */
export function getNotes(doc: vscode.TextDocument): NotesModel {
  try {
    const opts = notesOptionsOf(doc);
    const key = doc.uri.toString();
    const hit = cache.get(key);
    if (hit && hit.version === doc.version && hit.optionsKey === optionsKey) return hit.model;
    const model = parseNotes(doc.getText(), opts);
    cache.set(key, { version: doc.version, optionsKey, model });
    return model;
  } catch (err) {
    return emptyModel(`The note could not be read: ${messageOf(err)}`);
  }
}

/** Parses text that is not open in an editor (a file on disk), with the settings' options. */
export function parseNotesText(text: string, uri: vscode.Uri): NotesModel {
  try {
    return parseNotes(text, { ...notesOptions(), fileName: fileNameOf(uri) });
  } catch (err) {
    return emptyModel(`The note could not be read: ${messageOf(err)}`);
  }
}
