/**
 * The injection grammar, tokenized by the real engine VS Code uses (vscode-textmate with the
 * Oniguruma WebAssembly build) on top of VS Code's own Markdown grammar.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { headingLineByline } from '../../../src/core/notes/talkHeading';
import { nameParticles, notNameWords } from '../../../src/core/text/byline';

const root = path.resolve(__dirname, '../../..');
const INJECTION = path.join(root, 'syntaxes/talk-capture.injection.tmLanguage.json');
const INJECTION_SCOPE = 'markdown.talk-capture.injection';

function markdownGrammarPath(): string {
  return require.resolve('tm-grammars/grammars/markdown.json', { paths: [root] });
}

let registry: textmate.Registry;
let markdown: textmate.IGrammar;

interface Token {
  text: string;
  scopes: string[];
}

/** Tokens of each line of `text` (lines tokenized in order, as the editor does). */
function tokenize(text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = markdown.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token that holds `needle` on the line (the first token starting inside it). */
function scopesOf(lines: Token[][], lineIndex: number, needle: string): string[] {
  const tokens = lines[lineIndex];
  let at = 0;
  const line = tokens.map((t) => t.text).join('');
  const start = line.indexOf(needle);
  assert.ok(start !== -1, `"${needle}" is on line ${lineIndex}: ${line}`);
  for (const t of tokens) {
    if (start >= at && start < at + t.text.length) return t.scopes;
    at += t.text.length;
  }
  throw new Error(`no token for ${needle}`);
}

function assertScope(lines: Token[][], lineIndex: number, needle: string, scope: string) {
  const scopes = scopesOf(lines, lineIndex, needle);
  assert.ok(
    scopes.some((s) => s === scope || s.split(' ').includes(scope)),
    `"${needle}" on line ${lineIndex} has ${scope}; it has ${scopes.join(', ')}`,
  );
}

function assertNoScope(lines: Token[][], lineIndex: number, needle: string, prefix: string) {
  const scopes = scopesOf(lines, lineIndex, needle);
  assert.ok(!scopes.some((s) => s.startsWith(prefix)), `"${needle}" on line ${lineIndex} has no ${prefix}*; it has ${scopes.join(', ')}`);
}

/** The exact text of the token(s) carrying `scope` on a line, joined. */
function textWith(lines: Token[][], lineIndex: number, scope: string): string {
  return lines[lineIndex]
    .filter((t) => t.scopes.some((s) => s.split(' ').includes(scope)))
    .map((t) => t.text)
    .join('');
}

describe('grammar: talk-capture injection (real TextMate engine)', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm', { paths: [root] }));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const grammars: Record<string, string> = {
      'text.html.markdown': markdownGrammarPath(),
      [INJECTION_SCOPE]: INJECTION,
    };
    registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = grammars[scopeName];
        if (!file) return null; // embedded languages (yaml, html...) are not needed here
        return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
      // What package.json's `injectTo` says.
      getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
    });
    const g = await registry.loadGrammar('text.html.markdown');
    assert.ok(g, 'the Markdown grammar loads');
    markdown = g;
  });

  it('is the grammar package.json contributes, injected into Markdown', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === INJECTION_SCOPE);
    assert.ok(contributed);
    assert.deepStrictEqual(contributed.injectTo, ['text.html.markdown']);
    assert.strictEqual(path.resolve(root, contributed.path), INJECTION);
    const grammar = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));
    assert.strictEqual(grammar.scopeName, INJECTION_SCOPE);
  });

  it('scopes hidden draft lines as comments, with their punctuation', () => {
    const lines = tokenize(['Some text', '', '[//]: # (### A talk I skipped)', '[//]: # ()', '[//]: # (escaped \\(parens\\) stay inside)'].join('\n'));
    assertScope(lines, 2, '### A talk', 'comment.line.hidden-draft.talk-capture');
    assertScope(lines, 2, '[//]: # (', 'punctuation.definition.comment.begin.talk-capture');
    assert.strictEqual(textWith(lines, 2, 'punctuation.definition.comment.end.talk-capture'), ')');
    assertNoScope(lines, 2, '### A talk', 'markup.heading');
    assertScope(lines, 3, '[//]', 'comment.line.hidden-draft.talk-capture');
    assert.strictEqual(textWith(lines, 4, 'comment.line.hidden-draft.talk-capture'), '[//]: # (escaped \\(parens\\) stay inside)');
  });

  it('scopes TODO markers, also inside hidden drafts and headings', () => {
    const lines = tokenize(
      ['TODO: will add the link once it is out', 'the demo FIXME later', '[//]: # (TODO find the repo)', '### Talk TODO - Ada', 'TODOS and todo are words'].join('\n'),
    );
    assert.strictEqual(textWith(lines, 0, 'keyword.other.todo.talk-capture'), 'TODO:');
    assert.strictEqual(textWith(lines, 1, 'keyword.other.todo.talk-capture'), 'FIXME');
    assertScope(lines, 2, 'TODO', 'keyword.other.todo.talk-capture');
    assertScope(lines, 2, 'TODO', 'comment.line.hidden-draft.talk-capture');
    assertScope(lines, 3, 'TODO', 'keyword.other.todo.talk-capture');
    assert.strictEqual(textWith(lines, 4, 'keyword.other.todo.talk-capture'), '', 'only whole upper-case words');
  });

  it('scopes link placeholders and leaves real links to Markdown', () => {
    const lines = tokenize(
      ['The photo book (link)', 'Slides: [slides](TODO) and [recording]() and [demo](#)', 'Real: [site](https://example.com) and [x](link-to-page)', 'call(link) is code-ish'].join(
        '\n',
      ),
    );
    assert.strictEqual(textWith(lines, 0, 'keyword.other.placeholder.talk-capture'), '(link)');
    assert.strictEqual(textWith(lines, 1, 'keyword.other.placeholder.talk-capture'), '(TODO)()(#)');
    assertScope(lines, 1, 'slides]', 'string.other.link.title.markdown');
    assertScope(lines, 1, 'slides]', 'meta.link.inline.placeholder.talk-capture');
    assert.strictEqual(textWith(lines, 2, 'keyword.other.placeholder.talk-capture'), '');
    assertScope(lines, 2, 'https://example.com', 'markup.underline.link.markdown');
    assert.strictEqual(textWith(lines, 3, 'keyword.other.placeholder.talk-capture'), '', 'a word right before it is no placeholder');
  });

  it('scopes the speaker and company of talk headings', () => {
    const lines = tokenize(
      [
        '## Day01',
        '',
        '### Scaling the control plane - Ada Lovelace, Acme Corp',
        '### [Metrics](https://example.org) project update by Grace Hopper',
        '### Cloud-native storage- Ada & Linus',
        '### Keynote 2: Wide events',
        '### Self-hosted runners, done right',
        '## ContribFest KubeStellar',
        'A paragraph - not, a heading',
        '### Spaced title - Ada, Acme ###',
      ].join('\n'),
    );
    assertNoScope(lines, 0, 'Day01', 'meta.speaker');
    assert.strictEqual(textWith(lines, 2, 'entity.other.attribute-name.speaker.talk-capture'), 'Ada Lovelace');
    assert.strictEqual(textWith(lines, 2, 'entity.name.type.company.talk-capture'), 'Acme Corp');
    assert.strictEqual(textWith(lines, 2, 'punctuation.separator.speaker.talk-capture'), ' - ');
    assertScope(lines, 2, 'Scaling', 'entity.name.section.markdown');
    assertScope(lines, 2, 'Ada', 'markup.heading.markdown');

    assert.strictEqual(textWith(lines, 3, 'entity.other.attribute-name.speaker.talk-capture'), 'Grace Hopper');
    assertScope(lines, 3, 'Metrics', 'string.other.link.title.markdown');
    assertScope(lines, 3, 'https://example.org', 'markup.underline.link.markdown');

    assert.strictEqual(textWith(lines, 4, 'entity.other.attribute-name.speaker.talk-capture'), 'Ada & Linus');
    assertNoScope(lines, 4, 'native', 'meta.speaker');

    for (const i of [5, 6, 7, 8]) assert.strictEqual(textWith(lines, i, 'meta.speaker.talk-capture'), '', `line ${i} has no speaker part`);
    assert.strictEqual(textWith(lines, 9, 'entity.name.type.company.talk-capture'), 'Acme');
  });

  it('colours the byline from the separator the notes model reads', () => {
    const headings = [
      '### Kubernetes - The Hard Way - Jo (JJ) Park, Umbrella Labs',
      '### Kubernetes - The Hard Way - Jo (JJ) Park',
      "### Kubernetes 1.31 - what's new",
      '### Why we moved - and what broke',
      '### Platform Engineering - Deep Dive - Ana Lima',
      '### Storage – Ana Lima, Acme; Bo Chen, Initech',
      '### Tracing - Jo Park, Example Global Tech',
      '### Keynote: Growth - Lin Hao, Chief Technology Officer, APAC, Initech & Ana Lima, VP, Globex',
      '### Mesh - Bo van der Berg & Ana DE LA CRUZ, Hooli',
      '### Security by Design',
      '### [Dapr](https://dapr.io/) by Ada Quinlan',
      '### Gardens by the Bay - Ana Lima',
      '### Wasm at the edge - Ferris Lang',
      '### The Hard Way - Again',
    ];
    const lines = tokenize(headings.join('\n'));
    headings.forEach((line, i) => {
      let at = 0;
      let start: number | undefined;
      for (const t of lines[i]) {
        if (start === undefined && t.scopes.includes('meta.speaker.talk-capture')) start = at;
        at += t.text.length;
      }
      assert.strictEqual(start, headingLineByline(line)?.start, `${line}: the grammar colours from ${start}, the model reads from ${headingLineByline(line)?.start}`);
    });
    assert.strictEqual(textWith(lines, 0, 'entity.other.attribute-name.speaker.talk-capture'), 'Jo (JJ) Park');
    assert.strictEqual(textWith(lines, 0, 'punctuation.separator.speaker.talk-capture'), ' - ');
    assertNoScope(lines, 0, 'The Hard Way', 'meta.speaker');
    assert.strictEqual(textWith(lines, 2, 'meta.speaker.talk-capture'), '');
    assert.strictEqual(textWith(lines, 3, 'meta.speaker.talk-capture'), '');
    assert.strictEqual(textWith(lines, 4, 'entity.other.attribute-name.speaker.talk-capture'), 'Ana Lima');
    assert.strictEqual(textWith(lines, 5, 'punctuation.separator.speaker.talk-capture'), ' – ');
  });

  it("holds the core's list of words a name never holds", () => {
    const grammar = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));
    const match: string = grammar.repository['talk-heading'].match;
    const esc = (w: string) => w.replace(/[.\\+*?()[\]{}|^$]/g, '\\$&');
    const words = `(?i:(?:${notNameWords().map(esc).join('|')})(?![\\p{L}\\p{M}'’.\\-]))`;
    assert.ok(match.includes(words), "the grammar's stop words are notNameWords() of src/core/text/byline.ts");
    assert.ok(match.includes(`(?-i:${nameParticles().map(esc).join('|')})`), "the grammar's particles are nameParticles()");
  });

  it('leaves code alone', () => {
    const lines = tokenize(['```sh', 'echo TODO (link) [x](TODO)', '[//]: # (not a comment here)', '```', '', 'Inline `TODO` code', '', '    TODO indented code'].join('\n'));
    assert.strictEqual(textWith(lines, 1, 'keyword.other.todo.talk-capture'), '');
    assert.strictEqual(textWith(lines, 1, 'keyword.other.placeholder.talk-capture'), '');
    assert.strictEqual(textWith(lines, 2, 'comment.line.hidden-draft.talk-capture'), '');
    assert.strictEqual(textWith(lines, 5, 'keyword.other.todo.talk-capture'), '');
    assert.strictEqual(textWith(lines, 7, 'keyword.other.todo.talk-capture'), '');
  });

  it('tokenizes the capture fixture without losing text', () => {
    const fixture = fs.readFileSync(path.join(root, 'test/grammar/notes.md'), 'utf8').replace(/\r\n/g, '\n');
    const lines = tokenize(fixture);
    const src = fixture.split('\n');
    lines.forEach((tokens, i) => assert.strictEqual(tokens.map((t) => t.text).join(''), src[i], `line ${i + 1}`));
    const all = lines.flat();
    const count = (scope: string) => all.filter((t) => t.scopes.includes(scope)).length;
    assert.ok(count('comment.line.hidden-draft.talk-capture') >= 3);
    assert.ok(count('entity.other.attribute-name.speaker.talk-capture') >= 3);
    assert.ok(count('keyword.other.todo.talk-capture') >= 2);
    assert.ok(count('keyword.other.placeholder.talk-capture') >= 2);
  });
});
