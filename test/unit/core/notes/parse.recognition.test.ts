/**
 * Recognition rules for notes as people really write them: day headings with a label around
 * the day, H1 days, meta sections that are not talks, `##Title` without its space, talks
 * written as list items, and the mention rules for sentence-start names, case variants, typos
 * of short names and talk-heading bylines. Fixtures are invented (test/fixtures/recognition).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isDayHeading, plainDayTitle } from '../../../../src/core/notes/dayHeading';
import { isNonTalkTitle } from '../../../../src/core/notes/sectionHeading';
import { headingLineByline, splitTalkHeading } from '../../../../src/core/notes/talkHeading';
import { parseNotes } from '../../../../src/core/notes/parse';
import { visibleTalkCount } from '../../../../src/core/notes/query';
import { applyEdits } from '../../../../src/core/document';
import { headingSpaceProblems } from '../../../../src/core/publish/headingSpace';
import { checkNotes } from '../../../../src/core/publish/check';
import { analyzeText } from '../../../../src/core/analysis/noteAnalysis';
import { loadIndexFile } from '../../../../src/cli/landscapeIndex';
import { findMentions } from '../../../../src/core/landscape/matcher';

const root = path.join(__dirname, '..', '..', '..', '..');
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test', 'fixtures', 'recognition', name), 'utf8');
const index = loadIndexFile(path.join(root, 'data', 'landscape.json'));
const mentions = (text: string) => findMentions(text, index).map((m) => `${m.text}:${m.action}:${m.entry.name}`);

describe('recognition: day headings', () => {
  it('a heading is a day when a day is its main subject, whatever label stands around it', () => {
    for (const d of [
      'OSS Summit day two',
      'CloudNativeCon Day 3',
      'fluxcon (Monday)',
      'DevConf - Day 1',
      'Day 2 — Thursday',
      'Wednesday, Nov 13',
      'The third day',
      'Second day at KubeCon',
      'Day 1 at KubeCon EU',
      'KubeCon EU 2025 Day 01',
      'Nov 13',
      '13 November 2025',
      'Thu, 13.11.',
      '2025-11-13',
      'kubecon eu day 2',
      'Day 3 🚀',
      'Jour 1 (lundi)',
      'Last day',
      'KubeCon Day 1 recap',
      'Day #2',
      'Day-3',
      '1日目',
      'KubeCon China 第一天',
      '第1天：主题演讲',
      '11月13日（水）',
      '수요일',
      '2일차',
    ]) {
      assert.ok(isDayHeading(d), d);
    }
  });

  it('a day named inside a talk title does not make it a day', () => {
    for (const t of [
      'Day 2 operations with Flux',
      'Day-2 ops at scale',
      'Never deploy on Friday',
      'Surviving day two',
      'Why Friday deploys are fine',
      'Beyond Day 2',
      'Tag 2 images',
      'May the force',
      'Release v2.1 in March 2025',
      'What I learned on day two',
      '第一天学到的东西',
      'Day 2.5',
      'Flight home :airplane:',
      'Days of future past',
    ]) {
      assert.ok(!isDayHeading(t), t);
    }
  });

  it('plain day lines keep to days and labels', () => {
    assert.strictEqual(plainDayTitle('KubeCon Day 3:'), 'KubeCon Day 3');
    assert.strictEqual(plainDayTitle('Day 2 (Thursday):'), 'Day 2 (Thursday)');
    assert.strictEqual(plainDayTitle('Monday was great:'), undefined);
  });

  it('the settings pattern still overrides the built-in rules', () => {
    const m = parseNotes('## Sprint A\n### Talk one\ntext\n## OSS Summit day two\n### Talk two\ntext\n', { dayHeadingPattern: '^Sprint' });
    assert.deepStrictEqual(
      m.days.map((d) => d.title),
      ['Sprint A'],
    );
  });

  it('when the H1s of a file are days, their ## children are talks', () => {
    const m = parseNotes(
      '# CloudNativeCon Day 3\n\n## Opening keynote\n\ntext\n\n## Gadgets at scale - Ana Lima, Acme\n\ntext\n\n# fluxcon (Monday)\n\n## GitOps for all\n\ntext\n\n# Day 2 — Thursday\n\n## Last talk\n\ntext\n',
    );
    assert.deepStrictEqual(
      m.days.map((d) => [d.title, d.level, d.talks.map((t) => t.title)]),
      [
        ['CloudNativeCon Day 3', 1, ['Opening keynote', 'Gadgets at scale']],
        ['fluxcon (Monday)', 1, ['GitOps for all']],
        ['Day 2 — Thursday', 1, ['Last talk']],
      ],
    );
    assert.deepStrictEqual(m.talks, []);
  });

  it('labelled ## days under a title H1, and CJK days', () => {
    const m = parseNotes('# My summit\n\n## OSS Summit day two\n\n### Talk A\n\nx\n\n## DevConf - Day 1\n\n### Talk B\n\ny\n\n## 第二天\n\n### 可观测性实践\n\nz\n');
    assert.deepStrictEqual(
      m.days.map((d) => [d.title, d.talks.length]),
      [
        ['OSS Summit day two', 1],
        ['DevConf - Day 1', 1],
        ['第二天', 1],
      ],
    );
  });
});

describe('recognition: sections that are not talks', () => {
  it('knows meta and travel headings, with emoji, shortcodes and emphasis', () => {
    for (const t of [
      'Background',
      'How I take notes',
      'Ideas for posts',
      'Key takeaways',
      'Closing thoughts',
      'Highlights',
      'My talk',
      'Summary',
      'Travel',
      'Flight home',
      'Flight home :airplane:',
      'Flight home ✈️',
      '✈️ Flight home',
      'Wrap-up',
      'Intro',
      'Conclusion',
      'Resources',
      'Links',
      '**Summary**',
    ]) {
      assert.ok(isNonTalkTitle(t), t);
    }
    for (const t of ['Kubernetes summary', 'Links between pods', 'Travel planning with Kueue']) assert.ok(!isNonTalkTitle(t), t);
  });

  it('are neither talks nor empty talks, at the top, the bottom or before the first day', () => {
    const text =
      '---\ntitle: x\n---\n\n## Background\n\nwhy I went\n\n## Day 1\n\n### Real talk - Ana Lima, Acme\n\nnotes\n\n### Key takeaways\n\n- a\n\n### Flight home :airplane:\n\n## Ideas for posts\n';
    const m = parseNotes(text);
    assert.deepStrictEqual(
      m.days.map((d) => d.talks.map((t) => t.title)),
      [['Real talk']],
    );
    assert.deepStrictEqual(m.talks, []);
    const empty = checkNotes(analyzeText(text)).filter((p) => p.kind === 'empty-talk');
    assert.deepStrictEqual(empty, []);
  });

  it('a heading at the day level before the first day is the intro, unless it reads as a talk', () => {
    const m = parseNotes('# Summit notes\n\n## Why I went\n\nreasons\n\n## Talk before - Ana Lima, Acme\n\nx\n\n## Day 1\n\n### Real talk\n\nnotes\n');
    assert.deepStrictEqual(
      m.talks.map((t) => t.title),
      ['Talk before'],
    );
    assert.deepStrictEqual(
      m.days.map((d) => d.talks.map((t) => t.title)),
      [['Real talk']],
    );
  });

  it('keeps the day counts of visible talks of a note in the seed shape, hidden talks kept', () => {
    const m = parseNotes(fixture('seed-shape.md'));
    assert.deepStrictEqual(
      m.days.map((d) => [d.title, visibleTalkCount(d.talks)]),
      [
        ['Day01', 3],
        ['Day02', 2],
        ['Day03', 2],
        ['Day 4', 1],
      ],
    );
    assert.deepStrictEqual(
      m.days[0].talks.filter((t) => t.hidden).map((t) => t.title),
      ['A talk I skipped'],
    );
  });
});

describe('recognition: talks written as list items', () => {
  it('a note whose talks are list items is one stretch with no talks, read without errors', () => {
    const text = fixture('list-talks.md');
    const m = parseNotes(text, { fileName: 'gitopscon-day1.md' });
    assert.strictEqual(m.skipped, null);
    assert.deepStrictEqual([m.days.length, m.talks.length, m.impliedDay], [0, 0, 'Day 1']);
    assert.ok(
      m.todos.some((t) => t.kind === 'missing-link'),
      'TODO items in the list are still found',
    );
    assert.deepStrictEqual(
      checkNotes(analyzeText(text)).filter((p) => p.kind === 'empty-talk'),
      [],
    );
  });
});

describe('recognition: `##Title` without its space', () => {
  it('stays a paragraph in the model and is reported with a fix that adds the space', () => {
    const text = '## Day 1\n\n###Scaling the control plane:\n\nnotes\n\n```\n##in code\n```\n\n#kubecon is a hashtag\n\n   ##**Bold**\r\n';
    const m = parseNotes(text);
    assert.deepStrictEqual(m.days[0].talks, []);
    const problems = headingSpaceProblems(text);
    assert.deepStrictEqual(
      problems.map((p) => [p.line, p.column, p.message]),
      [
        [3, 1, '`###Scaling the control plane:` is not a heading (no space after `###`): add a space to make it one'],
        [13, 4, '`##**Bold**` is not a heading (no space after `##`): add a space to make it one'],
      ],
    );
    const fixed = applyEdits(
      text,
      problems.map((p) => p.fix),
    );
    assert.ok(fixed.includes('\n### Scaling the control plane:\n') && fixed.includes('   ## **Bold**\r\n'));
    assert.deepStrictEqual(
      parseNotes(fixed).days[0].talks.map((t) => t.title),
      ['Scaling the control plane:', '**Bold**'].map((t) => t.replace(/\*\*/g, '')),
    );
    const checked = checkNotes(analyzeText(text)).filter((p) => p.kind === 'heading-space');
    assert.deepStrictEqual(
      checked.map((p) => [p.line, p.fix?.newText]),
      [
        [3, ' '],
        [13, ' '],
      ],
    );
  });
});

