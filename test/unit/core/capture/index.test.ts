import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, type TextEdit } from '../../../../src/core/document';
import type { Day, NotesModel, Talk } from '../../../../src/core/notes/model';
import { parseNotes } from '../../../../src/core/notes/parse';
import {
  adjacentTodo,
  fillTemplate,
  formatDayHeading,
  formatTalkHeading,
  formatTodoLink,
  formatOffset,
  hiddenWouldShow,
  hideLine,
  insertDayHeading,
  insertLineAfter,
  insertTalkHeading,
  isHiddenLine,
  isoWithOffset,
  joinSpeakers,
  keynoteNumberFor,
  linkDestination,
  nextDayHeading,
  nextDayTitle,
  nextKeynoteNumber,
  newNoteText,
  noteFileName,
  numberedFileName,
  parseIsoDate,
  placeholderReplacement,
  placeTalk,
  selectedLines,
  showLine,
  slugify,
  splitSpeakers,
  startDateTime,
  todoAtCursor,
  toggleHiddenDraft,
  unescapeHidden,
  escapeHidden,
  validateLinkUrl,
} from '../../../../src/core/capture';

// ------------------------------------------------------------------------------------------
// Small hand-built models (the real parser has its own tests; these pin the capture rules).

function talk(heading: string, line: number, endLine: number, extra: Partial<Talk> = {}): Talk {
  return { title: heading, heading, speakers: [], company: null, kind: null, line, endLine, level: 3, hidden: false, group: null, todos: [], ...extra };
}

function day(title: string, line: number, endLine: number, talks: Talk[] = [], level = 2): Day {
  return { title, line, endLine, level, talks, groups: [], todos: [] };
}

function model(lineCount: number, days: Day[], talks: Talk[] = [], fm: [number, number] | null = null): NotesModel {
  return {
    frontMatter: { format: fm ? 'yaml' : null, data: {}, error: null, errorLine: null, startLine: fm?.[0] ?? null, endLine: fm?.[1] ?? null },
    days,
    talks,
    groups: [],
    todos: [],
    lineCount,
  };
}

function apply(text: string, edit: TextEdit | TextEdit[]): string {
  return applyEdits(text, Array.isArray(edit) ? edit : [edit]);
}

