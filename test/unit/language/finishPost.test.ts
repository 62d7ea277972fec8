import * as assert from 'assert';
import { InMemoryDocument } from '../../../src/core/document';
import { FinishPost, FinishPreview, finishMessage, finishSteps } from '../../../src/language/finishPost';
import { PublishChecker } from '../../../src/language/publishCheck';
import { bundledIndex } from '../../support/language';
import { edited, MemoryNoteServices } from '../../support/noteCommands';

const NOTE = [
  '---',
  'title: "Finish me"',
  'draft: true',
  'tags: [kubernetes]',
  '---',
  '',
  '## Day 1',
  '',
  '### Storage at scale - Ada Example, Example Corp',
  '',
  '- Vitness shards the data; Jaeger traces it.',
  '- Slides: [slides](TODO)',
  '',
].join('\n');

let notes = 0;

/** The preview of `text`, its finished note with the `chosen` steps, and what Finish Post says then (after the check). */
async function finish(text: string, chosen = finishSteps(['typos', 'links', 'tags', 'draft']), services = new MemoryNoteServices({}, bundledIndex())) {
  const doc = new InMemoryDocument(`file:///finish-${++notes}.md`, text);
  const preview = await new FinishPost(services).preview(doc);
  assert.ok(preview instanceof FinishPreview, 'a preview');
  const plan = preview.planOn(doc, chosen);
  const after = edited(doc, plan.edits);
  const check = await new PublishChecker(services).check(after);
  return { preview, after: after.getText(), ...finishMessage(plan, chosen, plan.edits.length > 0, check) };
}

describe('language/finishPost: Finish Post…, built with in-memory services', () => {
  it('previews the steps with their icons and changes, applies them all, and says what is left', async () => {
    const { preview, after, result, message } = await finish(NOTE);
    assert.strictEqual(preview.title, 'Finish Post: 4 steps to apply');
    assert.deepStrictEqual(
      preview.rows().map((r) => ({ label: r.label, detail: r.detail, picked: r.picked, description: r.description })),
      [
        { label: '$(whole-word) Fix 1 typo', detail: 'Vitness → Vitess', picked: true, description: undefined },
        { label: '$(link) Link 2 project mentions', detail: 'Vitess, Jaeger', picked: true, description: undefined },
        { label: '$(tag) Add 4 tags', detail: 'tags: vitess, jaeger; categories: vitess, jaeger', picked: true, description: undefined },
        { label: '$(eye) Turn draft off', detail: 'draft: false', picked: true, description: undefined },
      ],
    );
    assert.strictEqual(
      after,
      NOTE.replace('draft: true', 'draft: false')
        .replace('tags: [kubernetes]', 'tags: [kubernetes, vitess, jaeger]\ncategories: [vitess, jaeger]')
        .replace('- Vitness shards the data; Jaeger traces it.', '- [Vitess](https://vitess.io/) shards the data; [Jaeger](https://www.jaegertracing.io/) traces it.'),
    );
    assert.deepStrictEqual(result, { applied: ['typos', 'links', 'tags', 'draft'], problems: 1 });
    assert.deepStrictEqual(message, {
      severity: 'warning',
      message: 'Talk Capture: finished the post: fixed 1 typo, linked 2 project mentions, added 4 tags, turned draft off. Still needs you: 1 placeholder link.',
      buttons: ['Show Problems', 'Show TODO Links'],
    });
  });

  it('leaves out the steps not chosen (unknown names ignored)', async () => {
    const chosen = finishSteps(['links', 'draft', 'everything']);
    assert.deepStrictEqual([...chosen], ['links', 'draft']);
    const { after, result, message } = await finish(NOTE, chosen);
    assert.strictEqual(
      after,
      NOTE.replace('draft: true', 'draft: false').replace(
        '- Vitness shards the data; Jaeger traces it.',
        '- Vitness shards the data; [Jaeger](https://www.jaegertracing.io/) traces it.',
      ),
    );
    assert.deepStrictEqual(result.applied, ['links', 'draft']);
    assert.match(message.message, /linked 1 project mention, turned draft off\. Still needs you: .*1 placeholder link.*1 typo hint.*tag fields? missing linked projects/);
  });

  it('does what it can when the front matter is broken, and says why the rest cannot be done', async () => {
    const text = '---\ntitle: "Broken\ndraft: true\ntags: kubernetes\n---\n\n### A talk\n\n- Jaeger traces.\n';
    const { preview, after, result, message } = await finish(text);
    assert.deepStrictEqual(
      preview.rows().map((r) => [r.id, r.picked, r.description]),
      [
        ['typos', false, 'nothing to do'],
        ['links', true, undefined],
        ['tags', false, 'cannot run'],
        ['draft', false, 'cannot run'],
      ],
    );
    assert.strictEqual(after, text.replace('- Jaeger traces.', '- [Jaeger](https://www.jaegertracing.io/) traces.'));
    assert.deepStrictEqual(result.applied, ['links']);
    assert.match(message.message, /linked 1 project mention\. Cannot add tags: YAML front matter, line \d+: .*\. Cannot turn draft off: .*Still needs you: .*front matter problem/);
    assert.deepStrictEqual(message.buttons, ['Show Problems']);
  });

  it('a finished note: no step to apply, nothing changed, and ready to publish', async () => {
    const text = '---\ntitle: "Done"\ntags: [jaeger]\ncategories: [jaeger]\n---\n\n### A talk\n\n- [Jaeger](https://www.jaegertracing.io/) traces.\n';
    const { preview, after, result, message } = await finish(text);
    assert.strictEqual(preview.stepsToApply, 0);
    assert.strictEqual(after, text);
    assert.deepStrictEqual(result, { applied: [], problems: 0 });
    assert.deepStrictEqual(message, { severity: 'info', message: 'Talk Capture: nothing was changed. Ready to publish.', buttons: [] });
  });

  it('plans again on the note as it is when applied', async () => {
    const services = new MemoryNoteServices({}, bundledIndex());
    const doc = new InMemoryDocument('file:///finish-changed.md', NOTE);
    const preview = await new FinishPost(services).preview(doc);
    assert.ok(preview instanceof FinishPreview);
    const typed = edited(doc, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, newText: '- Then Helm.\n' }]);
    const plan = preview.planOn(typed, finishSteps(['links']));
    assert.strictEqual(
      edited(typed, plan.edits).getText(),
      typed.getText().replace('Jaeger traces it.', '[Jaeger](https://www.jaegertracing.io/) traces it.').replace('- Then Helm.', '- Then [Helm](https://helm.sh/).'),
    );
  });

  it('says when the note could not be checked, or the applying failed', () => {
    const plan = { steps: [], text: NOTE, edits: [] };
    const chosen = finishSteps(['links']);
    assert.deepStrictEqual(finishMessage(plan, chosen, false, { skipped: 'it is binary' }), {
      result: { applied: [], problems: undefined },
      message: { severity: 'warning', message: 'Talk Capture: nothing was changed. The note could not be checked: it is binary.', buttons: [] },
    });
    assert.strictEqual(finishMessage(plan, chosen, false, undefined).message.message, 'Talk Capture: nothing was changed. The note could not be checked.');
  });

  it('changes nothing when the landscape index cannot be loaded, and says why', async () => {
    const services = new MemoryNoteServices();
    const preview = await new FinishPost(services).preview(new InMemoryDocument('file:///finish-no-index.md', NOTE));
    assert.deepStrictEqual(preview, { error: 'Talk Capture: the landscape index cannot be loaded (No landscape index was given.); nothing was changed.' });
    assert.strictEqual(services.logged.length, 1);
  });
});
