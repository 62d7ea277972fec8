/**
 * Shared by the schedule features (import, Start Talk Now from a schedule, the Schedule view):
 * the parsed copies kept in the extension's global storage (JSON, one file per source, so that
 * capture works offline at the venue), the stars (global state, per source and session id, so
 * they survive re-imports), the note's schedule (its `schedule` front matter key), and the
 * schedule clock.
 *
 * The clock is the real one unless `TALK_CAPTURE_NOW` (an ISO 8601 instant, read once) says
 * otherwise: then it starts at that instant when the extension starts and runs on from there
 * (tests and demos of a conference that is not today). Tests may also move it through the API.
 * No Node built-ins: this runs in a browser too (`process` is looked at only when it exists).
 */
import * as vscode from 'vscode';
import { scheduleTimeZone } from './settings';
import type { ScheduleApi, ScheduleStoreApi } from '../api';
import type { FeatureContext } from './feature';
import {
  MAX_SCHEDULE_BYTES,
  isScheduleUrl,
  matchSession,
  noteTalks,
  isValidTimeZone,
  scheduleDays,
  scheduleFromJson,
  scheduleJson,
  schedulePeople,
  withTimeZone,
  type Schedule,
} from '../../core/schedule/index';
import { findTalkAt } from '../../core/notes/query';
import { analysisOf } from './analysis';
import { noteStartDate, scheduleSourceOf } from '../../core/schedule/editor-place';
import type { TextDocument } from '../../core/document';
import { parseScheduleOffThread } from './offThread';

const STARS_KEY = 'talkCapture.schedule.stars';
const LAST_KEY = 'talkCapture.schedule.last';

// ---------------------------------------------------------------------------------------------
// The clock

let offset: number | undefined;

function envOffset(): number {
  if (offset !== undefined) return offset;
  offset = 0;
  // The test clock comes from the Node extension host's environment; a browser has none.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.TALK_CAPTURE_NOW;
  if (env) {
    const t = Date.parse(env);
    if (Number.isFinite(t)) offset = t - Date.now();
  }
  return offset;
}

/** Now, in ms since the epoch, on the schedule clock. */
export function scheduleNow(): number {
  return Date.now() + envOffset();
}

/** Moves the schedule clock so that now is `iso` (undefined: back to the real clock). For the tests. */
function setScheduleNow(iso: string | undefined): void {
  const t = iso ? Date.parse(iso) : NaN;
  offset = Number.isFinite(t) ? t - Date.now() : 0;
}

// ---------------------------------------------------------------------------------------------
// Sources

/** Where a note's `schedule` value points: a URL, or a file (absolute, or relative to the note's workspace folder). */
export interface ScheduleRef {
  /** As written in the front matter. */
  source: string;
  /** The key of the stored copy and the stars: the URL, or the file's URI. */
  key: string;
  /** The file, when the source is not a URL. */
  file?: vscode.Uri;
}

export function resolveSource(source: string, note: vscode.Uri | undefined): ScheduleRef {
  const s = source.trim();
  let file: vscode.Uri;
  const folder = (note && vscode.workspace.getWorkspaceFolder(note)) ?? vscode.workspace.workspaceFolders?.[0];
  // A file's URI on a file system VS Code has (a workspace in a browser: vscode-vfs://…,
  // vscode-remote://…) is a file; any other scheme:// is a URL to download.
  const scheme = /^([a-z][\w+.-]*):\/\//i.exec(s)?.[1].toLowerCase();
  if (scheme && !/^(?:https?|webcal)$/.test(scheme) && vscode.workspace.fs.isWritableFileSystem(scheme) !== undefined) file = vscode.Uri.parse(s);
  else if (isScheduleUrl(s)) return { source: s, key: s };
  // An absolute path is on the workspace's own file system (a browser has no other).
  else if (s.startsWith('/') && folder && folder.uri.scheme !== 'file') file = folder.uri.with({ path: s });
  else if (/^(?:\/|[a-zA-Z]:[\\/])/.test(s)) file = vscode.Uri.file(s);
  else {
    const base = folder?.uri ?? (note ? vscode.Uri.joinPath(note, '..') : undefined);
    file = base ? vscode.Uri.joinPath(base, ...s.replace(/\\/g, '/').split('/').filter(Boolean)) : vscode.Uri.file(s);
  }
  return { source: s, key: file.toString(), file };
}

