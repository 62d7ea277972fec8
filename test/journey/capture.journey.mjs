// The capture promise, as a person keeps it during a talk: a new note, a talk started with one
// chord, notes with two project links completed while typing, a TODO link, a hidden draft line,
// the talk ended, a keynote with its speaker, the next day; one Ctrl+Z undoes one command.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  focusEditorEnd,
  notifications,
  press,
  readWorkspaceFile,
  saveUntil,
  resetKeyCount,
  runCommand,
  save,
  screenshot,
  session,
  showTalkCaptureSidebar,
  statusBarTexts,
  type,
  visibleLines,
  waitForLine,
  waitForQuickInputClosed,
  waitForStatus,
  completeProject,
  waitForTreeRow,
  answer,
} from './harness.mjs';

const NOTE = 'content/posts/journey-summit-2099.md';

describe('journey: capturing a conference day', () => {
  it('new note → Start Talk Now → two links → TODO link → hidden draft → End Talk → keynote → next day, all saved', async () => {
    resetKeyCount();
    await runCommand('Talk Capture: New Conference Notes');
    await answer('Name of the conference', 'Journey Summit 2099');
    await answer('First day', ''); // today's date is offered
    await answer('Front matter format', '');
    await answer('Import the conference’s schedule', 'Not now');
    await waitForQuickInputClosed();
    await session.page.waitForFunction(() => (document.querySelector('.tab.active')?.textContent ?? '').includes('journey-summit-2099'), undefined, { timeout: 15_000 });
    await waitForLine(/^## Day ?0?1/, 'the first day heading');

    await press('Control+Alt+S');
    await answer('Title of the talk', 'Tracing at scale');
    await answer('Speakers', 'Rosa Vidal');
    await answer('Company', 'Example Corp');
    await answer('Kind of talk', '');
    await waitForQuickInputClosed();
    await waitForStatus('Tracing at scale');
    await waitForLine('### Tracing at scale - Rosa Vidal, Example Corp');

    await type('- Spans flow into ');
    await completeProject('Jae', 'Jaeger');
    await type(' and the metrics into ');
    await completeProject('Prom', 'Prometheus');
    await press('Enter');
    await type('- Slides: ');
    await press('Control+Alt+L');
    await waitForLine('- Slides: [slides](TODO)');
    await press('End');
    await press('Enter');
    await type('ask about the sampling budget');
    await press('Control+Alt+H');
    await waitForLine('[//]: # (');
    await screenshot('capture-talk-notes');
    await press('Control+Alt+E');
    await session.page.waitForFunction(() => ![...document.querySelectorAll('.statusbar-item')].some((i) => (i.textContent ?? '').includes('Tracing at scale')), undefined, {
      timeout: 10_000,
    });

    await press('Control+Alt+T');
    await answer('Title of the talk', 'Opening remarks');
    await answer('Speakers', 'Ana Lima');
    await answer('Company', 'Initrode');
    await answer('Kind of talk', 'Keynote');
    await waitForQuickInputClosed();
    await waitForLine(/^### Keynote 1: Opening remarks - Ana Lima, Initrode$/);
    await waitForStatus(/Ln \d+, Col 1$/); // the cursor has landed on the keynote's first line
    await type('- Open source is a team sport.');

    await press('Control+Alt+D');
    await waitForLine(/^## Day ?0?2/, 'the second day heading');
    await save(NOTE);
    const keys = session.keys;
    const saved = readWorkspaceFile(NOTE);
    await screenshot('capture-day-saved');

    const body = saved.slice(saved.indexOf('\n## ') + 1);
    assert.match(body, /^### Tracing at scale - Rosa Vidal, Example Corp$/m);
    assert.match(body, /^- Spans flow into \[Jaeger\]\(https:\/\/www\.jaegertracing\.io\/?\) and the metrics into \[Prometheus\]\(https:\/\/prometheus\.io\/\)$/m);
    assert.match(body, /^- Slides: \[slides\]\(TODO\)$/m);
    assert.match(body, /^\[\/\/\]: # \(ask about the sampling budget\)$/m);
    assert.match(body, /^### Keynote 1: Opening remarks - Ana Lima, Initrode$/m);
    assert.match(body, /^## Day ?0?2/m);
    assert.ok(body.indexOf('Keynote 1') < body.search(/^## Day ?0?2/m), 'the next day comes after the keynote');
    const produced = saved.length;
    console.log(`      keystrokes: ${keys} keys pressed for ${produced} characters of Markdown (${((keys / produced) * 100).toFixed(0)} %)`);
    fs.writeFileSync(path.join(session.workspace, '..', 'capture-keys.json'), JSON.stringify({ keys, produced }));
    assert.equal((await notifications()).filter((n) => /fail|error/i.test(n)).length, 0, 'no error was shown');
  });

  it('one Ctrl+Z undoes one command (Insert Day Heading), leaving the rest', async () => {
    const before = readWorkspaceFile(NOTE);
    await focusEditorEnd();
    await press('Control+Alt+D');
    await waitForLine(/^## Day ?0?3/, 'the third day heading');
    await press('Control+Z');
    await session.page.waitForFunction(
      () => ![...document.querySelectorAll('.view-line')].some((l) => /^## Day ?0?3/.test((l.textContent ?? '').replace(/\u00a0/g, ' '))),
      undefined,
      { timeout: 10_000 },
    );
    assert.equal(await saveUntil(NOTE, (t) => t === before, 'as it was before the undone command'), before);
    assert.ok(
      (await visibleLines()).some((l) => /^## Day ?0?2/.test(l)),
      'the second day is still there',
    );
  });

  it('the Talks tree shows the day and talks, and follows a typed `### ` heading', async () => {
    await showTalkCaptureSidebar();
    await waitForTreeRow('Talks', (r) => r.label.includes('Tracing at scale'));
    await waitForTreeRow('Talks', (r) => r.label.includes('Keynote 1: Opening remarks'));
    await focusEditorEnd();
    await press('Enter');
    await type('### Brand new talk - Kai Moreau');
    await waitForTreeRow('Talks', (r) => r.label.includes('Brand new talk'));
    await screenshot('talks-tree-follows-typing');
    const status = await statusBarTexts();
    assert.ok(!status.some((s) => s.includes('Tracing at scale')), 'the ended talk is not in the status bar');
    await save(NOTE);
  });
});
