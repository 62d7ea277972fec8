/**
 * The times Start Talk Now and End Talk ran, remembered in the workspace state (a
 * `vscode.Memento` is the state store of src/language/talkTimes.ts, where they are kept).
 */
export { rememberTalkEnd, rememberTalkStart } from '../../language/talkTimes';
