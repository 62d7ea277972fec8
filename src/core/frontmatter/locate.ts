/**
 * Finding the front matter block of a note: YAML between `---` fences or TOML between `+++`
 * fences, on the very first line (after an optional byte order mark). This is the one rule
 * every reader uses (the notes model, the front matter editors, the mention scan, the publish
 * check): a block closes only with the same fence it opened with, as in gray-matter and Hugo
 * (`...` does not close YAML front matter). Line breaks are `\n`, `\r\n` or a lone `\r`.
 * Offsets are into the text as given (a BOM, when present, is character 0); lines are 1-based.
 */
import type { FrontMatterFormat } from './format';

export interface FrontMatterBlock {
  format: FrontMatterFormat;
  /** The fence as written (`---` or `+++`). */
  fence: string;
  /** True when the text starts with U+FEFF. */
  bom: boolean;
  /** Offset of the opening fence (1 with a BOM, else 0). */
  start: number;
  /** Offset of the first character after the opening fence's line break. */
  contentStart: number;
  /** Offset of the closing fence (= end of the content, which ends with a line break unless empty). */
  contentEnd: number;
  /** Offset just after the closing fence's line (after its line break when it has one). */
  end: number;
  /** 1-based line of the opening fence (always 1) and of the closing fence. */
  startLine: number;
  endLine: number;
  /** The line break of the front matter (that of the opening fence line). */
  eol: '\n' | '\r\n' | '\r';
}

export type LocateResult = { kind: 'none' } | { kind: 'unclosed'; format: FrontMatterFormat; fence: string; line: number } | { kind: 'found'; block: FrontMatterBlock };

const FENCES: Record<string, FrontMatterFormat> = { '---': 'yaml', '+++': 'toml' };

/** The line starting at `from`: its text without the line break, and where the next line starts. */
function lineAt(text: string, from: number): { line: string; next: number; eol: '\n' | '\r\n' | '\r' | '' } {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) return { line: text.slice(from, i), next: i + 1, eol: '\n' };
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? { line: text.slice(from, i), next: i + 2, eol: '\r\n' } : { line: text.slice(from, i), next: i + 1, eol: '\r' };
    i++;
  }
  return { line: text.slice(from), next: n, eol: '' };
}

function isFence(line: string, fence: string): boolean {
  if (!line.startsWith(fence)) return false;
  for (let i = fence.length; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function locateFrontMatter(text: string): LocateResult {
  const bom = text.charCodeAt(0) === 0xfeff;
  const start = bom ? 1 : 0;
  const first = lineAt(text, start);
  const fence = Object.keys(FENCES).find((f) => isFence(first.line, f));
  if (!fence) return { kind: 'none' };
  const format = FENCES[fence];
  if (first.eol === '') return { kind: 'unclosed', format, fence, line: 1 };
  let at = first.next;
  let line = 2;
  while (at < text.length) {
    const l = lineAt(text, at);
    if (isFence(l.line, fence)) {
      return {
        kind: 'found',
        block: { format, fence, bom, start, contentStart: first.next, contentEnd: at, end: l.next, startLine: 1, endLine: line, eol: first.eol },
      };
    }
    at = l.next;
    line++;
  }
  return { kind: 'unclosed', format, fence, line: 1 };
}

/** 1-based line of `offset` in `text` (`\n`, `\r\n` and a lone `\r` each end a line). */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
