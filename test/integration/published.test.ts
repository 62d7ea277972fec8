/**
 * Find Published Links… in a real VS Code: a local HTTP server stands in for the conference's
 * Sched site (session pages with uploaded slides and an embedded video, one with no recording
 * yet, one that answers 404, one too slow to wait for); the note's schedule (a workspace .ics)
 * points at it. The command fills the note (a placeholder replaced, a line under a heading with
 * none, a link the user wrote untouched) as one undo step; the preview lists each talk with how
 * sure its session is; a second run a day later reads only the pages still missing something;
 * the TODO Links view counts what is left.
 */
import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openFile, screenshot, waitFor, workspaceUri, writeFile } from './helpers';

const NOTE = 'published/democon-published.md';
const ICS = 'published/democon-published.ics';
const EVENT = 'democon2099';

/** A Sched-like session page: the files the speakers uploaded and, once published, the video. */
function page(title: string, files: string[], video?: string): string {
  const links = files.map((f) => `<a class="file-uploaded" href="https://static.sched.com/hosted_files/${EVENT}/4f/${f}" target="_blank">${f}</a>`).join('\n');
  const embed = video ? `<iframe width="560" height="315" src="https://www.youtube.com/embed/${video}?rel=0" allowfullscreen></iframe>` : '';
  return `<!doctype html><html><head><title>${title}</title></head><body><div class="sched-container"><h1 class="event">${title}</h1>${embed}<div class="sched-file">${links}</div></div></body></html>`;
}

interface Site {
  url: string;
  /** Requests per path. */
  hits: Map<string, number>;
  /** The pages served now (a test changes them between runs). */
  pages: Map<string, string>;
  close(): void;
}

async function startSite(): Promise<Site> {
  const hits = new Map<string, number>();
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const html = pages.get(path);
    if (html === undefined) res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, hits, pages, close: () => server.close() };
}

function vevent(id: string, start: string, end: string, summary: string, site: string): string {
  return [
    'BEGIN:VEVENT',
    'DTSTAMP:20990301T120000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${summary}`,
    'CATEGORIES:TALKS',
    'LOCATION:Hall 7 | Room A',
    `UID:${id}`,
    `URL:${site}/event/${id}/slug`,
    'END:VEVENT',
  ].join('\r\n');
}

