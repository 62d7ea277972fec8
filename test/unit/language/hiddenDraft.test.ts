import * as assert from 'assert';
import { applyEdits, type Range } from '../../../src/core/document';
import { hiddenDraftEdits } from '../../../src/language/hiddenDraft';

/** A selection from (line, character) to (line, character), 0-based, as the editor has them. */
const sel = (l1: number, c1: number, l2 = l1, c2 = c1): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

/** The text after toggling the selections. */
const toggle = (text: string, ...selections: Range[]): string => applyEdits(text, hiddenDraftEdits(text, selections));

describe('language/hiddenDraft: Toggle Hidden Draft on the selections', () => {
  it('hides the selected lines and shows them again, exactly', () => {
    const text = '### T\n\n- a point (with parens)\n\n- another\nlast\n';
    const hidden = '### T\n\n[//]: # (- a point \\(with parens\\))\n[//]: # ()\n[//]: # (- another)\nlast\n';
    assert.strictEqual(toggle(text, sel(2, 3, 4, 2)), hidden);
    assert.strictEqual(toggle(hidden, sel(2, 3, 4, 2)), text);
  });

  it('works on the cursor line, and keeps CRLF', () => {
    const text = '## Day01\r\n\r\n### T\r\n\r\n- a point\r\n- another\r\n';
    const hidden = toggle(text, sel(4, 2));
    assert.strictEqual(hidden, text.replace('- a point\r\n', '[//]: # (- a point)\r\n'));
    assert.strictEqual(toggle(hidden, sel(4, 2)), text);
  });

  it('leaves out the line a selection ends at the start of', () => {
    const text = '### T\n\n- one\n- two\n- three\n';
    assert.strictEqual(toggle(text, sel(2, 0, 4, 0)), '### T\n\n[//]: # (- one)\n[//]: # (- two)\n- three\n');
  });

  it('toggles selections that share or touch lines together, each line once', () => {
    const text = '### T\n\n- one\n- two\n- three\n\n- four\n- five\n';
    const after = toggle(text, sel(6, 1), sel(3, 0, 4, 2), sel(2, 1, 3, 1), sel(7, 0));
    assert.strictEqual(after, '### T\n\n[//]: # (- one)\n[//]: # (- two)\n[//]: # (- three)\n\n[//]: # (- four)\n[//]: # (- five)\n');
    assert.strictEqual(hiddenDraftEdits(text, [sel(2, 1, 3, 1), sel(3, 0, 4, 2)]).length, 3);
  });

  it('right below paragraph text, puts a blank line before the hidden lines (CRLF kept); showing again keeps it', () => {
    const text = '### T\r\n\r\nSome paragraph text\r\nan idea for later\r\n';
    const hidden = toggle(text, sel(3, 3));
    assert.strictEqual(hidden, '### T\r\n\r\nSome paragraph text\r\n\r\n[//]: # (an idea for later)\r\n');
    assert.strictEqual(toggle(hidden, sel(4, 3)), '### T\r\n\r\nSome paragraph text\r\n\r\nan idea for later\r\n');
  });
});
