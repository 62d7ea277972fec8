/**
 * The integration suite's entry: the standard `run()` that VS Code's test runner calls inside
 * the extension host (the same for @vscode/test-electron and for the code-server runner in
 * test/runner/). It runs every out/integration/*.test.js with mocha.
 *
 * Environment (set by the runner, optional elsewhere):
 * - TALK_CAPTURE_TEST_LOG: a file that receives the mocha output (the runner streams it).
 * - TALK_CAPTURE_TEST_RESULTS: a JSON file that receives {passes, failures, pending, tests}.
 * - TALK_CAPTURE_TEST_GREP: only run tests whose full title matches.
 */
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';

function teeConsole(logFile: string): void {
  // console.log in the extension host is a getter-only property: assigning to it is ignored,
  // but it is configurable, so redefine it to also write to the log file.
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[level].bind(console);
    Object.defineProperty(console, level, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        const line = format(...args);
        try {
          fs.appendFileSync(logFile, line + '\n');
        } catch {
          // the log is a convenience; never fail a test because of it
        }
        original(...args);
      },
    });
  }
}

export async function run(): Promise<void> {
  const logFile = process.env.TALK_CAPTURE_TEST_LOG;
  if (logFile) teeConsole(logFile);
  // Required after the console is redirected: mocha's reporters keep a reference to console.log.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha') as typeof import('mocha');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec' });
  if (process.env.TALK_CAPTURE_TEST_GREP) mocha.grep(process.env.TALK_CAPTURE_TEST_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    // the extension suite first: it records activation on a cold extension
    .sort((a, b) => Number(b === 'extension.test.js') - Number(a === 'extension.test.js'));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0, tests: 0 };
      if (process.env.TALK_CAPTURE_TEST_RESULTS) {
        fs.writeFileSync(process.env.TALK_CAPTURE_TEST_RESULTS, JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, tests: stats.tests }));
      }
      if (stats.passes + stats.failures === 0) reject(new Error('no integration test ran'));
      else if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
