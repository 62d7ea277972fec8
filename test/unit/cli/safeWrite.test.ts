import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../helpers/cli';
import { parseCliArgs } from '../../../src/cli/args';
import { CliError } from '../../../src/cli/command';
import { fsErrorMessage } from '../../../src/cli/fsErrors';
import { readNote } from '../../../src/cli/readFile';
import { writeNote } from '../../../src/cli/safeWrite';
import { firstInvalidUtf8 } from '../../../src/core/notes/workspaceNotes';

const ROOT = path.join(__dirname, '..', '..', '..');
const LINKABLE = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'landscape', 'talk-notes.md'), 'utf8');

/** A control character other than tab and line feed (what a terminal would act on). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Files in a folder other than the given ones (a temporary file left behind would show here). */
const leftovers = (dir: string, keep: string[]) => fs.readdirSync(dir).filter((f) => !keep.includes(f));

describe('cli: files (safe writes, strict UTF-8, regular files only, one argument parser)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-files-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('safe writes', () => {
    it('a write that fails for the file-size limit (EFBIG) leaves the original bytes (it left 1,024,000 of 5,241,384 before)', function () {
      if (process.platform === 'win32') this.skip(); // no FIFOs or device files to make on Windows
      const note = path.join(tmp, 'big.md');
      // A note of about 3 MB with project mentions to link, under a 1,000 KB file-size limit.
      const padding = Array.from({ length: 30000 }, (_, i) => `Line ${i} of notes about the talk, nothing to link here at all.`).join('\n');
      const original = Buffer.from(LINKABLE + '\n' + padding + '\n', 'utf8');
      fs.writeFileSync(note, original);
      const r = spawnSync('bash', ['-c', 'ulimit -f 1000; exec "$0" --import tsx src/cli.ts link --write "$1"', process.execPath, note], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /big\.md: cannot write: the file would be larger than the system allows \(EFBIG\); the note was not changed/);
      assert.ok(fs.readFileSync(note).equals(original), 'the note keeps every byte');
      assert.deepStrictEqual(leftovers(tmp, ['big.md']), []);
    });

    it('a change made to the note after it was read is detected, and nothing is written', () => {
      const file = path.join(tmp, 'note.md');
      fs.writeFileSync(file, LINKABLE);
      const note = readNote(file);
      const appended = LINKABLE + 'A line the editor saved meanwhile.\n';
      assert.throws(
        () => writeNote(note, note.text.replace('Prometheus', '[Prometheus](https://prometheus.io/)'), { beforeRename: () => fs.writeFileSync(file, appended) }),
        (err: unknown) => err instanceof CliError && /note\.md: it changed on disk since it was read; nothing was written/.test(err.message),
      );
      assert.strictEqual(fs.readFileSync(file, 'utf8'), appended);
      assert.deepStrictEqual(leftovers(tmp, ['note.md']), []);
      // the same size and time, other bytes: the hash tells
      const same = readNote(file);
      const stat = fs.statSync(file);
      assert.throws(
        () =>
          writeNote(same, 'x', {
            beforeRename: () => {
              fs.writeFileSync(file, appended.replace('A line', 'B line'));
              fs.utimesSync(file, stat.atime, stat.mtime);
            },
          }),
        /changed on disk/,
      );
    });

    it('a change written between the last check and the rename is kept, not lost (it was replaced before)', () => {
      const file = path.join(tmp, 'note.md');
      fs.writeFileSync(file, LINKABLE);
      const note = readNote(file);
      const typed = LINKABLE + 'Typed and saved in the last moment.\n';
      let called = 0;
      assert.throws(
        () =>
          writeNote(note, note.text.replace('Prometheus', '[Prometheus](https://prometheus.io/)'), {
            atRename: () => {
              called++;
              fs.writeFileSync(file, typed); // written in place, as an editor saves
            },
          }),
        (err: unknown) => err instanceof CliError && /note\.md: it changed on disk while it was written \(that change was put back\); nothing was written/.test(err.message),
      );
      assert.strictEqual(called, 1);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), typed);
      assert.deepStrictEqual(leftovers(tmp, ['note.md']), []);
      // Without a change in that moment the write goes through and leaves nothing behind.
      const again = readNote(file);
      writeNote(again, again.text + 'More.\n', { atRename: () => called++ });
      assert.strictEqual(fs.readFileSync(file, 'utf8'), typed + 'More.\n');
      assert.deepStrictEqual(leftovers(tmp, ['note.md']), []);
    });

    it('keeps the mode, the byte order mark and CRLF; writes through a symbolic link to the note', async () => {
      const real = path.join(tmp, 'real.md');
      fs.writeFileSync(real, '\uFEFF' + LINKABLE.replace(/\n/g, '\r\n'));
      fs.chmodSync(real, 0o640);
      const link = path.join(tmp, 'link.md');
      fs.symlinkSync(real, link);
      const r = await cli('link', '--write', link);
      assert.strictEqual(r.code, 0, r.err);
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link stays a link');
      const after = fs.readFileSync(real, 'utf8');
      assert.ok(after.startsWith('\uFEFF---\r\n'));
      assert.match(after, /\[Prometheus\]\(https:\/\/prometheus\.io\/\)/);
      assert.ok(!/[^\r]\n/.test(after), 'CRLF kept');
      assert.strictEqual(fs.statSync(real).mode & 0o777, 0o640);
      assert.deepStrictEqual(leftovers(tmp, ['real.md', 'link.md']), []);
    });
  });

  describe('strict UTF-8', () => {
    const latin1 = () => Buffer.concat([Buffer.from(LINKABLE.replace('Sam Doe', 'Sam D'), 'utf8'), Buffer.from('Caf\xe9 cr\xe8me with Prometheus.\n', 'latin1')]);

    it('Latin-1 bytes: link --write and sync-tags --write exit 2 with the offset, the file unchanged', async () => {
      const file = path.join(tmp, 'latin1.md');
      const bytes = latin1();
      fs.writeFileSync(file, bytes);
      const offset = bytes.indexOf(0xe9);
      for (const argv of [
        ['link', '--write', file],
        ['sync-tags', '--write', file],
      ]) {
        const r = await cli(...argv);
        assert.strictEqual(r.code, 2, `${argv[0]}: ${r.out}`);
        assert.match(r.err, new RegExp(`latin1\\.md: not valid UTF-8 \\(the first invalid byte is at offset ${offset}: 0xe9\\); nothing was written`));
        assert.ok(fs.readFileSync(file).equals(bytes));
      }
    });

    it('read-only commands show what they can, with a warning', async () => {
      const file = path.join(tmp, 'latin1.md');
      fs.writeFileSync(file, latin1());
      const outline = await cli('outline', file);
      assert.strictEqual(outline.code, 0);
      assert.match(outline.out, /Metrics at scale/);
      assert.match(outline.err, /warning: not valid UTF-8 \(the first invalid byte is at offset \d+\)/);
      const dry = await cli('link', file);
      assert.strictEqual(dry.code, 0);
      assert.match(dry.err, /warning: not valid UTF-8/);
      const check = await cli('check', file);
      assert.strictEqual(check.code, 2, 'a note that is not UTF-8 is not ready to publish');
      assert.match(check.out, /latin1\.md: not ready to publish \(not fully read\); \d+ hints? /);
    });

    it('finds the first invalid byte: overlongs, surrogates, truncated sequences, beyond U+10FFFF', () => {
      assert.strictEqual(firstInvalidUtf8(Buffer.from('ok é 😀 ✓', 'utf8')), -1);
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf])), 1);
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2);
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0xe2, 0x82])), 0);
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0);
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0x41, 0x80])), 1);
    });
  });

  describe('regular files only, read to the limit', () => {
    it('a FIFO, a device and a folder are refused by name, without blocking', async function () {
      if (process.platform === 'win32') this.skip(); // no FIFOs or device files to make on Windows
      const fifo = path.join(tmp, 'pipe.md');
      assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
      const r = await cli('check', fifo);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /pipe\.md: is a named pipe \(FIFO\), not a note/);
      const zero = await cli('outline', '/dev/zero');
      assert.strictEqual(zero.code, 2);
      assert.match(zero.err, /\/dev\/zero: is a device, not a note/);
      assert.match((await cli('link', tmp)).err, /is a folder, not a note/);
      const todos = await cli('todos', fifo);
      assert.match(todos.err, /pipe\.md: is a named pipe/);
    });

    it('a note over the limit is refused from its size, before reading', async () => {
      const big = path.join(tmp, 'huge.md');
      const fd = fs.openSync(big, 'w');
      fs.ftruncateSync(fd, 60 * 1024 * 1024); // sparse: 60 MB that take no disk space
      fs.closeSync(fd);
      const before = process.memoryUsage().arrayBuffers;
      const r = await cli('outline', big);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /huge\.md: this note is 60\.0 MB, more than the 5\.0 MB limit \(talkCapture\.maxFileSizeMB\)/);
      assert.ok(process.memoryUsage().arrayBuffers - before < 20 * 1024 * 1024, 'the 60 MB were not read');
    });

    it('every error names the file: no such file, a link loop, permission denied', async () => {
      const loop = path.join(tmp, 'loop.md');
      fs.symlinkSync(loop, loop);
      assert.match((await cli('check', loop)).err, /loop\.md: too many levels of symbolic links/);
      assert.match((await cli('sync-tags', path.join(tmp, 'gone.md'))).err, /gone\.md: no such file/);
      const eacces = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
      assert.strictEqual(fsErrorMessage('notes/day1.md', eacces), 'notes/day1.md: permission denied');
      assert.strictEqual(fsErrorMessage('notes/day1.md', eacces, 'write'), 'notes/day1.md: cannot write: permission denied');
    });

    it('todos DIR follows symbolic links to notes and folders once, and survives a link loop', async () => {
      const notes = path.join(tmp, 'notes');
      const elsewhere = path.join(tmp, 'elsewhere');
      fs.mkdirSync(notes);
      fs.mkdirSync(elsewhere);
      fs.writeFileSync(path.join(notes, 'a.md'), 'TODO: in a\n');
      fs.writeFileSync(path.join(elsewhere, 'b.md'), 'TODO: in b\n');
      fs.symlinkSync(path.join(elsewhere, 'b.md'), path.join(notes, 'b-link.md'));
      fs.symlinkSync(path.join(notes, 'a.md'), path.join(notes, 'c-same-as-a.md'));
      fs.symlinkSync(notes, path.join(notes, 'again')); // a folder that contains itself
      fs.symlinkSync(path.join(notes, 'self.md'), path.join(notes, 'self.md'));
      const r = await cli('todos', notes);
      assert.deepStrictEqual(r.out.split('\n'), [
        `${path.join(notes, 'a.md')}:1: todo: TODO: in a`,
        `${path.join(notes, 'b-link.md')}:1: todo: TODO: in b`,
        '2 TODO items in 2 notes',
      ]);
      assert.match(r.err, /self\.md: too many levels of symbolic links/);
      assert.strictEqual(r.code, 2);
    });
  });

  describe('one argument parser: -- and ./-x.md everywhere', () => {
    let cwd: string;
    beforeEach(() => {
      cwd = process.cwd();
      process.chdir(tmp);
      fs.writeFileSync(path.join(tmp, '-x.md'), LINKABLE);
    });
    afterEach(() => process.chdir(cwd));

    for (const command of ['outline', 'todos', 'link', 'check', 'sync-tags']) {
      it(`${command}: -- before -x.md, or ./-x.md`, async () => {
        const dashed = await cli(command, '--', '-x.md');
        assert.ok(dashed.code === 0 || dashed.code === 1, `${command} -- -x.md: ${dashed.err}`);
        const dotted = await cli(command, './-x.md');
        assert.ok(dotted.code === 0 || dotted.code === 1, `${command} ./-x.md: ${dotted.err}`);
        const bare = await cli(command, '-x.md');
        assert.strictEqual(bare.code, 2);
        assert.match(bare.err, /unknown option -x\.md .*put -- before it or write \.\/-x\.md/);
      });
    }

    it('values with = or after the option; a missing value is named', () => {
      const spec = { json: {}, mode: { value: true } };
      assert.deepStrictEqual(parseCliArgs(['--mode=perDocument', 'a.md', '--json'], spec, 'usage'), {
        paths: ['a.md'],
        flags: new Set(['json']),
        values: new Map([['mode', 'perDocument']]),
      });
      assert.deepStrictEqual(parseCliArgs(['--mode', 'everyMention', '--', '--json'], spec, 'usage').paths, ['--json']);
      assert.throws(() => parseCliArgs(['a.md', '--mode'], spec, 'usage'), /--mode needs a value/);
      assert.throws(() => parseCliArgs(['--yaml'], spec, 'usage'), /unknown option --yaml \(options: --json, --mode\)/);
    });
  });

  describe('output', () => {
    it('a closed standard output (outline … | head -1) ends quietly, without a stack trace (it printed one, exit 1)', async function () {
      if (process.platform === 'win32') this.skip(); // closing a pipe early is a POSIX shell habit
      const file = path.join(tmp, 'long.md');
      const talks = Array.from({ length: 4000 }, (_, i) => `### Talk ${i} about clusters - Ada Quinlan, Acme\n\nTODO: slides ${i}\n`);
      fs.writeFileSync(file, `# Notes\n\n${talks.join('\n')}`);
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'outline', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      let first = '';
      child.stdout.setEncoding('utf8').once('data', (d: string) => {
        first = d.split('\n')[0];
        child.stdout.destroy(); // the reader goes away after its first line
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      assert.match(first, /long\.md: no front matter, 0 days, 4000 talks, 4000 TODO/);
      assert.strictEqual(err, '');
      assert.strictEqual(code, 0);
    });

    it('control characters of a heading or a schedule title are shown escaped, never sent to the terminal (they were printed raw)', async () => {
      const note = path.join(tmp, 'esc.md');
      fs.writeFileSync(note, '# Notes\n\n### Talk \u001b]0;owned\u0007about \u001b[31mred\u001b[0m things\u009b2J - Ada Quinlan, Acme\n\nTODO: slides\n');
      const outline = await cli('outline', note);
      assert.strictEqual(outline.code, 0, outline.err);
      assert.ok(!CONTROL.test(outline.out), JSON.stringify(outline.out));
      assert.match(outline.out, /Talk \\u001b\]0;owned\\u0007about \\u001b\[31mred\\u001b\[0m things\\u009b2J/);
      const json = await cli('outline', note, '--json');
      assert.ok(!CONTROL.test(json.out));
      assert.strictEqual(JSON.parse(json.out).talks[0].title, 'Talk \u001b]0;owned\u0007about \u001b[31mred\u001b[0m things\u009b2J', 'the JSON keeps the text itself');
      const schedule = path.join(tmp, 'sessionize.json');
      const source = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'schedule', 'sessionize-all.json'), 'utf8');
      fs.writeFileSync(schedule, source.split('"Opening Keynote: Clouds All the Way Down"').join(JSON.stringify('Opening \u001b[2J\u001b[HKeynote\u0085')));
      const r = await cli('schedule', schedule);
      assert.strictEqual(r.code, 0, r.err);
      assert.ok(!CONTROL.test(r.out), JSON.stringify(r.out));
      // The schedule reader already drops a title's control characters; nothing raw reaches the terminal.
      assert.match(r.out, /Opening (?:\\u001b)?\[2J(?:\\u001b)?\[HKeynote/);
    });

    it('link and sync-tags name a line they could not read and exit 2, as check does (they were silent)', async () => {
      const file = path.join(tmp, 'long-line.md');
      fs.writeFileSync(file, `${LINKABLE}\nA very long line: ${'[Prometheus](https://prometheus.io/) '.repeat(400)}\n`);
      for (const args of [['link'], ['link', '--json'], ['link', '--write'], ['sync-tags'], ['check']]) {
        const r = await cli(...args, file);
        assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.err}`);
        assert.match(r.err + r.out, /long-line\.md:\d+:(?:\d+:)? (?:error unread: )?[Nn]ot fully read: the line is \d+ characters long/, args.join(' '));
      }
    });
  });

  describe('tags: a single text', () => {
    it('check and sync-tags both report it, with its line', async () => {
      const file = path.join(tmp, 'string-tags.md');
      fs.writeFileSync(file, '---\ntitle: A day\ntags: kubernetes\n---\n\n## Day01\n\n### Talk - Ada Quinlan, Acme\n\nWe use [Prometheus](https://prometheus.io/).\n');
      const check = await cli('check', file);
      assert.strictEqual(check.code, 1);
      assert.match(check.out, /string-tags\.md:3:1: warning tags: YAML front matter, line 3: `tags` is a single text, not a list/);
      const sync = await cli('sync-tags', '--write', file);
      assert.strictEqual(sync.code, 2, 'exit 1 is only check finding problems');
      assert.match(sync.err, /string-tags\.md: YAML front matter, line 3: `tags` is a single text, not a list .*; nothing was written/);
    });
  });
});
