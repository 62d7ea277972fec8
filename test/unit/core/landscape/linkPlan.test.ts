/**
 * Linking project mentions computed on the note's one parse: nothing inside front matter
 * (closed, unclosed or broken), code (also a code span that continues on the next line), raw
 * HTML blocks (`<pre>`, `<script>` with blank lines, a comment line with text after it) is
 * changed; lone CR line breaks are lines; a second run changes nothing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateNotes } from '../../../../bench/generate';
import { main } from '../../../../src/cli';
import { applyEdits } from '../../../../src/core/document';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { planLinkEdits, type LinkMode } from '../../../../src/core/landscape/linkPlan';
import { findMentions } from '../../../../src/core/landscape/matcher';
import { scanMarkdown } from '../../../../src/core/landscape/proseScan';
import { parseNotes } from '../../../../src/core/notes/parse';
import { allTalks } from '../../../../src/core/notes/query';

const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));
const linkOnce = (text: string, mode: LinkMode = 'everyMention') =>
  applyEdits(text, planLinkEdits(text, findMentions(text, index), mode, { index, talks: allTalks(parseNotes(text)) }));
const linked = (text: string) =>
  findMentions(text, index)
    .filter((m) => m.action === 'link')
    .map((m) => `${m.line}:${m.text}`);

describe('linking on the one parse: what is never changed', () => {
  it('an unclosed YAML front matter: its fields are left alone, the body after a heading is linked', () => {
    const text = ['---', 'title: Kubernetes and Prometheus day', 'description: Envoy everywhere', '', '## Talk', '', 'We run Kubernetes.', ''].join('\n');
    const out = linkOnce(text);
    assert.ok(out.startsWith('---\ntitle: Kubernetes and Prometheus day\ndescription: Envoy everywhere\n'), out);
    assert.match(out, /We run \[Kubernetes\]\(https:\/\/kubernetes\.io\/?\)\./);
  });

  it('an unclosed front matter without any heading after it: nothing is linked', () => {
    const text = '---\ntitle: Kubernetes notes\ntags: [prometheus]\nWe run Kubernetes.\n';
    assert.strictEqual(linkOnce(text), text);
  });

  it('a closed but broken front matter is left alone too', () => {
    const text = '---\ntitle: Kubernetes\ntags: [prometheus\n---\n\nWe run Envoy.\n';
    const out = linkOnce(text);
    assert.ok(out.startsWith('---\ntitle: Kubernetes\ntags: [prometheus\n---\n'), out);
    assert.match(out, /\[Envoy\]/);
  });

  it('lone CR line breaks: the front matter is found and left alone, lines and columns as written', () => {
    const text = '---\rtitle: Notes\rtags: [kubernetes]\r---\r\rWe run Kubernetes.\r';
    const out = linkOnce(text);
    assert.ok(out.startsWith('---\rtitle: Notes\rtags: [kubernetes]\r---\r'), JSON.stringify(out));
    assert.match(out, /\rWe run \[Kubernetes\]\(/);
    assert.deepStrictEqual(linked(text), ['6:Kubernetes']);
  });

  it('a code span that continues on the next line is code on both lines', () => {
    const text = 'Run `kubectl get\nKubernetes pods` and then Envoy.\n';
    assert.deepStrictEqual(linked(text), ['2:Envoy']);
    const out = linkOnce(text);
    assert.ok(out.startsWith('Run `kubectl get\nKubernetes pods` and then [Envoy]('), out);
  });

  it('an unmatched backtick does not hide the rest of the paragraph', () => {
    assert.deepStrictEqual(linked('A ` stray\nKubernetes here.\n'), ['2:Kubernetes']);
  });

  it('HTML blocks with blank lines inside (<pre>, <script>, <style>, <textarea>) are raw HTML to their end tag', () => {
    for (const tag of ['pre', 'script', 'style', 'textarea']) {
      const text = `<${tag}>\nKubernetes here\n\nand Prometheus there\n</${tag}>\n\nWe use Envoy after.\n`;
      assert.deepStrictEqual(linked(text), ['7:Envoy'], tag);
      const out = linkOnce(text);
      assert.strictEqual(out.slice(0, text.indexOf('We use')), text.slice(0, text.indexOf('We use')), tag);
      assert.match(out, /We use \[Envoy\]\(/);
    }
  });

  it('a comment line with text after the comment is an HTML block: its text is left alone', () => {
    const text = '<!-- draft --> Kubernetes and Prometheus\n\nWe use Envoy after.\n';
    assert.deepStrictEqual(linked(text), ['3:Envoy']);
  });

  it('a comment inside a paragraph hides its text, also across lines, and the prose after it is read', () => {
    const text = 'Intro <!-- Kubernetes\nPrometheus --> then Envoy.\n';
    assert.deepStrictEqual(linked(text), ['2:Envoy']);
  });

  it('fenced and indented code, hidden drafts, definitions and existing links are left alone', () => {
    const text = [
      '```',
      'Kubernetes',
      '```',
      '',
      '    Prometheus in indented code',
      '',
      '[//]: # (Hidden draft about Envoy)',
      '',
      '[k8s]: https://kubernetes.io "Kubernetes"',
      '',
      'See [Kubernetes](https://kubernetes.io/) and <https://envoyproxy.io> and Linkerd.',
    ].join('\n');
    assert.deepStrictEqual(linked(text), ['11:Linkerd']);
  });

  it('links made of a long run of brackets and parentheses are read once, not per bracket', () => {
    const text = `${'[x]('.repeat(2000)}\n\n${'[]() '.repeat(1500)}Kubernetes\n`;
    const scan = scanMarkdown(text);
    assert.ok(scan.links.length >= 1);
    assert.deepStrictEqual(scan.skipped, []);
  });
});

describe('linking on the one parse: a second run changes nothing', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.md')) files.push(p);
    }
  };
  walk(path.join(__dirname, '..', '..', '..', 'fixtures'));
  walk(path.join(__dirname, '..', '..', '..', '..', 'examples'));

  it('has fixtures', () => assert.ok(files.length > 50, `${files.length}`));

  for (const mode of ['perTalk', 'perDocument', 'everyMention'] as const) {
    it(`every fixture and example, mode ${mode}`, () => {
      let changed = 0;
      for (const f of files) {
        const text = fs.readFileSync(f, 'utf8');
        const once = linkOnce(text, mode);
        if (once !== text) changed++;
        assert.strictEqual(linkOnce(once, mode), once, `${path.relative(path.join(__dirname, '..', '..', '..', '..'), f)} changed on a second run`);
      }
      assert.ok(changed >= 5, `${changed} fixtures were linked at all`);
    });
  }

  it('generated notes with many talks and mentions', () => {
    for (const seed of [1, 2]) {
      const once = linkOnce(generateNotes(1500, seed), 'perTalk');
      assert.strictEqual(linkOnce(once, 'perTalk'), once);
    }
  });

  it('talk-capture link --write twice = once, and keeps a CRLF note CRLF', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-capture-link-'));
    try {
      const file = path.join(dir, 'note.md');
      const text = [
        '---',
        'title: Day one',
        'tags: [kubernetes]',
        '---',
        '',
        '## Talk - Ada Quinlan',
        '',
        'We run Kubernetes with Prometheus.',
        '',
        '```',
        'Envoy',
        '```',
        '',
      ].join('\r\n');
      fs.writeFileSync(file, text);
      const io = { out: () => undefined, err: () => undefined };
      assert.strictEqual(await main(['link', file, '--write'], io), 0);
      const once = fs.readFileSync(file, 'utf8');
      assert.notStrictEqual(once, text);
      assert.ok(once.startsWith('---\r\ntitle: Day one\r\ntags: [kubernetes]\r\n---\r\n'));
      assert.match(once, /\r\n```\r\nEnvoy\r\n```\r\n$/);
      assert.strictEqual(await main(['link', file, '--write'], io), 0);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), once);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
