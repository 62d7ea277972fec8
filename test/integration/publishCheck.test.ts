import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openFile, screenshot, setSetting, waitFor } from './helpers';

const SOURCE = 'Talk Capture publish check';
/** The live project hints (unlinked mentions, typos) of projectDiagnostics.ts. */
const HINTS_SOURCE = 'Talk Capture';

/** Reverts (discarding changes) and closes every editor, without a save prompt. */
const revertAll = closeAllEditors;

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** The publish check's diagnostics of a document as `line:col kind severity` (1-based). */
function problems(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${SEVERITY[d.severity]}`);
}

describe('publish check', () => {
  afterEach(revertAll);

  it('lists the problems of a YAML note in the Problems panel, with a summary', async () => {
    const api = { publishCheck: await getApiOf('publishCheck') };
    const editor = await openFile('frontmatter/todo-note.md');
    await vscode.commands.executeCommand('talkCapture.checkNotes');
    assert.deepStrictEqual(problems(editor.document.uri), [
      '1:1 tags info',
      '4:8 draft warning',
      '5:1 tags info',
      '14:11 placeholder warning',
      '15:3 todo warning',
      '16:18 bad-link warning',
      '18:1 empty-talk warning',
    ]);
    // The unlinked mention counts in the summary but is listed once: by the live project hint,
    // which carries the quick fix.
    await waitFor(
      () => vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.source === HINTS_SOURCE && d.range.start.line === 12 && d.range.start.character === 51),
      'the project hint on line 13',
    );
    const todo = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.code === 'todo')!;
    assert.strictEqual(todo.message, 'Unresolved TODO: TODO: add the recording when it is published');
    assert.strictEqual(editor.document.getText(todo.range), 'TODO: add the recording when it is published');
    assert.strictEqual(
      api.publishCheck.lastSummary,
      'Talk Capture: 5 things to fix before publishing: 1 TODO, 1 placeholder link, 1 empty talk, 1 link without an http(s) URL, draft still true; 3 hints: 1 unlinked project mention, 2 tag fields missing linked projects. See the Problems panel.',
    );
    const shot = await screenshot('publish-check');
    if (shot) console.log(`      screenshot: ${shot}`);
  });

  it('keeps the problems current while editing (debounced), and after Toggle Draft', async () => {
    const api = { publishCheck: await getApiOf('publishCheck') };
    const editor = await openFile('frontmatter/todo-note.md');
    const doc = editor.document;
    const key = doc.uri.toString();
    await vscode.commands.executeCommand('talkCapture.checkNotes');
    assert.ok(problems(doc.uri).some((p) => p.includes(' todo ')));
    const runs = api.publishCheck.runs[key];

    // Resolve the TODO in three quick edits: one check after the typing stops.
    const line = doc.lineAt(14);
    assert.ok(line.text.startsWith('* TODO: add the recording'));
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(14, 2, 14, 8), '')));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(14, 2), 'Recording: ')));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(14, doc.lineAt(14).text.length), '.')));
    await waitFor(() => !problems(doc.uri).some((p) => p.includes(' todo ')), 'the TODO problem to go away');
    await waitFor(() => api.publishCheck.checkedVersion[key] === doc.version, 'the check of the last edit');
    // Debounced: never a check per edit and more. (How many of the three edits fall in one
    // debounce window depends on the machine's load, so the exact count is not asserted.)
    const after = api.publishCheck.runs[key];
    assert.ok(after > runs && after <= runs + 3, `${after - runs} checks for a burst of 3 edits`);

    await vscode.commands.executeCommand('talkCapture.toggleDraft');
    await waitFor(() => !problems(doc.uri).some((p) => p.includes(' draft ')), 'the draft problem to go away');
    assert.deepStrictEqual(problems(doc.uri), ['1:1 tags info', '5:1 tags info', '14:11 placeholder warning', '16:18 bad-link warning', '18:1 empty-talk warning']);
  });

  it('lists unlinked mentions itself when the live project hints are off', async () => {
    const restore = await setSetting('diagnostics.unlinkedProjects', false);
    try {
      const editor = await openFile('frontmatter/todo-note.md');
      await vscode.commands.executeCommand('talkCapture.checkNotes');
      assert.ok(problems(editor.document.uri).includes('13:52 unlinked-project info'), problems(editor.document.uri).join(', '));
    } finally {
      await restore();
    }
  });

  it('says a clean TOML note is ready, and shows nothing', async () => {
    const api = { publishCheck: await getApiOf('publishCheck') };
    const editor = await openFile('frontmatter/clean-toml.md');
    await vscode.commands.executeCommand('talkCapture.checkNotes');
    assert.deepStrictEqual(problems(editor.document.uri), []);
    assert.match(api.publishCheck.lastSummary ?? '', /ready to publish/);
  });

  it('reports a TOML draft and broken YAML front matter with its line', async () => {
    const toml = await openFile('frontmatter/draft-toml.md');
    await vscode.commands.executeCommand('talkCapture.checkNotes');
    assert.deepStrictEqual(problems(toml.document.uri), ['4:9 draft warning']);
    const yaml = await openFile('frontmatter/broken-yaml.md');
    await vscode.commands.executeCommand('talkCapture.checkNotes');
    assert.deepStrictEqual(problems(yaml.document.uri), ['5:1 front-matter error']);
    assert.match(vscode.languages.getDiagnostics(yaml.document.uri)[0].message, /line 5: duplicate key `tags`/);
  });
});
