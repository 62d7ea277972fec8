/**
 * The API activate() returns (the extension's exports): what each feature puts there for the
 * integration tests to observe. One typed shape, declared here so that the features (which
 * never import each other) and the tests (type-only imports) share it. A member is optional
 * when its feature may be missing: one feature that fails to register does not stop the others.
 */
import type * as vscode from 'vscode';
import type { LandscapeIndex } from '../core/landscape/landscapeIndex';
import type { Schedule, Session } from '../core/schedule';
import type { TodoItem } from '../core/notes/model';
import type { WorkCounts } from '../core/util/work';

/** Elements of the Talks and TODO Links trees, as passed to commands. */
export type DayElement = { kind: 'day'; uri: vscode.Uri; line: number };
export type GroupElement = { kind: 'group'; uri: vscode.Uri; line: number };
export type TalkElement = { kind: 'talk'; uri: vscode.Uri; line: number };
export type TodoElement = { kind: 'todo'; uri: vscode.Uri; todo: TodoItem; talk: string | null };
export type ProblemElement = { kind: 'problem'; uri: vscode.Uri; line: number };
export type FileElement = { kind: 'file'; uri: vscode.Uri; line: number };
export type NotesElement = DayElement | GroupElement | TalkElement | TodoElement | ProblemElement | FileElement;

export interface RunningTalkInfo {
  title: string;
  heading: string;
  uri: string;
  /** 0-based line of the heading when last known. */
  line: number;
  startedAt: number;
}

/** `api.capture`: the quick inputs of the capture commands, the last created note, the talk timer. */
export interface CaptureApi {
  /** The quick input showing now (InputBox or QuickPick), if any. */
  activeInput: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem> | undefined;
  /** Name of the step showing: `title`, `speakers`, `company`, `kind`, `name`, `date`, `format`, `url`. */
  activeStep: string | undefined;
  /** The last note New Conference Notes… created. */
  lastCreatedNote: vscode.Uri | undefined;
  /** The talk timer's status bar item (set by the talk timer). */
  statusBarItem?: vscode.StatusBarItem;
  /** The running talk (set by the talk timer). */
  runningTalk?: RunningTalkInfo;
  /** Text the status bar item shows now, `$(record) Title 12:34` (set by the talk timer). */
  statusText?: () => string | undefined;
}

/** `api.analysis`: the work the note analyses did (counters of the core), to prove one parse per version. */
export interface AnalysisApi {
  /** Block scans, model builds, inline scans, mention passes, front matter parses and steps since the last reset. */
  counters: () => WorkCounts;
  /** Sets the counters to 0. */
  reset: () => void;
  /** How many open documents have an analysis cached. */
  cached: () => number;
}

/** `api.landscape`: the landscape index (loaded on first use). */
export interface LandscapeApi {
  get: () => Promise<LandscapeIndex>;
  /** Milliseconds the (last) load took; undefined before the first use. */
  loadMs: () => number | undefined;
  origin: () => 'bundled' | 'updated';
  /** True once the index has been loaded (it is not loaded at activation). */
  loaded: () => boolean;
  /** Forgets an updated index (deletes it from global storage) and goes back to the bundled one. */
  reset: () => Promise<LandscapeIndex>;
}

/** `api.linkMentions`: Link Project Mentions' last confirmation list. */
export interface LinkMentionsApi {
  lastConfirmation: () => Array<{ label: string; description: string }> | undefined;
}

/** `api.projectDiagnostics`: the live project hints (unlinked mentions, typos). */
export interface ProjectDiagnosticsApi {
  /** How many times the hints were computed. */
  runs: () => number;
  /** The version of an open document its hints were last computed from (undefined before the first). */
  hintedVersion: (uri: vscode.Uri) => number | undefined;
  /** Computes the hints of an open document now. */
  refresh: (uri: vscode.Uri) => Promise<void>;
}

/** `api.publishCheck`: the last summary, how many checks ran per document, and the version each last checked. */
export interface PublishCheckApi {
  lastSummary: string | undefined;
  runs: Record<string, number>;
  checkedVersion: Record<string, number>;
}

/** `api.frontMatter`: what the front matter commands last told the user. */
export interface FrontMatterApi {
  lastMessage: string | undefined;
}

/** `api.finishPost`: Finish Post…'s last preview (its rows) and the last message it showed. */
export interface FinishPostApi {
  lastPreview: Array<{ label: string; detail: string; picked: boolean }> | undefined;
  lastMessage: string | undefined;
}

/** One row of Add Slide Photos…'s preview as shown. */
export interface PhotoPreviewRow {
  label: string;
  description: string;
  detail: string;
  picked: boolean;
}

