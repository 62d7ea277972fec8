import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { closeAllEditors, getApiOf, openFile, setSetting, waitFor, workspaceUri } from './helpers';
import type { FrontMatterApi } from '../../src/vscode/api';

/** Reverts (discarding changes) and closes every editor, without a save prompt. */
const revertAll = closeAllEditors;

const onDisk = (relative: string) => fs.readFileSync(workspaceUri(relative).fsPath, 'utf8');

async function run(command: string, relative: string): Promise<{ editor: vscode.TextEditor; before: string; after: string; api: { frontMatter: FrontMatterApi } }> {
  const frontMatter = await getApiOf('frontMatter');
  const api = { frontMatter };
  const editor = await openFile(relative);
  const before = editor.document.getText();
  frontMatter.lastMessage = undefined;
  await vscode.commands.executeCommand(command);
  return { editor, before, after: editor.document.getText(), api };
}

async function undoTo(editor: vscode.TextEditor, text: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  assert.strictEqual(editor.document.getText(), text, 'one undo restores the note');
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Today's date and the local offset, as the extension host sees them. */
function localToday(): { date: string; offset: string } {
  const now = new Date();
  const off = -now.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    offset: `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`,
  };
}

describe('front matter commands', () => {
  afterEach(revertAll);

  it('Toggle Draft adds draft after the date in YAML, keeping the comment; undo restores', async () => {
    const { editor, before, after } = await run('talkCapture.toggleDraft', 'frontmatter/draft-yaml.md');
    assert.strictEqual(after, '---\ntitle: "Toggle me"\ndate: 2024-03-22T09:00:00+01:00 # keep this comment\ndraft: true\ntags: [a, b]\n---\nBody\n');
    await undoTo(editor, before);
  });

  it('Toggle Draft flips the top-level draft in TOML, not the one in [params]; undo restores', async () => {
    const { editor, before, after } = await run('talkCapture.toggleDraft', 'frontmatter/draft-toml.md');
    assert.strictEqual(after, before.replace('draft = true # still writing', 'draft = false # still writing'));
    assert.ok(after.includes('draft = "not this one"'));
    await undoTo(editor, before);
  });

  it('Toggle Draft keeps CRLF line endings', async () => {
    const { editor, before, after } = await run('talkCapture.toggleDraft', 'frontmatter/crlf-yaml.md');
    assert.strictEqual(editor.document.eol, vscode.EndOfLine.CRLF);
    assert.strictEqual(after, before.replace('draft: true\r\n', 'draft: false\r\n'));
    await undoTo(editor, before);
  });

  it('Set Date to Now writes the local time with the offset in YAML, and a date-only TOML date stays a date', async () => {
    const { date, offset } = localToday();
    const ranFrom = Math.floor(Date.now() / 1000) * 1000; // the date is written to the second
    const yaml = await run('talkCapture.setDateNow', 'frontmatter/draft-yaml.md');
    const ranUntil = Date.now();
    const m = /^date: (\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})([+-]\d{2}:\d{2}) # keep this comment$/m.exec(yaml.after);
    assert.ok(m, yaml.after);
    assert.strictEqual(m[1], date);
    assert.strictEqual(m[5], offset);
    // The instant written is the one the command ran at (between before and after it).
    const written = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}${m[5]}`).getTime();
    assert.ok(ranFrom <= written && written <= ranUntil, `${new Date(written).toISOString()} is when the command ran`);
    assert.strictEqual(yaml.after.replace(/^date: .*$/m, 'date: X'), yaml.before.replace(/^date: .*$/m, 'date: X'), 'only the date changed');
    await undoTo(yaml.editor, yaml.before);

    const toml = await run('talkCapture.setDateNow', 'frontmatter/draft-toml.md');
    assert.strictEqual(toml.after, toml.before.replace('date = 2024-03-22\n', `date = ${date}\n`));
    await undoTo(toml.editor, toml.before);
  });

  it('Sync Tags adds the linked projects to YAML tags and creates categories, says what it added; undo restores', async () => {
    const { editor, before, after, api } = await run('talkCapture.syncTags', 'frontmatter/sync-yaml.md');
    assert.strictEqual(
      after,
      before.replace('  - Backstage\n', '  - Backstage\n  - Prometheus\n  - OpenTelemetry\ncategories:\n  - Backstage\n  - Prometheus\n  - OpenTelemetry\n'),
    );
    assert.strictEqual(api.frontMatter.lastMessage, 'Talk Capture: added tags: Prometheus, OpenTelemetry; categories: Backstage, Prometheus, OpenTelemetry.');
    await undoTo(editor, before);
  });

  it('Sync Tags follows the TOML list style and talkCapture.tags.style / fields', async () => {
    const auto = await run('talkCapture.syncTags', 'frontmatter/sync-toml.md');
    assert.strictEqual(
      auto.after,
      auto.before.replace(
        "tags = ['kubernetes', 'backstage']\n",
        "tags = ['kubernetes', 'backstage', 'prometheus', 'inspektor gadget']\ncategories = ['backstage', 'prometheus', 'inspektor gadget']\n",
      ),
    );
    await undoTo(auto.editor, auto.before);

    const restoreStyle = await setSetting('tags.style', 'slug');
    const restoreFields = await setSetting('tags.fields', ['tags']);
    try {
      const slug = await run('talkCapture.syncTags', 'frontmatter/sync-toml.md');
      assert.strictEqual(slug.after, slug.before.replace("'backstage']", "'backstage', 'prometheus', 'inspektor-gadget']"));
      await undoTo(slug.editor, slug.before);
    } finally {
      await restoreFields();
      await restoreStyle();
    }
  });

  it('Sync Tags says when there is nothing to add', async () => {
    const { before, after, api } = await run('talkCapture.syncTags', 'frontmatter/clean-note.md');
    assert.strictEqual(after, before);
    assert.match(api.frontMatter.lastMessage ?? '', /already name all 2 linked projects/);
  });

  it('refuses broken front matter with the line and reason, and changes nothing', async () => {
    for (const command of ['talkCapture.toggleDraft', 'talkCapture.setDateNow', 'talkCapture.syncTags']) {
      const { before, after, editor, api } = await run(command, 'frontmatter/broken-yaml.md');
      assert.strictEqual(after, before, command);
      assert.ok(!editor.document.isDirty, `${command} left the note unchanged`);
      assert.match(api.frontMatter.lastMessage ?? '', /YAML front matter, line 5: duplicate key `tags`.*Nothing was changed\./, command);
    }
  });

  it('syncs tags on save when talkCapture.tags.syncOnSave is on', async () => {
    const restore = await setSetting('tags.syncOnSave', true);
    try {
      const editor = await openFile('frontmatter/draft-yaml.md');
      const doc = editor.document;
      const original = doc.getText();
      const end = doc.positionAt(original.length);
      assert.ok(await editor.edit((b) => b.insert(end, '\nTraces with [Jaeger](https://www.jaegertracing.io/).\n')));
      assert.ok(await doc.save(), 'saved');
      const expected = original.replace('tags: [a, b]', 'tags: [a, b, jaeger]\ncategories: [jaeger]') + '\nTraces with [Jaeger](https://www.jaegertracing.io/).\n';
      assert.strictEqual(doc.getText(), expected);
      await waitFor(() => onDisk('frontmatter/draft-yaml.md') === expected, 'the synced note on disk');
      // Put the fixture back for the other tests.
      await restore();
      await waitFor(() => vscode.workspace.getConfiguration('talkCapture', doc.uri).get('tags.syncOnSave') !== true, 'sync on save to be off again');
      const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
      assert.ok(await editor.edit((b) => b.replace(all, original)));
      assert.ok(await doc.save());
      assert.strictEqual(onDisk('frontmatter/draft-yaml.md'), original);
    } finally {
      await restore();
    }
  });
});
