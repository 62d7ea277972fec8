import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../../src/core/document';
import type { LandscapeScope } from '../../../src/core/landscape/landscapeIndex';
import type { LinkMode } from '../../../src/core/landscape/linkPlan';
import { ProjectLinking, type LinkPlan } from '../../../src/language/linkMentions';
import { bundledIndex, InMemoryDocument, MemoryAnalyses } from '../../support/language';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'workspace', 'linking', 'notes.md'), 'utf8');

describe('language/linkMentions: Insert Project Link and Link Project Mentions, built with in-memory services', () => {
  let settings: { mode: LinkMode; scope: LandscapeScope };
  let linking: ProjectLinking;
  let n = 0;
  const note = (text: string) => new InMemoryDocument(`file:///linking/${++n}.md`, text);
  /** The note once every planned link is written. */
  const linked = (doc: InMemoryDocument, plan: LinkPlan) =>
    applyEdits(
      doc.getText(),
      plan.links.map((l) => l.edit),
    );

  beforeEach(() => {
    settings = { mode: 'perTalk', scope: 'cncf' };
    // A real analysis cache and the bundled index, with the feature's settings beside them.
    linking = new ProjectLinking(
      Object.assign(new MemoryAnalyses({}, bundledIndex()), {
        linkMode: () => settings.mode,
        landscapeScope: () => settings.scope,
      }),
    );
  });

  it('links the first mention of each project per talk, leaving code, headings already linked and ordinary words alone', async () => {
    const doc = note(FIXTURE);
    const plan = await linking.plan(doc);
    assert.strictEqual(plan.version, doc.version);
    assert.strictEqual(plan.title, 'Link Project Mentions (first mention per talk): 4 links');
    const expected = FIXTURE.replace('We run Prometheus with Thanos', 'We run [Prometheus](https://prometheus.io/) with [Thanos](https://thanos.io/)')
      .replace('Dashboards moved to Perses;', 'Dashboards moved to [Perses](https://perses.dev);')
      .replace('dashboards read from Prometheus.', 'dashboards read from [Prometheus](https://prometheus.io/).');
    assert.strictEqual(linked(doc, plan), expected);
  });

  it('links every mention in everyMention mode (the setting, or the mode asked for)', async () => {
    settings.mode = 'everyMention';
    const doc = note(FIXTURE);
    const every = await linking.plan(doc);
    assert.strictEqual(every.links.length, 6);
    assert.match(every.title, /\(every mention\): 6 links$/);
    const text = linked(doc, every);
    assert.strictEqual((text.match(/\[Prometheus\]\(https:\/\/prometheus\.io\/\)/g) ?? []).length, 3);
    assert.ok(text.includes('prometheus --config.file=prometheus.yml'), 'code untouched');
    assert.ok(text.includes('spin up a test cluster'), 'ordinary words untouched');
    const perDocument = await linking.plan(doc, { mode: 'perDocument' });
    assert.deepStrictEqual(
      perDocument.links.map((l) => l.mention.text),
      ['Prometheus', 'Thanos'],
    );
    assert.match(perDocument.title, /\(first mention in the note\): 2 links$/);
  });

  it('shows each link as it will be written, with the project, its line and the line’s text', async () => {
    const doc = note('### T\n\nWe measured power with kepler on each node.\n');
    const plan = await linking.plan(doc);
    assert.deepStrictEqual(
      plan.links.map(({ label, description, detail }) => ({ label, description, detail })),
      [{ label: 'kepler → [kepler](https://sustainable-computing.io/)', description: 'Kepler · line 3', detail: 'We measured power with kepler on each node.' }],
    );
    assert.strictEqual(linked(doc, plan), doc.getText().replace('kepler', '[kepler](https://sustainable-computing.io/)'));
    const long = note(`### Helm\n\n${'Words before the name. '.repeat(8)}Then Linkerd.\n`);
    const [heading, prose] = (await linking.plan(long)).links;
    assert.strictEqual(heading.description, 'Helm · line 1 (heading)');
    assert.strictEqual(prose.detail.length, 118);
    assert.ok(prose.detail.endsWith('…'));
  });

  it('links only inside the selection, and says why nothing is linked', async () => {
    const doc = note(FIXTURE);
    // Line 11 (0-based 10) holds Perses.
    const within = { start: { line: 10, character: 0 }, end: { line: 10, character: 30 } };
    const plan = await linking.plan(doc, { within });
    assert.deepStrictEqual(
      plan.links.map((l) => `${l.mention.line} ${l.mention.text}`),
      ['11 Perses'],
    );
    const code = await linking.plan(doc, { within: { start: { line: 16, character: 0 }, end: { line: 18, character: 3 } } });
    assert.deepStrictEqual(code.links, []);
    assert.strictEqual(code.nothingToLink, 'no unlinked project mentions to link in the selection.');
    const typo = await linking.plan(note('Vitness came up.\n'));
    assert.strictEqual(typo.nothingToLink, 'no unlinked project mentions to link (1 possible mention or typo are shown as hints).');
  });

  it('offers the projects ranked by the selected text, or those of the scope, graduated first', async () => {
    const ranked = await linking.choices('Longhorn');
    assert.strictEqual(ranked[0].label, 'Longhorn');
    assert.strictEqual(ranked[0].description, 'CNCF incubating · Cloud Native Storage');
    const all = await linking.choices('');
    const maturities = all.map((c) => c.entry.maturity);
    assert.strictEqual(maturities[0], 'graduated');
    const firstIncubating = maturities.indexOf('incubating');
    assert.ok(firstIncubating > 0 && maturities.slice(firstIncubating).every((m) => m !== 'graduated'), 'graduated first');
    const graduated = all.slice(0, firstIncubating).map((c) => c.label);
    assert.deepStrictEqual(
      graduated,
      [...graduated].sort((a, b) => a.localeCompare(b)),
      'then by name',
    );
    settings.scope = 'all';
    assert.ok((await linking.choices('')).length > all.length, 'the scope all offers more');
    const otel = all.find((c) => c.label === 'OpenTelemetry');
    assert.match(otel?.detail ?? '', /^https:\/\/opentelemetry\.io\/? {2}· {2}.*OTel/);
  });

  it('writes the link with the selected text, or the name, and finds a project by name or alias', async () => {
    const otel = await linking.named('OpenTelemetry');
    assert.ok(otel);
    assert.strictEqual(await linking.linkText(otel, 'otel'), '[otel](https://opentelemetry.io/)');
    assert.strictEqual(await linking.linkText(otel, ''), '[OpenTelemetry](https://opentelemetry.io/)');
    assert.strictEqual((await linking.named('otel'))?.name, 'OpenTelemetry');
    assert.strictEqual(await linking.named('No Such Project'), undefined);
  });
});
