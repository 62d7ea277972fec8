import * as assert from 'assert';
import * as path from 'path';
import { applyEdits } from '../../../../src/core/document';
import { addToLists, openFrontMatter } from '../../../../src/core/frontmatter/fields';
import { detectTagStyle, planTagSync, styleTag, syncTags, tagNames, type TagProject } from '../../../../src/core/frontmatter/tags';
import type { LandscapeIndex } from '../../../../src/core/landscape/landscapeIndex';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { linkedProjects } from '../../../../src/core/landscape/linkedProjects';

const index: LandscapeIndex = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));
const lookup = (tag: string) => index.get(tag);
const project = (name: string): TagProject => {
  const e = index.get(name);
  assert.ok(e, `${name} is in the landscape index`);
  return e;
};

function sync(text: string, names: string[], options: Parameters<typeof syncTags>[2] = {}): string {
  const r = syncTags(text, names.map(project), { lookup, ...options });
  assert.ok(r.ok, r.ok ? '' : r.message);
  return applyEdits(text, r.edits);
}

describe('front matter tags', () => {
  it('writes names in each style', () => {
    assert.strictEqual(styleTag('OpenTelemetry', 'landscape'), 'OpenTelemetry');
    assert.strictEqual(styleTag('OpenTelemetry', 'lowercase'), 'opentelemetry');
    assert.strictEqual(styleTag('Inspektor Gadget', 'lowercase'), 'inspektor gadget');
    assert.strictEqual(styleTag('Inspektor Gadget', 'slug'), 'inspektor-gadget');
    assert.strictEqual(styleTag('cert-manager', 'slug'), 'cert-manager');
    assert.strictEqual(styleTag('Open Policy Agent (OPA)', 'slug'), 'open-policy-agent-opa');
  });

  it('recognises a project under any spelling of its name', () => {
    assert.ok(tagNames('Cert-manager', project('cert-manager')));
    assert.ok(tagNames('cert manager', project('cert-manager')));
    assert.ok(tagNames('otel', project('OpenTelemetry')));
    assert.ok(tagNames('argo-cd', project('Argo'), lookup));
    assert.ok(!tagNames('Vitness', project('Vitess'), lookup));
    assert.ok(!tagNames('kubernetes', project('OpenTelemetry'), lookup));
  });

  it('detects the style the existing tags use', () => {
    assert.strictEqual(detectTagStyle([]), 'landscape');
    assert.strictEqual(detectTagStyle(['kubernetes', 'cncf', 'Perses', 'Kepler', 'gRPC', 'flux'], lookup), 'landscape');
    assert.strictEqual(detectTagStyle(['opentelemetry', 'prometheus', 'cloud native'], lookup), 'lowercase');
    assert.strictEqual(detectTagStyle(['opentelemetry', 'inspektor-gadget', 'argo-cd'], lookup), 'slug');
    // etcd is written alike in every style: no vote; `Kubernetes` as named is one.
    assert.strictEqual(detectTagStyle(['etcd', 'Kubernetes'], lookup), 'landscape');
    assert.strictEqual(detectTagStyle(['etcd', 'kubernetes', 'k8s-at-scale'], lookup), 'slug');
  });

  it('adds the linked projects missing from tags and categories, in the style of each field', () => {
    const text = '---\ntitle: T\ncategories:\n  - Kubernetes\ntags:\n- kubernetes\n- prometheus\n---\nBody\n';
    assert.strictEqual(
      sync(text, ['Prometheus', 'OpenTelemetry', 'Inspektor Gadget', 'Kubernetes']),
      '---\ntitle: T\ncategories:\n  - Kubernetes\n  - Prometheus\n  - OpenTelemetry\n  - Inspektor Gadget\ntags:\n- kubernetes\n- prometheus\n- opentelemetry\n- inspektor gadget\n---\nBody\n',
    );
  });

  it('follows talkCapture.tags.style and .fields when set', () => {
    const text = '+++\ntitle = "T"\ntags = ["Kubernetes"]\n+++\n';
    assert.strictEqual(sync(text, ['Inspektor Gadget'], { style: 'slug', fields: ['tags'] }), '+++\ntitle = "T"\ntags = ["Kubernetes", "inspektor-gadget"]\n+++\n');
    assert.strictEqual(sync(text, ['Inspektor Gadget'], { fields: ['categories'] }), '+++\ntitle = "T"\ntags = ["Kubernetes"]\ncategories = ["Inspektor Gadget"]\n+++\n');
  });

  it('never removes or duplicates a tag the user wrote', () => {
    const text = '---\ntags: [Cert-manager, my-own-tag, otel]\ncategories: [cert manager, OpenTelemetry]\n---\n';
    const r = syncTags(text, [project('cert-manager'), project('OpenTelemetry')], { lookup });
    assert.ok(r.ok);
    assert.deepStrictEqual(r.added, []);
    assert.deepStrictEqual(r.edits, []);
  });

  it('plans from the links of a note (the landscape matcher) and creates both fields', () => {
    const text = [
      '---',
      'title: Day two',
      '---',
      '',
      '### Tracing everywhere - Sam Example',
      '',
      '* [OpenTelemetry](https://opentelemetry.io/) collector tips',
      '* [Jaeger](https://www.jaegertracing.io/) v2 and [otel](https://opentelemetry.io/docs/)',
      '',
    ].join('\n');
    const linked = linkedProjects(text, index).map((l) => l.entry);
    assert.deepStrictEqual(
      linked.map((e) => e.name),
      ['OpenTelemetry', 'Jaeger', 'OpenTelemetry'],
    );
    const plan = planTagSync(text, linked, { lookup });
    assert.ok(plan.ok);
    assert.deepStrictEqual(
      plan.fields.map((f) => [f.field, f.style, f.missing.map((p) => p.name), f.line]),
      [
        ['tags', 'landscape', ['OpenTelemetry', 'Jaeger'], null],
        ['categories', 'landscape', ['OpenTelemetry', 'Jaeger'], null],
      ],
    );
    assert.strictEqual(
      sync(text, ['OpenTelemetry', 'Jaeger']),
      '---\ntitle: Day two\ntags:\n  - OpenTelemetry\n  - Jaeger\ncategories:\n  - OpenTelemetry\n  - Jaeger\n---\n' + text.slice(text.indexOf('\n---\n') + 5),
    );
  });

  it('refuses, with the line, when a field is not a list', () => {
    const r = syncTags('---\ntitle: T\ntags: kubernetes\n---\n', [project('Jaeger')], { lookup });
    assert.ok(!r.ok);
    assert.strictEqual(r.error.line, 3);
    assert.match(r.message, /YAML front matter, line 3: `tags` is a single text, not a list/);
  });

  it('categories as a block list and no tags: adds to categories and creates tags, each in its own list', () => {
    const text = '---\ntitle: A day\ncategories:\n  - events\n---\n\nBody with Prometheus.\n';
    const r = syncTags(text, [project('Prometheus')], { lookup, style: 'lowercase' });
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepStrictEqual(r.added, [
      { field: 'tags', values: ['prometheus'] },
      { field: 'categories', values: ['prometheus'] },
    ]);
    assert.strictEqual(applyEdits(text, r.edits), '---\ntitle: A day\ncategories:\n  - events\n  - prometheus\ntags:\n  - prometheus\n---\n\nBody with Prometheus.\n');
    // the same with CRLF and with the list at the end of the front matter
    const crlf = text.replace(/\n/g, '\r\n');
    assert.strictEqual(
      sync(crlf, ['Prometheus'], { style: 'lowercase' }),
      '---\r\ntitle: A day\r\ncategories:\r\n  - events\r\n  - prometheus\r\ntags:\r\n  - prometheus\r\n---\r\n\r\nBody with Prometheus.\r\n',
    );
  });

  it('every written list reads back as the old items plus the added ones', () => {
    const odd = ['x #y', '- z', '[a]', 'yes', 'null', 'a: b', "it's", '"q"', '#x', '*ref', '{c}', 'ümlaut', '123'];
    for (const text of ['---\ntitle: A\ncategories:\n  - events\n---\n', '---\ntags: [a, b]\n---\n', '+++\ntags = ["a"]\n+++\n', '+++\ntitle = "x"\n+++\n']) {
      const r = addToLists(text, [
        { field: 'tags', values: odd },
        { field: 'categories', values: odd },
      ]);
      assert.ok(r.ok, r.ok ? '' : r.message);
      const after = openFrontMatter(applyEdits(text, r.edits));
      assert.ok(after.ok);
      const tags = after.source.list('tags');
      assert.ok(tags.kind === 'found');
      assert.deepStrictEqual(tags.field.items.map((i) => i.value).slice(-odd.length), odd);
    }
  });
});
