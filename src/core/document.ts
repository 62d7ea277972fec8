/**
 * The small document interface the core works against. The editor layer adapts
 * `vscode.TextDocument` to it (uri, version, getText), the CLI and the unit tests use
 * {@link InMemoryDocument}. Positions are 0-based like VS Code's and LSP's; line numbers shown
 * to people (outline, JSON output, problems) are 1-based and say so in their names.
 */
import { lineEndOffset, lineStarts } from './util/lines';
import { itself, upperBound } from './util/search';

export { lineStarts };

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 offset in the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A plain text change: replace `range` (in the document version it was computed for) by `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A document as the core and the language features read it (`vscode.TextDocument` has these too, with a `Uri`). */
export interface TextDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** The document's line break: `\r\n` when its first line break is CRLF, else `\n`. */
export function eolOf(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export class InMemoryDocument implements TextDocument {
  private starts: number[] | undefined;

  constructor(
    public readonly uri: string,
    private text: string,
    public readonly version = 1,
  ) {}

  getText(): string {
    return this.text;
  }

  get lineCount(): number {
    return this.lineStartOffsets().length;
  }

  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStartOffsets();
    const start = starts[line];
    if (start === undefined) return '';
    return this.text.slice(start, lineEndOffset(this.text, starts, line));
  }

  offsetAt(pos: Position): number {
    const starts = this.lineStartOffsets();
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return this.text.length;
    const start = starts[pos.line];
    const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] - 1 : this.text.length;
    return Math.min(start + Math.max(0, pos.character), lineEnd);
  }

  positionAt(offset: number): Position {
    const starts = this.lineStartOffsets();
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = upperBound(starts, o, itself) - 1;
    return { line, character: o - starts[line] };
  }

  private lineStartOffsets(): number[] {
    return (this.starts ??= lineStarts(this.text));
  }
}

/**
 * Applies non-overlapping edits (all computed against `text`) and returns the new text.
 * Throws on overlapping edits: that is a bug in the caller, never something to guess about.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const doc = new InMemoryDocument('memory:apply', text);
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error(`overlapping edits at offset ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
