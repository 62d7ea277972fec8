import * as assert from 'assert';
import { applyEdits, type Position } from '../../../src/core/document';
import type { ProjectCompletion } from '../../../src/core/landscape/typing';
import { ProjectCompletionProvider, type ProjectCompletionItem, type ProjectCompletionList } from '../../../src/language/completion';
import { bundledIndex, InMemoryDocument, MemoryAnalyses } from '../../support/language';

describe('language/completion: project links while typing, built with in-memory services', () => {
  let setting: ProjectCompletion;
  let provider: ProjectCompletionProvider;
  let n = 0;
  /** A note with a URI of its own (the analyses are cached by URI and version). */
  const note = (text: string) => new InMemoryDocument(`file:///completion/${++n}.md`, text);
  /** The position at the end of the note's line `line`. */
  const endOf = (doc: InMemoryDocument, line: number): Position => ({ line, character: doc.lineText(line).length });
  const labels = (list: ProjectCompletionList) => list.items.map((i) => i.label);

  async function listAt(doc: InMemoryDocument, at: Position, invoked = true): Promise<ProjectCompletionList> {
    const list = await provider.provideCompletion(doc, at, invoked);
    assert.ok(list && list !== 'closeList', `a list at ${at.line}:${at.character}`);
    return list;
  }

  beforeEach(() => {
    setting = 'whileTyping';
    // A real analysis cache and the bundled index, with the feature's settings beside them.
    provider = new ProjectCompletionProvider(
      Object.assign(new MemoryAnalyses({}, bundledIndex()), {
        landscapeScope: () => 'cncf',
        projectCompletion: () => setting,
      }),
    );
  });

  it('offers Perses for `Pers` with its maturity and category, and Enter writes the link over the word', async () => {
    const doc = note('# Notes\n\nDashboards in Pers');
    const list = await listAt(doc, endOf(doc, 2));
    const perses = list.items.find((i) => i.label === 'Perses');
    assert.ok(perses, labels(list).join(', '));
    assert.strictEqual(perses.description, 'CNCF sandbox · Observability');
    assert.strictEqual(perses.insertText, '[Perses](https://perses.dev)');
    assert.match(perses.documentation, /^\*\*Perses\*\* · CNCF sandbox · Observability\n\nHomepage: https:\/\/perses\.dev/);
    const written = applyEdits(doc.getText(), [{ range: perses.range, newText: perses.insertText }]);
    assert.strictEqual(written, '# Notes\n\nDashboards in [Perses](https://perses.dev)');
  });

  it('ranks Kubernetes first for `kub`, each item filtering on the letters typed, and offers nothing for `pod-to`', async () => {
    const doc = note('# Notes\n\nEverything runs on kub\n\ntraffic goes pod-to\n');
    const kub = await listAt(doc, endOf(doc, 2));
    const ranked = [...kub.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.strictEqual(ranked[0].label, 'Kubernetes');
    assert.strictEqual(ranked[0].filterText, 'kubernetes');
    for (const i of kub.items) assert.ok(i.filterText.startsWith('kub'), `${i.filterText} starts with what was typed`);
    assert.ok(kub.items.length > 3);
    const hyphen = await listAt(doc, endOf(doc, 4));
    assert.deepStrictEqual(labels(hyphen), [], '`pod-to` begins no project as written');
    assert.strictEqual(hyphen.isIncomplete, false);
  });

  it('shows the alias that matched beside the name', async () => {
    const doc = note('We export traces with otel');
    const otel = (await listAt(doc, endOf(doc, 0))).items.find((i) => i.label === 'OpenTelemetry');
    assert.ok(otel);
    assert.strictEqual(otel.labelDetail, ' OTel');
    assert.strictEqual(otel.filterText, 'otel');
  });

  it('completes in headings and after `[` (replacing the auto-closed `]`), never in code', async () => {
    const doc = note('### Prom\n\n[Lin]\n\n```\nProm\n```\n');
    assert.strictEqual((await listAt(doc, { line: 0, character: 8 })).items[0]?.label, 'Prometheus');
    const linkerd = (await listAt(doc, { line: 2, character: 4 })).items.find((i) => i.label === 'Linkerd');
    assert.ok(linkerd, 'Linkerd offered inside [ ]');
    assert.deepStrictEqual([linkerd.range.start.character, linkerd.range.end.character], [0, 5]);
    assert.ok(linkerd.filterText.startsWith('[Lin'));
    assert.strictEqual(applyEdits(doc.getText(), [{ range: linkerd.range, newText: linkerd.insertText }]).split('\n')[2], '[Linkerd](https://linkerd.io/)');
    assert.strictEqual(await provider.provideCompletion(doc, { line: 5, character: 4 }, true), undefined, 'nothing in code');
  });

  it('leaves ordinary-word names out while typing in lower case, and offers them when asked for', async () => {
    const doc = note('Deploys with fl');
    const at = endOf(doc, 0);
    const typing = labels(await listAt(doc, at, false));
    const asked = labels(await listAt(doc, at, true));
    assert.ok(!typing.includes('Flux'), typing.join(', '));
    assert.ok(asked.includes('Flux'), asked.join(', '));
    const capital = note('Deploys with Fl');
    assert.ok(labels(await listAt(capital, endOf(capital, 0), false)).includes('Flux'), 'with its capital');
  });

  it('opens the list while typing for a mid-sentence capital at once, for lower case only past common words, and never in code', async () => {
    const opens = async (line: string) => provider.letterTyped(note(line), { line: 0, character: line.length });
    assert.strictEqual(await opens('We scrape it with Prom'), true);
    assert.strictEqual(await opens('we scrape it with prom'), false, '`prom` begins common words');
    assert.strictEqual(await opens('we scrape it with prome'), true);
    assert.strictEqual(await opens('we scrape it with ku'), false, 'three letters first');
    assert.strictEqual(await opens('Run `Prom'), false, 'a code span being typed');
    const fenced = note('```\nWith Prom');
    assert.strictEqual(await provider.letterTyped(fenced, endOf(fenced, 1)), false, 'in a fence');
  });

  it('fills the list it opened with items filtering on the next letter only, complete', async () => {
    const doc = note('We scrape it with Prom');
    const at = endOf(doc, 0);
    assert.strictEqual(await provider.letterTyped(doc, at), true);
    const list = await listAt(doc, at);
    const prometheus = list.items.find((i) => i.label === 'Prometheus');
    assert.strictEqual(prometheus?.filterText, 'Prome');
    assert.strictEqual(list.isIncomplete, false);
    // Once the note is closed, a list asked for there again filters on the whole name.
    provider.closed(doc.uri);
    const asked = (await listAt(doc, at)).items.find((i: ProjectCompletionItem) => i.label === 'Prometheus');
    assert.strictEqual(asked?.filterText, 'Prometheus');
  });

  it('closes a list that opened for a word when it is filled at a later one, once', async () => {
    const doc = note('We scrape it with Prom and then Kube');
    assert.strictEqual(await provider.letterTyped(doc, { line: 0, character: 'We scrape it with Prom'.length }), true);
    const later = endOf(doc, 0);
    assert.strictEqual(await provider.provideCompletion(doc, later, true), 'closeList');
    assert.ok(labels(await listAt(doc, later)).includes('Kubernetes'), 'the next request is answered');
  });

  it('does not open the list when the request lost its point while the index loaded', async () => {
    const doc = note('We scrape it with Prom');
    assert.strictEqual(await provider.letterTyped(doc, endOf(doc, 0), { isCancellationRequested: true }), false);
  });

  it('follows talkCapture.completion.projects: off answers nothing, onRequest answers only when asked', async () => {
    const doc = note('### Prom\n');
    const at = { line: 0, character: 8 };
    setting = 'off';
    assert.strictEqual(await provider.provideCompletion(doc, at, true), undefined);
    assert.strictEqual(await provider.letterTyped(doc, at), false);
    setting = 'onRequest';
    assert.strictEqual((await listAt(doc, at)).items[0]?.label, 'Prometheus');
    assert.strictEqual(await provider.letterTyped(doc, at), false, 'the list does not open by itself');
  });
});
