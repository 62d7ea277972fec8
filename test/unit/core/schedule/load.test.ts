import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { isScheduleUrl, loadSchedule, loadScheduleText, ScheduleError, scheduleUrlProblem } from '../../../../src/core/schedule';

const SCHED = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'schedule', 'sched-democon.ics'));

/** A loopback server that counts its requests and closes every connection when done. */
async function serve(handle: http.RequestListener): Promise<{ base: string; port: number; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    handle(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function rejectsWith(p: Promise<unknown>, re: RegExp): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof ScheduleError, `not a ScheduleError: ${String(err)}`);
    assert.match(err.message, re);
    return true;
  });
}

describe('schedule: loading from a URL', function () {
  this.timeout(10000);

  it('https: anywhere, http: only to this machine, nothing else', () => {
    assert.strictEqual(scheduleUrlProblem('https://democon.sched.com/all.ics'), undefined);
    assert.strictEqual(scheduleUrlProblem('http://127.0.0.1:8080/x.ics'), undefined);
    assert.strictEqual(scheduleUrlProblem('http://localhost/x.ics'), undefined);
    assert.match(scheduleUrlProblem('http://democon.sched.com/all.ics')!, /only https:/);
    assert.match(scheduleUrlProblem('file:///etc/passwd')!, /not file:/);
    assert.match(scheduleUrlProblem('https://user:pw@example.org/x.ics')!, /user name or password/);
    assert.match(scheduleUrlProblem('not a url')!, /not a URL/);
    assert.ok(isScheduleUrl('https://x.example/a.ics'));
    assert.ok(!isScheduleUrl('talks/all.ics'));
    assert.ok(!isScheduleUrl('C:\\talks\\all.ics'));
  });

  it('loads and reads a schedule, following a relative redirect on the same machine', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/old.ics') {
        res.writeHead(302, { location: '/all.ics' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.end(SCHED);
      }
    });
    try {
      const schedule = await loadSchedule(`${s.base}/old.ics`, { fallbackTimeZone: 'UTC' });
      assert.strictEqual(schedule.format, 'sched-ics');
      assert.strictEqual(schedule.source, `${s.base}/old.ics`);
      assert.strictEqual(schedule.sessions.length, 19);
      assert.deepStrictEqual(s.requests, ['/old.ics', '/all.ics']);
    } finally {
      await s.close();
    }
  });

  it('a redirect to a URL that is not allowed is never requested', async () => {
    const other = await serve((_req, res) => res.end(SCHED));
    // `localhost.` reaches this machine too, but is not one of the names allowed for http:.
    const s = await serve((_req, res) => {
      res.writeHead(301, { location: `http://localhost.:${other.port}/all.ics` });
      res.end();
    });
    try {
      await rejectsWith(loadScheduleText(`${s.base}/all.ics`), /^redirected to a URL that is not loaded: \S+ \(only https: URLs are loaded/);
      assert.deepStrictEqual(other.requests, []);
      assert.strictEqual(s.requests.length, 1);
    } finally {
      await s.close();
      await other.close();
    }
  });

  it('too many redirects', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: '/again' });
      res.end();
    });
    try {
      await rejectsWith(loadScheduleText(`${s.base}/start`, { maxRedirects: 3 }), /more than 3 redirects/);
      assert.strictEqual(s.requests.length, 4);
    } finally {
      await s.close();
    }
  });

  it('the byte limit: a declared length, and a streamed body counted as it arrives', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-length': String(SCHED.length) });
        res.end(SCHED);
        return;
      }
      // No length: chunks until the client stops reading.
      res.writeHead(200, { 'content-type': 'text/calendar' });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent > 1_000_000) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write('X'.repeat(4096));
        sent += 4096;
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    try {
      await rejectsWith(loadScheduleText(`${s.base}/declared`, { maxBytes: 1000 }), /bytes is more than the 1000 bytes a schedule may have/);
      await rejectsWith(loadScheduleText(`${s.base}/stream`, { maxBytes: 20000 }), /more than 20000 bytes \(decoded\): too large for a schedule/);
    } finally {
      await s.close();
    }
  });

  it('a time limit for the whole load, headers or body', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.write('BEGIN:VCALENDAR\r\n');
      }
      // Otherwise: never answer.
    });
    try {
      await rejectsWith(loadScheduleText(`${s.base}/silent`, { timeoutMs: 300 }), /^The schedule download took longer than 0\.3 s/);
      await rejectsWith(loadScheduleText(`${s.base}/slow-body`, { timeoutMs: 300 }), /^The schedule download took longer than 0\.3 s/);
    } finally {
      await s.close();
    }
  });

  it('HTTP errors, a web page instead of a schedule, cancelling', async () => {
    let arrived = () => {};
    const hangReached = new Promise<void>((r) => (arrived = r));
    const s = await serve((req, res) => {
      if (req.url === '/hang') arrived(); // and never answer
      if (req.url === '/missing') {
        res.writeHead(404, 'Not Found');
        res.end('nope');
      } else if (req.url === '/login') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><html><body>Log in</body></html>');
      }
    });
    try {
      await rejectsWith(loadSchedule(`${s.base}/missing`), /: HTTP 404 Not Found$/);
      await rejectsWith(loadSchedule(`${s.base}/login`), /\/login: not a schedule: this is a web page/);
      const ctrl = new AbortController();
      const p = loadScheduleText(`${s.base}/hang`, { signal: ctrl.signal });
      await hangReached; // the download is under way: cancel it
      ctrl.abort();
      await rejectsWith(p, /cancelled$/);
      await rejectsWith(loadScheduleText('http://example.org/all.ics'), /^only https: URLs are loaded/);
    } finally {
      await s.close();
    }
  });
});
