// A conference schedule, imported once: then a talk heading (title, speakers, companies) and the
// link to the session page are two keystrokes, Ctrl+Alt+S and Enter. The same heading typed by
// hand, on a note without a schedule, for comparison. The workbench's schedule clock starts at
// SCHEDULE_NOW (11:20 on the conference's first day; see harness.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  openFile,
  press,
  readWorkspaceFile,
  resetKeyCount,
  save,
  screenshot,
  session,
  showTalkCaptureSidebar,
  startSession,
  stopSession,
  waitForLine,
  waitForQuickInput,
  waitForQuickInputClosed,
  waitForStatus,
  waitForTreeRow,
  answer,
  type,
  importScheduleFile,
  waitForFocusedQuickRow,
} from './harness.mjs';

const NOTE = 'notes/schedule.md';
const BY_HAND = 'notes/no-schedule.md';
const HEADING = '### Kubernetes - The Hard Way - Jo (JJ) Park, Umbrella Labs';
const LINK = '[Session page](http://democon2099.sched.com/event/000000000000000000000000033b2606)';

const waitForFocusedRow = waitForFocusedQuickRow;
/** Keys for a talk heading with the schedule: Ctrl+Alt+S and Enter (the first journey shows it). */
const KEYS_WITH_SCHEDULE = 2;
const SCHEDULE_FILE = 'schedule/democon.ics';
const SCHEDULE_TOAST = '16 sessions over 4 days, Europe/Amsterdam';

/** Each journey sets up what it needs: the note with the schedule imported (unless a journey before did it). */
async function noteWithSchedule() {
  await openFile(NOTE);
  if (/^schedule: schedule\/democon\.ics$/m.test(readWorkspaceFile(NOTE))) return;
  await importScheduleFile(SCHEDULE_FILE, SCHEDULE_TOAST);
  await save(NOTE);
}

