/**
 * Live capture commands: New Conference Notes…, Insert Day Heading, New Talk…, Toggle Hidden
 * Draft. The text logic lives in src/core/capture; here are the quick inputs, the settings and
 * the edits (one undo step each, computed against the document version they apply to).
 *
 * Quick inputs are real `createInputBox`/`createQuickPick` widgets; the one showing is on
 * `api.capture.activeInput` (with its step name on `api.capture.activeStep`), so the integration
 * tests can answer it like a person: set its value or active item and accept.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from './feature';
import { editDocument } from './edits';
import { requireMarkdownEditor } from './editor';
import { getNotes, parseNotesText } from './notesCache';
import {
  TALK_KINDS,
  clockTime,
  formatTalkHeading,
  insertDayHeading,
  insertLineAfter,
  isoDate,
  isoWithOffset,
  keynoteNumberFor,
  newNoteText,
  noteFileName,
  numberedFileName,
  parseIsoDate,
  placeTalk,
  selectedLines,
  splitSpeakers,
  startDateTime,
  toggleHiddenDraft,
  type Insertion,
  type TalkKind,
} from '../core/capture';
import type { FrontMatterFormat } from '../core/notes/model';

// ---------------------------------------------------------------------------------------------
// The API the tests observe

export interface RunningTalkInfo {
  title: string;
  heading: string;
  uri: string;
  /** 0-based line of the heading when last known. */
  line: number;
  startedAt: number;
}

export interface CaptureApi {
  /** The quick input showing now (InputBox or QuickPick), if any. */
  activeInput: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem> | undefined;
  /** Name of the step showing: `title`, `speakers`, `company`, `kind`, `name`, `date`, `format`, `url`. */
  activeStep: string | undefined;
  /** The last note New Conference Notes… created. */
  lastCreatedNote: vscode.Uri | undefined;
  /** The talk timer's status bar item (set by the talk timer). */
  statusBarItem?: vscode.StatusBarItem;
  /** The running talk (set by the talk timer). */
  runningTalk?: RunningTalkInfo;
  /** Text the status bar item shows now, `$(record) Title 12:34` (set by the talk timer). */
  statusText?: () => string | undefined;
}

/** `api.capture`, shared by the capture commands, the talk timer and the TODO commands. */
export function captureApi(ctx: FeatureContext): CaptureApi {
  let api = ctx.api.capture as CaptureApi | undefined;
  if (!api) {
    api = { activeInput: undefined, activeStep: undefined, lastCreatedNote: undefined };
    ctx.api.capture = api;
  }
  return api;
}

// ---------------------------------------------------------------------------------------------
// Quick inputs

interface Step {
  name: string;
  title: string;
  step?: number;
  totalSteps?: number;
}

/**
 * Shows one step of a quick input and resolves with the value `wire` finishes it with, or
 * undefined when it is hidden (Escape). The step is `api.activeInput` while it shows.
 */
function runStep<R>(
  api: CaptureApi,
  widget: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>,
  s: Step,
  wire: (finish: (value: R | undefined) => void) => vscode.Disposable[],
): Promise<R | undefined> {
  widget.title = s.title;
  widget.step = s.step;
  widget.totalSteps = s.totalSteps;
  widget.ignoreFocusOut = true;
  return new Promise((resolve) => {
    let done = false;
    const subs: vscode.Disposable[] = [];
    const finish = (value: R | undefined) => {
      if (done) return;
      done = true;
      subs.forEach((d) => d.dispose());
      if (api.activeInput === widget) {
        api.activeInput = undefined;
        api.activeStep = undefined;
      }
      widget.dispose();
      resolve(value);
    };
    subs.push(...wire(finish), widget.onDidHide(() => finish(undefined)));
    api.activeInput = widget;
    api.activeStep = s.name;
    widget.show();
  });
}

export interface TextStep extends Step {
  prompt: string;
  value?: string;
  placeholder?: string;
  validate?: (value: string) => string | undefined;
}

/** Asks for a line of text; undefined when the person pressed Escape. */
export function askText(api: CaptureApi, s: TextStep): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.prompt = s.prompt;
  box.placeholder = s.placeholder;
  box.value = s.value ?? '';
  if (s.value) box.valueSelection = [0, s.value.length];
  return runStep<string>(api, box, s, (finish) => [
    box.onDidChangeValue((v) => {
      box.validationMessage = v && s.validate ? s.validate(v) : undefined;
    }),
    box.onDidAccept(() => {
      const err = s.validate?.(box.value);
      if (err) box.validationMessage = err;
      else finish(box.value);
    }),
  ]);
}

