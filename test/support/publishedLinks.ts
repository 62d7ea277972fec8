/**
 * In-memory services for the tests of Find Published Links… (src/language/publishedLinks.ts): a
 * fetch that answers from a map of pages (Sched-like session pages written for the tests, else
 * 404) and counts the reads, the cache's storage, a fixed clock, and the editor's side (progress,
 * preview, session pick, messages, the edits applied to an in-memory document) as a script.
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, type TextDocument, type TextEdit } from '../../src/core/document';
import { parseSchedule } from '../../src/core/schedule/index';
import type { Schedule } from '../../src/core/schedule/model';
import type { PreviewAnswer, PublishedLinksServices, PublishedPreview, PublishedRow, PublishedUi, SessionChoice } from '../../src/language/publishedLinks';
import { MemoryAnalyses } from './language';

/** The Sched schedule of the fixtures (test/fixtures/schedule/sched-democon.ics). */
export function democonSchedule(): Schedule {
  const file = path.join(__dirname, '..', 'fixtures', 'schedule', 'sched-democon.ics');
  return parseSchedule(fs.readFileSync(file, 'utf8'), { source: 'sched-democon.ics' });
}

/** A Sched-like session page: the files the speakers uploaded and, once published, the video. */
export function schedPage(title: string, files: readonly string[], video?: string): string {
  const links = files.map((f) => `<a class="file-uploaded" href="https://static.sched.com/hosted_files/democon2099/4f/${f}">${f}</a>`).join('\n');
  const embed = video ? `<iframe src="https://www.youtube.com/embed/${video}?rel=0" allowfullscreen></iframe>` : '';
  return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${embed}<div class="sched-file">${links}</div></body></html>`;
}

/** The web: pages by URL (anything else answers 404), and the URLs read, in order. */
export class MemoryWeb {
  readonly pages = new Map<string, string>();
  readonly reads: string[] = [];

  readonly fetch = (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.reads.push(url);
    const html = this.pages.get(url);
    if (html === undefined) return Promise.resolve(new Response('<h1>Not found</h1>', { status: 404, statusText: 'Not Found' }));
    return Promise.resolve(new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }));
  };
}

/** A document the person edits: each change is a new version (as in the editor). */
export class EditedDocument implements TextDocument {
  version = 1;
  constructor(
    readonly uri: string,
    private text: string,
  ) {}

  getText(): string {
    return this.text;
  }

  setText(text: string): void {
    this.text = text;
    this.version++;
  }
}

/** The services, with the web, a stored cache, the clock and a log that keeps its lines. */
export function publishedServices(web: MemoryWeb, settings: { now?: number; lineFormat?: string; inBrowser?: boolean } = {}) {
  const store: { cache?: string; warnings: string[] } = { warnings: [] };
  const services: PublishedLinksServices = {
    ...bindAnalyses(new MemoryAnalyses()),
    pauseMs: () => 0,
    lineFormat: () => settings.lineFormat ?? '{slides} · {recording}',
    readCache: () => Promise.resolve(store.cache),
    writeCache: (json) => {
      store.cache = json;
      return Promise.resolve();
    },
    fetch: web.fetch as typeof fetch,
    now: () => settings.now ?? Date.parse('2099-03-30T10:00:00Z'),
    inBrowser: () => settings.inBrowser ?? false,
    log: { warn: (message) => store.warnings.push(message) },
  };
  return { services, store };
}

function bindAnalyses(a: MemoryAnalyses): Pick<PublishedLinksServices, 'analysisOf'> {
  return { analysisOf: (doc) => a.analysisOf(doc) };
}

/**
 * The editor's side in memory: the preview and the session pick answer from a script, messages
 * and previews are kept, edits are applied to the document when its version is the one given.
 */
export class MemoryPublishedUi implements PublishedUi {
  readonly messages: Array<{ kind: 'info' | 'warning'; message: string; actions: string[] }> = [];
  readonly previews: PublishedPreview[] = [];
  readonly opened: string[] = [];
  lastRows: readonly PublishedRow[] = [];
  sessionChoices: readonly SessionChoice[] = [];
  progressReports: string[] = [];
  /** Aborts the run's reads after this many progress reports. */
  cancelAfter: number | undefined;

  constructor(
    private readonly doc: EditedDocument,
    private readonly answers: Array<(preview: PublishedPreview) => PreviewAnswer | undefined> = [],
    private readonly sessionAnswer: (choices: readonly SessionChoice[]) => string | undefined = () => undefined,
  ) {}

  async progress<T>(task: (signal: AbortSignal, report: (message: string, increment: number) => void) => Promise<T>): Promise<T> {
    const ctrl = new AbortController();
    return task(ctrl.signal, (message) => {
      this.progressReports.push(message);
      if (this.cancelAfter !== undefined && this.progressReports.length >= this.cancelAfter) ctrl.abort();
    });
  }

  previewed(rows: readonly PublishedRow[]): void {
    this.lastRows = rows;
  }

  preview(preview: PublishedPreview): Promise<PreviewAnswer | undefined> {
    this.previews.push(preview);
    return Promise.resolve(this.answers.shift()?.(preview));
  }

  pickSession(_talk: unknown, choices: readonly SessionChoice[]): Promise<string | undefined> {
    this.sessionChoices = choices;
    return Promise.resolve(this.sessionAnswer(choices));
  }

  openPage(url: string): void {
    this.opened.push(url);
  }

  tell(kind: 'info' | 'warning', message: string, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ kind, message, actions });
    return Promise.resolve(undefined);
  }

  apply(version: number, edits: readonly TextEdit[]): Promise<boolean> {
    if (version !== this.doc.version) return Promise.resolve(false);
    this.doc.setText(applyEdits(this.doc.getText(), edits));
    return Promise.resolve(true);
  }

  get lastMessage(): string | undefined {
    return this.messages.at(-1)?.message;
  }
}
