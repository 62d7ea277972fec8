/**
 * Find Published Links…, without the editor: the run of the command (src/core/published finds
 * the slides and recordings on the session pages of the note's schedule), the preview's rows,
 * the sessions offered for a talk, the edits written as one step against the version read (found
 * again on the note as it is now when it changed meanwhile, from what was read), and what the
 * command says. The network's fetch, the cache's storage, the clock and the settings are passed
 * in; the editor shows the progress, the preview and the messages and applies the edits
 * (src/vscode/features/findPublishedLinks.ts).
 */
import type { TextDocument, TextEdit } from '../core/document';
import { cacheJson, emptyCache, parseCache, publishedEdits, type FindPublishedResult, type PublishedCache, type TalkLinks } from '../core/published/index';
import { findWithPicks } from '../core/published/picks';
import { previewRows, type PreviewRow } from '../core/published/preview';
import { noteTalks, scheduleDays } from '../core/schedule/index';
import { noteStartDate } from '../core/schedule/editor-place';
import type { Schedule, Session } from '../core/schedule/model';
import type { NotesModel } from '../core/notes/model';
import { messageOf } from '../core/util/errors';
import { plural } from '../core/util/plural';
import type { Analyses } from './services';

export const PUBLISHED_NAME = 'Find Published Links';

interface PublishedSettings {
  /** talkCapture.published.pauseMs: milliseconds between two page reads. */
  pauseMs(): number;
  /** talkCapture.published.lineFormat of the note's URI. */
  lineFormat(uri: string): string;
}

/** Where the pages read are kept between runs (the extension's global storage). */
interface PublishedCacheStore {
  /** The stored text; rejects or resolves undefined when there is none. */
  readCache(): Promise<string | undefined>;
  writeCache(json: string): Promise<void>;
}

interface PublishedEnvironment {
  /** The network's fetch (the platform's in the editor). */
  fetch: typeof fetch;
  /** Now, in ms since the epoch. */
  now(): number;
  /** True in a browser's web worker (vscode.dev), where most sites refuse a cross-origin read. */
  inBrowser(): boolean;
  log: { warn(message: string): void };
}

export type PublishedLinksServices = Analyses & PublishedSettings & PublishedCacheStore & PublishedEnvironment;

/** The command's arguments (scripted use, tests). */
export interface FindArgs {
  /** Skip the preview: true writes the pre-selected rows, false writes nothing. */
  accept?: boolean;
  /** Milliseconds between two page reads (else the setting). */
  pauseMs?: number;
  /** Sessions chosen for talks, by heading line (1-based): a session id. */
  pick?: Record<number, string>;
  /** Now, ISO 8601 (tests: a run a day later); else the clock. */
  now?: string;
}

/** What the command resolves to. */
export interface FindOutcome {
  talks: number;
  /** Talks written into. */
  written: number;
  requests: number;
  cancelled: boolean;
  problems: string[];
}

/** One row of the preview. */
export interface PublishedRow {
  label: string;
  /** How sure (and the session when its title is not the talk's), and what was found. */
  description: string;
  /** What will be written where, else what was found (or why nothing). */
  detail: string;
  /** Checked at first: a sure session with something to write. */
  picked: boolean;
  /** The talk's heading line (1-based). */
  line: number;
  /** The session page, when the talk has a session with one (the row's Open button). */
  page: string | undefined;
  talk: TalkLinks;
}

/** The preview as shown: its rows, title and placeholder. */
export interface PublishedPreview {
  rows: PublishedRow[];
  title: string;
  placeholder: string;
}

/** A session offered for a talk, or the separator before the schedule's other sessions. */
export type SessionChoice = { label: string; description: string; detail?: string; id: string } | { separator: string };

/** The person's answer to the preview: the lines to write, a page to open, or a talk whose session to pick. */
export type PreviewAnswer = { lines: ReadonlySet<number> } | { open: string } | { pickFor: TalkLinks };

