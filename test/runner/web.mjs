// Runs the web suite (test/web, bundled for the browser to out/web/index.js) inside the
// browser's WEB-WORKER extension host of code-server's VS Code, with the PACKAGED extension's
// web build (package.json `browser`): the .vsix is installed, the user setting
// `remote.extensionKind` sends the extension to the web host, and the test entry is copied into
// the installed extension's folder (VS Code runs a test entry in the host of the extension that
// contains it). The suite reports through the workbench log (`@@results {…}`).
//
// Two local servers stand in for conference sites: one lets a web page read its files
// (Access-Control-Allow-Origin: *), one does not.
//
// Writes test-results/web.json ({passes, failures, pending, tests}) and screenshots to
// test-results/web-screenshots/. Exit code 0 only when tests ran and none failed.
// TALK_CAPTURE_WEB_GREP: only the tests whose full title matches.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { ensureTools } from './tools.mjs';
import { installVsix, launchBrowser, makeUserDataDir, remoteUri, shootWhenPainted, startCodeServer, workbenchUrl } from './codeServer.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const resultsDir = path.join(root, 'test-results');
const screenshotDir = path.join(resultsDir, 'web-screenshots');
const timeoutMs = Number(process.env.TALK_CAPTURE_TEST_TIMEOUT_MS || 15 * 60 * 1000);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const extensionId = `${pkg.publisher}.${pkg.name}`;

function step(msg) {
  console.log(`[web] ${msg}`);
}

function runNode(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
}

/** A loopback server for the fixture schedule; `cors` decides whether a web page may read it. */
async function scheduleServer(cors) {
  const ics = fs.readFileSync(path.join(root, 'test', 'fixtures', 'workspace', 'schedule', 'democon.ics'));
  const server = http.createServer((req, res) => {
    const headers = { 'content-type': 'text/calendar; charset=utf-8', ...(cors ? { 'access-control-allow-origin': '*' } : {}) };
    if (req.url === '/democon.ics') res.writeHead(200, headers).end(ics);
    else res.writeHead(404, headers).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

async function run(vsix, tmp) {
  const started = Date.now();
  const tools = ensureTools();
  step(`tools ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The extension goes to the browser's web worker, not the server's Node host.
  const userDataDir = makeUserDataDir(path.join(tmp, 'user'), { 'remote.extensionKind': { [extensionId]: ['web'] } });
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const installed = installVsix(tools, vsix, extensionsDir, userDataDir);
  const entry = path.join(installed, 'web-test', 'index.js');
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.copyFileSync(path.join(root, 'out', 'web', 'index.js'), entry);
  step(`installed ${path.basename(installed)}; test entry copied into it`);

  const allowed = await scheduleServer(true);
  const refused = await scheduleServer(false);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-web-ws-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.mkdirSync(path.join(workspace, 'web'), { recursive: true });
  fs.writeFileSync(
    path.join(workspace, '.vscode', 'talk-capture-web-test.json'),
    JSON.stringify({ grep: process.env.TALK_CAPTURE_WEB_GREP || undefined, corsAllowed: allowed.url, corsRefused: refused.url }),
  );

  const serverLog = fs.createWriteStream(path.join(resultsDir, 'code-server-web.log'));
  const server = await startCodeServer(tools, { workspace, userDataDir, extensionsDir, smokeTestDriver: true, log: (t) => serverLog.write(t) });
  step(`VS Code (code-server) up at ${server.url}`);
  const { browser, page } = await launchBrowser(tools);
  const workbenchLog = fs.createWriteStream(path.join(resultsDir, 'workbench-web.log'));
  let results;
  let workerStarted = false;
  let exitCode = null;
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  let pending = Promise.resolve();
  const onLine = (line) => {
    if (/web worker extension host is started/i.test(line)) workerStarted = true;
    const shot = /@@screenshot (\S+)(?: (.+))?/.exec(line);
    const res = /@@results (\{.*\})/.exec(line);
    if (shot) {
      const file = path.join(screenshotDir, `${shot[1]}.png`);
      // Taken (or failed): the suite waits for this mark in its workspace (it has no other file system).
      const done = () => fs.writeFileSync(path.join(workspace, '.vscode', `screenshot-${shot[1]}.done`), '');
      pending = pending.then(() =>
        shootWhenPainted(page, file, shot[2])
          .catch((e) => console.log(`screenshot ${shot[1]} failed: ${e.message}`))
          .finally(done),
      );
    } else if (res) results = JSON.parse(res[1]);
  };
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const list = Array.isArray(args) ? args : [args];
    // The suite's reporter marks its lines (test/web/setup.ts); they arrive unformatted.
    const mine = list[0] === '@@mocha';
    const text = mine ? format(...list.slice(1)) : list.map(String).join(' ');
    workbenchLog.write(`[${type}] ${text}\n`);
    for (const line of text.split('\n')) onLine(line);
    if (mine) console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode = code;
    resolveExit();
  });
  page.on('console', (msg) => {
    const text = msg.text();
    workbenchLog.write(`[console.${msg.type()}] ${text}\n`);
    if (/web worker extension host is started/i.test(text)) workerStarted = true;
  });
  page.on('pageerror', (err) => workbenchLog.write(`[pageerror] ${err.message}\n`));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, installed)],
    ['extensionTestsPath', remoteUri(server, entry)],
    ['skipWelcome', 'true'],
  ];
  await page.goto(workbenchUrl(server, workspace, payload));
  const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), timeoutMs))]);
  await pending;
  await browser.close().catch(() => {});
  server.stop();
  allowed.close();
  refused.close();
  serverLog.end();
  workbenchLog.end();

  results ??= { passes: 0, failures: 0, pending: 0, tests: 0, missing: true };
  if (timedOut) {
    step(`timed out after ${timeoutMs / 1000} s`);
    results.failures += 1;
    results.error = 'timed out';
  } else if (results.missing) {
    step(`the test entry exited with code ${exitCode} without results (see test-results/workbench-web.log)`);
    results.failures += 1;
    results.error = 'no results';
  }
  results.workerHostSeen = workerStarted;
  results.exitCode = exitCode;
  results.seconds = (Date.now() - started) / 1000;
  return results;
}

async function main() {
  fs.rmSync(screenshotDir, { recursive: true, force: true });
  fs.rmSync(path.join(resultsDir, 'web.json'), { force: true });
  fs.mkdirSync(screenshotDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-web-'));
  const vsix = path.join(tmp, 'talk-capture-test.vsix');
  step('packaging the extension (.vsix)');
  runNode([path.join(root, 'scripts', 'package.mjs'), vsix], 'packaging');
  step('bundling the web suite');
  runNode([path.join(root, 'scripts', 'build.mjs')], 'building');
  let results;
  try {
    results = await run(vsix, tmp);
  } catch (err) {
    console.error(`[web] ${err.stack || err.message}`);
    results = { passes: 0, failures: 1, pending: 0, tests: 0, error: err.message };
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'web.json'), JSON.stringify(results, null, 2));
  step(`screenshots: ${screenshotDir}`);
  step(`${results.passes} passed, ${results.failures} failed, ${results.pending} skipped`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(results.failures === 0 && results.passes > 0 ? 0 : 1);
}

main();