/** `api.photos`: Add Slide Photos…'s preview and message, and the photo drop and paste providers. */
export interface PhotosApi {
  /** The rows of the last preview (updated when a row's talk changes). */
  lastPreview: PhotoPreviewRow[] | undefined;
  /** The preview showing now, if any. */
  preview: vscode.QuickPick<vscode.QuickPickItem> | undefined;
  lastMessage: string | undefined;
  /** The drop provider (registered for Markdown). */
  dropProvider?: vscode.DocumentDropEditProvider;
  /** Whether the paste provider was registered (VS Code 1.97 and later). */
  pasteRegistered: boolean;
}

/** `api.published`: Find Published Links…' last preview (its rows) and the last message it showed. */
export interface PublishedApi {
  lastPreview: Array<{ label: string; description: string; detail: string; picked: boolean }> | undefined;
  lastMessage: string | undefined;
  /** Forgets the pages read (the cache in the extension's global storage). */
  resetCache(): Promise<void>;
}

/** `api.talksView`: the Talks view of the active note. */
export interface TalksViewApi {
  provider: {
    getChildren(element?: NotesElement): NotesElement[];
    getTreeItem(element: NotesElement): vscode.TreeItem;
    generation: number;
    doc: vscode.TextDocument | undefined;
  } & vscode.TreeDataProvider<NotesElement>;
  view: vscode.TreeView<NotesElement>;
  /** Rebuilds the tree now (skipping the typing debounce). */
  refresh(): void;
}

/** `api.todosView`: the TODO Links view of the workspace's notes. */
export interface TodosViewApi {
  provider: {
    getChildren(element?: NotesElement): NotesElement[] | Promise<NotesElement[]>;
    getTreeItem(element: NotesElement): vscode.TreeItem;
    generation: number;
  } & vscode.TreeDataProvider<NotesElement>;
  view: vscode.TreeView<NotesElement>;
  /** Scans the workspace again and resolves when done. */
  rescan(): Promise<void>;
  /** Number of TODO items listed (after the first scan). */
  total(): number;
  /** TODO items listed for one file (undefined when the file is not listed). */
  countFor(uri: vscode.Uri): number | undefined;
  /** The notes read (with TODO items or not). */
  files(): vscode.Uri[];
}

/** The stored parsed copies of imported schedules and their stars (services/scheduleStore.ts). */
export interface ScheduleStoreApi {
  read(key: string, options?: { storedOnly?: boolean }): Promise<Schedule | undefined>;
  stars(key: string): Set<string>;
  setStar(key: string, id: string, on: boolean): Promise<void>;
}

/** `api.schedule`: the schedule features' store, last message and clock. */
export interface ScheduleApi {
  store: ScheduleStoreApi;
  /** The last message the schedule features showed. */
  lastMessage: string | undefined;
  setNow(iso: string | undefined): void;
  /** How many imports are parsing a schedule right now (off the extension host's thread in the Node build). */
  parsing: number;
}

/** The Schedule view's one filter. */
export type ScheduleFilter = { kind: 'all' } | { kind: 'starred' } | { kind: 'track'; value: string } | { kind: 'room'; value: string };

/**
 * An element of the Schedule view: a day, a time slot (its main-track sessions, the side sessions
 * folded under it), the fold of side sessions, a session.
 */
export type ScheduleNode =
  | { kind: 'day'; date: string }
  | { kind: 'slot'; date: string; start: string; end: string; startMs: number; endMs: number; main: Session[]; side: Session[] }
  | { kind: 'side'; start: string; sessions: Session[] }
  | { kind: 'session'; session: Session };

/** `api.scheduleView`: the Schedule view. */
export interface ScheduleViewApi {
  provider: {
    /** Shows the active note's schedule, else the one imported last. */
    reload(): Promise<void>;
    getChildren(node?: ScheduleNode): ScheduleNode[];
    getTreeItem(node: ScheduleNode): vscode.TreeItem;
    getParent(node: ScheduleNode): ScheduleNode | undefined;
    setFilter(filter: ScheduleFilter): Promise<void>;
  } & vscode.TreeDataProvider<ScheduleNode>;
  view: vscode.TreeView<ScheduleNode>;
  /** The slot the view last scrolled to (the one running now, else the next). */
  revealed: ScheduleNode | undefined;
}

export interface TalkCaptureApi {
  /** Milliseconds activate() took. */
  activationMs: number;
  capture?: CaptureApi;
  analysis?: AnalysisApi;
  landscape?: LandscapeApi;
  linkMentions?: LinkMentionsApi;
  projectDiagnostics?: ProjectDiagnosticsApi;
  publishCheck?: PublishCheckApi;
  frontMatter?: FrontMatterApi;
  finishPost?: FinishPostApi;
  photos?: PhotosApi;
  published?: PublishedApi;
  talksView?: TalksViewApi;
  todosView?: TodosViewApi;
  schedule?: ScheduleApi;
  scheduleView?: ScheduleViewApi;
}
