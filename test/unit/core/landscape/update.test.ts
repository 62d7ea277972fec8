import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { LandscapeIndex } from '../../../../src/core/landscape/landscapeIndex';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import * as zlib from 'zlib';
import { Scalar } from 'yaml';
import { buildUpdatedIndex, fetchLandscapeText, landscapeYamlProblem, MAX_LANDSCAPE_BYTES, urlProblem } from '../../../../src/core/landscape/update';
import { isThisMachine, redirectRefusal } from '../../../../src/core/net/fetchText';

const bundled = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));

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
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'), 'utf8');
    assert.ok(text.split('\n').length > bundled.entries.length);
    assert.ok(!text.includes('description'));
  });
});

/** A server on a loopback address; `handle` answers; resolves to its base URL. */
async function serve(handle: http.RequestListener, host = '127.0.0.1'): Promise<{ base: string; server: http.Server; close: () => Promise<void> }> {
  const server = http.createServer(handle);
  await new Promise<void>((r) => server.listen(0, host, r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Writes `chunk` up to `times` times, waiting for the socket to drain (nothing is buffered ahead); counts the bytes sent. */
function streamLazily(res: http.ServerResponse, chunk: Buffer, times: number, sent: { bytes: number }): void {
  let i = 0;
  const more = () => {
    while (i < times && !res.destroyed) {
      i++;
      sent.bytes += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', more);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => (i = times));
  more();
}

/** Runs `work` while sampling memory; the largest growth of rss and of arrayBuffers over the start. */
async function memoryGrowth(work: () => Promise<unknown>): Promise<{ rss: number; arrayBuffers: number; result: unknown }> {
  const start = process.memoryUsage();
  let rss = 0;
  let arrayBuffers = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - start.rss);
    arrayBuffers = Math.max(arrayBuffers, m.arrayBuffers - start.arrayBuffers);
  };
  const timer = setInterval(sample, 10);
  let result: unknown;
  try {
    result = await work().then(
      (v) => v,
      (e: unknown) => e,
    );
  } finally {
    clearInterval(timer);
    sample();
  }
  return { rss, arrayBuffers, result };
}

const MB = 1024 * 1024;

describe('landscape: update over a hostile network', () => {
  it('a 500 MB body (no Content-Length) is stopped at the limit, with memory growth under 100 MB', async () => {
    const sent = { bytes: 0 };
    const chunk = Buffer.alloc(64 * 1024, 'landscape: x\n');
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      streamLazily(res, chunk, (500 * MB) / chunk.length, sent);
    });
    try {
      const m = await memoryGrowth(() => fetchLandscapeText(`${s.base}/landscape.yml`));
      assert.ok(m.result instanceof Error);
      assert.match(m.result.message, /more than 16 MB \(decoded\): too large for a landscape file; the download was stopped/);
      assert.ok(m.rss < 100 * MB, `rss grew ${Math.round(m.rss / MB)} MB`);
      assert.ok(m.arrayBuffers < 100 * MB, `arrayBuffers grew ${Math.round(m.arrayBuffers / MB)} MB`);
      assert.ok(sent.bytes < 200 * MB, `the server sent ${Math.round(sent.bytes / MB)} MB before the client stopped reading`);
    } finally {
      await s.close();
    }
  });

  it('a declared Content-Length over the limit is refused before the body is read', async () => {
    const sent = { bytes: 0 };
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(500 * MB) });
      streamLazily(res, Buffer.alloc(64 * 1024, 'a'), (500 * MB) / (64 * 1024), sent);
    });
    try {
      await assert.rejects(fetchLandscapeText(`${s.base}/landscape.yml`), /500 MB is more than the 16 MB a landscape file may have/);
    } finally {
      await s.close();
    }
  });

  it('a gzip bomb (3 MB on the wire, 3 GB decoded) is stopped once the decoded bytes pass the limit, memory growth under 100 MB', async () => {
    // One gzip member of 16 MB of zeros (a few KB), sent 200 times: gzip readers take concatenated members as one stream.
    const member = zlib.gzipSync(Buffer.alloc(16 * MB), { level: 9 });
    const sent = { bytes: 0 };
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml', 'content-encoding': 'gzip' });
      streamLazily(res, member, 200, sent);
    });
    try {
      const m = await memoryGrowth(() => fetchLandscapeText(`${s.base}/landscape.yml`));
      assert.ok(m.result instanceof Error);
      assert.match(m.result.message, /more than 16 MB \(decoded\)/);
      assert.ok(m.rss < 100 * MB, `rss grew ${Math.round(m.rss / MB)} MB`);
      assert.ok(m.arrayBuffers < 100 * MB, `arrayBuffers grew ${Math.round(m.arrayBuffers / MB)} MB`);
    } finally {
      await s.close();
    }
  });

  it('a gzip body within the limit is decoded', async () => {
    const yaml = landscapeYamlFrom(bundled);
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(yaml));
    });
    try {
      assert.strictEqual(await fetchLandscapeText(`${s.base}/landscape.yml`), yaml);
    } finally {
      await s.close();
    }
  });

  it('a redirect to an address that is not allowed is never requested; allowed ones are followed, up to a limit', async () => {
    let secondRequests = 0;
    const second = await serve((_req, res) => {
      secondRequests++;
      res.end(landscapeYamlFrom(bundled));
    }, '127.0.0.2'); // loopback too, but not an address the update accepts http: for
    const yaml = landscapeYamlFrom(bundled);
    let hops = 0;
    const first = await serve((req, res) => {
      if (req.url === '/away') res.writeHead(302, { location: `${second.base}/landscape.yml` }).end();
      else if (req.url === '/file') res.writeHead(301, { location: 'file:///etc/hosts' }).end();
      else if (req.url === '/hop') res.writeHead(307, { location: '/landscape.yml' }).end();
      else if (req.url === '/loop') {
        hops++;
        res.writeHead(302, { location: '/loop' }).end();
      } else res.end(yaml);
    });
    try {
      await assert.rejects(
        fetchLandscapeText(`${first.base}/away`),
        /redirected to a URL that is not fetched: http:\/\/127\.0\.0\.2:\d+\/landscape\.yml \(only https: URLs are fetched/,
      );
      assert.strictEqual(secondRequests, 0, 'the disallowed address got no request');
      await assert.rejects(fetchLandscapeText(`${first.base}/file`), /redirected to a URL that is not fetched: file:\/\/\/etc\/hosts/);
      assert.strictEqual(await fetchLandscapeText(`${first.base}/hop`), yaml);
      await assert.rejects(fetchLandscapeText(`${first.base}/loop`), /more than 5 redirects/);
      assert.strictEqual(hops, 6);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('a redirect to this machine is known in every address form, not by its host name only (0.0.0.0, 127.0.0.3, [::ffff:127.0.0.1] passed)', () => {
    const local = [
      '127.0.0.1',
      '127.0.0.3',
      '127.255.255.254',
      '0.0.0.0',
      '0',
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      '0x7f000001',
      'localhost',
      'LOCALHOST.',
      'app.localhost',
      '[::1]',
      '[::]',
      '[0:0:0:0:0:0:0:1]',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:2]',
      '[::ffff:0.0.0.0]',
      '[::127.0.0.1]',
    ];
    const remote = ['example.org', '128.0.0.1', '10.0.0.1', '1.127.0.0', '[::2]', '[2001:db8::1]', '[::ffff:8.8.8.8]', '[fe80::1]', 'localhost.example.org', 'mylocalhost'];
    for (const host of local) assert.ok(isThisMachine(new URL(`https://${host}/x`)), host);
    for (const host of remote) assert.ok(!isThisMachine(new URL(`https://${host}/x`)), host);
  });

  it('a redirect to a host name that resolves to this machine is refused when names can be resolved (names were compared as written)', async () => {
    const names: Record<string, string[]> = {
      'files.example.org': ['93.184.216.34'],
      'sneaky.example.org': ['93.184.216.34', '127.0.0.1'],
      'mapped.example.org': ['::ffff:127.0.0.1'],
      'zoned.example.org': ['fe80::1%eth0'],
    };
    const asked: string[] = [];
    const lookup = async (host: string) => {
      asked.push(host);
      if (!(host in names)) throw new Error(`ENOTFOUND ${host}`);
      return names[host];
    };
    const from = new URL('https://conference.example.org/schedule.ics');
    const to = (host: string) => new URL(`https://${host}/all.ics`);
    assert.strictEqual(await redirectRefusal(from, to('files.example.org'), lookup), undefined);
    assert.match((await redirectRefusal(from, to('sneaky.example.org'), lookup)) ?? '', /to sneaky\.example\.org, which is this machine \(127\.0\.0\.1\): not followed/);
    assert.match((await redirectRefusal(from, to('mapped.example.org'), lookup)) ?? '', /which is this machine \(::ffff:127\.0\.0\.1\)/);
    assert.strictEqual(await redirectRefusal(from, to('zoned.example.org'), lookup), undefined, 'an address no URL can hold is no loopback');
    assert.strictEqual(await redirectRefusal(from, to('nowhere.example.org'), lookup), undefined, 'a name that does not resolve is left to the request');
    assert.match((await redirectRefusal(from, to('127.0.0.3'), lookup)) ?? '', /to this machine \(127\.0\.0\.3\)/);
    assert.strictEqual(await redirectRefusal(from, to('sneaky.example.org')), undefined, 'without a resolver (a browser) names are compared as written');
    assert.strictEqual(await redirectRefusal(new URL('http://127.0.0.1:8080/a'), to('sneaky.example.org'), lookup), undefined, 'from this machine to itself is allowed');
    assert.deepStrictEqual(asked, ['files.example.org', 'sneaky.example.org', 'mapped.example.org', 'zoned.example.org', 'nowhere.example.org']);
  });

  it('a redirect target with a password is shown masked, as the first URL is (it was printed in full)', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/pw') res.writeHead(302, { location: 'https://someone:s3cret@example.org/landscape.yml' }).end();
      else res.writeHead(302, { location: 'http://someone:s3cret@[bad/landscape.yml' }).end();
    });
    try {
      for (const p of ['/pw', '/bad']) {
        const err = await fetchLandscapeText(`${s.base}${p}`).then(
          () => assert.fail('fetched'),
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
        assert.ok(!err.includes('s3cret') && !err.includes('someone'), err);
        assert.match(err, /\/\/…@/);
      }
    } finally {
      await s.close();
    }
  });

  it('repeated keys are found in linear time: key reads per key stay the same as one mapping grows ×10 (they grew ×10: 20k keys took 3.9 s)', () => {
    // Counts every read of a YAML scalar's value while the landscape is built: the parser's
    // own repeated-key check compared each key with all the earlier ones of its mapping.
    const values = new WeakMap<object, unknown>();
    let reads = 0;
    Object.defineProperty(Scalar.prototype, 'value', {
      configurable: true,
      get(this: object) {
        reads++;
        return values.get(this);
      },
      set(this: object, v: unknown) {
        values.set(this, v);
      },
    });
    const perKey: number[] = [];
    try {
      for (const keys of [1000, 10000]) {
        const yaml = landscapeYamlFrom(bundled, 30).replace(
          '    name: Test\n',
          `    name: Test\n    notes:\n${Array.from({ length: keys }, (_, i) => `      key${i}: ${i}\n`).join('')}`,
        );
        reads = 0;
        assert.strictEqual(buildUpdatedIndex(yaml, 'https://example.org/landscape.yml', bundled).entries.length, 30);
        perKey.push(reads / keys);
      }
    } finally {
      delete (Scalar.prototype as { value?: unknown }).value;
    }
    console.log(`      scalar reads per key: ${perKey.map((n) => n.toFixed(2)).join(' at 1k keys, ')} at 10k keys`);
    assert.ok(perKey[1] <= perKey[0] * 1.1 && perKey[1] < 20, perKey.join(', '));
    // A repeated key is still refused, with its place.
    assert.throws(
      () => buildUpdatedIndex(landscapeYamlFrom(bundled, 30).replace('    name: Test\n', '    name: Test\n    name: Again\n'), 'https://example.org/landscape.yml', bundled),
      /not valid YAML: Map keys must be unique: "name" is repeated at line 4, column 5/,
    );
  });

  it('a slow body hits the one time limit, with a readable message', async () => {
    let bodyStarted = () => {};
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.write('landscape:\n', () => bodyStarted());
      // and nothing more
    });
    try {
      await assert.rejects(fetchLandscapeText(`${s.base}/landscape.yml`, { timeoutMs: 300 }), /^Error: The landscape file download took longer than 0\.3 s/);
      const started = new Promise<void>((r) => (bodyStarted = r));
      const ctrl = new AbortController();
      const pending = fetchLandscapeText(`${s.base}/landscape.yml`, { signal: ctrl.signal, timeoutMs: 10_000 });
      await started; // the body is on its way: cancel the download
      ctrl.abort();
      await assert.rejects(pending, /cancelled/);
    } finally {
      await s.close();
    }
  });

  it('caps the parsed YAML: depth, nodes, aliases, documents; a refused file never becomes the index', () => {
    const deep = 'landscape: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n';
    assert.match(landscapeYamlProblem(deep) ?? '', /nested deeper than 64 levels/);
    assert.throws(() => buildUpdatedIndex(deep, 'x', bundled), /nested deeper than 64 levels/);
    const aliases = 'a: &a [1]\nlandscape: [' + Array.from({ length: 1001 }, () => '*a').join(', ') + ']\n';
    assert.match(landscapeYamlProblem(aliases) ?? '', /more than 1000 YAML aliases/);
    assert.match(landscapeYamlProblem('landscape: []\n---\nlandscape: []\n') ?? '', /more than one YAML document/);
    assert.strictEqual(landscapeYamlProblem(landscapeYamlFrom(bundled, 300)), undefined);
    assert.throws(() => buildUpdatedIndex('x'.repeat(MAX_LANDSCAPE_BYTES + 1), 'x', bundled), /too large/);
  });
});
