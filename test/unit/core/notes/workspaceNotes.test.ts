import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../../helpers/cli';
import { nodeNotesFs } from '../../../../src/cli/notesFs';
import { globMatcher } from '../../../../src/core/notes/glob';
import {
  DEFAULT_EXCLUDE_GLOB,
  DEFAULT_MAX_FILE_MB,
  DEFAULT_NOTES_GLOB,
  isExcludedFolder,
  isNote,
  listNotes,
  maxFileBytesOf,
  notesRules,
  readNoteFile,
  type NoteFileStat,
  type NotesFileSystem,
} from '../../../../src/core/notes/workspaceNotes';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const MB = 1024 * 1024;

/** A file system in memory: files by relative path (folders are implied by the paths). */
function memoryFs(files: Record<string, string | Uint8Array | { other: string }>, options: { mtime?: number } = {}): NotesFileSystem & { reads: string[] } {
  const reads: string[] = [];
  const folders = new Set<string>();
  for (const p of Object.keys(files)) for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) folders.add(p.slice(0, i));
  const bytesOf = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  return {
    reads,
    // Everything, as findFiles would give for `**` with no exclude: the reader applies the rules.
    list: () => Promise.resolve({ paths: Object.keys(files), problems: [] }),
    stat: (p): Promise<NoteFileStat | undefined> => {
      if (folders.has(p)) return Promise.resolve({ type: 'folder', size: 0, mtime: 0 });
      const v = files[p];
      if (v === undefined) return Promise.resolve(undefined);
      if (typeof v === 'object' && 'other' in v) return Promise.resolve({ type: 'other', size: 0, mtime: 0, notRegular: v.other });
      return Promise.resolve({ type: 'file', size: bytesOf(v).length, mtime: options.mtime ?? 1 });
    },
    read: (p) => {
      reads.push(p);
      const v = files[p];
      if (v === undefined || (typeof v === 'object' && 'other' in v)) return Promise.reject(new Error('no such file'));
      return Promise.resolve(bytesOf(v));
    },
  };
}