describe('recognition: project mentions', () => {
  it('links a sentence-start name that is also a word when the line or the list says project', () => {
    const text = '## Updates\n\n- Contour: 1.28 released with better TLS\n- Dragonfly: 2.1 release, faster P2P\n- Notary v2 is graduating\n';
    assert.deepStrictEqual(mentions(text), ['Contour:link:Contour', 'Dragonfly:link:Dragonfly', 'Notary:link:Notary Project']);
  });

  it('leaves the word alone with nothing around it, and nicknames in prose', () => {
    assert.deepStrictEqual(
      mentions('## Hallway\n\n* Volcano\n* Lunch\n').filter((m) => m.endsWith(':link:Volcano')),
      [],
    );
    assert.deepStrictEqual(mentions('We named our staging cluster Volcano because it erupts.\n'), []);
    assert.deepStrictEqual(mentions('We call it Harbor at work.\n'), []);
  });

  it('finds case and spacing variants of multi-word names', () => {
    const text = 'Service mesh Interface, open policy agent and Open Tracing.\nCert manager and CoreDns too.\nCloud events 1.0 released.\n';
    assert.deepStrictEqual(mentions(text), [
      'Service mesh Interface:link:Service Mesh Interface (SMI)',
      'open policy agent:link:Open Policy Agent (OPA)',
      'Open Tracing:link:OpenTracing',
      'Cert manager:link:cert-manager',
      'CoreDns:link:CoreDNS',
      'Cloud events:link:CloudEvents',
    ]);
    assert.deepStrictEqual(
      mentions('Open cost models are hard.\n').filter((m) => m.includes(':link:')),
      [],
    );
  });

  it('suggests typos of distinctive names, short ones too, headings included, never links them', () => {
    const text = '### Jeager at scale\n\nJeager, Lnkerd, Istoi, gPRC, grcp, Promethues, Kuberentes, contianerd, Cillium.\nGRPC, LLMs, CRDs, etch and Dapr are fine.\n';
    const found = findMentions(text, index);
    assert.deepStrictEqual(
      found.map((m) => `${m.text}:${m.action}:${m.reason}:${m.entry.name}`),
      [
        'Jeager:suggest:typo:Jaeger',
        'Jeager:suggest:typo:Jaeger',
        'Lnkerd:suggest:typo:Linkerd',
        'Istoi:suggest:typo:Istio',
        'gPRC:suggest:typo:gRPC',
        'grcp:suggest:typo:gRPC',
        'Promethues:suggest:typo:Prometheus',
        'Kuberentes:suggest:typo:Kubernetes',
        'contianerd:suggest:typo:containerd',
        'Cillium:suggest:typo:Cilium',
        'GRPC:link:name:gRPC',
        'Dapr:link:name:Dapr',
      ],
    );
  });

  it('gives no project hint for a speaker surname in a talk heading byline, and finds the byline', () => {
    assert.deepStrictEqual(mentions('## Day 1\n\n### Widgets at scale - Ana Lima, Acme\n\nnotes\n'), []);
    assert.deepStrictEqual(
      mentions('### Tuning Jaeger by Ana Lima\n').map((m) => m.split(':')[0]),
      ['Jaeger'],
    );
    const line = '### 14:30 Talk 1: Ana Lima - Widgets at scale';
    const b = headingLineByline(line)!;
    assert.strictEqual(line.slice(b.start, b.end), 'Ana Lima');
    assert.strictEqual(headingLineByline('### Prometheus v3'), undefined);
  });
});

describe('recognition: talk headings written from a schedule', () => {
  it('keeps a title with its own " - " and a speaker with a nickname in parentheses', () => {
    const parts = splitTalkHeading('Kubernetes - The Hard Way - Jo (JJ) Park, Umbrella Labs');
    assert.strictEqual(parts.title, 'Kubernetes - The Hard Way');
    assert.deepStrictEqual(parts.speakers, ['Jo (JJ) Park']);
    assert.strictEqual(parts.company, 'Umbrella Labs');
    assert.deepStrictEqual(splitTalkHeading('Talk - Jo (JJ) Park & Ana (Annie) Lima, Acme').speakers, ['Jo (JJ) Park', 'Ana (Annie) Lima']);
    assert.deepStrictEqual(splitTalkHeading('Why (not) - Ana Lima').speakers, ['Ana Lima']);
    assert.deepStrictEqual(splitTalkHeading('Release (beta) notes').speakers, []);
  });
});
