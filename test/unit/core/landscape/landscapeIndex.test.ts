import * as assert from 'assert';
import * as path from 'path';
import { buildIndexFromYaml, LandscapeFormatError } from '../../../../src/core/landscape/indexFromYaml';
import { describeEntry, LandscapeIndex } from '../../../../src/core/landscape/landscapeIndex';
import { LandscapeIndexError, parseIndexFile } from '../../../../src/core/landscape/indexFile';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { escapeLinkText, markdownLink, markdownUrl } from '../../../../src/core/landscape/text';

const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));

const YAML = `landscape:
  - category:
    name: Observability and Analysis
    subcategories:
      - subcategory:
        name: Observability
        items:
          - item:
            name: Perses
            homepage_url: https://perses.dev/
            repo_url: https://github.com/perses/perses
            project: sandbox
            description: This prose must not be copied.
          - item:
            name: Litmus
            homepage_url: https://litmuschaos.io/
            repo_url: https://github.com/litmuschaos/litmus
            project: incubating
          - item:
            name: Closed Product
            homepage_url: https://example.com/
  - category:
    name: Provisioning
    subcategories:
      - subcategory:
        name: Security & Compliance
        items:
          - item:
            name: Copa
            homepage_url: https://project-copacetic.github.io/copacetic/
            repo_url: https://github.com/project-copacetic/copacetic
            project: sandbox
          - item:
            name: Perses
            homepage_url: https://perses.dev/
            repo_url: https://github.com/perses/perses
          - item:
            name: cert-manager
            homepage_url: https://cert-manager.io/
            repo_url: https://github.com/cert-manager/cert-manager
            project: graduated
  - category:
    name: CNCF Members
    subcategories:
      - subcategory:
        name: Gold
        items:
          - item:
            name: Example Corp (member)
            homepage_url: https://example.org/
            repo_url: https://github.com/example/example
`;

const ordinary = new Set(['flux', 'helm', 'open', 'manager', 'cert']);
const build = (yaml: string) => buildIndexFromYaml(yaml, { sourceUrl: 'landscape.yml', generated: '2025-01-01T00:00:00Z', ordinaryWord: (w) => ordinary.has(w) });

describe('landscape: build from landscape.yml', () => {
  it('keeps facts only, dedupes, prefers the CNCF entry, drops members and closed products', () => {
    const file = build(YAML);
    const names = file.entries.map((e) => e.name);
    assert.deepStrictEqual(names, ['cert-manager', 'Copa', 'Litmus', 'Perses']);
    const perses = file.entries.find((e) => e.name === 'Perses')!;
    assert.strictEqual(perses.maturity, 'sandbox');
    assert.strictEqual(perses.category, 'Observability and Analysis');
    assert.ok(!JSON.stringify(file).includes('prose'), 'no descriptions');
    assert.deepStrictEqual(Object.keys(perses).sort(), ['aliases', 'category', 'homepage', 'maturity', 'name', 'repo', 'subcategory']);
  });

  it('derives aliases from the repository, the homepage and spelling variants', () => {
    const file = build(YAML);
    const get = (n: string) => file.entries.find((e) => e.name === n)!;
    assert.ok(get('Copa').aliases.includes('copacetic'));
    assert.ok(get('Litmus').aliases.some((a) => a.toLowerCase() === 'litmuschaos'));
    assert.ok(get('cert-manager').aliases.includes('cert manager'));
    assert.deepStrictEqual(get('cert-manager').ordinary, ['cert manager'], 'the spaced variant is two ordinary words');
  });

  it('rejects what is not a landscape', () => {
    assert.throws(() => build('foo: [1, 2'), LandscapeFormatError);
    assert.throws(() => build('foo: bar'), /landscape/);
    assert.throws(() => build('landscape: []'), LandscapeFormatError);
  });
});

