import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// scripts/ is plain ES modules (npm start runs them before anything is installed or built).
type StartLib = typeof import('../../../scripts/start-lib.mjs', { with: { 'resolution-mode': 'import' } });
let lib: StartLib;
const dependenciesMissing: StartLib['dependenciesMissing'] = (...a) => lib.dependenciesMissing(...a);
const examplesToCopy: StartLib['examplesToCopy'] = (...a) => lib.examplesToCopy(...a);
const firstNote: StartLib['firstNote'] = (...a) => lib.firstNote(...a);
const listFiles: StartLib['listFiles'] = (...a) => lib.listFiles(...a);
const nestedNpmEnv: StartLib['nestedNpmEnv'] = (...a) => lib.nestedNpmEnv(...a);
const playgroundPaths: StartLib['playgroundPaths'] = (...a) => lib.playgroundPaths(...a);
const seedPlayground: StartLib['seedPlayground'] = (...a) => lib.seedPlayground(...a);

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const json = (v: unknown) => JSON.stringify(v, null, 2);

describe('npm start: the playground and the dependencies', () => {
  before(async () => {
    lib = await import('../../../scripts/start-lib.mjs');
  });
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-start-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('examplesToCopy', () => {
    const samples = ['README.md', 'content/posts/a.md', 'content/posts/b.md'];

    it('an empty folder never seeded gets every sample', () => {
      assert.deepStrictEqual(examplesToCopy(samples, [], undefined), samples);
    });

    it('never names a file that exists in the playground (the user edited it)', () => {
      assert.deepStrictEqual(examplesToCopy(samples, ['content/posts/a.md', 'my-notes.md'], ['README.md', 'content/posts/a.md']), ['content/posts/b.md']);
    });

    it('a sample the user deleted is not copied again; a sample added to examples/ later is', () => {
      const later = [...samples, 'content/posts/c.md'];
      assert.deepStrictEqual(examplesToCopy(later, ['README.md', 'content/posts/a.md'], samples), ['content/posts/c.md']);
    });

    it('a folder with files that was never seeded (the user’s own notes) gets nothing', () => {
      assert.deepStrictEqual(examplesToCopy(samples, ['blog/post.md'], undefined), []);
    });
  });

  describe('seedPlayground', () => {
    const setup = () => {
      const examples = path.join(tmp, 'examples');
      write(path.join(examples, 'README.md'), 'sample readme\n');
      write(path.join(examples, 'content', 'posts', 'a.md'), '## Day01\n');
      const paths = playgroundPaths(path.join(tmp, 'clone'), {});
      return { examples, paths };
    };

    it('copies the samples the first time, then keeps the user’s edits, additions and deletions', () => {
      const { examples, paths } = setup();
      assert.strictEqual(paths.notes, path.join(tmp, 'clone', '.playground'));
      assert.deepStrictEqual(seedPlayground(examples, paths, { ours: true }), { copied: ['README.md', 'content/posts/a.md'], adopted: false });
      assert.strictEqual(fs.readFileSync(path.join(paths.notes, 'content', 'posts', 'a.md'), 'utf8'), '## Day01\n');

      // The user writes in a sample, adds a note and deletes the README.
      fs.writeFileSync(path.join(paths.notes, 'content', 'posts', 'a.md'), '## Day01\n\n### My talk - Me\n');
      write(path.join(paths.notes, 'mine.md'), 'my own note\n');
      fs.rmSync(path.join(paths.notes, 'README.md'));
      // examples/ changes its sample and gains a new one.
      fs.writeFileSync(path.join(examples, 'content', 'posts', 'a.md'), '## Day01 changed\n');
      write(path.join(examples, 'content', 'posts', 'b.md'), '## Day02\n');

      assert.deepStrictEqual(seedPlayground(examples, paths, { ours: true }), { copied: ['content/posts/b.md'], adopted: false });
      assert.strictEqual(fs.readFileSync(path.join(paths.notes, 'content', 'posts', 'a.md'), 'utf8'), '## Day01\n\n### My talk - Me\n');
      assert.strictEqual(fs.readFileSync(path.join(paths.notes, 'mine.md'), 'utf8'), 'my own note\n');
      assert.deepStrictEqual(listFiles(paths.notes), ['content/posts/a.md', 'content/posts/b.md', 'mine.md']);

      // A third start changes nothing.
      assert.deepStrictEqual(seedPlayground(examples, paths, { ours: true }), { copied: [], adopted: false });
      assert.deepStrictEqual(listFiles(paths.notes), ['content/posts/a.md', 'content/posts/b.md', 'mine.md']);
    });

    it('a TALK_CAPTURE_PLAYGROUND folder that already has notes is used as it is', () => {
      const { examples } = setup();
      const own = path.join(tmp, 'my-blog');
      write(path.join(own, 'content', 'posts', 'a.md'), 'the user’s post\n');
      const paths = playgroundPaths(path.join(tmp, 'clone'), { TALK_CAPTURE_PLAYGROUND: own });
      assert.strictEqual(paths.notes, own);
      assert.deepStrictEqual(seedPlayground(examples, paths), { copied: [], adopted: true });
      assert.deepStrictEqual(listFiles(own), ['content/posts/a.md']);
      assert.strictEqual(fs.readFileSync(path.join(own, 'content', 'posts', 'a.md'), 'utf8'), 'the user’s post\n');
      assert.ok(!fs.existsSync(paths.seeded), 'nothing recorded for a folder that was not seeded');
    });

    it('a relative TALK_CAPTURE_PLAYGROUND is from the folder `npm start` was typed in, not the clone', () => {
      const paths = playgroundPaths(path.join(tmp, 'clone'), { TALK_CAPTURE_PLAYGROUND: 'notes', INIT_CWD: path.join(tmp, 'home') });
      assert.strictEqual(paths.notes, path.join(tmp, 'home', 'notes'));
      assert.strictEqual(paths.state, path.join(tmp, 'clone', '.playground-state'));
    });

    it('an empty TALK_CAPTURE_PLAYGROUND folder is seeded and remembered', () => {
      const { examples } = setup();
      const paths = playgroundPaths(path.join(tmp, 'clone'), { TALK_CAPTURE_PLAYGROUND: path.join(tmp, 'empty') });
      fs.mkdirSync(paths.notes);
      assert.deepStrictEqual(seedPlayground(examples, paths).copied, ['README.md', 'content/posts/a.md']);
      write(path.join(examples, 'new.md'), 'x\n');
      assert.deepStrictEqual(seedPlayground(examples, paths), { copied: ['new.md'], adopted: false });
    });
  });

  describe('dependenciesMissing', () => {
    const project = (lockPackages: Record<string, object> | undefined, installed: Record<string, object> | undefined, dirs: string[]) => {
      const root = path.join(tmp, 'project');
      write(path.join(root, 'package.json'), json({ name: 'p', dependencies: { yaml: '^2.0.0' }, devDependencies: { '@scope/tool': '^1.0.0' } }));
      if (lockPackages) write(path.join(root, 'package-lock.json'), json({ lockfileVersion: 3, packages: { '': { name: 'p' }, ...lockPackages } }));
      if (installed) write(path.join(root, 'node_modules', '.package-lock.json'), json({ lockfileVersion: 3, packages: installed }));
      for (const d of dirs) write(path.join(root, 'node_modules', ...d.split('/'), 'package.json'), '{}');
      return root;
    };
    const lock = {
      'node_modules/yaml': { version: '2.9.1' },
      'node_modules/@scope/tool': { version: '1.2.3', dev: true },
      'node_modules/@scope/tool/node_modules/dep': { version: '0.1.0', dev: true },
      'node_modules/@esbuild/other-os': { version: '0.28.2', optional: true },
    };
    const installed = {
      'node_modules/yaml': { version: '2.9.1' },
      'node_modules/@scope/tool': { version: '1.2.3' },
      'node_modules/@scope/tool/node_modules/dep': { version: '0.1.0' },
    };
    const dirs = ['yaml', '@scope/tool', '@scope/tool/node_modules/dep'];

    it('a fresh clone (no node_modules) needs installing', () => {
      assert.match(dependenciesMissing(project(lock, undefined, [])) ?? '', /node_modules is missing/);
    });

    it('an install matching the lockfile needs nothing (an optional package of another platform may be absent)', () => {
      assert.strictEqual(dependenciesMissing(project(lock, installed, dirs)), undefined);
    });

    it('node_modules without npm’s record of the install needs installing', () => {
      assert.match(dependenciesMissing(project(lock, undefined, dirs)) ?? '', /\.package-lock\.json is missing/);
    });

    it('a package missing or at another version than the lockfile names needs installing', () => {
      const { ['node_modules/@scope/tool/node_modules/dep']: _gone, ...without } = installed;
      assert.match(dependenciesMissing(project(lock, without, dirs)) ?? '', /dep is not installed/);
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.mkdirSync(tmp);
      assert.match(
        dependenciesMissing(project(lock, { ...installed, 'node_modules/yaml': { version: '2.8.0' } }, dirs)) ?? '',
        /yaml is 2\.8\.0, package-lock\.json wants 2\.9\.1/,
      );
    });

    it('a direct dependency whose folder was deleted needs installing, with or without a lockfile', () => {
      assert.match(dependenciesMissing(project(lock, installed, ['yaml'])) ?? '', /@scope\/tool is not installed/);
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.mkdirSync(tmp);
      assert.match(dependenciesMissing(project(undefined, undefined, ['@scope/tool'])) ?? '', /yaml is not installed/);
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.mkdirSync(tmp);
      assert.strictEqual(dependenciesMissing(project(undefined, undefined, dirs)), undefined);
    });

    it('this clone’s own dependencies are installed (the unit tests run on them)', () => {
      assert.strictEqual(dependenciesMissing(path.join(__dirname, '..', '..', '..')), undefined);
    });
  });

  describe('nestedNpmEnv', () => {
    it('drops what the outer npm set but keeps how to reach the registry and the rest of the environment', () => {
      const env = nestedNpmEnv({
        PATH: '/bin',
        HOME: '/home/u',
        npm_config_global: 'true',
        npm_config_prefix: '/elsewhere',
        npm_config_omit: 'dev',
        npm_config_user_agent: 'npm/11 node/v20',
        npm_lifecycle_event: 'start',
        npm_execpath: '/npm-cli.js',
        NPM_CONFIG_REGISTRY: 'https://registry.example/',
        npm_config_https_proxy: 'http://proxy.example:3128',
        INIT_CWD: '/somewhere',
        NODE: '/usr/bin/node',
      });
      assert.deepStrictEqual(env, {
        PATH: '/bin',
        HOME: '/home/u',
        NPM_CONFIG_REGISTRY: 'https://registry.example/',
        npm_config_https_proxy: 'http://proxy.example:3128',
      });
    });
  });

  describe('firstNote', () => {
    it('opens a note under content/posts, never a README or a hidden folder’s file', () => {
      assert.strictEqual(firstNote(['.vscode/x.md', 'README.md', 'content/posts/b.md', 'content/posts/a.md', 'z.md'].sort()), 'content/posts/a.md');
      assert.strictEqual(firstNote(['README.md', 'notes/day1.md']), 'notes/day1.md');
      assert.strictEqual(firstNote(['README.md', 'picture.png']), undefined);
    });
  });
});
