/**
 * Find Published Links…: the slides and recordings of the note's talks, found after the
 * conference on the session pages of the note's schedule (src/core/published). The pages are
 * read one at a time with a pause, under a progress notification with Cancel (a cancelled run
 * writes nothing into the note); what was read is kept with its date in the extension's global
 * storage, so the next run reads only the pages still missing something. A preview then lists
 * per talk the session it matched and how sure, what was found and what will be written where;
 * a talk with no session has a button to pick one. Enter writes the chosen rows as one undo step
 * against the version read. A site that refuses is named in one line with the offer to open
 * the session page. Nothing is fetched without this command. No Node built-ins (browser build).
 */
import * as vscode from 'vscode';
import type { PublishedApi } from '../api';
import { registerCommand } from '../services/command';
import type { FeatureContext } from '../services/feature';
import { isMarkdown, requireMarkdownEditor } from '../services/editor';
import { applyCoreEdits } from '../services/edits';
import { analysisOf } from '../services/analysis';
import { captureApi, runStep } from '../services/quickInput';
import { noteSchedule } from '../services/scheduleStore';
import { publishedLineFormat, publishedPauseMs } from '../services/settings';
import {
  cacheJson,
  emptyCache,
  parseCache,
  publishedEdits,
  type FindPublishedOptions,
  type FindPublishedResult,
  type PublishedCache,
  type TalkLinks,
} from '../../core/published/index';
import { findWithPicks } from '../../core/published/picks';
import { previewRows, type PreviewRow } from '../../core/published/preview';
import type { Schedule, Session } from '../../core/schedule/model';
import { noteTalks, scheduleDays } from '../../core/schedule/index';
import type { NotesModel } from '../../core/notes/model';
import { noteStartDate } from '../../core/schedule/editor-place';

const NAME = 'Find Published Links';

/** The command's arguments (scripted use, tests). */
interface FindArgs {
  /** The note (else the active editor's). */
  uri?: string | vscode.Uri;
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
interface FindOutcome {
  talks: number;
  /** Talks written into. */
  written: number;
  requests: number;
  cancelled: boolean;
  problems: string[];
}

interface RowItem extends vscode.QuickPickItem {
  row: PreviewRow;
  talk: TalkLinks;
}

const OPEN_PAGE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Open the session page' };
const PICK_SESSION: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('search'), tooltip: 'Pick the session…' };

/** A browser's web worker has no process object; its fetch is refused by most sites (cross-origin). */
const inBrowser = () => typeof (globalThis as { process?: unknown }).process === 'undefined';

// ---------------------------------------------------------------------------------------------
// The cache, in the extension's global storage (workspace.fs: also in a browser)

function cacheUri(ctx: FeatureContext): vscode.Uri {
  return vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'published-cache.json');
}

async function readCache(ctx: FeatureContext): Promise<PublishedCache> {
  try {
    return parseCache(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(cacheUri(ctx))));
  } catch {
    return emptyCache(); // none yet, or unreadable: a cache is never an error
  }
}

