import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseNotes } from '../../../../src/core/notes/parse';
import { allTalks, findDayAt, findTalkAt } from '../../../../src/core/notes/query';
import { isDayHeading, plainDayTitle, dayFromName } from '../../../../src/core/notes/dayHeading';
import { splitTalkHeading } from '../../../../src/core/notes/talkHeading';
import { plainInline } from '../../../../src/core/notes/inline';
import { countTodos, isCountedTodo, visibleTodos } from '../../../../src/core/notes/todos';
import type { NotesModel, Talk } from '../../../../src/core/notes/model';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'notes');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const parse = (name: string, opts = {}) => parseNotes(read(name), { fileName: name, ...opts });
const titles = (talks: readonly Talk[]) => talks.map((t) => t.title);
const talkNamed = (m: NotesModel, title: string) => {
  const t = allTalks(m).find((x) => x.title === title);
  assert.ok(t, `no talk "${title}" in ${JSON.stringify(titles(allTalks(m)))}`);
  return t;
};

describe('notes model', () => {
  describe('YAML post with days, talks, hidden drafts, TODOs', () => {
    const m = parse('yaml-post.md');

    it('reads the front matter', () => {
      assert.strictEqual(m.frontMatter.format, 'yaml');
      assert.strictEqual(m.frontMatter.error, null);
      assert.strictEqual(m.frontMatter.startLine, 1);
      assert.strictEqual(m.frontMatter.endLine, 13);
      assert.strictEqual(m.frontMatter.data.title, 'KubeCon NA 2024 notes');
      assert.deepStrictEqual(m.frontMatter.data.tags, ['cilium', 'crossplane', 'argo']);
    });

    it('finds the days in order with their line ranges', () => {
      assert.deepStrictEqual(
        m.days.map((d) => [d.title, d.line, d.level]),
        [
          ['Day01', 17, 2],
          ['Day 2', 58, 2],
          ['Day 3', 79, 2],
        ],
      );
      assert.strictEqual(m.days[0].endLine, 57);
      assert.strictEqual(m.days[2].endLine, m.lineCount);
      assert.deepStrictEqual(m.talks, []);
    });

    it('splits talk headings into title, speakers, company, kind', () => {
      const d1 = m.days[0].talks;
      assert.deepStrictEqual(titles(d1), [
        'eBPF networking at scale',
        'What is Crossplane?',
        'Running Argo CD for 400 clusters',
        'Jaeger v2 project update',
        'Harbor replication deep dive',
        'Keda autoscaling tips',
      ]);
      assert.deepStrictEqual(d1[0].speakers, ['Ada Quinlan']);
      assert.strictEqual(d1[0].company, 'Isovalent');
      assert.strictEqual(d1[0].heading, 'eBPF networking at scale - Ada Quinlan, Isovalent');
      assert.deepStrictEqual(d1[2].speakers, ['Bo Lindqvist', 'Priya Raman', 'Tomas Berg']);
      assert.strictEqual(d1[2].company, 'Acme Cloud, Initech, Globex');
      assert.deepStrictEqual(d1[3].speakers, ['Yuki Tanabe']);
      assert.strictEqual(d1[3].kind, 'Project update');
      assert.strictEqual(d1[1].heading, 'What is [Crossplane](https://www.crossplane.io/)?');
    });

    it('keeps hidden drafts as hidden talks with their hidden notes', () => {
      const h = talkNamed(m, 'Harbor replication deep dive');
      assert.strictEqual(h.hidden, true);
      assert.strictEqual(h.level, 3);
      assert.deepStrictEqual(
        h.todos.map((t) => [t.kind, t.text]),
        [['hidden', 'ask about pull-through cache']],
      );
      const jaeger = talkNamed(m, 'Jaeger v2 project update');
      assert.strictEqual(jaeger.endLine, h.line - 1, 'a hidden talk ends the talk before it');
    });

    it('keynotes keep their number in the title', () => {
      const d2 = m.days[1].talks;
      assert.deepStrictEqual(titles(d2), ['Keynote 1: The next ten years of cloud native', 'Keynote 2', 'Keynote 3', 'Talk by popular demand on observability']);
      assert.ok(d2.slice(0, 3).every((t) => t.kind === 'Keynote'));
      assert.deepStrictEqual(d2[1].speakers, ['Marta Oyelaran']);
      assert.deepStrictEqual(d2[3].speakers, [], '"Talk by ..." is not a speaker');
    });

    it('finds every TODO kind outside code, with columns', () => {
      const kinds = m.todos.map((t) => `${t.line}:${t.kind}:${t.text}`);
      assert.deepStrictEqual(kinds, [
        '25:todo:TODO add the video once it is up',
        '30:missing-link:Slides (link)',
        '37:todo:TBD',
        '42:missing-link:[slides]()',
        '46:hidden:ask about pull-through cache',
        '63:missing-link:[kubectl plugin](TODO)',
        '67:check:(check)',
        '73:hidden:Idea: write a post comparing the two autoscalers',
        '83:todo:TODO: ask for the repo with the examples',
        '87:missing-link:[]()',
      ]);
      const lines = read('yaml-post.md').split('\n');
      for (const t of m.todos) assert.strictEqual(lines[t.line - 1].slice(t.column - 1, t.endColumn - 1), t.text, `columns of ${t.text}`);
    });

    it('answers which talk and day hold a line', () => {
      assert.strictEqual(findTalkAt(m, 25)?.title, 'eBPF networking at scale');
      assert.strictEqual(findTalkAt(m, 19), undefined, 'the day intro is in no talk');
      assert.strictEqual(findDayAt(m, 19)?.title, 'Day01');
      assert.strictEqual(findDayAt(m, 5), undefined);
      assert.strictEqual(findTalkAt(m, m.lineCount)?.title, 'Flight back home');
      assert.deepStrictEqual(
        allTalks(m).map((t) => t.line),
        [...allTalks(m).map((t) => t.line)].sort((a, b) => a - b),
      );
    });
  });

  describe('TOML per-day draft', () => {
    const m = parse('toml-draft.md');

    it('reads TOML front matter through smol-toml', () => {
      assert.strictEqual(m.frontMatter.format, 'toml');
      assert.strictEqual(m.frontMatter.data.draft, true);
      assert.strictEqual(m.frontMatter.endLine, 5);
    });

    it('takes a plain "Day02:" line as the day', () => {
      assert.deepStrictEqual(
        m.days.map((d) => [d.title, d.line, d.level]),
        [['Day02', 10, 0]],
      );
    });

    it('keeps keynotes, a level-2 ContribFest talk and a #### section in the day', () => {
      const t = m.days[0].talks;
      assert.deepStrictEqual(titles(t), [
        'Keynote 1',
        'Keynote 2',
        'Keynote 3',
        'keynote',
        'Keynote',
        'Talk by the numbers',
        'Volcano batch scheduling',
        'Karmada multi-cluster',
        'ContribFest Tekton',
      ]);
      const volcano = talkNamed(m, 'Volcano batch scheduling');
      assert.deepStrictEqual(
        volcano.sections?.map((s) => [s.title, s.level]),
        [
          ['Intro', 4],
          ['Demo', 4],
        ],
      );
      assert.deepStrictEqual(
        volcano.todos.map((x) => x.text),
        ['TODO: watch the recording'],
      );
      const cf = talkNamed(m, 'ContribFest Tekton');
      assert.strictEqual(cf.level, 2);
      assert.strictEqual(cf.kind, 'ContribFest');
    });

    it('hidden lines are hidden notes of the talk they sit in', () => {
      const k1 = talkNamed(m, 'Keynote 1');
      assert.deepStrictEqual(
        k1.todos.map((x) => [x.kind, x.text]),
        [
          ['hidden', 'look up the remote-write numbers'],
          ['hidden', 'compare with last year'],
        ],
      );
    });
  });

  describe('groups and talks with sections', () => {
    const m = parse('groups.md');

    it('shows groups, talks in them, ## talks with ### sections, and skips non-talk sections', () => {
      assert.deepStrictEqual(m.days, []);
      assert.deepStrictEqual(
        m.groups.map((g) => [g.title, g.line]),
        [
          ['Morning Keynotes', 12],
          ['Talks', 22],
        ],
      );
      assert.deepStrictEqual(
        m.talks.map((t) => [t.title, t.group, t.level]),
        [
          ['Keynote 1: Community before code', 'Morning Keynotes', 3],
          ['Keynote 2: Supply chain security today', 'Morning Keynotes', 3],
          ['Scaling etcd', 'Talks', 3],
          ['Notary v2 signatures', 'Talks', 3],
          ['Building a platform with Kubeflow', null, 2],
          ['Chaos Mesh in production', null, 2],
        ],
      );
      assert.deepStrictEqual(
        talkNamed(m, 'Building a platform with Kubeflow').sections?.map((s) => s.title),
        ['Notes', 'Takeaways'],
      );
      assert.deepStrictEqual(
        talkNamed(m, 'Chaos Mesh in production').sections?.map((s) => s.title),
        ['Agenda', 'Q&A'],
      );
      assert.strictEqual(talkNamed(m, 'Chaos Mesh in production').endLine, 52, 'the talk ends before ## Summary');
    });

    it('TODOs outside any talk stay in the note list', () => {
      assert.ok(m.todos.some((t) => t.text === '[recordings]()' && t.line === 55));
      assert.strictEqual(findTalkAt(m, 55), undefined);
    });
  });

  describe('other day shapes', () => {
    it('weekday, dated, ISO and worded day headings; a non-day ## heading is not a day', () => {
      const m = parse('weekdays.md');
      assert.deepStrictEqual(
        m.days.map((d) => d.title),
        ['Monday', 'Wednesday (Nov 12)', '2025-11-13', 'Day one'],
      );
      assert.deepStrictEqual(titles(m.days[3].talks), ['Knative eventing'], '`## Flight home` is a section of the note, not a talk');
      assert.deepStrictEqual(m.talks, [], 'the H1 title is not a talk');
    });

    it('H1 day headings; a non-day H1 stays in the day before it', () => {
      const m = parse('h1-days.md');
      assert.deepStrictEqual(
        m.days.map((d) => [d.title, d.level, d.endLine]),
        [
          ['Day 1', 1, 10],
          ['Day 2', 1, 20],
        ],
      );
      assert.deepStrictEqual(titles(m.days[0].talks), ['Harbor robot accounts', 'Tekton chains']);
      assert.strictEqual(m.days[0].talks[0].company, 'Quay');
      assert.deepStrictEqual(titles(m.days[1].talks), ['Artifact Hub for operators'], '# Summary is not a talk');
    });

    it('a heading above the day level ends the day', () => {
      const m = parseNotes('## Day 1\n### Talk A\ntext\n# Appendix\n## More links\n');
      assert.deepStrictEqual(
        m.days.map((d) => [d.title, d.endLine]),
        [['Day 1', 3]],
      );
    });

    it('a note without day headings is one day named by its file name or title', () => {
      const m = parse('day2-notes.md');
      assert.deepStrictEqual(m.days, []);
      assert.deepStrictEqual(titles(m.talks), ['SPIFFE identities everywhere', 'Longhorn storage tips']);
      assert.strictEqual(m.impliedDay, 'Day 2');
      assert.strictEqual(parseNotes('---\ntitle: "KubeCon Day 1"\n---\n## A talk\n').impliedDay, 'Day 1');
      assert.strictEqual(parseNotes('## A talk\n', { fileName: 'notes.md' }).impliedDay, null);
    });

    it('talkCapture.dayHeadingPattern overrides the built-in rules', () => {
      const text = '## Session A\n### Talk one\n## Session B\n### Talk two\n## Day 3\n### Talk three\n';
      const m = parseNotes(text, { dayHeadingPattern: '^Session [A-Z]$' });
      assert.deepStrictEqual(
        m.days.map((d) => d.title),
        ['Session A', 'Session B'],
      );
      assert.deepStrictEqual(
        m.days[1].talks.map((t) => [t.title, t.group]),
        [
          ['Talk two', null],
          ['Talk three', 'Day 3'],
        ],
      );
      const bad = parseNotes(text, { dayHeadingPattern: '([' });
      assert.deepStrictEqual(
        bad.days.map((d) => d.title),
        ['Day 3'],
        'an invalid pattern falls back to the built-in rules',
      );
    });
  });

  describe('TODO kinds', () => {
    const m = parse('todo-kinds.md');
    it('detects todo, missing-link, check and hidden, and nothing in code or words', () => {
      assert.deepStrictEqual(
        m.todos.map((t) => [t.kind, t.text]),
        [
          ['todo', 'TODO add the recording'],
          ['todo', 'TODO: link to the repo'],
          ['todo', "FIXME: the speaker's name"],
          ['todo', 'TBD'],
          ['todo', 'TODO check this quote'],
          ['missing-link', 'docs (link)'],
          ['missing-link', 'slides (link)'],
          ['missing-link', '[]()'],
          ['missing-link', '[slides]()'],
          ['missing-link', '[video](TODO)'],
          ['check', '(check)'],
          ['missing-link', '[demo](#)'],
          ['hidden', 'hidden note about the demo'],
        ],
      );
    });
    it('hidden drafts are notes, not TODO items, unless asked for (talkCapture.todos.includeHiddenDrafts)', () => {
      const n = parseNotes('## Day 1\n### T\n\n[//]: # (TODO ask about the quota)\n\nTODO: slides\n');
      assert.deepStrictEqual(
        n.todos.map((t) => t.kind),
        ['hidden', 'todo'],
        'a TODO inside a hidden line is part of the hidden note',
      );
      assert.deepStrictEqual(
        visibleTodos(n.todos).map((t) => t.text),
        ['TODO: slides'],
      );
      assert.deepStrictEqual(
        visibleTodos(n.todos, { includeHidden: true }).map((t) => t.text),
        ['TODO ask about the quota', 'TODO: slides'],
      );
      assert.strictEqual(countTodos(m.todos), m.todos.length - 1);
      assert.strictEqual(countTodos(m.todos, { includeHidden: true }), m.todos.length);
      assert.strictEqual(isCountedTodo({ kind: 'hidden' }), false);
      assert.strictEqual(isCountedTodo({ kind: 'check' }), true);
    });
    it('talkCapture.todoPatterns adds patterns; invalid ones are ignored', () => {
      const extra = parseNotes('## Day 1\n### T\nask @speaker later\nXXX\n', { todoPatterns: ['@speaker', 'XXX', '(['] });
      assert.deepStrictEqual(
        extra.todos.map((t) => [t.kind, t.text, t.line, t.column]),
        [
          ['todo', '@speaker', 3, 5],
          ['todo', 'XXX', 4, 1],
        ],
      );
    });
    it('a marker before a link placeholder stops at it', () => {
      const t = parseNotes('TODO: add [slides]() here\n').todos;
      assert.deepStrictEqual(
        t.map((x) => [x.kind, x.text]),
        [
          ['todo', 'TODO: add'],
          ['missing-link', '[slides]()'],
        ],
      );
    });
  });

  describe('code, HTML, setext', () => {
    const m = parse('code-and-html.md');
    it('headings and TODOs inside fenced/indented code and HTML comments are not talks', () => {
      const all = titles(allTalks(m));
      assert.ok(!all.some((t) => /not a heading|commented-out/.test(t)), JSON.stringify(all));
      assert.deepStrictEqual(
        m.todos.map((t) => t.text),
        ['TODO is real.', 'TODO: inside an HTML comment'],
      );
    });
    it('reads setext headings', () => {
      const t = talkNamed(m, 'Setext talk');
      assert.deepStrictEqual(t.speakers, ['Mia Wong']);
      assert.strictEqual(t.level, 2);
    });
  });

  describe('lists and block quotes', () => {
    it('headings inside list items and quotes are not talks; TODOs there count', () => {
      const m = parse('lists-quotes.md');
      assert.deepStrictEqual(titles(allTalks(m)), ['Talk with lists', 'Another talk']);
      assert.deepStrictEqual(
        m.todos.map((t) => t.text),
        ['(link)', 'TODO: in a list', 'TODO: in a quote', 'FIXME'],
      );
    });
  });

  describe('speaker splitting', () => {
    const m = parse('speakers.md');
    const rows = m.days[0].talks.map((t) => [t.title, t.speakers.join('; '), t.company, t.kind]);
    it('splits the heading styles', () => {
      assert.deepStrictEqual(rows, [
        ['Platform APIs', 'Ada Quinlan; Bo Lindqvist; Cara Diaz', 'Acme, Initech, Globex', null],
        ['Wasm at the edge', 'Ferris Lang', null, null],
        ['Debugging controllers', 'Hugo Martin', null, null],
        ['Keynote 4: Open source funding', '', null, 'Keynote'],
        ['Talk 1: Why operators fail', 'Jane Doe', null, null],
        ['Lightning talk: Tiny clusters', '', null, 'Lightning talk'],
        ['Policy engines compared', 'Li Wei', 'Example Corp', null],
        ['Multi-tenancy done right', 'Oskar Nilsson; Priya Raman', null, null],
        ['Thanos project update v0.36', '', null, 'Project update'],
        ['Talk by Popular request', '', null, null],
        ['Panel: The future of SIGs', '', null, 'Panel'],
        ['Scaling Prometheus at Example with remote_write', '', null, null],
        ["Kubernetes 1.31 - what's new", '', null, null],
      ]);
      assert.strictEqual(m.days[0].talks[6].time, '14:30');
    });
    it('reads bylines by the rule schedules use: a multi-word company, each speaker with their company', () => {
      const a = splitTalkHeading('Tracing - Jo Park, Example Global Tech');
      assert.deepStrictEqual([a.speakers, a.company], [['Jo Park'], 'Example Global Tech']);
      const b = splitTalkHeading('Storage - Ana Lima, Acme; Bo Chen, Initech, Inc.');
      assert.deepStrictEqual([b.title, b.speakers, b.company, b.companies], ['Storage', ['Ana Lima', 'Bo Chen'], 'Acme, Initech, Inc.', ['Acme', 'Initech, Inc.']]);
      const c = splitTalkHeading('Keynote: Growth - Lin Hao, Chief Technology Officer, APAC, Initech & Ana Lima, VP, Globex');
      assert.deepStrictEqual([c.speakers, c.company], [['Lin Hao', 'Ana Lima'], 'Initech, Globex']);
      // Headings written before each speaker kept their company: every company still read.
      const legacy = splitTalkHeading('Shared caches - Quorra Vale & Bram Oster, Lumenfield, Orbitwise');
      assert.deepStrictEqual(
        [legacy.speakers, legacy.companies],
        [
          ['Quorra Vale', 'Bram Oster'],
          ['Lumenfield', 'Orbitwise'],
        ],
      );
      // A lone word is a speaker when it is a known given name, not a company or a subtitle.
      assert.deepStrictEqual(splitTalkHeading('Wasm at the edge - Ada').speakers, ['Ada']);
      assert.deepStrictEqual(splitTalkHeading('Sponsored demo - Acme').speakers, []);
      assert.deepStrictEqual(splitTalkHeading('Kubernetes - Overview').speakers, []);
      const d = splitTalkHeading('Platform day - Ana Lima, Acme & Bo Chen');
      assert.deepStrictEqual([d.speakers, d.company], [['Ana Lima', 'Bo Chen'], 'Acme']);
    });
    it('keeps the whole heading when unsure', () => {
      assert.deepStrictEqual(splitTalkHeading('Why we moved - and what broke').speakers, []);
      assert.strictEqual(splitTalkHeading('Keynote 5:').title, 'Keynote 5');
      assert.strictEqual(splitTalkHeading('Travel notes :tram:').title, 'Travel notes :tram:');
      assert.deepStrictEqual(splitTalkHeading('Sponsored Keynote: Storage for AI - Ravi Menon, Chief Architect, Example Corp'), {
        title: 'Sponsored Keynote: Storage for AI',
        speakers: ['Ravi Menon'],
        company: 'Example Corp',
        companies: ['Example Corp'],
        kind: 'Sponsored keynote',
        time: null,
      });
    });
  });

  describe('bad input', () => {
    it('malformed YAML: the error with its line, the body still read', () => {
      const m = parse('bad-yaml.md');
      assert.match(m.frontMatter.error ?? '', /YAML front matter cannot be read \(line 3\)/);
      assert.strictEqual(m.frontMatter.errorLine, 3);
      assert.deepStrictEqual(m.frontMatter.data, {});
      assert.deepStrictEqual(titles(allTalks(m)), ['Still readable talk']);
    });
    it('malformed TOML', () => {
      const m = parse('bad-toml.md');
      assert.strictEqual(m.frontMatter.format, 'toml');
      assert.match(m.frontMatter.error ?? '', /TOML front matter cannot be read \(line 2\)/);
      assert.deepStrictEqual(titles(allTalks(m)), ['Talk after broken TOML']);
    });
    it('front matter never closed', () => {
      const m = parse('unclosed.md');
      assert.match(m.frontMatter.error ?? '', /never closed/);
      assert.strictEqual(m.frontMatter.endLine, null);
      assert.deepStrictEqual(
        m.days.map((d) => d.title),
        ['Day 1'],
      );
    });
    it('front matter that is not a mapping', () => {
      const m = parseNotes('---\n- a\n- b\n---\n## Day 1\n');
      assert.match(m.frontMatter.error ?? '', /not a set of fields/);
      assert.strictEqual(m.days.length, 1);
    });
    it('CRLF and a BOM give the same model as LF', () => {
      const lf = read('yaml-post.md');
      const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
      assert.deepStrictEqual(parseNotes(crlf), parseNotes(lf));
    });
    it('CJK text and tab-indented code', () => {
      const m = parse('cjk-tabs.md');
      assert.deepStrictEqual(
        m.days[0].talks.map((t) => [t.title, t.speakers.join(';'), t.company]),
        [
          ['コンテナの未来', '山田 太郎', 'Example'],
          ['云原生安全', 'Wang Fang', null],
        ],
      );
      assert.deepStrictEqual(
        m.todos.map((t) => t.text),
        ['TODO: 資料のリンク', '(link)', '[幻灯片]()'],
      );
    });
    it('a binary file and a file over the size limit are skipped with a reason', () => {
      const bin = parseNotes('\u0000\u0001PNG\u0000'.repeat(100));
      assert.match(bin.skipped ?? '', /binary/);
      assert.deepStrictEqual(bin.days, []);
      const big = parseNotes('## Day 1\n'.repeat(1000), { maxChars: 1000 });
      assert.match(big.skipped ?? '', /limit/);
      assert.strictEqual(parseNotes('## Day 1\n').skipped, null);
    });
    it('a 5 MB note with very long lines is read', () => {
      const line = 'x'.repeat(200_000) + ' TODO: long line';
      const text = `## Day 1\n### Long - Ada Quinlan, Acme\n${line}\n`.repeat(25);
      assert.ok(text.length > 5_000_000);
      const m = parseNotes(text);
      assert.strictEqual(m.skipped, null);
      assert.strictEqual(m.days.length, 25);
      assert.strictEqual(m.todos.length, 25);
    });
    it('a hidden line glued to a paragraph is visible text (CommonMark), not a hidden note', () => {
      const m = parseNotes('### T\nsome text\n[//]: # (not hidden)\n');
      assert.deepStrictEqual(m.todos, []);
    });
    it('empty and whitespace-only documents', () => {
      for (const t of ['', '\n', '   ', '\uFEFF', '---', '+++', '#', '[//]: # ()']) {
        const m = parseNotes(t);
        assert.deepStrictEqual(m.days, [], JSON.stringify(t));
      }
    });
  });

  describe('helpers', () => {
    it('plain text of inline Markdown', () => {
      assert.strictEqual(plainInline('[Thanos](https://thanos.io/) project update'), 'Thanos project update');
      assert.strictEqual(plainInline('**Bold** _em_ `code` ~~gone~~ &amp; \\*'), 'Bold em code gone & *');
      assert.strictEqual(plainInline('snake_case_name and 2*3*4'), 'snake_case_name and 234');
      assert.strictEqual(plainInline('![logo](x.png) <https://a.example>'), 'logo https://a.example');
    });
    it('day rules', () => {
      for (const d of ['Day01', 'Day 4', 'Day one', 'Monday', 'Wednesday (Nov 12)', '2025-04-02', 'day 2: keynotes']) assert.ok(isDayHeading(d), d);
      for (const d of ['ContribFest Tekton', 'Flight home', 'Daylight savings', 'Days of future past', 'Mondays are hard']) assert.ok(!isDayHeading(d), d);
      assert.strictEqual(plainDayTitle('Day03: '), 'Day03');
      assert.strictEqual(plainDayTitle('Day03'), undefined);
      assert.strictEqual(plainDayTitle('Tuesday:'), 'Tuesday');
      assert.strictEqual(dayFromName('kubecon-day2.md'), 'Day 2');
      assert.strictEqual(dayFromName('holiday.md'), null);
    });
  });
});

describe('notes model: "by" that is not a speaker', () => {
  it('keeps "X by Design" and "X by default" whole', () => {
    for (const h of ['Security by Design', 'Observability by default', 'Talk by Popular request']) {
      assert.deepStrictEqual(splitTalkHeading(h).speakers, [], h);
      assert.strictEqual(splitTalkHeading(h).title, h);
    }
  });
});
