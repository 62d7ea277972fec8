/** What the notes model and the front matter readers both say about a note's front matter. */
export type FrontMatterFormat = 'yaml' | 'toml';

export interface FrontMatterInfo {
  format: FrontMatterFormat | null;
  /** Parsed data (empty object when there is none or it could not be parsed). */
  data: Record<string, unknown>;
  /** A readable reason when the front matter could not be read, with its line number. */
  error: string | null;
  /** 1-based line of the error, when known. */
  errorLine: number | null;
  /** 1-based line of the opening fence, and of the closing fence (null when never closed). */
  startLine: number | null;
  endLine: number | null;
}
