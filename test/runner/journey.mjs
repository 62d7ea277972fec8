// Runs the journey layer (test/journey/*.journey.mjs): mocha in Node driving the packaged
// extension in code-server's VS Code through headless Chromium's keyboard and mouse, with
// default user settings. Writes test-results/journey.json ({passes, failures, pending, tests}).
//   TALK_CAPTURE_JOURNEY_GREP=pattern   runs the matching journeys only
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const resultsDir = path.join(root, 'test-results');
const results = path.join(resultsDir, 'journey.json');
fs.mkdirSync(resultsDir, { recursive: true });
fs.rmSync(results, { force: true });
fs.rmSync(path.join(resultsDir, 'journey-screenshots'), { recursive: true, force: true });

const grep = process.env.TALK_CAPTURE_JOURNEY_GREP;
const args = [
  path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
  '--no-config',
  '--timeout',
  '180000',
  '--require',
  path.join(root, 'test', 'journey', 'hooks.mjs'),
  '--reporter',
  path.join(root, 'test', 'runner', 'summary-reporter.cjs'),
  ...(process.stdout.isTTY ? [] : ['--no-color']),
  ...(grep ? ['--grep', grep] : []),
  'test/journey/*.journey.mjs',
];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TALK_CAPTURE_UNIT_RESULTS: results } });
console.log(`[journey] screenshots: ${path.join(resultsDir, 'journey-screenshots')}`);
process.exit(r.status ?? 1);