/** The value a note's front matter gets for a file: workspace-relative when inside the workspace. */
export function sourceForFile(file: vscode.Uri): string {
  const rel = vscode.workspace.asRelativePath(file, false);
  if (rel !== file.fsPath && rel !== file.toString()) return rel;
  return file.scheme === 'file' ? file.fsPath : file.toString();
}

/** `talkCapture.schedule.timeZone` when it names a known zone. */
export function zoneOverride(): string | undefined {
  const z = scheduleTimeZone();
  return z && isValidTimeZone(z) ? z : undefined;
}

// ---------------------------------------------------------------------------------------------
// The store

function fileName(key: string): string {
  // FNV-1a (32 bit) twice with different seeds: a short, stable file name per key.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}.json`;
}

/** The stored parsed copies of imported schedules and their stars. */
class ScheduleStore implements ScheduleStoreApi {
  private readonly cache = new Map<string, Schedule | null>();
  private readonly files = new Map<string, { mtime: number; size: number; schedule: Schedule }>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a key whose copy or stars changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  private uriOf(key: string): vscode.Uri {
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'schedules', fileName(key));
  }

  /**
   * The stored copy for `key`, else (unless `storedOnly`) the schedule file `key` names when it
   * is readable; the zone setting applied. Undefined otherwise.
   */
  async read(key: string, options: { storedOnly?: boolean } = {}): Promise<Schedule | undefined> {
    let s = this.cache.get(key);
    if (s === undefined) {
      s = null;
      try {
        const data = JSON.parse(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(this.uriOf(key)))) as { key?: unknown; schedule?: unknown };
        if (data.key === key) s = scheduleFromJson(data.schedule) ?? null;
      } catch {
        // not imported yet, or unreadable: treated as not imported
      }
      this.cache.set(key, s);
    }
    if (!s && !options.storedOnly) s = await this.fromFile(key);
    if (!s) return undefined;
    const zone = zoneOverride();
    return zone ? withTimeZone(s, zone) : s;
  }

  /**
   * A schedule file never imported here (a second device, a browser): read from the workspace
   * and parsed as Import does, kept while the file's modification time and size stay the same.
   */
  private async fromFile(key: string): Promise<Schedule | undefined> {
    if (isScheduleUrl(key) && /^(?:https?|webcal):/i.test(key)) return undefined;
    try {
      const uri = vscode.Uri.parse(key, true);
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File || stat.size > MAX_SCHEDULE_BYTES) return undefined;
      const known = this.files.get(key);
      if (known && known.mtime === stat.mtime && known.size === stat.size) return known.schedule;
      const schedule = await parseScheduleOffThread(await vscode.workspace.fs.readFile(uri), { source: sourceForFile(uri) });
      this.files.set(key, { mtime: stat.mtime, size: stat.size, schedule });
      return schedule;
    } catch {
      // no such file, or not a schedule: as if none was named
      return undefined;
    }
  }

  async write(key: string, schedule: Schedule): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.context.globalStorageUri, 'schedules'));
    await vscode.workspace.fs.writeFile(this.uriOf(key), new TextEncoder().encode(JSON.stringify({ key, schedule: scheduleJson(schedule) })));
    this.cache.set(key, schedule);
    await this.context.globalState.update(LAST_KEY, key);
    this.changed.fire(key);
  }

  /** The key imported last (the Schedule view shows it when no note names one). */
  get lastKey(): string | undefined {
    return this.context.globalState.get<string>(LAST_KEY);
  }

  stars(key: string): Set<string> {
    const all = this.context.globalState.get<Record<string, string[]>>(STARS_KEY) ?? {};
    return new Set(Array.isArray(all[key]) ? all[key] : []);
  }

  async setStar(key: string, id: string, on: boolean): Promise<void> {
    const all = { ...(this.context.globalState.get<Record<string, string[]>>(STARS_KEY) ?? {}) };
    const set = new Set(all[key] ?? []);
    if (on) set.add(id);
    else set.delete(id);
    all[key] = [...set];
    await this.context.globalState.update(STARS_KEY, all);
    this.changed.fire(key);
  }
}

