import * as assert from 'assert';
import * as path from 'path';
import { applyEdits } from '../../../../src/core/document';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { linkedProjects } from '../../../../src/core/landscape/linkedProjects';
import { chooseMentions, planLinkEdits } from '../../../../src/core/landscape/linkPlan';
import { findMentions } from '../../../../src/core/landscape/matcher';
import { scanMarkdown } from '../../../../src/core/landscape/proseScan';
import { rng } from '../../../../bench/generate';
import { parseNotes } from '../../../../src/core/notes/parse';
import { allTalks } from '../../../../src/core/notes/query';

const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));
/** The talks of a note as the notes model builds them with default settings. */
const talksOf = (text: string) => allTalks(parseNotes(text));
const links = (text: string) =>
  findMentions(text, index)
    .filter((m) => m.action === 'link')
    .map((m) => m.text);
const all = (text: string) => findMentions(text, index).map((m) => `${m.action}:${m.text}=${m.entry.name}`);

describe('matcher: what is prose', () => {
  it('skips front matter, code, links, URLs, HTML and hidden drafts', () => {
    const text = [
      '---',
      'tags: [Prometheus, Istio]',
      '---',
      'Body with Linkerd.',
      '```',
      'Cilium in a fence',
      '```',
      'Inline `Falco` code, [Kyverno](https://kyverno.io) link, https://github.com/fluxcd/flux2 url.',
      '[//]: # (Hidden draft about Dapr)',
      '<!-- Knative in a comment -->',
      '<div>',
      'Strimzi in HTML',
      '</div>',
      '',
      'End with Envoy.',
    ].join('\n');
    assert.deepStrictEqual(links(text), ['Linkerd', 'Envoy']);
  });

  it('reports 1-based lines and columns, and offsets, as written', () => {
    const text = 'Intro\n\n* we run Prometheus and OpenTelemetry\n';
    const ms = findMentions(text, index);
    assert.deepStrictEqual(
      ms.map((m) => [m.line, m.column, m.endColumn, m.text, m.entry.name, m.action]),
      [
        [3, 10, 20, 'Prometheus', 'Prometheus', 'link'],
        [3, 25, 38, 'OpenTelemetry', 'OpenTelemetry', 'link'],
      ],
    );
    assert.strictEqual(text.slice(ms[0].start, ms[0].end), 'Prometheus');
    assert.deepStrictEqual(ms[0].range, { start: { line: 2, character: 9 }, end: { line: 2, character: 19 } });
  });

  it('handles multi-word names and names with punctuation', () => {
    assert.deepStrictEqual(links('We tried Inspektor Gadget, cert-manager, Argo CD and CRI-O with in-toto.'), ['Inspektor Gadget', 'cert-manager', 'Argo CD', 'CRI-O', 'in-toto']);
    assert.deepStrictEqual(links('The Open Policy Agent and OPA Gatekeeper.'), ['Open Policy Agent', 'OPA Gatekeeper']);
  });

  it('finds names next to CJK text and full-width punctuation', () => {
    assert.deepStrictEqual(links('我们用Prometheus监控，用Cilium（eBPF）和「Envoy」。'), ['Prometheus', 'Cilium', 'Envoy']);
    assert.deepStrictEqual(links('Kubernetesクラスタ、Helmチャート'), ['Kubernetes', 'Helm']);
  });

  it('does not match inside words, paths, domains, handles and compounds', () => {
    assert.deepStrictEqual(links('Prometheus3 vitess.io/docs vitessio/vitess @fluxcd #kubernetes Kubernetes-native foo_Prometheus prometheus:9090'), []);
    assert.deepStrictEqual(links('SPIFFE/SPIRE and Kubernetes’s API.'), ['SPIFFE', 'SPIRE', 'Kubernetes']);
  });
});

