import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import matter from 'gray-matter';
import { applyEdits, InMemoryDocument, type TextEdit } from '../../../../src/core/document';
import { addToLists, dateShape, openFrontMatter, readFrontMatter, setDateNow, setDraft } from '../../../../src/core/frontmatter/fields';

// js-yaml (gray-matter's YAML engine) is the independent reader the YAML data is checked against.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsYaml = require('js-yaml') as { load(s: string, o: { schema: unknown }): unknown; CORE_SCHEMA: unknown };

const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'frontmatter');
const NOW = new Date('2026-01-02T03:04:05.678Z');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

interface Fixture {
  name: string;
  text: string;
}

/** Every fixture, plus CRLF and BOM variants of the LF ones written without either. */
function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const name of fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const text = read(name);
    out.push({ name, text });
    if (!text.includes('\r\n')) out.push({ name: `${name} (CRLF)`, text: text.replace(/\n/g, '\r\n') });
    if (!text.startsWith('\ufeff')) out.push({ name: `${name} (BOM)`, text: '\ufeff' + text });
  }
  return out;
}

function apply(text: string, result: { ok: boolean; edits?: TextEdit[]; message?: string }): string {
  assert.ok(result.ok, `edit failed: ${result.message}`);
  return applyEdits(text, result.edits!);
}

/** Offsets of the first and last changed characters of `edits` (their span in `text`). */
function editSpan(text: string, edits: readonly TextEdit[]): { start: number; end: number } {
  const doc = new InMemoryDocument('t', text);
  return {
    start: Math.min(...edits.map((e) => doc.offsetAt(e.range.start))),
    end: Math.max(...edits.map((e) => doc.offsetAt(e.range.end))),
  };
}

const bareLf = (s: string) => (s.match(/(^|[^\r])\n/g) ?? []).length;

/** Checks what every edit must keep: text outside the edits, the body, the line endings, a readable result. */
function assertTargeted(before: string, edits: readonly TextEdit[], after: string): void {
  const span = editSpan(before, edits);
  assert.strictEqual(after.slice(0, span.start), before.slice(0, span.start), 'text before the edit is kept');
  assert.strictEqual(after.slice(after.length - (before.length - span.end)), before.slice(span.end), 'text after the edit is kept');
  const block = openFrontMatter(before);
  assert.ok(block.ok);
  assert.ok(span.end <= block.source.block.contentEnd, 'edits stay inside the front matter');
  if (before.includes('\r\n')) assert.strictEqual(bareLf(after), bareLf(before), 'no LF-only line break added to a CRLF note');
  else assert.ok(!after.includes('\r'), 'no CR added to an LF note');
  assert.strictEqual(after.startsWith('\ufeff'), before.startsWith('\ufeff'), 'BOM kept');
  assert.ok(openFrontMatter(after).ok, `the result reads back:\n${after}`);
}

const dataOf = (text: string) => {
  const r = openFrontMatter(text);
  assert.ok(r.ok, r.ok ? '' : r.error.reason);
  return JSON.parse(JSON.stringify(r.source.data)) as Record<string, unknown>;
};

/** The data without `keys` (case-insensitive), to compare what must not change. */
function without(data: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !keys.includes(k.toLowerCase())));
}

function keyOf(data: Record<string, unknown>, key: string): string | undefined {
  return Object.keys(data).find((k) => k.toLowerCase() === key);
}

