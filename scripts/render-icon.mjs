// Renders media/icon.svg to media/icon.png (128×128) with the headless Chromium of the test tools.
import path from 'node:path';
import fs from 'node:fs';
import { ensureTools } from '../test/runner/tools.mjs';
import { launchBrowser } from '../test/runner/codeServer.mjs';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'media', 'icon.svg'), 'utf8');
const { browser, page } = await launchBrowser(ensureTools(), { width: 128, height: 128 });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: path.join(root, 'media', 'icon.png'), omitBackground: true });
await browser.close();
console.log('wrote media/icon.png');