describe('capture: heading templates', () => {
  const fmt = '### {title} - {speakers}, {company}';

  it('drops empty parts together with their separators', () => {
    assert.strictEqual(fillTemplate(fmt, { title: 'Cells at scale', speakers: 'Ada', company: 'Acme' }), '### Cells at scale - Ada, Acme');
    assert.strictEqual(fillTemplate(fmt, { title: 'Cells at scale', speakers: 'Ada' }), '### Cells at scale - Ada');
    assert.strictEqual(fillTemplate(fmt, { title: 'Cells at scale', company: 'Acme' }), '### Cells at scale - Acme');
    assert.strictEqual(fillTemplate(fmt, { title: 'Cells at scale', speakers: '  ', company: '' }), '### Cells at scale');
    assert.strictEqual(fillTemplate(fmt, { speakers: 'Ada', company: 'Acme' }), '### Ada, Acme');
  });

  it('keeps the text after the last placeholder only with it, and tidies spaces', () => {
    assert.strictEqual(fillTemplate('### {title} ({kind})', { title: 'T', kind: 'Panel' }), '### T (Panel)');
    assert.strictEqual(fillTemplate('### {title} ({kind})', { title: 'T' }), '### T');
    assert.strictEqual(fillTemplate('### {time} {title}', { title: 'T' }), '### T');
    assert.strictEqual(fillTemplate('###  {title}', { title: 'two\nlines' }), '###  two lines', 'the heading marks keep their spacing, values lose line breaks');
    assert.strictEqual(fillTemplate('## Notes', {}), '## Notes');
  });

  it('formats talk headings for every kind', () => {
    assert.strictEqual(formatTalkHeading({ title: 'Scaling etcd', speakers: ['Ada', 'Grace'], company: 'Acme' }), '### Scaling etcd - Ada & Grace, Acme');
    assert.strictEqual(formatTalkHeading({ title: 'Scaling etcd', speakers: [] }), '### Scaling etcd');
    assert.strictEqual(
      formatTalkHeading({ title: 'Opening', speakers: ['Ada'], kind: 'keynote', n: 3 }),
      '### Keynote 3: Opening - Ada',
      'a keynote keeps the speakers that were asked for',
    );
    assert.strictEqual(formatTalkHeading({ title: 'Tiny tools', speakers: ['Ada'], kind: 'lightning talk' }), '### Lightning Talk: Tiny tools - Ada');
    assert.strictEqual(formatTalkHeading({ title: 'Fix the docs', speakers: [], company: 'Acme', kind: 'contribfest' }), '### ContribFest: Fix the docs - Acme');
    assert.strictEqual(formatTalkHeading({ title: 'T', speakers: ['Ada'], kind: 'panel' }, { talk: '#### {kind}: {title} by {speakers}' }), '#### Panel: T by Ada');
    assert.strictEqual(formatTalkHeading({ title: 'T', speakers: ['Ada'] }, { talk: '#### {kind}: {title} by {speakers}' }), '#### T by Ada', 'a plain talk has no kind');
    assert.strictEqual(
      formatTalkHeading({ title: 'T', speakers: ['Ada'] }, { talk: '{title} with {speakers}' }),
      '### T with Ada',
      'heading marks are added when the format has none',
    );
  });

  it('keeps the speakers and company of a keynote (they were asked for)', () => {
    assert.strictEqual(
      formatTalkHeading({ title: 'Open by default', speakers: ['Ana Lima'], company: 'Acme', kind: 'keynote', n: 2 }),
      '### Keynote 2: Open by default - Ana Lima, Acme',
    );
    assert.strictEqual(formatTalkHeading({ title: 'Open by default', speakers: [], kind: 'keynote', n: 1 }), '### Keynote 1: Open by default');
  });

  it('writes the start time where the format has {time}, and nowhere when it has none', () => {
    assert.strictEqual(formatTalkHeading({ title: 'T', speakers: [], time: '09:05' }, { talk: '### {title} [{time}]' }), '### T [09:05]');
    assert.strictEqual(formatTalkHeading({ title: 'T', speakers: ['Ada'], time: '14:30' }, { talk: '### {time} {title} - {speakers}' }), '### 14:30 T - Ada');
    assert.strictEqual(formatTalkHeading({ title: 'T', speakers: ['Ada'], time: '14:30' }), '### T - Ada', 'the default format has no {time}');
    assert.strictEqual(formatTalkHeading({ title: 'T', speakers: ['Ada'] }, { talk: '### {time} {title} - {speakers}' }), '### T - Ada', 'no time: {time} drops out');
  });

  it('timeFirst (the deprecated talk.includeTime) puts the time after the heading marks when the format has no {time}', () => {
    assert.strictEqual(formatTalkHeading({ title: 'T', speakers: ['Ada'], time: '14:30', timeFirst: true }), '### 14:30 T - Ada');
    assert.strictEqual(formatTalkHeading({ title: 'T', speakers: [], kind: 'keynote', n: 1, time: '09:05', timeFirst: true }), '### 09:05 Keynote 1: T');
    assert.strictEqual(
      formatTalkHeading({ title: 'T', speakers: [], time: '09:05', timeFirst: true }, { talk: '### {title} [{time}]' }),
      '### T [09:05]',
      'the format’s {time} wins',
    );
  });

  it('joins and splits speakers', () => {
    assert.strictEqual(joinSpeakers(['Ada']), 'Ada');
    assert.strictEqual(joinSpeakers(['Ada', ' Grace ']), 'Ada & Grace');
    assert.strictEqual(joinSpeakers(['Ada', 'Grace', 'Linus']), 'Ada & Grace & Linus');
    assert.deepStrictEqual(splitSpeakers('Ada, Grace & Linus'), ['Ada', 'Grace', 'Linus']);
    assert.deepStrictEqual(splitSpeakers('Ada and Grace'), ['Ada', 'Grace']);
    assert.deepStrictEqual(splitSpeakers('  '), []);
  });

  it('numbers keynotes within a day', () => {
    assert.strictEqual(nextKeynoteNumber([]), 1);
    assert.strictEqual(
      nextKeynoteNumber([
        { heading: 'Keynote 1: A', kind: 'keynote' },
        { heading: 'Keynote 2 ', kind: 'keynote' },
      ]),
      3,
    );
    assert.strictEqual(
      nextKeynoteNumber([
        { heading: 'Keynotes', kind: null },
        { heading: 'Opening keynote', kind: 'keynote' },
      ]),
      2,
    );
    assert.strictEqual(
      nextKeynoteNumber([
        { heading: 'Keynote 5:', kind: 'keynote' },
        { heading: 'A talk', kind: null },
      ]),
      6,
    );
  });
});