describe('journey: a conference schedule', () => {
  before(async function () {
    // A journey before this one may have opened another workspace (restricted.journey.mjs).
    if (session.fixture === 'journeys') return;
    this.timeout(240_000);
    await stopSession();
    await startSession();
  });

  it('import the schedule file → Ctrl+Alt+S → Enter: the full heading and the session page, saved', async () => {
    await openFile(NOTE);
    await importScheduleFile(SCHEDULE_FILE, SCHEDULE_TOAST);
    await screenshot('schedule-imported');

    resetKeyCount();
    await session.page.locator('.part.editor .monaco-editor .view-lines').first().click(); // back in the note (a click, no key)
    await press('Control+Alt+S');
    await waitForQuickInput((s) => s.placeholder.includes('The session starting now'));
    await waitForFocusedRow('Kubernetes - The Hard Way');
    await screenshot('schedule-sessions-now');
    await press('Enter');
    await waitForQuickInputClosed();
    await waitForLine(HEADING);
    await waitForLine(LINK);
    await waitForStatus(/Kubernetes - The Hard Way \d\d:\d\d · \d+ min left/);
    const keys = session.keys;
    await save(NOTE);
    await screenshot('schedule-talk-started');

    const saved = readWorkspaceFile(NOTE);
    assert.match(saved, /^schedule: schedule\/democon\.ics$/m, 'the note remembers its schedule');
    assert.ok(saved.includes(`- the foundation turns ten\n\n${HEADING}\n\n${LINK}\n`), `the heading and the session page under Day01:\n${saved}`);
    assert.equal(keys, KEYS_WITH_SCHEDULE, 'Ctrl+Alt+S and Enter');
    console.log(`      keystrokes for a talk heading with the schedule: ${keys} (Ctrl+Alt+S, Enter), ${HEADING.length + LINK.length + 1} characters written`);
    await press('Control+Alt+E');
    await session.page.waitForFunction(() => ![...document.querySelectorAll('.statusbar-item')].some((i) => (i.textContent ?? '').includes('Kubernetes')), undefined, {
      timeout: 10_000,
    });
  });

  it('the same heading typed by hand on a note without a schedule (for comparison)', async () => {
    await openFile(BY_HAND);
    await session.page.locator('.part.editor .monaco-editor .view-lines').first().click();
    resetKeyCount();
    await press('Control+Alt+S');
    await answer('Title of the talk', 'Kubernetes - The Hard Way');
    await answer('Speakers', 'Jo (JJ) Park');
    await answer('Company', 'Umbrella Labs');
    await answer('Kind of talk', '');
    await waitForQuickInputClosed();
    await waitForLine(HEADING);
    const counts = { withSchedule: KEYS_WITH_SCHEDULE, byHand: session.keys };
    await press('Control+Alt+E');
    await save(BY_HAND);
    assert.ok(readWorkspaceFile(BY_HAND).includes(HEADING));
    console.log(`      keystrokes for the same heading without a schedule: ${counts.byHand} (and no session page link)`);
    fs.writeFileSync(path.join(session.workspace, '..', 'schedule-keys.json'), JSON.stringify(counts));
    assert.ok(counts.byHand > counts.withSchedule);
  });

  it('the Schedule view shows the day’s slots, the one running now marked, and its sessions', async () => {
    await noteWithSchedule();
    await showTalkCaptureSidebar();
    await waitForTreeRow('Schedule', (r) => r.label === 'Thursday 26 March 2099' && r.description === 'today');
    await waitForTreeRow('Schedule', (r) => r.label === '11:15–11:45' && r.description.startsWith('now'));
    await waitForTreeRow('Schedule', (r) => r.label === 'Tracing, Gently' && r.description === 'Ana Lima, Bo Chen, Cy Diaz · Hall 7 | Room B');
    await screenshot('schedule-view');
  });

  it('Start This Talk on a session picked with the keys: the next keys are typed into the note, under the new heading', async () => {
    await noteWithSchedule();
    await showTalkCaptureSidebar();
    await waitForTreeRow('Schedule', (r) => r.label === 'Tracing, Gently');
    const pane = session.page.locator('.pane', { has: session.page.locator('.pane-header', { hasText: 'Schedule' }) });
    const row = (label) => pane.locator('.pane-body .monaco-list-row', { has: session.page.locator('.label-name', { hasText: label }) }).first();
    await row('Kubernetes - The Hard Way').click(); // the view gets the keyboard (a click on a session)
    resetKeyCount();
    await press('ArrowDown');
    await pane.locator('.pane-body .monaco-list-row.focused .label-name', { hasText: 'Tracing, Gently' }).waitFor({ timeout: 10_000 });
    await row('Tracing, Gently').click({ button: 'right' }); // its context menu
    const item = session.page.locator('.context-view .action-label', { hasText: 'Start This Talk' }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    // A menu just opened by a right click ignores the first instants of the mouse (its items take
    // a click only a moment after they show): click until the menu closes, the sign it ran.
    for (let attempt = 0; ; attempt++) {
      await item.click();
      try {
        await item.waitFor({ state: 'hidden', timeout: 2_000 });
        break;
      } catch (err) {
        if (!(await item.isVisible())) break;
        if (attempt >= 4) throw err;
      }
    }
    await waitForLine('### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech');
    await session.page.waitForSelector('.part.editor .monaco-editor.focused', { timeout: 10_000 }); // the keyboard is in the note
    await type('- typed right after Start This Talk');
    await waitForLine('- typed right after Start This Talk');
    await screenshot('schedule-start-this-talk-typed');
    await save(NOTE);
    const saved = readWorkspaceFile(NOTE);
    assert.match(
      saved,
      /\n### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech\n\n\[Session page\]\([^)\n]+\)\n\n?- typed right after Start This Talk(?:\n|$)/,
      `the typed line under the new heading and its session page:\n${saved}`,
    );
    await press('Control+Alt+E');
  });
});
