/**
 * Link planning: which mentions to link (the first of each project per talk, per note, or
 * every one; projects already linked are left alone) and the `[text](url)` edits that link them.
 */
import type { TextEdit } from '../document';
import { linkedProjects, type LinkedProject } from './linkedProjects';
import type { LandscapeIndex } from './landscapeIndex';
import type { Mention } from './matcher';
import { talkLinesAt } from './talkLines';
import { escapeLinkText, markdownUrl } from './text';

/** talkCapture.linkMentions.mode */
export type LinkMode = 'perTalk' | 'perDocument' | 'everyMention';

export interface PlanOptions {
  /**
   * The talks of the note (1-based line .. endLine), as the one notes model built them with the
   * person's settings (`allTalks(model)`; a custom talkCapture.dayHeadingPattern moves them):
   * every caller passes the same ones, so the hints, Link Project Mentions, Finish Post, the
   * check and the CLI choose the same first mention per talk. The note is never re-read here.
   */
  talks: ReadonlyArray<{ line: number; endLine: number }>;
  /** Links already in the note; default: computed with `index`. */
  linked?: readonly LinkedProject[];
  index?: LandscapeIndex;
}

/** The `[text](url)` that replaces a mention, or undefined when the entry has no http(s) URL. */
export function linkTextFor(m: Pick<Mention, 'text' | 'url'>): string | undefined {
  const url = markdownUrl(m.url);
  return url ? `[${escapeLinkText(m.text)}](${url})` : undefined;
}

/** The project's name that replaces a typo (`Promethues` → `Prometheus`), as plain text: what the quick fix "Change to …" writes. */
export function correctedText(m: Pick<Mention, 'entry'>): string {
  return escapeLinkText(m.entry.name).replace(/\\([_*])/g, '$1');
}

/**
 * The edits that link mentions (only `link` actions): the first mention of each project per
 * talk (`perTalk`), per note (`perDocument`), or every one. Projects already linked in that
 * talk (or note) are left as they are. Each edit replaces exactly the mention's text.
 */
export function planLinkEdits(text: string, mentions: readonly Mention[], mode: LinkMode, options: PlanOptions): TextEdit[] {
  return linkEditsFor(chooseMentions(text, mentions, mode, options));
}

/** The edits that link the mentions chosen by {@link chooseMentions}. */
export function linkEditsFor(chosen: readonly Mention[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const m of chosen) {
    const link = linkTextFor(m);
    if (link) edits.push({ range: m.range, newText: link });
  }
  return edits;
}

/** The mentions {@link planLinkEdits} would link. */
export function chooseMentions(text: string, mentions: readonly Mention[], mode: LinkMode, options: PlanOptions): Mention[] {
  const links = mentions.filter((m) => m.action === 'link' && markdownUrl(m.url));
  if (mode === 'everyMention') return links;
  const linked = options.linked ?? (options.index ? linkedProjects(text, options.index) : []);
  // The section of a line: the first line of its talk (perTalk; -Infinity outside every talk), or 0 (perDocument).
  let sectionOf: (line1: number) => number = () => 0;
  if (mode === 'perTalk') {
    const talkAt = talkLinesAt(options.talks, [...linked.map((l) => l.line), ...links.map((m) => m.line)]);
    sectionOf = (line1) => talkAt.get(line1) ?? Number.NEGATIVE_INFINITY;
  }
  // The projects linked (or to be linked) in each section, by name.
  const done = new Map<number, Set<string>>();
  const firstIn = (section: number, name: string): boolean => {
    let names = done.get(section);
    if (!names) done.set(section, (names = new Set()));
    if (names.has(name)) return false;
    names.add(name);
    return true;
  };
  for (const l of linked) firstIn(sectionOf(l.line), l.entry.name);
  const out: Mention[] = [];
  for (const m of links) if (firstIn(sectionOf(m.line), m.entry.name)) out.push(m);
  return out;
}