/** What the editor does for the command: progress, the preview, the session's pick, messages, the edits. */
export interface PublishedUi {
  /** Runs the reads under a progress with Cancel (`signal` aborts); `report` says which page. */
  progress<T>(task: (signal: AbortSignal, report: (message: string, increment: number) => void) => Promise<T>): Promise<T>;
  /** The rows of each preview computed (also without showing it). */
  previewed(rows: readonly PublishedRow[]): void;
  /** Shows the preview; undefined on Escape. */
  preview(preview: PublishedPreview): Promise<PreviewAnswer | undefined>;
  /** A session for the talk among the choices: its id, or undefined. */
  pickSession(talk: TalkLinks, choices: readonly SessionChoice[]): Promise<string | undefined>;
  openPage(url: string): void;
  /** Shows a message with its buttons; the one pressed, if any. */
  tell(kind: 'info' | 'warning', message: string, ...actions: string[]): Promise<string | undefined>;
  /** Applies the edits as one undo step against that version; false when the note changed since. */
  apply(version: number, edits: readonly TextEdit[]): Promise<boolean>;
}

type Run = FindPublishedResult & { text: string; version: number; model: NotesModel };

/** The message when the note has no imported schedule (`source`: the schedule it names, if any). */
export function missingScheduleMessage(source: string | undefined): string {
  const why =
    source !== undefined
      ? `the note’s schedule (${source}) is not imported yet`
      : 'the note names no conference schedule (`schedule:` in its front matter), where the session pages are';
  return `Talk Capture: ${PUBLISHED_NAME}: ${why}. Import it first.`;
}

/** How sure (and the session when its title is not the talk's), and what was found: `title 87%: Mesh Without Tears · slides + recording`. */
function describe(r: PreviewRow): string {
  const sure = r.session && r.sureness !== 'same title' && r.sureness !== 'session page link' ? `${r.sureness}: ${r.session}` : r.sureness;
  return r.kinds ? `${sure} · ${r.kinds}` : sure;
}

/** What will be written where, else what was found (or why nothing). */
function detail(r: PreviewRow): string {
  if (r.writes) return r.writes;
  if (r.kinds) return `${r.found} (already in the note)`;
  return r.session ? r.found : `${r.found}: pick its session with the row’s search button`;
}

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The sessions offered for a talk: the matcher's candidates first, best first (the talk's day
 * first), then the schedule's other sessions by time (a talk the matcher found nothing like).
 */
function sessionChoices(talk: TalkLinks, schedule: Schedule): SessionChoice[] {
  const item = (session: Session, detail?: string): SessionChoice => ({
    label: session.title,
    description: [session.speakers.join(', '), when(session.start), session.room].filter(Boolean).join(' · '),
    ...(detail ? { detail } : {}),
    id: session.id,
  });
  const offered = new Set(talk.candidates.map((c) => c.session.id));
  const others = schedule.sessions.filter((s) => s.kind !== 'break' && !offered.has(s.id));
  return [
    ...talk.candidates.map((c) => item(c.session, `${Math.round(c.score * 100)}% like “${talk.title}”`)),
    ...(others.length && offered.size ? [{ separator: 'other sessions' }] : []),
    ...others.map((s) => item(s)),
  ];
}

export class PublishedLinks {
  constructor(private readonly services: PublishedLinksServices) {}

