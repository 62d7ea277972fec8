/**
 * The web build (package.json `browser`, dist/web/extension.js) in the browser's web-worker
 * extension host, as on vscode.dev and github.dev: no Node, files only through
 * `vscode.workspace.fs` and `findFiles`, network only through `fetch`. One test per feature
 * family: it runs in the worker, the bundled landscape index, capture with the timer,
 * completion, the Talks tree, the TODO Links view, linking and hovers, front matter commands,
 * the publish check, Finish Post, New Conference Notes, schedules (workspace file; URL with and
 * without cross-origin permission), Find Published Links (a site that refuses), Update Landscape
 * Index and Add Slide Photos….
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { toYaml } from '../shared/landscapeYaml';
import { closeAllEditors, getApiOf, openFile, readConfig, readText, screenshot, waitFor, workbenchCaughtUp, workspaceUri, writeText } from './helpers';

type QuickInput = vscode.QuickPick<vscode.QuickPickItem> & vscode.InputBox;

/** Waits for the quick input of `step` (see CaptureApi), lets `fill` answer it, and accepts. */
async function answer(api: Api, step: string, fill: string | ((input: QuickInput) => void)): Promise<void> {
  const input = await waitFor(() => (api.capture.activeStep === step ? (api.capture.activeInput as QuickInput | undefined) : undefined), `the "${step}" question`);
  await workbenchCaughtUp(); // the widget shows before it is answered
  if (typeof fill === 'string') input.value = fill;
  else fill(input);
  await workbenchCaughtUp(); // the value or the active item has reached the widget
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

function pick(text: string) {
  return (qp: QuickInput) => {
    const item = qp.items.find((i) => i.label.includes(text));
    assert.ok(item, `"${text}" is offered (${qp.items.map((i) => i.label).join(', ')})`);
    qp.activeItems = [item];
  };
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

/** The parts of the extension's API (src/vscode/api.ts) the suite reads; each must be there. */
async function api() {
  return {
    capture: await getApiOf('capture'),
    landscape: await getApiOf('landscape'),
    talksView: await getApiOf('talksView'),
    todosView: await getApiOf('todosView'),
    schedule: await getApiOf('schedule'),
  };
}
type Api = Awaited<ReturnType<typeof api>>;

describe('web: Talk Capture in the browser’s web-worker extension host', function () {
  this.timeout(60000);
  afterEach(async () => {
    const a = await api();
    if (a.capture.runningTalk) await vscode.commands.executeCommand('talkCapture.endTalk');
    await closeAllEditors();
  });

  it('runs in a web worker: no process, no require, UI kind Web; the workspace is reached only through workspace.fs', async () => {
    assert.strictEqual((globalThis as { process?: unknown }).process, undefined, 'no process object: this is not the Node extension host');
    assert.strictEqual(typeof (globalThis as { require?: unknown }).require, 'undefined');
    assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker global scope');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    const ext = vscode.extensions.getExtension('talkcapture.talk-capture');
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
    assert.ok(ext.isActive, 'the web build activated');
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.UI, 'it runs where the UI runs (the browser)');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder');
    assert.notStrictEqual(folder.uri.scheme, 'file', 'the workspace is not a local path: only workspace.fs reaches it');
  });

  it('a note on a file system only VS Code’s API reaches (an in-memory provider): Talks tree, linking, Toggle Draft, save', async () => {
    const a = await api();
    const files = new Map<string, Uint8Array>();
    const mtimes = new Map<string, number>();
    let clock = 1_700_000_000_000;
    const changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    const notFound = (uri: vscode.Uri) => vscode.FileSystemError.FileNotFound(uri);
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: changed.event,
      watch: () => new vscode.Disposable(() => undefined),
      // The modification time changes only with a write (VS Code refuses to save over a file
      // that looks changed on disk since it was read).
      stat: (uri) => {
        const data = files.get(uri.path);
        if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
        if (!data) throw notFound(uri);
        return { type: vscode.FileType.File, ctime: 0, mtime: mtimes.get(uri.path) ?? 0, size: data.byteLength };
      },
      readDirectory: () => [...files.keys()].map((p) => [p.slice(1), vscode.FileType.File] as [string, vscode.FileType]),
      createDirectory: () => undefined,
      readFile: (uri) => {
        const data = files.get(uri.path);
        if (!data) throw notFound(uri);
        return data;
      },
      writeFile: (uri, content) => {
        files.set(uri.path, content);
        mtimes.set(uri.path, ++clock);
        changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      },
      delete: (uri) => void files.delete(uri.path),
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider('talkcapturemem', provider, { isCaseSensitive: true });
    try {
      const uri = vscode.Uri.from({ scheme: 'talkcapturemem', path: '/memory-note.md' });
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntitle: "In memory"\n---\n\n## Day01\n\n### Meshes - Ana Lima\n\nWe compared Linkerd and Istio.\n'));
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('talkCapture.talks.focus');
      await waitFor(async () => {
        const rows = await a.talksView.provider.getChildren();
        return a.talksView.provider.doc === doc && rows.length === 1 && label(a.talksView.provider.getTreeItem(rows[0])) === 'Day01';
      }, 'the Talks view to show the in-memory note');
      const linked = await vscode.commands.executeCommand<number>('talkCapture.linkProjectMentions', { confirm: false });
      assert.strictEqual(linked, 2, 'Linkerd and Istio linked');
      await vscode.commands.executeCommand('talkCapture.toggleDraft');
      assert.match(editor.document.getText(), /^---\ntitle: "In memory"\ndraft: true\n---\n/);
      assert.ok(editor.document.isDirty, 'edited');
      assert.ok(await editor.document.save(), 'saved through the provider');
      const saved = new TextDecoder().decode(files.get('/memory-note.md'));
      assert.match(saved, /^---\ntitle: "In memory"\ndraft: true\n---\n/);
      assert.match(saved, /We compared \[Linkerd\]\(https:\/\/linkerd\.io\/?\) and \[Istio\]\(https:\/\/istio\.io\/?\)\./);
    } finally {
      await closeAllEditors();
      registration.dispose();
    }
  });

  it('loads the bundled landscape index from the extension’s own URI', async () => {
    const a = await api();
    const index = await a.landscape.get();
    assert.strictEqual(a.landscape.origin(), 'bundled');
    assert.ok(index.entries.length > 500, `${index.entries.length} entries`);
    assert.strictEqual(index.get('Prometheus')?.maturity, 'graduated');
    // A figure for the log, not an assertion (timings belong in npm run bench).
    console.log('@@mocha', `      the index loaded in ${a.landscape.loadMs()?.toFixed(0)} ms in the worker, ${index.entries.length} entries`);
  });

  it('capture: Insert Day Heading, Start Talk Now with the timer, Insert TODO Link, End Talk; saved through workspace.fs', async () => {
    const a = await api();
    const rel = 'web/capture.md';
    await writeText(rel, '---\ntitle: "Web capture"\n---\n\n## Day01\n\n### Opening - Ana Lima\n\n- welcome\n');
    const editor = await openFile(rel);
    const end = new vscode.Position(editor.document.lineCount - 1, 0);
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('talkCapture.insertDayHeading');
    assert.match(editor.document.getText(), /\n## Day02\n/);

    const done = vscode.commands.executeCommand('talkCapture.startTalk');
    await answer(a, 'title', 'Edge caching in the browser');
    await answer(a, 'speakers', 'Pia Sol');
    await answer(a, 'company', 'Example Co');
    await answer(a, 'kind', pick('Talk'));
    await done;
    assert.strictEqual(a.capture.runningTalk?.title, 'Edge caching in the browser');
    assert.match(a.capture.statusBarItem?.text ?? '', /^\$\(record\) Edge caching in the browser 00:0\d$/);
    const first = a.capture.statusBarItem?.text;
    await waitFor(() => a.capture.statusBarItem?.text !== first, 'the timer to count up', 5000);

    await vscode.commands.executeCommand('talkCapture.insertTodoLink');
    await vscode.commands.executeCommand('talkCapture.endTalk');
    assert.strictEqual(a.capture.runningTalk, undefined);
    await screenshot('web-capture');
    assert.ok(await editor.document.save(), 'saved');
    const saved = await readText(rel);
    assert.match(saved, /\n## Day02\n\n### Edge caching in the browser - Pia Sol, Example Co\n\[slides\]\(TODO\)/);
  });

  it('completion: a project prefix offers the project link', async () => {
    const rel = 'web/completion.md';
    await writeText(rel, '## Day01\n\n### Metrics\n\nWe scrape with Prom\n');
    const editor = await openFile(rel);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(4, 19));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Prometheus');
    assert.ok(item, `Prometheus is offered (${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')})`);
    const insert = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value;
    assert.strictEqual(insert, '[Prometheus](https://prometheus.io/)');
  });

  it('the Talks tree shows the days and talks of the note', async () => {
    const a = await api();
    await vscode.commands.executeCommand('talkCapture.talks.focus');
    const editor = await openFile('notes/kubecon-na.md');
    const provider = a.talksView.provider;
    const days = await waitFor(async () => {
      const rows = await provider.getChildren();
      return provider.doc === editor.document && rows.length >= 2 ? rows : undefined;
    }, 'the Talks view to show the note');
    assert.deepStrictEqual(
      days.map((d) => label(provider.getTreeItem(d))),
      ['Day01', 'Day02'],
    );
    const talks = await provider.getChildren(days[0]);
    assert.ok(
      talks.some((t) => label(provider.getTreeItem(t)) === 'eBPF networking at scale'),
      'the first talk of day one is listed',
    );
    await screenshot('web-talks');
  });

  it('the TODO Links view scans the workspace through findFiles and workspace.fs', async () => {
    const a = await api();
    await vscode.commands.executeCommand('talkCapture.todos.focus');
    await a.todosView.rescan();
    assert.strictEqual(a.todosView.countFor(workspaceUri('notes/kubecon-na.md')), 4);
    assert.strictEqual(a.todosView.countFor(workspaceUri('notes/draft-day3.md')), 2);
    assert.ok(a.todosView.total() >= 6);
  });

  it('Link Project Mentions links the first mention per talk in one undo step; a hover names the project', async () => {
    const editor = await openFile('linking/notes.md');
    const before = editor.document.getText();
    const n = await vscode.commands.executeCommand<number>('talkCapture.linkProjectMentions', { confirm: false });
    assert.ok(n > 0, `${n} links`);
    const after = editor.document.getText();
    assert.match(after, /\[Prometheus\]\(https:\/\/prometheus\.io\/\) with \[Thanos\]/);
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('[Prometheus]('));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(line, editor.document.lineAt(line).text.indexOf('[Prometheus](') + 3),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Prometheus/);
    assert.match(text, /graduated/i);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before, 'one undo');
  });

  it('front matter: Toggle Draft and Sync Tags from Linked Projects edit the YAML block', async () => {
    const editor = await openFile('frontmatter/sync-yaml.md');
    await vscode.commands.executeCommand('talkCapture.toggleDraft');
    assert.match(editor.document.getText(), /^---\n[\s\S]*\ndraft: true\n[\s\S]*---\n/);
    await vscode.commands.executeCommand('talkCapture.syncTags');
    const text = editor.document.getText();
    assert.match(text, /- prometheus/i);
    assert.match(text, /- opentelemetry/i);
    assert.match(text, /- kubernetes # the platform/, 'the comment stays');
  });

  it('the publish check puts its problems in the Problems panel', async () => {
    const editor = await openFile('notes/kubecon-na.md');
    await vscode.commands.executeCommand('talkCapture.checkNotes');
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(editor.document.uri).filter((x) => x.source === 'Talk Capture publish check');
      return d.some((x) => x.message.startsWith('Unresolved TODO')) ? d : undefined;
    }, 'publish check diagnostics');
    assert.ok(
      diags.some((d) => d.message === 'Unresolved TODO: TODO: add the video'),
      diags.map((d) => d.message).join('\n'),
    );
  });

  it('Finish Post… applies the chosen steps as one undo step and checks the note', async () => {
    const editor = await openFile('notes/kubecon-na.md');
    const before = editor.document.getText();
    const result = await vscode.commands.executeCommand<{ applied: string[]; problems: number }>('talkCapture.finishPost', { steps: ['typos', 'links', 'tags', 'draft'] });
    assert.ok(result.applied.includes('tags'), JSON.stringify(result));
    assert.match(editor.document.getText(), /^tags:\n- cilium\n- crossplane\n- argo\ncategories:\n- crossplane\n- argo\n---$/m);
    assert.ok(result.problems > 0);
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.source === 'Talk Capture publish check'), 'publish check diagnostics');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before);
  });

  it('New Conference Notes… writes the new note through workspace.fs', async () => {
    const a = await api();
    const done = vscode.commands.executeCommand('talkCapture.newConferenceNotes');
    await answer(a, 'name', 'WebConf 2099');
    await answer(a, 'date', '2099-05-04');
    await answer(a, 'format', pick('YAML'));
    await answer(a, 'importSchedule', pick('Not now'));
    await done;
    const created = a.capture.lastCreatedNote;
    assert.ok(created, 'a note was created');
    assert.notStrictEqual(created.scheme, 'file');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
    assert.match(text, /WebConf 2099/);
    assert.match(text, /## Day01/);
  });

  it('Import Conference Schedule… from a file in the workspace', async () => {
    const a = await api();
    // Its own note (no test before this one needs to have written one).
    await writeText('web/schedule-import.md', '---\ntitle: "DemoCon 2099"\n---\n\n## Day01\n');
    const editor = await openFile('web/schedule-import.md');
    await vscode.commands.executeCommand('talkCapture.importSchedule', workspaceUri('schedule/democon.ics'));
    assert.match(a.schedule.lastMessage ?? '', /16 sessions over 4 days, Europe\/Amsterdam/);
    assert.match(editor.document.getText(), /^---\n[\s\S]*\nschedule: schedule\/democon\.ics\n[\s\S]*---\n/);
  });

  it('the Schedule view shows a note’s schedule file that was never imported in this browser, under the conference’s name', async () => {
    const a = await api();
    assert.strictEqual(await a.schedule.store.read(workspaceUri('schedule/sidecon.ics').toString(), { storedOnly: true }), undefined, 'no stored copy');
    await writeText('web/second-device.md', '---\ntitle: "SideCon Europe 2099"\nschedule: schedule/sidecon.ics\n---\n\n## Day01\n');
    await openFile('web/second-device.md');
    const { provider, view } = await getApiOf('scheduleView');
    await vscode.commands.executeCommand('talkCapture.schedule.refresh');
    assert.strictEqual(view.description, 'SideCon Europe 2099');
    const day = provider.getChildren()[0];
    assert.deepStrictEqual(
      provider.getChildren(day).map((n) => label(provider.getTreeItem(n))),
      ['11:00–11:30', '11:45–12:15', '12:30–13:00'],
    );
  });

  it('a schedule URL the site lets a browser read is imported; one it refuses gets a plain message and the file route', async () => {
    const config = await readConfig();
    assert.ok(config.corsAllowed && config.corsRefused, 'the runner serves the schedule from two local sites (test/runner/web.mjs)');
    const a = await api();
    await writeText('web/schedule-url.md', '---\ntitle: "DemoCon 2099"\n---\n\n## Day01\n');
    await openFile('web/schedule-url.md');
    const imported = await vscode.commands.executeCommand<object | undefined>('talkCapture.importSchedule', `${config.corsAllowed}/democon.ics`);
    assert.ok(imported, a.schedule.lastMessage);
    assert.match(a.schedule.lastMessage ?? '', /16 sessions over 4 days, Europe\/Amsterdam/);
    const refused = await vscode.commands.executeCommand('talkCapture.importSchedule', `${config.corsRefused}/democon.ics`);
    assert.strictEqual(refused, undefined);
    assert.match(a.schedule.lastMessage ?? '', /could not be downloaded: .*does not let a web page read it \(a cross-origin request refused/);
    assert.match(a.schedule.lastMessage ?? '', /import the file instead/);
    await screenshot('web-schedule-refused');
  });

  it('Find Published Links: a site that does not let a web page read its session pages is named, with the page to open', async () => {
    const config = await readConfig();
    assert.ok(config.corsRefused, 'the runner serves a site that refuses cross-origin reads (test/runner/web.mjs)');
    const page = `${config.corsRefused}/event/web01/slides-please`;
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Sched.com DemoCon Europe 2099//EN',
      'BEGIN:VEVENT',
      'DTSTART:20990326T091500Z',
      'DTEND:20990326T094500Z',
      'SUMMARY:Slides Please - Wen Li\\, Acme',
      'UID:web01',
      `URL:${page}`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await writeText('web/published.ics', ics);
    const note = '---\ntitle: "DemoCon"\ndate: 2099-03-26\nschedule: web/published.ics\n---\n\n## Day01\n\n### Slides Please - Wen Li\n\n- [slides](TODO)\n';
    await writeText('web/published.md', note);
    const editor = await openFile('web/published.md');
    const published = await getApiOf('published');
    const outcome = await vscode.commands.executeCommand<{ requests: number; written: number }>('talkCapture.findPublishedLinks', { accept: true, pauseMs: 0 });
    assert.ok(outcome, published.lastMessage);
    assert.strictEqual(outcome.written, 0);
    assert.strictEqual(editor.document.getText(), note, 'nothing written');
    assert.ok((published.lastMessage ?? '').includes(page), published.lastMessage);
    assert.match(published.lastMessage ?? '', /cross-origin/, 'says that a browser was refused');
    assert.match(published.lastMessage ?? '', /Open Session Page|open http/);
    await screenshot('web-published-refused');
  });

  it('Update Landscape Index from a landscape.yml in the workspace, then back to the bundled index', async () => {
    const a = await api();
    // A landscape.yml of the bundled index's facts, plus one project of its own.
    const bundled = await a.landscape.get();
    const yaml = toYaml(bundled).replace(
      /\n(\s+)- item:\n/,
      (m: string, indent: string) => `\n${indent}- item:\n${indent}  name: Webbyproj\n${indent}  homepage_url: https://webbyproj.example/\n${indent}  project: sandbox${m}`,
    );
    const uri = await writeText('web/landscape.yml', yaml);
    try {
      const result = await vscode.commands.executeCommand<{ ok: boolean; entries?: number; error?: string }>('talkCapture.updateLandscapeIndex', { file: uri.toString() });
      assert.ok(result.ok, result.error);
      assert.strictEqual(a.landscape.origin(), 'updated');
      assert.strictEqual((await a.landscape.get()).get('Webbyproj')?.maturity, 'sandbox');
    } finally {
      await a.landscape.reset();
    }
    assert.strictEqual(a.landscape.origin(), 'bundled');
  });

  it('Add Slide Photos…: photos read, stripped and written through workspace.fs, placed under their talks', async () => {
    const config = vscode.workspace.getConfiguration('talkCapture');
    // The talks' heading times are read in the conference's zone; the photos say +01:00.
    await config.update('schedule.timeZone', 'Europe/Amsterdam', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openFile('photos/bundle/index.md');
      const uris = ['offset-gps.jpg', 'rotated.jpg', 'qr-slide.jpg'].map((f) => workspaceUri(`photos/phone/${f}`).toString());
      const result = await vscode.commands.executeCommand<{ written: string[] } | undefined>('talkCapture.addSlidePhotos', { uris, accept: true });
      assert.deepStrictEqual(result?.written, [
        'photos/bundle/images/opening-the-doors-01.jpg',
        'photos/bundle/images/opening-the-doors-02.jpg',
        'photos/bundle/images/probes-in-practice-01.jpg',
      ]);
      assert.match(editor.document.getText(), /^- !\[Slide: Opening the Doors\]\(images\/opening-the-doors-02\.jpg\)$/m);
      assert.match(editor.document.getText(), /^!\[Slide: Probes in Practice\]\(images\/probes-in-practice-01\.jpg\)$/m);
      const original = await vscode.workspace.fs.readFile(workspaceUri('photos/phone/offset-gps.jpg'));
      const written = await vscode.workspace.fs.readFile(workspaceUri('photos/bundle/images/opening-the-doors-01.jpg'));
      assert.ok(written.length > 0 && written.length < original.length, 'the image is written without the metadata');
    } finally {
      await config.update('schedule.timeZone', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
