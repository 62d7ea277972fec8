// Bundles the extension for VS Code's Node extension host (dist/extension.js, package.json
// `main`) and for the browser's web-worker extension host of vscode.dev / github.dev
// (dist/web/extension.js, `browser`), the Node build's schedule parser in a worker thread
// (dist/scheduleWorker.js), the CLI (dist/cli.js), and the tests that run inside VS Code
// (out/integration/*.js; out/web/index.js, the web suite) with esbuild.
// The extension's web bundle fails to build when anything it reaches imports a Node built-in
// (scripts/web-build.mjs). `--production` minifies without sourcemaps;
// `--watch` rebuilds on change, with `tsc --noEmit --watch` beside it for the type errors
// (esbuild does not check types).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { noNodeBuiltins, webOptions } from './web-build.mjs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.resolve(import.meta.dirname, '..');

/** @type {esbuild.Plugin} */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.85 (the oldest version this extension supports) runs extensions on Node 18.
  target: 'node18',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  absWorkingDir: root,
  plugins: watch ? [problemMatcher] : [],
};

/**
 * The Node extension bundle parses schedules in a worker thread: `./offThread` of the editor
 * layer is offThread.node.ts there (the web bundle keeps offThread.ts, which parses inline).
 * @type {esbuild.Plugin}
 */
const nodeOffThread = {
  name: 'node-off-thread',
  setup(build) {
    build.onResolve({ filter: /(^|\/)offThread$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) === path.join(root, 'src', 'vscode', 'services', 'offThread')
        ? { path: path.join(root, 'src', 'vscode', 'services', 'offThread.node.ts') }
        : undefined,
    );
  },
};

const integrationTests = fs.existsSync(path.join(root, 'test/integration'))
  ? fs
      .readdirSync(path.join(root, 'test/integration'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `test/integration/${f}`)
  : [];

const builds = [
  { ...common, plugins: [...common.plugins, nodeOffThread], entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The worker thread's entry (src/vscode/services/offThread.node.ts runs it), beside dist/extension.js.
  { ...common, entryPoints: ['src/worker/parseSchedule.ts'], outfile: 'dist/scheduleWorker.js', external: [] },
  { ...common, ...webOptions, plugins: [...common.plugins, noNodeBuiltins(root)], entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', external: [] },
];
if (!production && integrationTests.length) {
  builds.push({
    ...common,
    minify: false,
    entryPoints: integrationTests,
    outdir: 'out/integration',
    // The tests run inside VS Code's extension host: vscode comes from the host, mocha from
    // node_modules at run time.
    external: ['vscode', 'mocha'],
  });
}

if (!production && fs.existsSync(path.join(root, 'test/web/index.ts'))) {
  // The web suite runs in the browser's web worker: mocha's browser build, the npm `assert`
  // polyfill with a `process` stand-in (never put on globalThis), vscode from the host.
  builds.push({
    ...common,
    ...webOptions,
    minify: false,
    entryPoints: ['test/web/index.ts'],
    outfile: 'out/web/index.js',
    external: ['vscode'],
    inject: ['test/web/shims/process.js'],
    define: { global: 'globalThis' },
  });
}

if (watch) {
  const { spawn } = await import('node:child_process');
  const tsc = spawn(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--watch', '--preserveWatchOutput', '-p', root], {
    stdio: 'inherit',
  });
  process.on('exit', () => tsc.kill());
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  const size = (f) => (fs.existsSync(path.join(root, f)) ? `${(fs.statSync(path.join(root, f)).size / 1024).toFixed(0)} KiB` : '-');
  console.log(
    `built in ${Date.now() - started} ms${production ? ' (production)' : ''}: dist/extension.js ${size('dist/extension.js')}, dist/web/extension.js ${size('dist/web/extension.js')}, dist/cli.js ${size('dist/cli.js')}`,
  );
}
