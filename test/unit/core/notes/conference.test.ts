/**
 * A blog is not only conference notes: page bundles, relative links, HTML comments, and posts
 * that are not about a conference. The notes model, the TODO rules and the publish check read
 * them without false problems, and still find the true ones.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseNotes } from '../../../../src/core/notes/parse';
import { allTalks } from '../../../../src/core/notes/query';
import { plainInline } from '../../../../src/core/notes/inline';
import { commentSpans, countTodos } from '../../../../src/core/notes/todos';
import { isConferenceNote } from '../../../../src/core/notes/conference';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { checkNotes, type PublishProblem } from '../../../../src/core/publish/check';
import { analyzeText } from '../../../../src/core/analysis/noteAnalysis';

const index = loadIndexFile(path.join(__dirname, '..', '..', '..', '..', 'data', 'landscape.json'));
const POST = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'notes', 'blog-post.md'), 'utf8');
const check = (text: string) => checkNotes(analyzeText(text, {}, { index, scope: 'cncf' }));
const brief = (ps: readonly PublishProblem[]) => ps.map((p) => `${p.line} ${p.severity} ${p.kind}`);
const todoTexts = (text: string) => parseNotes(text).todos.map((t) => `${t.line} ${t.kind} ${t.text}`);

describe('blog: TODO items and HTML comments', () => {
  it('a placeholder inside an HTML comment is no TODO item (one line, inline, or across lines)', () => {
    assert.deepStrictEqual(todoTexts('<!-- [Back to top]() -->\n\nText <!-- (link) --> and more.\n\n<!--\n- [slides]() later\n- [video](TODO)\n-->\n'), []);
  });

  it('a TODO marker inside a comment still is one, its text ending with the comment', () => {
    assert.deepStrictEqual(todoTexts('<!-- TODO: ask for the numbers -->\n\n<!--\nTODO: more photos [photo]()\n-->\n'), [
      '1 todo TODO: ask for the numbers',
      '4 todo TODO: more photos [photo]()',
    ]);
  });

  it('a placeholder outside the comment on the same line still counts', () => {
    assert.deepStrictEqual(todoTexts('<!-- [x]() --> see [slides]() and <!-- (link) --> (link)\n'), ['1 missing-link [slides]()', '1 missing-link (link)']);
  });

  it('a complete link whose text is "(link)" is no placeholder; an empty one still is', () => {
    assert.deepStrictEqual(
      todoTexts(
        '- [(link)](https://a.example.org/x)\n- [slides (link)](https://b.example.org/)\n- [link](https://c.example.org/)\n- [(link)]()\n- [(link)](TODO)\n- slides (link)\n',
      ),
      ['4 missing-link [(link)]()', '5 missing-link [(link)](TODO)', '6 missing-link slides (link)'],
    );
  });

  it('inside code, a comment opener starts nothing', () => {
    assert.deepStrictEqual(todoTexts('Write `<!--` to start a comment, then [slides](). <!-- [x]() -->\n'), ['1 missing-link [slides]()']);
  });

  it('commentSpans: spans of a line and whether a comment stays open', () => {
    assert.deepStrictEqual(commentSpans('a <!-- b --> c <!-- d', false), {
      spans: [
        [2, 12],
        [15, 21],
      ],
      open: true,
    });
    assert.deepStrictEqual(commentSpans('still --> out', true), { spans: [[0, 9]], open: false });
    assert.deepStrictEqual(commentSpans('no comment here', false), { spans: [], open: false });
    assert.deepStrictEqual(commentSpans('all inside', true), { spans: [[0, 10]], open: true });
  });

  it('the fixture post: the TODO view, the todos CLI and the check count the same items', () => {
    const notes = parseNotes(POST);
    assert.deepStrictEqual(
      notes.todos.map((t) => `${t.line} ${t.kind} ${t.text}`),
      ['29 todo TODO: ask for the old page statistics', '34 missing-link (link)'],
    );
    const problems = check(POST).filter((p) => p.kind === 'todo' || p.kind === 'placeholder');
    assert.strictEqual(problems.length, countTodos(notes.todos));
    assert.deepStrictEqual(
      problems.map((p) => p.line),
      notes.todos.map((t) => t.line),
    );
  });
});

describe('blog: is this a conference note?', () => {
  const post = (fm: string, body: string) => parseNotes(`---\n${fm}\n---\n\n${body}`, { fileName: 'post.md' });
  const diary = "## Today's Sessions\n\nPlanning.\n\n## Session Highlights\n\n- the old cron jobs are gone\n\n## Unwinding with the Colleagues\n\nBoard games.\n";

  it('a post with front matter and none of the conference signs is not', () => {
    assert.strictEqual(isConferenceNote(post('title: "A week at the office"\ntags: [teamwork, platform]\ncategories: [diary]', diary)), false);
    assert.strictEqual(isConferenceNote(parseNotes(POST)), false);
  });

  it('each sign makes it one', () => {
    const signs: Array<[string, string, string]> = [
      ['day headings', 'title: "A week"', '## Day 1\n\n### Something\n\ntext\n'],
      ['a talk heading with speakers', 'title: "A week"', '### Tracing at scale - Ana Lima, Acme\n\ntext\n'],
      ['a keynote', 'title: "A week"', '### Keynote 2: Awards\n\ntext\n'],
      ['a hidden talk draft', 'title: "A week"', '[//]: # (### A talk I skipped)\n\ntext\n'],
      ['a schedule key', 'title: "A week"\nschedule: schedule.ics', diary],
      ['KubeCon in the title', 'title: "KubeCon EU 2025"', diary],
      ['a …Con with its year in the tags', 'title: "A week"\ntags: [ArgoCon 2024]', diary],
      ['summit in the categories', 'title: "A week"\ncategories: [Open Source Summit]', diary],
      ['a day in the title', 'title: "Day 2"', diary],
    ];
    for (const [what, fm, body] of signs) assert.strictEqual(isConferenceNote(post(fm, body)), true, what);
    assert.strictEqual(isConferenceNote(parseNotes(diary)), true, 'a note without front matter: a capture note');
    assert.strictEqual(isConferenceNote(parseNotes(`---\ntitle: [broken\n---\n\n${diary}`)), true, 'front matter that cannot be read: no verdict against it');
  });

  it('words that only look like conferences do not count', () => {
    for (const title of ['Falcon 2024 review', 'A silicon story', 'Icons and bacon', 'Confetti', 'Lexicon 24']) {
      assert.strictEqual(isConferenceNote(post(`title: "${title}"`, diary)), false, title);
    }
  });

  it('the check runs no conference-only checks on another post, and runs them on conference notes', () => {
    const body = `${diary}\n## Nothing yet\n\n- the dashboards: [Prometheus](https://prometheus.io/)\n\n## Empty\n`;
    const office = `---\ntitle: "A week at the office"\ntags: [teamwork]\n---\n\n${body}`;
    assert.deepStrictEqual(brief(check(office)), []);
    const summit = office.replace('A week at the office', 'Example Summit 2024');
    assert.deepStrictEqual(brief(check(summit)), ['1 info tags', '3 info tags', '22 warning empty-talk']);
  });
});

describe('blog: raw HTML in headings', () => {
  it('is left out of the label', () => {
    assert.strictEqual(plainInline('<a name="index"></a>Index'), 'Index');
    assert.strictEqual(plainInline('Why <span class="badge" data-x=\'1\'>long</span>'), 'Why long');
    assert.strictEqual(plainInline('<em>Next</em> steps <!-- [x]() -->'), 'Next steps');
    assert.strictEqual(plainInline('a < b and <3'), 'a < b and <3');
  });

  it('the fixture post: sections named without their HTML', () => {
    const m = parseNotes(POST);
    assert.deepStrictEqual(
      allTalks(m).map((t) => t.title),
      ['Index', 'Why we moved long', 'What went well', 'Later plans'],
    );
    assert.deepStrictEqual(brief(check(POST)), ['29 warning todo', '34 warning placeholder']);
  });
});