describe('capture: day headings', () => {
  it('continues the document’s own style', () => {
    assert.strictEqual(nextDayTitle('Day01', 1), 'Day02');
    assert.strictEqual(nextDayTitle('Day09', 9), 'Day10');
    assert.strictEqual(nextDayTitle('Day 3', 3), 'Day 4');
    assert.strictEqual(nextDayTitle('day9', 1), 'day10');
    assert.strictEqual(nextDayTitle('Day03:', 1), 'Day04');
    assert.strictEqual(nextDayTitle('Day 1 - Tuesday', 1), 'Day 2');
    assert.strictEqual(nextDayTitle('Day one', 1), 'Day two');
    assert.strictEqual(nextDayTitle('DAY TWO', 2), 'DAY THREE');
    assert.strictEqual(nextDayTitle('Tuesday', 1), 'Wednesday');
    assert.strictEqual(nextDayTitle('Saturday (2025-04-05)', 1), 'Sunday (2025-04-06)');
    assert.strictEqual(nextDayTitle('2025-04-30', 1), '2025-05-01');
    assert.strictEqual(nextDayTitle(null, 0), 'Day01');
    assert.strictEqual(nextDayTitle('Workshops', 2), 'Day03', 'unknown styles count the days');
  });

  it('adds the date when asked', () => {
    assert.strictEqual(nextDayTitle('Day01', 1, '2025-04-03'), 'Day02 (2025-04-03)');
    const m = model(3, [day('Day01 (2025-04-02)', 1, 3)]);
    assert.strictEqual(nextDayHeading(m, { includeDate: true, today: '2030-01-01' }), '## Day02 (2025-04-03)', 'the day after the previous one');
    const m2 = model(3, [day('Day01', 1, 3)]);
    assert.strictEqual(nextDayHeading(m2, { includeDate: true, today: '2030-01-01' }), '## Day02 (2030-01-01)', 'else today');
  });

  it('keeps the level, plain lines included', () => {
    assert.strictEqual(formatDayHeading('Day04', 0), 'Day04:');
    assert.strictEqual(formatDayHeading('Day04', 1), '# Day04');
    assert.strictEqual(nextDayHeading(model(2, [day('Day03', 1, 2, [], 0)]), { today: '2025-01-01' }), 'Day04:');
    assert.strictEqual(nextDayHeading(model(1, []), { today: '2025-01-01' }), '## Day01');
  });
});

