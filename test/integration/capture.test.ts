/**
 * Live capture in a real VS Code: every command driven like a person would (the quick inputs
 * answered through the real widgets), with the exact text before and after, the cursor, one
 * undo, CRLF, and the talk timer's status bar item.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openFile, openMarkdown, screenshot, setSetting, setText, waitFor, workspaceUri, workbenchCaughtUp } from './helpers';
import { parseNotes } from '../../src/core/notes/parse';
import type { CaptureApi } from '../../src/vscode/api';

const capture = (): Promise<CaptureApi> => getApiOf('capture');

/** Waits for the quick input of `step`, lets `fill` answer it, and accepts (Enter). */
async function answer(step: string, fill: string | ((input: CaptureApi['activeInput'] & object) => void)): Promise<void> {
  const api = await capture();
  const input = await waitFor(() => (api.activeStep === step ? api.activeInput : undefined), `the "${step}" question`);
  await workbenchCaughtUp(); // the widget shows before it is answered
  if (typeof fill === 'string') {
    input.value = fill;
    // As a person would, press Enter once the list shows what was typed as the active item
    // (before that, Enter would take whichever known value was highlighted).
    if ('activeItems' in input && fill) {
      const qp = input as vscode.QuickPick<vscode.QuickPickItem>;
      await waitFor(() => qp.activeItems[0]?.label === fill, `"${fill}" to be the active item`).catch(() => undefined);
    }
  } else fill(input);
  await workbenchCaughtUp(); // the value or the active item has reached the widget
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Waits for the quick input of `step` and presses Escape. */
async function escape(step: string): Promise<void> {
  const api = await capture();
  await waitFor(() => api.activeStep === step && api.activeInput, `the "${step}" question`);
  await workbenchCaughtUp();
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}

/** Picks the item labelled `label` of the quick pick that is showing. */
function pick(label: string) {
  return (input: CaptureApi['activeInput'] & object) => {
    const qp = input as vscode.QuickPick<vscode.QuickPickItem>;
    const item = qp.items.find((i) => i.label === label);
    assert.ok(item, `"${label}" is offered (${qp.items.map((i) => i.label).join(', ')})`);
    qp.activeItems = [item];
  };
}

/** Reverts (discarding changes) and closes every editor, without a save prompt. */
const revertAll = closeAllEditors;

/** Shows the editor's document and waits until the extension host sees it as the active editor. */
async function focus(editor: vscode.TextEditor): Promise<vscode.TextEditor> {
  const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preview: false });
  await waitFor(() => vscode.window.activeTextEditor?.document === editor.document, 'the note to be the active editor');
  return shown;
}

/** A new untitled Markdown note, active. */
async function open(text: string): Promise<vscode.TextEditor> {
  return focus(await openMarkdown(text));
}

async function at(editor: vscode.TextEditor, line: number, character = 0): Promise<void> {
  await focus(editor);
  const p = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(p, p);
}

async function undoTo(editor: vscode.TextEditor, text: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  assert.strictEqual(editor.document.getText(), text, 'one undo restores the note');
}

function cursorOf(editor: vscode.TextEditor): [number, number] {
  return [editor.selection.active.line, editor.selection.active.character];
}

const NOTE = [
  '---',
  'title: "Example Summit"',
  '---',
  '',
  '## Day01',
  '',
  '### Keynote 1: Opening',
  '',
  '- welcome',
  '',
  '### Tracing across queues - Mara Quill, Northwind Labs',
  '',
  '- spans over brokers',
  '',
  '## Day02',
  '',
  '### Cost dashboards - Lee Ortega',
  '',
  '- spot nodes',
  '',
].join('\n');

