/** The links of a note that point to a landscape entry (`[Prometheus](https://prometheus.io)`). */
import type { LandscapeEntry, LandscapeIndex } from './landscapeIndex';
import { scanMarkdown, type ScanResult } from './proseScan';

export interface LinkedProject {
  entry: LandscapeEntry;
  /** 1-based line and column of the link's `[`. */
  line: number;
  column: number;
  /** The link text and URL as written. */
  text: string;
  url: string;
  start: number;
  end: number;
}

/** The links of the body (not images, not in code or front matter) whose URL points to a landscape entry. */
export function linkedProjects(text: string, index: LandscapeIndex, scan: ScanResult = scanMarkdown(text)): LinkedProject[] {
  const out: LinkedProject[] = [];
  for (const l of scan.links) {
    if (l.image || !l.url) continue;
    const entry = index.byUrl(l.url);
    if (!entry) continue;
    out.push({ entry, line: l.line + 1, column: l.start - scan.lineStarts[l.line] + 1, text: text.slice(l.textStart, l.textEnd), url: l.url, start: l.start, end: l.end });
  }
  return out;
}
