/**
 * The talkCapture settings, read and sanitised in one place (a hostile or mistyped value gets
 * the default, never an exception or an unbounded limit).
 */
import * as vscode from 'vscode';
import type { LandscapeScope } from '../../core/landscape/index';
import type { LinkMode } from '../../core/landscape/linkPlan';
import type { TagStyle } from '../../core/frontmatter/tags';
import type { TodoCountOptions } from '../../core/notes/todos';
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
