/**
 * Offsets of each line's first character: the one line splitter of the core (core/document.ts
 * re-exports it). A line ends at `\n`, `\r\n` or a lone `\r` (as in VS Code and CommonMark).
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const cr = text.indexOf('\r');
  if (cr === -1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offset where the 0-based line `line` ends (before its line break), given its `starts`. */
export function lineEndOffset(text: string, starts: readonly number[], line: number): number {
  if (line + 1 >= starts.length) return text.length;
  let end = starts[line + 1] - 1;
  if (end > starts[line] && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

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