describe('matcher: precision first', () => {
  it('never links lower-case ordinary words or ordinary phrases', () => {
    assert.deepStrictEqual(links('spin up a cluster, a score of 9, be kind, the helm, flux and envoy, the harbor, backstage passes'), []);
    assert.deepStrictEqual(links('Spin up a cluster. Score of the day: 9. Kind regards.'), []);
  });

  it('links ordinary-word names in their own capitalisation', () => {
    assert.deepStrictEqual(links('We deploy with Helm and Flux, store images in Harbor.'), ['Helm', 'Flux', 'Harbor']);
    assert.deepStrictEqual(links('KEDA scales it.'), ['KEDA']);
  });

  it('links a sentence-opening ordinary name only with context', () => {
    // No other project in the section: the capitalised word may be the ordinary word.
    assert.deepStrictEqual(all('### Hotel\n\nPorter carried the bags.'), ['suggest:Porter=Porter']);
    // Another project in the same section, or the project named elsewhere: the project.
    assert.deepStrictEqual(links('### Packaging\n\nPorter bundles next to Helm charts.'), ['Porter', 'Helm']);
    assert.deepStrictEqual(links('---\ntags: [porter]\n---\nPorter bundles are CNAB.'), ['Porter']);
  });

  it('matches distinctive names in any case', () => {
    assert.deepStrictEqual(links('prometheus, KUBERNETES, OpenTelemetry, otel, k8s'), ['prometheus', 'KUBERNETES', 'OpenTelemetry', 'otel', 'k8s']);
  });

  it('prefers CNCF projects over other entries with the same name', () => {
    const m = findMentions('We moved to Kgateway.', index, { scope: 'all' });
    assert.strictEqual(m[0].entry.maturity, 'sandbox');
  });

  it('suggests typos of distinctive names, never links them', () => {
    assert.deepStrictEqual(all('Vitness and Linkderd and Promethues, also Inspector Gadget.'), [
      'suggest:Vitness=Vitess',
      'suggest:Linkderd=Linkerd',
      'suggest:Promethues=Prometheus',
      'suggest:Inspector Gadget=Inspektor Gadget',
    ]);
    assert.deepStrictEqual(all('The linker said thanks.'), []);
    assert.deepStrictEqual(
      all('Vitness'),
      findMentions('Vitness', index, { typos: true }).map((m) => `${m.action}:${m.text}=${m.entry.name}`),
    );
    assert.deepStrictEqual(findMentions('Vitness', index, { typos: false }), []);
  });

  it('scope all adds other open-source entries', () => {
    assert.deepStrictEqual(links('We use Grafana.'), []);
    assert.ok(findMentions('We use Ansible here.', index, { scope: 'all' }).some((m) => m.entry.name === 'Ansible'));
  });
});

