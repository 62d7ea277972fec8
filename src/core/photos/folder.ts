/**
 * Where a note's images go (Hugo): a page bundle (`…/index.md`) keeps them beside it in
 * `images/`; a single-file post (`content/posts/kubecon.md`) puts them in the site's
 * `static/images/<post slug>/`, linked as `/images/<post slug>/…`; without a site root,
 * `images/` beside the note. A destination setting (like `markdown.copyFiles.destination`)
 * overrides. Paths are `/`-separated and relative to the note's folder.
 */
import type { FolderOptions, PhotoFolder } from './types';

/** What makes a folder a Hugo site root. */
export const SITE_ROOT_MARKERS = ['static', 'hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', 'config.yaml'] as const;

const splitPath = (p: string) => p.replace(/\\/g, '/').split('/');

/** The note's folder parts and file name. */
function partsOf(notePath: string): { dirs: string[]; file: string } {
  const parts = splitPath(notePath).filter((p) => p !== '' && p !== '.');
  const file = parts.pop() ?? '';
  return { dirs: parts, file };
}

/**
 * The folders a site root can be in, relative to the note's folder, nearest first:
 * `''` (the note's folder), `..`, `../..`, … up to the top of `notePath`.
 */
export function ancestorFolders(notePath: string): string[] {
  const { dirs } = partsOf(notePath);
  const out = [''];
  for (let i = 1; i <= dirs.length; i++) out.push(Array(i).fill('..').join('/'));
  return out;
}

/** Joins `/`-separated paths and folds `.` and `x/..` (leading `..` are kept). */
export function joinPath(...paths: string[]): string {
  const out: string[] = [];
  for (const p of paths) {
    for (const part of splitPath(p)) {
      if (part === '' || part === '.') continue;
      if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else out.push(part);
    }
  }
  return out.join('/');
}

/** A file or folder name as a slug: lower-case letters, digits and hyphens (accents dropped), at most 60 characters. */
export function slugOf(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

const BUNDLE_INDEX = /^_?index\.[A-Za-z]+$/;

/** The post's slug: its file name without extension, or its folder's name for a page bundle. */
function postSlug(dirs: readonly string[], file: string): string {
  const name = BUNDLE_INDEX.test(file) ? (dirs[dirs.length - 1] ?? 'post') : file.replace(/\.[^.]*$/, '');
  return slugOf(name, 'post');
}

/** `${name}` variables of the destination setting. */
function expand(template: string, dirs: readonly string[], file: string): string {
  const dot = file.lastIndexOf('.');
  const vars: Record<string, string> = {
    documentBaseName: dot > 0 ? file.slice(0, dot) : file,
    documentExtName: dot > 0 ? file.slice(dot + 1) : '',
    documentFileName: file,
    documentDirName: dirs[dirs.length - 1] ?? '',
    postSlug: postSlug(dirs, file),
  };
  return template.replace(/\$\{(\w+)\}/g, (all, name: string) => vars[name] ?? all);
}

/** The path from the note's folder to a workspace-relative folder. */
function fromNote(noteDirs: readonly string[], target: string): string {
  const t = joinPath(target).split('/').filter(Boolean);
  let common = 0;
  while (common < noteDirs.length && common < t.length && noteDirs[common] === t[common]) common++;
  return joinPath(...Array<string>(noteDirs.length - common).fill('..'), ...t.slice(common));
}

const withSlash = (p: string) => (p === '' || p.endsWith('/') ? p : p + '/');

/** Where the images of the note at `notePath` go, and how its links start. */
export function photoFolder(notePath: string, options: FolderOptions = {}): PhotoFolder {
  const { dirs, file } = partsOf(notePath);
  const destination = options.destination?.trim();
  if (destination) {
    const expanded = expand(destination, dirs, file);
    if (expanded.startsWith('/')) {
      const workspaceDirs = partsOf(options.workspacePath ?? notePath).dirs;
      const folder = fromNote(workspaceDirs, expanded);
      return { folder, linkPrefix: withSlash(folder) };
    }
    const folder = joinPath(expanded);
    return { folder, linkPrefix: withSlash(folder) };
  }
  if (BUNDLE_INDEX.test(file) || options.siteRoot === null || options.siteRoot === undefined) return { folder: 'images', linkPrefix: 'images/' };
  const slug = postSlug(dirs, file);
  return { folder: joinPath(options.siteRoot, 'static', 'images', slug), linkPrefix: `/images/${slug}/` };
}
