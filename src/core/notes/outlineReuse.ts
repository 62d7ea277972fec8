/**
 * The outline of a note (days, talks, groups, sections; ./buildModel.ts) is read from its
 * headings, its hidden drafts, the first lines of its root paragraphs (`Day03:`), the link
 * definitions (a heading's plain text), its line count and its front matter's title. A later
 * version with all of these the same has the same outline: typing in a bullet, which is most
 * typing, keeps it, and only the TODO items are collected afresh. The kept outline is never
 * handed out: each model gets fresh days and talks to put its TODO items in.
 */
import type { Blocks } from './blocks';
import type { UserPattern } from '../userPattern';
import { plainDayTitle } from './dayHeading';
import type { Day, Group, Talk } from './model';

/** The days, talks and groups of an outline, their TODO item lists empty. */
export interface Outline {
  days: Day[];
  topTalks: Talk[];
  topGroups: Group[];
  /** Every talk in line order. */
  byLine: Talk[];
  /** 1-based lines of hidden drafts that are talks (their TODO items are the talk's). */
  hiddenTalkLines: ReadonlySet<number>;
}

/** An outline and what it was read from. */
export interface KeptOutline {
  outline: Outline;
  lineCount: number;
  headings: ReadonlyArray<{ line: number; level: number; raw: string; title?: string }>;
  /** The hidden drafts' lines, with their text. */
  hidden: ReadonlyArray<readonly [number, string]>;
  /** The root paragraphs that are days (`Day03:`): first line and day title. */
  dayParagraphs: ReadonlyArray<readonly [number, string]>;
  definitions: readonly string[];
  title: unknown;
}

const withText = (blocks: Blocks, lines: Iterable<number>): Array<readonly [number, string]> => {
  const out: Array<readonly [number, string]> = [];
  for (const line of lines) out.push([line, blocks.lines[line - 1]]);
  return out;
};

/** The root paragraphs whose first line names a day (`Day03:`), with the day's title. */
export function dayParagraphs(blocks: Blocks, custom: UserPattern | undefined): Array<readonly [number, string]> {
  const out: Array<readonly [number, string]> = [];
  for (const p of blocks.paragraphStarts) {
    const title = plainDayTitle(blocks.lines[p - 1], custom);
    if (title) out.push([p, title]);
  }
  return out;
}

/** Keeps `outline` with what it was read from. */
export function keepOutline(blocks: Blocks, outline: Outline, days: ReadonlyArray<readonly [number, string]>): KeptOutline {
  return {
    outline,
    lineCount: blocks.lines.length,
    headings: blocks.headings.map((h) => ({ line: h.line, level: h.level, raw: h.raw, title: h.title })),
    hidden: withText(
      blocks,
      blocks.hidden.map((h) => h.line),
    ),
    dayParagraphs: days,
    definitions: [...blocks.definitions],
    title: blocks.frontMatter.data.title,
  };
}

const sameLines = (kept: ReadonlyArray<readonly [number, string]>, blocks: Blocks, lines: readonly number[]): boolean => {
  if (kept.length !== lines.length) return false;
  for (let k = 0; k < lines.length; k++) if (kept[k][0] !== lines[k] || kept[k][1] !== blocks.lines[lines[k] - 1]) return false;
  return true;
};

/** Whether `blocks` would give the kept outline: the same headings, hidden drafts, day paragraphs, definitions, line count and title. */
export function sameOutlineInput(kept: KeptOutline, blocks: Blocks, custom: UserPattern | undefined): boolean {
  if (kept.lineCount !== blocks.lines.length || kept.title !== blocks.frontMatter.data.title) return false;
  const h = blocks.headings;
  if (kept.headings.length !== h.length) return false;
  for (let k = 0; k < h.length; k++) {
    const a = kept.headings[k];
    if (a.line !== h[k].line || a.level !== h[k].level || a.raw !== h[k].raw || a.title !== h[k].title) return false;
  }
  const hiddenLines = blocks.hidden.map((x) => x.line);
  if (!sameLines(kept.hidden, blocks, hiddenLines)) return false;
  const days = dayParagraphs(blocks, custom);
  if (days.length !== kept.dayParagraphs.length) return false;
  for (let k = 0; k < days.length; k++) if (days[k][0] !== kept.dayParagraphs[k][0] || days[k][1] !== kept.dayParagraphs[k][1]) return false;
  if (kept.definitions.length !== blocks.definitions.size) return false;
  for (const d of kept.definitions) if (!blocks.definitions.has(d)) return false;
  return true;
}

/** Fresh days and talks of an outline, with empty TODO item lists (the kept ones stay untouched). */
export function freshOutline(o: Outline): Outline {
  const copies = new Map<Talk, Talk>();
  const copy = (t: Talk): Talk => {
    let c = copies.get(t);
    if (!c) copies.set(t, (c = { ...t, todos: [] }));
    return c;
  };
  return {
    days: o.days.map((d) => ({ ...d, talks: d.talks.map(copy), groups: d.groups, todos: [] })),
    topTalks: o.topTalks.map(copy),
    topGroups: o.topGroups,
    byLine: o.byLine.map(copy),
    hiddenTalkLines: o.hiddenTalkLines,
  };
}
