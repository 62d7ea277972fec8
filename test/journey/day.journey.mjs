// A conference day as a person captures it, counting what the structure costs: talk headings
// and session pages from the imported schedule, project links completed while typing, a TODO
// link, a hidden draft line, a keynote typed by hand, then Finish Post. Every key pressed is
// counted; the prose typed costs a key a character whatever the tool, so the figure is the keys
// spent on the structure (headings, links, session lines, TODO/hidden, finishing) against the
// characters of that structure in the saved note.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  answer,
  focusEditorEnd,
  focusQuickRow,
  importScheduleFile,
  openFile,
  press,
  readWorkspaceFile,
  saveUntil,
  resetKeyCount,
  root,
  screenshot,
  session,
  type,
  waitForLine,
  waitForQuickInput,
  waitForQuickInputClosed,
  waitForStatus,
  completeProject,
  waitForToast,
  writeWorkspaceFile,
} from './harness.mjs';

const NOTE = 'notes/day.md';
// A schedule file of this journey's own: a stored copy from another journey's import of the
// same file would make this import a re-import.
const SCHEDULE = 'schedule/democon-day.ics';

/** Prose: typed as it is, a key a character, and the characters land in the note as typed. */
const prose = { keys: 0, chars: 0 };
async function write(text) {
  prose.keys += [...text].length;
  prose.chars += text.length;
  await type(text);
}
async function newLine() {
  prose.keys += 1;
  prose.chars += 1;
  await press('Enter');
}

/** Start Talk Now on the session `title` of those running now (arrow keys to it), then Enter. */
async function startFromSchedule(title) {
  await press('Control+Alt+S');
  try {
    await waitForQuickInput((s) => s.placeholder.includes('The session starting now'), 20_000);
  } catch {
    // Nothing came up on a busy machine (the key arrived while the last command still ran):
    // a person presses it again.
    await press('Control+Alt+S');
    await waitForQuickInput((s) => s.placeholder.includes('The session starting now'), 40_000);
  }
  await focusQuickRow(title);
  await press('Enter');
  await waitForQuickInputClosed();
  await waitForStatus(title);
}

async function endTalk(title) {
  await press('Control+Alt+E');
  await session.page.waitForFunction((t) => ![...document.querySelectorAll('.statusbar-item')].some((i) => (i.textContent ?? '').includes(t)), title, { timeout: 10_000 });
}

describe('journey: a conference day, keys for the structure', () => {
  it('two talks from the schedule, links, a TODO, a hidden draft, a keynote by hand and Finish Post: the structure costs a few keys', async () => {
    writeWorkspaceFile(SCHEDULE, fs.readFileSync(path.join(root, 'test', 'fixtures', 'journeys', 'schedule', 'democon.ics'), 'utf8'));
    await openFile(NOTE);
    await importScheduleFile(SCHEDULE, '16 sessions over 4 days, Europe/Amsterdam');
    await focusEditorEnd();
    await press('Control+S');
    const original = readWorkspaceFile(NOTE);

    resetKeyCount();
    await startFromSchedule('Kubernetes - The Hard Way');
    await waitForLine('### Kubernetes - The Hard Way - Jo (JJ) Park, Umbrella Labs');
    await write('- The control plane by hand, traces in ');
    await completeProject('Jae', 'Jaeger');
    await write(' and metrics in ');
    await completeProject('Prom', 'Prometheus');
    await newLine();
    await write('- Slides: ');
    await press('Control+Alt+L');
    await waitForLine('- Slides: [slides](TODO)');
    await press('End');
    await newLine();
    await write('ask how the certificates are rotated');
    await press('Control+Alt+H');
    await waitForLine('[//]: # (ask how the certificates are rotated)');
    await endTalk('Kubernetes - The Hard Way');

    await startFromSchedule('Tracing, Gently');
    await waitForLine('### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech');
    await write('- Sampling decided at the edge, not in the collector.');
    await endTalk('Tracing, Gently');

    await press('Control+Alt+T');
    await answer('Title of the talk', 'Closing remarks');
    await answer('Speakers', 'Ivy Kim');
    await answer('Company', 'Hooli');
    await answer('Kind of talk', 'Keynote');
    await waitForQuickInputClosed();
    await waitForLine(/^### Keynote 1: Closing remarks - Ivy Kim, Hooli$/);
    await waitForStatus(/Ln \d+, Col 1$/);
    await write('- See you next year.');

    await press('Control+Alt+F');
    await waitForQuickInput((s) => s.title.includes('Finish Post'), 30_000);
    await session.page.waitForFunction(() => document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row').length >= 2);
    await screenshot('day-finish-preview');
    await press('Enter');
    await waitForQuickInputClosed();
    await waitForToast((t) => t.includes('Still needs you'));
    const structureKeys = session.keys - prose.keys;
    const saved = await saveUntil(NOTE, (t) => !/^draft: true$/m.test(t), 'with draft turned off');
    await screenshot('day-saved');

    // Finish Post links the first mention of each project in a talk: here, Kubernetes in the heading.
    assert.match(
      saved,
      /^### (?:Kubernetes|\[Kubernetes\]\(https:\/\/kubernetes\.io\/\)) - The Hard Way - Jo \(JJ\) Park, Umbrella Labs\n\n\[Session page\]\(http:\/\/democon2099\.sched\.com\/event\/[0-9a-f]+\)\n/m,
    );
    assert.match(saved, /^\[Session page\]\([^)]+\)\n\n- The control plane by hand/m, 'a blank line between the session page and the notes');
    assert.match(saved, /^- The control plane by hand, traces in \[Jaeger\]\([^)]+\) and metrics in \[Prometheus\]\(https:\/\/prometheus\.io\/\)$/m);
    assert.match(saved, /^- Slides: \[slides\]\(TODO\)$/m);
    assert.match(saved, /^\[\/\/\]: # \(ask how the certificates are rotated\)$/m);
    assert.match(saved, /^### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech\n\n\[Session page\]\([^)]+\)\n/m);
    assert.match(saved, /^### Keynote 1: Closing remarks - Ivy Kim, Hooli$/m);
    assert.match(saved, /^draft: false$/m);
    assert.match(saved, /^tags: \[.*\bJaeger\b.*\]$/m, 'the linked projects are tags, in the style of the list');

    const structureChars = saved.length - original.length - prose.chars;
    const share = structureKeys / structureChars;
    console.log(`      structure: ${structureKeys} keys for ${structureChars} characters (${(share * 100).toFixed(1)} %); prose: ${prose.keys} keys for ${prose.chars} characters`);
    fs.writeFileSync(path.join(session.workspace, '..', 'day-keys.json'), JSON.stringify({ structureKeys, structureChars, prose }));
    // The keynote typed by hand is most of it; each talk from the schedule is two or three keys.
    assert.ok(share < 0.15, `the structure cost ${structureKeys} keys for ${structureChars} characters`);
  });
});
