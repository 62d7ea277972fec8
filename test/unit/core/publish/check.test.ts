import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { badUrlReason, checkNotes, summarize, type CheckOptions, type PublishProblem } from '../../../../src/core/publish/check';
import { analyzeText } from '../../../../src/core/analysis/noteAnalysis';
import type { LandscapeScope } from '../../../../src/core/landscape/landscapeIndex';

const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));
const WORKSPACE = path.join(__dirname, '..', '..', '..', 'fixtures', 'workspace', 'frontmatter');

const check = (text: string, options: CheckOptions & { scope?: LandscapeScope } = {}) => checkNotes(analyzeText(text, {}, { index, scope: options.scope ?? 'cncf' }), options);
const brief = (ps: readonly PublishProblem[]) => ps.map((p) => `${p.line}:${p.column}-${p.endColumn} ${p.severity} ${p.kind}`);

describe('publish check', () => {
  it('finds nothing in a clean note of either format', () => {
    for (const f of ['clean-note.md', 'clean-toml.md']) {
      assert.deepStrictEqual(check(fs.readFileSync(path.join(WORKSPACE, f), 'utf8')), [], f);
    }
  });

  it('lists every kind of problem with its place', () => {
    const text = [
      '---', // 1
      'title: "Day one"',
      'draft: true',
      'tags:',
      '  - Vitness', // 5
      '---',
      '',
      '### Tracing - Sam Example',
      '',
      '* [OpenTelemetry](https://opentelemetry.io/) and Prometheus', // 10
      '* Promethues remote write',
      '* [slides](TODO) and TODO: add the video',
      '* [docs](htps://example.com), [site](/posts/day-two/), [repo](www.example.com/x), [mail](mailto:a@example.com)',
      '* [blank](<>)', // an empty destination in angle brackets is a placeholder, as `[blank]()` is
      '', // 15
      '### Keynote 2',
      '',
      '[//]: # (later)',
      '',
    ].join('\n');
    const problems = check(text);
    assert.deepStrictEqual(brief(problems), [
      '1:1-4 info tags',
      '3:8-12 warning draft',
      '4:1-6 info tags',
      '5:5-12 info typo',
      '10:50-60 info unlinked-project',
      '11:3-13 info typo',
      '12:3-17 warning placeholder',
      '12:22-41 warning todo',
      '13:3-29 warning bad-link',
      '13:56-81 warning bad-link',
      '14:3-14 warning placeholder',
      '16:1-14 warning empty-talk',
    ]);
    const messages = problems.map((p) => p.message);
    assert.match(messages[0], /no `categories` field .*: OpenTelemetry/);
    assert.match(messages[2], /`tags` lacks linked projects: OpenTelemetry/);
    assert.match(messages[3], /"Vitness" looks like a typo of Vitess/);
    assert.match(messages[4], /Prometheus is mentioned but not linked/);
    assert.match(messages[5], /"Promethues" looks like a typo of Prometheus/);
    assert.match(messages[8], /starts with `htps:`/);
    assert.match(messages[9], /no https:\/\//);
    assert.match(messages[10], /Placeholder instead of a link: \[blank\]\(<>\)/);
    assert.match(messages[11], /"Keynote 2" has no notes yet/);
    assert.strictEqual(
      summarize(problems),
      '1 TODO, 2 placeholder links, 1 empty talk, 2 links without an http(s) URL, 1 unlinked project mention, 2 typo hints, 2 tag fields missing linked projects, draft still true',
    );
  });

  it('follows the tag fields and the link mode settings', () => {
    const text = '---\ntitle: T\ntags: [OpenTelemetry]\n---\n\n### Tracing - Ana Lima\n\n[OpenTelemetry](https://opentelemetry.io/)\nOpenTelemetry again\n';
    assert.deepStrictEqual(brief(check(text, { tagFields: ['tags'] })), []);
    assert.deepStrictEqual(brief(check(text, { tagFields: ['tags'], linkMode: 'everyMention' })), ['9:1-14 info unlinked-project']);
    assert.deepStrictEqual(brief(check(text)), ['1:1-4 info tags']);
  });

  it('reports broken or missing front matter and still checks the body', () => {
    const broken = check('---\ntags: [a\n---\n\nTODO: finish\n');
    assert.deepStrictEqual(brief(broken), ['2:1-9 error front-matter', '5:1-13 warning todo']);
    assert.match(broken[0].message, /^YAML front matter, line 2: a `\[` list is not closed/);
    const none = check('# Notes\n\nNothing else\n');
    assert.deepStrictEqual(brief(none), ['1:1-8 warning front-matter']);
    assert.match(none[0].message, /no front matter/);
  });

  it('keeps CRLF and BOM notes at the same lines and columns', () => {
    const text = '---\ndraft: true\n---\n\n### T - S\n\nTODO: x\n';
    const lf = brief(check(text));
    assert.deepStrictEqual(brief(check(text.replace(/\n/g, '\r\n'))), lf);
    assert.deepStrictEqual(lf, ['2:8-12 warning draft', '7:1-8 warning todo']);
  });

  it('accepts site-internal links and rejects the rest', () => {
    for (const ok of ['https://example.com', 'http://x.io/a', '/posts/x/', './a.md', '../b', '#top', 'mailto:a@b.c', '{{< ref "x.md" >}}', 'notes']) {
      assert.strictEqual(badUrlReason(ok), undefined, ok);
    }
    for (const bad of ['', '  ', 'htps://x.io', 'ftp://x.io', 'javascript:alert(1)', 'example.com/x', 'www.example.com']) {
      assert.ok(badUrlReason(bad), bad);
    }
  });

  it('accepts what a Hugo blog links inside itself: page-bundle images, relative and root-relative paths, anchors, queries', () => {
    for (const ok of [
      'images/a.jpg',
      'files/keeper-notes.txt',
      'other.md',
      'retro.md#notes',
      'index.html',
      'diagram.png',
      '../other/',
      '../../posts/x/index.md',
      './images/b.svg',
      '/about/',
      '/',
      '#anchor',
      '?page=2',
      '//cdn.example.org/x.js',
      'mailto:hello@example.org?subject=Hi',
      'tel:+491234',
      '{{< relref "meetup-recap/index.md" >}}',
      '<images/with space.jpg>',
    ]) {
      assert.strictEqual(badUrlReason(ok), undefined, ok);
    }
  });

  it('still rejects what is meant as a web link and is not one', () => {
    const cases: Array<[string, RegExp]> = [
      ['www.example.com/x', /no https:\/\//],
      ['example.com/x', /no https:\/\//],
      ['github.com', /no https:\/\//],
      ['docs.example.org/a/b', /no https:\/\//],
      ['javascript:alert(1)', /starts with `javascript:`/],
      ['data:text/html;base64,AAAA', /starts with `data:`/],
      ['file:///home/me/x.md', /starts with `file:`/],
      ['http:/example.com', /not a full http address/],
      ['https:example.com', /not a full https address/],
      ['https://', /not a full https address/],
      ['', /empty URL/],
    ];
    for (const [bad, why] of cases) assert.match(badUrlReason(bad) ?? '(accepted)', why, bad);
  });

  it('works without a landscape index (project checks skipped)', () => {
    const text = '---\ndraft: false\n---\n\nPrometheus and TODO\n';
    assert.deepStrictEqual(brief(checkNotes(analyzeText(text))), ['5:16-20 warning todo']);
  });
});