export interface PickStep<T extends vscode.QuickPickItem> extends Step {
  placeholder: string;
  items: T[];
  active?: T;
}

/** Asks to pick one item; undefined on Escape. */
export function askPick<T extends vscode.QuickPickItem>(api: CaptureApi, s: PickStep<T>): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.placeholder = s.placeholder;
  qp.items = s.items;
  if (s.active) qp.activeItems = [s.active];
  return runStep<T>(api, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, s, (finish) => [
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      if (picked) finish(picked);
    }),
  ]);
}

interface SuggestionItem extends vscode.QuickPickItem {
  typed?: boolean;
}

export interface FreeTextStep extends Step {
  placeholder: string;
  /** Known values, most used first. */
  suggestions: Promise<Array<{ value: string; detail?: string }>>;
}

/**
 * A quick pick that accepts what was typed (the first item, `alwaysShow`) or one of the known
 * values offered below it; an empty value is fine (the part drops out). Undefined on Escape.
 */
export function askFreeText(api: CaptureApi, s: FreeTextStep): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick<SuggestionItem>();
  qp.placeholder = s.placeholder;
  qp.matchOnDescription = false;
  let known: SuggestionItem[] = [];
  const typedItem = (value: string): SuggestionItem => ({
    label: value,
    description: value ? 'as typed' : '(none: leave it out)',
    alwaysShow: true,
    typed: true,
  });
  const refresh = () => {
    const v = qp.value.trim();
    const exact = known.some((k) => k.label.toLowerCase() === v.toLowerCase());
    qp.items = v && exact ? known : [typedItem(v), ...known];
  };
  refresh();
  qp.busy = true;
  void s.suggestions.then(
    (list) => {
      known = list.map((k) => ({ label: k.value, description: k.detail }));
      qp.busy = false;
      refresh();
    },
    () => {
      qp.busy = false;
    },
  );
  return runStep<string>(api, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, s, (finish) => [
    qp.onDidChangeValue(() => refresh()),
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      // A known value the person chose, else exactly what is typed (the typed item may lag behind).
      finish(picked && !picked.typed ? picked.label : qp.value.trim());
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Speakers and companies already written in the workspace's notes

interface People {
  speakers: Map<string, number>;
  companies: Map<string, number>;
}

const peopleCache = new Map<string, { mtime: number; speakers: string[]; companies: string[] }>();

function addPeople(into: People, speakers: readonly string[], companies: readonly string[]): void {
  for (const s of speakers) into.speakers.set(s, (into.speakers.get(s) ?? 0) + 1);
  for (const c of companies) into.companies.set(c, (into.companies.get(c) ?? 0) + 1);
}

function peopleOf(model: ReturnType<typeof getNotes>): { speakers: string[]; companies: string[] } {
  const talks = [...model.talks, ...model.days.flatMap((d) => d.talks)].filter((t) => !t.hidden);
  return {
    speakers: talks.flatMap((t) => t.speakers),
    // A heading with several companies (`A & B, Acme, Initech`) has them joined by `, `: each is
    // offered on its own (a company name never holds a comma: the heading reader splits on them).
    companies: talks.flatMap((t) => (t.company ? t.company.split(/\s*,\s*/).filter((c) => c !== '') : [])),
  };
}

/** Speakers and companies of the workspace's notes (open documents as they are now), most used first. */
export async function collectPeople(): Promise<{ speakers: Array<{ value: string; detail: string }>; companies: Array<{ value: string; detail: string }> }> {
  const config = vscode.workspace.getConfiguration('talkCapture');
  const people: People = { speakers: new Map(), companies: new Map() };
  const open = new Map<string, vscode.TextDocument>();
  for (const doc of vscode.workspace.textDocuments) if (doc.languageId === 'markdown') open.set(doc.uri.toString(), doc);
  for (const doc of open.values()) {
    const p = peopleOf(getNotes(doc));
    addPeople(people, p.speakers, p.companies);
  }
  if (vscode.workspace.workspaceFolders?.length) {
    const maxBytes = Math.max(0.1, config.get<number>('maxFileSizeMB', 5)) * 1024 * 1024;
    const files = await vscode.workspace.findFiles(config.get<string>('notesGlob', '**/*.md') || '**/*.md', config.get<string>('excludeGlob') || undefined, 500);
    await Promise.all(
      files
        .filter((uri) => !open.has(uri.toString()))
        .map(async (uri) => {
          try {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > maxBytes) return;
            const key = uri.toString();
            let hit = peopleCache.get(key);
            if (!hit || hit.mtime !== stat.mtime) {
              const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
              hit = { mtime: stat.mtime, ...peopleOf(parseNotesText(text, uri)) };
              peopleCache.set(key, hit);
            }
            addPeople(people, hit.speakers, hit.companies);
          } catch {
            // unreadable files offer nothing
          }
        }),
    );
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, n]) => ({ value, detail: n === 1 ? 'in 1 talk' : `in ${n} talks` }));
  return { speakers: sorted(people.speakers), companies: sorted(people.companies) };
}