let sharedStore: ScheduleStore | undefined;

type OwnScheduleApi = ScheduleApi & { store: ScheduleStore };

function isOwn(api: ScheduleApi | undefined): api is OwnScheduleApi {
  return api?.store instanceof ScheduleStore;
}

/** The one store and API, made on first use. */
export function scheduleApi(ctx: FeatureContext): OwnScheduleApi {
  const known = ctx.api.schedule;
  if (isOwn(known)) return known;
  const api = { store: new ScheduleStore(ctx.extension), lastMessage: undefined, setNow: setScheduleNow, parsing: 0 };
  ctx.api.schedule = api;
  sharedStore = api.store;
  return api;
}

type Suggestions = { speakers: Array<{ value: string; detail?: string }>; companies: Array<{ value: string; detail?: string }> };

/**
 * New Talk…'s suggestions with the active note's schedule added: the names and companies
 * written in the notes first (most used first), then the schedule's others (`in the schedule`).
 */
export async function withSchedulePeople<T extends Suggestions>(people: Promise<T>): Promise<Suggestions> {
  const found = await people;
  const editor = vscode.window.activeTextEditor;
  const schedule = editor && editor.document.languageId === 'markdown' ? await storedScheduleOf(editor.document) : undefined;
  if (!schedule) return found;
  const theirs = schedulePeople(schedule);
  const add = (mine: Array<{ value: string; detail?: string }>, names: string[]) => {
    const have = new Set(mine.map((m) => m.value.toLowerCase()));
    return [...mine, ...names.filter((n) => !have.has(n.toLowerCase())).map((value) => ({ value, detail: 'in the schedule' }))];
  };
  return { speakers: add(found.speakers, theirs.speakers), companies: add(found.companies, theirs.companies) };
}

/** The schedule a note names (front matter `schedule`) and its stored copy, if any. */
export async function noteSchedule(ctx: FeatureContext, doc: vscode.TextDocument): Promise<{ ref: ScheduleRef; schedule: Schedule | undefined } | undefined> {
  const source = scheduleSourceOf(analysisOf(doc).frontMatter);
  if (!source) return undefined;
  const ref = resolveSource(source, doc.uri.scheme === 'untitled' ? undefined : doc.uri);
  return { ref, schedule: await scheduleApi(ctx).store.read(ref.key) };
}

/** The stored schedule of a note (through the shared store), if any. */
export async function storedScheduleOf(doc: vscode.TextDocument | TextDocument): Promise<Schedule | undefined> {
  const source = scheduleSourceOf(analysisOf(doc).frontMatter);
  if (!source || !sharedStore) return undefined;
  const uri = typeof doc.uri === 'string' ? vscode.Uri.parse(doc.uri) : doc.uri;
  try {
    return await sharedStore.read(resolveSource(source, uri.scheme === 'untitled' ? undefined : uri).key);
  } catch {
    return undefined;
  }
}

/**
 * The session page of the talk whose section holds 1-based `line` (Resolve TODO Link… offers
 * it): the session of the note's schedule the talk is (core/schedule/sessionMatch.ts: a session
 * URL in the talk, else its title, day and speakers), when the matcher is sure enough.
 */
export async function sessionPageAt(doc: vscode.TextDocument, line: number): Promise<string | undefined> {
  const schedule = await storedScheduleOf(doc);
  if (!schedule) return undefined;
  const a = analysisOf(doc);
  const talk = findTalkAt(a.model, line);
  if (!talk) return undefined;
  const query = noteTalks(a.blocks.lines, a.model, { scheduleDays: scheduleDays(schedule), startDate: noteStartDate(a.frontMatter) }).find((t) => t.line === talk.line);
  return (query && matchSession(query, schedule).match?.session.url) ?? undefined;
}
