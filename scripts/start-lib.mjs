// The parts of `npm start` that decide things without starting anything: whether the project's
// own dependencies are installed, where the playground lives, which sample notes to copy into it.
// Plain Node (no dependencies), because it runs before `npm ci` on a fresh clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/**
 * Why the project's dependencies need installing, or undefined when they are in place.
 * With a package-lock.json: every package it names (except optional ones, which a platform may
 * skip) must be recorded at the same version in node_modules/.package-lock.json, the list npm
 * writes after each install. Both with and without a lockfile: each direct dependency must have
 * its package.json under node_modules (a deleted or half-installed folder).
 */
export function dependenciesMissing(root) {
  const pkg = readJson(path.join(root, 'package.json'));
  if (!pkg) return 'package.json is missing or not JSON';
  const modules = path.join(root, 'node_modules');
  if (!fs.existsSync(modules)) return 'node_modules is missing';
  const lockFile = path.join(root, 'package-lock.json');
  if (fs.existsSync(lockFile)) {
    const lock = readJson(lockFile);
    const installed = readJson(path.join(modules, '.package-lock.json'));
    if (!installed?.packages) return 'node_modules/.package-lock.json is missing (not installed by npm)';
    for (const [key, entry] of Object.entries(lock?.packages ?? {})) {
      if (!key.startsWith('node_modules/') && !key.includes('/node_modules/')) continue;
      if (entry.optional || entry.devOptional) continue;
      const have = installed.packages[key];
      if (!have) return `${key.slice(key.lastIndexOf('node_modules/') + 13)} is not installed`;
      if (entry.version && have.version !== entry.version) {
        return `${key.slice(key.lastIndexOf('node_modules/') + 13)} is ${have.version ?? 'of no version'}, package-lock.json wants ${entry.version}`;
      }
    }
  }
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (!fs.existsSync(path.join(modules, ...name.split('/'), 'package.json'))) return `${name} is not installed`;
  }
  return undefined;
}

// npm settings worth passing on to a nested npm: how to reach the registry.
const KEEP_NPM = new Set(['npm_config_registry', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy', 'npm_config_cafile', 'npm_config_strict_ssl']);

/**
 * The environment for an npm started from inside `npm start`: without the npm_* variables the
 * outer npm sets (npm reads npm_config_* as its own configuration: --global, --prefix, --omit…),
 * but with the settings that say how to reach the registry.
 */
export function nestedNpmEnv(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => (!/^npm_/i.test(k) || KEEP_NPM.has(k.toLowerCase())) && k !== 'NODE' && k !== 'INIT_CWD'));
}

/** Runs `npm ci` (or `npm install` without a lockfile) in root; returns true when it worked. */
export function installDependencies(root, { env = process.env, log = console.log } = {}) {
  const hasLock = fs.existsSync(path.join(root, 'package-lock.json'));
  const args = [hasLock ? 'ci' : 'install', '--include=dev', '--no-audit', '--no-fund', '--loglevel=error'];
  log(`Installing the project's dependencies (npm ${args.join(' ')}), once; about a minute…`);
  // The npm that runs `npm start` when there is one, else the npm on PATH.
  const npmCli = env.npm_execpath && /npm-cli\.c?js$/.test(env.npm_execpath) ? env.npm_execpath : undefined;
  const [cmd, cmdArgs] = npmCli ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  const r = spawnSync(cmd, cmdArgs, { cwd: root, env: nestedNpmEnv(env), stdio: ['ignore', 'inherit', 'inherit'], shell: !npmCli && process.platform === 'win32' });
  if (r.error) log(`Could not run npm: ${r.error.message}`);
  return r.status === 0;
}

/** Files under dir as '/'-separated relative paths, sorted (an explicit stack: no recursion). */
export function listFiles(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop();
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) stack.push(r);
      else if (e.isFile()) out.push(r);
    }
  }
  return out.sort();
}

/**
 * Where `npm start` keeps things. notes: the folder VS Code opens ($TALK_CAPTURE_PLAYGROUND, else
 * .playground in the clone). state: VS Code's user data (settings, open editors) and the list of
 * sample files already copied, outside the notes folder so the workspace does not show them.
 */
export function playgroundPaths(root, env = process.env) {
  // A relative path is from where the user typed `npm start` (npm runs scripts in the root).
  const from = env.INIT_CWD || process.cwd();
  const notes = env.TALK_CAPTURE_PLAYGROUND ? path.resolve(from, env.TALK_CAPTURE_PLAYGROUND) : path.join(root, '.playground');
  const state = path.join(root, '.playground-state');
  return { notes, state, userData: path.join(state, 'user-data'), extensions: path.join(state, 'extensions'), seeded: path.join(state, 'seeded.json') };
}

/**
 * Which sample files to copy into a playground: those that do not exist there and were never
 * copied there before (a sample the user deleted stays deleted). A folder that has files but was
 * never seeded by `npm start` (the user's own notes, named by TALK_CAPTURE_PLAYGROUND) gets none.
 *   examples: sample files (relative paths); existing: files in the playground;
 *   seededBefore: files copied there by earlier starts, or undefined when none ever were.
 */
export function examplesToCopy(examples, existing, seededBefore) {
  if (seededBefore === undefined && existing.length > 0) return [];
  const skip = new Set([...existing, ...(seededBefore ?? [])]);
  return examples.filter((f) => !skip.has(f));
}

/**
 * Copies the sample files that examplesToCopy picks from examplesDir into the playground, never
 * over an existing file, and records them in the seeded list. Returns { copied, adopted }:
 * adopted is true when the folder held someone's files and was left as it was.
 */
export function seedPlayground(examplesDir, paths, { ours = false } = {}) {
  const record = readJson(paths.seeded) ?? {};
  const key = paths.notes;
  // ours: the default folder in the clone, always `npm start`'s even when its record is gone.
  const before = Array.isArray(record[key]) ? record[key] : ours ? [] : undefined;
  const existing = listFiles(paths.notes);
  const copy = examplesToCopy(listFiles(examplesDir), existing, before);
  const copied = [];
  for (const rel of copy) {
    const to = path.join(paths.notes, ...rel.split('/'));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.copyFileSync(path.join(examplesDir, ...rel.split('/')), to, fs.constants.COPYFILE_EXCL);
      copied.push(rel);
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
  }
  const adopted = before === undefined && existing.length > 0;
  if (!adopted) {
    record[key] = [...new Set([...(before ?? []), ...copied])].sort();
    fs.mkdirSync(path.dirname(paths.seeded), { recursive: true });
    fs.writeFileSync(paths.seeded, `${JSON.stringify(record, null, 2)}\n`);
  }
  return { copied, adopted };
}

/** The note to open at start: the first Markdown file under content/posts, else anywhere. */
export function firstNote(files) {
  const md = files.filter((f) => f.endsWith('.md') && !/(^|\/)readme\.md$/i.test(f) && !f.split('/').some((p) => p.startsWith('.')));
  return md.find((f) => f.startsWith('content/posts/')) ?? md[0];
}