describe('workspace notes: the one reader of a folder’s notes', () => {
  describe('globs, matched as VS Code matches them', () => {
    const cases: Array<[glob: string, path: string, matches: boolean]> = [
      ['**/*.md', 'a.md', true],
      ['**/*.md', 'x/y/a.md', true],
      ['**/*.md', 'a.markdown', false],
      ['**/*.md', 'a.MD', false], // case-sensitive, as VS Code's matcher
      ['**/*.md', '.hidden/a.md', true], // dots are not special
      ['*.md', 'x/a.md', false],
      ['*', 'a/b', false],
      ['**/*', 'a/b', true],
      ['**', 'any/depth/at/all.md', true],
      ['notes/**/*.md', 'notes/a.md', true], // ** is zero folders too
      ['notes/**/*.md', 'notes/2025/a.md', true],
      ['notes/**/*.md', 'notesx/a.md', false],
      ['a/**', 'a', true],
      ['a/**', 'a/b/c', true],
      ['a/**', 'ab', false],
      ['?.md', 'a.md', true],
      ['?.md', 'ab.md', false],
      ['?.md', '/.md', false], // ? never matches a /
      ['*.{md,markdown}', 'x.markdown', true],
      ['*.{md,markdown}', 'x.mdx', false],
      ['{a,b/**/c}', 'b/x/y/c', true],
      ['{a,b/**/c}', 'c', false],
      ['[a-c].md', 'b.md', true],
      ['[a-c].md', 'd.md', false],
      ['[!a-c].md', 'd.md', true],
      ['[!a-c].md', 'b.md', false],
      ['[]].md', '].md', true],
      ['a(b)+$.md', 'a(b)+$.md', true], // regular expression characters are literal
      ['a(b)+$.md', 'abb$.md', false],
      ['', 'a.md', false], // an empty glob matches nothing
      [DEFAULT_EXCLUDE_GLOB, 'node_modules', true],
      [DEFAULT_EXCLUDE_GLOB, 'node_modules/pkg/README.md', true],
      [DEFAULT_EXCLUDE_GLOB, 'site/public/post.md', true],
      [DEFAULT_EXCLUDE_GLOB, '.git/x.md', true],
      [DEFAULT_EXCLUDE_GLOB, 'vault/.obsidian/workspace.md', true],
      [DEFAULT_EXCLUDE_GLOB, '.draft.md', true], // a hidden file too (the last ** may be no folder at all)
      [DEFAULT_EXCLUDE_GLOB, 'publications/a.md', false],
      [DEFAULT_EXCLUDE_GLOB, 'outline.md', false],
      [DEFAULT_EXCLUDE_GLOB, 'notes/kubecon.md', false],
    ];
    for (const [glob, p, want] of cases) {
      it(`${JSON.stringify(glob)} ${want ? 'matches' : 'does not match'} ${JSON.stringify(p)}`, () => {
        assert.strictEqual(globMatcher(glob)(p), want);
      });
    }

    it('answers globs that a backtracking engine would never finish (re2js: linear in the path)', () => {
      const glob = `${'*a'.repeat(30)}*b`;
      const long = 'a'.repeat(50_000);
      assert.strictEqual(globMatcher(glob)(long), false);
      assert.strictEqual(globMatcher(`{${Array.from({ length: 200 }, (_, i) => `x${i}`).join(',')}}/**/*.md`)('x199/' + 'd/'.repeat(2000) + 'n.md'), true);
    });
  });

  describe('the rules', () => {
    it('package.json’s setting defaults are the core’s', () => {
      const props = pkg.contributes.configuration.properties;
      assert.strictEqual(props['talkCapture.notesGlob'].default, DEFAULT_NOTES_GLOB);
      assert.strictEqual(props['talkCapture.excludeGlob'].default, DEFAULT_EXCLUDE_GLOB);
      assert.strictEqual(props['talkCapture.maxFileSizeMB'].default, DEFAULT_MAX_FILE_MB);
    });

    it('settings values are sanitised: missing or mistyped get the default, an empty exclude excludes nothing', () => {
      assert.deepStrictEqual(notesRules(), { notesGlob: DEFAULT_NOTES_GLOB, excludeGlob: DEFAULT_EXCLUDE_GLOB, maxBytes: 5 * MB });
      assert.deepStrictEqual(notesRules({ notesGlob: '', excludeGlob: 42, maxFileSizeMB: 'big' }), {
        notesGlob: DEFAULT_NOTES_GLOB,
        excludeGlob: DEFAULT_EXCLUDE_GLOB,
        maxBytes: 5 * MB,
      });
      const open = notesRules({ excludeGlob: '' });
      assert.ok(isNote(open, 'node_modules/x.md'));
      assert.strictEqual(maxFileBytesOf(0), 0.1 * MB);
      assert.strictEqual(maxFileBytesOf(1e9), 1024 * MB);
      assert.strictEqual(maxFileBytesOf(Number.NaN), 5 * MB);
    });

    it('a note matches notesGlob, and neither it nor a folder it is in matches excludeGlob', () => {
      const rules = notesRules();
      assert.ok(isNote(rules, 'kubecon.md'));
      assert.ok(isNote(rules, 'content/posts/kubecon.md'));
      assert.ok(!isNote(rules, 'content/posts/cover.png'));
      assert.ok(!isNote(rules, 'dist/a.md'));
      assert.ok(!isNote(rules, 'vault/.trash/old.md'));
      assert.ok(isExcludedFolder(rules, 'node_modules'));
      assert.ok(isExcludedFolder(rules, 'a/.obsidian'));
      assert.ok(!isExcludedFolder(rules, 'content'));
      assert.ok(!isExcludedFolder(rules, ''), 'the folder itself is never excluded');
      // An exclude naming a folder (without /**) leaves out what is in it, as findFiles does.
      const byName = notesRules({ excludeGlob: '**/drafts' });
      assert.ok(!isNote(byName, 'posts/drafts/a.md'));
      assert.ok(isNote(byName, 'posts/drafts.md'));
    });
  });

  describe('reading a note', () => {
    const rules = notesRules({ maxFileSizeMB: 0.1 });

    it('reads UTF-8 text, with a warning for invalid bytes (shown as U+FFFD)', async () => {
      const files = memoryFs({ 'ok.md': '## Day 1\n', 'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) });
      assert.deepStrictEqual(await readNoteFile(files, 'ok.md', rules), { status: 'read', text: '## Day 1\n', mtime: 1 });
      assert.deepStrictEqual(await readNoteFile(files, 'latin1.md', rules), {
        status: 'read',
        text: 'caf\uFFFD\n',
        mtime: 1,
        warning: 'warning: not valid UTF-8 (the first invalid byte is at offset 3); those bytes are shown as \uFFFD',
      });
    });

    it('says why a note is skipped: too large (before reading), binary, not a regular file, unreadable', async () => {
      const files = memoryFs({
        'big.md': 'x'.repeat(200 * 1024),
        'bin.md': new Uint8Array([0x23, 0, 1, 2]),
        'pipe.md': { other: 'is a named pipe (FIFO), not a note; it is not read' },
      });
      assert.deepStrictEqual(await readNoteFile(files, 'big.md', rules), {
        status: 'skipped',
        reason: 'this note is 0.2 MB, more than the 0.1 MB limit (talkCapture.maxFileSizeMB); it is not read',
      });
      assert.deepStrictEqual(files.reads, [], 'the large note was not read');
      assert.deepStrictEqual(await readNoteFile(files, 'bin.md', rules), { status: 'skipped', reason: 'this file looks binary (it contains NUL bytes); it is not read as notes' });
      assert.deepStrictEqual(await readNoteFile(files, 'pipe.md', rules), { status: 'skipped', reason: 'is a named pipe (FIFO), not a note; it is not read' });
      assert.deepStrictEqual(await readNoteFile(files, 'gone.md', rules), { status: 'gone' });
      const failing: NotesFileSystem = { ...files, stat: () => Promise.reject(new Error('permission denied')) };
      assert.deepStrictEqual(await readNoteFile(failing, 'ok.md', rules), { status: 'skipped', reason: 'cannot be read: permission denied' });
    });

    it('answers `unchanged` without reading when the modification time is the one already read', async () => {
      const files = memoryFs({ 'a.md': 'TODO: x\n' }, { mtime: 7 });
      assert.deepStrictEqual(await readNoteFile(files, 'a.md', rules, { unchangedSince: 7 }), { status: 'unchanged', mtime: 7 });
      assert.deepStrictEqual(files.reads, []);
      assert.strictEqual((await readNoteFile(files, 'a.md', rules, { unchangedSince: 6 })).status, 'read');
    });
  });

  describe('the CLI’s walk and the editor’s listing select the same notes', () => {
    let tmp: string;
    before(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-notes-'));
      const write = (rel: string, text = `TODO: ${rel}\n`) => {
        fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
        fs.writeFileSync(path.join(tmp, rel), text);
      };
      for (const rel of [
        'zeta.md',
        'alpha.md',
        'cover.png',
        'README.MD',
        '.draft.md',
        'posts/2025/kubecon.md',
        'posts/index.md',
        'posts/outline.md',
        'node_modules/pkg/README.md',
        '.git/COMMIT_EDITMSG.md',
        'public/posts/index.md',
        'resources/x.md',
        'dist/y.md',
        'out/z.md',
        'vault/.obsidian/workspace.md',
        'vault/.trash/old.md',
        'vault/day1.md',
        'publications/paper.md',
      ]) {
        write(rel);
      }
      fs.symlinkSync(tmp, path.join(tmp, 'posts', 'loop')); // a folder that contains itself
      // Links to themselves inside excluded folders: entering those folders would report them.
      fs.symlinkSync(path.join(tmp, 'node_modules', 'loop.md'), path.join(tmp, 'node_modules', 'loop.md'));
      fs.symlinkSync(path.join(tmp, 'vault', '.trash', 'loop.md'), path.join(tmp, 'vault', '.trash', 'loop.md'));
      fs.symlinkSync(path.join(tmp, 'vault', 'day1.md'), path.join(tmp, 'day1-link.md')); // the same note twice
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    const EXPECTED = ['alpha.md', 'zeta.md', 'posts/index.md', 'posts/outline.md', 'posts/2025/kubecon.md', 'publications/paper.md', 'vault/day1.md'];

    it('the walk: notes in name order (a folder’s files first), excluded and hidden folders not entered, links followed once', async () => {
      const listed = await listNotes(nodeNotesFs(tmp), notesRules());
      // day1-link.md comes first in name order, so vault/day1.md (the same file) is the one left out.
      assert.deepStrictEqual(listed.paths, ['alpha.md', 'day1-link.md', 'zeta.md', 'posts/index.md', 'posts/outline.md', 'posts/2025/kubecon.md', 'publications/paper.md']);
      assert.deepStrictEqual(listed.problems, [], 'node_modules and .trash were not entered');
    });

    it('the editor’s rule (every file listed, the core filtering) and the CLI’s walk give the same notes', async () => {
      fs.rmSync(path.join(tmp, 'day1-link.md')); // findFiles lists a linked note under each name; the walk once
      try {
        const everything: string[] = [];
        const collect = (rel: string) => {
          for (const e of fs.readdirSync(path.join(tmp, rel), { withFileTypes: true })) {
            const r = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) collect(r);
            else if (e.isFile()) everything.push(r);
          }
        };
        collect('');
        const editorLike: NotesFileSystem = { ...nodeNotesFs(tmp), list: () => Promise.resolve({ paths: everything.reverse(), problems: [] }) };
        const editor = await listNotes(editorLike, notesRules());
        const walk = await listNotes(nodeNotesFs(tmp), notesRules());
        assert.deepStrictEqual(editor.paths, EXPECTED);
        assert.deepStrictEqual(walk.paths, EXPECTED);
        const cliOut = await cli('todos', tmp, '--json');
        assert.strictEqual(cliOut.code, 0, cliOut.err);
        assert.deepStrictEqual(
          JSON.parse(cliOut.out).files.map((f: { file: string }) => path.relative(tmp, f.file).split(path.sep).join('/')),
          EXPECTED,
        );
      } finally {
        fs.symlinkSync(path.join(tmp, 'vault', 'day1.md'), path.join(tmp, 'day1-link.md'));
      }
    });

    it('todos --notes-glob / --exclude-glob change the selection, with the same matching', async () => {
      const only = await cli('todos', tmp, '--json', '--notes-glob', 'posts/**/*.md', '--exclude-glob', '**/2025/**');
      assert.deepStrictEqual(
        JSON.parse(only.out).files.map((f: { file: string }) => path.relative(tmp, f.file).split(path.sep).join('/')),
        ['posts/index.md', 'posts/outline.md'],
      );
      const all = await cli('todos', tmp, '--json', '--exclude-glob=');
      const files = JSON.parse(all.out).files.map((f: { file: string }) => path.relative(tmp, f.file).split(path.sep).join('/'));
      for (const rel of ['.draft.md', 'node_modules/pkg/README.md', 'vault/.obsidian/workspace.md', 'dist/y.md']) assert.ok(files.includes(rel), rel);
      assert.match((await cli('todos', tmp, '--notes-glob')).err, /--notes-glob needs a value/);
    });

    it('a link to itself is reported by name, and the rest is still listed', async () => {
      const self = path.join(tmp, 'posts', 'self.md');
      fs.symlinkSync(self, self);
      try {
        const r = await cli('todos', tmp);
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /self\.md: too many levels of symbolic links/);
        assert.match(r.out, /7 TODO items in 7 notes/);
      } finally {
        fs.rmSync(self);
      }
    });
  });
});
