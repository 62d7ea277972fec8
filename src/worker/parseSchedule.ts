/**
 * The schedule parse off the editor's thread (Node extension host: desktop, code-server): bundled
 * alone as dist/scheduleWorker.js and run in a `worker_threads` Worker by
 * src/vscode/offThread.node.ts, one worker per parse. It gets the bytes and the parse options,
 * and answers with plain data: the parsed Schedule, or the error's name and message.
 */
import { parentPort } from 'node:worker_threads';
import { parseSchedule } from '../core/schedule';
import type { ScheduleParseOptions } from '../core/schedule/readerCommon';

/** What the editor sends. */
export interface ParseRequest {
  input: Uint8Array | string;
  options: ScheduleParseOptions;
}

/** What the worker answers. */
export type ParseReply = { ok: true; schedule: ReturnType<typeof parseSchedule> } | { ok: false; name: string; message: string };

parentPort?.once('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { ok: true, schedule: parseSchedule(request.input, request.options) };
  } catch (err) {
    reply = err instanceof Error ? { ok: false, name: err.name, message: err.message } : { ok: false, name: 'Error', message: String(err) };
  }
  parentPort?.postMessage(reply);
});
