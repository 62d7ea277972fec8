import * as assert from 'assert';
import { InMemoryDocument } from '../../../src/core/document';
import { FrontMatterCommands, type FrontMatterChange } from '../../../src/language/frontMatter';
import { bundledIndex } from '../../support/language';
import { edited, fixtureNote, MemoryNoteServices } from '../../support/noteCommands';

/** The note after a change (its edits applied with core applyEdits). */
function after(doc: InMemoryDocument, change: FrontMatterChange): string {
  return edited(doc, change.edits).getText();
}

describe('language/frontMatter: the front matter commands, built with in-memory services', () => {
  const services = new MemoryNoteServices({}, bundledIndex());
  const commands = new FrontMatterCommands(services);

  describe('Toggle Draft', () => {
    it('adds draft after the date in YAML, keeping the comment; says so once applied', () => {
      const doc = fixtureNote('frontmatter/draft-yaml.md');
      const change = commands.toggleDraft(doc);
      assert.strictEqual(after(doc, change), '---\ntitle: "Toggle me"\ndate: 2024-03-22T09:00:00+01:00 # keep this comment\ndraft: true\ntags: [a, b]\n---\nBody\n');
      assert.deepStrictEqual(change.notice, { kind: 'status', message: 'Talk Capture: draft is now true', record: 'draft: true', ms: 4000 });
      assert.strictEqual(change.whenApplied, true);
    });

    it('flips the top-level draft in TOML, not the one in [params], and back', () => {
      const doc = fixtureNote('frontmatter/draft-toml.md');
      const once = edited(doc, commands.toggleDraft(doc).edits);
      assert.strictEqual(once.getText(), doc.getText().replace('draft = true # still writing', 'draft = false # still writing'));
      assert.ok(once.getText().includes('draft = "not this one"'));
      assert.strictEqual(after(once, commands.toggleDraft(once)), doc.getText());
    });

    it('keeps CRLF line endings', () => {
      const doc = fixtureNote('frontmatter/crlf-yaml.md');
      assert.ok(doc.getText().includes('\r\n'));
      assert.strictEqual(after(doc, commands.toggleDraft(doc)), doc.getText().replace('draft: true\r\n', 'draft: false\r\n'));
    });
  });

  describe('Set Date to Now', () => {
    it('writes the clock’s local time with its offset in YAML, touching only the date', () => {
      const clock = new MemoryNoteServices({}, bundledIndex());
      clock.clock = new Date(2031, 4, 6, 9, 30, 15);
      const doc = fixtureNote('frontmatter/draft-yaml.md');
      const change = new FrontMatterCommands(clock).setDateNow(doc);
      const text = after(doc, change);
      const m = /^date: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}) # keep this comment$/m.exec(text);
      assert.ok(m, text);
      assert.strictEqual(m[1].slice(0, 19), '2031-05-06T09:30:15');
      assert.strictEqual(new Date(m[1]).getTime(), clock.clock.getTime());
      assert.strictEqual(text.replace(/^date: .*$/m, 'date: X'), doc.getText().replace(/^date: .*$/m, 'date: X'));
      assert.deepStrictEqual(change.notice, { kind: 'status', message: `Talk Capture: date set to ${m[1]}`, record: `date: ${m[1]}`, ms: 4000 });
      assert.ok(!change.whenApplied, 'said even when the date was already now');
    });

    it('keeps a date-only TOML date a date', () => {
      const doc = fixtureNote('frontmatter/draft-toml.md');
      assert.strictEqual(after(doc, commands.setDateNow(doc)), doc.getText().replace('date = 2024-03-22\n', `date = 2031-05-06\n`));
    });
  });

  describe('Sync Tags from Linked Projects', () => {
    async function sync(doc: InMemoryDocument, s = services): Promise<FrontMatterChange> {
      const ready = await new FrontMatterCommands(s).syncTags(doc);
      assert.ok('change' in ready, 'not refused');
      return ready.change(doc);
    }

    it('adds the linked projects to YAML tags and creates categories, and says what it added', async () => {
      const doc = fixtureNote('frontmatter/sync-yaml.md');
      const change = await sync(doc);
      assert.strictEqual(
        after(doc, change),
        doc.getText().replace('  - Backstage\n', '  - Backstage\n  - Prometheus\n  - OpenTelemetry\ncategories:\n  - Backstage\n  - Prometheus\n  - OpenTelemetry\n'),
      );
      assert.deepStrictEqual(change.notice, { kind: 'info', message: 'Talk Capture: added tags: Prometheus, OpenTelemetry; categories: Backstage, Prometheus, OpenTelemetry.' });
      assert.strictEqual(change.whenApplied, true);
    });

    it('follows the TOML list style, and the tag style and fields settings', async () => {
      const doc = fixtureNote('frontmatter/sync-toml.md');
      assert.strictEqual(
        after(doc, await sync(doc)),
        doc
          .getText()
          .replace(
            "tags = ['kubernetes', 'backstage']\n",
            "tags = ['kubernetes', 'backstage', 'prometheus', 'inspektor gadget']\ncategories = ['backstage', 'prometheus', 'inspektor gadget']\n",
          ),
      );
      const slug = new MemoryNoteServices({}, bundledIndex());
      slug.tags = { fields: ['tags'], style: 'slug' };
      assert.strictEqual(after(doc, await sync(doc, slug)), doc.getText().replace("'backstage']", "'backstage', 'prometheus', 'inspektor-gadget']"));
    });

    it('says when there is nothing to add, and when the note links no project', async () => {
      const clean = fixtureNote('frontmatter/clean-note.md');
      const done = await sync(clean);
      assert.deepStrictEqual(done, { edits: [], notice: { kind: 'info', message: 'Talk Capture: tags and categories already name all 2 linked projects.' } });
      const bare = new InMemoryDocument('file:///bare.md', '---\ntitle: x\n---\n\nNo links here.\n');
      assert.deepStrictEqual((await sync(bare)).notice, {
        kind: 'info',
        message: 'Talk Capture: the note links no landscape project yet (Link Project Mentions links them); nothing to add.',
      });
    });

    it('is refused when no tag field is set, or the landscape index cannot be loaded', async () => {
      const noFields = new MemoryNoteServices({}, bundledIndex());
      noFields.tags = { fields: [], style: 'auto' };
      const doc = fixtureNote('frontmatter/sync-yaml.md');
      assert.deepStrictEqual(await new FrontMatterCommands(noFields).syncTags(doc), {
        refused: { kind: 'warning', message: 'Talk Capture: talkCapture.tags.fields is empty: there is no field to sync.' },
      });
      const noIndex = new MemoryNoteServices();
      assert.deepStrictEqual(await new FrontMatterCommands(noIndex).syncTags(doc), {
        refused: { kind: 'error', message: 'Talk Capture: the landscape index cannot be loaded (No landscape index was given.); tags were not synced.' },
      });
      assert.deepStrictEqual(noIndex.logged, ['error: The landscape index cannot be loaded: No landscape index was given.']);
    });
  });

  it('refuses broken front matter with the line and reason, and no edit', async () => {
    const doc = fixtureNote('frontmatter/broken-yaml.md');
    const ready = await commands.syncTags(doc);
    assert.ok('change' in ready);
    for (const change of [commands.toggleDraft(doc), commands.setDateNow(doc), ready.change(doc)]) {
      assert.deepStrictEqual(change.edits, []);
      assert.strictEqual(change.notice?.kind, 'error');
      assert.match(change.notice.message, /YAML front matter, line 5: duplicate key `tags`.*Nothing was changed\.$/);
      assert.ok(!change.whenApplied);
    }
  });

  describe('Sync Tags on save', () => {
    it('adds the tags of the links, with a status bar message', async () => {
      const doc = fixtureNote('frontmatter/draft-yaml.md');
      const linked = edited(doc, [
        { range: { start: { line: 5, character: 4 }, end: { line: 5, character: 4 } }, newText: '\nTraces with [Jaeger](https://www.jaegertracing.io/).' },
      ]);
      const change = await commands.tagsOnSave(linked);
      assert.strictEqual(after(linked, change), linked.getText().replace('tags: [a, b]', 'tags: [a, b, jaeger]\ncategories: [jaeger]'));
      const message = 'Talk Capture: added tags: jaeger; categories: jaeger.';
      assert.deepStrictEqual(change.notice, { kind: 'status', message, record: message, ms: 6000 });
    });

    it('does nothing, silently, without links, with nothing to add, or without an index; logs a front matter it cannot edit', async () => {
      assert.deepStrictEqual(await commands.tagsOnSave(fixtureNote('frontmatter/draft-yaml.md')), { edits: [] });
      assert.deepStrictEqual(await commands.tagsOnSave(fixtureNote('frontmatter/clean-note.md')), { edits: [] });
      const noIndex = new MemoryNoteServices();
      assert.deepStrictEqual(await new FrontMatterCommands(noIndex).tagsOnSave(fixtureNote('frontmatter/sync-yaml.md')), { edits: [] });
      const logging = new MemoryNoteServices({}, bundledIndex());
      const broken = new InMemoryDocument('file:///broken-save.md', '---\ntags: [a]\ntags: [b]\n---\n\n[Jaeger](https://www.jaegertracing.io/)\n');
      assert.deepStrictEqual(await new FrontMatterCommands(logging).tagsOnSave(broken), { edits: [] });
      assert.strictEqual(logging.logged.length, 1);
      assert.match(logging.logged[0], /^warn: Sync tags on save skipped for file:\/\/\/broken-save\.md: .*duplicate key `tags`/);
    });
  });
});
