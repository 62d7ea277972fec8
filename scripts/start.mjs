// `npm start`: builds and packages the extension, installs it into a VS Code (code-server's,
// which needs no desktop download) and opens the sample notes in examples/. Prints the
// address to open in a browser and keeps running until Ctrl-C. Binds to 127.0.0.1 only.
//   --port N             listen on N (default: a free port)
//   --screenshot FILE    open the page headless, show the Talk Capture sidebar, save a
//                        screenshot to FILE and exit (used for the README picture)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTools } from '../test/runner/tools.mjs';
import { installVsix, launchBrowser, makeUserDataDir, startCodeServer, workbenchUrl } from '../test/runner/codeServer.mjs';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-start-'));
const vsix = path.join(tmp, 'talk-capture.vsix');
console.log('Building and packaging Talk Capture…');
const pack = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (pack.status !== 0) {
  console.error('Packaging failed; run `npm run package` to see why.');
  process.exit(1);
}
const tools = ensureTools();
const userDataDir = makeUserDataDir(path.join(tmp, 'user'));
const extensionsDir = path.join(tmp, 'extensions');
fs.mkdirSync(extensionsDir);
installVsix(tools, vsix, extensionsDir, userDataDir);

// Work on a copy of the examples, so trying the commands never changes the repository.
const workspace = path.join(tmp, 'examples');
fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });

const server = await startCodeServer(tools, {
  workspace,
  userDataDir,
  extensionsDir,
  port: arg('--port') ? Number(arg('--port')) : undefined,
});
const url = workbenchUrl(server, workspace);

const cleanup = () => {
  server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
};

const shot = arg('--screenshot');
if (shot) {
  const { browser, page } = await launchBrowser(tools, { width: 1280, height: 800 });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60000 });
  await page.waitForTimeout(2000);
  const first = fs.readdirSync(path.join(workspace, 'content', 'posts')).filter((f) => f.endsWith('.md')).sort()[0];
  // Open a note through Quick Open, then the Talk Capture container.
  await page.locator('.part.editor').click();
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20000 });
  await page.keyboard.type(arg('--open') ?? first ?? '');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(2500);
  await page.locator('.activitybar [aria-label^="Talk Capture"]').first().click();
  await page.mouse.move(900, 500); // no tooltip over the sidebar
  await page.waitForTimeout(3000);
  await page.screenshot({ path: path.resolve(shot) });
  await browser.close();
  console.log(`Saved ${shot}`);
  cleanup();
  process.exit(0);
}

console.log(`\nTalk Capture is running in VS Code with the sample notes.\nOpen this address in a browser:\n\n  ${url}\n\n(Ctrl-C to stop)`);
process.on('SIGINT', () => {
  cleanup();
  process.exit(0);
});
process.on('SIGTERM', () => {
  cleanup();
  process.exit(0);
});
server.child.on('exit', (code) => {
  console.error(`VS Code stopped (exit ${code}).`);
  process.exit(code ?? 1);
});