describe('capture: day and talk headings', () => {
  afterEach(revertAll);

  it('Insert Day Heading adds the next day after the last one, cursor under it; undo restores', async () => {
    const editor = await open(NOTE);
    await at(editor, 8);
    await vscode.commands.executeCommand('talkCapture.insertDayHeading');
    assert.strictEqual(editor.document.getText(), NOTE.replace(/- spot nodes\n$/, '- spot nodes\n\n## Day03\n'));
    assert.deepStrictEqual(cursorOf(editor), [21, 0]);
    assert.strictEqual(editor.document.lineAt(20).text, '## Day03');
    await undoTo(editor, NOTE);
  });

  it('Insert Day Heading follows the note’s own style and the date setting', async () => {
    const restore = await setSetting('day.includeDate', true);
    try {
      const text = '## Day 1 (2031-05-06)\n\n### A talk\n';
      const editor = await open(text);
      await vscode.commands.executeCommand('talkCapture.insertDayHeading');
      assert.strictEqual(editor.document.getText(), '## Day 1 (2031-05-06)\n\n### A talk\n\n## Day 2 (2031-05-07)\n');
    } finally {
      await restore();
    }
  });

  it('Insert Day Heading keeps CRLF line breaks', async () => {
    const editor = await focus(await openFile('capture/crlf.md'));
    const before = editor.document.getText();
    assert.ok(before.includes('\r\n'));
    await vscode.commands.executeCommand('talkCapture.insertDayHeading');
    assert.strictEqual(editor.document.getText(), before + '\r\n## Day02\r\n');
    assert.strictEqual(editor.document.eol, vscode.EndOfLine.CRLF);
    await undoTo(editor, before);
  });

  it('New Talk… asks title, speakers, company and kind, and inserts after the talk under the cursor', async () => {
    const editor = await open(NOTE);
    await at(editor, 8, 3); // in "Keynote 1"
    const done = vscode.commands.executeCommand('talkCapture.newTalk');
    await answer('title', 'Edge caches everywhere');
    await answer('speakers', 'Ada Lovelace & Grace Hopper');
    await answer('company', 'Acme');
    await answer('kind', pick('Talk'));
    await done;
    const lines = NOTE.split('\n');
    lines.splice(9, 0, '', '### Edge caches everywhere - Ada Lovelace & Grace Hopper, Acme', '');
    assert.strictEqual(editor.document.getText(), lines.join('\n'));
    assert.deepStrictEqual(cursorOf(editor), [11, 0], 'the cursor is on the first body line');
    assert.strictEqual(editor.document.lineAt(10).text, '### Edge caches everywhere - Ada Lovelace & Grace Hopper, Acme');
    await undoTo(editor, NOTE);
  });

  it('New Talk… numbers a keynote within its day and drops empty parts', async () => {
    const editor = await open(NOTE);
    await at(editor, 4); // on the day heading: at the end of the day's talks
    const done = vscode.commands.executeCommand('talkCapture.newTalk');
    await answer('title', 'Community awards');
    await answer('speakers', '');
    await answer('company', '');
    await answer('kind', pick('Keynote'));
    await done;
    assert.strictEqual(editor.document.getText(), NOTE.replace('- spans over brokers\n', '- spans over brokers\n\n### Keynote 2: Community awards\n\n'));
    assert.deepStrictEqual(cursorOf(editor), [15, 0]);
  });

  it('New Talk… offers the speakers and companies of the workspace’s notes', async () => {
    const editor = await open('## Day01\n\n### First - Ada\n');
    await at(editor, 2);
    const api = await capture();
    const done = vscode.commands.executeCommand('talkCapture.newTalk');
    await answer('title', 'Quieter alerts');
    const speakers = await waitFor(
      () => api.activeStep === 'speakers' && (api.activeInput as vscode.QuickPick<vscode.QuickPickItem>).items.some((i) => i.label === 'Mara Quill') && api.activeInput,
      'Mara Quill among the speakers offered',
    );
    const labels = (speakers as vscode.QuickPick<vscode.QuickPickItem>).items.map((i) => i.label);
    assert.ok(labels.indexOf('Mara Quill') < labels.indexOf('Ivo Brandt'), `the most frequent first: ${labels.join(', ')}`);
    await answer('speakers', pick('Mara Quill'));
    await waitFor(
      () => api.activeStep === 'company' && (api.activeInput as vscode.QuickPick<vscode.QuickPickItem>).items.some((i) => i.label === 'Northwind Labs'),
      'Northwind Labs among the companies',
    );
    await answer('company', pick('Northwind Labs'));
    await answer('kind', pick('Lightning Talk'));
    await done;
    assert.strictEqual(editor.document.getText(), '## Day01\n\n### First - Ada\n\n### Lightning Talk: Quieter alerts - Mara Quill, Northwind Labs\n');
  });

  it('New Talk… offers each company of a heading with several on its own', async () => {
    const editor = await open('## Day01\n\n### Shared caches - Quorra Vale & Bram Oster, Lumenfield, Orbitwise\n');
    await at(editor, 2);
    const api = await capture();
    const done = vscode.commands.executeCommand('talkCapture.newTalk');
    await answer('title', 'Second look');
    await answer('speakers', 'Quorra Vale');
    const box = await waitFor(
      () => api.activeStep === 'company' && (api.activeInput as vscode.QuickPick<vscode.QuickPickItem>).items.some((i) => i.label === 'Lumenfield') && api.activeInput,
      'Lumenfield among the companies',
    );
    const labels = (box as vscode.QuickPick<vscode.QuickPickItem>).items.map((i) => i.label);
    assert.ok(labels.includes('Orbitwise'), `each company on its own: ${labels.join(' | ')}`);
    assert.ok(!labels.some((l) => l.includes('Lumenfield,')), `never the list as one company: ${labels.join(' | ')}`);
    await answer('company', pick('Orbitwise'));
    await answer('kind', pick('Talk'));
    await done;
    assert.strictEqual(editor.document.lineAt(4).text, '### Second look - Quorra Vale, Orbitwise');
  });

  it('New Talk… places the heading in the note as it is when answered (typing meanwhile is kept)', async () => {
    const editor = await open(NOTE);
    await at(editor, 8);
    const done = vscode.commands.executeCommand('talkCapture.newTalk');
    await answer('title', 'Late arrival');
    await waitFor(() => (async () => (await capture()).activeStep === 'speakers')(), 'the speakers question');
    // The person adds a line above while the questions are open.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'typed meanwhile\n')));
    await answer('speakers', '');
    await answer('company', '');
    await answer('kind', pick('Talk'));
    await done;
    const lines = NOTE.split('\n');
    lines.splice(5, 0, 'typed meanwhile');
    lines.splice(10, 0, '', '### Late arrival', '');
    assert.strictEqual(editor.document.getText(), lines.join('\n'));
    assert.deepStrictEqual(cursorOf(editor), [12, 0]);
  });

  it('New Talk… inserts nothing when Escape is pressed at any step', async () => {
    const editor = await open(NOTE);
    await at(editor, 8);
    const version = editor.document.version;
    for (const stop of ['title', 'speakers', 'company', 'kind']) {
      const done = vscode.commands.executeCommand('talkCapture.newTalk');
      for (const step of ['title', 'speakers', 'company', 'kind']) {
        if (step === stop) break;
        await answer(step, step === 'kind' ? pick('Talk') : 'X');
      }
      await escape(stop);
      await done;
      assert.strictEqual(editor.document.getText(), NOTE, `Escape at ${stop}`);
      assert.strictEqual(editor.document.version, version, 'not even an edit that was undone');
    }
  });

  it('New Talk… refuses an empty title and keeps asking', async () => {
    const editor = await open('## Day01\n');
    const api = await capture();
    const done = vscode.commands.executeCommand('talkCapture.newTalk');
    await answer('title', '   ');
    await waitFor(() => (api.activeInput as vscode.InputBox | undefined)?.validationMessage, 'the reason the title is refused');
    assert.strictEqual(api.activeStep, 'title', 'still on the title');
    assert.match((api.activeInput as vscode.InputBox).validationMessage as string, /title/);
    await answer('title', 'Named at last');
    await answer('speakers', '');
    await answer('company', '');
    await answer('kind', pick('Talk'));
    await done;
    assert.strictEqual(editor.document.getText(), '## Day01\n\n### Named at last\n');
  });

  it('gives a clear message and edits nothing in a non-Markdown editor', async () => {
    const editor = await focus(await openFile('capture/plain.txt'));
    const before = editor.document.getText();
    for (const command of ['talkCapture.insertDayHeading', 'talkCapture.insertTodoLink', 'talkCapture.toggleHiddenDraft', 'talkCapture.nextTodo', 'talkCapture.resolveTodoLink']) {
      await vscode.commands.executeCommand(command);
      assert.strictEqual(editor.document.getText(), before, command);
    }
    const api = await capture();
    await vscode.commands.executeCommand('talkCapture.newTalk');
    assert.strictEqual(api.activeStep, undefined, 'no question is asked');
    assert.strictEqual(editor.document.getText(), before);
  });
});