// ---------------------------------------------------------------------------------------------
// New Talk… (also the first half of Start Talk Now)

export interface TalkAnswers {
  title: string;
  speakers: string[];
  company: string;
  kind: TalkKind;
}

/** The four questions of New Talk…; undefined when Escape was pressed at any step. */
export async function askTalk(api: CaptureApi, title: string): Promise<TalkAnswers | undefined> {
  const people = collectPeople();
  const total = 4;
  const name = await askText(api, {
    name: 'title',
    title,
    step: 1,
    totalSteps: total,
    prompt: 'Title of the talk',
    placeholder: 'e.g. Scaling the control plane',
    validate: (v) => (v.trim() ? undefined : 'A talk needs a title.'),
  });
  if (name === undefined) return undefined;
  const speakers = await askFreeText(api, {
    name: 'speakers',
    title,
    step: 2,
    totalSteps: total,
    placeholder: 'Speakers (Ada Lovelace & Grace Hopper), or Enter for none',
    suggestions: people.then((p) => p.speakers),
  });
  if (speakers === undefined) return undefined;
  const company = await askFreeText(api, {
    name: 'company',
    title,
    step: 3,
    totalSteps: total,
    placeholder: 'Company, or Enter for none',
    suggestions: people.then((p) => p.companies),
  });
  if (company === undefined) return undefined;
  const kinds = TALK_KINDS.map((k) => ({ label: k.label, description: k.description, talkKind: k.kind }));
  const kind = await askPick(api, { name: 'kind', title, step: 4, totalSteps: total, placeholder: 'Kind of talk', items: kinds, active: kinds[0] });
  if (kind === undefined) return undefined;
  return { title: name.trim(), speakers: splitSpeakers(speakers), company: company.trim(), kind: kind.talkKind };
}

function headingFormats() {
  const config = vscode.workspace.getConfiguration('talkCapture');
  return { talk: config.get<string>('talkHeadingFormat'), keynote: config.get<string>('keynoteHeadingFormat') };
}

/** Moves the cursor of the document's editor (shown if needed) and reveals it. */
export async function placeCursor(doc: vscode.TextDocument, pos: vscode.Position, editor?: vscode.TextEditor): Promise<vscode.TextEditor> {
  const ed =
    editor && !editor.document.isClosed && vscode.window.visibleTextEditors.includes(editor)
      ? editor
      : await vscode.window.showTextDocument(doc, { viewColumn: editor?.viewColumn, preserveFocus: false });
  ed.selection = new vscode.Selection(pos, pos);
  ed.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return ed;
}

/** A Talks view item New Talk… was invoked on: its note and the 1-based line of its day or talk. */
export interface ViewTarget {
  uri: vscode.Uri;
  line: number;
}

/**
 * Reads a tree element passed by a view's context menu: `{ uri, talk: { line } }`,
 * `{ uri, day: { line } }` or `{ uri, line }` (1-based). Undefined for anything else (a
 * command run from the palette or a keybinding gets no argument, or an editor URI).
 */
export function viewTarget(arg: unknown): ViewTarget | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { uri?: unknown; line?: unknown; talk?: { line?: unknown }; day?: { line?: unknown } };
  if (!(a.uri instanceof vscode.Uri)) return undefined;
  const line = [a.talk?.line, a.day?.line, a.line].find((l): l is number => typeof l === 'number' && l >= 1);
  return line ? { uri: a.uri, line } : undefined;
}