describe('matcher: linked projects and link edits', () => {
  const note = [
    '## Day01',
    '',
    '### Talk one',
    '',
    'Prometheus and Thanos. Prometheus again.',
    '',
    '### [Perses](https://perses.dev/) update',
    '',
    'Perses dashboards for Prometheus.',
    '',
  ].join('\n');

  it('finds links to projects by URL', () => {
    const l = linkedProjects(note, index);
    assert.deepStrictEqual(
      l.map((x) => [x.line, x.column, x.text, x.entry.name]),
      [[7, 5, 'Perses', 'Perses']],
    );
  });

  it('links the first mention per talk, leaving already linked projects', () => {
    const ms = findMentions(note, index);
    const perTalk = applyEdits(note, planLinkEdits(note, ms, 'perTalk', { index, talks: talksOf(note) }));
    assert.strictEqual(
      perTalk,
      note
        .replace('Prometheus and Thanos.', '[Prometheus](https://prometheus.io/) and [Thanos](https://thanos.io/).')
        .replace('for Prometheus.', 'for [Prometheus](https://prometheus.io/).'),
    );
    const perDoc = applyEdits(note, planLinkEdits(note, ms, 'perDocument', { index, talks: talksOf(note) }));
    assert.ok(perDoc.includes('for Prometheus.'), 'second talk left alone per document');
    assert.ok(!perDoc.includes('[Perses](https://perses.dev/) dashboards'), 'Perses is linked in the note already');
    const every = applyEdits(note, planLinkEdits(note, ms, 'everyMention', { index, talks: talksOf(note) }));
    assert.strictEqual((every.match(/\[Prometheus\]/g) ?? []).length, 3);
  });

  it('keeps CRLF and everything else byte for byte', () => {
    const crlf = note.replace(/\n/g, '\r\n');
    const out = applyEdits(crlf, planLinkEdits(crlf, findMentions(crlf, index), 'perTalk', { index, talks: talksOf(crlf) }));
    const lf = applyEdits(note, planLinkEdits(note, findMentions(note, index), 'perTalk', { index, talks: talksOf(note) }));
    assert.strictEqual(out, lf.replace(/\n/g, '\r\n'));
  });

  it('restricts to a range (the selection)', () => {
    const from = note.indexOf('Perses dashboards');
    const ms = findMentions(note, index, { from, to: note.length });
    assert.deepStrictEqual(
      ms.map((m) => m.text),
      ['Perses', 'Prometheus'],
    );
  });

  it('per talk: a line belongs to the latest-starting talk that holds it, whatever the order, nesting or overlap of the talks given', () => {
    // Twenty lines, each mentioning Prometheus, and one already linked on line 7.
    const text = Array.from({ length: 20 }, (_, i) => (i === 6 ? '[Prometheus](https://prometheus.io/) and Prometheus.' : `Line ${i + 1} about Prometheus.`)).join('\n') + '\n';
    const mentions = findMentions(text, index);
    const linked = linkedProjects(text, index);
    // The rule, spelled out: among the talks whose lines hold the mention, the one starting last.
    const expected = (talks: Array<{ line: number; endLine: number }>): number[] => {
      const done = new Set<string>();
      const section = (line: number) => {
        const holding = talks.filter((t) => t.line <= line && line <= t.endLine);
        return holding.length ? `talk:${Math.max(...holding.map((t) => t.line))}` : 'outside';
      };
      for (const l of linked) done.add(section(l.line));
      const lines: number[] = [];
      for (const m of mentions) {
        if (done.has(section(m.line))) continue;
        done.add(section(m.line));
        lines.push(m.line);
      }
      return lines;
    };
    const r = rng(11);
    const cases: Array<Array<{ line: number; endLine: number }>> = [
      [],
      [{ line: 1, endLine: 20 }],
      [
        { line: 3, endLine: 9 },
        { line: 1, endLine: 20 },
        { line: 5, endLine: 6 },
        { line: 12, endLine: 14 },
      ],
      [
        { line: 2, endLine: 10 },
        { line: 6, endLine: 15 },
        { line: 6, endLine: 8 },
        { line: 9, endLine: 4 },
      ],
    ];
    for (let k = 0; k < 40; k++) {
      cases.push(
        Array.from({ length: Math.floor(r() * 8) }, () => {
          const line = 1 + Math.floor(r() * 20);
          return { line, endLine: line + Math.floor(r() * 12) - 2 };
        }),
      );
    }
    for (const talks of cases) {
      const got = chooseMentions(text, mentions, 'perTalk', { talks, linked }).map((m) => m.line);
      assert.deepStrictEqual(got, expected(talks), JSON.stringify(talks));
    }
  });

  it('never throws on odd input', () => {
    for (const t of ['', '\uFEFF', '[', '[a](', '`', '<', '<!--', '---', '+++\n', '\u0000\u0001', 'x'.repeat(10000), '[[[[]]]](((', '~~~\n', '    code']) {
      assert.doesNotThrow(() => findMentions(t, index));
      assert.doesNotThrow(() => scanMarkdown(t));
    }
  });
});
