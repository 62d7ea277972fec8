/**
 * "First mention per talk" is one choice, made on the talks of the one notes model built with the
 * person's settings: the check's unlinked-project hints, Link Project Mentions' plan, Finish
 * Post's link step and `talk-capture link --json` choose the same mentions, also when a custom
 * day pattern (talkCapture.dayHeadingPattern, `--day-pattern`) moves where talks end.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import type { LinkJson } from '../../../../src/cli/link';
import { InMemoryDocument } from '../../../../src/core/document';
import { chooseMentions } from '../../../../src/core/landscape/linkPlan';
import type { NotesOptions } from '../../../../src/core/notes/model';
import { checkNotes } from '../../../../src/core/publish/check';
import { analyzeText } from '../../../../src/core/analysis/noteAnalysis';
import { planFinish } from '../../../../src/core/publish/finish';
import { cli } from '../../helpers/cli';

const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));

// Days written as plain `Morning:` / `Afternoon:` lines, which the built-in rules do not take as
// days: with them the first talk runs to the end of the note (the `###` headings are its
// sections); with the day pattern the afternoon day ends it, and its `###` talk is a talk.
const NOTE = [
  '---', // 1
  'title: "Invented Summit 2026: my notes"',
  'tags: [conference]',
  '---',
  '', // 5
  'Morning:',
  '',
  '## Metrics at scale - Ana Lima, Acme Corp',
  '',
  'We run Prometheus with long retention and [Thanos](https://thanos.io/) for the history.', // 10
  '',
  '### Questions',
  '',
  'Prometheus federation came up twice.',
  '', // 15
  'Afternoon:',
  '',
  '### Dashboards as code - Cy Park, Globex',
  '',
  'Prometheus again, Thanos for the long view, and Jaeger traces.', // 20
  '',
].join('\n');

const DAY_PATTERN = '^(Morning|Afternoon)$';
const OPTIONS: NotesOptions = { dayHeadingPattern: DAY_PATTERN, fileName: 'note.md' };

type Spot = string; // "line:column Text"

const spot = (line: number, column: number, text: string): Spot => `${line}:${column} ${text}`;

/** What the check hints as unlinked, on a model built with `options`. */
function checkHints(options: NotesOptions): Spot[] {
  return checkNotes(analyzeText(NOTE, options, { index, scope: 'cncf' }))
    .filter((p) => p.kind === 'unlinked-project')
    .map((p) => spot(p.line, p.column, NOTE.split('\n')[p.line - 1].slice(p.column - 1, p.endColumn - 1)));
}

/** What Link Project Mentions plans (its core choice, with the talks of the document's model). */
function linkPlan(options: NotesOptions): Spot[] {
  // As Link Project Mentions and the hints read it: the one analysis of the version, with the person's settings.
  const a = analyzeText(NOTE, options, { index, scope: 'cncf' });
  return chooseMentions(NOTE, a.mentions, 'perTalk', { talks: a.talks, linked: a.linked }).map((m) => spot(m.line, m.column, m.text));
}

/** Where Finish Post's link step writes its links. */
function finishLinks(options: NotesOptions): Spot[] {
  const plan = planFinish(NOTE, index, { notes: options, steps: new Set(['links']) });
  const doc = new InMemoryDocument('memory:note.md', NOTE);
  return plan.edits.map((e) => spot(e.range.start.line + 1, e.range.start.character + 1, NOTE.slice(doc.offsetAt(e.range.start), doc.offsetAt(e.range.end))));
}

describe('first mention per talk: the hints, Link Project Mentions, Finish Post and the CLI agree', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-mentions-'));
    file = path.join(dir, 'note.md');
    fs.writeFileSync(file, NOTE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What `talk-capture link --json` says `--write` would link. */
  async function cliChosen(...extra: string[]): Promise<Spot[]> {
    const r = await cli('link', file, '--json', ...extra);
    assert.strictEqual(r.code, 0, r.err);
    return (JSON.parse(r.out) as LinkJson).mentions.filter((m) => m.chosen).map((m) => spot(m.line, m.column, m.text));
  }

  it('with a custom day pattern, all four choose the first mention of each talk of that model', async () => {
    // The morning talk: Prometheus once (line 14 is the same talk), Thanos is linked there.
    // The afternoon talk: Prometheus and Thanos again, and Jaeger.
    const expected = [spot(10, 8, 'Prometheus'), spot(20, 1, 'Prometheus'), spot(20, 19, 'Thanos'), spot(20, 49, 'Jaeger')];
    assert.deepStrictEqual(checkHints(OPTIONS), expected, 'the check');
    assert.deepStrictEqual(linkPlan(OPTIONS), expected, 'Link Project Mentions');
    assert.deepStrictEqual(finishLinks(OPTIONS), expected, 'Finish Post');
    assert.deepStrictEqual(await cliChosen('--day-pattern', DAY_PATTERN), expected, 'talk-capture link --json');
  });

  it('with the built-in rules, all four agree on the one long talk', async () => {
    // The plain `Afternoon:` line is text: the first talk holds every mention.
    const expected = [spot(10, 8, 'Prometheus'), spot(20, 49, 'Jaeger')];
    const defaults: NotesOptions = { fileName: 'note.md' };
    assert.deepStrictEqual(checkHints(defaults), expected, 'the check');
    assert.deepStrictEqual(linkPlan(defaults), expected, 'Link Project Mentions');
    assert.deepStrictEqual(finishLinks(defaults), expected, 'Finish Post');
    assert.deepStrictEqual(await cliChosen(), expected, 'talk-capture link --json');
  });

  it('the check CLI takes the same day pattern, and refuses one that cannot run in linear time', async () => {
    const hinted = async (...extra: string[]) => {
      const r = await cli('check', file, '--json', ...extra);
      const j = JSON.parse(r.out) as { files: Array<{ problems: Array<{ kind: string; line: number; column: number }> }> };
      return j.files[0].problems.filter((p) => p.kind === 'unlinked-project').map((p) => `${p.line}:${p.column}`);
    };
    assert.deepStrictEqual(await hinted('--day-pattern', DAY_PATTERN), ['10:8', '20:1', '20:19', '20:49']);
    assert.deepStrictEqual(await hinted(), ['10:8', '20:49']);
    const refused = await cli('link', file, '--json', '--day-pattern', '^(a+)+\\1$');
    assert.strictEqual(refused.code, 2);
    assert.match(refused.err, /--day-pattern was refused/);
  });
});