describe('capture: where headings go', () => {
  it('inserts after a line with a blank line before and the cursor on the first body line', () => {
    const text = '## Day01\n\n### A\nbody\n';
    const ins = insertLineAfter(text, 4, '### B');
    assert.strictEqual(apply(text, ins.edit), '## Day01\n\n### A\nbody\n\n### B\n');
    assert.deepStrictEqual(ins.cursor, { line: 6, character: 0 });
  });

  it('keeps a blank line between the cursor line and what follows', () => {
    const text = '### A\nbody\n### C\n';
    const ins = insertLineAfter(text, 2, '### B');
    assert.strictEqual(apply(text, ins.edit), '### A\nbody\n\n### B\n\n\n### C\n');
    assert.deepStrictEqual(ins.cursor, { line: 4, character: 0 });
    const spaced = '### A\nbody\n\n### C';
    const ins2 = insertLineAfter(spaced, 2, '### B');
    assert.strictEqual(apply(spaced, ins2.edit), '### A\nbody\n\n### B\n\n\n### C');
    const wide = '### A\nbody\n\n\n### C';
    assert.strictEqual(apply(wide, insertLineAfter(wide, 2, '### B').edit), '### A\nbody\n\n### B\n\n\n### C', 'existing blank lines are reused');
  });

  it('works at the end of a note without a final line break, and in an empty note', () => {
    assert.strictEqual(apply('### A', insertLineAfter('### A', 1, '### B').edit), '### A\n\n### B\n');
    const empty = insertLineAfter('', 0, '## Day01');
    assert.strictEqual(apply('', empty.edit), '## Day01\n');
    assert.deepStrictEqual(empty.cursor, { line: 1, character: 0 });
  });

  it('keeps CRLF line breaks', () => {
    const text = '## Day01\r\n\r\n### A\r\nbody\r\n';
    const ins = insertLineAfter(text, 4, '### B');
    assert.strictEqual(apply(text, ins.edit), '## Day01\r\n\r\n### A\r\nbody\r\n\r\n### B\r\n');
  });

  // 1 ---            front matter
  // 2 title: x
  // 3 ---
  // 4
  // 5 ## Day01
  // 6
  // 7 ### A - Ada
  // 8 a body
  // 9
  // 10 ### Keynote 1: B
  // 11 b body
  // 12
  // 13 ## Day02
  // 14
  // 15 ### C
  // 16 c body
  // 17
  const text = ['---', 'title: x', '---', '', '## Day01', '', '### A - Ada', 'a body', '', '### Keynote 1: B', 'b body', '', '## Day02', '', '### C', 'c body', ''].join('\n');
  const a = talk('A - Ada', 7, 9);
  const b = talk('Keynote 1: B', 10, 12, { kind: 'keynote' });
  const c = talk('C', 15, 17);
  const m = model(17, [day('Day01', 5, 12, [a, b]), day('Day02', 13, 17, [c])], [], [1, 3]);

  it('places a new talk after the talk under the cursor, else at the end of the cursor’s day', () => {
    assert.strictEqual(placeTalk(text, m, 8).after, 8, 'after talk A (its last non-blank line)');
    assert.strictEqual(placeTalk(text, m, 5).after, 11, 'cursor on the day heading: after the day’s last talk');
    assert.strictEqual(placeTalk(text, m, 2).after, 16, 'cursor before any day: end of the last day');
    const ins = insertTalkHeading(text, m, 8, '### New');
    const out = apply(text, ins.edit).split('\n');
    assert.deepStrictEqual(out.slice(6, 14), ['### A - Ada', 'a body', '', '### New', '', '', '### Keynote 1: B', 'b body']);
    assert.deepStrictEqual(ins.cursor, { line: 10, character: 0 });
    assert.strictEqual(out[ins.cursor.line], '');
    assert.strictEqual(out[ins.cursor.line - 1], '### New');
  });

  it('puts a note without days’ new talk at its end, after the front matter at least', () => {
    const only = '---\ntitle: x\n---\n';
    const mm = model(4, [], [], [1, 3]);
    assert.strictEqual(apply(only, insertTalkHeading(only, mm, 1, '### T').edit), '---\ntitle: x\n---\n\n### T\n');
  });

  it('puts the next day after the last day’s last talk', () => {
    const ins = insertDayHeading(text, m, { today: '2025-04-03' });
    const out = apply(text, ins.edit);
    assert.strictEqual(out, text.replace(/c body\n$/, 'c body\n\n## Day03\n'));
    assert.strictEqual(out.split('\n')[ins.cursor.line - 1], '## Day03');
    const noDays = '---\ntitle: x\n---\n\nIntro\n';
    assert.strictEqual(apply(noDays, insertDayHeading(noDays, model(6, [], [], [1, 3]), { today: 'x' }).edit), '---\ntitle: x\n---\n\nIntro\n\n## Day01\n');
  });
});

