/**
 * One analysis per note version (src/core/analysis): every part computed once however many
 * features ask, counted by the core's work counters (src/core/util/work.ts), never timed; and
 * the scanners and the matcher linear in their input, proved by counting their inner-loop steps
 * as the input grows tenfold.
 */
import * as assert from 'assert';
import * as path from 'path';
import { askLikeEveryFeature, typeOnLine } from '../../../../bench/keystroke';
import { generateNotes } from '../../../../bench/generate';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { AnalysisCache } from '../../../../src/core/analysis/cache';
import { analyzeText, NoteAnalysis } from '../../../../src/core/analysis/noteAnalysis';
import { openFrontMatter } from '../../../../src/core/frontmatter/fields';
import { findMentions } from '../../../../src/core/landscape/matcher';
import { scanInline } from '../../../../src/core/landscape/proseScan';
import { parseNotes } from '../../../../src/core/notes/parse';
import { scanBlocks } from '../../../../src/core/notes/scan';
import { resetWork, work, workCounts } from '../../../../src/core/util/work';

const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));
const landscape = { index, scope: 'cncf' as const };
const settings = { fileName: 'notes.md', dayHeadingPattern: undefined, todoPatterns: [], maxChars: 50_000_000 };

describe('NoteAnalysis: one analysis per note version', function () {
  this.timeout(60_000);
  const NOTE = generateNotes(3000, 11);

  it('a one-line edit of a 3,000-line note, then every feature asks: one block scan, one model build, one inline scan, one mention pass', () => {
    assert.strictEqual(NOTE.split('\n').length, 3001, '3,000 lines and a final line break');
    const cache = new AnalysisCache();
    const uri = 'file:///notes.md';
    askLikeEveryFeature(cache, { uri, version: 1, text: NOTE }, settings, landscape);
    const edited = typeOnLine(NOTE, 1500);
    resetWork();
    const first = askLikeEveryFeature(cache, { uri, version: 2, text: edited }, settings, landscape);
    // ... and asking again for the same version (another view refreshing, a second diagnostics pass) costs nothing more.
    const again = askLikeEveryFeature(cache, { uri, version: 2, text: edited }, settings, landscape);
    const n = workCounts();
    assert.strictEqual(first, again);
    assert.deepStrictEqual(
      { blockScans: n.blockScans, modelBuilds: n.modelBuilds, inlineScans: n.inlineScans, mentionPasses: n.mentionPasses, frontMatterParses: n.frontMatterParses },
      // The edit is in the body: the front matter parsed for the version before is taken over.
      { blockScans: 1, modelBuilds: 1, inlineScans: 1, mentionPasses: 1, frontMatterParses: 0 },
    );
    assert.strictEqual(cache.size, 1, 'the latest version only');
  });

  it('a version read from the versions before it says what a fresh analysis of its text says, whichever parts each version was asked for', () => {
    const cache = new AnalysisCache();
    const uri = 'file:///typed.md';
    let text = generateNotes(400, 3);
    let seed = 17;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [
      'x',
      ' Linkerd',
      '\n',
      '\n\n### Late talk - Ada Example\n',
      '`',
      '```\n',
      '- TODO: slides\n',
      '[Harbor](https://goharbor.io/) ',
      '<!-- ',
      ' -->',
      '\n## Day 9\n',
    ];
    for (let version = 1; version <= 120; version++) {
      const at = Math.floor(next() * text.length);
      const cut = next() < 0.2 ? Math.min(text.length, at + Math.floor(next() * 40)) : at;
      text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(cut);
      const a = cache.get({ uri, version, text: () => text, settings, landscape });
      // Some versions are asked for everything, some for the model only, some for nothing (typing faster than a debounce).
      const ask = version % 3;
      if (ask === 2) continue;
      const fresh = analyzeText(text, settings, landscape);
      assert.deepStrictEqual(a.model, fresh.model, `model of version ${version}`);
      if (ask === 1) continue;
      const blocks = { ...a.blocks };
      delete blocks.resumed; // where the scan was resumed: bookkeeping, not what the note says
      assert.deepStrictEqual(blocks, fresh.blocks, `blocks of version ${version}`);
      assert.deepStrictEqual(a.inline, fresh.inline, `inline scan of version ${version}`);
      assert.deepStrictEqual(a.mentions, fresh.mentions, `mentions of version ${version}`);
      assert.deepStrictEqual(a.frontMatter, fresh.frontMatter, `front matter of version ${version}`);
    }
  });

  it('the cache answers the same object for the same version, settings and landscape; a new version, settings or index gets a new one', () => {
    const cache = new AnalysisCache();
    const req = { uri: 'file:///a.md', version: 3, text: () => NOTE, settings, landscape };
    const a = cache.get(req);
    assert.strictEqual(cache.get(req), a);
    assert.strictEqual(cache.get({ ...req, settings: { ...settings } }), a, 'equal settings are the same key');
    const b = cache.get({ ...req, version: 4 });
    assert.notStrictEqual(b, a);
    const c = cache.get({ ...req, version: 4, settings: { ...settings, dayHeadingPattern: '^Morning$' } });
    assert.notStrictEqual(c, b);
    assert.strictEqual(c.settings.dayHeadingPattern, '^Morning$');
    cache.delete('file:///a.md');
    assert.strictEqual(cache.size, 0);
  });

  it('another index or scope for the same version keeps the text parts: no second block scan, model build or inline scan', () => {
    const cache = new AnalysisCache();
    const req = { uri: 'file:///b.md', version: 1, text: () => NOTE, settings };
    const bare = cache.get(req);
    assert.deepStrictEqual(bare.mentions, [], 'no landscape: no mentions');
    void bare.model;
    void bare.inline;
    resetWork();
    const withIndex = cache.get({ ...req, landscape });
    assert.notStrictEqual(withIndex, bare);
    assert.ok(withIndex.mentions.length > 0);
    assert.strictEqual(withIndex.model, bare.model);
    const all = cache.get({ ...req, landscape: { index, scope: 'all' } });
    assert.ok(all.mentions.length >= withIndex.mentions.length);
    assert.deepStrictEqual([work.blockScans, work.modelBuilds, work.inlineScans, work.mentionPasses], [0, 0, 0, 2]);
  });

  it('reads what parseNotes, openFrontMatter and the scans read, each part once, in any order', () => {
    const text = generateNotes(400, 5);
    const a = new NoteAnalysis(text, settings, landscape);
    resetWork();
    assert.strictEqual(a.mentions.length, findMentionsCount(text));
    assert.deepStrictEqual(a.model, parseNotes(text, settings));
    assert.deepStrictEqual(a.frontMatter.ok, openFrontMatter(text).ok);
    assert.strictEqual(a.lineStarts.length, 401);
    void [a.model, a.talks, a.todos, a.inline, a.linked, a.blocks, a.mentions];
    // Above: the comparisons made one more of each (parseNotes, findMentions through its own scan).
    assert.deepStrictEqual([work.blockScans, work.modelBuilds, work.inlineScans, work.mentionPasses], [1 + 2, 1 + 1, 1 + 1, 1 + 1]);
  });

  it('the next version re-reads only the lines it changed (inline scan, TODO items, headings, mentions), and finds exactly what a fresh analysis finds', () => {
    const cache = new AnalysisCache();
    const uri = 'file:///c.md';
    let text = generateNotes(600, 9);
    const edits: Array<(t: string) => string> = [
      (t) => typeOnLine(t, 300, ' Prometheus'),
      (t) => typeOnLine(t, 40, ' and Porter bundles it'),
      (t) => t.replace('\n', '\nPorter carried the bags.\n'),
      (t) => t.replace(/\n## [^\n]*\n/, '\n'),
      (t) => `${t}\n### Closing talk - Ana Lima, Acme\n\nKeda and Thanos, then Porter bundles.\n`,
      (t) => t.replace(/\[([^\]]+)\]\([^)]*\)/, '$1'),
      // A definition makes `[Keda]` a link on another line; removing it makes it text again.
      (t) => `${t}\nWe tried [Keda] and (link) and TODO: slides.\n`,
      (t) => `${t}\n[keda]: https://keda.sh/\n`,
      (t) => t.replace('\n[keda]: https://keda.sh/\n', '\n'),
      // An HTML comment opened above lines it then hides (their TODO items and mentions).
      (t) => t.replace('\nWe tried [Keda]', '\nA comment <!-- opens here\nWe tried [Keda]'),
      (t) => t.replace('<!-- opens here', 'no comment'),
      // A code span across lines.
      (t) => t.replace('\nWe tried [Keda]', '\nSome `code\nWe tried [Keda]` ends'),
      // A day pattern heading and a talk heading whose byline changes.
      (t) => t.replace('- Ana Lima, Acme', '- Ana Lima, Initech'),
    ];
    void cache.get({ uri, version: 0, text: () => text, settings, landscape }).mentions;
    edits.forEach((edit, k) => {
      text = edit(text);
      const next = cache.get({ uri, version: k + 1, text: () => text, settings, landscape });
      const other = new NoteAnalysis(text, settings, landscape);
      void [next.linked, other.linked];
      resetWork();
      const carried = next.mentions;
      const stepsCarried = work.steps;
      resetWork();
      const fresh = other.mentions;
      assert.deepStrictEqual(carried, fresh, `edit ${k}`);
      assert.deepStrictEqual(next.inline, other.inline, `edit ${k}: the inline scan`);
      assert.deepStrictEqual(next.model, other.model, `edit ${k}: the model`);
      assert.ok(stepsCarried * 3 < work.steps, `edit ${k}: ${stepsCarried} steps against ${work.steps} for a fresh pass`);
    });
  });

  it('an unreadable note: an empty model saying why, never a throw', () => {
    const a = analyzeText('\u0000'.repeat(100) + 'x', settings, landscape);
    assert.match(a.model.skipped ?? '', /binary/);
    assert.deepStrictEqual(a.talks, []);
    const big = analyzeText('# Day 1\n'.repeat(20), { maxChars: 10 });
    assert.match(big.unreadable ?? '', /limit/);
  });
});