describe('capture: the talk timer', () => {
  afterEach(async () => {
    const api = await capture();
    if (api.runningTalk) await vscode.commands.executeCommand('talkCapture.endTalk');
    await revertAll();
  });

  it('Start Talk Now inserts the heading and counts up in the status bar; reveal and End work', async () => {
    const restore = await setSetting('talk.includeTime', true);
    try {
      const api = await capture();
      const editor = await open(NOTE);
      await at(editor, 18);
      const done = vscode.commands.executeCommand('talkCapture.startTalk');
      await answer('title', 'Wide events in practice');
      await answer('speakers', 'Pia Sol');
      await answer('company', 'Example Co');
      await answer('kind', pick('Talk'));
      await done;
      const heading = editor.document.lineAt(20).text;
      assert.match(heading, /^### \d\d:\d\d Wide events in practice - Pia Sol, Example Co$/);
      assert.strictEqual(editor.document.getText(), NOTE.replace(/- spot nodes\n$/, `- spot nodes\n\n${heading}\n`));
      assert.deepStrictEqual(cursorOf(editor), [21, 0]);

      assert.ok(api.runningTalk, 'a talk is running');
      assert.strictEqual(api.runningTalk.title, 'Wide events in practice');
      const bar = api.statusBarItem;
      assert.ok(bar, 'the talk timer has a status bar item');
      assert.strictEqual(bar.command, 'talkCapture.revealRunningTalk');
      assert.match(bar.text, /^\$\(record\) Wide events in practice 00:0\d$/);
      const first = bar.text;
      await waitFor(() => bar.text !== first, 'the timer to count up', 3000);
      assert.match(bar.text, /^\$\(record\) Wide events in practice 00:0[1-3]$/);

      // Some notes under the talk, then a screenshot of a note being captured.
      await editor.edit((b) =>
        b.insert(new vscode.Position(21, 0), '- traces and logs in one event\n- slides: [slides](TODO)\n\n[//]: # (ask about the sampling costs)\n- sampling at the tail'),
      );
      await screenshot('capture');

      // Switching editors does not stop it; clicking the item brings the talk back.
      const other = await open('# Elsewhere\n');
      assert.strictEqual(vscode.window.activeTextEditor?.document, other.document);
      assert.ok(api.runningTalk, 'still running after switching editors');
      await vscode.commands.executeCommand(bar.command as string);
      const back = vscode.window.activeTextEditor;
      assert.strictEqual(back?.document, editor.document, 'the talk’s note is active again');
      assert.deepStrictEqual(cursorOf(back!), [25, '- sampling at the tail'.length], 'at the end of the talk’s notes');

      await vscode.commands.executeCommand('talkCapture.endTalk');
      assert.strictEqual(api.runningTalk, undefined);
      assert.strictEqual(api.statusText?.(), undefined);
    } finally {
      await restore();
    }
  });

  it('one talk at a time: starting another ends the first; the heading is found after edits above it', async () => {
    const api = await capture();
    const editor = await open(NOTE);
    await at(editor, 12);
    let done = vscode.commands.executeCommand('talkCapture.startTalk');
    await answer('title', 'First one');
    await answer('speakers', '');
    await answer('company', '');
    await answer('kind', pick('Talk'));
    await done;
    assert.strictEqual(api.runningTalk?.title, 'First one');
    assert.strictEqual(api.runningTalk?.line, 14);
    // Lines added above the heading move it down.
    await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'extra line\nanother\n'));
    assert.strictEqual(api.runningTalk?.line, 16);
    await vscode.commands.executeCommand('talkCapture.revealRunningTalk');
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 16, 'on the (empty) body line under the heading, the heading itself when there is no body');

    await at(editor, 3);
    done = vscode.commands.executeCommand('talkCapture.startTalk');
    await answer('title', 'Second one');
    await answer('speakers', '');
    await answer('company', '');
    await answer('kind', pick('Talk'));
    await done;
    assert.strictEqual(api.runningTalk?.title, 'Second one');
    assert.match(api.statusBarItem?.text ?? '', /Second one 00:0\d$/);
  });

  it('Start Talk Now writes the start time where the talk heading format has {time}, and none without it', async () => {
    const api = await capture();
    const editor = await open(NOTE);
    const startTalk = async (title: string) => {
      const done = vscode.commands.executeCommand('talkCapture.startTalk');
      await answer('title', title);
      await answer('speakers', 'Pia Sol');
      await answer('company', '');
      await answer('kind', pick('Talk'));
      await done;
      assert.strictEqual(api.runningTalk?.title, title);
      return editor.document.lineAt(api.runningTalk.line).text;
    };
    const restore = await setSetting('talkHeadingFormat', '### {title} ({time}) - {speakers}');
    try {
      await at(editor, 12);
      assert.match(await startTalk('Timed'), /^### Timed \(\d\d:\d\d\) - Pia Sol$/);
    } finally {
      await restore();
    }
    await at(editor, 3);
    assert.strictEqual(await startTalk('Untimed'), '### Untimed - Pia Sol', 'the default format has no {time}, and talk.includeTime is off');
  });

  it('Start Talk Now with Escape starts nothing', async () => {
    const api = await capture();
    const editor = await open(NOTE);
    const done = vscode.commands.executeCommand('talkCapture.startTalk');
    await answer('title', 'Never mind');
    await escape('speakers');
    await done;
    assert.strictEqual(api.runningTalk, undefined);
    assert.strictEqual(editor.document.getText(), NOTE);
  });
});

