/**
 * Finding the front matter block of a note: YAML between `---` fences or TOML between `+++`
 * fences, on the very first line (after an optional byte order mark). Offsets are into the
 * text as given (a BOM, when present, is character 0); lines are 1-based.
 */
import type { FrontMatterFormat } from '../notes/model';

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
  eol: '\n' | '\r\n';
}

export type LocateResult =
  | { kind: 'none' }
  | { kind: 'unclosed'; format: FrontMatterFormat; fence: string; line: number }
  | { kind: 'found'; block: FrontMatterBlock };

const FENCES: Record<string, FrontMatterFormat> = { '---': 'yaml', '+++': 'toml' };

/** The line starting at `from`: its text without the line break, and where the next line starts. */
function lineAt(text: string, from: number): { line: string; next: number; eol: '\n' | '\r\n' | '' } {
  const nl = text.indexOf('\n', from);
  if (nl === -1) return { line: text.slice(from), next: text.length, eol: '' };
  const cr = nl > from && text[nl - 1] === '\r';
  return { line: text.slice(from, cr ? nl - 1 : nl), next: nl + 1, eol: cr ? '\r\n' : '\n' };
}

function isFence(line: string, fence: string): boolean {
  return line.startsWith(fence) && line.slice(fence.length).trim() === '';
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
        block: {
          format,
          fence,
          bom,
          start,
          contentStart: first.next,
          contentEnd: at,
          end: l.next,
          startLine: 1,
          endLine: line,
          eol: first.eol,
        },
      };
    }
    at = l.next;
    line++;
  }
  return { kind: 'unclosed', format, fence, line: 1 };
}

/** 1-based line of `offset` in `text`. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