export interface InsertedTalk {
  doc: vscode.TextDocument;
  heading: string;
  title: string;
  /** 0-based line of the heading. */
  line: number;
}

/**
 * New Talk…: asks, then inserts the heading under the current day (after the talk under the
 * cursor, or at the end of the day's talks) with the cursor on its first body line.
 */
export async function runNewTalk(api: CaptureApi, options: { withTime?: boolean; title?: string; target?: ViewTarget } = {}): Promise<InsertedTalk | undefined> {
  const action = options.withTime ? 'start a talk' : 'add a talk';
  let editor: vscode.TextEditor | undefined;
  let atLine: number | undefined;
  if (options.target) {
    // From the Talks view: the note of the item, under its day or after its talk.
    const doc = await vscode.workspace.openTextDocument(options.target.uri);
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    atLine = options.target.line;
  }
  editor ??= requireMarkdownEditor(action);
  if (!editor) return undefined;
  const doc = editor.document;
  const answers = await askTalk(api, options.title ?? 'New Talk');
  if (!answers) return undefined;
  if (doc.isClosed) {
    void vscode.window.showWarningMessage('Talk Capture: the note was closed; no talk was added.');
    return undefined;
  }
  const time = options.withTime ? clockTime(new Date()) : undefined;
  let result: { ins: Insertion; heading: string } | undefined;
  const applied = await editDocument(doc, (text) => {
    const model = getNotes(doc);
    const cursorLine = atLine ?? (vscode.window.visibleTextEditors.find((e) => e.document === doc) ?? editor).selection.active.line + 1;
    const place = placeTalk(text, model, cursorLine);
    const heading = formatTalkHeading(
      { title: answers.title, speakers: answers.speakers, company: answers.company, kind: answers.kind, n: keynoteNumberFor(model, place.day), time },
      headingFormats(),
    );
    const ins = insertLineAfter(text, place.after, heading);
    result = { ins, heading };
    return [ins.edit];
  });
  if (!applied || !result) return undefined;
  const { ins, heading } = result;
  await placeCursor(doc, new vscode.Position(ins.cursor.line, ins.cursor.character), editor);
  return { doc, heading, title: answers.title, line: ins.cursor.line - 1 };
}

// ---------------------------------------------------------------------------------------------
// Insert Day Heading

async function insertDay(): Promise<void> {
  const editor = requireMarkdownEditor('add a day');
  if (!editor) return;
  const doc = editor.document;
  const includeDate = vscode.workspace.getConfiguration('talkCapture').get<boolean>('day.includeDate', false);
  let ins: Insertion | undefined;
  const applied = await editDocument(doc, (text) => {
    ins = insertDayHeading(text, getNotes(doc), { includeDate, today: isoDate(new Date()) });
    return [ins.edit];
  });
  if (applied && ins) await placeCursor(doc, new vscode.Position(ins.cursor.line, ins.cursor.character), editor);
}

// ---------------------------------------------------------------------------------------------
// Toggle Hidden Draft

async function toggleHidden(): Promise<void> {
  const editor = requireMarkdownEditor('hide or show draft lines');
  if (!editor) return;
  const doc = editor.document;
  // One edit (one undo step): the lines, and a blank line before them when they sit right
  // below paragraph text, where Markdown would still show them (see toggleHiddenDraft).
  await editDocument(doc, (text) => {
    // The selected lines, merged where selections share lines.
    const ranges = editor.selections
      .map((s) => selectedLines(s.start, s.end))
      .sort((a, b) => a[0] - b[0])
      .reduce<Array<[number, number]>>((acc, r) => {
        const last = acc[acc.length - 1];
        if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
        else acc.push([r[0], r[1]]);
        return acc;
      }, []);
    return ranges.flatMap(([from, to]) => toggleHiddenDraft(text, from, to).edits);
  });
}

// ---------------------------------------------------------------------------------------------
// New Conference Notes…

function eolSetting(): '\n' | '\r\n' {
  const eol = vscode.workspace.getConfiguration('files').get<string>('eol', 'auto');
  if (eol === '\r\n' || eol === '\n') return eol;
  return process.platform === 'win32' ? '\r\n' : '\n';
}

