/**
 * The talkCapture settings, read and sanitised in one place (a hostile or mistyped value gets
 * the default, never an exception or an unbounded limit).
 */
import * as vscode from 'vscode';
import type { LandscapeScope } from '../../core/landscape/landscapeIndex';
import { projectCompletion, type ProjectCompletion } from '../../core/landscape/typing';
import type { LinkMode } from '../../core/landscape/linkPlan';
import type { TagStyle } from '../../core/frontmatter/tags';
import type { TodoCountOptions } from '../../core/notes/todos';
import type { FrontMatterFormat } from '../../core/frontmatter/format';
import type { SessionLinkStyle } from '../../core/schedule/editor-place';
import { DEFAULT_MAX_FILE_MB, maxFileBytesOf, notesRules, type NotesRules } from '../../core/notes/workspaceNotes';

const config = (scope?: vscode.ConfigurationScope) => vscode.workspace.getConfiguration('talkCapture', scope);

/** talkCapture.maxFileSizeMB in bytes (0.1 MB to 1 GB; the default when not a number). */
export function maxFileBytes(scope?: vscode.ConfigurationScope): number {
  return maxFileBytesOf(config(scope).get<unknown>('maxFileSizeMB', DEFAULT_MAX_FILE_MB));
}

/** talkCapture.notesGlob, talkCapture.excludeGlob and talkCapture.maxFileSizeMB: which files are notes. */
export function notesRulesSetting(scope?: vscode.ConfigurationScope): NotesRules {
  const c = config(scope);
  return notesRules({ notesGlob: c.get<unknown>('notesGlob'), excludeGlob: c.get<unknown>('excludeGlob'), maxFileSizeMB: c.get<unknown>('maxFileSizeMB') });
}

/** talkCapture.dayHeadingPattern and talkCapture.todoPatterns: the rules a note's days and TODO items are read with. */
export function notesPatterns(): { dayHeadingPattern?: string; todoPatterns: string[] } {
  const c = config();
  const day = c.get<unknown>('dayHeadingPattern', '');
  const todo = c.get<unknown>('todoPatterns', []);
  return {
    dayHeadingPattern: typeof day === 'string' && day ? day : undefined,
    todoPatterns: Array.isArray(todo) ? todo.filter((p): p is string => typeof p === 'string') : [],
  };
}

/** talkCapture.linkMentions.mode */
export function linkMode(): LinkMode {
  const v = config().get<string>('linkMentions.mode', 'perTalk');
  return v === 'perDocument' || v === 'everyMention' ? v : 'perTalk';
}

/** talkCapture.landscape.scope */
export function landscapeScope(): LandscapeScope {
  return config().get<string>('landscape.scope', 'cncf') === 'all' ? 'all' : 'cncf';
}

/** talkCapture.landscape.url: where Update Landscape Index downloads from ('' when unset or not a string). */
export function landscapeUrl(): string {
  const v = config().get<unknown>('landscape.url', '');
  return typeof v === 'string' ? v.trim() : '';
}

/** talkCapture.diagnostics.unlinkedProjects: the live project hints are on (anything but `false` is on). */
export function unlinkedProjectHints(): boolean {
  return config().get<unknown>('diagnostics.unlinkedProjects', true) !== false;
}

/** talkCapture.check.live: a checked note's problems follow its edits (anything but `false` is on). */
export function liveCheck(scope?: vscode.ConfigurationScope): boolean {
  return config(scope).get<unknown>('check.live', true) !== false;
}

export interface TagSettings {
  fields: string[];
  style: TagStyle;
}

/** talkCapture.tags.fields and talkCapture.tags.style */
export function tagSettings(scope?: vscode.ConfigurationScope): TagSettings {
  const c = config(scope);
  const fields = c.get<unknown>('tags.fields', ['tags', 'categories']);
  const style = c.get<string>('tags.style', 'auto');
  return {
    fields: Array.isArray(fields) ? fields.filter((f): f is string => f === 'tags' || f === 'categories') : ['tags', 'categories'],
    style: (['auto', 'landscape', 'lowercase', 'slug'] as const).find((s) => s === style) ?? 'auto',
  };
}

/** talkCapture.todos.includeHiddenDrafts */
export function todoCountOptions(): TodoCountOptions {
  return { includeHidden: config().get<boolean>('todos.includeHiddenDrafts', false) === true };
}

/** talkCapture.excludeGlob as written (undefined when empty or not a string). */
export function excludeGlob(): string | undefined {
  const v = config().get<unknown>('excludeGlob');
  return typeof v === 'string' && v ? v : undefined;
}

const text = (key: string): string | undefined => {
  const v = config().get<unknown>(key);
  return typeof v === 'string' && v.trim() ? v : undefined;
};
const asString = (v: unknown, otherwise: string): string => (typeof v === 'string' ? v : otherwise);
const flag = (key: string, scope?: vscode.ConfigurationScope): boolean => config(scope).get<unknown>(key, false) === true;

/** talkCapture.talkHeadingFormat and talkCapture.keynoteHeadingFormat (undefined: the default). */
export function headingFormats(): { talk?: string; keynote?: string } {
  return { talk: text('talkHeadingFormat'), keynote: text('keynoteHeadingFormat') };
}

