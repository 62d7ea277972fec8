// `npm test`: type check and lint, the unit tests (plain Node), the integration tests (a real
// VS Code with the packaged extension), the web tests (its browser build in the browser's
// web-worker extension host), then the journeys (the same VS Code driven by keyboard
// and mouse, default settings). Ends with one line summing the layers:
// `N passed, N failed, N skipped`. Exit code 0 only when everything ran and passed.
//   --unit         only the static checks and the unit layer
//   --integration  only the integration layer
//   --web          only the web layer (the browser build in the web-worker extension host)
//   --journey      only the journey layer
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const resultsDir = path.join(root, 'test-results');
const onlyUnit = process.argv.includes('--unit');
const onlyIntegration = process.argv.includes('--integration');
const onlyJourney = process.argv.includes('--journey');
const onlyWeb = process.argv.includes('--web');
const only = onlyUnit || onlyIntegration || onlyJourney || onlyWeb;
const started = Date.now();

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${r.status === 0 ? 'ok' : `failed (exit ${r.status})`} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function readResults(file, ok) {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  return { passes: 0, failures: ok ? 0 : 1, pending: 0, tests: 0, missing: true };
}

fs.mkdirSync(resultsDir, { recursive: true });
const bin = (p) => path.join(root, 'node_modules', ...p.split('/'));
const layers = [];
let staticOk = true;

if (!only || onlyUnit) {
  staticOk = run('type check (tsc --noEmit)', process.execPath, [bin('typescript/bin/tsc'), '--noEmit', '-p', '.']) && staticOk;
  // The web suite runs in the browser's web worker: its own libraries (no Node types).
  staticOk = run('type check of the web suite (tsc --noEmit -p test/web)', process.execPath, [bin('typescript/bin/tsc'), '--noEmit', '-p', 'test/web']) && staticOk;
  staticOk = run('lint (eslint)', process.execPath, [bin('eslint/bin/eslint.js'), 'src', 'test', 'bench', 'scripts']) && staticOk;
  staticOk = run('unused files, exports and dependencies (knip)', process.execPath, [bin('knip/bin/knip.js'), '--no-progress']) && staticOk;
  // Production mode: the tests and the bench are no entry points, so code or a dependency in
  // src that only they use is reported (exports a unit test reaches are checked by the run above).
  staticOk =
    run('code and dependencies only tests use (knip --production)', process.execPath, [bin('knip/bin/knip.js'), '--production', '--exclude', 'exports,types', '--no-progress']) &&
    staticOk;
  staticOk =
    run('import cycles in src (dpdm)', process.execPath, [bin('dpdm/lib/bin/dpdm.js'), '--no-warning', '--no-tree', '--exit-code', 'circular:1', 'src/**/*.ts']) && staticOk;
  staticOk = run('repeated runs of 6+ lines in src (jscpd, .jscpd.json)', process.execPath, [bin('jscpd/run-jscpd.js')]) && staticOk;
  staticOk = run('format (prettier --check)', process.execPath, [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']) && staticOk;
  const unitFile = path.join(resultsDir, 'unit.json');
  fs.rmSync(unitFile, { force: true });
  const ok = run(
    'unit tests (mocha, Node)',
    process.execPath,
    [bin('mocha/bin/mocha.js'), ...(process.stdout.isTTY ? [] : ['--no-color']), '--reporter', path.join(root, 'test/runner/summary-reporter.cjs')],
    {
      TALK_CAPTURE_UNIT_RESULTS: unitFile,
    },
  );
  layers.push(['unit', readResults(unitFile, ok)]);
}
/** Runs one layer's runner script; it writes test-results/NAME.json. */
function runLayer(name, title, script) {
  const file = path.join(resultsDir, `${name}.json`);
  const ok = run(title, process.execPath, [path.join(root, script)]);
  const res = readResults(file, ok);
  if (!ok && res.failures === 0) res.failures = 1;
  layers.push([name, res]);
}

if (!only || onlyIntegration) runLayer('integration', 'integration tests (mocha inside VS Code)', 'test/runner/integration.mjs');
if (!only || onlyWeb) runLayer('web', 'web tests (mocha in the browser’s web-worker extension host)', 'test/runner/web.mjs');
if (!only || onlyJourney) runLayer('journey', 'journey tests (keyboard and mouse in VS Code, default settings)', 'test/runner/journey.mjs');

let passed = 0;
let failed = staticOk ? 0 : 1;
let skipped = 0;
console.log('');
for (const [name, r] of layers) {
  console.log(`${name}: ${r.passes} passed, ${r.failures} failed, ${r.pending} skipped${r.missing ? ' (no results: the layer did not run)' : ''}`);
  passed += r.passes;
  failed += r.failures;
  skipped += r.pending;
  if (r.passes === 0 && r.failures === 0) failed += 1; // a layer that ran no test is a failure
}
if (!staticOk) console.log('static checks: failed (see above); counted as 1 failure');
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
