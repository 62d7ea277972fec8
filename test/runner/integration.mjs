// Runs the integration suite (test/integration, bundled to out/integration) inside a real
// VS Code with the PACKAGED extension: it builds the .vsix, installs it with VS Code's own
// installer, and points the test payload at the installed copy, so the tests see exactly what
// a user who installs the .vsix gets (dist, snippets, grammars, data).
//
// Default host: code-server's VS Code in headless Chromium (no desktop download needed).
// TALK_CAPTURE_TEST_HOST=desktop: a desktop VS Code through @vscode/test-electron instead.
//
// Writes test-results/integration.json ({passes, failures, pending, tests}) and screenshots to
// test-results/screenshots/. Exit code 0 only when tests ran and none failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTools } from './tools.mjs';
import { installVsix, launchBrowser, makeUserDataDir, remoteUri, shootWhenPainted, startCodeServer, workbenchUrl } from './codeServer.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const resultsDir = path.join(root, 'test-results');
const screenshotDir = path.join(resultsDir, 'screenshots');
const timeoutMs = Number(process.env.TALK_CAPTURE_TEST_TIMEOUT_MS || 20 * 60 * 1000);

function step(msg) {
  console.log(`[integration] ${msg}`);
}

function runNode(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
}

function writeSummary(summary) {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'integration.json'), JSON.stringify(summary, null, 2));
}

function freshWorkspace() {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-ws-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), ws, { recursive: true });
  return ws;
}

async function runInCodeServer(vsix, tmp) {
  const started = Date.now();
  const tools = ensureTools();
  step(`tools ready (${tools.dir}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const userDataDir = makeUserDataDir(path.join(tmp, 'user'));
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const installed = installVsix(tools, vsix, extensionsDir, userDataDir);
  step(`installed ${path.basename(vsix)} into the test VS Code: ${path.basename(installed)}`);

  const workspace = freshWorkspace();
  const logFile = path.join(tmp, 'mocha.log');
  const resultsFile = path.join(tmp, 'results.json');
  fs.writeFileSync(logFile, '');
  const serverLog = fs.createWriteStream(path.join(resultsDir, 'code-server.log'));
  const server = await startCodeServer(tools, {
    workspace,
    userDataDir,
    extensionsDir,
    smokeTestDriver: true,
    log: (t) => serverLog.write(t),
    env: {
      TALK_CAPTURE_TEST_LOG: logFile,
      TALK_CAPTURE_TEST_RESULTS: resultsFile,
      TALK_CAPTURE_SCREENSHOT_DIR: screenshotDir,
      ...(process.env.TALK_CAPTURE_TEST_GREP ? { TALK_CAPTURE_TEST_GREP: process.env.TALK_CAPTURE_TEST_GREP } : {}),
      ...(process.env.TALK_CAPTURE_NOW ? { TALK_CAPTURE_NOW: process.env.TALK_CAPTURE_NOW } : {}),
    },
  });
  step(`VS Code (code-server) up at ${server.url}, workspace ${workspace}`);

  const { browser, page } = await launchBrowser(tools);
  const workbenchLog = fs.createWriteStream(path.join(resultsDir, 'workbench.log'));
  let exitCode = null;
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    workbenchLog.write(`[${type}] ${Array.isArray(args) ? args.join(' ') : String(args)}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode = code;
    resolveExit();
  });
  page.on('pageerror', (err) => workbenchLog.write(`[pageerror] ${err.message}\n`));

  // Stream the mocha log and serve screenshot requests (@@screenshot NAME) as they appear.
  let offset = 0;
  let pending = Promise.resolve();
  const tail = () => {
    const size = fs.statSync(logFile).size;
    if (size <= offset) return;
    const fd = fs.openSync(logFile, 'r');
    const buf = Buffer.alloc(size - offset);
    fs.readSync(fd, buf, 0, buf.length, offset);
    fs.closeSync(fd);
    offset = size;
    for (const line of buf.toString('utf8').split('\n')) {
      const m = /^@@screenshot (\S+)(?: (.+))?/.exec(line);
      if (m) {
        const file = path.join(screenshotDir, `${m[1]}.png`);
        pending = pending.then(() => shootWhenPainted(page, file, m[2]).catch((e) => console.log(`screenshot ${m[1]} failed: ${e.message}`)));
      } else if (line) {
        console.log(line);
      }
    }
  };
  const tailer = setInterval(tail, 100);

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, installed)],
    ['extensionTestsPath', remoteUri(server, path.join(root, 'out', 'integration', 'index.js'))],
    ['skipWelcome', 'true'],
  ];
  await page.goto(workbenchUrl(server, workspace, payload));
  const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), timeoutMs))]);
  await pending;
  tail();
  clearInterval(tailer);
  await browser.close().catch(() => {});
  server.stop();
  serverLog.end();
  workbenchLog.end();

  let results = { passes: 0, failures: 0, pending: 0, tests: 0 };
  if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (timedOut) {
    step(`timed out after ${timeoutMs / 1000} s`);
    results.failures += 1;
    results.error = 'timed out';
  } else if (!fs.existsSync(resultsFile)) {
    step(`the test entry exited with code ${exitCode} without results (see test-results/workbench.log)`);
    results.failures += 1;
    results.error = 'no results';
  }
  results.exitCode = exitCode;
  results.seconds = (Date.now() - started) / 1000;
  return results;
}