describe('front matter', () => {
  const all = fixtures();

  it('has at least 30 fixtures of both formats', () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));
    assert.ok(files.filter((f) => f.startsWith('yaml-')).length >= 15, 'YAML fixtures');
    assert.ok(files.filter((f) => f.startsWith('toml-')).length >= 15, 'TOML fixtures');
    assert.ok(files.length >= 30);
    assert.ok(
      files.some((f) => read(f).includes('\r\n')),
      'a CRLF fixture',
    );
    assert.ok(
      files.some((f) => read(f).startsWith('\ufeff')),
      'a BOM fixture',
    );
  });

  describe('round trip', () => {
    for (const { name, text } of all) {
      it(`${name}: reads, and writes back nothing when nothing changes`, () => {
        const opened = openFrontMatter(text);
        assert.ok(opened.ok, opened.ok ? '' : opened.error.reason);
        const fm = opened.source;
        assert.strictEqual(fm.format, name.startsWith('yaml-') ? 'yaml' : 'toml');
        // Writing back the same values produces no edit at all: the bytes stay identical.
        const draftKey = keyOf(fm.data, 'draft');
        if (draftKey && typeof fm.data[draftKey] === 'boolean') {
          const same = setDraft(text, fm.data[draftKey] as boolean);
          assert.ok(same.ok && same.edits.length === 0 && !same.changed);
          assert.strictEqual(apply(text, same), text);
        }
        for (const field of ['tags', 'categories']) {
          const list = fm.list(field);
          if (list.kind !== 'found') continue;
          const same = addToLists(text, [{ field, values: list.field.items.map((i) => i.value) }]);
          assert.ok(same.ok);
          assert.deepStrictEqual(same.edits, []);
          assert.deepStrictEqual(same.added, []);
          assert.strictEqual(apply(text, same), text);
        }
        assert.deepStrictEqual(readFrontMatter(text).data, fm.data);
      });

      if (name.startsWith('yaml-')) {
        it(`${name}: reads the same data as gray-matter with js-yaml`, () => {
          const expected = matter(text.replace(/^\ufeff/, ''), {
            engines: { yaml: (s: string) => jsYaml.load(s, { schema: jsYaml.CORE_SCHEMA }) as object },
          }).data;
          assert.deepStrictEqual(dataOf(text), JSON.parse(JSON.stringify(expected)));
        });
      }

      it(`${name}: toggling draft twice gives back the identical bytes`, () => {
        const once = setDraft(text);
        assert.ok(once.ok, once.ok ? '' : once.message);
        const after = apply(text, once);
        assertTargeted(text, once.edits, after);
        const data = dataOf(after);
        const key = keyOf(data, 'draft')!;
        assert.strictEqual(once.draft, data[key] === true || data[key] === 'true' || data[key] === 'yes');
        assert.deepStrictEqual(without(data, 'draft'), without(dataOf(text), 'draft'));
        const twice = setDraft(after);
        assert.ok(twice.ok);
        const back = apply(after, twice);
        if (keyOf(dataOf(text), 'draft')) assert.strictEqual(back, text);
        else assert.strictEqual(twice.draft, false);
      });

      it(`${name}: sets the date in its own format, and only the date`, () => {
        const result = setDateNow(text, NOW, 90);
        assert.ok(result.ok, result.ok ? '' : result.message);
        const after = apply(text, result);
        assertTargeted(text, result.edits, after);
        const before = dataOf(text);
        const data = dataOf(after);
        assert.deepStrictEqual(without(data, 'date'), without(before, 'date'));
        const opened = openFrontMatter(text);
        const field = opened.ok ? opened.source.scalar('date') : undefined;
        const oldShape = field?.kind === 'found' ? dateShape(field.field.raw) : null;
        if (oldShape) {
          const newShape = dateShape(result.date)!;
          assert.deepStrictEqual({ ...newShape, zone: newShape.zone === 'colon' && oldShape.zone === 'Z' ? 'Z' : newShape.zone }, oldShape);
        }
        assert.ok(result.date.startsWith('2026-01-02'), result.date);
        // Running it again with the same clock changes nothing.
        const again = setDateNow(after, NOW, 90);
        assert.ok(again.ok);
        assert.strictEqual(apply(after, again), after);
      });

      it(`${name}: adds tags and categories in the list's own style, keeping every existing item`, () => {
        const beforeData = dataOf(text);
        const result = addToLists(text, [
          { field: 'tags', values: ['OpenTelemetry', 'Argo CD', 'c++: fast'] },
          { field: 'categories', values: ['OpenTelemetry'] },
        ]);
        if (!result.ok) {
          // Only fixtures whose lists hold something else than plain items may refuse.
          assert.match(result.message, /not a list|nested/);
          return;
        }
        const after = apply(text, result);
        assertTargeted(text, result.edits, after);
        const data = dataOf(after);
        assert.deepStrictEqual(without(data, 'tags', 'categories', 'also'), without(beforeData, 'tags', 'categories', 'also'));
        for (const { field, values } of result.added) {
          const key = keyOf(data, field.toLowerCase())!;
          const old = (beforeData[key] as string[] | null | undefined) ?? [];
          assert.deepStrictEqual(data[key], [...old, ...values], `${field} is the old list plus the added values`);
        }
        // Adding the same again is a no-op.
        const again = addToLists(after, [
          { field: 'tags', values: ['OpenTelemetry', 'Argo CD', 'c++: fast'] },
          { field: 'categories', values: ['OpenTelemetry'] },
        ]);
        assert.ok(again.ok);
        assert.deepStrictEqual(again.edits, []);
      });
    }
  });

  describe('exact results', () => {
    const tags = (text: string, values: string[], field = 'tags') => apply(text, addToLists(text, [{ field, values }]));

    it('appends to a block list with its indentation, after an item comment', () => {
      assert.strictEqual(
        tags('---\ntitle: T\ntags:\n    - a # first\n    - b\n# end\n---\nBody\n', ['C', 'd e']),
        '---\ntitle: T\ntags:\n    - a # first\n    - b\n    - C\n    - d e\n# end\n---\nBody\n',
      );
      assert.strictEqual(tags('---\ntags:\n- a\n---\n', ['b']), '---\ntags:\n- a\n- b\n---\n');
    });

    it('keeps the quoting of the existing items and quotes what needs it', () => {
      assert.strictEqual(tags("---\ntags:\n  - 'a'\n---\n", ["it's"]), "---\ntags:\n  - 'a'\n  - 'it''s'\n---\n");
      assert.strictEqual(tags('---\ntags: ["a"]\n---\n', ['b']), '---\ntags: ["a", "b"]\n---\n');
      assert.strictEqual(tags('---\ntags: [a]\n---\n', ['true', 'x, y', '#k', '42']), '---\ntags: [a, "true", "x, y", "#k", "42"]\n---\n');
      assert.strictEqual(tags("+++\ntags = ['a']\n+++\n", ['b', "it's"]), "+++\ntags = ['a', 'b', \"it's\"]\n+++\n");
    });

    it('appends to single-line and multi-line flow lists and TOML arrays', () => {
      assert.strictEqual(tags('---\ntags: [a,b]\n---\n', ['c']), '---\ntags: [a,b,c]\n---\n');
      assert.strictEqual(tags('---\ntags: [a, b,]\n---\n', ['c']), '---\ntags: [a, b, c,]\n---\n');
      assert.strictEqual(tags('---\ntags: [\n  a,\n  b\n]\n---\n', ['c']), '---\ntags: [\n  a,\n  b,\n  c\n]\n---\n');
      assert.strictEqual(tags('+++\ntags = [\n  "a", # x\n  "b", # y\n]\n+++\n', ['c']), '+++\ntags = [\n  "a", # x\n  "b", # y\n  "c",\n]\n+++\n');
      assert.strictEqual(tags('+++\ntags = [\n  "a",\n  "b" # y\n]\n+++\n', ['c']), '+++\ntags = [\n  "a",\n  "b", # y\n  "c"\n]\n+++\n');
      assert.strictEqual(tags('+++\ntags = [\n  "a",\n  "b"]\n+++\n', ['c']), '+++\ntags = [\n  "a",\n  "b",\n  "c"]\n+++\n');
      assert.strictEqual(tags('+++\ntags = []\n+++\n', ['c']), '+++\ntags = ["c"]\n+++\n');
    });

    it('fills an empty key and creates missing fields next to their sibling', () => {
      assert.strictEqual(tags('---\ntags:\ndraft: true\n---\n', ['a']), '---\ntags:\n  - a\ndraft: true\n---\n');
      assert.strictEqual(tags('---\ntags: ~\n---\n', ['a']), '---\ntags: [a]\n---\n');
      assert.strictEqual(
        apply(
          '---\ntitle: T\ntags:\n- a\nweight: 2\n---\n',
          addToLists('---\ntitle: T\ntags:\n- a\nweight: 2\n---\n', [
            { field: 'tags', values: ['b'] },
            { field: 'categories', values: ['b'] },
          ]),
        ),
        '---\ntitle: T\ntags:\n- a\n- b\ncategories:\n- b\nweight: 2\n---\n',
      );
      assert.strictEqual(
        apply('+++\ntitle = "T"\n\n[params]\nx = 1\n+++\n', addToLists('+++\ntitle = "T"\n\n[params]\nx = 1\n+++\n', [{ field: 'tags', values: ['a'] }])),
        '+++\ntitle = "T"\ntags = ["a"]\n\n[params]\nx = 1\n+++\n',
      );
      assert.strictEqual(tags('---\n---\nBody\n', ['a']), '---\ntags:\n  - a\n---\nBody\n');
    });

    it('skips values already present in any case', () => {
      const r = addToLists('---\ntags: [Argo CD, kubernetes]\n---\n', [{ field: 'tags', values: ['argo cd', 'Kubernetes', 'Helm', 'helm'] }]);
      assert.ok(r.ok);
      assert.deepStrictEqual(r.added, [{ field: 'tags', values: ['Helm'] }]);
      assert.strictEqual(applyEdits('---\ntags: [Argo CD, kubernetes]\n---\n', r.edits), '---\ntags: [Argo CD, kubernetes, Helm]\n---\n');
    });

    it('flips draft in the way it is written and adds it after the date', () => {
      const flip = (t: string) => apply(t, setDraft(t));
      assert.strictEqual(flip('---\ndraft: true # wip\n---\n'), '---\ndraft: false # wip\n---\n');
      assert.strictEqual(flip('---\nDraft: True\n---\n'), '---\nDraft: False\n---\n');
      assert.strictEqual(flip("---\ndraft: 'false'\n---\n"), "---\ndraft: 'true'\n---\n");
      assert.strictEqual(flip('+++\ndraft=false\n+++\n'), '+++\ndraft=true\n+++\n');
      assert.strictEqual(flip('---\ntitle: T\ndate: 2024-01-01\ntags: [a]\n---\n'), '---\ntitle: T\ndate: 2024-01-01\ndraft: true\ntags: [a]\n---\n');
      assert.strictEqual(flip('+++\r\ntitle = "T"\r\ntags = ["a"]\r\n+++\r\n'), '+++\r\ntitle = "T"\r\ndraft = true\r\ntags = ["a"]\r\n+++\r\n');
      assert.strictEqual(flip('---\ndraft:\ntitle: T\n---\n'), '---\ndraft: true\ntitle: T\n---\n');
      const set = setDraft('---\ndraft: false\n---\n', false);
      assert.ok(set.ok && set.edits.length === 0);
    });

    it('writes the date with the local offset in the existing format', () => {
      const date = (t: string, offset: number) => apply(t, setDateNow(t, NOW, offset));
      assert.strictEqual(date('---\ndate: 2024-01-01T10:00:00+02:00\n---\n', 120), '---\ndate: 2026-01-02T05:04:05+02:00\n---\n');
      assert.strictEqual(date('---\ndate: 2024-01-01T10:00:00+02:00\n---\n', -300), '---\ndate: 2026-01-01T22:04:05-05:00\n---\n');
      assert.strictEqual(date('---\ndate: "2024-01-01"\n---\n', 0), '---\ndate: "2026-01-02"\n---\n');
      assert.strictEqual(date('---\ndate: 2024-01-01T10:00:00Z\n---\n', 0), '---\ndate: 2026-01-02T03:04:05Z\n---\n');
      assert.strictEqual(date('---\ndate: 2024-01-01T10:00:00.25+0200\n---\n', 60), '---\ndate: 2026-01-02T04:04:05.67+0100\n---\n');
      assert.strictEqual(date('---\ndate: 2024-01-01T10:00:00Z\n---\n', 330), '---\ndate: 2026-01-02T08:34:05+05:30\n---\n');
      assert.strictEqual(date('+++\ndate = 2024-01-01 10:00:00.5+02:00 # when\n+++\n', 60), '+++\ndate = 2026-01-02 04:04:05.6+01:00 # when\n+++\n');
      assert.strictEqual(date("+++\ndate = '2024-01-01T10:00'\n+++\n", 60), "+++\ndate = '2026-01-02T04:04'\n+++\n");
      assert.strictEqual(date('---\ntitle: T\ndraft: true\n---\n', 60), '---\ntitle: T\ndate: 2026-01-02T04:04:05+01:00\ndraft: true\n---\n');
      assert.strictEqual(date('---\ndate:\n---\n', 60), '---\ndate: 2026-01-02T04:04:05+01:00\n---\n');
      const wrong = setDateNow('---\ndate: soon\n---\n', NOW, 0);
      assert.ok(!wrong.ok);
      assert.match(wrong.message, /line 2: `date` is `soon`/);
    });
  });

  describe('bad input: a clear message naming the line, and nothing written', () => {
    const cases: Array<[string, 'draft' | 'date' | 'tags', number, RegExp]> = [
      ['yaml-syntax-error.md', 'tags', 3, /`\[` list is not closed/],
      ['yaml-duplicate-keys.md', 'draft', 6, /duplicate key `tags`/],
      ['yaml-tags-string.md', 'tags', 3, /`tags` is a single text, not a list/],
      ['yaml-tab-indent.md', 'date', 4, /tabs are not allowed/i],
      ['yaml-not-closed.md', 'draft', 1, /never closed/],
      ['yaml-not-mapping.md', 'tags', 2, /not a list of `key: value` lines/],
      ['yaml-nested-tags.md', 'tags', 5, /nested list or mapping/],
      ['toml-syntax-error.md', 'draft', 2, /string is not closed/],
      ['toml-duplicate-keys.md', 'draft', 4, /duplicate key/],
      ['toml-tags-string.md', 'tags', 3, /`tags` is a single text, not a list/],
      ['toml-table-array-tags.md', 'tags', 4, /array of tables \(`\[\[tags\]\]`\)/],
      ['toml-table-tags.md', 'tags', 3, /a table \(`\[tags\]`\)/],
      ['toml-not-closed.md', 'tags', 1, /`\+\+\+` is never closed/],
      ['no-front-matter.md', 'draft', 1, /no front matter/],
      ['draft-not-bool.md', 'draft', 3, /`draft` is `maybe`, not true or false/],
      ['date-not-date.md', 'date', 3, /`date` is `next tuesday`/],
    ];
    it('covers every bad fixture', () => {
      assert.deepStrictEqual(fs.readdirSync(path.join(FIXTURES, 'bad')).sort(), cases.map((c) => c[0]).sort());
    });
    for (const [file, op, line, reason] of cases) {
      it(`${file}: ${op} says line ${line} and why`, () => {
        const text = read(path.join('bad', file));
        const r = op === 'draft' ? setDraft(text) : op === 'date' ? setDateNow(text, NOW) : addToLists(text, [{ field: 'tags', values: ['x'] }]);
        assert.ok(!r.ok, 'refused');
        assert.strictEqual(r.error.line, line, r.message);
        assert.match(r.error.reason, reason);
        assert.match(r.message, new RegExp(`^(YAML |TOML )?front matter, line ${line}: `));
        assert.ok(!('edits' in r));
      });
    }
    it('reports broken front matter in the notes model shape, and none as none', () => {
      const info = readFrontMatter(read('bad/yaml-duplicate-keys.md'));
      assert.deepStrictEqual({ ...info, error: info.error !== null }, { format: 'yaml', data: {}, error: true, errorLine: 6, startLine: 1, endLine: 8 });
      assert.deepStrictEqual(readFrontMatter('# Title\n'), { format: null, data: {}, error: null, errorLine: null, startLine: null, endLine: null });
      assert.strictEqual(readFrontMatter(read('bad/toml-not-closed.md')).endLine, null);
    });
  });
});
