/** Published links (issue 22), for the editor and the CLI: no `vscode`, no Node built-ins. */
export type * from './types';
export { matchSession, noteTalks } from '../schedule/sessionMatch';
export { linksFromSchedPage } from './sched';
export { publishedEdits } from './edits';
export { emptyCache, parseCache, cacheJson } from './cache';
export { findPublished } from './find';
