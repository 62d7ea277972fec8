/**
 * Conference schedules in a real VS Code: Import Conference Schedule… from a workspace file
 * (the summary, the note's `schedule` key as one undo step, the stored copy), Start Talk Now
 * from the schedule (the sessions offered, the full heading under the right day, the session
 * page, the timer with the time left), stars first and kept across a re-import (with the diff
 * reported), the stored copy used once the file is gone, and the fall back to today's flow.
 * The schedule clock is set through the API (TALK_CAPTURE_NOW does the same from outside).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openMarkdown, setSetting, waitFor, workspaceUri, workbenchCaughtUp } from './helpers';

import type { CaptureApi, ScheduleApi, ScheduleNode } from '../../src/vscode/api';

async function apis(): Promise<{ capture: CaptureApi; schedule: ScheduleApi }> {
  return { capture: await getApiOf('capture'), schedule: await getApiOf('schedule') };
}

const FILE = 'schedule/democon.ics';
const KEY = () => workspaceUri(FILE).toString();
const PAGE = 'http://democon2099.sched.com/event/';

/** Waits for the quick input of `step`, lets `fill` answer it, and accepts (Enter). */
async function answer(step: string, fill: string | ((input: vscode.QuickPick<vscode.QuickPickItem> & vscode.InputBox) => void)): Promise<void> {
  const { capture } = await apis();
  const input = await waitFor(() => (capture.activeStep === step ? capture.activeInput : undefined), `the "${step}" question`);
  await workbenchCaughtUp(); // the widget shows before it is answered
  if (typeof fill === 'string') input.value = fill;
  else fill(input as vscode.QuickPick<vscode.QuickPickItem> & vscode.InputBox);
  await workbenchCaughtUp(); // the value or the active item has reached the widget
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Makes the item whose label contains `text` the active one. */
function pick(text: string) {
  return (qp: vscode.QuickPick<vscode.QuickPickItem>) => {
    const item = qp.items.find((i) => i.label.includes(text));
    assert.ok(item, `"${text}" is offered (${qp.items.map((i) => i.label).join(', ')})`);
    qp.activeItems = [item];
  };
}

async function open(text: string): Promise<vscode.TextEditor> {
  const editor = await openMarkdown(text);
  const shown = await vscode.window.showTextDocument(editor.document, { preview: false });
  await waitFor(() => vscode.window.activeTextEditor?.document === editor.document, 'the note to be active');
  return shown;
}

async function endTalk(): Promise<void> {
  const { capture } = await apis();
  if (capture.runningTalk) await vscode.commands.executeCommand('talkCapture.endTalk');
}

const NOTE = [
  '---',
  'title: "DemoCon Europe 2099"',
  'date: 2099-03-26',
  '---',
  '',
  '## Day01',
  '',
  '### Welcome - Jane Doe',
  '',
  '- opening',
  '',
  '## Day02',
  '',
  '### Later',
  '',
].join('\n');
const WITH_KEY = NOTE.replace('date: 2099-03-26\n', `date: 2099-03-26\nschedule: ${FILE}\n`);

describe('schedule: import and Start Talk Now', () => {
  before(async () => {
    (await apis()).schedule.setNow('2099-03-26T10:20:00Z'); // 11:20 in Amsterdam, day one
  });
  afterEach(async () => {
    await endTalk();
    await closeAllEditors();
  });
  after(async () => (await apis()).schedule.setNow(undefined));

  it('Import Conference Schedule… from a workspace file: a summary, the note’s schedule key in one undo step', async () => {
    const editor = await open(NOTE);
    const { schedule } = await apis();
    const done = vscode.commands.executeCommand('talkCapture.importSchedule');
    await answer('scheduleSource', pick('From a file in the workspace'));
    await answer('scheduleFile', pick(FILE));
    await done;
    assert.match(schedule.lastMessage ?? '', /16 sessions over 4 days, Europe\/Amsterdam/);
    assert.strictEqual(editor.document.getText(), WITH_KEY);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), NOTE, 'one undo removes the key');
    assert.ok(await schedule.store.read(KEY()), 'a parsed copy is stored');
  });

  it('Start Talk Now offers the sessions now or soon and writes the full heading, the session page and starts the timer', async () => {
    const { capture } = await apis();
    const editor = await open(WITH_KEY);
    const end = new vscode.Position(14, 0);
    editor.selection = new vscode.Selection(end, end); // in Day02: the talk still goes to the session's day
    const done = vscode.commands.executeCommand('talkCapture.startTalk');
    await answer('session', (qp) => {
      assert.deepStrictEqual(
        qp.items.map((i) => [i.label, i.description, i.detail]),
        [
          ['Kubernetes - The Hard Way', 'Jo (JJ) Park · Hall 7 | Room A', '11:15–11:45'],
          ['Tracing, Gently', 'Ana Lima, Bo Chen, Cy Diaz · Hall 7 | Room B', '11:15–11:45'],
          ['Sponsored Demo: Widget Platform', 'Solutions Showcase Theater', '11:15–11:45'],
          ['$(edit) Other talk…', 'not in the schedule: asks the title, speakers and company', undefined],
        ],
        'running now, by room; no break; the way out last',
      );
      pick('Tracing, Gently')(qp);
    });
    await done;
    const heading = '### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech';
    const expected = WITH_KEY.replace('- opening\n', `- opening\n\n${heading}\n\n[Session page](${PAGE}000000000000000000000000033b2605)\n\n\n`);
    assert.strictEqual(editor.document.getText(), expected);
    assert.strictEqual(editor.selection.active.line, 16, 'the cursor is under the session page line, after a blank line');
    assert.strictEqual(capture.runningTalk?.title, 'Tracing, Gently');
    assert.strictEqual(capture.runningTalk?.heading, heading);
    assert.strictEqual(capture.runningTalk?.line, 12);
    assert.match(capture.statusBarItem?.text ?? '', /^\$\(record\) Tracing, Gently \d\d:\d\d · \d+ min left$/);
  });

  it('Start Talk Now creates the session’s day in the note’s style when the note lacks it', async () => {
    const { schedule } = await apis();
    schedule.setNow('2099-03-30T07:10:00Z'); // 09:10, the closing keynote starts at 09:15 (day four)
    try {
      const editor = await open(WITH_KEY);
      const done = vscode.commands.executeCommand('talkCapture.startTalk');
      await answer('session', pick('Closing the Loop'));
      await done;
      assert.strictEqual(
        editor.document.getText(),
        `${WITH_KEY}\n## Day05\n\n### Keynote 1: Closing the Loop - Ivy Kim, Hooli\n\n[Session page](${PAGE}000000000000000000000000033b2612)\n\n`,
      );
    } finally {
      schedule.setNow('2099-03-26T10:20:00Z');
    }
  });

  it('typing a title that is not in the schedule falls back to today’s questions with that title', async () => {
    const { capture } = await apis();
    const editor = await open(WITH_KEY);
    editor.selection = new vscode.Selection(new vscode.Position(9, 0), new vscode.Position(9, 0));
    const done = vscode.commands.executeCommand('talkCapture.startTalk');
    await answer('session', (qp) => {
      qp.value = 'Hallway chat';
    });
    const title = await waitFor(() => (capture.activeStep === 'title' ? (capture.activeInput as vscode.InputBox) : undefined), 'the title question');
    assert.strictEqual(title.value, 'Hallway chat', 'the typed title is pre-filled');
    await answer('title', 'Hallway chat');
    await answer('speakers', '');
    await answer('company', '');
    await answer('kind', pick('Talk'));
    await done;
    assert.ok(editor.document.getText().includes('- opening\n\n### Hallway chat\n'));
    assert.strictEqual(capture.runningTalk?.title, 'Hallway chat');
  });

  it('a re-import reports what changed and keeps the stars; starred sessions come first; the stored copy works without the file', async () => {
    const { schedule } = await apis();
    const before = await schedule.store.read(KEY());
    const k8s = before!.sessions.find((s) => s.title === 'Kubernetes - The Hard Way')!;
    const tracing = before!.sessions.find((s) => s.title === 'Tracing, Gently')!;
    await schedule.store.setStar(KEY(), tracing.id, true);
    // The conference moves a talk to a new title, drops one and adds one.
    const uri = workspaceUri(FILE);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const nl = text.includes('\r\n') ? '\r\n' : '\n';
    const changed = text
      .replace('SUMMARY:Kubernetes - The Hard Way', 'SUMMARY:Kubernetes - The Harder Way')
      .replace(/BEGIN:VEVENT\r?\n(?:(?!END:VEVENT)[^\n]*\n)*?SUMMARY:Ask Me Anything[\s\S]*?END:VEVENT\r?\n/, '')
      .replace(
        'END:VCALENDAR',
        [
          'BEGIN:VEVENT',
          'DTSTART:20990326T103000Z',
          'DTEND:20990326T110000Z',
          'SUMMARY:Late Addition - Kai Moreau\\, Hooli',
          'LOCATION:Hall 7 | Room D\\, Amsterdam\\, Netherlands',
          'UID:late-addition',
          'END:VEVENT',
          'END:VCALENDAR',
        ].join(nl),
      );
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(changed));
    const editor = await open(WITH_KEY);
    await vscode.commands.executeCommand('talkCapture.importSchedule', { source: FILE });
    assert.match(schedule.lastMessage ?? '', /re-imported: 1 added, 1 changed, 1 removed/);
    assert.ok(schedule.store.stars(KEY()).has(tracing.id), 'the star survives the re-import');
    assert.strictEqual(editor.document.getText(), WITH_KEY, 'the key was already there: nothing written');

    // Offline: the file is gone, the stored copy answers.
    await vscode.workspace.fs.delete(uri);
    const done = vscode.commands.executeCommand('talkCapture.startTalk');
    await answer('session', (qp) => {
      const labels = qp.items.map((i) => i.label);
      assert.deepStrictEqual(labels.slice(0, 3), ['$(star-full) Tracing, Gently', 'Kubernetes - The Harder Way', 'Late Addition'], 'starred first, then by room');
      pick('Kubernetes - The Harder Way')(qp);
    });
    await done;
    assert.ok(editor.document.getText().includes(`### Kubernetes - The Harder Way - Jo (JJ) Park, Umbrella Labs\n\n[Session page](${PAGE}${k8s.id})`));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  });

  it('the Schedule view: days → slots → sessions, now and next marked, a star, a filter, Start This Talk', async () => {
    const { capture, schedule } = await apis();
    const editor = await open(WITH_KEY);
    await vscode.commands.executeCommand('talkCapture.importSchedule', { source: FILE }); // the file as the fixture has it
    const { provider } = await getApiOf('scheduleView');
    await provider.reload();
    const days = provider.getChildren();
    assert.deepStrictEqual(
      days.map((d) => provider.getTreeItem(d).label),
      ['Thursday 26 March 2099', 'Friday 27 March 2099', 'Sunday 29 March 2099', 'Monday 30 March 2099'],
    );
    assert.strictEqual(provider.getTreeItem(days[0]).description, 'today');
    const slots = provider.getChildren(days[0]);
    const slotItems = slots.map((n) => provider.getTreeItem(n));
    const now = slotItems.find((i) => i.label === '11:15–11:45');
    assert.strictEqual(now?.description, 'now · 2 sessions · 1 side', 'the showcase theatre’s demo folded');
    const next = slotItems.filter((i) => String(i.description).startsWith('next'));
    assert.deepStrictEqual(
      next.map((i) => [String(i.label).slice(0, 5), i.description]),
      [['12:00', 'next · 1 session · 1 side']],
    );
    const sessions = provider.getChildren(slots[slotItems.indexOf(now!)]);
    const tracing = sessions.find((n) => provider.getTreeItem(n).label === 'Tracing, Gently')!;
    assert.strictEqual(provider.getTreeItem(tracing).description, 'Ana Lima, Bo Chen, Cy Diaz · Hall 7 | Room B');

    const starredBefore = schedule.store.stars(KEY()).has((tracing as { session: { id: string } }).session.id);
    await vscode.commands.executeCommand(starredBefore ? 'talkCapture.schedule.unstar' : 'talkCapture.schedule.star', tracing);
    await vscode.commands.executeCommand('talkCapture.schedule.star', tracing);
    assert.strictEqual(provider.getTreeItem(tracing).contextValue, 'scheduleSession.starred');
    await provider.setFilter({ kind: 'starred' });
    try {
      const shown = provider
        .getChildren()
        .flatMap((d) => provider.getChildren(d))
        .flatMap((sl) => provider.getChildren(sl));
      assert.deepStrictEqual(
        shown.map((n) => provider.getTreeItem(n).label),
        ['Tracing, Gently'],
        'starred only',
      );
    } finally {
      await provider.setFilter({ kind: 'all' });
    }

    await vscode.commands.executeCommand('talkCapture.schedule.startThisTalk', tracing);
    await waitFor(() => capture.runningTalk?.title === 'Tracing, Gently', 'the talk to start');
    assert.ok(editor.document.getText().includes('- opening\n\n### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech\n\n[Session page]('));
  });

  it('the timer shows the minutes left and, when the session is over, offers the next starred session', async () => {
    const { capture, schedule } = await apis();
    const stored = await schedule.store.read(KEY());
    const tiny = stored!.sessions.find((s) => s.title === 'Tiny Controllers')!;
    await schedule.store.setStar(KEY(), tiny.id, true);
    await open(WITH_KEY);
    const done = vscode.commands.executeCommand('talkCapture.startTalk');
    await answer('session', pick('Kubernetes - The Hard Way'));
    await done;
    assert.match(capture.statusBarItem?.text ?? '', / · \d+ min left$/);
    schedule.lastMessage = undefined;
    schedule.setNow('2099-03-26T10:46:00Z'); // 11:46: the session ended at 11:45
    try {
      await waitFor(() => / · over$/.test(capture.statusBarItem?.text ?? ''), 'the status bar to say the session is over');
      const message = await waitFor(() => schedule.lastMessage, 'the next starred session to be offered');
      assert.match(message, /is over\. Next starred: Tiny Controllers at 12:00 \(Ana DE LA CRUZ · Hall 7 \| Room C\)/);
    } finally {
      schedule.setNow('2099-03-26T10:20:00Z');
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('New Talk… offers the schedule’s speakers and companies after the ones written in the notes', async () => {
    const { capture } = await apis();
    await open(WITH_KEY);
    const done = vscode.commands.executeCommand('talkCapture.newTalk');
    await answer('title', 'Hallway track');
    const speakers = await waitFor(
      () =>
        capture.activeStep === 'speakers' && (capture.activeInput as vscode.QuickPick<vscode.QuickPickItem>).items.some((i) => i.label === 'Jo (JJ) Park') && capture.activeInput,
      'the schedule’s speakers offered',
    );
    const item = (speakers as vscode.QuickPick<vscode.QuickPickItem>).items.find((i) => i.label === 'Jo (JJ) Park');
    assert.strictEqual(item?.description, 'in the schedule');
    await answer('speakers', pick('Jo (JJ) Park'));
    await waitFor(
      () => capture.activeStep === 'company' && (capture.activeInput as vscode.QuickPick<vscode.QuickPickItem>).items.some((i) => i.label === 'Umbrella Labs'),
      'the schedule’s companies offered',
    );
    await answer('company', pick('Umbrella Labs'));
    await answer('kind', pick('Talk'));
    await done;
    assert.ok(vscode.window.activeTextEditor?.document.getText().includes('### Hallway track - Jo (JJ) Park, Umbrella Labs'));
  });

  it('Resolve TODO Link… offers the session page of the talk the TODO is in', async () => {
    const { capture } = await apis();
    const text = `${WITH_KEY}\n### Tracing, Gently - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech\n\n- slides: [slides](TODO)\n`;
    const editor = await open(text);
    const line = text.split('\n').findIndex((l) => l.includes('[slides](TODO)'));
    editor.selection = new vscode.Selection(new vscode.Position(line, 12), new vscode.Position(line, 12));
    const done = vscode.commands.executeCommand('talkCapture.resolveTodoLink');
    const box = await waitFor(() => (capture.activeStep === 'url' ? (capture.activeInput as vscode.InputBox) : undefined), 'the URL question');
    if (vscode.env.uiKind === vscode.UIKind.Web) assert.strictEqual(box.value, `${PAGE}000000000000000000000000033b2605`, 'the session page is offered');
    else assert.match(box.value, /^https?:\/\//, 'a URL is offered (the clipboard’s wins on the desktop)');
    await answer('url', `${PAGE}000000000000000000000000033b2605`);
    await done;
    assert.ok(editor.document.getText().includes(`- slides: [slides](${PAGE}000000000000000000000000033b2605)`));
  });

  it('the publish check hints at a speaker name that differs from the schedule’s (a typo)', async () => {
    const text = `${WITH_KEY}\n### Tracing, Gently - Ana Lma & Bo Chen, Acme\n\n- notes\n`;
    const editor = await open(text);
    await vscode.commands.executeCommand('talkCapture.checkNotes');
    const hint = await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.code === 'speaker-name'), 'the speaker hint');
    assert.strictEqual(hint.message, '“Ana Lma” is not a speaker of “Tracing, Gently” in the schedule: did you mean Ana Lima?');
    assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(editor.document.getText(hint.range), 'Ana Lma');
  });

  it('Insert Day Heading with dates on writes the schedule’s next day (days without sessions skipped)', async () => {
    const config = vscode.workspace.getConfiguration('talkCapture');
    await config.update('day.includeDate', true, vscode.ConfigurationTarget.Workspace);
    try {
      const text = WITH_KEY.replace('## Day02', '## Day02 (2099-03-27)');
      const editor = await open(text);
      await vscode.commands.executeCommand('talkCapture.insertDayHeading');
      assert.strictEqual(editor.document.getText(), `${text}\n## Day03 (2099-03-29)\n`);
    } finally {
      await config.update('day.includeDate', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

describe('schedule: hostile files in the editor', () => {
  const HOSTILE = 'schedule/hostile-generated.ics';
  const write = (text: string) => vscode.workspace.fs.writeFile(workspaceUri(HOSTILE), new TextEncoder().encode(text));
  after(async () => (await apis()).schedule.setNow(undefined));
  afterEach(async () => {
    await endTalk();
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(HOSTILE)).then(undefined, () => undefined);
  });

  it('a schedule’s values stay data: the tooltip has no HTML and a safe page link, Start This Talk writes them escaped', async () => {
    const { capture, schedule } = await apis();
    schedule.setNow('2099-06-16T12:10:00Z');
    await write(
      [
        'BEGIN:VCALENDAR',
        'PRODID:-//Hostile Test//EN',
        'X-WR-TIMEZONE:Europe/Berlin',
        'BEGIN:VEVENT',
        'UID:hostile-1',
        'DTSTART:20990616T120000Z',
        'DURATION:PT30M',
        'SUMMARY:<img src=x onerror=alert(1)> Tricks',
        'ATTENDEE;CN="<b>Mallory</b>":mailto:m@example.org',
        'URL:https://evil.example/x)[run](command:workbench.action.terminal.new)',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const editor = await open('---\ntitle: "Hostile"\ndate: 2099-06-16\n---\n\n## Day 1\n\n- first\n');
    await vscode.commands.executeCommand('talkCapture.importSchedule', { source: HOSTILE });
    const { provider } = await getApiOf('scheduleView');
    await provider.reload();
    const session = provider
      .getChildren()
      .flatMap((d) => provider.getChildren(d))
      .flatMap((sl) => provider.getChildren(sl))[0];
    const tip = provider.getTreeItem(session).tooltip as vscode.MarkdownString;
    assert.strictEqual(tip.supportHtml, false);
    assert.ok(!/(?<!\\)<img/.test(tip.value), tip.value);
    assert.ok(tip.value.includes('[Session page](https://evil.example/x%29[run]%28command:workbench.action.terminal.new%29)'), tip.value);
    await vscode.commands.executeCommand('talkCapture.schedule.startThisTalk', session);
    await waitFor(() => capture.runningTalk, 'the talk to start');
    assert.ok(
      editor.document
        .getText()
        .includes('### \\<img src=x onerror=alert(1)> Tricks - \\<b>Mallory\\</b>\n\n[Session page](https://evil.example/x%29[run]%28command:workbench.action.terminal.new%29)'),
      editor.document.getText(),
    );
  });

  it('a VTIMEZONE rule bomb is refused naming the zone, and the editor goes on', async () => {
    const { schedule } = await apis();
    const lines = ['BEGIN:VCALENDAR', 'PRODID:x', 'BEGIN:VTIMEZONE', 'TZID:Bomb/Zone', 'BEGIN:STANDARD', 'DTSTART:20200101T000000', 'RRULE:FREQ=SECONDLY'];
    lines.push(
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART;TZID=Bomb/Zone:20990616T100000',
      'SUMMARY:T',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    );
    await write(lines.join('\r\n'));
    await open('# Notes\n');
    schedule.lastMessage = undefined;
    const result = await vscode.commands.executeCommand('talkCapture.importSchedule', { source: HOSTILE });
    assert.strictEqual(result, undefined);
    assert.match(
      schedule.lastMessage ?? '',
      /the schedule was not imported: schedule\/hostile-generated\.ics: the time zone 'Bomb\/Zone' cannot be read: its STANDARD rule repeats secondly/,
    );
    const editor = await open('typed');
    assert.strictEqual(editor.document.getText(), 'typed');
  });
});

describe('schedule: the Schedule view at the venue', () => {
  const SIDE = 'schedule/sidecon.ics';
  const SIDE_NOTE = NOTE.replace('date: 2099-03-26\n', `date: 2099-03-26\nschedule: ${SIDE}\n`);
  const slotLabel = (n: ScheduleNode) => (n.kind === 'slot' ? `${n.start.slice(11, 16)}–${n.end.slice(11, 16)}` : n.kind);

  before(async () => (await apis()).schedule.setNow('2099-03-26T10:20:00Z')); // 11:20 in Amsterdam
  afterEach(async () => {
    await endTalk();
    await closeAllEditors();
    (await apis()).schedule.setNow('2099-03-26T10:20:00Z');
  });
  after(async () => {
    (await apis()).schedule.setNow(undefined);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  it('a note’s schedule file never imported here (a browser, a second device) shows, under the conference’s name', async () => {
    const { schedule } = await apis();
    assert.strictEqual(await schedule.store.read(workspaceUri(SIDE).toString(), { storedOnly: true }), undefined, 'no stored copy');
    await open(SIDE_NOTE);
    const { provider, view } = await getApiOf('scheduleView');
    await vscode.commands.executeCommand('talkCapture.schedule.refresh');
    assert.strictEqual((provider as unknown as { key?: string }).key, workspaceUri(SIDE).toString(), 'the note’s file, read from the workspace');
    assert.strictEqual(view.description, 'SideCon Europe 2099', 'the conference’s name, not the calendar’s id (sdcneu2099)');
    assert.deepStrictEqual(
      provider.getChildren().map((d) => provider.getTreeItem(d).label),
      ['Thursday 26 March 2099'],
    );
  });

  it('a day as main-track slots: side sessions folded under their time, a workshop does not stretch its slot, next is the next main slot', async () => {
    await open(SIDE_NOTE);
    const { provider } = await getApiOf('scheduleView');
    await provider.reload();
    const slots = provider.getChildren(provider.getChildren()[0]);
    assert.deepStrictEqual(slots.map(slotLabel), ['11:00–11:30', '11:45–12:15', '12:30–13:00'], 'no slot per demo, none for registration');
    assert.deepStrictEqual(
      slots.map((n) => provider.getTreeItem(n).description),
      ['now · 3 sessions · 4 side', 'next · 2 sessions · 1 side', '1 session'],
      'next is the 11:45 talks, not the 11:40 demo',
    );
    const children = provider.getChildren(slots[0]);
    assert.deepStrictEqual(
      children.map((n) => [provider.getTreeItem(n).label, provider.getTreeItem(n).description]),
      [
        ['Mesh Without Tears', 'Ana Lima · Hall 7 | Room A'],
        ['Quotas for Everyone', 'Bo Chen · Hall 7 | Room B'],
        ['Hands-on Operators', 'Cy Diaz · Hall 8 | Room C · until 12:30'],
        ['4 side sessions', 'Hall 1 Foyer, Solutions Showcase Theater'],
      ],
    );
    const side = children[3];
    assert.strictEqual(provider.getTreeItem(side).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'folded');
    assert.deepStrictEqual(
      provider.getChildren(side).map((n) => `${provider.getTreeItem(n).label as string} · ${provider.getTreeItem(n).description as string}`),
      [
        'Registration & Badge Pick-Up · 08:00 · Hall 1 Foyer',
        'Sponsored Demo: Acme Mesh · 11:00 · Solutions Showcase Theater',
        'Sponsored Demo: Globex Gateways · 11:20 · Solutions Showcase Theater',
        'Sponsored Demo: Hooli Hosting · 11:40 · Solutions Showcase Theater',
      ],
    );
    assert.strictEqual(provider.getParent(provider.getChildren(side)[1]), side);
    assert.strictEqual(provider.getParent(side), slots[0]);
  });

  it('opening the view scrolls to the slot running now without taking the focus; as the clock moves on, the past slot closes and the next is revealed', async () => {
    const { schedule } = await apis();
    const editor = await open(SIDE_NOTE);
    const viewApi = await getApiOf('scheduleView');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.view.extension.talkCapture');
    await waitFor(() => viewApi.view.visible || undefined, 'the Schedule view to show');
    const revealedStart = () => (viewApi.revealed?.kind === 'slot' ? viewApi.revealed.start : undefined);
    await waitFor(() => (revealedStart() === '2099-03-26T11:00:00+01:00' ? true : undefined), 'the slot running now revealed');
    assert.deepStrictEqual(viewApi.view.selection, [], 'nothing selected');
    assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document);
    const firstSlot = () => viewApi.provider.getChildren(viewApi.provider.getChildren()[0])[0];
    assert.strictEqual(viewApi.provider.getTreeItem(firstSlot()).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);

    schedule.setNow('2099-03-26T10:50:00Z'); // 11:50: the 11:00 talks are over
    await vscode.commands.executeCommand('talkCapture.schedule.refresh');
    await waitFor(() => (revealedStart() === '2099-03-26T11:45:00+01:00' ? true : undefined), 'the 11:45 slot revealed');
    const past = viewApi.provider.getTreeItem(firstSlot());
    assert.strictEqual(past.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'the past slot closes');
    assert.match(past.id ?? '', /:past$/, 'under an id of its own, so VS Code does not keep it open');
  });

  it('Start This Talk with the view focused: the heading in the note, the cursor under it, the note’s editor active', async () => {
    const { capture } = await apis();
    const editor = await open(SIDE_NOTE);
    const { provider } = await getApiOf('scheduleView');
    await provider.reload();
    const slot = provider.getChildren(provider.getChildren()[0])[0];
    const mesh = provider.getChildren(slot)[0];
    await vscode.commands.executeCommand('talkCapture.schedule.focus');
    await vscode.commands.executeCommand('talkCapture.schedule.startThisTalk', mesh);
    await waitFor(() => capture.runningTalk?.title === 'Mesh Without Tears', 'the talk to start');
    const text = editor.document.getText();
    assert.ok(text.includes('- opening\n\n### Mesh Without Tears - Ana Lima, Acme\n\n[Session page](https://sdcneu2099.sched.com/event/sc02)\n\n'), text);
    assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document);
    assert.strictEqual(vscode.window.activeTextEditor.selection.active.line, 16);
  });

  it('New Conference Notes… ends with the offer to import the schedule, a step that stays until answered', async () => {
    const { capture } = await apis();
    const restore = await setSetting('notesFolder', 'schedule/offer');
    try {
      const done = vscode.commands.executeCommand('talkCapture.newConferenceNotes');
      await answer('name', 'Offer Summit 2099');
      await answer('date', '2099-03-26');
      await answer('format', pick('YAML'));
      const offer = await waitFor(
        () => (capture.activeStep === 'importSchedule' ? (capture.activeInput as vscode.QuickPick<vscode.QuickPickItem>) : undefined),
        'the import offer',
      );
      assert.deepStrictEqual(
        offer.items.map((i) => i.label),
        ['$(calendar) Import Conference Schedule…', 'Not now'],
      );
      assert.strictEqual(offer.ignoreFocusOut, true, 'clicking elsewhere does not dismiss it');
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup'); // the keyboard elsewhere
      await workbenchCaughtUp();
      assert.strictEqual(capture.activeStep, 'importSchedule', 'still there');
      await answer('importSchedule', pick('Import Conference Schedule'));
      await done;
      await waitFor(() => (capture.activeStep === 'scheduleSource' ? true : undefined), 'Import Conference Schedule… to ask where the schedule is');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    } finally {
      await restore();
      await vscode.workspace.fs.delete(workspaceUri('schedule/offer'), { recursive: true }).then(undefined, () => undefined);
    }
  });
});

describe('schedule: a large schedule is parsed off the editor’s thread', () => {
  const LARGE = 'schedule/large-generated.ics';
  const SESSIONS = 9000;

  /** A Sched-like calendar of `n` sessions over four days in forty rooms (about 1.4 MB). */
  function largeIcs(n: number): string {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Load Test//EN', 'X-WR-TIMEZONE:Europe/Amsterdam'];
    const two = (v: number) => String(v).padStart(2, '0');
    for (let i = 0; i < n; i++) {
      const start = `209903${two(11 + (i % 4))}T${two(8 + (Math.floor(i / 40) % 10))}${two((i % 2) * 30)}00Z`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:large-${i}`,
        `DTSTART:${start}`,
        'DURATION:PT30M',
        `SUMMARY:Generated Talk ${i} - Ada Example\\, Example Corp`,
        `LOCATION:Room ${i % 40}`,
        'END:VEVENT',
      );
    }
    lines.push('END:VCALENDAR', '');
    return lines.join('\r\n');
  }

  afterEach(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(LARGE)).then(undefined, () => undefined);
  });

  it('while a schedule near the caps is imported, edits typed into the note complete before the import does, and every character stays', async function () {
    this.timeout(180000);
    const { schedule } = await apis();
    await vscode.workspace.fs.writeFile(workspaceUri(LARGE), new TextEncoder().encode(largeIcs(SESSIONS)));
    const editor = await open('---\ntitle: "Large"\n---\n\n## Day 1\n\n- ');
    const doc = editor.document;

    let done = false;
    const importing = Promise.resolve(vscode.commands.executeCommand<{ sessions: unknown[] } | undefined>('talkCapture.importSchedule', { source: LARGE })).finally(
      () => (done = true),
    );
    // Type one character at a time at the end of the note until the parse (or the import)
    // ends; count the edits that completed while the schedule was being parsed. An inline
    // parse holds the extension host (this test runs in it too) from its start to its end:
    // none would. (Typing stops with the parse: the import's own edit of the note comes next.)
    let typed = 0;
    let duringParse = 0;
    while (!done && !(duringParse > 0 && schedule.parsing === 0)) {
      const ok = await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, 'x'));
      if (ok) typed++;
      if (ok && schedule.parsing > 0) duringParse++;
    }
    const result = await importing;
    assert.ok(result, schedule.lastMessage);
    assert.strictEqual(result.sessions.length, SESSIONS);
    assert.match(schedule.lastMessage ?? '', /9,?000 sessions/);
    assert.ok(duringParse > 0, `edits that completed while the schedule was parsed: ${duringParse} (of ${typed} before the import ended)`);
    // The import's own edit (the note remembers its schedule) left every typed character in place.
    const text = doc.getText();
    assert.ok(text.includes(`schedule: ${LARGE}`), text.slice(0, 200));
    assert.ok(text.endsWith(`- ${'x'.repeat(typed)}`), `${typed} characters typed: ${JSON.stringify(text.slice(-60))}`);
  });
});