async function writeCache(ctx: FeatureContext, cache: PublishedCache): Promise<void> {
  try {
    await vscode.workspace.fs.createDirectory(ctx.extension.globalStorageUri);
    await vscode.workspace.fs.writeFile(cacheUri(ctx), new TextEncoder().encode(cacheJson(cache)));
  } catch (err) {
    ctx.log.warn(`${NAME}: the results could not be kept for the next run: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// ---------------------------------------------------------------------------------------------

export function registerFindPublishedLinks(ctx: FeatureContext): void {
  const api: PublishedApi = {
    lastPreview: undefined,
    lastMessage: undefined,
    resetCache: async () => {
      await vscode.workspace.fs.delete(cacheUri(ctx)).then(undefined, () => undefined);
    },
  };
  ctx.api.published = api;
  registerCommand(ctx, 'talkCapture.findPublishedLinks', NAME, (args) => findPublishedLinks(ctx, api, (args ?? {}) as FindArgs));
}

function tell(api: PublishedApi, kind: 'info' | 'warning', message: string, ...actions: string[]): Thenable<string | undefined> {
  api.lastMessage = message;
  return kind === 'info' ? vscode.window.showInformationMessage(message, ...actions) : vscode.window.showWarningMessage(message, ...actions);
}

async function noteOf(args: FindArgs): Promise<vscode.TextDocument | undefined> {
  if (args.uri) {
    const doc = await vscode.workspace.openTextDocument(typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri);
    return isMarkdown(doc) ? doc : undefined;
  }
  return requireMarkdownEditor('find the published links of its talks')?.document;
}

type Run = FindPublishedResult & { text: string; version: number; model: NotesModel };

/** The pages read under a progress notification with Cancel; `offline` reads none (cache and schedule only). */
async function find(ctx: FeatureContext, doc: vscode.TextDocument, schedule: Schedule, args: FindArgs, offline: boolean): Promise<Run> {
  const version = doc.version;
  const text = doc.getText();
  const model = analysisOf(doc).model;
  const cache = await readCache(ctx);
  const options: FindPublishedOptions = { now: args.now ?? Date.now(), pauseMs: args.pauseMs ?? publishedPauseMs(), offline };
  const pick = args.pick ?? {};
  if (offline) return { ...(await findWithPicks(text, model, schedule, cache, options, pick)), text, version, model };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Talk Capture: ${NAME}`, cancellable: true },
    async (progress, token) => {
      const ctrl = new AbortController();
      const sub = token.onCancellationRequested(() => ctrl.abort());
      let reported = 0;
      progress.report({ message: 'matching the talks to the schedule' });
      try {
        return await findWithPicks(
          text,
          model,
          schedule,
          cache,
          {
            ...options,
            signal: ctrl.signal,
            onProgress: (done, total, title) => {
              const increment = total ? (100 * done) / total - reported : 0;
              reported += increment;
              progress.report({ message: `${done + 1} of ${total} session pages: ${title}`, increment });
            },
          },
          pick,
        );
      } finally {
        sub.dispose();
      }
    },
  );
  await writeCache(ctx, result.cache);
  return { ...result, text, version, model };
}

async function findPublishedLinks(ctx: FeatureContext, api: PublishedApi, args: FindArgs): Promise<FindOutcome | undefined> {
  const doc = await noteOf(args);
  if (!doc) return undefined;
  const note = await noteSchedule(ctx, doc);
  if (!note?.schedule) {
    const why = note
      ? `the note’s schedule (${note.ref.source}) is not imported yet`
      : 'the note names no conference schedule (`schedule:` in its front matter), where the session pages are';
    void tell(api, 'warning', `Talk Capture: ${NAME}: ${why}. Import it first.`, 'Import Conference Schedule…').then((a) => {
      if (a) void vscode.commands.executeCommand('talkCapture.importSchedule');
    });
    return undefined;
  }
  const schedule = note.schedule;
  const pick: Record<number, string> = { ...args.pick };
  let run = await find(ctx, doc, schedule, { ...args, pick }, false);
  const outcome = (written: number): FindOutcome => ({
    talks: run.talks.length,
    written,
    requests: run.requests,
    cancelled: run.cancelled,
    problems: run.talks.flatMap((t) => t.problems),
  });
  if (run.cancelled) {
    void tell(api, 'info', `Talk Capture: ${NAME} cancelled; nothing was written into the note (the pages read are kept for the next run).`);
    return outcome(0);
  }
  if (run.talks.length === 0) {
    void tell(api, 'info', `Talk Capture: ${NAME}: the note has no talks to look up.`);
    return outcome(0);
  }

  let chosen: ReadonlySet<number> | undefined;
  const lineFormat = publishedLineFormat(doc.uri);
  for (;;) {
    const rows = previewRows(run.text, run.model, run.talks, { lineFormat, picked: new Set(Object.keys(pick).map(Number)), cache: run.cache });
    api.lastPreview = rows.map((r) => ({ label: r.title, description: describe(r), detail: detail(r), picked: r.sure }));
    if (args.accept !== undefined) {
      chosen = new Set(args.accept ? rows.filter((r) => r.sure).map((r) => r.line) : []);
      break;
    }
    const answer = await showPreview(ctx, rows, run.talks);
    if (!answer) break;
    if ('open' in answer) {
      void vscode.env.openExternal(vscode.Uri.parse(answer.open));
      continue;
    }
    if ('pickFor' in answer) {
      const session = await askSession(ctx, answer.pickFor, schedule);
      if (session) {
        pick[answer.pickFor.line] = session;
        run = await find(ctx, doc, schedule, { ...args, pick }, false);
        if (run.cancelled) break;
      }
      continue;
    }
    chosen = answer.lines;
    break;
  }
  if (!chosen) {
    void tell(api, 'info', `Talk Capture: ${NAME}: nothing was written into the note.`);
    return outcome(0);
  }
  const written = await write(ctx, doc, schedule, { ...args, pick }, run, chosen, lineFormat);
  reportDone(ctx, api, run, written);
  return outcome(written);
}

