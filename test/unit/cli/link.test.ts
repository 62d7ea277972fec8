import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type LinkJson } from '../../../src/cli/link';
import { cli } from '../helpers/cli';

const fixture = path.join(__dirname, '..', '..', 'fixtures', 'landscape', 'talk-notes.md');

function tempCopy(text?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-link-'));
  const file = path.join(dir, 'note.md');
  fs.writeFileSync(file, text ?? fs.readFileSync(fixture, 'utf8'));
  return file;
}

describe('cli: talk-capture link', () => {
  it('exports run', () => assert.strictEqual(typeof run, 'function'));

  it('prints the mentions as JSON with 1-based line and column', async () => {
    const r = await cli('link', fixture, '--json');
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as LinkJson;
    assert.strictEqual(j.file, fixture);
    assert.deepStrictEqual(j.mentions[0], {
      line: 10,
      column: 8,
      text: 'Prometheus',
      project: 'Prometheus',
      url: 'https://prometheus.io/',
      maturity: 'graduated',
      action: 'link',
      chosen: true,
    });
    assert.ok(j.mentions.some((m) => m.text === 'Vitness' && m.project === 'Vitess' && m.action === 'suggest'));
    assert.ok(!j.mentions.some((m) => m.line === 17), 'code is skipped');
  });

  it('changes nothing without --write', async () => {
    const file = tempCopy();
    const before = fs.readFileSync(file, 'utf8');
    const r = await cli('link', file, '--dry-run');
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /--write would link 3 \(perTalk\)/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
  });

  it('--write links the first mention per talk and keeps every other byte', async () => {
    const file = tempCopy(fs.readFileSync(fixture, 'utf8').replace(/\n/g, '\r\n'));
    const r = await cli('link', file, '--write');
    assert.strictEqual(r.code, 0, r.err);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.includes('We run [Prometheus](https://prometheus.io/) with [Thanos](https://thanos.io/). Prometheus 3 is fast.\r\n'));
    assert.ok(after.includes('Perses dashboards read from [Prometheus](https://prometheus.io/).\r\n'), 'first mention in the second talk');
    assert.ok(after.includes('Vitness is a typo here.'), 'suggestions are not applied');
    assert.strictEqual(after.replace(/\[(Prometheus|Thanos)\]\(https:\/\/(prometheus|thanos)\.io\/\)/g, '$1'), fs.readFileSync(fixture, 'utf8').replace(/\n/g, '\r\n'));
    const again = await cli('link', file, '--write', '--json');
    assert.strictEqual((JSON.parse(again.out) as LinkJson).linked, 0, 'running twice changes nothing more');
  });

  it('says why on bad input', async () => {
    assert.strictEqual((await cli('link')).code, 2);
    assert.match((await cli('link', '/no/such/note.md')).err, /no such file/);
    assert.match((await cli('link', fixture, '--write', '--dry-run')).err, /exclude/);
    assert.match((await cli('link', fixture, '--mode', 'sometimes')).err, /--mode/);
    assert.match((await cli('link', fixture, '--index', fixture)).err, /landscape index/);
  });
});
