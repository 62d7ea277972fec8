/**
 * The web build (vscode.dev, github.dev): the extension bundles for the browser with no Node
 * built-in, the guard refuses one and names the importer, and the shared download code speaks
 * plainly when a browser refuses a cross-origin request.
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { fetchText } from '../../../src/core/net/fetchText';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- a plain ES module of the build scripts
import { noNodeBuiltins, webOptions } from '../../../scripts/web-build.mjs';

const root = path.resolve(__dirname, '..', '..', '..');

async function webBuild(entry: string): Promise<esbuild.BuildResult<{ write: false; metafile: true }>> {
  return esbuild.build({
    ...(webOptions as esbuild.BuildOptions),
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['vscode'],
    plugins: [(noNodeBuiltins as (root: string) => esbuild.Plugin)(root)],
  });
}

describe('web build', function () {
  this.timeout(60000);

  it('the extension bundles for the browser, and nothing it reaches is a Node built-in', async () => {
    const result = await webBuild('src/extension.ts');
    assert.deepStrictEqual(result.errors, []);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('src/vscode/services/landscapeService.ts'));
    assert.ok(!inputs.some((i) => i.startsWith('src/cli')), 'the CLI stays out of the web bundle');
    // A schedule is parsed inline there: the worker thread is the Node build's.
    assert.ok(inputs.includes('src/vscode/services/offThread.ts') && !inputs.some((i) => i.startsWith('src/worker') || i.includes('offThread.node')), inputs.join('\n'));
    const text = result.outputFiles[0].text;
    assert.doesNotMatch(text, /require\("(?!vscode")[^"]+"\)/, 'only vscode is left to the host');
  });

  it('the slide photos core bundles for the browser and reads, strips, resizes and decodes QR codes with no Node at all', async () => {
    const result = await webBuild('src/core/photos/index.ts');
    assert.deepStrictEqual(result.errors, []);
    // Run the bundle where a web worker's globals are all there is: no require, no Buffer, no process.
    const module = { exports: {} as typeof import('../../../src/core/photos') };
    const worker = vm.createContext({ module, exports: module.exports, TextDecoder, TextEncoder, URL, console, setTimeout, queueMicrotask });
    worker.self = worker;
    vm.runInContext(result.outputFiles[0].text, worker);
    const photos = module.exports;
    const WorkerBytes = vm.runInContext('Uint8Array', worker) as Uint8ArrayConstructor;
    const bytes = (name: string) => WorkerBytes.from(fs.readFileSync(path.join(root, 'test', 'fixtures', 'photos', name)));
    const jpeg = bytes('offset-gps.jpg');
    const info = await photos.readPhoto('offset-gps.jpg', jpeg, { timeZone: 'Europe/Paris' });
    assert.deepStrictEqual([info.taken, info.problem], ['2026-03-24T11:05:00+01:00', null]);
    const out = await photos.processPhoto(jpeg, info, { maxEdge: 100 });
    assert.deepStrictEqual([out.problem, out.width, out.height, out.bytes[0], out.bytes[1]], [null, 100, 75, 0xff, 0xd8]);
    assert.strictEqual(vm.runInContext('typeof Buffer', worker), 'undefined', 'nothing is left behind');
    const qr = bytes('qr-slide.jpg');
    assert.deepStrictEqual([...photos.decodeQrLinks(qr, await photos.readPhoto('qr-slide.jpg', qr, { timeZone: 'UTC' }))], ['https://example.com/slides/ebpf-talk']);
    assert.strictEqual((await photos.readPhoto('slide.heic', bytes('slide.heic'), { timeZone: 'UTC' })).taken, '2026-03-24T11:10:00+01:00');
  });

  it('a Node built-in anywhere in the web bundle fails the build and names the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-web-build-'));
    try {
      fs.writeFileSync(path.join(dir, 'helper.ts'), "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n");
      fs.writeFileSync(path.join(dir, 'entry.ts'), "import { read } from './helper';\nimport * as p from 'path';\nexport const x = [read, p];\n");
      await assert.rejects(webBuild(path.join(dir, 'entry.ts')), (err: esbuild.BuildFailure) => {
        const texts = err.errors.map((e) => e.text);
        assert.ok(
          texts.some((t) => /^node:fs is a Node built-in, imported by .*helper\.ts: the web build \(vscode\.dev\) cannot use it$/.test(t)),
          texts.join('\n'),
        );
        assert.ok(
          texts.some((t) => /^path is a Node built-in, imported by .*entry\.ts/.test(t)),
          texts.join('\n'),
        );
        return true;
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('downloads in a browser', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });
  const options = { maxBytes: 1024, timeoutMs: 5000, maxRedirects: 3, label: 'schedule', accept: '*/*' };

  for (const message of ['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed']) {
    it(`"${message}" (a refused cross-origin request) is said plainly`, async () => {
      globalThis.fetch = () => Promise.reject(new TypeError(message));
      await assert.rejects(
        fetchText('https://conf.example/all.ics', options),
        /^Error: https:\/\/conf\.example\/all\.ics: the site could not be reached, or it does not let a web page read it \(a cross-origin request refused, as many sites do in a browser\)$/,
      );
    });
  }

  it('a redirect a browser hides (opaque) is refused with a way out', async () => {
    globalThis.fetch = () => Promise.resolve({ type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response);
    await assert.rejects(
      fetchText('https://conf.example/all.ics', options),
      /redirects elsewhere, which a browser does not let an extension follow; download the file and use it instead/,
    );
  });

  it('Node’s own fetch failure keeps its cause', async () => {
    globalThis.fetch = () => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND conf.example') }));
    await assert.rejects(fetchText('https://conf.example/all.ics', options), /^Error: https:\/\/conf\.example\/all\.ics: getaddrinfo ENOTFOUND conf\.example$/);
  });
});