function findMentionsCount(text: string): number {
  const blocks = scanBlocks(text);
  return findMentions(text, index, { scope: 'cncf', scan: scanInline(text, blocks) }).length;
}

/** Steps per input character of one part of the work on `text`. */
function stepsPerChar(text: string, part: 'blocks' | 'inline' | 'mentions'): number {
  const blocks = scanBlocks(text);
  const inline = part === 'blocks' ? undefined : scanInline(text, blocks);
  resetWork();
  if (part === 'blocks') scanBlocks(text);
  else if (part === 'inline') scanInline(text, blocks);
  else findMentions(text, index, { scope: 'cncf', scan: inline });
  assert.ok(work.steps > 0, `${part}: the counter counts`);
  return work.steps / text.length;
}

describe('NoteAnalysis: linear in the input (counted steps per character, 1× against 10×)', function () {
  this.timeout(60_000);
  const SIZE = 20_000;
  /**
   * A note of about `size` characters in 22 lines, each one `run` of `piece` (lines longer than
   * 10,000 characters are not read for prose and links: at 10× a line is about 9,000).
   */
  const runs = (lead: string, piece: string) => (size: number) => Array.from({ length: 22 }, () => lead + piece.repeat(Math.round(size / 22 / piece.length))).join('\n');
  /** Inputs of about `size` characters: ordinary notes and the shapes that make naive scanners quadratic. */
  const INPUTS: ReadonlyArray<[string, (size: number) => string]> = [
    ['an ordinary note', (size) => generateNotes(Math.max(10, Math.round(size / 60)), 3)],
    ['runs of `[`', runs('Prometheus ', '[')],
    ['runs of `[` with words', runs('Thanos ', '[Thanos ')],
    ['`[x](` repeated', runs('Envoy ', '[x](')],
    ['`![` repeated', runs('Envoy ', '![')],
    ['`]` runs', runs('Envoy [', ']')],
    ['one paragraph with backtick runs of every length', (size) => Array.from({ length: Math.round(size / 112) }, (_, i) => '`'.repeat((i % 200) + 1) + ' Kubernetes').join('\n')],
    ['runs of backticks', runs('Helm `', '`')],
    ['`` `a `` runs', runs('Helm ', '`a Helm ')],
    ['a paragraph of single backticks', (size) => '`a Jaeger\n'.repeat(Math.round(size / 10))],
    ['`*` runs', runs('*Fluentd ', '*')],
    ['`<` runs', runs('Linkerd ', '<')],
    ['`<a ` runs', runs('Istio ', '<a Istio ')],
    ['`<span>` without end', runs('Istio ', '<span>Istio ')],
    ['unclosed comments', (size) => 'Cilium <!-- x\n'.repeat(Math.round(size / 14))],
    ['HTML blocks between paragraphs', (size) => '<div> Cilium\n\nCilium talk <span>x\n\n'.repeat(Math.round(size / 34))],
    ['comment openers on a line', runs('Cilium ', '<!-- ')],
    ['nested lists', (size) => Array.from({ length: Math.round(size / 40) }, (_, i) => ' '.repeat((i % 40) * 2) + '- Vitess item').join('\n')],
    ['items opened on one line', (size) => ('- '.repeat(60) + 'CoreDNS\n').repeat(Math.round(size / 128))],
    ['block quotes in lists', (size) => '> - > - Falco\n'.repeat(Math.round(size / 14))],
    ['thousands of headings', (size) => Array.from({ length: Math.round(size / 30) }, (_, i) => `${'#'.repeat((i % 6) + 1)} Talk ${i} - Ana Lima`).join('\n')],
    ['setext headings', (size) => 'Harbor talk\n---\n'.repeat(Math.round(size / 16))],
    ['tables', (size) => '| a | b |\n|---|---|\n' + '| Argo | `x` |\n'.repeat(Math.round(size / 15))],
    ['escapes', runs('Dapr ', '\\[')],
    ['words that start project names', runs('', 'Open Policy Open Telemetry Cloud Native ')],
  ];
  for (const [name, make] of INPUTS) {
    for (const part of ['blocks', 'inline', 'mentions'] as const) {
      it(`${part}: ${name}`, () => {
        const small = stepsPerChar(make(SIZE), part);
        const large = stepsPerChar(make(SIZE * 10), part);
        assert.ok(large / small < 1.5, `${part} on ${name}: ${small.toFixed(3)} steps/char at 1×, ${large.toFixed(3)} at 10× (ratio ${(large / small).toFixed(2)})`);
      });
    }
  }
});
