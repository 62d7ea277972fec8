/**
 * Toggle Hidden Draft, without the editor: the selected lines become `[//]: # (...)` comment
 * lines and back, exactly (src/core/capture/hiddenDraft.ts), as core edits on one text. The
 * editor applies them as one undo step (src/vscode/features/toggleHiddenDraft.ts).
 */
import type { Range, TextEdit } from '../core/document';
import { selectedLines, toggleHiddenDraft } from '../core/capture/index';

/**
 * The edits that hide (or show again) the lines of `selections` in `text`: the lines, and a
 * blank line before them when they sit right below paragraph text, where Markdown would still
 * show them. Selections that share or touch lines are toggled together.
 */
export function hiddenDraftEdits(text: string, selections: readonly Range[]): TextEdit[] {
  const ranges = selections
    .map((s) => selectedLines(s.start, s.end))
    .sort((a, b) => a[0] - b[0])
    .reduce<Array<[number, number]>>((acc, r) => {
      const last = acc[acc.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else acc.push([r[0], r[1]]);
      return acc;
    }, []);
  return ranges.flatMap(([from, to]) => toggleHiddenDraft(text, from, to).edits);
}
