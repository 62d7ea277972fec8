import * as assert from 'assert';
import { parseNotes } from '../../../src/core/notes/parse';
import { compileDayPattern, isDayHeading } from '../../../src/core/notes/dayHeading';
import { compileTodoPatterns } from '../../../src/core/notes/todos';
import { compileUserPattern, MAX_USER_PATTERN_LENGTH, refusedPatternMessages } from '../../../src/core/userPattern';

const A30 = 'a'.repeat(30);

describe('trust: user patterns run in linear time', () => {
  it('a nested repetition against 30 a and a b finishes with the right answer (it backtracked for a minute before)', () => {
    const day = compileDayPattern('^(a+)+$');
    assert.ok(day, 'the pattern itself is fine: it is compiled, not refused');
    assert.strictEqual(isDayHeading(A30 + 'b', day), false);
    assert.strictEqual(isDayHeading(A30, day), true);
    const note = [`## ${A30}`, '', '### Talk One - Ada Lovelace, Acme', '', `## ${A30}b`, '', '### Talk Two - Grace Hopper, Navy', ''].join('\n');
    const m = parseNotes(note, { dayHeadingPattern: '^(a+)+$' });
    assert.deepStrictEqual(
      m.days.map((d) => d.title),
      [A30],
    );
    // the heading with the b is not a day: it stays a heading inside the first day
    assert.deepStrictEqual(
      m.days[0].talks.map((t) => [t.title, t.line]),
      [
        ['Talk One', 3],
        ['Talk Two', 7],
      ],
    );
    assert.deepStrictEqual(
      m.days[0].groups.map((g) => g.title),
      [`${A30}b`],
    );
    // without the setting neither heading is a day
    assert.deepStrictEqual(parseNotes(note).days, []);
  });

  it('a pathological TODO pattern finds its matches on a long line without backtracking', () => {
    const { extra, invalid } = compileTodoPatterns(['(x+x+)+y', 'NOTE:']);
    assert.deepStrictEqual(invalid, []);
    const line = 'x'.repeat(5000) + ' NOTE: ask about the demo';
    const m = parseNotes(`# Notes\n\n${line}\n\n${'x'.repeat(40)}y\n`, { todoPatterns: ['(x+x+)+y', 'NOTE:'] });
    assert.deepStrictEqual(
      m.todos.map((t) => [t.line, t.kind, t.text.slice(0, 12)]),
      [
        [3, 'todo', 'NOTE:'],
        [5, 'todo', 'xxxxxxxxxxxx'],
      ],
    );
    assert.strictEqual(extra.length, 2);
  });

  it('global patterns walk every match with lastIndex, as a g RegExp does, with UTF-16 offsets', () => {
    const r = compileUserPattern('b+', { global: true });
    assert.ok(r.ok);
    const text = '😀ab bb';
    const found: Array<[string, number]> = [];
    for (let m = r.pattern.exec(text); m; m = r.pattern.exec(text)) found.push([m[0], m.index]);
    assert.deepStrictEqual(found, [
      ['b', 3],
      ['bb', 5],
    ]);
    assert.strictEqual(r.pattern.lastIndex, 0);
  });

  it('keeps the JavaScript spellings users write: case-insensitive days, named groups, \\p{L}', () => {
    const day = compileDayPattern('^(?<n>tag|jour)\\s*\\d+');
    assert.ok(day);
    assert.strictEqual(isDayHeading('Tag 2', day), true);
    assert.strictEqual(isDayHeading('JOUR 3', day), true);
    assert.strictEqual(isDayHeading('Day 3', day), false);
    const letters = compileUserPattern('^\\p{L}+$');
    assert.ok(letters.ok && letters.pattern.test('Überblick') && !letters.pattern.test('a1'));
  });

  it('refuses what it cannot run, with a reason the editor shows', () => {
    const reason = (src: string) => {
      const r = compileUserPattern(src);
      return r.ok ? '' : r.reason;
    };
    assert.match(reason('(a)\\1'), /backreference/);
    assert.match(reason('(?<x>a)\\k<x>'), /backreference/);
    assert.match(reason('day(?=\\d)'), /lookahead/);
    assert.match(reason('(?<!x)day'), /lookbehind/);
    assert.match(reason('[day'), /not a valid pattern: missing closing \]/);
    assert.match(reason('a{2000}'), /not a valid pattern: invalid repeat count/);
    assert.match(reason('x'.repeat(MAX_USER_PATTERN_LENGTH + 1)), /longer than the 500/);
    assert.match(reason('(?:(?:(?:a{1,50}){1,50}){1,50})'), /too complex|invalid repeat count/);
    // escaped and bracketed look-alikes are fine
    assert.strictEqual(reason('\\(?=x\\)'), '');
    assert.strictEqual(reason('[(?=]'), '');
    assert.strictEqual(compileDayPattern('day(?=\\d)'), undefined, 'a refused day pattern leaves the built-in rules');
    assert.deepStrictEqual(compileTodoPatterns(['ok', '(a)\\1']).invalid, ['(a)\\1']);
  });

  it('the messages name the setting, the reason and the pattern', () => {
    const messages = refusedPatternMessages({ dayHeadingPattern: 'day(?!x)', todoPatterns: ['FOLLOW-UP', '(', 42] });
    assert.deepStrictEqual(messages, [
      'The pattern in talkCapture.dayHeadingPattern was refused: a lookahead ((?!…) is not supported; match the text itself instead (pattern: day(?!x)). The built-in day rules are used.',
      'The pattern in talkCapture.todoPatterns was refused: not a valid pattern: missing closing ): `(` (pattern: (). It is skipped.',
    ]);
    assert.deepStrictEqual(refusedPatternMessages({ dayHeadingPattern: '', todoPatterns: [] }), []);
  });
});