describe('landscape: the bundled index', () => {
  it('has the CNCF projects and no member companies', () => {
    const cncf = index.entries.filter((e) => e.maturity);
    assert.ok(cncf.length >= 200, `${cncf.length} CNCF projects`);
    assert.ok(!index.entries.some((e) => /\((member|supporter)\)/i.test(e.name)));
    assert.ok(/^https:\/\//.test(index.source.url) || !/[/\\]/.test(index.source.url), `the source is a URL or a bare file name, never a local path: ${index.source.url}`);
  });

  it('looks up names and aliases, case- and separator-insensitively, CNCF first', () => {
    assert.strictEqual(index.get('OpenTelemetry')?.name, 'OpenTelemetry');
    assert.strictEqual(index.get('open telemetry')?.name, 'OpenTelemetry');
    assert.strictEqual(index.get('otel')?.name, 'OpenTelemetry');
    assert.strictEqual(index.get('copacetic')?.name, 'Copa');
    assert.strictEqual(index.get('litmuschaos')?.name, 'Litmus');
    assert.strictEqual(index.get('Cert manager')?.name, 'cert-manager');
    assert.strictEqual(index.get('k8s')?.name, 'Kubernetes');
    assert.strictEqual(index.get('Kgateway')?.maturity, 'sandbox');
    assert.strictEqual(index.get('no such project'), undefined);
  });

  it('maps link URLs to entries', () => {
    assert.strictEqual(index.byUrl('https://perses.dev')?.name, 'Perses');
    assert.strictEqual(index.byUrl('http://www.perses.dev/docs/intro/')?.name, 'Perses');
    assert.strictEqual(index.byUrl('https://github.com/project-copacetic/copacetic/releases')?.name, 'Copa');
    assert.strictEqual(index.byUrl('https://github.com/argoproj/argo-workflows')?.name, 'Argo');
    assert.strictEqual(index.byUrl('https://www.cncf.io/projects/Porter/')?.name, 'Porter');
    assert.strictEqual(index.byUrl('https://www.cncf.io/projects/openfga/')?.name, 'OpenFGA');
    assert.strictEqual(index.byUrl('https://github.com/'), undefined);
    assert.strictEqual(index.byUrl('https://example.com/prometheus'), undefined);
    assert.strictEqual(index.byUrl('mailto:someone@prometheus.io'), undefined);
  });

  it('completes prefixes with CNCF projects first', () => {
    const items = index.complete('per');
    assert.strictEqual(items[0].entry.name, 'Perses');
    assert.strictEqual(describeEntry(items[0].entry), 'CNCF sandbox · Observability');
    const pro = index.complete('prom', { scope: 'all' });
    assert.strictEqual(pro[0].entry.name, 'Prometheus');
    assert.ok(
      pro.every((m, i) => i === 0 || (m.entry.maturity ? 1 : 0) <= (pro[i - 1].entry.maturity ? 1 : 0)),
      'CNCF first',
    );
    assert.ok(
      index.complete('prom').every((m) => m.entry.maturity),
      'scope cncf',
    );
    assert.strictEqual(index.complete('otel')[0].entry.name, 'OpenTelemetry');
    assert.deepStrictEqual(index.complete(''), []);
  });

  it('completes `kub` with the project most people mean first: Kubernetes', () => {
    const kub = index.complete('kub').map((m) => m.entry.name);
    assert.strictEqual(kub[0], 'Kubernetes', kub.join(', '));
    for (const later of ['kube-rs', 'kube-vip', 'KubeEdge', 'Kubeflow']) assert.ok(kub.indexOf(later) > 0, `${later} after Kubernetes: ${kub.join(', ')}`);
    // Graduated, then incubating, then sandbox; within each, the ones the CNCF took in first.
    const rank = { graduated: 0, incubating: 1, sandbox: 2, archived: 3 };
    const ms = index.complete('kub', { limit: 100 }).map((m) => m.entry);
    for (let i = 1; i < ms.length; i++) {
      const [a, b] = [ms[i - 1], ms[i]];
      assert.ok(rank[a.maturity!] < rank[b.maturity!] || (rank[a.maturity!] === rank[b.maturity!] && (a.accepted ?? '9') <= (b.accepted ?? '9')), `${a.name} before ${b.name}`);
    }
    assert.strictEqual(index.complete('prom')[0].entry.name, 'Prometheus');
    assert.strictEqual(index.complete('Fl')[0].entry.name, 'Fluentd');
  });

  it('searches fuzzily', () => {
    assert.strictEqual(index.search('opentelemetry')[0].entry.name, 'OpenTelemetry');
    assert.strictEqual(index.search('telemetry')[0].entry.name, 'OpenTelemetry');
    assert.strictEqual(index.search('promethues')[0].entry.name, 'Prometheus');
    assert.strictEqual(index.search('inspektor')[0].entry.name, 'Inspektor Gadget');
  });

  it('finds typo candidates for distinctive names only', () => {
    assert.strictEqual(index.typoCandidates('Vitness')[0]?.entry.name, 'Vitess');
    assert.strictEqual(index.typoCandidates('Linkderd')[0]?.entry.name, 'Linkerd');
    assert.strictEqual(index.typoCandidates('Promethues')[0]?.entry.name, 'Prometheus');
    assert.deepStrictEqual(index.typoCandidates('linker'), [], 'a dictionary word');
    assert.deepStrictEqual(index.typoCandidates('Prometheus'), [], 'the name itself');
    assert.deepStrictEqual(index.typoCandidates('Flix'), [], 'too short');
  });

  it('finds four-letter names one wrong letter or one swap away, never the name itself', () => {
    assert.deepStrictEqual(
      index.shortTypoCandidates('gPRC').map((f) => f.entry.name),
      ['gRPC'],
      'two letters swapped',
    );
    assert.deepStrictEqual(
      index.shortTypoCandidates('grpx').map((f) => f.entry.name),
      ['gRPC'],
      'a wrong last letter',
    );
    assert.deepStrictEqual(index.shortTypoCandidates('gRPC'), [], 'the name itself');
    assert.deepStrictEqual(index.shortTypoCandidates('xrpc'), [], 'the first letter stays');
    assert.deepStrictEqual(index.shortTypoCandidates('gRPCs'), [], 'four letters only');
  });

  it('validates index files', () => {
    assert.throws(() => parseIndexFile('{'), LandscapeIndexError);
    assert.throws(() => parseIndexFile('{"version":2,"entries":[]}'), /version/);
    assert.throws(() => parseIndexFile('{"version":1,"source":{"url":"x"},"entries":[{"name":1}]}'), /malformed/);
    const ok = new LandscapeIndex(parseIndexFile(JSON.stringify(build(YAML))));
    assert.strictEqual(ok.get('perses')?.name, 'Perses');
  });
});

describe('landscape: safe Markdown links', () => {
  it('only inserts http(s) URLs and escapes the text', () => {
    assert.strictEqual(markdownLink('Perses', 'https://perses.dev'), '[Perses](https://perses.dev)');
    assert.strictEqual(markdownLink('x', 'javascript:alert(1)'), undefined);
    assert.strictEqual(markdownLink('x', 'file:///etc/passwd'), undefined);
    assert.strictEqual(markdownUrl('https://example.com/a b(c)'), 'https://example.com/a%20b%28c%29');
    assert.strictEqual(escapeLinkText('a]b[c*d_e`f'), 'a\\]b\\[c\\*d\\_e\\`f');
    assert.strictEqual(markdownLink('Evil](https://x.io)', 'https://perses.dev'), '[Evil\\](https://x.io)](https://perses.dev)');
  });
});
