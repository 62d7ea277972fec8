/**
 * Update Landscape Index, without the editor: a CNCF landscape.yml downloaded (from the
 * configured URL or one given) or read from a file, checked, built into an index (against the
 * current one's ordinary words), kept and put to use; what the update reports (the entries and
 * CNCF projects) or why it did not happen, with the way out of a failed download (a file
 * downloaded by hand). Files are handles of the caller's own kind (`vscode.Uri` in the
 * editor). The editor asks for the source and shows the progress and the messages
 * (src/vscode/features/updateLandscapeIndex.ts).
 */
import { LandscapeIndex, type LandscapeIndexFile } from '../core/landscape/landscapeIndex';
import { buildUpdatedIndex, urlProblem } from '../core/landscape/update';
import { messageOf } from '../core/util/errors';
import type { LandscapeSource } from './services';

export interface LandscapeUpdateServices<F> extends LandscapeSource {
  /** Downloads a landscape.yml (size and time limited). */
  fetchText(url: string, signal: AbortSignal): Promise<string>;
  readFile(file: F): Promise<string>;
  /** Keeps the built index where the next start finds it. */
  store(file: LandscapeIndexFile): Promise<void>;
  /** Puts the new index to use now. */
  use(index: LandscapeIndex): void;
  /** Runs the loading and building with a cancellable progress notification. */
  withProgress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T>;
  log: { warn(message: string): void };
}

/** Where the landscape.yml comes from: a URL, or a file (`where` names it in the progress, `name` is its base name). */
export type LandscapeYamlSource<F> = { url: string } | { file: F; where: string; name: string };

/** What the command resolves to (the tests read it). */
export interface LandscapeUpdateResult {
  ok: boolean;
  entries?: number;
  error?: string;
}

/** What the update says, and the button that offers a file instead of a failed download. */
export interface LandscapeUpdateReport {
  result: LandscapeUpdateResult;
  kind: 'info' | 'error';
  message: string;
  action?: string;
}

export const CHOOSE_A_FILE = 'Choose a File…';

export class LandscapeUpdater<F> {
  constructor(private readonly services: LandscapeUpdateServices<F>) {}

  /** Loads, checks, builds, keeps and uses the index; never throws. */
  async update(source: LandscapeYamlSource<F>): Promise<LandscapeUpdateReport> {
    if ('url' in source) {
      const problem = source.url ? urlProblem(source.url) : 'no URL set (talkCapture.landscape.url)';
      if (problem) return this.failure(source, problem);
    }
    try {
      const current = await this.services.landscape();
      const where = 'url' in source ? source.url : source.where;
      const file = await this.services.withProgress('Talk Capture: updating the landscape index', async (report, signal) => {
        report(`loading ${where}`);
        const yaml = 'url' in source ? await this.services.fetchText(source.url, signal) : await this.services.readFile(source.file);
        if (signal.aborted) throw new Error('cancelled');
        report('checking and building the index');
        // Record where it came from, but never a local path: a file is named by its base name.
        return buildUpdatedIndex(yaml, 'url' in source ? source.url : source.name || 'landscape.yml', current);
      });
      const index = new LandscapeIndex(file);
      await this.services.store(file);
      this.services.use(index);
      const cncf = file.entries.filter((e) => e.maturity).length;
      return {
        result: { ok: true, entries: file.entries.length },
        kind: 'info',
        message: `Talk Capture: landscape index updated: ${file.entries.length} entries, ${cncf} CNCF projects.`,
      };
    } catch (err) {
      return this.failure(source, messageOf(err));
    }
  }

  /** Why it was not updated (logged); a failed download offers a landscape.yml downloaded by hand. */
  private failure(source: LandscapeYamlSource<F>, reason: string): LandscapeUpdateReport {
    this.services.log.warn(`Update Landscape Index: ${reason}`);
    const message = `Talk Capture: the landscape index was not updated: ${reason}. The current index stays in use.`;
    const result = { ok: false, error: reason };
    if (!('url' in source)) return { result, kind: 'error', message };
    return { result, kind: 'error', message: `${message} You can download landscape.yml yourself and choose the file.`, action: CHOOSE_A_FILE };
  }
}
