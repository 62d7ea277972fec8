/**
 * The TODO Links tree: every TODO item of the workspace's notes, by file → talk. The notes are
 * the ones core's reader finds in each folder through its file system interface
 * (core/notes/workspaceNotes.ts: talkCapture.notesGlob minus talkCapture.excludeGlob, the size
 * limit, the decoding: the same notes as the CLI's `talk-capture todos`); an open note is read
 * from its document. The workspace is scanned once; after that only a note that changed is read
 * again. The editor shows it and says when to read what (src/vscode/features/todosView.ts).
 */
import type { TextDocument } from '../core/document';
import type { NoteAnalysis } from '../core/analysis/noteAnalysis';
import type { NotesModel, TodoItem } from '../core/notes/model';
import { talkFinder } from '../core/notes/query';
import { visibleTodos, type TodoCountOptions } from '../core/notes/todos';
import { isNote, listNotes, readNoteFile, type NotesFileSystem, type NotesRules } from '../core/notes/workspaceNotes';
import { messageOf } from '../core/util/errors';
import { plural } from '../core/util/plural';
import type { Analyses } from './services';
import { revealCommand, todoNode, uniqueIds, type NoteElement, type TreeNode } from './treeNodes';

/** A folder of notes (a workspace folder): its files through core's reader interface, and its URIs. */
export interface NotesFolder {
  readonly name: string;
  readonly fs: NotesFileSystem;
  /** The URI of a file of the folder (path relative to it, `/` between folders). */
  uriOf(path: string): string;
  /** The path of a URI relative to the folder, or undefined when it is not inside. */
  pathOf(uri: string): string | undefined;
}

/** What the TODO Links tree is built with. */
export interface TodosTreeServices extends Analyses {
  /** The folders whose notes are listed. */
  folders(): readonly NotesFolder[];
  /** The open document of a URI (read instead of the file: it may have unsaved edits). */
  openDocument(uri: string): TextDocument | undefined;
  /** The analysis of a note's text read from its file (not cached: the file is not open). */
  analysisOfText(text: string, uri: string): NoteAnalysis;
  /** talkCapture.notesGlob, excludeGlob and maxFileSizeMB. */
  rules(): NotesRules;
  /** Whether hidden notes count as TODO items (talkCapture.todos.includeHiddenDrafts). */
  todoCountOptions(): TodoCountOptions;
  log: { info(message: string): void; warn(message: string): void };
}

/** The TODO items of one note. */
export interface NoteTodos {
  uri: string;
  /** Relative to its folder. */
  path: string;
  items: Array<{ todo: TodoItem; talk: string | null; talkLine: number | null }>;
  skipped?: string;
  /** Read, but not as written (invalid UTF-8 shown as U+FFFD). */
  warning?: string;
}

export class TodosTree {
  /** The notes read, by URI (with TODO items or not). */
  readonly files = new Map<string, NoteTodos>();
  scanned = false;
  private scanning: Promise<void> | undefined;

  /** `changed`: called after each change of the notes read. */
  constructor(
    private readonly services: TodosTreeServices,
    private readonly changed: () => void = () => undefined,
  ) {}

  /** TODO items listed. */
  total(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.items.length;
    return n;
  }

  /** Notes not read (too large, binary, unreadable). */
  skipped(): number {
    let n = 0;
    for (const f of this.files.values()) if (f.skipped) n++;
    return n;
  }

