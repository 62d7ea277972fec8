/**
 * Published links (issue 22), for the editor and the CLI: no `vscode`, no Node built-ins. The
 * session matcher (`matchSession`, `noteTalks`) is core/schedule's.
 */
export type * from './types';
export { publishedEdits } from './edits';
export { emptyCache, parseCache, cacheJson } from './cache';
export { findPublished } from './find';