describe('capture: TODO links', () => {
  afterEach(revertAll);

  it('Insert TODO Link inserts the placeholder (the selection as its text); undo restores', async () => {
    const text = '### T\n\n- slides: \n- the recording\n';
    const editor = await open(text);
    await at(editor, 2, 10);
    await vscode.commands.executeCommand('talkCapture.insertTodoLink');
    assert.strictEqual(editor.document.getText(), '### T\n\n- slides: [slides](TODO)\n- the recording\n');
    assert.deepStrictEqual(cursorOf(editor), [2, 24]);
    await undoTo(editor, text);
    editor.selection = new vscode.Selection(3, 2, 3, 15);
    await vscode.commands.executeCommand('talkCapture.insertTodoLink');
    assert.strictEqual(editor.document.getText(), '### T\n\n- slides: \n- [the recording](TODO)\n');
  });

  it('Insert TODO Link follows talkCapture.todoLinkFormat', async () => {
    const restore = await setSetting('todoLinkFormat', '[{text}]()');
    try {
      const editor = await open('x \n');
      await at(editor, 0, 2);
      await vscode.commands.executeCommand('talkCapture.insertTodoLink');
      assert.strictEqual(editor.document.getText(), 'x [slides]()\n');
    } finally {
      await restore();
    }
  });

  it('Resolve TODO Link… fills the placeholder under the cursor (pre-filled from the clipboard outside a browser)', async () => {
    const text = '### T\n\n- the slides: [slides](TODO) and more\n';
    const editor = await open(text);
    await at(editor, 2, 20);
    await vscode.env.clipboard.writeText('https://example.com/slides.pdf');
    const api = await capture();
    const done = vscode.commands.executeCommand('talkCapture.resolveTodoLink');
    const box = await waitFor(() => (api.activeStep === 'url' ? (api.activeInput as vscode.InputBox) : undefined), 'the URL question');
    if (vscode.env.uiKind === vscode.UIKind.Web) {
      // In a browser the clipboard is not read (it would ask for a permission and show an error).
      assert.strictEqual(box.value, '', 'no clipboard read in a browser');
      await answer('url', 'https://example.com/slides.pdf');
    } else {
      assert.strictEqual(box.value, 'https://example.com/slides.pdf', 'pre-filled from the clipboard');
      await answer('url', (b) => void b);
    }
    await done;
    assert.strictEqual(editor.document.getText(), '### T\n\n- the slides: [slides](https://example.com/slides.pdf) and more\n');
    await undoTo(editor, text);
  });

  it('Resolve TODO Link… replaces only the destination of a placeholder with a title or in angle brackets', async () => {
    const editor = await open('### T\n\n- [slides](TODO "the deck") after the break\n- [video](<TODO>) later\n');
    await capture();
    await at(editor, 2, 5);
    let done = vscode.commands.executeCommand('talkCapture.resolveTodoLink');
    await answer('url', 'https://example.com/deck.pdf');
    await done;
    await at(editor, 3, 5);
    done = vscode.commands.executeCommand('talkCapture.resolveTodoLink');
    await answer('url', 'https://example.com/video');
    await done;
    assert.strictEqual(editor.document.getText(), '### T\n\n- [slides](https://example.com/deck.pdf "the deck") after the break\n- [video](<https://example.com/video>) later\n');
  });

  it('Resolve TODO Link… validates the URL and turns (link) and TODO lines into links', async () => {
    const text = "The handbook (link)\n\nTODO: will add link when it's published\n";
    const editor = await open(text);
    await vscode.env.clipboard.writeText('not a url');
    const api = await capture();
    await at(editor, 0, 15);
    let done = vscode.commands.executeCommand('talkCapture.resolveTodoLink');
    await answer('url', (b) => assert.strictEqual(b.value, '', 'no pre-fill from a clipboard that holds no URL'));
    await answer('url', 'example.com/handbook');
    await waitFor(() => (api.activeInput as vscode.InputBox | undefined)?.validationMessage, 'the reason the URL is refused');
    assert.strictEqual(api.activeStep, 'url', 'an invalid URL is refused');
    assert.match((api.activeInput as vscode.InputBox).validationMessage as string, /URL/);
    await answer('url', 'https://example.com/handbook');
    await done;
    await at(editor, 2, 3);
    done = vscode.commands.executeCommand('talkCapture.resolveTodoLink');
    await answer('url', 'https://example.com/recording');
    await done;
    // A TODO marker whose words are a sentence ("will add link…") becomes a link named `link`, never bare URL text.
    assert.strictEqual(editor.document.getText(), 'The handbook [link](https://example.com/handbook)\n\n[link](https://example.com/recording)\n');
  });

  it('Resolve TODO Link… from the TODO Links view element edits that note', async () => {
    const relative = 'capture/todo-view.md';
    const uri = workspaceUri(relative);
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    const todo = parseNotes(before).todos.find((t) => t.text === '[slides](TODO)');
    assert.ok(todo, 'the fixture has the placeholder');
    await open('# another note is active\n');
    const done = vscode.commands.executeCommand('talkCapture.resolveTodoLink', { kind: 'todo', uri, todo, talk: 'Cost dashboards' });
    await answer('url', 'https://example.com/cost-slides');
    await done;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc, 'the note was opened');
    assert.strictEqual(doc.getText(), before.replace('[slides](TODO)', '[slides](https://example.com/cost-slides)'));
    assert.strictEqual(vscode.window.activeTextEditor?.document, doc, 'and shown');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before);
  });

  it('Resolve TODO Link… with Escape changes nothing', async () => {
    const text = '- [slides]()\n';
    const editor = await open(text);
    await at(editor, 0, 4);
    const done = vscode.commands.executeCommand('talkCapture.resolveTodoLink');
    await escape('url');
    await done;
    assert.strictEqual(editor.document.getText(), text);
  });

  it('Go to Next/Previous TODO selects each item, round the ends', async () => {
    const editor = await open('a [slides](TODO)\n\nb (link)\n\nTODO: check\n');
    await at(editor, 0, 0);
    const sel = () => editor.document.getText(editor.selection);
    await vscode.commands.executeCommand('talkCapture.nextTodo');
    assert.strictEqual(sel(), '[slides](TODO)');
    await vscode.commands.executeCommand('talkCapture.nextTodo');
    assert.strictEqual(sel(), '(link)');
    await vscode.commands.executeCommand('talkCapture.nextTodo');
    assert.strictEqual(sel(), 'TODO: check');
    await vscode.commands.executeCommand('talkCapture.nextTodo');
    assert.strictEqual(sel(), '[slides](TODO)', 'round to the first');
    await vscode.commands.executeCommand('talkCapture.previousTodo');
    assert.strictEqual(sel(), 'TODO: check', 'round to the last');
    assert.strictEqual(editor.selection.start.line, 4);
  });

  it('Go to Next TODO passes over hidden drafts (a TODO inside one too) unless talkCapture.todos.includeHiddenDrafts', async () => {
    const editor = await open('a (link)\n\n[//]: # (TODO ask about the quota)\n\nTODO: check\n');
    await at(editor, 0, 0);
    const sel = () => editor.document.getText(editor.selection);
    await vscode.commands.executeCommand('talkCapture.nextTodo');
    assert.strictEqual(sel(), '(link)');
    await vscode.commands.executeCommand('talkCapture.nextTodo');
    assert.strictEqual(sel(), 'TODO: check', 'the hidden note is not a TODO');
    const restore = await setSetting('todos.includeHiddenDrafts', true);
    try {
      await at(editor, 0, 0);
      await vscode.commands.executeCommand('talkCapture.nextTodo');
      assert.strictEqual(sel(), '(link)');
      await vscode.commands.executeCommand('talkCapture.nextTodo');
      assert.strictEqual(sel(), 'TODO ask about the quota', 'with the setting on, the hidden note is one of them');
      await vscode.commands.executeCommand('talkCapture.nextTodo');
      assert.strictEqual(sel(), 'TODO: check');
    } finally {
      await restore();
    }
  });
});

