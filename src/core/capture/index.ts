/** Text logic of live capture: headings, where they go, TODO links, hidden drafts, new notes. */
export * from './template';
export * from './headingText';
export * from './insert';
export * from './hiddenDraft';
export * from './todoLink';
export * from './newNote';
