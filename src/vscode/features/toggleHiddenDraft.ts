/** Toggle Hidden Draft: selected lines become `[//]: # (...)` comment lines and back, exactly. */

import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { editDocument } from '../services/edits';
import { requireMarkdownEditor } from '../services/editor';
import { selectedLines, toggleHiddenDraft } from '../../core/capture/index';

// ---------------------------------------------------------------------------------------------
// Toggle Hidden Draft

async function toggleHidden(): Promise<void> {
  const editor = requireMarkdownEditor('hide or show draft lines');
  if (!editor) return;
  const doc = editor.document;
  // One edit (one undo step): the lines, and a blank line before them when they sit right
  // below paragraph text, where Markdown would still show them (see toggleHiddenDraft).
  await editDocument(doc, (text) => {
    // The selected lines, merged where selections share lines.
    const ranges = editor.selections
      .map((s) => selectedLines(s.start, s.end))
      .sort((a, b) => a[0] - b[0])
      .reduce<Array<[number, number]>>((acc, r) => {
        const last = acc[acc.length - 1];
        if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
        else acc.push([r[0], r[1]]);
        return acc;
      }, []);
    return ranges.flatMap(([from, to]) => toggleHiddenDraft(text, from, to).edits);
  });
}

export function registerToggleHiddenDraft(ctx: FeatureContext): void {
  registerCommand(ctx, 'talkCapture.toggleHiddenDraft', 'Toggle Hidden Draft', toggleHidden);
}