describe('capture: hidden drafts', () => {
  it('hides and shows lines exactly', () => {
    for (const line of ['### Falco journey', 'a (b) c', 'C:\\dir\\', 'x \\( y', '\\\\', '', '  indented  ', '[//]: # (already)']) {
      const hidden = hideLine(line);
      assert.ok(isHiddenLine(hidden), hidden);
      assert.strictEqual(showLine(hidden), line, hidden);
      assert.strictEqual(unescapeHidden(escapeHidden(line)), line);
    }
    assert.strictEqual(hideLine('a (b) c'), '[//]: # (a \\(b\\) c)');
    assert.strictEqual(hideLine(''), '[//]: # ()');
    assert.strictEqual(showLine('[//]: # (unescaped (parens))'), 'unescaped (parens)', 'hand-written lines show too');
    assert.strictEqual(showLine('plain'), undefined);
  });

  it('toggles a selection and back to the same text, CRLF kept', () => {
    const text = '### T\r\n\r\nfirst (idea)\r\n\r\nsecond\r\nafter';
    const hide = toggleHiddenDraft(text, 2, 4);
    assert.strictEqual(hide.action, 'hide');
    const hidden = apply(text, hide.edits);
    assert.strictEqual(hidden, '### T\r\n\r\n[//]: # (first \\(idea\\))\r\n[//]: # ()\r\n[//]: # (second)\r\nafter');
    const show = toggleHiddenDraft(hidden, 2, 4);
    assert.strictEqual(show.action, 'show');
    assert.strictEqual(apply(hidden, show.edits), text);
  });

  it('hides everything (already hidden lines once more) when the selection is mixed, so toggling back is exact', () => {
    const text = '[//]: # (old)\nnew';
    const hidden = apply(text, toggleHiddenDraft(text, 0, 1).edits);
    assert.strictEqual(hidden, '[//]: # ([//]: # \\(old\\))\n[//]: # (new)');
    assert.strictEqual(apply(hidden, toggleHiddenDraft(hidden, 0, 1).edits), text);
  });

  it('shows a hidden block with blank lines in it and leaves those blank lines alone', () => {
    const text = '[//]: # (a)\n\n[//]: # (b)';
    const res = toggleHiddenDraft(text, 0, 2);
    assert.strictEqual(res.action, 'show');
    assert.strictEqual(apply(text, res.edits), 'a\n\nb');
    assert.strictEqual(res.edits.length, 2);
  });

  it('hiding lines right below paragraph text puts the blank line in itself (CRLF kept), in the same edits', () => {
    const text = '### T\r\nsome text\r\nidea one\r\nidea two\r\nafter';
    const res = toggleHiddenDraft(text, 2, 3);
    assert.strictEqual(res.action, 'hide');
    assert.strictEqual(res.separated, true);
    const hidden = apply(text, res.edits);
    assert.strictEqual(hidden, '### T\r\nsome text\r\n\r\n[//]: # (idea one)\r\n[//]: # (idea two)\r\nafter');
    assert.strictEqual(hiddenWouldShow(hidden, 3), false, 'now a real hidden draft');
    // Showing them again gives back the exact lines (the blank line stays: it cannot know who wrote it).
    const show = toggleHiddenDraft(hidden, 3, 4);
    assert.strictEqual(show.action, 'show');
    assert.strictEqual(show.separated, false);
    assert.strictEqual(apply(hidden, show.edits), '### T\r\nsome text\r\n\r\nidea one\r\nidea two\r\nafter');
    // LF notes get an LF; under a list item too; under a heading or a blank line nothing is added.
    assert.strictEqual(apply('- item\nnote', toggleHiddenDraft('- item\nnote', 1, 1).edits), '- item\n\n[//]: # (note)');
    const underHeading = toggleHiddenDraft('### T\nnote', 1, 1);
    assert.strictEqual(underHeading.separated, false);
    assert.strictEqual(apply('### T\nnote', underHeading.edits), '### T\n[//]: # (note)');
    assert.strictEqual(toggleHiddenDraft('para\n\nnote', 2, 2).separated, false);
  });

  it('counts the lines of a selection like the editor does', () => {
    assert.deepStrictEqual(selectedLines({ line: 2, character: 3 }, { line: 4, character: 0 }), [2, 3]);
    assert.deepStrictEqual(selectedLines({ line: 2, character: 0 }, { line: 2, character: 0 }), [2, 2]);
    assert.deepStrictEqual(selectedLines({ line: 2, character: 0 }, { line: 4, character: 1 }), [2, 4]);
  });

  it('knows when hidden lines would still show (right under paragraph text)', () => {
    assert.strictEqual(hiddenWouldShow('para\n[//]: # (x)', 1), true);
    assert.strictEqual(hiddenWouldShow('- item\n[//]: # (x)', 1), true);
    assert.strictEqual(hiddenWouldShow('para\n\n[//]: # (x)', 2), false);
    assert.strictEqual(hiddenWouldShow('### T\n[//]: # (x)', 1), false);
    assert.strictEqual(hiddenWouldShow('[//]: # (a)\n[//]: # (x)', 1), false);
    assert.strictEqual(hiddenWouldShow('[//]: # (x)', 0), false);
  });
});