describe('capture: hidden drafts', () => {
  afterEach(revertAll);

  it('Toggle Hidden Draft hides the selected lines and shows them again, exactly; each is one undo', async () => {
    const text = '### T\n\n- a point (with parens)\n\n- another\nlast\n';
    const editor = await open(text);
    editor.selection = new vscode.Selection(2, 3, 4, 2);
    assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document);
    await vscode.commands.executeCommand('talkCapture.toggleHiddenDraft');
    const hidden = '### T\n\n[//]: # (- a point \\(with parens\\))\n[//]: # ()\n[//]: # (- another)\nlast\n';
    assert.strictEqual(editor.document.getText(), hidden);
    await vscode.commands.executeCommand('talkCapture.toggleHiddenDraft');
    assert.strictEqual(editor.document.getText(), text);
    await undoTo(editor, hidden);
    await undoTo(editor, text);
  });

  it('Toggle Hidden Draft works on the cursor line and keeps CRLF', async () => {
    const editor = await focus(await openFile('capture/crlf.md'));
    const before = editor.document.getText();
    await at(editor, 8, 2);
    await vscode.commands.executeCommand('talkCapture.toggleHiddenDraft');
    assert.strictEqual(editor.document.getText(), before.replace('- a point\r\n', '[//]: # (- a point)\r\n'));
    await vscode.commands.executeCommand('talkCapture.toggleHiddenDraft');
    assert.strictEqual(editor.document.getText(), before);
  });

  it('Toggle Hidden Draft right below paragraph text puts the blank line in itself (CRLF kept), one undo; showing again is exact', async () => {
    const editor = await focus(await openFile('capture/crlf.md'));
    const before = editor.document.getText();
    assert.ok(before.includes('- a point\r\n'), 'the fixture has the point');
    await setText(editor, before.replace('- a point\r\n', 'Some paragraph text\r\nan idea for later\r\n'));
    const glued = editor.document.getText();
    await at(editor, 9, 3);
    await vscode.commands.executeCommand('talkCapture.toggleHiddenDraft');
    const hidden = glued.replace('Some paragraph text\r\nan idea for later\r\n', 'Some paragraph text\r\n\r\n[//]: # (an idea for later)\r\n');
    assert.strictEqual(editor.document.getText(), hidden);
    assert.strictEqual(editor.selection.active.line, 10, 'the cursor stays on the hidden line');
    await vscode.commands.executeCommand('talkCapture.toggleHiddenDraft');
    assert.strictEqual(
      editor.document.getText(),
      glued.replace('Some paragraph text\r\nan idea for later\r\n', 'Some paragraph text\r\n\r\nan idea for later\r\n'),
      'shown again exactly, the blank line kept',
    );
    await undoTo(editor, hidden);
    await undoTo(editor, glued); // one undo takes back the blank line and the hidden line together
  });
});