async function runInDesktop(vsix, tmp) {
  const { runTests } = await import('@vscode/test-electron');
  const extensionsDir = path.join(tmp, 'extensions');
  const resultsFile = path.join(tmp, 'results.json');
  const workspace = freshWorkspace();
  // Unpack the .vsix so the tests load the packaged files, as with code-server.
  const unpacked = path.join(tmp, 'unpacked');
  fs.mkdirSync(unpacked, { recursive: true });
  const unzip = spawnSync('unzip', ['-q', vsix, 'extension/*', '-d', unpacked]);
  const extensionDevelopmentPath = unzip.status === 0 ? path.join(unpacked, 'extension') : root;
  let failed = false;
  try {
    await runTests({
      extensionDevelopmentPath,
      extensionTestsPath: path.join(root, 'out', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--extensions-dir', extensionsDir, '--disable-workspace-trust'],
      extensionTestsEnv: { TALK_CAPTURE_TEST_RESULTS: resultsFile, TALK_CAPTURE_SCREENSHOT_DIR: '' },
    });
  } catch {
    failed = true;
  }
  const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : { passes: 0, failures: 1, pending: 0, tests: 0 };
  if (failed && results.failures === 0) results.failures = 1;
  return results;
}

async function main() {
  fs.rmSync(screenshotDir, { recursive: true, force: true });
  fs.rmSync(path.join(resultsDir, 'integration.json'), { force: true });
  fs.mkdirSync(screenshotDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-it-'));
  const vsix = path.join(tmp, 'talk-capture-test.vsix');
  step('packaging the extension (.vsix)');
  runNode([path.join(root, 'scripts', 'package.mjs'), vsix], 'packaging');
  step('bundling the integration tests');
  runNode([path.join(root, 'scripts', 'build.mjs')], 'building');

  const host = process.env.TALK_CAPTURE_TEST_HOST === 'desktop' ? 'desktop' : 'code-server';
  let results;
  try {
    results = host === 'desktop' ? await runInDesktop(vsix, tmp) : await runInCodeServer(vsix, tmp);
  } catch (err) {
    console.error(`[integration] ${err.stack || err.message}`);
    results = { passes: 0, failures: 1, pending: 0, tests: 0, error: err.message };
  }
  results.host = host;
  writeSummary(results);
  step(`screenshots: ${screenshotDir}`);
  step(`${results.passes} passed, ${results.failures} failed, ${results.pending} skipped`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(results.failures === 0 && results.passes > 0 ? 0 : 1);
}

main();