describe('capture: TODO links', () => {
  it('formats the placeholder, with the selection as its text', () => {
    assert.strictEqual(formatTodoLink('[slides](TODO)', ''), '[slides](TODO)');
    assert.strictEqual(formatTodoLink('[slides](TODO)', 'the recording'), '[the recording](TODO)');
    assert.strictEqual(formatTodoLink('[{text}]()', ''), '[slides]()');
    assert.strictEqual(formatTodoLink('[{text}]()', 'demo'), '[demo]()');
    assert.strictEqual(formatTodoLink('TODO: link', 'demo'), 'TODO: link');
    assert.strictEqual(formatTodoLink('  ', ''), '[slides](TODO)');
  });

  it('validates URLs', () => {
    assert.strictEqual(validateLinkUrl('https://example.com/slides.pdf'), null);
    assert.strictEqual(validateLinkUrl(' http://example.com '), null);
    assert.match(validateLinkUrl('')!, /Enter/);
    assert.match(validateLinkUrl('example.com')!, /Not a URL/);
    assert.match(validateLinkUrl('ftp://example.com/x')!, /http/);
    assert.match(validateLinkUrl('https://exa mple.com')!, /spaces/);
    assert.match(validateLinkUrl('javascript:alert(1)')!, /http/);
  });

  it('writes link destinations that keep the link whole', () => {
    // Parentheses and backslashes are percent-encoded (issue 11): a `)` or `\\` can no longer end or escape the link.
    assert.strictEqual(linkDestination('https://e.com/a_(b)'), 'https://e.com/a_%28b%29');
    assert.strictEqual(linkDestination('https://e.com/a)'), 'https://e.com/a%29');
    assert.strictEqual(linkDestination('https://e.com/<x>'), 'https://e.com/%3Cx%3E');
  });

  const url = 'https://example.com/talk';
  const resolve = (line: string, text: string, at = line.indexOf(text)) => {
    const r = placeholderReplacement(line, { text }, at, url);
    return r ? line.slice(0, r.start) + r.newText + line.slice(r.end) : null;
  };

  it('fills each kind of placeholder and nothing else', () => {
    assert.strictEqual(resolve('Slides: [slides](TODO) and more', '[slides](TODO)'), `Slides: [slides](${url}) and more`);
    assert.strictEqual(resolve('Slides: [slides](TODO) and more', 'TODO'), `Slides: [slides](${url}) and more`, 'from the marker inside the link');
    assert.strictEqual(resolve('see [recording]()', '[recording]()'), `see [recording](${url})`);
    assert.strictEqual(resolve('see [demo](#).', '[demo](#)'), `see [demo](${url}).`);
    assert.strictEqual(resolve('The book about photos (link)', '(link)'), `The book about photos [link](${url})`);
    // A marker becomes a link, never the bare URL (issue 11).
    assert.strictEqual(resolve('TODO: will add the link when it is out', 'TODO'), `[link](${url})`);
    assert.strictEqual(resolve('TODO: will add the link when it is out  ', 'TODO: will add the link when it is out'), `[link](${url})  `);
    assert.strictEqual(resolve('Slides TODO then notes', 'TODO'), `Slides [link](${url}) then notes`, 'a bare marker alone');
    assert.strictEqual(resolve('[//]: # (TODO: find the repo)', 'TODO'), `[//]: # (<${url}>)`, 'a hidden line keeps its closing parenthesis');
    assert.strictEqual(resolve('[real](https://x.org) TODO', '[real](https://x.org)'), null, 'a real link is no placeholder');
    assert.strictEqual(resolve('text', 'nothing', 0), null, 'stale item: the text is not there');
  });

  const todos = [
    { line: 3, column: 5, endColumn: 11 },
    { line: 3, column: 20, endColumn: 24 },
    { line: 8, column: 1, endColumn: 5 },
  ];

  it('finds the TODO under the cursor, or the nearest on its line', () => {
    assert.strictEqual(todoAtCursor(todos, { line: 2, character: 6 }), todos[0]);
    assert.strictEqual(todoAtCursor(todos, { line: 2, character: 23 }), todos[1]);
    assert.strictEqual(todoAtCursor(todos, { line: 2, character: 30 }), todos[1]);
    assert.strictEqual(todoAtCursor(todos, { line: 3, character: 0 }), undefined);
  });

  it('goes to the next and previous TODO, round the ends', () => {
    assert.deepStrictEqual(adjacentTodo(todos, { line: 0, character: 0 }, 'next'), { item: todos[0], wrapped: false });
    assert.deepStrictEqual(adjacentTodo(todos, { line: 2, character: 4 }, 'next'), { item: todos[1], wrapped: false }, 'from the start of one to the next');
    assert.deepStrictEqual(adjacentTodo(todos, { line: 7, character: 0 }, 'next'), { item: todos[0], wrapped: true });
    assert.deepStrictEqual(adjacentTodo(todos, { line: 7, character: 0 }, 'previous'), { item: todos[1], wrapped: false });
    assert.deepStrictEqual(adjacentTodo(todos, { line: 2, character: 4 }, 'previous'), { item: todos[2], wrapped: true });
    assert.strictEqual(adjacentTodo([], { line: 0, character: 0 }, 'next'), undefined);
  });
});

