import * as assert from 'assert';
import { InMemoryDocument, applyEdits, type Range } from '../../../src/core/document';
import { checkSummary, headingSpaceFixes, PublishChecker, PUBLISH_CHECK_SOURCE, type CheckedNote, type UncheckedNote } from '../../../src/language/publishCheck';
import { bundledIndex } from '../../support/language';
import { democonSchedule, fixtureNote, MemoryNoteServices } from '../../support/noteCommands';

const SEVERITY = { error: 'error', warning: 'warning', info: 'info' };

/** The diagnostics as the integration test reads them: `line:col code severity`, 1-based. */
function shown(result: CheckedNote | UncheckedNote): string[] {
  assert.ok('diagnostics' in result, 'the note was checked');
  return result.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${SEVERITY[d.severity]}`);
}

/** The text a range covers. */
function textOf(doc: InMemoryDocument, range: Range): string {
  return doc.getText().slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

describe('language/publishCheck: Check Notes Before Publishing, built with in-memory services', () => {
  it('lists the problems of a YAML note with their ranges, severities and codes, and the summary', async () => {
    const checker = new PublishChecker(new MemoryNoteServices({}, bundledIndex()));
    const doc = fixtureNote('frontmatter/todo-note.md');
    const result = await checker.check(doc);
    // The unlinked mention on line 13 is left to the live project hints (it still counts).
    assert.deepStrictEqual(shown(result), [
      '1:1 tags info',
      '4:8 draft warning',
      '5:1 tags info',
      '14:11 placeholder warning',
      '15:3 todo warning',
      '16:18 bad-link warning',
      '18:1 empty-talk warning',
    ]);
    assert.ok('diagnostics' in result);
    const todo = result.diagnostics.find((d) => d.code === 'todo')!;
    assert.strictEqual(todo.message, 'Unresolved TODO: TODO: add the recording when it is published');
    assert.strictEqual(textOf(doc, todo.range), 'TODO: add the recording when it is published');
    assert.strictEqual(result.version, doc.version);
    assert.deepStrictEqual(checkSummary(result), {
      severity: 'warning',
      message:
        'Talk Capture: 5 things to fix before publishing: 1 TODO, 1 placeholder link, 1 empty talk, 1 link without an http(s) URL, draft still true; 3 hints: 1 unlinked project mention, 2 tag fields missing linked projects. See the Problems panel.',
      showProblems: true,
    });
  });

  it('lists unlinked mentions itself when the live project hints are off', async () => {
    const services = new MemoryNoteServices({}, bundledIndex());
    services.projectHints = false;
    const doc = fixtureNote('frontmatter/todo-note.md');
    const result = await new PublishChecker(services).check(doc);
    assert.ok(shown(result).includes('13:52 unlinked-project info'), shown(result).join(', '));
    assert.ok('diagnostics' in result);
    assert.strictEqual(textOf(doc, result.diagnostics.find((d) => d.code === 'unlinked-project')!.range), 'Prometheus');
  });

  it('follows the note to its next version (the draft problem goes once draft is off)', async () => {
    const checker = new PublishChecker(new MemoryNoteServices({}, bundledIndex()));
    const doc = fixtureNote('frontmatter/todo-note.md');
    assert.ok(shown(await checker.check(doc)).includes('4:8 draft warning'));
    const next = new InMemoryDocument(doc.uri, doc.getText().replace('draft: true', 'draft: false'), doc.version + 1);
    const result = await checker.check(next);
    assert.ok(!shown(result).some((p) => p.includes(' draft ')), shown(result).join(', '));
    assert.strictEqual(result.version, next.version);
  });

  it('says a clean TOML note is ready, with nothing to show', async () => {
    const result = await new PublishChecker(new MemoryNoteServices({}, bundledIndex())).check(fixtureNote('frontmatter/clean-toml.md'));
    assert.deepStrictEqual(shown(result), []);
    assert.deepStrictEqual(checkSummary(result), {
      severity: 'info',
      message: 'Talk Capture: ready to publish: no TODOs, placeholders, empty talks, broken links or tag gaps, and not a draft.',
      showProblems: false,
    });
  });

  it('reports a TOML draft, and broken YAML front matter as an error on its line', async () => {
    const checker = new PublishChecker(new MemoryNoteServices({}, bundledIndex()));
    assert.deepStrictEqual(shown(await checker.check(fixtureNote('frontmatter/draft-toml.md'))), ['4:9 draft warning']);
    const broken = await checker.check(fixtureNote('frontmatter/broken-yaml.md'));
    assert.deepStrictEqual(shown(broken), ['5:1 front-matter error']);
    assert.ok('diagnostics' in broken);
    assert.match(broken.diagnostics[0].message, /line 5: duplicate key `tags`/);
  });

  it('says a note with hints only is ready to publish, naming the hints, without opening the panel', async () => {
    const text = '---\ntitle: "x"\ntags: [kubernetes]\n---\n\n## Day 1\n\n### A talk\n\n- [Jaeger](https://www.jaegertracing.io/) traces.\n';
    const result = await new PublishChecker(new MemoryNoteServices({}, bundledIndex())).check(new InMemoryDocument('file:///hints-only.md', text));
    assert.deepStrictEqual(shown(result), ['1:1 tags info', '3:1 tags info']);
    assert.deepStrictEqual(checkSummary(result), {
      severity: 'info',
      message: 'Talk Capture: ready to publish; 2 hints: 2 tag fields missing linked projects. See the Problems panel.',
      showProblems: false,
    });
  });

  it('says why a note that cannot be read is not checked', async () => {
    const checker = new PublishChecker(new MemoryNoteServices({ maxChars: 100 }, bundledIndex()));
    const doc = new InMemoryDocument('file:///large.md', `## Day 1\n\n${'- a long line of notes\n'.repeat(20)}`);
    const result = await checker.check(doc);
    assert.ok('skipped' in result);
    const summary = checkSummary(result);
    assert.strictEqual(summary.severity, 'warning');
    assert.strictEqual(summary.message, `Talk Capture: cannot check this note: ${result.skipped}`);
    assert.match(result.skipped, /\S/);
  });

  it('checks without the landscape index when it cannot be loaded, and logs why', async () => {
    const services = new MemoryNoteServices();
    const result = await new PublishChecker(services).check(fixtureNote('frontmatter/todo-note.md'));
    assert.ok(shown(result).includes('15:3 todo warning'));
    assert.deepStrictEqual(services.logged, ['error: The landscape index cannot be loaded: No landscape index was given.']);
  });

  describe('the schedule’s speaker hint', () => {
    const NOTE = '---\ndate: 2099-03-26\nschedule: sched-democon.ics\n---\n\n## Day01\n\n### Tracing, Gently - Ana Lma & Bo Chen, Acme\n\n- notes\n';

    it('hints at a speaker name that differs from the schedule’s, over the name', async () => {
      const services = new MemoryNoteServices({}, bundledIndex());
      const doc = new InMemoryDocument('file:///speakers.md', NOTE);
      services.schedules.set(doc.uri, democonSchedule());
      const result = await new PublishChecker(services).check(doc);
      assert.ok('diagnostics' in result);
      const hint = result.diagnostics.find((d) => d.code === 'speaker-name');
      assert.ok(hint, shown(result).join(', '));
      assert.strictEqual(hint.message, '“Ana Lma” is not a speaker of “Tracing, Gently” in the schedule: did you mean Ana Lima?');
      assert.strictEqual(hint.severity, 'info');
      assert.strictEqual(textOf(doc, hint.range), 'Ana Lma');
    });

    it('has no hint without a schedule, or when its copy cannot be read', async () => {
      const services = new MemoryNoteServices({}, bundledIndex());
      const none = await new PublishChecker(services).check(new InMemoryDocument('file:///no-schedule.md', NOTE));
      const failing = new InMemoryDocument('file:///failing-schedule.md', NOTE);
      services.failingSchedules.add(failing.uri);
      const unread = await new PublishChecker(services).check(failing);
      for (const r of [none, unread]) assert.ok(!shown(r).some((p) => p.includes('speaker-name')), shown(r).join(', '));
    });
  });

  describe('the quick fix of `##Title`', () => {
    const TEXT = '## Day 1\n\n##Storage at scale\n\n- notes\n';

    it('adds the space after the #s of a heading-space problem', async () => {
      const doc = new InMemoryDocument('file:///heading-space.md', TEXT);
      const result = await new PublishChecker(new MemoryNoteServices({}, bundledIndex())).check(doc);
      assert.ok('diagnostics' in result);
      const problem = result.diagnostics.find((d) => d.code === 'heading-space');
      assert.ok(problem, shown(result).join(', '));
      const fixes = headingSpaceFixes(doc, [{ ...problem, source: PUBLISH_CHECK_SOURCE }]);
      assert.deepStrictEqual(
        fixes.map((f) => f.title),
        ['Add a space after ## (make it a heading)'],
      );
      assert.strictEqual(applyEdits(doc.getText(), [fixes[0].edit]), TEXT.replace('##Storage', '## Storage'));
    });

    it('offers nothing for another source or kind, or a line that no longer lacks the space', () => {
      const doc = new InMemoryDocument('file:///heading-space-2.md', '## Day 1\n\n  ###Indented\n\n## Fine\n');
      const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 3 } });
      const fixes = headingSpaceFixes(doc, [
        { range: at(2), source: 'Talk Capture', code: 'heading-space' },
        { range: at(2), source: PUBLISH_CHECK_SOURCE, code: 'todo' },
        { range: at(4), source: PUBLISH_CHECK_SOURCE, code: 'heading-space' },
        { range: at(40), source: PUBLISH_CHECK_SOURCE, code: 'heading-space' },
        { range: at(2), source: PUBLISH_CHECK_SOURCE, code: 'heading-space' },
      ]);
      assert.deepStrictEqual(
        fixes.map((f) => [f.title, f.diagnostic.range.start.line]),
        [['Add a space after ### (make it a heading)', 2]],
      );
      assert.strictEqual(applyEdits(doc.getText(), [fixes[0].edit]), '## Day 1\n\n  ### Indented\n\n## Fine\n');
    });
  });
});
