/**
 * Linking projects by command: Insert Project Link (the projects to pick from, ranked by the
 * selected text, and the `[text](url)` it writes) and Link Project Mentions (which mentions to
 * link, the rows of its confirmation list, the edits). The editor asks, confirms and applies the
 * edits as one undo step (src/vscode/features/linkCommands.ts).
 */
import type { Position, Range, TextDocument, TextEdit } from '../core/document';
import { describeEntry, type LandscapeEntry, type LandscapeScope } from '../core/landscape/landscapeIndex';
import { chooseMentions, linkTextFor, type LinkMode } from '../core/landscape/linkPlan';
import type { Mention } from '../core/landscape/matcher';
import { compactKey, escapeLinkText, markdownUrl } from '../core/landscape/text';
import { lineEndOffset } from '../core/util/lines';
import { plural } from '../core/util/plural';
import type { Analyses, LandscapeSource } from './services';

/** The settings linking reads: talkCapture.landscape.scope and talkCapture.linkMentions.mode. */
export interface LinkSettings {
  landscapeScope(): LandscapeScope;
  linkMode(): LinkMode;
}

/** A row of Insert Project Link's picker. */
export interface ProjectChoice {
  label: string;
  /** Maturity and category. */
  description: string;
  /** The homepage and up to four other names. */
  detail: string;
  entry: LandscapeEntry;
}

/** A mention Link Project Mentions would link, as its confirmation list shows it. */
export interface PlannedLink {
  /** What will be written: `kepler → [kepler](https://…)`. */
  label: string;
  /** The project and the line: `Kepler · line 3`, `(heading)` when in one. */
  description: string;
  /** The line's text (trimmed, cut at 120 characters). */
  detail: string;
  edit: TextEdit;
  mention: Mention;
}

export interface LinkPlan {
  /** The document version the edits are for. */
  version: number;
  links: PlannedLink[];
  /** The confirmation list's title: the mode and how many links. */
  title: string;
  /** What to say when there is nothing to link. */
  nothingToLink: string;
}

export class ProjectLinking {
  constructor(private readonly services: Analyses & LandscapeSource & LinkSettings) {}

  /**
   * The projects to pick from: those ranked by the selected text first (any scope), then the
   * others of the scope, graduated first, then by name.
   */
  async choices(selected: string): Promise<ProjectChoice[]> {
    const index = await this.services.landscape();
    const scope = this.services.landscapeScope();
    const ranked = selected ? index.search(selected, { scope: 'all', limit: 2000 }).map((s) => s.entry) : [];
    const rest = index.entries.filter((e) => index.inScope(e, scope) && !ranked.includes(e)).sort((a, b) => rankOf(a) - rankOf(b) || a.name.localeCompare(b.name));
    return [...ranked.filter((e) => index.inScope(e, scope) || selected), ...rest].map((e) => ({
      label: e.name,
      description: describeEntry(e),
      detail: [e.homepage, distinctAliases(e).slice(0, 4).join(', ')].filter(Boolean).join('  ·  '),
      entry: e,
    }));
  }

  /** The project called `name` (a name or alias, any scope). */
  async named(name: string): Promise<LandscapeEntry | undefined> {
    return (await this.services.landscape()).get(name, 'all');
  }

  /** The link Insert Project Link writes: `[selected text](url)`, else `[Name](url)`; undefined when the project has no http(s) URL. */
  async linkText(entry: LandscapeEntry, selected: string): Promise<string | undefined> {
    const url = markdownUrl((await this.services.landscape()).urlOf(entry));
    return url ? `[${escapeLinkText(selected || entry.name)}](${url})` : undefined;
  }

  /**
   * The mentions to link in the note's current version: the mode's (the setting's by default)
   * among those inside `within` (the selection; the whole note when not given), as the hints
   * and the check choose them.
   */
  async plan(doc: TextDocument, options: { mode?: LinkMode; within?: Range } = {}): Promise<LinkPlan> {
    await this.services.landscape();
    const mode = options.mode ?? this.services.linkMode();
    const version = doc.version;
    // The analysis the hints and the check read (this version, the person's day pattern): the same mentions and talks.
    const a = this.services.analysisOf(doc);
    const within = options.within;
    const from = within ? offsetOf(a.lineStarts, a.text, within.start) : 0;
    const to = within ? offsetOf(a.lineStarts, a.text, within.end) : a.text.length;
    const mentions = within ? a.mentions.filter((m) => m.start >= from && m.end <= to) : a.mentions;
    const planned = chooseMentions(a.text, mentions, mode, { talks: a.talks, linked: a.linked });
    const links: PlannedLink[] = [];
    for (const m of planned) {
      const link = linkTextFor(m);
      if (!link) continue;
      links.push({
        // Each row says what will be written (`kepler → [kepler](https://…)`), the project's name beside it.
        label: `${m.text} → ${link}`,
        description: `${m.entry.name} · line ${m.line}${m.heading ? ' (heading)' : ''}`,
        detail: shortLine(a.text.slice(a.lineStarts[m.line - 1], lineEndOffset(a.text, a.lineStarts, m.line - 1))),
        edit: { range: m.range, newText: link },
        mention: m,
      });
    }
    const suggestions = mentions.filter((m) => m.action === 'suggest').length;
    return {
      version,
      links,
      title: `Link Project Mentions (${modeLabel(mode)}): ${plural(links.length, 'link')}`,
      nothingToLink: `no unlinked project mentions to link${within ? ' in the selection' : ''}${suggestions ? ` (${plural(suggestions, 'possible mention')} or typo${suggestions === 1 ? '' : 's'} are shown as hints)` : ''}.`,
    };
  }
}

/** Aliases that are other names, not spellings of the name (`OTel`, not `Open Telemetry`). */
function distinctAliases(e: LandscapeEntry): string[] {
  const seen = new Set([compactKey(e.name)]);
  const out: string[] = [];
  for (const a of e.aliases) {
    const k = compactKey(a);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

function rankOf(e: LandscapeEntry): number {
  return e.maturity === 'graduated' ? 0 : e.maturity === 'incubating' ? 1 : e.maturity === 'sandbox' ? 2 : e.maturity === 'archived' ? 3 : 4;
}

/** The offset of a position in the text (a position past the end is the end). */
function offsetOf(starts: readonly number[], text: string, p: Position): number {
  if (p.line >= starts.length) return text.length;
  return Math.min(starts[p.line] + p.character, lineEndOffset(text, starts, p.line));
}

function modeLabel(mode: LinkMode): string {
  return mode === 'perTalk' ? 'first mention per talk' : mode === 'perDocument' ? 'first mention in the note' : 'every mention';
}

function shortLine(line: string): string {
  const t = line.trim();
  return t.length > 120 ? t.slice(0, 117) + '…' : t;
}
