// `npm start`: installs the project's dependencies when they are missing, builds and packages the
// extension, installs it into a VS Code (code-server's, which needs no desktop download) and
// opens the playground with a sample note. Prints the address to open in a browser and keeps
// running until Ctrl-C. Binds to 127.0.0.1 only.
//
// The playground is kept between starts: .playground/ in the clone (or $TALK_CAPTURE_PLAYGROUND),
// filled from examples/ the first time; later starts copy only samples it never had and never
// overwrite or delete a file. VS Code's settings live in .playground-state/ beside it.
//   --port N             listen on N (default: the port of the last start when free, else any)
//   --web                run the extension's browser build (as on vscode.dev) in the browser's
//                        web-worker extension host; its VS Code settings live in
//                        .playground-state/user-data-web/
//   --screenshot FILE    open the page headless with a throwaway playground, show the Talk
//                        Capture sidebar, save a screenshot to FILE and exit (the README picture)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dependenciesMissing, firstNote, installDependencies, listFiles, playgroundPaths, seedPlayground } from './start-lib.mjs';
import { ensureTools } from '../test/runner/tools.mjs';
import { freePort, installVsix, launchBrowser, makeUserDataDir, remoteUri, startCodeServer, workbenchUrl } from '../test/runner/codeServer.mjs';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const shot = arg('--screenshot');
const web = process.argv.includes('--web');

const missing = dependenciesMissing(root);
if (missing) {
  console.log(`The project's dependencies are not installed (${missing}).`);
  if (!installDependencies(root)) {
    console.error('Installing the dependencies failed (see above); fix that and run `npm start` again.');
    process.exit(1);
  }
  const still = dependenciesMissing(root);
  if (still) {
    console.error(`The dependencies are still incomplete after installing (${still}).`);
    process.exit(1);
  }
}

// Only the build folder is temporary (and, for --screenshot, the whole playground).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-start-'));
let server;
const cleanup = () => {
  server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
};
// Ctrl-C or an error at any point (packaging, installing the .vsix, running) stops VS Code and
// removes the build folder; the playground and its state stay.
process.on('exit', cleanup);
const stop = () => process.exit(0);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
const vsix = path.join(tmp, 'talk-capture.vsix');
console.log('Building and packaging Talk Capture…');
const pack = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (pack.status !== 0) {
  console.error('Packaging failed; run `npm run package` to see why.');
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}
const tools = ensureTools();

const paths = shot ? playgroundPaths(root, { TALK_CAPTURE_PLAYGROUND: path.join(tmp, 'playground') }) : playgroundPaths(root);
if (shot) Object.assign(paths, { userData: path.join(tmp, 'user-data'), extensions: path.join(tmp, 'extensions'), seeded: path.join(tmp, 'seeded.json') });
fs.mkdirSync(paths.notes, { recursive: true });
const seeded = seedPlayground(path.join(root, 'examples'), paths, { ours: shot || paths.notes === path.join(root, '.playground') });

// The browser build gets VS Code settings of its own, which send the extension to the web worker.
if (web) paths.userData = path.join(shot ? tmp : paths.state, 'user-data-web');
// VS Code's user data is kept (settings, state); quiet defaults only when there is none yet.
if (!fs.existsSync(path.join(paths.userData, 'User', 'settings.json'))) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  makeUserDataDir(paths.userData, { 'files.autoSave': 'afterDelay', ...(web ? { 'remote.extensionKind': { [`${pkg.publisher}.${pkg.name}`]: ['web'] } } : {}) });
}
// The extensions are installed afresh: the .vsix just built.
fs.rmSync(paths.extensions, { recursive: true, force: true });
fs.mkdirSync(paths.extensions, { recursive: true });
installVsix(tools, vsix, paths.extensions, paths.userData);

// The same port as last time when it is free: the browser keeps the workbench's state per address.
const portFile = path.join(paths.state, 'port');
const isFree = (port) =>
  new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
let port = arg('--port') ? Number(arg('--port')) : undefined;
if (port === undefined && !shot) {
  const last = Number(fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').trim() : NaN);
  if (Number.isInteger(last) && last > 1024 && last < 65536 && (await isFree(last))) port = last;
}
port ??= await freePort();

server = await startCodeServer(tools, { workspace: paths.notes, userDataDir: paths.userData, extensionsDir: paths.extensions, port });
if (!shot) fs.writeFileSync(portFile, `${server.port}\n`);

// The workbench opens a file named by its payload (openFile), so the Talks view starts with a note.
const note = arg('--open') ?? firstNote(listFiles(paths.notes));
const url = workbenchUrl(server, paths.notes, note ? [['openFile', remoteUri(server, path.join(paths.notes, ...note.split('/')))]] : undefined);

if (shot) {
  const { browser, page } = await launchBrowser(tools, { width: 1280, height: 800 });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60000 });
  if (note) await page.waitForSelector(`.tabs-container .tab[data-resource-name="${path.basename(note)}"]`, { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.locator('.activitybar [aria-label^="Talk Capture"]').first().click();
  await page.mouse.move(900, 500); // no tooltip over the sidebar
  // The Talks view fills once the extension has read the note; TODO Links once it has scanned
  // the workspace: wait for rows (or a view's welcome content) in every pane of the sidebar.
  if (note) {
    await page
      .waitForFunction("[...document.querySelectorAll('.part.sidebar .pane')].every((p) => p.querySelector('.monaco-list-row, .welcome-view-content'))", null, { timeout: 60000 })
      .catch(() => console.error('The Talk Capture views did not fill within 60 s; saving the screenshot as it is.'));
  }
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.resolve(shot) });
  await browser.close();
  console.log(`Saved ${shot}`);
  cleanup();
  process.exit(0);
}

const copiedLine = seeded.adopted
  ? 'It had files already, so no samples were copied.'
  : seeded.copied.length
    ? `Copied ${seeded.copied.length} sample file(s) from examples/ into it.`
    : 'It is kept as you left it.';
console.log(
  `\nTalk Capture is running in VS Code${web ? ' (its browser build, in the browser’s web worker)' : ''}.\nYour playground (kept between starts): ${paths.notes}\n${copiedLine}\n` +
    `Open this address in a browser:\n\n  ${url}\n\n(Ctrl-C to stop)`,
);
server.child.on('exit', (code) => {
  console.error(`VS Code stopped (exit ${code}).`);
  process.exit(code ?? 1);
});
