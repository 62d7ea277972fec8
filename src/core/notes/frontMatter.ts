/**
 * The notes model's view of the front matter: located and read once by the front matter
 * reader (../frontmatter/fields.ts: `---` YAML or `+++` TOML on the first line, closed only by
 * the same fence, parsed by `yaml`/smol-toml with caps on length and nesting), so the Talks
 * view, `outline --json`, the check and the editors give the same line and reason.
 */
import type { FrontMatterInfo } from '../frontmatter/format';
import type { SkippedPart } from './model';
import { locateFrontMatter, openFrontMatter, readFrontMatter, type OpenResult } from '../frontmatter/fields';

export function emptyFrontMatter(): FrontMatterInfo {
  return { format: null, data: {}, error: null, errorLine: null, startLine: null, endLine: null };
}

/**
 * The front matter of `text`, the 0-based line of its closing fence (-1 when there is no
 * closed block), and what was refused before parsing (too long, nested too deep), if anything.
 */
export function frontMatterOf(text: string, known?: OpenResult): { info: FrontMatterInfo; close: number; refused: SkippedPart | null } {
  const found = locateFrontMatter(text);
  if (found.kind === 'none') return { info: emptyFrontMatter(), close: -1, refused: null };
  const opened = known ?? openFrontMatter(text);
  const refused = !opened.ok && opened.error.refused ? { line: opened.error.line ?? 1, reason: opened.error.reason } : null;
  return { info: readFrontMatter(text, opened), close: found.kind === 'found' ? found.block.endLine - 1 : -1, refused };
}
