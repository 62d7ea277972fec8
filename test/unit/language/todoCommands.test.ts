import * as assert from 'assert';
import { applyEdits, type Range } from '../../../src/core/document';
import type { TodoCountOptions } from '../../../src/core/notes/todos';
import { resolvePrompt, TodoCommands, urlToOffer } from '../../../src/language/todoCommands';
import { InMemoryDocument, MemoryAnalyses } from '../../support/language';

/** The commands with in-memory analyses and the two settings as given. */
function commands(settings: { format?: string; counts?: TodoCountOptions; patterns?: string[] } = {}): TodoCommands {
  const analyses = new MemoryAnalyses({ todoPatterns: settings.patterns });
  return new TodoCommands({
    analysisOf: (doc) => analyses.analysisOf(doc),
    todoLinkFormat: () => settings.format ?? '[slides](TODO)',
    todoCountOptions: () => settings.counts ?? {},
  });
}

let notes = 0;
const doc = (text: string) => new InMemoryDocument(`file:///notes/todo${++notes}.md`, text);
const at = (line: number, character: number) => ({ line, character });
const span = (line: number, from: number, to: number): Range => ({ start: at(line, from), end: at(line, to) });

describe('language/todoCommands: TODO links, built with in-memory services', () => {
  describe('Insert TODO Link', () => {
    it('writes the placeholder at the cursor (the selection as its text), the cursor after it', () => {
      const text = '### T\n\n- slides: \n- the recording\n';
      const todos = commands();
      const atCursor = todos.insertTodoLinks(doc(text), [span(2, 10, 10)]);
      const after = applyEdits(text, atCursor.edits);
      assert.strictEqual(after, '### T\n\n- slides: [slides](TODO)\n- the recording\n');
      assert.deepStrictEqual(atCursor.cursors, [after.indexOf('(TODO)') + '(TODO)'.length]);
      const selected = todos.insertTodoLinks(doc(text), [span(3, 2, 15)]);
      assert.strictEqual(applyEdits(text, selected.edits), '### T\n\n- slides: \n- [the recording](TODO)\n');
    });

    it('puts one at each cursor, and each cursor after its own placeholder in the new text', () => {
      const text = 'a \nb \r\nc \n';
      const r = commands({ format: '[{text}]()' }).insertTodoLinks(doc(text), [span(2, 2, 2), span(0, 2, 2), span(1, 2, 2)]);
      const after = applyEdits(text, r.edits);
      assert.strictEqual(after, 'a [slides]()\nb [slides]()\r\nc [slides]()\n');
      assert.deepStrictEqual(
        r.cursors.map((o) => after.slice(o - 4, o + 1)),
        ['s]()\n', 's]()\r', 's]()\n'],
        'in document order, each right after its placeholder (CRLF kept)',
      );
    });
  });

  describe('Resolve TODO Link…', () => {
    it('finds the link at the cursor (never a hidden note) and says why others cannot be resolved', () => {
      const note = doc('- the slides: [slides](TODO) and more\n\n[//]: # (TODO ask about the quota)\n\n- QUESTION: why the quota\n');
      const todos = commands({ patterns: ['QUESTION'] });
      const slides = todos.todoAt(note, at(0, 20));
      assert.strictEqual(slides?.text, '[slides](TODO)');
      assert.strictEqual(todos.notResolvable(note, slides), undefined);
      assert.strictEqual(todos.todoAt(note, at(2, 12)), undefined, 'a hidden note is no link placeholder');
      const question = todos.todoAt(note, at(4, 20));
      assert.strictEqual(question?.text, 'QUESTION', 'the nearest on the line (talkCapture.todoPatterns)');
      assert.strictEqual(todos.notResolvable(note, question), '“QUESTION” is not a link placeholder; edit it by hand.');
      const hidden = todos.refind(note, { text: 'TODO ask about the quota', line: 3, column: 10 });
      assert.strictEqual(hidden?.kind, 'hidden');
      assert.strictEqual(todos.notResolvable(note, hidden), 'that is a hidden note, not a link placeholder.');
    });

    it('fills only the destination of a placeholder (title and angle brackets kept); (link) and TODO lines become links', () => {
      const todos = commands();
      const resolve = (text: string, cursor: { line: number; character: number }, url: string) => {
        const note = doc(text);
        const todo = todos.todoAt(note, cursor);
        assert.ok(todo, `a TODO at ${cursor.line}:${cursor.character}`);
        const r = todos.resolveEdit(note, todo, url);
        assert.ok(r);
        const after = applyEdits(text, [r.edit]);
        return { after, end: r.end };
      };
      const titled = resolve('- [slides](TODO "the deck") after the break\n', at(0, 5), ' https://example.com/deck.pdf ');
      assert.strictEqual(titled.after, '- [slides](https://example.com/deck.pdf "the deck") after the break\n');
      assert.deepStrictEqual(titled.end, at(0, '- [slides](https://example.com/deck.pdf'.length), 'the cursor goes after the URL');
      assert.strictEqual(resolve('- [video](<TODO>) later\n', at(0, 5), 'https://example.com/video').after, '- [video](<https://example.com/video>) later\n');
      assert.strictEqual(resolve('The handbook (link)\n', at(0, 15), 'https://example.com/handbook').after, 'The handbook [link](https://example.com/handbook)\n');
      const marker = resolve("intro\r\n\r\nTODO: will add link when it's published\r\n", at(2, 3), 'https://example.com/recording');
      assert.strictEqual(marker.after, 'intro\r\n\r\n[link](https://example.com/recording)\r\n', 'a sentence after TODO: is never the link text');
      assert.deepStrictEqual(marker.end, at(2, '[link](https://example.com/recording)'.length));
    });

    it('finds the item again in a later version of the note, and edits nothing once it is gone', () => {
      const todos = commands();
      const first = new InMemoryDocument('file:///notes/versions.md', '- [slides](TODO)\n');
      const todo = todos.todoAt(first, at(0, 4));
      assert.ok(todo);
      const typed = '# Added while the URL was typed\n\n- [slides](TODO)\n';
      const second = new InMemoryDocument(first.uri, typed, first.version + 1);
      const r = todos.resolveEdit(second, todo, 'https://example.com/s');
      assert.ok(r);
      assert.strictEqual(applyEdits(typed, [r.edit]), '# Added while the URL was typed\n\n- [slides](https://example.com/s)\n');
      const gone = new InMemoryDocument(first.uri, '- slides written by hand\n', first.version + 2);
      assert.strictEqual(todos.resolveEdit(gone, todo, 'https://example.com/s'), undefined);
      assert.strictEqual(todos.resolveEdit(second, todo, 'javascript:alert(1)'), undefined, 'no unsafe URL');
    });

    it('from the TODO Links view: the item found again nearest to its old place', () => {
      const note = doc('- [slides](TODO)\n- [slides](TODO)\n\n- [slides](TODO)\n');
      const found = commands().refind(note, { text: '[slides](TODO)', line: 5, column: 3 });
      assert.deepStrictEqual([found?.line, found?.column], [4, 3]);
      assert.strictEqual(commands().refind(note, { text: '[video](TODO)', line: 1, column: 3 }), undefined);
    });

    it('offers the clipboard’s URL, else the session page (asked only then), else nothing; the question shortens a long item', async () => {
      let asked = 0;
      const page = () => {
        asked++;
        return Promise.resolve('https://conf.example/session/1');
      };
      assert.strictEqual(await urlToOffer('https://example.com/slides.pdf', page), 'https://example.com/slides.pdf');
      assert.strictEqual(asked, 0);
      assert.strictEqual(await urlToOffer('not a url', page), 'https://conf.example/session/1');
      assert.strictEqual(await urlToOffer('', () => Promise.resolve(undefined)), '');
      assert.strictEqual(resolvePrompt({ text: '[slides](TODO)', line: 12 }), 'URL for [slides](TODO) (line 12)');
      assert.strictEqual(resolvePrompt({ text: `TODO: ${'x'.repeat(80)}`, line: 3 }), `URL for TODO: ${'x'.repeat(53)}… (line 3)`);
    });
  });

  describe('Go to Next/Previous TODO', () => {
    const text = 'a [slides](TODO)\n\nb (link)\n\n[//]: # (TODO ask about the quota)\n\nTODO: check\n';
    const selected = (r: { range: Range } | undefined) => r && doc(text).lineText(r.range.start.line).slice(r.range.start.character, r.range.end.character);

    it('selects each item in turn, round the ends, and says which it is', () => {
      const todos = commands();
      const note = doc(text);
      const first = todos.adjacent(note, at(0, 0), 'next');
      assert.deepStrictEqual([selected(first), first?.status], ['[slides](TODO)', 'TODO 1 of 3']);
      const second = todos.adjacent(note, first!.range.start, 'next');
      assert.deepStrictEqual([selected(second), second?.status], ['(link)', 'TODO 2 of 3']);
      const third = todos.adjacent(note, second!.range.start, 'next');
      assert.deepStrictEqual([selected(third), third?.status], ['TODO: check', 'TODO 3 of 3'], 'past the hidden note');
      const round = todos.adjacent(note, third!.range.start, 'next');
      assert.deepStrictEqual([selected(round), round?.status], ['[slides](TODO)', 'TODO 1 of 3 (from the top)']);
      const back = todos.adjacent(note, round!.range.start, 'previous');
      assert.deepStrictEqual([selected(back), back?.status], ['TODO: check', 'TODO 3 of 3 (from the bottom)']);
      assert.deepStrictEqual(back?.range, span(6, 0, 11));
    });

    it('counts the hidden note with talkCapture.todos.includeHiddenDrafts; says nothing in a note without TODOs', () => {
      const todos = commands({ counts: { includeHidden: true } });
      const next = todos.adjacent(doc(text), at(2, 5), 'next');
      assert.deepStrictEqual([selected(next), next?.status], ['TODO ask about the quota', 'TODO 3 of 4']);
      assert.strictEqual(todos.adjacent(doc('# Nothing to do\n'), at(0, 0), 'next'), undefined);
    });
  });
});
