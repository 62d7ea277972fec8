/**
 * CNCF project linking in a real VS Code: completion while typing, Insert Project Link, Link
 * Project Mentions (with and without the confirmation list, one undo step), hover, diagnostics
 * with quick fixes, and Update Landscape Index against a local HTTP server and a broken file.
 */
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openFile, openMarkdown, screenshot, setSetting, waitFor, workspaceRoot, workbenchCaughtUp } from './helpers';
import { toYaml } from '../shared/landscapeYaml';
import type { LandscapeApi } from '../../src/vscode/api';

const landscape = (): Promise<LandscapeApi> => getApiOf('landscape');

const FIXTURE = 'linking/notes.md';
/** What the workbench shows (for screenshots taken once it shows): the suggest list, a quick pick's rows. */
const SUGGEST_LIST = '.editor-widget.suggest-widget.visible .monaco-list-row';
const QUICK_PICK_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

function labelOf(i: vscode.CompletionItem): string {
  return typeof i.label === 'string' ? i.label : i.label.label;
}

function completionLabels(list: vscode.CompletionList): string[] {
  return list.items.map(labelOf);
}

describe('linking: CNCF projects', function () {
  this.timeout(60000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('hideSuggestWidget');
    await closeAllEditors();
  });

  it('loads the index on first use (its load time is a bench figure, not a test)', async () => {
    const l = await landscape();
    const index = await l.get();
    assert.ok(index.entries.length > 500);
    assert.strictEqual(l.loaded(), true);
    console.log(`      landscape index loaded in ${l.loadMs()?.toFixed(1)} ms`);
  });

  it('completes project names while typing and inserts the link', async () => {
    const editor = await openMarkdown('# Notes\n\nDashboards in Pers');
    const doc = editor.document;
    const pos = new vscode.Position(2, 'Dashboards in Pers'.length);
    editor.selection = new vscode.Selection(pos, pos);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    const perses = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Perses');
    assert.ok(perses, `Perses offered (${completionLabels(list).slice(0, 10).join(', ')})`);
    assert.strictEqual(perses.detail, 'CNCF sandbox · Observability');
    assert.strictEqual(perses.insertText, '[Perses](https://perses.dev)');

    // The real widget: open it, look at it, accept the first item.
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await screenshot('completion', SUGGEST_LIST);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await waitFor(() => doc.getText().includes('[Perses](https://perses.dev)'), 'the link inserted by the suggestion');
    assert.strictEqual(doc.getText(), '# Notes\n\nDashboards in [Perses](https://perses.dev)');
  });

  it('shows the completion list with maturity and category', async () => {
    const editor = await openMarkdown('## Day01\n\n### Platform keynote\n\n- running on Kube');
    const pos = new vscode.Position(4, '- running on Kube'.length);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await screenshot('completion-list', SUGGEST_LIST);
    await vscode.commands.executeCommand('hideSuggestWidget');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos);
    const ours = list.items.filter((i) => i.detail?.startsWith('CNCF'));
    const labels = ours.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.slice(0, 3).includes('Kubernetes'), labels.join(', '));
    const rank = (d: string | undefined) => ['graduated', 'incubating', 'sandbox', 'archived'].findIndex((m) => d?.startsWith(`CNCF ${m}`));
    assert.deepStrictEqual(
      ours.map((i) => rank(i.detail)),
      [...ours.map((i) => rank(i.detail))].sort((a, b) => a - b),
      'graduated first, then incubating, sandbox',
    );
    assert.ok(ours.length > 5);
  });

  it('offers project items only: never word suggestions, a complete list ranked Kubernetes first for `kub`, nothing for `pod-to`', async () => {
    // Words of the note VS Code would offer as word suggestions (`abc` items) were they on.
    const editor = await openMarkdown('# Notes\n\nmaturity podcasts multicluster totally tooling\n\nEverything runs on kub\n\ntraffic goes pod-to\n');
    const doc = editor.document;
    const at = (line: number) => new vscode.Position(line, doc.lineAt(line).text.length);
    const kub = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at(4));
    const words = (list: vscode.CompletionList) => list.items.filter((i) => i.kind === vscode.CompletionItemKind.Text).map(labelOf);
    assert.deepStrictEqual(words(kub), [], 'no word suggestions in Markdown');
    const ours = kub.items.filter((i) => i.detail?.startsWith('CNCF')).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.strictEqual(ours.map(labelOf)[0], 'Kubernetes');
    // Every item filters on the letters typed and then its own name, so all score alike in the
    // editor's filter and the rank decides (lower-case kube-rs no longer jumps ahead).
    for (const i of ours) assert.ok(i.filterText?.startsWith('kub'), `${i.filterText} starts with what was typed`);
    assert.strictEqual(ours.find((i) => labelOf(i) === 'Kubernetes')?.filterText, 'kubernetes');
    const hyphen = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at(6));
    assert.deepStrictEqual(hyphen.items.filter((i) => i.detail?.startsWith('CNCF')).map(labelOf), [], '`pod-to` begins no project as written');
    assert.deepStrictEqual(words(hyphen), [], 'and no word is offered in its place');
  });

  it('completes in headings, after `[`, ranks CNCF projects first, and not in code', async () => {
    const editor = await openMarkdown('### Prom\n\n[Lin]\n\n```\nProm\n```\n');
    const doc = editor.document;
    const heading = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 8));
    const ours = heading.items.filter((i) => i.detail?.startsWith('CNCF'));
    assert.strictEqual(typeof ours[0]?.label === 'string' ? ours[0]?.label : ours[0]?.label.label, 'Prometheus');
    const bracket = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 4));
    const linkerd = bracket.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Linkerd');
    assert.ok(linkerd, 'Linkerd offered inside [ ]');
    const range = linkerd.range as vscode.Range;
    assert.deepStrictEqual([range.start.character, range.end.character], [0, 5], 'replaces [Lin] with the link');
    const code = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(5, 4));
    assert.ok(!code.items.some((i) => i.detail?.startsWith('CNCF')), 'nothing in code');
  });

  it('talkCapture.completion.projects: off offers no project, onRequest still answers Ctrl+Space; the old keys count only while it is not set', async () => {
    const editor = await openMarkdown('### Prom\n');
    const offered = async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 8));
      return list.items.some((i) => i.detail?.startsWith('CNCF'));
    };
    assert.ok(await offered(), 'offered with the defaults');
    const restores: Array<() => Promise<void>> = [];
    try {
      restores.push(await setSetting('completion.enabled', false));
      assert.ok(!(await offered()), 'the deprecated talkCapture.completion.enabled: false still turns it off');
      restores.push(await setSetting('completion.projects', 'onRequest'));
      assert.ok(await offered(), 'completion.projects: onRequest, set, wins over completion.enabled: false');
      restores.push(await setSetting('completion.projects', 'off'));
      assert.ok(!(await offered()), 'completion.projects: off');
    } finally {
      for (const restore of restores.reverse()) await restore();
    }
    assert.ok(await offered(), 'offered again once the settings are back');
  });

  it('Insert Project Link wraps the selection', async () => {
    const editor = await openMarkdown('We use otel everywhere.');
    editor.selection = new vscode.Selection(0, 7, 0, 11);
    const inserted = await vscode.commands.executeCommand<string>('talkCapture.insertProjectLink', { name: 'OpenTelemetry' });
    assert.strictEqual(inserted, '[otel](https://opentelemetry.io/)');
    assert.strictEqual(editor.document.getText(), 'We use [otel](https://opentelemetry.io/) everywhere.');
  });

  it('Insert Project Link shows a picker ranked by the selection', async () => {
    const editor = await openMarkdown('Storage with Longhorn today.');
    editor.selection = new vscode.Selection(0, 13, 0, 21);
    const done = vscode.commands.executeCommand<string>('talkCapture.insertProjectLink');
    await screenshot('insert-project-link', QUICK_PICK_ROWS); // taken once the picker lists projects
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.strictEqual(await done, '[Longhorn](https://longhorn.io/)');
    assert.strictEqual(editor.document.getText(), 'Storage with [Longhorn](https://longhorn.io/) today.');

    const other = await openMarkdown('Nothing here: ');
    other.selection = new vscode.Selection(0, 14, 0, 14);
    const cancelled = vscode.commands.executeCommand<string>('talkCapture.insertProjectLink');
    // Escape, again if the picker was not up yet, until the command has finished.
    const finished = cancelled.then(() => true);
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return Promise.race([finished, workbenchCaughtUp().then(() => false)]);
    }, 'Insert Project Link to end on Escape');
    assert.strictEqual(await cancelled, undefined, 'Escape inserts nothing');
    assert.strictEqual(other.document.getText(), 'Nothing here: ');
  });

  it('Link Project Mentions links the first mention per talk, as one undo step', async () => {
    const editor = await openFile(FIXTURE);
    const doc = editor.document;
    const before = doc.getText();
    const n = await vscode.commands.executeCommand<number>('talkCapture.linkProjectMentions', { confirm: false });
    assert.strictEqual(n, 4);
    const expected = before
      .replace('We run Prometheus with Thanos', 'We run [Prometheus](https://prometheus.io/) with [Thanos](https://thanos.io/)')
      .replace('Dashboards moved to Perses;', 'Dashboards moved to [Perses](https://perses.dev);')
      .replace('dashboards read from Prometheus.', 'dashboards read from [Prometheus](https://prometheus.io/).');
    assert.strictEqual(doc.getText(), expected);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before, 'one undo restores the note');
  });

  it('Link Project Mentions asks first, and every-mention mode links all', async () => {
    const editor = await openFile(FIXTURE);
    const doc = editor.document;
    const before = doc.getText();
    const restore = await setSetting('linkMentions.mode', 'everyMention');
    try {
      const api = await getApiOf('linkMentions');
      const run = vscode.commands.executeCommand<number>('talkCapture.linkProjectMentions');
      await waitFor(() => api.lastConfirmation()?.filter((r) => r.label.startsWith('Prometheus ')).length === 3, 'the confirmation list of every mention');
      await workbenchCaughtUp(); // the list shows before Enter
      assert.strictEqual(doc.getText(), before, 'nothing changes before the confirmation');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const n = await run;
      assert.strictEqual(n, 6);
      assert.strictEqual((doc.getText().match(/\[Prometheus\]\(https:\/\/prometheus\.io\/\)/g) ?? []).length, 3);
      assert.ok(doc.getText().includes('prometheus --config.file=prometheus.yml'), 'code untouched');
      assert.ok(doc.getText().includes('spin up a test cluster'), 'ordinary words untouched');
    } finally {
      await restore();
      await vscode.commands.executeCommand('undo');
    }
    assert.strictEqual(doc.getText(), before);
  });

  it('Link Project Mentions’ confirmation shows the link as it will be written (its text as typed)', async () => {
    const text = '### T\n\nWe measured power with kepler on each node.\n';
    const editor = await openMarkdown(text);
    await vscode.window.showTextDocument(editor.document);
    const api = { linkMentions: await getApiOf('linkMentions') };
    const run = vscode.commands.executeCommand<number>('talkCapture.linkProjectMentions');
    const rows = await waitFor(() => {
      const mine = api.linkMentions.lastConfirmation()?.filter((r) => r.label.startsWith('kepler '));
      return mine?.length ? mine : undefined;
    }, 'the confirmation list');
    assert.deepStrictEqual(rows, [{ label: 'kepler → [kepler](https://sustainable-computing.io/)', description: 'Kepler · line 3' }]);
    await workbenchCaughtUp(); // the list shows before Enter
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.strictEqual(await run, 1);
    assert.strictEqual(editor.document.getText(), text.replace('kepler', rows[0].label.slice('kepler → '.length)), 'what the list showed is what was written');
  });

  it('hovers over linked and unlinked project names', async () => {
    const editor = await openFile(FIXTURE);
    const doc = editor.document;
    const text = doc.getText();
    const at = (needle: string) => doc.positionAt(text.indexOf(needle) + 2);
    const hoverText = async (p: vscode.Position) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, p);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    };
    const prom = await hoverText(at('Prometheus with'));
    assert.match(prom, /\*\*Prometheus\*\* — CNCF graduated/);
    assert.match(prom, /Observability and Analysis \/ Observability/);
    assert.match(prom, /\[Homepage\]\(https:\/\/prometheus\.io\/\)/);
    assert.match(prom, /\[Repository\]\(https:\/\/github\.com\/prometheus\/prometheus\)/);
    assert.match(await hoverText(at('Perses](')), /\*\*Perses\*\* — CNCF sandbox/);
    assert.match(await hoverText(at('Vitness')), /Did you mean \*\*Vitess\*\*\?/);
  });

  it('shows unlinked mentions and typos as Information diagnostics with quick fixes', async () => {
    const editor = await openFile(FIXTURE);
    const doc = editor.document;
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Talk Capture');
      return d.some((x) => x.message === 'Did you mean Vitess?') ? d : undefined;
    }, 'project diagnostics');
    const messages = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Information).map((d) => `${d.range.start.line + 1}: ${d.message}`);
    assert.deepStrictEqual(messages, [
      '10: Prometheus is not linked.',
      '10: Thanos is not linked.',
      '11: Perses is not linked.',
      '15: Prometheus is not linked.',
      '15: Did you mean Vitess?',
    ]);

    const typo = diags.find((d) => d.message === 'Did you mean Vitess?')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, typo.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Link to Vitess') && titles.includes('Change to Vitess'), titles.join(', '));
    const unlinked = diags.find((d) => d.message === 'Thanos is not linked.')!;
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, unlinked.range);
    const link = fixes.find((a) => a.title === 'Link to Thanos');
    assert.ok(link?.edit, fixes.map((a) => a.title).join(', '));
    await vscode.workspace.applyEdit(link.edit);
    assert.ok(doc.getText().includes('with [Thanos](https://thanos.io/) for long-term'));
    await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.message === 'Thanos is not linked.'), 'the fixed diagnostic to go');
    await vscode.commands.executeCommand('undo');

    const restore = await setSetting('diagnostics.unlinkedProjects', false);
    try {
      await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'Talk Capture' && d.message.includes('linked')), 'diagnostics off');
    } finally {
      await restore();
    }
  });

  it('with a custom day pattern, the hints, the check and Link Project Mentions choose the same first mention per talk', async () => {
    // `Morning:` / `Afternoon:` lines are days only by the pattern: with it, the afternoon ends
    // the morning talk (its `### Q&A` is a section of that talk), and its `###` is a talk.
    const note = [
      'Morning:',
      '',
      '## Storage deep dive - Dee Example, Example Corp',
      '',
      'We keep Prometheus data on local disks.',
      '',
      '### Q&A',
      '',
      'Prometheus remote write came up.',
      '',
      'Afternoon:',
      '',
      '### Service mesh at scale - Eve Example, Initech',
      '',
      'Linkerd and Prometheus, side by side.',
      '',
    ].join('\n');
    const restore = await setSetting('dayHeadingPattern', '^(Morning|Afternoon)$');
    try {
      const editor = await openMarkdown(note);
      const doc = editor.document;
      const spots = (ds: readonly vscode.Diagnostic[]) =>
        ds
          .map((d) => ({ offset: doc.offsetAt(d.range.start), text: doc.getText(d.range), at: `${d.range.start.line + 1}:${d.range.start.character + 1}` }))
          .sort((a, b) => a.offset - b.offset);
      // The live hints.
      await (await getApiOf('projectDiagnostics')).refresh(doc.uri);
      const hints = spots(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Talk Capture' && d.code === 'unlinked-project'));
      assert.deepStrictEqual(
        hints.map((h) => `${h.at} ${h.text}`),
        ['5:9 Prometheus', '15:1 Linkerd', '15:13 Prometheus'],
      );
      // The check lists them itself when the live hints are off.
      const hintsOff = await setSetting('diagnostics.unlinkedProjects', false);
      try {
        await vscode.commands.executeCommand('talkCapture.checkNotes');
        const checked = spots(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Talk Capture publish check' && d.code === 'unlinked-project'));
        assert.deepStrictEqual(
          checked.map((c) => c.at),
          hints.map((h) => h.at),
          'the check',
        );
      } finally {
        await hintsOff();
      }
      // Link Project Mentions links exactly the hinted mentions.
      const n = await vscode.commands.executeCommand<number>('talkCapture.linkProjectMentions', { confirm: false });
      assert.strictEqual(n, hints.length);
      const after = doc.getText();
      let shift = 0;
      for (const h of hints) {
        const at = h.offset + shift;
        assert.strictEqual(after.slice(at, at + h.text.length + 3), `[${h.text}](`, `the link at ${h.at}`);
        shift += after.indexOf(')', at + h.text.length + 3) + 1 - at - h.text.length;
      }
      assert.strictEqual(after.length, note.length + shift, 'nothing else was linked');
    } finally {
      await restore();
    }
  });

  it('Update Landscape Index loads from a local HTTP server, and keeps the index on a broken file', async () => {
    const l = await landscape();
    const bundled = await l.get();
    const yaml = toYaml(bundled);
    const server = http.createServer((req, res) => {
      if (req.url === '/landscape.yml') res.writeHead(200, { 'content-type': 'text/yaml' }).end(yaml);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const ok = await vscode.commands.executeCommand<{ ok: boolean; entries?: number; error?: string }>('talkCapture.updateLandscapeIndex', {
        url: `http://127.0.0.1:${port}/landscape.yml`,
      });
      assert.ok(ok.ok, ok.error);
      assert.strictEqual(l.origin(), 'updated');
      const updated = await l.get();
      assert.strictEqual(updated.entries.length, ok.entries);
      assert.strictEqual(updated.get('Perses')?.maturity, 'sandbox');

      const broken = await vscode.commands.executeCommand<{ ok: boolean; error?: string }>('talkCapture.updateLandscapeIndex', {
        file: `${workspaceRoot()}/linking/broken-index.yml`,
      });
      assert.strictEqual(broken.ok, false);
      assert.match(broken.error ?? '', /YAML|landscape/);
      assert.strictEqual(await l.get(), updated, 'the current index stays');

      const missing = await vscode.commands.executeCommand<{ ok: boolean; error?: string }>('talkCapture.updateLandscapeIndex', { url: `http://127.0.0.1:${port}/nothing.yml` });
      assert.match(missing.error ?? '', /404/);
      const insecure = await vscode.commands.executeCommand<{ ok: boolean; error?: string }>('talkCapture.updateLandscapeIndex', { url: 'http://example.com/landscape.yml' });
      assert.match(insecure.error ?? '', /https/);
    } finally {
      server.close();
      await l.reset();
    }
    assert.strictEqual(l.origin(), 'bundled');
  });
});