  /** Reads every note of the folders (one scan at a time: a second call gets the running one). */
  scan(): Promise<void> {
    this.scanning ??= this.doScan().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  private async doScan(): Promise<void> {
    const started = Date.now();
    const rules = this.services.rules();
    const notes: Array<{ folder: NotesFolder; path: string }> = [];
    for (const folder of this.services.folders()) {
      try {
        const listed = await listNotes(folder.fs, rules);
        for (const path of listed.paths) notes.push({ folder, path });
        for (const problem of listed.problems) this.services.log.warn(`TODO Links: ${problem}`);
      } catch (err) {
        this.services.log.warn(`TODO Links: ${folder.name}: cannot list the notes (${rules.notesGlob}): ${messageOf(err)}`);
      }
    }
    const next = new Map<string, NoteTodos>();
    let at = 0;
    const worker = async () => {
      while (at < notes.length) {
        const { folder, path } = notes[at++];
        const entry = await this.read(folder, path, rules);
        if (entry) next.set(entry.uri, entry);
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, notes.length) }, worker));
    this.files.clear();
    for (const [k, v] of next) this.files.set(k, v);
    this.scanned = true;
    this.services.log.info(`TODO Links: scanned ${notes.length} notes in ${Date.now() - started} ms, ${this.total()} TODO items`);
    this.changed();
  }

  /** Reads one note (the open document when there is one, else the file). Never throws. */
  private async read(folder: NotesFolder, path: string, rules: NotesRules): Promise<NoteTodos | undefined> {
    const uri = folder.uriOf(path);
    try {
      const open = this.services.openDocument(uri);
      if (open) return this.entry(uri, path, this.services.analysisOf(open).model);
      const note = await readNoteFile(folder.fs, path, rules);
      if (note.status === 'gone' || note.status === 'unchanged') return undefined;
      if (note.status === 'skipped') return { uri, path, items: [], skipped: note.reason };
      if (note.warning) this.services.log.warn(`TODO Links: ${path}: ${note.warning}`);
      return { ...this.entry(uri, path, this.services.analysisOfText(note.text, uri).model), warning: note.warning };
    } catch (err) {
      return { uri, path, items: [], skipped: `cannot be read: ${messageOf(err)}` };
    }
  }

  private entry(uri: string, path: string, model: NotesModel): NoteTodos {
    // Hidden drafts are notes, not TODO items, unless talkCapture.todos.includeHiddenDrafts says so.
    // One lookup for all the items (sorted once), not a pass over the talks per item.
    const talkAt = talkFinder(model);
    const items = visibleTodos(model.todos, this.services.todoCountOptions()).map((todo) => {
      const talk = talkAt(todo.line);
      return { todo, talk: talk ? talk.title || '(untitled draft)' : null, talkLine: talk ? talk.line : null };
    });
    return { uri, path, items, skipped: model.skipped ?? undefined };
  }

  /** Reads one note again (after an edit or a change on disk); a file that is not a note is dropped. */
  async reread(uri: string): Promise<void> {
    if (!this.scanned) return;
    const rules = this.services.rules();
    const at = this.services
      .folders()
      .map((folder) => ({ folder, path: folder.pathOf(uri) }))
      .find((f) => f.path !== undefined);
    if (!at || at.path === undefined || !isNote(rules, at.path)) {
      if (this.files.delete(uri)) this.changed();
      return;
    }
    const entry = await this.read(at.folder, at.path, rules);
    if (entry) this.files.set(uri, entry);
    else this.files.delete(uri);
    this.changed();
  }

  /** Forgets a note (deleted). */
  remove(uri: string): void {
    if (this.files.delete(uri)) this.changed();
  }

  /** The rows: the notes with TODO items or a reason they were skipped, by path. */
  roots(): TreeNode[] {
    return [...this.files.values()]
      .filter((f) => f.items.length > 0 || f.skipped)
      .sort((a, b) => pathOfUri(a.uri).localeCompare(pathOfUri(b.uri)))
      .map(fileNode);
  }
}

/** The decoded path of a URI (`file:///a%20b/c.md` → `/a b/c.md`). */
function pathOfUri(uri: string): string {
  const path = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/i.exec(uri)?.[1] ?? uri;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function fileNode(f: NoteTodos): TreeNode {
  const { uri, path } = f;
  const element: NoteElement = { kind: 'file', uri, line: 1 };
  const name = path.slice(path.lastIndexOf('/') + 1);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const node: TreeNode = {
    id: `todos|${uri}`,
    label: name,
    description: f.skipped ? `skipped: ${f.skipped}` : `${folder ? folder + ' · ' : ''}${f.items.length} TODO`,
    tooltip: f.skipped ? `${path}: skipped, ${f.skipped}` : `${path}: ${plural(f.items.length, 'TODO item')}${f.warning ? ` (${f.warning})` : ''}`,
    icon: f.skipped ? { id: 'warning', color: 'list.warningForeground' } : { id: 'file' },
    contextValue: 'file',
    collapsible: f.items.length ? 'expanded' : 'none',
    resourceUri: uri,
    command: revealCommand(element),
    element,
    children: [],
  };
  const uniq = uniqueIds();
  const byTalk = new Map<string, TreeNode>();
  for (const it of f.items) {
    let parent = node;
    if (it.talk !== null && it.talkLine !== null) {
      const key = `${it.talkLine}|${it.talk}`;
      let talkNode = byTalk.get(key);
      if (!talkNode) {
        const talk: NoteElement = { kind: 'talk', uri, line: it.talkLine };
        talkNode = {
          id: uniq(`todos|${uri}|talk|${it.talk}`),
          label: it.talk,
          icon: { id: 'comment-discussion' },
          contextValue: 'talk',
          collapsible: 'expanded',
          command: revealCommand(talk),
          element: talk,
          children: [],
        };
        byTalk.set(key, talkNode);
        node.children.push(talkNode);
      }
      parent = talkNode;
    }
    parent.children.push(todoNode({ kind: 'todo', uri, todo: it.todo, talk: it.talk }, uniq(`${parent.id}|todo|${it.todo.kind}|${it.todo.text}`)));
  }
  for (const c of node.children) if (c.element.kind === 'talk') c.description = `${c.children.length} TODO`;
  return node;
}