// ---------------------------------------------------------------------------------------------
// The preview

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

type PreviewAnswer = { lines: ReadonlySet<number> } | { open: string } | { pickFor: TalkLinks };

/** The preview (a multi-select quick pick, the sure rows selected); undefined on Escape. */
function showPreview(ctx: FeatureContext, rows: readonly PreviewRow[], talks: readonly TalkLinks[]): Promise<PreviewAnswer | undefined> {
  const qp = vscode.window.createQuickPick<RowItem>();
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const items: RowItem[] = rows.map((row, i) => {
    const talk = talks[i];
    const page = talk.match?.session.url;
    return {
      label: row.title,
      description: describe(row),
      detail: detail(row),
      row,
      talk,
      buttons: [...(page ? [OPEN_PAGE] : []), PICK_SESSION],
    };
  });
  qp.items = items;
  qp.selectedItems = items.filter((i) => i.row.sure);
  const toWrite = rows.filter((r) => r.edits.length > 0).length;
  qp.placeholder = toWrite
    ? 'Uncheck what to leave out; Enter writes the rest (one undo step). A row’s buttons open its session page or pick its session.'
    : 'Nothing found to write yet. A row’s buttons open its session page or pick its session; Escape closes.';
  return runStep<PreviewAnswer>(
    captureApi(ctx),
    qp as unknown as vscode.QuickPick<vscode.QuickPickItem>,
    { name: 'publishedPreview', title: `${NAME}: ${toWrite} of ${rows.length} talks with links to write` },
    (finish) => [
      qp.onDidAccept(() => finish({ lines: new Set(qp.selectedItems.map((i) => i.row.line)) })),
      qp.onDidTriggerItemButton((e) => {
        const page = e.item.talk.match?.session.url;
        finish(e.button === OPEN_PAGE && page ? { open: page } : { pickFor: e.item.talk });
      }),
    ],
  );
}

interface SessionItem extends vscode.QuickPickItem {
  id: string;
}

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * A session for a talk: the matcher's candidates first, best first (the talk's day first), then
 * the schedule's other sessions by time (a talk the matcher found nothing like). Its id, or undefined.
 */
