import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openMarkdown, waitFor } from './helpers';

/** A conference note of exactly `lines` lines: days, talks with bylines, prose naming projects, links and TODO items. */
function note(lines: number): string {
  const out = ['---', 'title: "Invented Summit: notes"', 'date: 2099-03-26', 'tags: [conference]', '---', ''];
  for (let day = 1; out.length < lines; day++) {
    out.push(`## Day0${day}`, '');
    for (let t = 1; t <= 20 && out.length < lines; t++) {
      out.push(`### Talk ${day}.${t}: scaling things - Ana Lima, Acme`, '');
      for (let p = 0; p < 5; p++) {
        out.push(`We ran Prometheus and [Thanos](https://thanos.io/) for ${t * p} days; Envoy in front, Jaeger traces after it.`);
        out.push(`- TODO: add the slides of part ${p}`, `- Kubernetes ${day}.${t}.${p} notes, with \`code\` and a link (link)`, '');
      }
    }
  }
  return out.slice(0, lines).join('\n');
}

describe('one analysis per note version', function () {
  this.timeout(120_000);
  after(closeAllEditors);

  it('a one-line edit of a 3,000-line note with the Talks view open and the live check on: one block scan, one model build, one mention pass', async () => {
    const analysis = await getApiOf('analysis');
    const talks = await getApiOf('talksView');
    const check = await getApiOf('publishCheck');
    const hints = await getApiOf('projectDiagnostics');
    const editor = await openMarkdown(note(3000));
    const doc = editor.document;
    const key = doc.uri.toString();
    assert.strictEqual(doc.lineCount, 3000);
    await vscode.commands.executeCommand('talkCapture.talks.focus');
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor(() => talks.provider.doc === doc && talks.provider.getChildren().length > 0, 'the Talks view to show the note');
    // The TODO Links view has read the workspace's notes (once, when first shown): from now on it reads the note that changes.
    const todos = await getApiOf('todosView');
    await todos.rescan();
    // The check, once asked, stays current while editing (talkCapture.check.live).
    await vscode.commands.executeCommand('talkCapture.checkNotes', { quiet: true });
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'Talk Capture'), 'the project hints');

    // Done with a version: the features that react to edits on their own (debounced) say which
    // version they last handled. The Talks view builds at the version its tree is read at.
    const caughtUp = () => check.checkedVersion[key] === doc.version && hints.hintedVersion(doc.uri) === doc.version;
    await waitFor(caughtUp, 'the features to finish with the first version', 30_000);

    const generation = talks.provider.generation;
    analysis.reset();
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1500, doc.lineAt(1500).text.length), ' Linkerd too')));
    // Every feature takes its turn at the new version: the Talks view, the hints, the live check, completion and hover.
    await waitFor(() => talks.provider.generation > generation && caughtUp(), 'the views, hints and check to refresh', 30_000);
    await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1500, 4));
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(1500, doc.lineAt(1500).text.length - 6));

    const n = analysis.counters();
    assert.deepStrictEqual(
      { blockScans: n.blockScans, modelBuilds: n.modelBuilds, inlineScans: n.inlineScans, mentionPasses: n.mentionPasses },
      { blockScans: 1, modelBuilds: 1, inlineScans: 1, mentionPasses: 1 },
      JSON.stringify(n),
    );
    assert.ok(analysis.cached() >= 1);
  });
});
