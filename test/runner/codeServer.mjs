// Starts code-server's VS Code (server + web workbench) on a loopback port and opens it in
// headless Chromium with playwright-core. Shared by the integration runner and `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Quiet, deterministic workbench settings for a fresh user-data dir. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'workbench.editor.untitled.hint': 'hidden',
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.auxiliaryBar.visible': false,
};

/** Creates `dir` (default: a new temporary folder) as a fresh user-data dir with quiet settings. */
export function makeUserDataDir(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-user-')), extraSettings = {}) {
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extraSettings }, null, 2));
  return dir;
}

/** Installs a .vsix into an extensions dir with code-server's CLI; returns the installed folder. */
export function installVsix(tools, vsix, extensionsDir, userDataDir) {
  const r = spawnSync(tools.node, [tools.codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing ${path.basename(vsix)} failed:\n${r.stdout}\n${r.stderr}`);
  const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase();
  const installed = fs.readdirSync(extensionsDir).find((d) => d.toLowerCase() === id);
  if (!installed) throw new Error(`the .vsix installed, but ${id} is not in ${extensionsDir}: ${fs.readdirSync(extensionsDir).join(', ')}`);
  return path.join(extensionsDir, installed);
}

/**
 * Starts code-server on 127.0.0.1 (auth none: loopback only) and waits for /healthz.
 * Returns { port, url, stop }.
 */
export async function startCodeServer(tools, { workspace, userDataDir, extensionsDir, env = {}, smokeTestDriver = false, trust = false, port, log = () => {} }) {
  port ??= await freePort();
  const args = [
    tools.codeServer,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  // A release workbench only runs an extension test payload when the smoke-test driver is on.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(workspace);
  const child = spawn(tools.node, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  let exited = null;
  child.on('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60000;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited with code ${exited} before it was up`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error('code-server did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { port, url, child, stop };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(tools, { width = 1400, height = 900 } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  return { browser, page };
}

/** The workbench URL for a folder, with an optional dev/test payload. */
export function workbenchUrl(server, workspace, payload) {
  let u = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/** vscode-remote:// URI of a local path on this server (the extension host runs on it). */
export function remoteUri(server, p) {
  return `vscode-remote://127.0.0.1:${server.port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * A screenshot once the workbench shows what a test asked for: `selector` (when given) visible,
 * then two animation frames, so the picture has what the test just did painted.
 */
export async function shootWhenPainted(page, file, selector) {
  if (selector) await page.waitForSelector(selector, { state: 'visible', timeout: 10_000 }).catch(() => console.log(`screenshot ${path.basename(file)}: ${selector} never showed`));
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))'); // runs in the page
  await page.screenshot({ path: file });
}