describe('capture: new notes', () => {
  it('writes the UTC offset', () => {
    assert.strictEqual(formatOffset(120), '+02:00');
    assert.strictEqual(formatOffset(-330), '-05:30');
    assert.strictEqual(formatOffset(0), '+00:00');
    const d = new Date(2025, 3, 3, 9, 4, 16);
    const iso = isoWithOffset(d);
    assert.match(iso, /^2025-04-03T09:04:16[+-]\d\d:\d\d$/);
    assert.strictEqual(new Date(iso).getTime(), d.getTime(), 'the offset is the local one');
  });

  it('reads start dates and keeps the time of day', () => {
    assert.deepStrictEqual(parseIsoDate('2025-04-01'), { year: 2025, month: 4, day: 1 });
    assert.strictEqual(parseIsoDate('2025-02-30'), null);
    assert.strictEqual(parseIsoDate('1/4/2025'), null);
    const at = startDateTime('2025-04-01', new Date(2030, 0, 1, 8, 30, 5));
    assert.strictEqual(isoWithOffset(at).slice(0, 19), '2025-04-01T08:30:05');
  });

  it('names the file from the template', () => {
    assert.strictEqual(slugify('KubeCon + CloudNativeCon Europe 2025'), 'kubecon-cloudnativecon-europe-2025');
    assert.strictEqual(slugify('Café Días'), 'cafe-dias');
    assert.strictEqual(slugify('!!!'), 'notes');
    assert.strictEqual(noteFileName('{slug}.md', 'KubeCon EU 2025', '2025-04-01'), 'kubecon-eu-2025.md');
    assert.strictEqual(noteFileName('{date}-{slug}', 'KubeCon EU', '2025-04-01'), '2025-04-01-kubecon-eu.md');
    assert.strictEqual(noteFileName('../{slug}.md', 'x', '2025-04-01'), 'x.md', 'no way out of the notes folder');
    assert.strictEqual(numberedFileName('kubecon.md', 2), 'kubecon-2.md');
  });

  it('writes YAML and TOML front matter and the first day', () => {
    const yaml = newNoteText({ name: 'KubeCon "EU" 2025', date: '2025-04-01T09:00:00+02:00', format: 'yaml' });
    assert.strictEqual(
      yaml.text,
      '---\ntitle: "KubeCon \\"EU\\" 2025"\ndate: 2025-04-01T09:00:00+02:00\ndescription: ""\ntoc: true\ncategories: []\ntags: []\ndraft: true\n---\n\n## Day01\n',
    );
    assert.deepStrictEqual(yaml.cursor, { line: 11, character: 0 });
    const toml = newNoteText({ name: 'KubeCon EU 2025', date: '2025-04-01T09:00:00+02:00', format: 'toml', includeDate: true, startDate: '2025-04-01', eol: '\r\n' });
    assert.strictEqual(
      toml.text,
      '+++\r\ntitle = "KubeCon EU 2025"\r\ndate = 2025-04-01T09:00:00+02:00\r\ndescription = ""\r\ntoc = true\r\ncategories = []\r\ntags = []\r\ndraft = true\r\n+++\r\n\r\n## Day01 (2025-04-01)\r\n',
    );
  });
});