/** The folder segments of talkCapture.notesFolder, or undefined when it leaves the workspace. */
function folderSegments(setting: string): string[] | undefined {
  const parts = setting.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.');
  if (parts.some((p) => p === '..')) return undefined;
  return parts;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function newConferenceNotes(api: CaptureApi): Promise<vscode.Uri | undefined> {
  const config = vscode.workspace.getConfiguration('talkCapture');
  const title = 'New Conference Notes';
  const name = await askText(api, {
    name: 'name',
    title,
    step: 1,
    totalSteps: 3,
    prompt: 'Name of the conference (the post’s title)',
    placeholder: 'e.g. KubeCon + CloudNativeCon Europe 2025',
    validate: (v) => (v.trim() ? undefined : 'Give the conference a name.'),
  });
  if (name === undefined) return undefined;
  const today = isoDate(new Date());
  const date = await askText(api, {
    name: 'date',
    title,
    step: 2,
    totalSteps: 3,
    prompt: 'First day of the conference (YYYY-MM-DD)',
    value: today,
    validate: (v) => (parseIsoDate(v) ? undefined : 'Write the date as YYYY-MM-DD, e.g. 2025-04-01.'),
  });
  if (date === undefined) return undefined;
  const defaultFormat: FrontMatterFormat = config.get<string>('frontMatter.format') === 'toml' ? 'toml' : 'yaml';
  const formats = [
    { label: 'YAML', description: '--- front matter', format: 'yaml' as const },
    { label: 'TOML', description: '+++ front matter', format: 'toml' as const },
  ];
  const picked = await askPick(api, {
    name: 'format',
    title,
    step: 3,
    totalSteps: 3,
    placeholder: 'Front matter format',
    items: formats,
    active: formats.find((f) => f.format === defaultFormat),
  });
  if (picked === undefined) return undefined;

  const startDate = date.trim();
  const note = newNoteText({
    name,
    date: isoWithOffset(startDateTime(startDate, new Date())),
    format: picked.format,
    startDate,
    includeDate: config.get<boolean>('day.includeDate', false),
    eol: eolSetting(),
  });
  const cursor = new vscode.Position(note.cursor.line, note.cursor.character);

  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    // No folder to write into: an untitled note, saved wherever the person likes.
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: note.text });
    await placeCursor(doc, cursor);
    return doc.uri;
  }
  const segments = folderSegments(config.get<string>('notesFolder', 'content/posts') ?? 'content/posts');
  if (!segments) {
    void vscode.window.showErrorMessage('Talk Capture: talkCapture.notesFolder must be a folder inside the workspace (no "..").');
    return undefined;
  }
  const dir = vscode.Uri.joinPath(folder.uri, ...segments);
  const fileName = noteFileName(config.get<string>('fileNameTemplate', '{slug}.md') ?? '{slug}.md', name, startDate);
  let target = vscode.Uri.joinPath(dir, fileName);
  for (let n = 2; (await exists(target)) && n < 1000; n++) target = vscode.Uri.joinPath(dir, numberedFileName(fileName, n));
  if (await exists(target)) {
    void vscode.window.showErrorMessage(`Talk Capture: ${fileName} and its numbered variants already exist; nothing was written.`);
    return undefined;
  }
  try {
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(note.text));
  } catch (err) {
    void vscode.window.showErrorMessage(`Talk Capture: could not create ${vscode.workspace.asRelativePath(target)}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await placeCursor(doc, cursor);
  if (target.path.slice(target.path.lastIndexOf('/') + 1) !== fileName) {
    void vscode.window.showInformationMessage(`Talk Capture: ${fileName} already exists, so the notes are in ${vscode.workspace.asRelativePath(target)}.`);
  }
  return target;
}

// ---------------------------------------------------------------------------------------------

export function registerCaptureCommands(ctx: FeatureContext): void {
  const api = captureApi(ctx);
  const run = (name: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn();
    } catch (err) {
      ctx.log.error(`${name}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      void vscode.window.showErrorMessage(`Talk Capture: ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(
      'talkCapture.newConferenceNotes',
      run('New Conference Notes', async () => {
        const uri = await newConferenceNotes(api);
        if (uri) api.lastCreatedNote = uri;
      }),
    ),
    vscode.commands.registerCommand('talkCapture.insertDayHeading', run('Insert Day Heading', insertDay)),
    vscode.commands.registerCommand('talkCapture.newTalk', (arg?: unknown) => run('New Talk', () => runNewTalk(api, { target: viewTarget(arg) }))()),
    vscode.commands.registerCommand('talkCapture.toggleHiddenDraft', run('Toggle Hidden Draft', toggleHidden)),
  );
}
