/**
 * Hover over a project name (linked or not, or a typo of one): name, maturity, category,
 * homepage and repository, as Markdown over the name's offsets. The editor turns it into a
 * `vscode.Hover` (src/vscode/features/hover.ts).
 */
import type { LandscapeEntry } from '../core/landscape/landscapeIndex';
import { escapeLinkText, markdownUrl } from '../core/landscape/text';
import type { TextDocument } from '../core/document';
import type { Analyses, LandscapeSource } from './services';

export interface ProjectHover {
  /** Markdown (links to the homepage and repository; nothing else is trusted). */
  markdown: string;
  /** Offsets of the name hovered over. */
  start: number;
  end: number;
}

export class ProjectHoverProvider {
  constructor(private readonly services: Analyses & LandscapeSource) {}

  /** The hover at `offset` in `doc`, or undefined when no project name is there. */
  async provideHover(doc: TextDocument, offset: number): Promise<ProjectHover | undefined> {
    await this.services.landscape();
    const a = this.services.analysisOf(doc);
    const link = a.linked.find((l) => l.start <= offset && offset < l.end);
    if (link) return { markdown: describe(link.entry), start: link.start, end: link.end };
    const m = a.mentions.find((x) => x.start <= offset && offset < x.end);
    if (!m) return undefined;
    let markdown = describe(m.entry);
    if (m.reason === 'typo') markdown += `\n\nDid you mean **${escapeLinkText(m.entry.name)}**?`;
    else if (m.action === 'suggest') markdown += `\n\nProbably the project (an ordinary word too).`;
    return { markdown, start: m.start, end: m.end };
  }
}

/** The hover text of an entry. */
function describe(e: LandscapeEntry): string {
  let md = `**${escapeLinkText(e.name)}** — ${e.maturity ? `CNCF ${e.maturity}` : 'not a CNCF project'}\n\n`;
  md += `${escapeLinkText(e.category)}${e.subcategory ? ' / ' + escapeLinkText(e.subcategory) : ''}\n\n`;
  const home = markdownUrl(e.homepage);
  const repo = markdownUrl(e.repo);
  if (home) md += `[Homepage](${home})`;
  if (home && repo) md += ' · ';
  if (repo) md += `[Repository](${repo})`;
  return md;
}
