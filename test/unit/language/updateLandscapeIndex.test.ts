import * as assert from 'assert';
import type { LandscapeIndex, LandscapeIndexFile } from '../../../src/core/landscape/landscapeIndex';
import { LandscapeUpdater, type LandscapeUpdateServices } from '../../../src/language/updateLandscapeIndex';
import { bundledIndex } from '../../support/language';
import { MemoryFiles, madeUpLandscapeYaml } from '../../support/capture';

/** The update's services in memory: downloads from a map, files of MemoryFiles, what was stored, used, reported and logged. */
function services(downloads: Record<string, string> = {}) {
  const files = new MemoryFiles('/ws');
  const seen = { stored: [] as LandscapeIndexFile[], used: [] as LandscapeIndex[], progress: [] as string[], logged: [] as string[], cancel: false };
  const s: LandscapeUpdateServices<string> = {
    landscape: () => Promise.resolve(bundledIndex()),
    fetchText: (url) => (url in downloads ? Promise.resolve(downloads[url]) : Promise.reject(new Error(`${url}: HTTP 404`))),
    readFile: (file) => files.readFile(file),
    store: (file) => {
      seen.stored.push(file);
      return Promise.resolve();
    },
    use: (index) => seen.used.push(index),
    withProgress: (title, task) => {
      const ctrl = new AbortController();
      seen.progress.push(title);
      return task((m) => {
        seen.progress.push(m);
        if (seen.cancel) ctrl.abort();
      }, ctrl.signal);
    },
    log: { warn: (m) => seen.logged.push(m) },
  };
  return { files, seen, updater: new LandscapeUpdater(s) };
}

const URL = 'https://example.org/landscape.yml';

describe('language/updateLandscapeIndex: Update Landscape Index, built with in-memory services', () => {
  it('downloads, builds, keeps and uses the index, and says how many projects it has', async () => {
    const { seen, updater } = services({ [URL]: madeUpLandscapeYaml(24) });
    const report = await updater.update({ url: URL });
    assert.deepStrictEqual(report, { result: { ok: true, entries: 24 }, kind: 'info', message: 'Talk Capture: landscape index updated: 24 entries, 24 CNCF projects.' });
    assert.strictEqual(seen.stored.length, 1);
    assert.strictEqual(seen.stored[0].source?.url, URL);
    assert.strictEqual(seen.used[0].get('Zanthor7')?.maturity, 'incubating');
    assert.deepStrictEqual(seen.progress, ['Talk Capture: updating the landscape index', `loading ${URL}`, 'checking and building the index']);
    assert.deepStrictEqual(seen.logged, []);
  });

  it('reads a chosen file, named by its base name only', async () => {
    const { files, seen, updater } = services();
    files.files.set('/ws/dl/landscape.yml', madeUpLandscapeYaml(21));
    const report = await updater.update({ file: '/ws/dl/landscape.yml', where: '/ws/dl/landscape.yml', name: 'landscape.yml' });
    assert.deepStrictEqual(report.result, { ok: true, entries: 21 });
    assert.strictEqual(seen.stored[0].source?.url, 'landscape.yml');
    assert.strictEqual(seen.progress[1], 'loading /ws/dl/landscape.yml');
  });

  it('keeps the current index when the file is not a landscape, and says why (no button for a file)', async () => {
    const { files, seen, updater } = services();
    files.files.set('/ws/small.yml', madeUpLandscapeYaml(3));
    const report = await updater.update({ file: '/ws/small.yml', where: 'small.yml', name: 'small.yml' });
    assert.deepStrictEqual(report, {
      result: { ok: false, error: 'only 3 CNCF projects in it: not a complete landscape' },
      kind: 'error',
      message: 'Talk Capture: the landscape index was not updated: only 3 CNCF projects in it: not a complete landscape. The current index stays in use.',
    });
    assert.deepStrictEqual([seen.stored.length, seen.used.length], [0, 0]);
    assert.deepStrictEqual(seen.logged, ['Update Landscape Index: only 3 CNCF projects in it: not a complete landscape']);
  });

  it('a failed download offers a file instead; a URL that is not https is refused before any download', async () => {
    const { seen, updater } = services();
    const missing = await updater.update({ url: URL });
    assert.strictEqual(missing.result.error, `${URL}: HTTP 404`);
    assert.strictEqual(missing.action, 'Choose a File…');
    assert.ok(missing.message.endsWith('The current index stays in use. You can download landscape.yml yourself and choose the file.'), missing.message);
    const insecure = await updater.update({ url: 'http://example.com/landscape.yml' });
    assert.match(insecure.result.error ?? '', /https/);
    assert.strictEqual((await updater.update({ url: '' })).result.error, 'no URL set (talkCapture.landscape.url)');
    assert.strictEqual(seen.progress.filter((p) => p.startsWith('Talk Capture')).length, 1, 'only the first one got as far as loading');
  });

  it('stops when cancelled during the download', async () => {
    const { seen, updater } = services({ [URL]: madeUpLandscapeYaml(24) });
    seen.cancel = true;
    const report = await updater.update({ url: URL });
    assert.deepStrictEqual(report.result, { ok: false, error: 'cancelled' });
    assert.strictEqual(seen.used.length, 0);
  });
});