  /** Runs the command on the note with its schedule, as described above. */
  async run(doc: TextDocument, schedule: Schedule, args: FindArgs, ui: PublishedUi): Promise<FindOutcome> {
    const pick: Record<number, string> = { ...args.pick };
    let run = await this.find(doc, schedule, args, pick, ui);
    const outcome = (written: number): FindOutcome => ({
      talks: run.talks.length,
      written,
      requests: run.requests,
      cancelled: run.cancelled,
      problems: run.talks.flatMap((t) => t.problems),
    });
    if (run.cancelled) {
      void ui.tell('info', `Talk Capture: ${PUBLISHED_NAME} cancelled; nothing was written into the note (the pages read are kept for the next run).`);
      return outcome(0);
    }
    if (run.talks.length === 0) {
      void ui.tell('info', `Talk Capture: ${PUBLISHED_NAME}: the note has no talks to look up.`);
      return outcome(0);
    }
    let chosen: ReadonlySet<number> | undefined;
    const lineFormat = this.services.lineFormat(doc.uri);
    for (;;) {
      const preview = this.preview(run, lineFormat, pick);
      ui.previewed(preview.rows);
      if (args.accept !== undefined) {
        chosen = new Set(args.accept ? preview.rows.filter((r) => r.picked).map((r) => r.line) : []);
        break;
      }
      const answer = await ui.preview(preview);
      if (!answer) break;
      if ('open' in answer) {
        ui.openPage(answer.open);
        continue;
      }
      if ('pickFor' in answer) {
        const session = await ui.pickSession(answer.pickFor, sessionChoices(answer.pickFor, schedule));
        if (session) {
          pick[answer.pickFor.line] = session;
          run = await this.find(doc, schedule, args, pick, ui);
          if (run.cancelled) break;
        }
        continue;
      }
      chosen = answer.lines;
      break;
    }
    if (!chosen) {
      void ui.tell('info', `Talk Capture: ${PUBLISHED_NAME}: nothing was written into the note.`);
      return outcome(0);
    }
    const written = await this.write(doc, schedule, args, pick, run, chosen, lineFormat, ui);
    this.reportDone(run, written, ui);
    return outcome(written);
  }

  /** The preview of a run: a row per talk, the sure ones with something to write checked. */
  private preview(run: Run, lineFormat: string, pick: Record<number, string>): PublishedPreview {
    const found = previewRows(run.text, run.model, run.talks, { lineFormat, picked: new Set(Object.keys(pick).map(Number)), cache: run.cache });
    const rows = found.map((r, i): PublishedRow => {
      const talk = run.talks[i];
      return { label: r.title, description: describe(r), detail: detail(r), picked: r.sure, line: r.line, page: talk.match?.session.url ?? undefined, talk };
    });
    const toWrite = found.filter((r) => r.edits.length > 0).length;
    const placeholder = toWrite
      ? 'Uncheck what to leave out; Enter writes the rest (one undo step). A row’s buttons open its session page or pick its session.'
      : 'Nothing found to write yet. A row’s buttons open its session page or pick its session; Escape closes.';
    return { rows, title: `${PUBLISHED_NAME}: ${toWrite} of ${rows.length} talks with links to write`, placeholder };
  }

  /** The pages read under the progress with Cancel (then the cache kept); `ui` undefined reads none (cache and schedule only). */
  private async find(doc: TextDocument, schedule: Schedule, args: FindArgs, pick: Record<number, string>, ui?: PublishedUi): Promise<Run> {
    const version = doc.version;
    const text = doc.getText();
    const model = this.services.analysisOf(doc).model;
    const cache = await this.readCache();
    const options = { now: args.now ?? this.services.now(), pauseMs: args.pauseMs ?? this.services.pauseMs(), offline: !ui, fetch: this.services.fetch };
    if (!ui) return { ...(await findWithPicks(text, model, schedule, cache, options, pick)), text, version, model };
    const result = await ui.progress(async (signal, report) => {
      let reported = 0;
      report('matching the talks to the schedule', 0);
      const onProgress = (done: number, total: number, title: string) => {
        const increment = total ? (100 * done) / total - reported : 0;
        reported += increment;
        report(`${done + 1} of ${total} session pages: ${title}`, increment);
      };
      return findWithPicks(text, model, schedule, cache, { ...options, signal, onProgress }, pick);
    });
    await this.writeCache(result.cache);
    return { ...result, text, version, model };
  }

  private async readCache(): Promise<PublishedCache> {
    try {
      const text = await this.services.readCache();
      return text === undefined ? emptyCache() : parseCache(text);
    } catch {
      return emptyCache(); // none yet, or unreadable: a cache is never an error
    }
  }

