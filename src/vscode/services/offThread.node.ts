/**
 * Where a schedule is parsed, in the Node build (desktop, code-server; scripts/build.mjs puts
 * this module in place of offThread.ts): in a `worker_threads` Worker running
 * dist/scheduleWorker.js (src/worker/parseSchedule.ts), so that a long parse (up to about a
 * second near the caps) never holds up the extension host: typing, completions and commands go
 * on meanwhile. One worker per parse, ended when it answers; a failed parse rejects with the
 * same message as inline. A worker that does not answer within TOO_LONG_MS is ended (a safety
 * net: the caps keep a parse far below it).
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ScheduleError, type Schedule } from '../../core/schedule/index';
import type { ScheduleParseOptions } from '../../core/schedule/readerCommon';
import type { ParseReply, ParseRequest } from '../../worker/parseSchedule';

const TOO_LONG_MS = 60_000;

/** The worker's bundle, beside dist/extension.js (a built file, not a source to resolve). */
const WORKER_BUNDLE = 'scheduleWorker.js';

/** Parses a schedule in a worker thread; rejects with the parse's own ScheduleError (`cancelled` when `signal` aborts: the worker is ended). */
export function parseScheduleOffThread(input: Uint8Array | string, options: ScheduleParseOptions, signal?: AbortSignal): Promise<Schedule> {
  return new Promise<Schedule>((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, WORKER_BUNDLE));
    let settled = false;
    const cancel = () => finish(() => reject(new ScheduleError('cancelled')));
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new ScheduleError('the schedule took too long to read'))), TOO_LONG_MS);
    worker.once('message', (reply: ParseReply) =>
      finish(() => {
        if (reply.ok) resolve(reply.schedule);
        else if (reply.name === 'ScheduleError') reject(new ScheduleError(reply.message));
        else reject(new Error(reply.message));
      }),
    );
    worker.once('error', (err) => finish(() => reject(new Error(`the schedule reader stopped: ${err.message}`))));
    worker.once('exit', (code) => finish(() => reject(new Error(`the schedule reader stopped (exit code ${code})`))));
    signal?.addEventListener('abort', cancel);
    if (signal?.aborted) return cancel();
    const request: ParseRequest = { input, options };
    worker.postMessage(request);
  });
}