/**
 * The deprecated talkCapture.talk.includeTime, still read: `true` puts the start time first in a
 * heading whose format has no `{time}` (a format with `{time}` says where it goes on its own).
 */
export function timeFirstInHeadings(): boolean {
  return flag('talk.includeTime');
}

/** talkCapture.day.includeDate */
export function dayIncludesDate(): boolean {
  return flag('day.includeDate');
}

/** talkCapture.schedule.sessionLink */
export function sessionLinkStyle(): SessionLinkStyle {
  const v = config().get<unknown>('schedule.sessionLink', 'line');
  return v === 'title' || v === 'none' ? v : 'line';
}

/** talkCapture.schedule.timeZone, trimmed ('' when unset; the caller checks it names a zone). */
export function scheduleTimeZone(): string {
  const v = config().get<unknown>('schedule.timeZone', '');
  return typeof v === 'string' ? v.trim() : '';
}

/** talkCapture.talks.followCursor */
export function talksFollowCursor(): boolean {
  return flag('talks.followCursor');
}

/** talkCapture.tags.syncOnSave of the document's folder. */
export function syncTagsOnSave(scope: vscode.ConfigurationScope): boolean {
  return flag('tags.syncOnSave', scope);
}

/** talkCapture.todoLinkFormat ('' when not a string: the caller refuses it with a reason). */
export function todoLinkFormat(): string {
  const v = config().get<unknown>('todoLinkFormat', '[slides](TODO)');
  return typeof v === 'string' ? v : '';
}

/** What New Conference Notes… writes: talkCapture.frontMatter.format, notesFolder, fileNameTemplate. */
export function newNoteSettings(): { frontMatter: FrontMatterFormat; notesFolder: string; fileNameTemplate: string } {
  return {
    frontMatter: config().get<unknown>('frontMatter.format') === 'toml' ? 'toml' : 'yaml',
    notesFolder: asString(config().get<unknown>('notesFolder', 'content/posts'), 'content/posts'),
    fileNameTemplate: asString(config().get<unknown>('fileNameTemplate', '{slug}.md'), '{slug}.md'),
  };
}

/** The line ending of a new file: VS Code's files.eol; `auto` is the machine's (a browser's is \n, as VS Code's own default there). */
export function newFileEol(): '\n' | '\r\n' {
  const eol = vscode.workspace.getConfiguration('files').get<unknown>('eol', 'auto');
  if (eol === '\r\n' || eol === '\n') return eol;
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  return platform === 'win32' ? '\r\n' : '\n';
}

/** The value a person set for `key` (the most specific scope that has one), undefined when none did. */
function setValue(c: vscode.WorkspaceConfiguration, key: string): unknown {
  const i = c.inspect<unknown>(key);
  return i?.workspaceFolderLanguageValue ?? i?.workspaceLanguageValue ?? i?.globalLanguageValue ?? i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

/** talkCapture.completion.projects, or the deprecated completion.enabled and completion.whileTyping when it is not set. */
export function projectCompletionSetting(scope?: vscode.ConfigurationScope): ProjectCompletion {
  const c = config(scope);
  return projectCompletion({ projects: setValue(c, 'completion.projects'), enabled: c.get<unknown>('completion.enabled'), whileTyping: c.get<unknown>('completion.whileTyping') });
}

export interface PhotoSettings {
  /** talkCapture.photos.destination ('' : the Hugo rules). */
  destination: string;
  /** talkCapture.photos.maxEdge: long edge in pixels, 0 keeps the size (0..20000; 1600 when not a number). */
  maxEdge: number;
  /** talkCapture.photos.keepMetadata (only `true` keeps it). */
  keepMetadata: boolean;
}

/** The slide photo settings of a note. */
export function photoSettings(scope?: vscode.ConfigurationScope): PhotoSettings {
  const c = config(scope);
  const destination = c.get<unknown>('photos.destination', '');
  const edge = c.get<unknown>('photos.maxEdge', 1600);
  return {
    destination: typeof destination === 'string' ? destination.trim() : '',
    maxEdge: typeof edge === 'number' && Number.isFinite(edge) ? Math.min(20000, Math.max(0, Math.round(edge))) : 1600,
    keepMetadata: c.get<unknown>('photos.keepMetadata', false) === true,
  };
}

const PUBLISHED_LINE = '{slides} · {recording}';

/**
 * talkCapture.published.lineFormat: the line Find Published Links… writes under a heading with
 * no placeholder. One line naming `{slides}` or `{recording}`; anything else gets the default.
 */
export function publishedLineFormat(scope?: vscode.ConfigurationScope): string {
  const v = config(scope).get<unknown>('published.lineFormat', PUBLISHED_LINE);
  if (typeof v !== 'string' || /[\r\n]/.test(v) || !/\{(?:slides|recording)\}/.test(v) || v.length > 500) return PUBLISHED_LINE;
  return v.trim();
}

/** talkCapture.published.pauseSeconds in milliseconds (1 to 60 s; 2 s when not a number). */
export function publishedPauseMs(): number {
  const v = config().get<unknown>('published.pauseSeconds', 2);
  const s = typeof v === 'number' && Number.isFinite(v) ? Math.min(60, Math.max(1, v)) : 2;
  return Math.round(s * 1000);
}
