import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { placeholderReplacement, validateLinkUrl } from '../../../../src/core/capture/todoLink';
import { markdownLink, markdownUrl } from '../../../../src/core/landscape/text';
import { markdownDestination, safeUrl } from '../../../../src/core/links/safeUrl';
import { parseNotes } from '../../../../src/core/notes/parse';

const resolve = (line: string, text: string, url: string) => {
  const r = placeholderReplacement(line, { text }, line.indexOf(text), url);
  return r ? line.slice(0, r.start) + r.newText + line.slice(r.end) : null;
};

describe('trust: every inserted URL goes through one gate', () => {
  it('normalises, and writes what Markdown cannot misread: no raw HTML, no early `)`, no `\\)`', () => {
    assert.strictEqual(markdownDestination('  https://a.example/<script>alert(1)</script>  '), 'https://a.example/%3Cscript%3Ealert%281%29%3C/script%3E');
    assert.strictEqual(markdownDestination('https://a.example/x?q=a\\'), 'https://a.example/x?q=a%5C');
    assert.strictEqual(markdownDestination('https://a.example/a|b c'), 'https://a.example/a%7Cb%20c');
    assert.strictEqual(markdownDestination('HTTPS://A.Example/Path'), 'https://a.example/Path');
    assert.strictEqual(markdownDestination('https://a.example'), 'https://a.example', 'a bare origin keeps its form');
  });

  it('an `&` that would start a character reference is written `&amp;`, so Markdown reads the same address (`&#41;` read as `)` before)', () => {
    const md = new MarkdownIt();
    const readBack = (dest: string) => {
      const link = md.parseInline(`[x](${dest}) and [y](<${dest}>)`, {})[0].children!.filter((t) => t.type === 'link_open');
      return link.map((t) => t.attrGet('href'));
    };
    for (const url of ['https://a.example/a&#41;b', 'https://a.example/?x=1&amp;y=2', 'https://a.example/?q=&copy;&x', 'https://a.example/&#x29;', 'https://a.example/?a=1&b=2']) {
      const r = safeUrl(url);
      assert.ok(r.ok, url);
      assert.deepStrictEqual(readBack(r.markdown), [md.normalizeLink(r.url), md.normalizeLink(r.url)], `${url} written as ${r.markdown}`);
    }
    assert.strictEqual(markdownDestination('https://a.example/?a=1&b=2'), 'https://a.example/?a=1&b=2', 'an ordinary & stays as it is');
    assert.strictEqual(markdownDestination('https://a.example/?x=1&amp;y=2'), 'https://a.example/?x=1&amp;amp;y=2');
  });

  it('refuses other schemes and control characters, with a reason', () => {
    const reason = (u: string) => {
      const r = safeUrl(u);
      return r.ok ? '' : r.reason;
    };
    assert.match(reason('javascript:alert(1)'), /Only http and https links \(not javascript:\)/);
    assert.match(reason('data:text/html,<b>x</b>'), /not data:/);
    assert.match(reason('https://a.example/\u0007x'), /control character \(U\+0007\)/);
    assert.match(reason('https://a.example/\u0085'), /control character \(U\+0085\)/);
    assert.match(reason('https://a.example/a\u2028b'), /control character/);
    assert.match(reason(''), /Enter/);
    assert.match(validateLinkUrl('https://a.example/x\ty')!, /control character \(U\+0009\)/);
    assert.match(validateLinkUrl('https://a.example/x y')!, /no spaces/);
  });

  it('Resolve TODO Link: a marker becomes a link (its own words when short), never raw URL text', () => {
    const evil = 'https://a.example/<script>alert(1)</script>';
    assert.strictEqual(resolve('TODO: will add link when published', 'TODO', evil), '[link](https://a.example/%3Cscript%3Ealert%281%29%3C/script%3E)');
    assert.strictEqual(resolve('TODO: slides', 'TODO', 'https://a.example/s.pdf'), '[slides](https://a.example/s.pdf)');
    assert.strictEqual(resolve('TODO: the recording', 'TODO', 'https://a.example/v'), '[the recording](https://a.example/v)');
    assert.strictEqual(resolve('see [slides](TODO) now', '[slides](TODO)', 'https://a.example/x?y=\\'), 'see [slides](https://a.example/x?y=%5C) now');
    assert.strictEqual(resolve('TODO: slides', 'TODO', 'javascript:alert(1)'), null, 'nothing is written for a refused URL');
    // What the link reads as once parsed again: one link, to exactly that address, and no HTML.
    const line = resolve('TODO: x', 'TODO', evil)!;
    const notes = parseNotes(`# Notes\n\n${line}\n`);
    assert.deepStrictEqual(notes.todos, []);
    assert.ok(!line.includes('<'));
  });

  it('Resolve TODO Link replaces only the destination of a placeholder with a title or in angle brackets (the rest of the line was lost)', () => {
    const md = new MarkdownIt();
    const cases: Array<[string, string]> = [
      ['See [slides](TODO "the slides") after the break.', 'See [slides](https://a.example/s.pdf "the slides") after the break.'],
      ["See [slides](TODO 'the slides') after the break.", "See [slides](https://a.example/s.pdf 'the slides') after the break."],
      ['See [slides](<TODO>) after the break.', 'See [slides](<https://a.example/s.pdf>) after the break.'],
      ['See [slides](<> "the deck") now.', 'See [slides](<https://a.example/s.pdf> "the deck") now.'],
      ['See [slides]( TODO ) now.', 'See [slides]( https://a.example/s.pdf ) now.'],
    ];
    for (const [line, expected] of cases) {
      const todos = parseNotes(`# Notes\n\n${line}\n`).todos;
      assert.strictEqual(todos.length, 1, line);
      assert.strictEqual(todos[0].kind, 'missing-link', line);
      const r = placeholderReplacement(line, todos[0], todos[0].column - 1, 'https://a.example/s.pdf');
      assert.ok(r, line);
      const done = line.slice(0, r.start) + r.newText + line.slice(r.end);
      assert.strictEqual(done, expected);
      const link = md.parseInline(done, {})[0].children!.find((t) => t.type === 'link_open')!;
      assert.strictEqual(link.attrGet('href'), 'https://a.example/s.pdf');
      assert.deepStrictEqual(parseNotes(`# Notes\n\n${done}\n`).todos, [], 'nothing left to resolve');
    }
  });

  it('landscape homepages go through the same gate', () => {
    assert.strictEqual(markdownUrl('https://example.com/a\\'), 'https://example.com/a/');
    assert.strictEqual(markdownLink('X', 'https://example.com/x)y'), '[X](https://example.com/x%29y)');
    assert.strictEqual(markdownUrl('javascript:alert(1)'), undefined);
    assert.strictEqual(markdownUrl('https://example.com/\u0000'), undefined);
  });
});
