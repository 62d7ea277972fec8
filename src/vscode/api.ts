/**
 * The API activate() returns (the extension's exports): what each feature puts there for the
 * integration tests to observe. One typed shape, declared here so that the features (which
 * never import each other) and the tests (type-only imports) share it. A member is optional
 * when its feature may be missing: one feature that fails to register does not stop the others.
 */
import type * as vscode from 'vscode';
import type { LandscapeIndex } from '../core/landscape/index';
import type { WorkCounts } from '../core/util/work';
import type { Session } from '../core/schedule';
import type { ScheduleStore } from './services/scheduleStore';
import type { NotesElement } from './services/treeItems';

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
  /** Computes the hints of an open document now. */
  refresh: (uri: vscode.Uri) => Promise<void>;
}

/** `api.publishCheck`: the last summary and how many checks ran per document. */
export interface PublishCheckApi {
  lastSummary: string | undefined;
  runs: Record<string, number>;
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

/** `api.schedule`: the schedule features' store, last message and clock. */
export interface ScheduleApi {
  store: ScheduleStore;
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
  talksView?: TalksViewApi;
  todosView?: TodosViewApi;
  schedule?: ScheduleApi;
  scheduleView?: ScheduleViewApi;
}
