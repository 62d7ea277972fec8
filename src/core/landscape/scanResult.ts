/**
 * What the inline scan of a note finds (./proseScan.ts): its prose runs and links, by offsets
 * and lines. Its own module so that the scan and what resumes it (./inlineResume.ts) share it.
 */
import type { SkippedPart } from '../notes/blocks';

export interface ProseRun {
  /** Offsets [start, end) of plain text. */
  start: number;
  end: number;
  /** 0-based line. */
  line: number;
  /** Offset of the line's first character. */
  lineStart: number;
  /** The run is inside a heading line. */
  heading: boolean;
}

export interface ScannedLink {
  /** Offsets of the whole link (`[` .. `)`), of its text, and the URL as written (resolved for references). */
  start: number;
  end: number;
  textStart: number;
  textEnd: number;
  url: string;
  /** 0-based line of the link's start. */
  line: number;
  image: boolean;
}

export interface ScanResult {
  runs: ProseRun[];
  links: ScannedLink[];
  /** Offsets of each line's first character. */
  lineStarts: number[];
  /** 0-based line after the front matter (0 when there is none, or it is never closed). */
  bodyStartLine: number;
  /** 0-based lines of the headings (outside code), in order: the sections of the note. */
  headingLines: number[];
  /** Lines with text that was not read for prose and links (too long), with the reason. */
  skipped: SkippedPart[];
}
