import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../../src/core/document';
import type { LinkMode } from '../../../src/core/landscape/linkPlan';
import { ProjectHints, type ProjectHint } from '../../../src/language/projectHints';
import { bundledIndex, InMemoryDocument, MemoryAnalyses } from '../../support/language';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'workspace', 'linking', 'notes.md'), 'utf8');

describe('language/projectHints: the live project hints and their quick fixes, built with in-memory services', () => {
  let settings: { on: boolean; mode: LinkMode; maxChars: number };
  let hints: ProjectHints;
  let n = 0;
  const note = (text: string) => new InMemoryDocument(`file:///hints/${++n}.md`, text);
  /** Each hint as `line:column code severity: message` (1-based, as the Problems panel shows it). */
  const shown = (hs: readonly ProjectHint[]) => hs.map((h) => `${h.range.start.line + 1}:${h.range.start.character + 1} ${h.code} ${h.severity}: ${h.message}`);

  async function hintsOf(doc: InMemoryDocument): Promise<ProjectHint[]> {
    const found = await hints.provideHints(doc);
    assert.ok(found, 'hints');
    return found;
  }

  beforeEach(() => {
    settings = { on: true, mode: 'perTalk', maxChars: 10_000_000 };
    // A real analysis cache and the bundled index, with the feature's settings beside them.
    hints = new ProjectHints(
      Object.assign(new MemoryAnalyses({}, bundledIndex()), {
        unlinkedProjectHints: () => settings.on,
        linkMode: () => settings.mode,
        maxFileChars: () => settings.maxChars,
      }),
    );
  });

  it('hints the first unlinked mention of each project per talk and the typos, never code or a linked heading', async () => {
    const doc = note(FIXTURE);
    const found = await hintsOf(doc);
    assert.deepStrictEqual(shown(found), [
      '10:8 unlinked-project information: Prometheus is not linked.',
      '10:24 unlinked-project information: Thanos is not linked.',
      '11:21 unlinked-project information: Perses is not linked.',
      '15:29 unlinked-project information: Prometheus is not linked.',
      '15:41 project-typo information: Did you mean Vitess?',
    ]);
    const text = doc.getText();
    const lines = text.split('\n');
    for (const h of found) assert.strictEqual(lines[h.range.start.line].slice(h.range.start.character, h.range.end.character), h.mention.text);
  });

  it('follows talkCapture.linkMentions.mode: every mention is hinted in everyMention', async () => {
    settings.mode = 'everyMention';
    const unlinked = (await hintsOf(note(FIXTURE))).filter((h) => h.code === 'unlinked-project');
    assert.deepStrictEqual(
      unlinked.map((h) => `${h.range.start.line + 1} ${h.mention.text}`),
      ['10 Prometheus', '10 Thanos', '10 Prometheus', '11 Perses', '15 Perses', '15 Prometheus'],
    );
  });

  it('names the spelling when it is not the name, and hints an ordinary word that may be the project', async () => {
    const found = await hintsOf(note('## Talk\n\nWe moved to otel last year.\n\nCloud events are everywhere.\n'));
    assert.deepStrictEqual(shown(found), [
      '3:13 unlinked-project information: OpenTelemetry is not linked (otel).',
      '5:1 possible-project hint: Cloud events may be the project CloudEvents.',
    ]);
  });

  it('gives no hints when the setting is off or the note is over the size limit', async () => {
    const doc = note(FIXTURE);
    assert.strictEqual(hints.enabledFor(doc), true);
    settings.on = false;
    assert.strictEqual(hints.enabledFor(doc), false);
    settings.on = true;
    settings.maxChars = FIXTURE.length - 1;
    assert.strictEqual(hints.enabledFor(doc), false);
  });

  it('stops when the request is cancelled while the index loads', async () => {
    assert.strictEqual(await hints.provideHints(note(FIXTURE), { isCancellationRequested: true }), undefined);
  });

  it('offers Link to and Change to for a typo, and each writes what it says', async () => {
    const doc = note(FIXTURE);
    const typo = (await hintsOf(doc)).find((h) => h.code === 'project-typo')!;
    const fixes = hints.quickFixes(doc.uri, [{ hint: typo, textNow: 'Vitness' }]);
    assert.deepStrictEqual(
      fixes.map((f) => [f.title, f.isPreferred]),
      [
        ['Link to Vitess', false],
        ['Change to Vitess', true],
      ],
    );
    const line = (fix: (typeof fixes)[number]) => applyEdits(doc.getText(), [fix.edit!]).split('\n')[14];
    assert.strictEqual(line(fixes[0]), 'Perses dashboards read from Prometheus. [Vitess](https://vitess.io/) came up in the Q&A.');
    assert.strictEqual(line(fixes[1]), 'Perses dashboards read from Prometheus. Vitess came up in the Q&A.');
  });

  it('offers Link to (preferred) and Link all for an unlinked mention, and nothing for a hint whose text changed', async () => {
    const doc = note(FIXTURE);
    const thanos = (await hintsOf(doc)).find((h) => h.mention.text === 'Thanos')!;
    const fixes = hints.quickFixes(doc.uri, [{ hint: thanos, textNow: 'Thanos' }]);
    assert.deepStrictEqual(
      fixes.map((f) => f.title),
      ['Link to Thanos', 'Link all project mentions of this note…'],
    );
    assert.strictEqual(fixes[0].isPreferred, true);
    assert.ok(applyEdits(doc.getText(), [fixes[0].edit!]).includes('with [Thanos](https://thanos.io/) for long-term'));
    assert.deepStrictEqual(fixes[1].command, { command: 'talkCapture.linkProjectMentions', title: 'Link Project Mentions', arguments: [{ uri: doc.uri, wholeDocument: true }] });
    const stale = hints.quickFixes(doc.uri, [{ hint: thanos, textNow: 'Thano' }]);
    assert.deepStrictEqual(
      stale.map((f) => f.title),
      ['Link all project mentions of this note…'],
    );
  });
});