async function askSession(ctx: FeatureContext, talk: TalkLinks, schedule: Schedule): Promise<string | undefined> {
  const item = (session: Session, detail?: string): SessionItem => ({
    label: session.title,
    description: [session.speakers.join(', '), when(session.start), session.room].filter(Boolean).join(' · '),
    detail,
    id: session.id,
  });
  const offered = new Set(talk.candidates.map((c) => c.session.id));
  const others = schedule.sessions.filter((s) => s.kind !== 'break' && !offered.has(s.id));
  const items: Array<SessionItem | { label: string; kind: vscode.QuickPickItemKind.Separator }> = [
    ...talk.candidates.map((c) => item(c.session, `${Math.round(c.score * 100)}% like “${talk.title}”`)),
    ...(others.length && offered.size ? [{ label: 'other sessions', kind: vscode.QuickPickItemKind.Separator as const }] : []),
    ...others.map((s) => item(s)),
  ];
  const qp = vscode.window.createQuickPick<SessionItem>();
  qp.items = items as SessionItem[];
  qp.matchOnDescription = true;
  qp.placeholder = `The session of “${talk.title}” (line ${talk.line}); type to filter`;
  return runStep<string>(captureApi(ctx), qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, { name: 'publishedSession', title: NAME }, (finish) => [
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      if (picked) finish(picked.id);
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes the chosen talks' links as one undo step against the version read. When the note
 * changed since (typing during the reads or the preview), the same talks (by title) are
 * computed again on the text as it is now, from what was read (nothing is fetched again).
 * Resolves to the number of talks written into.
 */
async function write(ctx: FeatureContext, doc: vscode.TextDocument, schedule: Schedule, args: FindArgs, run: Run, lines: ReadonlySet<number>, lineFormat: string): Promise<number> {
  let current = run;
  let chosen = lines;
  for (let attempt = 0; attempt < 3; attempt++) {
    const talks = current.talks.filter((t) => chosen.has(t.line) && t.links.length > 0);
    const edits = publishedEdits(current.text, current.model, talks, { lineFormat });
    if (edits.length === 0) return 0;
    if (await applyCoreEdits(doc, current.version, edits)) return talks.filter((t) => publishedEdits(current.text, current.model, [t], { lineFormat }).length > 0).length;
    const titles = new Set(talks.map((t) => t.title));
    const pickedTitles = new Map(current.talks.filter((t) => args.pick?.[t.line]).map((t) => [t.title, args.pick![t.line]]));
    const a = analysisOf(doc);
    const now = noteTalks(a.blocks.lines, a.model, { scheduleDays: scheduleDays(schedule), startDate: noteStartDate(a.frontMatter) });
    const pick: Record<number, string> = {};
    for (const t of now) if (pickedTitles.has(t.title)) pick[t.line] = pickedTitles.get(t.title)!;
    current = await find(ctx, doc, schedule, { ...args, pick }, true);
    chosen = new Set(current.talks.filter((t) => titles.has(t.title)).map((t) => t.line));
  }
  void vscode.window.showWarningMessage('Talk Capture: the note kept changing while the links were prepared; nothing was written. Try again.');
  return 0;
}

/** One message: what was written, what is still to come, and the first site that refused (with its page). */
function reportDone(ctx: FeatureContext, api: PublishedApi, run: Run, written: number): void {
  const matched = run.talks.filter((t) => t.match);
  const noRecording = matched.filter((t) => !t.links.some((l) => l.kind === 'recording')).length;
  const parts = [written ? `wrote the links of ${written} talk${written === 1 ? '' : 's'} (one undo step)` : 'nothing was written into the note'];
  if (noRecording) parts.push(`${noRecording} talk${noRecording === 1 ? ' has' : 's have'} no recording yet: run it again later`);
  const unmatched = run.talks.length - matched.length;
  if (unmatched) parts.push(`${unmatched} talk${unmatched === 1 ? '' : 's'} matched no session`);
  const refused = run.talks.filter((t) => t.problems.length > 0);
  for (const t of refused) for (const p of t.problems) ctx.log.warn(`${NAME}: ${t.title}: ${p}`);
  let message = `Talk Capture: ${NAME}: ${parts.join('; ')}.`;
  const first = refused[0];
  if (!first) {
    void tell(api, 'info', message);
    return;
  }
  const more = refused.length > 1 ? ` (and ${refused.length - 1} more, see the Talk Capture log)` : '';
  // The bounded fetch already says when a browser refused a cross-origin read; otherwise say it here.
  const browser =
    inBrowser() && !/cross-origin/.test(first.problems[0])
      ? ' In a browser, VS Code may read another site’s page only when the site allows it (cross-origin): open the page instead.'
      : '';
  message += ` ${first.problems[0]}${more}.${browser}`;
  const page = first.match?.session.url;
  void tell(api, 'warning', message, ...(page ? ['Open Session Page'] : [])).then((a) => {
    if (a && page) void vscode.env.openExternal(vscode.Uri.parse(page));
  });
}
