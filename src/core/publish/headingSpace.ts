/**
 * `###Scaling the control plane:` is not a heading: CommonMark (and Hugo) need a space after the
 * `#`s, so the post would show the `###` as text. The notes model keeps that reading (a
 * paragraph); the check before publishing reports each such line with a fix that adds the space.
 */
import type { TextEdit } from '../document';
import { scanMarkdown, type ScanResult } from '../landscape/proseScan';

export interface HeadingSpaceProblem {
  /** 1-based line, and 1-based columns [column, endColumn) of the line's text. */
  line: number;
  column: number;
  endColumn: number;
  /** "`###Scaling the control plane:` is not a heading (no space after `###`)" */
  message: string;
  /** Inserts the missing space after the `#`s. */
  fix: TextEdit;
}

/** Longest part of the line quoted in the message. */
const QUOTE_MAX = 60;

/**
 * Paragraph lines that start with two to six `#` and no space (`##Title`, `###**Bold**`),
 * outside front matter, code and HTML. A single `#` followed by a word is a hashtag (`#kubecon`),
 * not a heading written without its space.
 */
export function headingSpaceProblems(text: string, scan: ScanResult = scanMarkdown(text)): HeadingSpaceProblem[] {
  const out: HeadingSpaceProblem[] = [];
  let lastLine = -1;
  for (const run of scan.runs) {
    // Only the first run of a line, and only when it starts the line's text.
    if (run.line === lastLine || run.heading) continue;
    lastLine = run.line;
    const lineStart = run.lineStart;
    let i = lineStart;
    while (i < text.length && i - lineStart < 3 && text.charCodeAt(i) === 32) i++;
    if (run.start > i) continue;
    let hashes = 0;
    while (hashes < 7 && text.charCodeAt(i + hashes) === 35 /* # */) hashes++;
    if (hashes < 2 || hashes > 6) continue;
    const after = text.charCodeAt(i + hashes);
    if (Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13) continue;
    let end = text.indexOf('\n', i);
    if (end === -1) end = text.length;
    if (end > i && text.charCodeAt(end - 1) === 13) end--;
    const written = text.slice(i, end).trimEnd();
    const quoted = written.length > QUOTE_MAX ? written.slice(0, QUOTE_MAX - 1) + '…' : written;
    const marks = '#'.repeat(hashes);
    const at = { line: run.line, character: i - lineStart + hashes };
    out.push({
      line: run.line + 1,
      column: i - lineStart + 1,
      endColumn: i - lineStart + written.length + 1,
      message: `\`${quoted.replace(/`/g, "'")}\` is not a heading (no space after \`${marks}\`): add a space to make it one`,
      fix: { range: { start: at, end: at }, newText: ' ' },
    });
  }
  return out;
}
