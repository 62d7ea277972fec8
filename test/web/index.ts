/**
 * The web suite's entry, bundled for the browser (out/web/index.js) and copied by the runner
 * into the installed extension's folder, so that VS Code runs it in the extension's own host:
 * the browser's web worker. `run()` is what VS Code's test runner calls.
 *
 * Results: the reporter's lines reach the runner through the workbench's log; the last one is
 * `@@results {"passes":…,"failures":…,"pending":…,"tests":…}`.
 */
import './setup';
import { readConfig } from './helpers';
import './web.test';

async function run(): Promise<void> {
  const config = await readConfig();
  if (config.grep) mocha.grep(config.grep);
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0, tests: 0 };
      console.log(`@@results ${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, tests: stats.tests })}`);
      if (stats.passes + stats.failures === 0) reject(new Error('no web test ran'));
      else if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
  });
}

// mocha's browser build is a UMD bundle that esbuild inlines at the top level, where it assigns
// module.exports itself: hand VS Code the entry's `run` as the very last statement.
module.exports = { run };