  private async writeCache(cache: PublishedCache): Promise<void> {
    try {
      await this.services.writeCache(cacheJson(cache));
    } catch (err) {
      this.services.log.warn(`${PUBLISHED_NAME}: the results could not be kept for the next run: ${messageOf(err)}`);
    }
  }

  /**
   * Writes the chosen talks' links as one undo step against the version read. When the note
   * changed since (typing during the reads or the preview), the same talks (by title) are
   * computed again on the text as it is now, from what was read (nothing is fetched again).
   * Resolves to the number of talks written into.
   */
  private async write(
    doc: TextDocument,
    schedule: Schedule,
    args: FindArgs,
    pick: Record<number, string>,
    run: Run,
    lines: ReadonlySet<number>,
    lineFormat: string,
    ui: PublishedUi,
  ): Promise<number> {
    let current = run;
    let chosen = lines;
    let picks = pick;
    for (let attempt = 0; attempt < 3; attempt++) {
      const talks = current.talks.filter((t) => chosen.has(t.line) && t.links.length > 0);
      const edits = publishedEdits(current.text, current.model, talks, { lineFormat });
      if (edits.length === 0) return 0;
      if (await ui.apply(current.version, edits)) return talks.filter((t) => publishedEdits(current.text, current.model, [t], { lineFormat }).length > 0).length;
      const titles = new Set(talks.map((t) => t.title));
      const pickedTitles = new Map(current.talks.filter((t) => picks[t.line]).map((t) => [t.title, picks[t.line]]));
      const a = this.services.analysisOf(doc);
      const now = noteTalks(a.blocks.lines, a.model, { scheduleDays: scheduleDays(schedule), startDate: noteStartDate(a.frontMatter) });
      picks = {};
      for (const t of now) if (pickedTitles.has(t.title)) picks[t.line] = pickedTitles.get(t.title)!;
      current = await this.find(doc, schedule, args, picks);
      chosen = new Set(current.talks.filter((t) => titles.has(t.title)).map((t) => t.line));
    }
    void ui.tell('warning', 'Talk Capture: the note kept changing while the links were prepared; nothing was written. Try again.');
    return 0;
  }

  /** One message: what was written, what is still to come, and the first site that refused (with its page). */
  private reportDone(run: Run, written: number, ui: PublishedUi): void {
    const matched = run.talks.filter((t) => t.match);
    const noRecording = matched.filter((t) => !t.links.some((l) => l.kind === 'recording')).length;
    const parts = [written ? `wrote the links of ${plural(written, 'talk')} (one undo step)` : 'nothing was written into the note'];
    if (noRecording) parts.push(`${noRecording} talk${noRecording === 1 ? ' has' : 's have'} no recording yet: run it again later`);
    const unmatched = run.talks.length - matched.length;
    if (unmatched) parts.push(`${plural(unmatched, 'talk')} matched no session`);
    const refused = run.talks.filter((t) => t.problems.length > 0);
    for (const t of refused) for (const p of t.problems) this.services.log.warn(`${PUBLISHED_NAME}: ${t.title}: ${p}`);
    const message = `Talk Capture: ${PUBLISHED_NAME}: ${parts.join('; ')}.`;
    const first = refused[0];
    if (!first) {
      void ui.tell('info', message);
      return;
    }
    const more = refused.length > 1 ? ` (and ${refused.length - 1} more, see the Talk Capture log)` : '';
    // The bounded fetch already says when a browser refused a cross-origin read; otherwise say it here.
    const browser =
      this.services.inBrowser() && !/cross-origin/.test(first.problems[0])
        ? ' In a browser, VS Code may read another site’s page only when the site allows it (cross-origin): open the page instead.'
        : '';
    const page = first.match?.session.url;
    void ui.tell('warning', `${message} ${first.problems[0]}${more}.${browser}`, ...(page ? ['Open Session Page'] : [])).then((a) => {
      if (a && page) ui.openPage(page);
    });
  }
}
