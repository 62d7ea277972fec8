// After the conference: a note full of TODO placeholders, its schedule's session pages served by
// a local stand-in for the conference site. The palette's Find Published Links… reads the pages
// (one at a time, the default pause between them), shows the preview, and Enter writes the
// slides and the recording into the note; Ctrl+S saves them. Default settings throughout.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  openFile,
  press,
  quickInputRows,
  readWorkspaceFile,
  runCommand,
  save,
  screenshot,
  screenshotDir,
  session,
  waitForLine,
  waitForQuickInput,
  waitForQuickInputClosed,
  visibleLines,
  waitForToast,
  writeWorkspaceFile,
} from './harness.mjs';

const NOTE = 'notes/published.md';
const SCHEDULE = 'schedule/published.ics';
const FILES = 'https://static.sched.com/hosted_files/democon2099/7a';

/** A Sched-like session page: an uploaded file and, for one of them, the embedded video. */
function sessionPage(title, file, video) {
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>' + title + '</title></head><body>',
    '<div id="sched-page-me-name"><span class="event"><a class="name" href="#">' + title + '</a></span></div>',
    video ? `<div class="sched-video"><iframe src="https://www.youtube-nocookie.com/embed/${video}" frameborder="0"></iframe></div>` : '',
    `<div class="sched-file"><a class="file-uploaded" href="${FILES}/${file}">${file}</a></div>`,
    '</body></html>',
  ].join('\n');
}

let site;
let hits = 0;
let slow = false;

async function startSite() {
  const pages = new Map([
    ['/event/jp1/observability-on-a-budget', sessionPage('Observability on a Budget', 'observability-budget.pdf', 'jRnYv1dEo00')],
    ['/event/jp2/gitops-for-the-rest-of-us', sessionPage('GitOps for the Rest of Us', 'gitops-rest-of-us.pdf')],
  ]);
  const server = http.createServer((req, res) => {
    hits++;
    if (slow) {
      // A site that takes its time: the person cancels before it answers.
      slow = false;
      setTimeout(() => res.writeHead(503).end(), 30_000);
      return;
    }
    const html = pages.get((req.url ?? '').split('?')[0]);
    if (html) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

function schedule(url) {
  const event = (id, slug, start, end, summary) => [
    'BEGIN:VEVENT',
    'DTSTAMP:20990301T120000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${summary}`,
    'CATEGORIES:TALKS',
    `UID:${id}`,
    `URL:${url}/event/${id}/${slug}`,
    'END:VEVENT',
  ];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sched.com DemoCon Europe 2099//EN',
    'X-WR-TIMEZONE:Europe/Amsterdam',
    ...event('jp1', 'observability-on-a-budget', '20990326T130000Z', '20990326T133000Z', 'Observability on a Budget - Lu Verde\\, Acme'),
    ...event('jp2', 'gitops-for-the-rest-of-us', '20990326T140000Z', '20990326T143000Z', 'GitOps for the Rest of Us - Kim Ode\\, Initech'),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const NOTE_TEXT = [
  '---',
  'title: "DemoCon Europe 2099"',
  'date: 2099-03-26',
  `schedule: ${SCHEDULE}`,
  '---',
  '',
  '## Day01',
  '',
  '### Observability on a budget - Lu Verde',
  '',
  '- sampling first, storage second',
  '- [slides](TODO)',
  "- TODO: will add link when it's published",
  '',
  '### GitOps for the rest of us',
  '',
  '- pull, do not push',
  '- deck: (link)',
  '',
  '### Hallway track: eBPF with the maintainers',
  '',
  '- ask about the verifier',
  '',
].join('\n');

describe('journey: links published after the conference', () => {
  before(async () => {
    site = await startSite();
    writeWorkspaceFile(SCHEDULE, schedule(site.url));
    writeWorkspaceFile(NOTE, NOTE_TEXT);
  });
  after(() => {
    site?.close();
    // The next journeys see the workspace as it was: no note in the TODO Links view, no schedule in Import's list.
    for (const file of [NOTE, SCHEDULE]) fs.rmSync(path.join(session.workspace, file), { force: true });
  });

  it('Cancel while a session page is read: nothing is written into the note', async () => {
    await openFile(NOTE);
    await waitForLine('[slides](TODO)');
    slow = true;
    await runCommand('Talk Capture: Find Published Links');
    const cancel = session.page.locator('.notifications-toasts .notification-toast', { hasText: 'Find Published Links' }).locator('.monaco-button', { hasText: 'Cancel' });
    await cancel.first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('published-reading');
    await cancel.first().click();
    await waitForToast((t) => t.includes('cancelled; nothing was written into the note'));
    assert.equal(readWorkspaceFile(NOTE), NOTE_TEXT, 'the file is as it was');
    assert.ok(
      (await visibleLines()).some((l) => l.includes('[slides](TODO)')),
      'and so is the editor',
    );
    hits = 0;
  });

  it('TODO placeholders → palette Find Published Links… → the preview → Enter → the links in the saved file', async () => {
    await openFile(NOTE);
    await waitForLine('[slides](TODO)');
    await runCommand('Talk Capture: Find Published Links');
    // Two pages, one at a time, with the default pause between them; then the preview.
    const q = await waitForQuickInput((s) => s.title.includes('Find Published Links'), 60_000);
    assert.match(q.title, /2 of 3 talks with links to write/);
    const rows = await quickInputRows();
    assert.equal(rows.length, 3, JSON.stringify(rows));
    assert.match(rows[0], /Observability on a budget/);
    assert.match(rows[0], /observability-budget\.pdf/);
    assert.match(rows[0], /youtube\.com\/watch\?v=jRnYv1dEo00/);
    assert.match(rows[1], /GitOps for the rest of us/);
    assert.match(rows[2], /Hallway track: eBPF with the maintainers.*no session/);
    const checked = await session.page.$$eval(
      '.quick-input-widget .quick-input-list .monaco-list-row',
      (els) => els.filter((r) => r.getAttribute('aria-checked') === 'true' || r.querySelector('input[type=checkbox]')?.checked || r.querySelector('[aria-checked="true"]')).length,
    );
    assert.equal(checked, 2, 'the two sure rows are checked, not the talk with no session');
    assert.equal(hits, 2, 'each session page read once');
    await screenshot('published-preview');
    await session.page.locator('.quick-input-widget').screenshot({ path: path.join(screenshotDir, 'published-preview-widget.png') });

    await press('Enter');
    await waitForQuickInputClosed();
    await waitForLine(`[slides](${FILES}/observability-budget.pdf)`);
    await waitForToast((t) => t.includes('wrote the links of 2 talks'));
    await screenshot('published-written');
    await save(NOTE);
    const saved = readWorkspaceFile(NOTE);
    assert.ok(saved.includes(`- [slides](${FILES}/observability-budget.pdf)\n`), saved);
    assert.ok(saved.includes('[recording](https://www.youtube.com/watch?v=jRnYv1dEo00)'), saved);
    assert.ok(!saved.includes('TODO'), `no placeholder left:\n${saved}`);
    assert.ok(saved.includes(`${FILES}/gitops-rest-of-us.pdf`), saved);
    assert.ok(saved.includes('- pull, do not push\n'), 'the notes are untouched');
    assert.ok(saved.endsWith('### Hallway track: eBPF with the maintainers\n\n- ask about the verifier\n'), 'the talk with no session is as it was');
  });
});
