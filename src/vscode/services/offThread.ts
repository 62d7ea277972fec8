/**
 * Where a schedule is parsed. This is the browser build's variant (vscode.dev, github.dev: the
 * extension host already is a web worker, apart from the editor's window): the parse runs
 * inline. The Node build replaces this module with offThread.node.ts (scripts/build.mjs), which
 * parses in a worker thread so that the extension host stays responsive.
 */
import { parseSchedule, type Schedule } from '../../core/schedule/index';
import type { ScheduleParseOptions } from '../../core/schedule/readerCommon';

/** Parses a schedule; rejects with the parse's own ScheduleError (an inline parse cannot be cancelled: `_signal` is the Node variant's). */
export async function parseScheduleOffThread(input: Uint8Array | string, options: ScheduleParseOptions, _signal?: AbortSignal): Promise<Schedule> {
  return parseSchedule(input, options);
}