describe('capture: New Conference Notes…', () => {
  afterEach(revertAll);

  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = (d: Date) => {
    const off = -d.getTimezoneOffset();
    return `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  };

  it('creates the note in talkCapture.notesFolder with front matter and the first day, never overwriting', async function () {
    this.timeout(60_000); // eight questions on a busy machine
    const restoreFolder = await setSetting('notesFolder', 'capture/posts');
    const restoreFormat = await setSetting('frontMatter.format', 'toml');
    try {
      const api = await capture();
      let done = vscode.commands.executeCommand('talkCapture.newConferenceNotes');
      await answer('name', 'Example Summit 2031');
      await answer('date', (b) => {
        const today = new Date();
        assert.strictEqual(b.value, `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`, 'today by default');
        b.value = '2031-05-06';
      });
      await answer('format', (qp) => {
        const active = (qp as vscode.QuickPick<vscode.QuickPickItem>).activeItems[0];
        assert.strictEqual(active?.label, 'TOML', 'the setting’s format is the default');
      });
      await answer('importSchedule', 'Not now');
      await done;
      const created = api.lastCreatedNote;
      assert.ok(created);
      assert.strictEqual(created.toString(), workspaceUri('capture/posts/example-summit-2031.md').toString());
      const text = fs.readFileSync(created.fsPath, 'utf8');
      const m = /^date = (2031-05-06T\d\d:\d\d:\d\d([+-]\d\d:\d\d))$/m.exec(text);
      assert.ok(m, text);
      assert.strictEqual(m[2], offset(new Date(m[1])), 'the local UTC offset of that date');
      assert.strictEqual(text, `+++\ntitle = "Example Summit 2031"\ndate = ${m[1]}\ndescription = ""\ntoc = true\ncategories = []\ntags = []\ndraft = true\n+++\n\n## Day01\n`);
      const editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor?.document.uri.toString(), created.toString(), 'the new note is open');
      assert.deepStrictEqual(cursorOf(editor!), [11, 0], 'the cursor right under the first day');

      // The same name again: a new file next to it, the first one untouched.
      done = vscode.commands.executeCommand('talkCapture.newConferenceNotes');
      await answer('name', 'Example Summit 2031');
      await answer('date', '2031-05-06');
      await answer('format', pick('YAML'));
      await answer('importSchedule', 'Not now');
      await done;
      assert.strictEqual(api.lastCreatedNote?.toString(), workspaceUri('capture/posts/example-summit-2031-2.md').toString());
      assert.strictEqual(fs.readFileSync(created.fsPath, 'utf8'), text, 'never overwritten');
      assert.match(fs.readFileSync(api.lastCreatedNote!.fsPath, 'utf8'), /^---\ntitle: "Example Summit 2031"\ndate: 2031-05-06T/);
    } finally {
      await restoreFormat();
      await restoreFolder();
    }
  });

  it('refuses a date that is not YYYY-MM-DD, and Escape writes nothing', async () => {
    const restoreFolder = await setSetting('notesFolder', 'capture/escaped');
    try {
      const api = await capture();
      const done = vscode.commands.executeCommand('talkCapture.newConferenceNotes');
      await answer('name', 'Never written');
      await answer('date', '6 May 2031');
      await waitFor(() => (api.activeInput as vscode.InputBox | undefined)?.validationMessage, 'the reason the date is refused');
      assert.strictEqual(api.activeStep, 'date');
      assert.match((api.activeInput as vscode.InputBox).validationMessage as string, /YYYY-MM-DD/);
      await escape('date');
      await done;
      assert.strictEqual(fs.existsSync(workspaceUri('capture/escaped').fsPath), false);
    } finally {
      await restoreFolder();
    }
  });

  it('is the Talks view’s welcome button', () => {
    const pkg = vscode.extensions.getExtension('talkcapture.talk-capture')!.packageJSON as { contributes: { viewsWelcome: Array<{ view: string; contents: string }> } };
    const welcome = pkg.contributes.viewsWelcome.find((w) => w.view === 'talkCapture.talks');
    assert.ok(welcome?.contents.includes('(command:talkCapture.newConferenceNotes)'));
  });
});