describe('capture on parsed notes (fixtures)', () => {
  const read = (name: string) => fs.readFileSync(path.join(__dirname, '../../../fixtures/capture', name), 'utf8');
  // The notes model is the real parser's.
  const summit = read('summit.md');
  const lines = summit.split('\n');
  const lineOf = (text: string) => lines.indexOf(text) + 1;

  it('puts a new talk after the talk under the cursor and numbers keynotes in the day', () => {
    const m = parseNotes(summit);
    const cursor = lineOf('- spans over message brokers');
    const place = placeTalk(summit, m, cursor);
    assert.strictEqual(place.after, lineOf('[//]: # (ask about the \\(beta\\) flag)') - 3, 'after the talk’s last line, before the hidden draft');
    assert.strictEqual(keynoteNumberFor(m, place.day), 3);
    const heading = formatTalkHeading({ title: 'Edge caches', speakers: ['Ada'], company: 'Acme' });
    const ins = insertTalkHeading(summit, m, cursor, heading);
    const out = apply(summit, ins.edit);
    const outLines = out.split('\n');
    assert.strictEqual(outLines[ins.cursor.line - 1], heading);
    assert.strictEqual(outLines[ins.cursor.line], '');
    // The new talk parses back as a talk with its speakers.
    const again = parseNotes(out);
    const t = again.days[0].talks.find((x) => x.title === 'Edge caches');
    assert.ok(t, 'the new heading is a talk of Day01');
    assert.deepStrictEqual(t.speakers, ['Ada']);
    assert.strictEqual(t.company, 'Acme');
  });

  it('writes headings the notes model reads back: speakers, company and kind', () => {
    const cases: Array<[Parameters<typeof formatTalkHeading>[0], { speakers: string[]; company: string | null; kind: string | null }]> = [
      [
        { title: 'Mesh upgrades', speakers: ['Ada Lovelace', 'Grace Hopper'], company: 'Acme' },
        { speakers: ['Ada Lovelace', 'Grace Hopper'], company: 'Acme', kind: null },
      ],
      [
        { title: 'Tiny tools', speakers: ['Linus Park'], kind: 'lightning talk' },
        { speakers: ['Linus Park'], company: null, kind: 'Lightning talk' },
      ],
      [
        { title: 'Opening', speakers: [], kind: 'keynote', n: 4 },
        { speakers: [], company: null, kind: 'Keynote' },
      ],
      [
        { title: 'Docs sprint', speakers: [], kind: 'contribfest' },
        { speakers: [], company: null, kind: 'ContribFest' },
      ],
    ];
    for (const [input, want] of cases) {
      const text = `## Day01\n\n${formatTalkHeading(input)}\n\nbody\n`;
      const talk = parseNotes(text).days[0]?.talks[0];
      assert.ok(talk, text);
      assert.deepStrictEqual({ speakers: talk.speakers, company: talk.company, kind: talk.kind }, want, text);
    }
  });

  it('adds the next day after the last one', () => {
    const m = parseNotes(summit);
    const ins = insertDayHeading(summit, m, { today: '2031-05-08' });
    const out = apply(summit, ins.edit);
    assert.strictEqual(out, summit.replace(/- demo: \[demo\]\(\)\n$/, '- demo: [demo]()\n\n## Day03\n'));
    assert.deepStrictEqual(
      parseNotes(out).days.map((d) => d.title),
      ['Day01', 'Day02', 'Day03'],
    );
  });

  it('follows a plain `Day03:` line with `Day04:`', () => {
    const draft = read('day-draft.md');
    const m = parseNotes(draft);
    assert.strictEqual(nextDayHeading(m, { today: 'x' }), 'Day04:');
    const out = apply(draft, insertDayHeading(draft, m, { today: 'x' }).edit);
    assert.ok(out.endsWith('Notes on the opening.\n\nDay04:\n'), out);
  });

  it('fills every link placeholder the notes model finds', () => {
    const m = parseNotes(summit);
    const url = 'https://example.com/x';
    const results = m.todos
      .filter((t) => t.kind !== 'hidden')
      .map((t) => {
        const line = lines[t.line - 1];
        const r = placeholderReplacement(line, t, t.column - 1, url);
        return r ? line.slice(0, r.start) + r.newText + line.slice(r.end) : `unresolved: ${t.text}`;
      });
    assert.deepStrictEqual(results, [
      `- Slides: [slides](${url})`,
      `The handbook they mentioned [link](${url})`,
      `[link](${url})`,
      `- recording [slides](${url})`,
      `- demo: [demo](${url})`,
    ]);
  });

  it('toggles the hidden drafts of the fixture and back', () => {
    const from = lineOf('[//]: # (### Rust for operators - Ivo Brandt)') - 1;
    const res = toggleHiddenDraft(summit, from, from + 1);
    assert.strictEqual(res.action, 'show');
    const shown = apply(summit, res.edits);
    assert.ok(shown.includes('\n### Rust for operators - Ivo Brandt\nask about the (beta) flag\n'));
    assert.strictEqual(apply(shown, toggleHiddenDraft(shown, from, from + 1).edits), summit);
  });
});
