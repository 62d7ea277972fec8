/** `todos DIR`'s walk on hostile trees: very deep folders, links that leave the folder. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRequire } from 'module';
import { cliText as cli } from '../helpers/cli';
import { MAX_FOLDER_DEPTH } from '../../../src/cli/notesFs';

/** A chain of `depth` folders `d/d/d/…` under `root`, a note with one TODO in each; the deepest folder. */
function chain(root: string, depth: number): string {
  let dir = root;
  for (let i = 1; i <= depth; i++) {
    dir = path.join(dir, 'd');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'n.md'), `TODO: level ${i}\n`);
  }
  return dir;
}

/**
 * The path parts fs.realpathSync resolves while `fn` runs (each part is a look-up, and Node's
 * realpath looks up every part of the path again: one call per folder of a chain was cubic).
 */
async function realpathWork(fn: () => Promise<unknown>): Promise<number> {
  // The module object itself (an `import *` namespace is read-only); the CLI's `fs` reads through to it.
  const nodeFs = createRequire(__filename)('fs') as { realpathSync: typeof fs.realpathSync };
  const original = nodeFs.realpathSync;
  let parts = 0;
  nodeFs.realpathSync = ((p: fs.PathLike, options?: never) => {
    parts += String(p).split(path.sep).length;
    return original(p, options);
  }) as typeof fs.realpathSync;
  try {
    await fn();
  } finally {
    nodeFs.realpathSync = original;
  }
  return parts;
}

describe('todos DIR: hostile trees', function () {
  if (process.platform === 'win32') return;
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-walk-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the walk resolves the real path of the folder given once, not of each folder it enters', async () => {
    const work: Array<{ depth: number; parts: number }> = [];
    for (const depth of [15, 30, 60]) {
      const root = path.join(tmp, `t${depth}`);
      fs.mkdirSync(root);
      chain(root, depth);
      let r: Awaited<ReturnType<typeof cli>> | undefined;
      const parts = await realpathWork(async () => (r = await cli('todos', root)));
      assert.strictEqual(r!.code, 0, r!.err);
      assert.match(r!.out, new RegExp(`${depth} TODO items in ${depth} notes`));
      work.push({ depth, parts });
    }
    console.log(`      path parts realpath resolved: ${work.map((w) => `depth ${w.depth}: ${w.parts}`).join(', ')}`);
    // The same work whatever the depth (it was 1 + 2 + … + depth folders' paths, each resolved part by part).
    assert.strictEqual(work[2].parts, work[0].parts, JSON.stringify(work));
  });

  it(`folders more than ${MAX_FOLDER_DEPTH} deep are not entered, and that is said (exit 2)`, async () => {
    const deepest = chain(tmp, MAX_FOLDER_DEPTH + 6);
    const r = await cli('todos', tmp);
    assert.strictEqual(r.code, 2);
    assert.match(r.out, new RegExp(`${MAX_FOLDER_DEPTH} TODO items in ${MAX_FOLDER_DEPTH} notes`));
    const cut = path.join(tmp, ...Array<string>(MAX_FOLDER_DEPTH + 1).fill('d'));
    assert.ok(r.err.includes(`${cut}: more than ${MAX_FOLDER_DEPTH} folders deep; not entered`), r.err);
    assert.ok(!r.out.includes(deepest), 'the deepest note is not read');
  });

  it('a link to a folder outside DIR (such as /) is not followed, and that is said; links inside DIR still are', async () => {
    const notes = path.join(tmp, 'notes');
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(path.join(notes, 'day1'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(notes, 'day1', 'a.md'), 'TODO: inside\n');
    fs.writeFileSync(path.join(outside, 'secret.md'), 'TODO: outside\n');
    fs.symlinkSync(outside, path.join(notes, 'shared'));
    fs.symlinkSync('/', path.join(notes, 'root'));
    fs.symlinkSync(path.join(notes, 'day1'), path.join(notes, 'same-day'));
    const r = await cli('todos', notes);
    assert.deepStrictEqual(r.out.trim().split('\n'), [`${path.join(notes, 'day1', 'a.md')}:1: todo: TODO: inside`, '1 TODO item in 1 note']);
    assert.ok(r.err.includes(`${path.join(notes, 'shared')}: a link to a folder outside ${notes} (${fs.realpathSync(outside)}); not followed`), r.err);
    assert.ok(r.err.includes(`${path.join(notes, 'root')}: a link to a folder outside ${notes} (/); not followed`), r.err);
    assert.strictEqual(r.code, 2);
  });
});
