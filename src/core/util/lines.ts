/** Splitting text into lines: the one splitter of the core, on core/document.ts `lineStarts`. */
import { lineEndOffset, lineStarts } from '../document';

/**
 * The lines of `text` without their line breaks (`\n`, `\r\n` or a lone `\r`, as in VS Code and
 * CommonMark), exactly as written (a leading BOM stays on the first line): line `k` is the
 * line that starts at `starts[k]`.
 */
export function splitLines(text: string, starts: readonly number[] = lineStarts(text)): string[] {
  const lines = new Array<string>(starts.length);
  for (let k = 0; k < starts.length; k++) lines[k] = text.slice(starts[k], lineEndOffset(text, starts, k));
  return lines;
}
