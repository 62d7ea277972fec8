/**
 * An in-memory folder of notes for the tests of the trees (src/language/todosTree.ts): core's
 * `NotesFileSystem` over a map of paths to text or bytes, the folder's URIs, open documents and
 * the analysis of a file's text, with the settings of the given analyses.
 */
import { analyzeText, type NoteAnalysis } from '../../src/core/analysis/noteAnalysis';
import type { TextDocument } from '../../src/core/document';
import type { TodoCountOptions } from '../../src/core/notes/todos';
import { notesRules, type NoteFileStat, type NotesFileSystem, type NotesListing, type NotesRules } from '../../src/core/notes/workspaceNotes';
import { fileNameOfUri } from '../../src/language/services';
import type { NotesFolder, TodosTreeServices } from '../../src/language/todosTree';
import { MemoryAnalyses } from './language';

/** A file system of notes in memory: paths relative to the folder, `/` between folders. */
export class MemoryNotesFs implements NotesFileSystem {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  /** How many times each path was read (bytes). */
  readonly reads = new Map<string, number>();
  private clock = 1;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(path, { bytes, mtime: this.clock++ });
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  list(): Promise<NotesListing> {
    return Promise.resolve({ paths: [...this.files.keys()], problems: [] });
  }

  stat(path: string): Promise<NoteFileStat | undefined> {
    const f = this.files.get(path);
    return Promise.resolve(f && { type: 'file', size: f.bytes.length, mtime: f.mtime });
  }

  read(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (!f) return Promise.reject(new Error('no such file'));
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return Promise.resolve(f.bytes);
  }
}

/** A folder at `root` (`file:///work`) whose files are `fs`'s; URIs encoded as VS Code writes them. */
export function memoryFolder(root: string, fs: NotesFileSystem, name = root.slice(root.lastIndexOf('/') + 1)): NotesFolder {
  const base = `${root}/`;
  return {
    name,
    fs,
    uriOf: (path) => base + path.split('/').map(encodeURIComponent).join('/'),
    pathOf: (uri) => (uri.startsWith(base) && uri.length > base.length ? uri.slice(base.length).split('/').map(decodeURIComponent).join('/') : undefined),
  };
}

/** What the TODO Links tree is built with, in memory: folders, open documents, settings, a log kept. */
export class MemoryNotesWorkspace implements TodosTreeServices {
  readonly analyses: MemoryAnalyses;
  readonly open = new Map<string, TextDocument>();
  readonly logged: string[] = [];
  counting: TodoCountOptions = {};
  notesRules: NotesRules;
  readonly log = {
    info: (message: string) => this.logged.push(`info ${message}`),
    warn: (message: string) => this.logged.push(`warn ${message}`),
  };

  constructor(
    private readonly roots: NotesFolder[],
    settings: { notesGlob?: string; excludeGlob?: string; maxFileSizeMB?: number } = {},
  ) {
    this.analyses = new MemoryAnalyses();
    this.notesRules = notesRules(settings);
  }

  folders(): readonly NotesFolder[] {
    return this.roots;
  }

  openDocument(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  analysisOf(doc: TextDocument): NoteAnalysis {
    return this.analyses.analysisOf(doc);
  }

  analysisOfText(text: string, uri: string): NoteAnalysis {
    return analyzeText(text, { ...this.analyses.settings, fileName: fileNameOfUri(uri) });
  }

  rules(): NotesRules {
    return this.notesRules;
  }

  todoCountOptions(): TodoCountOptions {
    return this.counting;
  }
}
