import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { LandscapeIndex, loadIndexFile } from '../../src/core/landscape/index';
import { buildUpdatedIndex, fetchLandscapeText, urlProblem } from '../../src/core/landscape/update';

const bundled = loadIndexFile(path.join(__dirname, '..', '..', 'data', 'landscape.json'));

/** A small landscape.yml made from the bundled index (facts only), for the update tests. */
export function landscapeYamlFrom(index: LandscapeIndex, limit = 60): string {
  const lines = ['landscape:', '  - category:', '    name: Test', '    subcategories:', '      - subcategory:', '        name: All', '        items:'];
  for (const e of index.entries.filter((x) => x.maturity).slice(0, limit)) {
    lines.push('          - item:', `            name: ${JSON.stringify(e.name)}`);
    if (e.homepage) lines.push(`            homepage_url: ${e.homepage}`);
    if (e.repo) lines.push(`            repo_url: ${e.repo}`);
    lines.push(`            project: ${e.maturity}`);
  }
  return lines.join('\n') + '\n';
}

describe('landscape: update', () => {
  it('fetches https, and http only on this machine', () => {
    assert.strictEqual(urlProblem('https://raw.githubusercontent.com/cncf/landscape/master/landscape.yml'), undefined);
    assert.strictEqual(urlProblem('http://127.0.0.1:8080/landscape.yml'), undefined);
    assert.strictEqual(urlProblem('http://localhost/landscape.yml'), undefined);
    assert.match(urlProblem('http://example.com/landscape.yml') ?? '', /https/);
    assert.match(urlProblem('file:///etc/passwd') ?? '', /https/);
    assert.match(urlProblem('not a url') ?? '', /not a URL/);
  });

  it('builds an index keeping what the current one knows about ordinary words', () => {
    const file = buildUpdatedIndex(landscapeYamlFrom(bundled, 300), 'https://example.com/landscape.yml', bundled);
    const next = new LandscapeIndex(file);
    const flux = next.entries.find((e) => e.name === 'Flux')!;
    assert.deepStrictEqual(flux.ordinary, bundled.entries.find((e) => e.name === 'Flux')!.ordinary);
    assert.strictEqual(next.get('otel')?.name, 'OpenTelemetry');
    assert.throws(() => buildUpdatedIndex('landscape: []', 'x', bundled), /no items/);
    assert.throws(() => buildUpdatedIndex(landscapeYamlFrom(bundled, 5), 'x', bundled), /not a complete landscape/);
  });

  it('fetches from a local server and says why when it fails', async () => {
    const yaml = landscapeYamlFrom(bundled);
    const server = http.createServer((req, res) => {
      if (req.url === '/landscape.yml') res.end(yaml);
      else res.writeHead(404).end('nope');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      assert.strictEqual(await fetchLandscapeText(`http://127.0.0.1:${port}/landscape.yml`), yaml);
      await assert.rejects(fetchLandscapeText(`http://127.0.0.1:${port}/missing.yml`), /404/);
      await assert.rejects(fetchLandscapeText('http://example.com/landscape.yml'), /https/);
    } finally {
      server.close();
    }
    await assert.rejects(fetchLandscapeText(`http://127.0.0.1:${port}/landscape.yml`), /127\.0\.0\.1/);
  });

  it('the bundled index file is what the build script writes (one entry per line)', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'landscape.json'), 'utf8');
    assert.ok(text.split('\n').length > bundled.entries.length);
    assert.ok(!text.includes('description'));
  });
});