describe('capture: snippets', () => {
  afterEach(revertAll);

  async function expand(prefix: string, text = ''): Promise<vscode.TextEditor> {
    const editor = await open(text + prefix);
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === prefix && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(item, `the "${prefix}" snippet is offered`);
    assert.ok(item.insertText instanceof vscode.SnippetString);
    const range = new vscode.Range(end.translate(0, -prefix.length), end);
    await editor.insertSnippet(item.insertText, range);
    return editor;
  }

  it('offers the talk, day and hidden-note snippets and expands them with their tab stops', async () => {
    let editor = await expand('talk', '## Day01\n\n');
    assert.strictEqual(editor.document.getText(), '## Day01\n\n### Title - Speaker, Company\n');
    assert.strictEqual(editor.document.getText(editor.selection), 'Title', 'the first tab stop is selected');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.strictEqual(editor.document.getText(editor.selection), 'Speaker');
    await revertAll();

    editor = await expand('hidden');
    assert.strictEqual(editor.document.getText(), '[//]: # (note to self)');
    await revertAll();

    editor = await expand('keynote');
    assert.strictEqual(editor.document.getText(), '### Keynote 1: Title\n');
  });

  it('fills the date variables of the front matter snippet', async () => {
    const editor = await expand('fmyaml');
    const text = editor.document.getText();
    assert.match(
      text,
      /^---\ntitle: "KubeCon \d{4}"\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d\ndescription: ""\ntoc: true\ncategories: \[\]\ntags: \[\]\ndraft: true\n---\n\n## Day01\n$/,
    );
  });
});
