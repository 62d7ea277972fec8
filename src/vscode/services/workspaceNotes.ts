/**
 * The editor's side of the one reader of the workspace's notes (src/core/notes/workspaceNotes.ts):
 * each workspace folder as a file system for the core reader, listed with `workspace.findFiles`
 * and read with `workspace.fs` (so remote and virtual workspaces work). Which files are notes,
 * the size limit, the decoding and what a skipped file reports are the core's, the same as the
 * CLI's `talk-capture todos`. Used by the TODO Links view (as folders of notes) and New Talk's people.
 */
import * as vscode from 'vscode';
import { messageOf } from './command';
import { listNotes, readNoteFile, type NoteRead, type NotesFileSystem, type NotesRules } from '../../core/notes/workspaceNotes';
import type { NotesFolder } from '../../language/todosTree';

/** A Windows drive letter in lower case (`/C:/x` and `/c:/x` are the same file). */
const driveless = (p: string) => p.replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toLowerCase()}:`);

/** `uri`'s path relative to `folder` (`/` between folders), or undefined when it is not inside. */
function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority) return undefined;
  const root = driveless(folder.uri.path);
  const base = root.endsWith('/') ? root : `${root}/`;
  const p = driveless(uri.path);
  return p.startsWith(base) && p.length > base.length ? p.slice(base.length) : undefined;
}

/** One workspace folder as the core reader's file system (`maxResults` bounds the listing). */
function folderFs(folder: vscode.WorkspaceFolder, maxResults?: number): NotesFileSystem {
  const uriOf = (rel: string) => vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
  return {
    async list(rules) {
      // findFiles does the walking (fast, and it does not enter excluded folders); the core
      // then applies the rules to what it found. An empty exclude is no exclude (never the
      // files.exclude setting: the rules are talkCapture's alone, as in the CLI).
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, rules.notesGlob), rules.excludeGlob || null, maxResults);
      const paths: string[] = [];
      for (const uri of uris) {
        const rel = relativeTo(folder, uri);
        if (rel !== undefined) paths.push(rel);
      }
      return { paths, problems: [] };
    },
    async stat(rel) {
      try {
        const stat = await vscode.workspace.fs.stat(uriOf(rel));
        const type = stat.type & vscode.FileType.Directory ? 'folder' : stat.type & vscode.FileType.File ? 'file' : 'other';
        return { type, size: stat.size, mtime: stat.mtime };
      } catch (err) {
        if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
        throw new Error(messageOf(err), { cause: err });
      }
    },
    async read(rel) {
      try {
        return await vscode.workspace.fs.readFile(uriOf(rel));
      } catch (err) {
        throw new Error(messageOf(err), { cause: err });
      }
    },
  };
}

/** The notes of every workspace folder, by the rules (folder by folder, each in the core's order). */
export async function findWorkspaceNotes(rules: NotesRules, options: { maxResults?: number } = {}): Promise<{ uris: vscode.Uri[]; problems: string[] }> {
  const uris: vscode.Uri[] = [];
  const problems: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      const listed = await listNotes(folderFs(folder, options.maxResults), rules);
      for (const rel of listed.paths) uris.push(vscode.Uri.joinPath(folder.uri, ...rel.split('/')));
      problems.push(...listed.problems);
    } catch (err) {
      problems.push(`${folder.name}: cannot list the notes (${rules.notesGlob}): ${messageOf(err)}`);
    }
  }
  return { uris, problems };
}

/**
 * The workspace folders as the TODO Links tree reads them (src/language/todosTree.ts): each
 * one's files through the core reader's interface, and its URIs as strings.
 */
export function workspaceNotesFolders(): NotesFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    name: folder.name,
    fs: folderFs(folder),
    uriOf: (rel) => vscode.Uri.joinPath(folder.uri, ...rel.split('/')).toString(),
    pathOf: (uri) => relativeTo(folder, vscode.Uri.parse(uri)),
  }));
}

/**
 * Reads a note of the workspace from disk (never more than the size limit); `unchangedSince`
 * as in the core's readNoteFile. Never throws.
 */
export function readWorkspaceNote(uri: vscode.Uri, rules: NotesRules, options: { unchangedSince?: number } = {}): Promise<NoteRead> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const rel = folder && relativeTo(folder, uri);
  if (folder && rel !== undefined) return readNoteFile(folderFs(folder), rel, rules, options);
  // Outside the workspace folders: the file's own folder.
  const parent = vscode.Uri.joinPath(uri, '..');
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return readNoteFile(folderFs({ uri: parent, name: '', index: -1 }), name, rules, options);
}