function ics(site: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sched.com DemoCon Europe 2099//EN',
    'X-WR-TIMEZONE:Europe/Amsterdam',
    vevent('pub01', '20990326T091500Z', '20990326T094500Z', 'Kubernetes - The Hard Way - Jo Park\\, Umbrella Labs', site),
    vevent('pub02', '20990326T100000Z', '20990326T103000Z', 'Tracing\\, Gently - Ana Lima\\, Acme', site),
    vevent('pub03', '20990326T110000Z', '20990326T113000Z', 'Mesh Without Tears - Bo Chen\\, Initech', site),
    vevent('pub04', '20990326T120000Z', '20990326T123000Z', 'Storage Stories from the Trenches - Cy Diaz\\, Globex', site),
    vevent('pub05', '20990327T090000Z', '20990327T093000Z', 'Platform Teams at Scale - Di Ng\\, Hooli', site),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function note(site: string): string {
  return [
    '---',
    'title: "DemoCon Europe 2099"',
    'date: 2099-03-26',
    `schedule: ${ICS}`,
    '---',
    '',
    '## Day01',
    '',
    '### Kubernetes - The Hard Way - Jo Park, Umbrella Labs',
    '',
    '- the control plane by hand',
    '- [slides](TODO)',
    '',
    '### tracing gently',
    '',
    `[Session page](${site}/event/pub02/slug)`,
    '',
    '- spans all the way down',
    "- TODO: will add link when it's published",
    '',
    '### Mesh Without Tears - Bo Chen',
    '',
    '- my photo of the deck: [slides](https://example.org/my-own-copy.pdf)',
    '',
    '### Storage Stories from the Trenches',
    '',
    '- a page that is gone',
    '',
    '### A hallway chat not in the schedule',
    '',
    '- nothing to find',
    '',
  ].join('\n');
}

interface Outcome {
  talks: number;
  written: number;
  requests: number;
  cancelled: boolean;
  problems: string[];
}

describe('Find Published Links…', function () {
  this.timeout(90000);
  let site: Site;

  before(async () => {
    site = await startSite();
    site.pages.set('/event/pub01/slug', page('Kubernetes - The Hard Way', ['k8s-the-hard-way.pdf'], 'abcDEF12345'));
    site.pages.set('/event/pub02/slug', page('Tracing, Gently', ['tracing-gently.pptx']));
    site.pages.set('/event/pub03/slug', page('Mesh Without Tears', ['mesh.pdf'], 'meshVID0001'));
    // pub04: no page (404); pub05: a day-two talk the note does not have.
    await writeFile(ICS, ics(site.url));
    await writeFile(NOTE, note(site.url));
    await (await getApiOf('published')).resetCache();
  });
  after(async () => {
    site.close();
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('published'), { recursive: true }).then(undefined, () => undefined);
  });

  it('fills the note from the session pages in one undo step; a user’s link stays; a refused page is named', async () => {
    const api = await getApiOf('published');
    const todos = await getApiOf('todosView');
    await todos.rescan();
    assert.strictEqual(todos.countFor(workspaceUri(NOTE)), 2, 'the TODO Links view counts [slides](TODO) and the published-later TODO');
    const editor = await openFile(NOTE);
    const before = editor.document.getText();
    const outcome = await vscode.commands.executeCommand<Outcome>('talkCapture.findPublishedLinks', { accept: true, pauseMs: 0, now: '2099-03-30T10:00:00Z' });
    assert.ok(outcome, api.lastMessage);
    assert.strictEqual(outcome.requests, 4, 'four session pages read (the fifth session is not in the note)');
    assert.deepStrictEqual([...site.hits.keys()].sort(), ['/event/pub01/slug', '/event/pub02/slug', '/event/pub03/slug', '/event/pub04/slug']);
    const text = editor.document.getText();
    const PDF = `https://static.sched.com/hosted_files/${EVENT}/4f/`;
    assert.ok(text.includes(`- [slides](${PDF}k8s-the-hard-way.pdf)\n`), text);
    assert.ok(text.includes('https://www.youtube.com/watch?v=abcDEF12345'), text);
    assert.ok(text.includes(`${PDF}tracing-gently.pptx`), text);
    assert.ok(text.includes("- TODO: will add link when it's published\n"), 'no recording yet: the placeholder stays');
    assert.ok(text.includes('[slides](https://example.org/my-own-copy.pdf)'), 'the link the user wrote stays');
    assert.ok(!text.includes(`${PDF}mesh.pdf`), 'and is not doubled by the page’s file');
    assert.ok(text.includes('https://www.youtube.com/watch?v=meshVID0001'), 'the recording is added next to it');
    assert.ok(text.includes('### A hallway chat not in the schedule\n\n- nothing to find\n'), 'a talk with no session is left as it was');
    assert.match(api.lastMessage ?? '', /127\.0\.0\.1/, 'the site that refused is named');
    assert.match(api.lastMessage ?? '', /pub04/, 'with the session page');
    assert.ok(
      outcome.problems.some((p) => /404/.test(p)),
      outcome.problems.join('\n'),
    );
    const rows = api.lastPreview ?? [];
    assert.deepStrictEqual(
      rows.map((r) => [r.label, r.picked]),
      [
        ['Kubernetes - The Hard Way', true],
        ['tracing gently', true],
        ['Mesh Without Tears', true],
        ['Storage Stories from the Trenches', false],
        ['A hallway chat not in the schedule', false],
      ],
    );
    assert.match(rows[1].description, /session page link/);
    assert.match(rows[4].description, /no session/);
    assert.strictEqual(
      rows[0].detail,
      'after line 9: adds [Recording](youtube.com/watch?v=abcDEF12345); line 12: - [slides](TODO) → - [slides](static.sched.com/…/k8s-the-hard-way.pdf)',
    );
    assert.strictEqual(rows[0].description, 'same title · slides + recording');
    assert.match(rows[3].detail, /^127\.0\.0\.1:\d+ did not give the session’s links \(.*404.*\): open http:\/\/127\.0\.0\.1:\d+\/event\/pub04\/slug$/);

    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before, 'one undo takes every link out');
    await vscode.commands.executeCommand('redo');
    await editor.document.save();
    await todos.rescan();
    assert.strictEqual(todos.countFor(workspaceUri(NOTE)), 1, 'the recording still to come is left');
  });

  it('a second run a day later reads only the pages still missing something, and fills the recording that came', async () => {
    const api = await getApiOf('published');
    const editor = await openFile(NOTE);
    site.hits.clear();
    site.pages.set('/event/pub02/slug', page('Tracing, Gently', ['tracing-gently.pptx'], 'traceVID001'));
    const outcome = await vscode.commands.executeCommand<Outcome>('talkCapture.findPublishedLinks', { accept: true, pauseMs: 0, now: '2099-03-31T12:00:00Z' });
    assert.ok(outcome, api.lastMessage);
    assert.deepStrictEqual([...site.hits.keys()].sort(), ['/event/pub02/slug', '/event/pub04/slug'], 'the complete pages come from the cache');
    assert.strictEqual(outcome.requests, 2);
    const text = editor.document.getText();
    assert.ok(text.includes('[recording](https://www.youtube.com/watch?v=traceVID001)'), text);
    assert.ok(!text.includes("TODO: will add link when it's published"), 'the placeholder became the recording');

    // Nothing new a third time: nothing written, the note unchanged.
    const version = editor.document.version;
    const again = await vscode.commands.executeCommand<Outcome>('talkCapture.findPublishedLinks', { accept: true, pauseMs: 0, now: '2099-03-31T12:05:00Z' });
    assert.strictEqual(again.written, 0);
    assert.strictEqual(editor.document.version, version);
    await editor.document.save();

    // The TODO Links view counts what is left in the saved note: none of the filled placeholders.
    const todos = await getApiOf('todosView');
    await todos.rescan();
    assert.strictEqual(todos.countFor(workspaceUri(NOTE)) ?? 0, 0);
  });

  it('the preview: the sure rows checked, Escape writes nothing; a talk with no session gets its session picked', async () => {
    const api = await getApiOf('published');
    const capture = await getApiOf('capture');
    await writeFile(NOTE, note(site.url));
    const editor = await openFile(NOTE);
    await waitFor(() => editor.document.getText() === note(site.url), 'the note as written');
    const running = vscode.commands.executeCommand<Outcome>('talkCapture.findPublishedLinks', { pauseMs: 0, now: '2099-03-31T12:10:00Z' });
    const preview = await waitFor(() => (capture.activeStep === 'publishedPreview' ? (capture.activeInput as vscode.QuickPick<vscode.QuickPickItem>) : undefined), 'the preview');
    assert.strictEqual(preview.canSelectMany, true);
    assert.deepStrictEqual(
      preview.selectedItems.map((i) => i.label),
      ['Kubernetes - The Hard Way', 'tracing gently', 'Mesh Without Tears'],
    );
    await screenshot('published-preview');
    preview.hide();
    const escaped = await running;
    assert.strictEqual(escaped.written, 0);
    assert.strictEqual(editor.document.getText(), note(site.url), 'Escape writes nothing');
    assert.match(api.lastMessage ?? '', /nothing was written/);

    // The hallway chat (line 29) matched no session; the person picks one (here by argument,
    // as the row's button does through a quick pick of the sessions).
    site.pages.set('/event/pub05/slug', page('Platform Teams at Scale', ['platform-teams.pdf']));
    site.hits.clear();
    const picked = await vscode.commands.executeCommand<Outcome>('talkCapture.findPublishedLinks', {
      pick: { 29: 'pub05' },
      accept: true,
      pauseMs: 0,
      now: '2099-03-31T12:15:00Z',
    });
    assert.ok(picked, api.lastMessage);
    assert.ok(site.hits.has('/event/pub05/slug'), 'the picked session’s page is read');
    const row = (api.lastPreview ?? []).find((r) => r.label === 'A hallway chat not in the schedule');
    assert.ok(row?.picked, JSON.stringify(api.lastPreview));
    assert.match(row.description, /^picked: Platform Teams at Scale/);
    assert.match(
      editor.document.getText(),
      /### A hallway chat not in the schedule\n\n\[Slides\]\(https:\/\/static\.sched\.com\/hosted_files\/democon2099\/4f\/platform-teams\.pdf\)\n/,
    );
  });
});
