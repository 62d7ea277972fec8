import * as assert from 'assert';
import { ProjectHoverProvider } from '../../../src/language/hover';
import { fileNameOfUri } from '../../../src/language/services';
import { bundledIndex, InMemoryDocument, MemoryAnalyses } from '../../support/language';

describe('language/hover: the project hover, built with in-memory services', () => {
  const services = new MemoryAnalyses({}, bundledIndex());
  const hovers = new ProjectHoverProvider(services);

  it('describes a project named in prose, over the name', async () => {
    const text = '## Day 1\n\n### Service meshes - Ada Example\n\n- We compared Linkerd with the rest.\n';
    const doc = new InMemoryDocument('file:///notes/day1.md', text);
    const at = text.indexOf('Linkerd') + 3;
    const h = await hovers.provideHover(doc, at);
    assert.ok(h, 'a hover over Linkerd');
    assert.strictEqual(text.slice(h.start, h.end), 'Linkerd');
    assert.match(h.markdown, /^\*\*Linkerd\*\* — CNCF graduated/);
    assert.match(h.markdown, /\[Homepage\]\(https:\/\/linkerd\.io\/?\)/);
  });

  it('describes a linked project over the whole link', async () => {
    const text = 'We use [the mesh](https://linkerd.io/) daily.\n';
    const h = await hovers.provideHover(new InMemoryDocument('file:///linked.md', text), text.indexOf('mesh'));
    assert.ok(h);
    assert.strictEqual(text.slice(h.start, h.end), '[the mesh](https://linkerd.io/)');
  });

  it('asks "did you mean" over a typo, and says nothing over ordinary words', async () => {
    const text = 'Then Promethues restarted the pod.\n';
    const doc = new InMemoryDocument('file:///typo.md', text);
    const typo = await hovers.provideHover(doc, text.indexOf('Promethues') + 1);
    assert.ok(typo, 'a hover over the typo');
    assert.match(typo.markdown, /Did you mean \*\*Prometheus\*\*\?/);
    assert.strictEqual(await hovers.provideHover(doc, text.indexOf('restarted')), undefined);
  });

  it('follows the document to its next version', async () => {
    const doc = new InMemoryDocument('file:///versions.md', 'Nothing here.\n');
    assert.strictEqual(await hovers.provideHover(doc, 2), undefined);
    const h = await hovers.provideHover(new InMemoryDocument(doc.uri, 'Helm charts.\n', doc.version + 1), 2);
    assert.ok(h);
    assert.match(h.markdown, /\*\*Helm\*\*/);
  });
});

describe('language/services: fileNameOfUri', () => {
  it('gives the file name as the editor reads it from the URI path', () => {
    assert.strictEqual(fileNameOfUri('file:///notes/day%202.md'), 'day 2.md');
    assert.strictEqual(fileNameOfUri('untitled:note-x.md'), 'note-x.md');
    assert.strictEqual(fileNameOfUri('vscode-vfs://github/owner/repo/content/day3.md?x#y'), 'day3.md');
    assert.strictEqual(fileNameOfUri('file:///notes/100%.md'), '100%.md');
  });
});
