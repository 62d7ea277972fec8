/**
 * Builds the notes model from the blocks a reader found: days, groups, talks with their
 * sections, hidden drafts and TODO items. Shared by the fast scanner and the reference reader.
 */
import { type Blocks, hiddenContent, hiddenHeading } from './blocks';
import { compileDayPattern, dayFromName, isDayHeading } from './dayHeading';
import { isGroupTitle, isNonTalkTitle, isSectionTitle } from './sectionHeading';
import { splitTalkHeading, type TalkHeadingParts } from './talkHeading';
import { plainInline } from './inline';
import type { Day, Group, NotesModel, NotesOptions, Section, Talk, TodoItem } from './model';
import { Generations } from '../util/generations';
import type { LineDiff } from '../util/lineDiff';
import { LineMemo } from '../util/lineMemo';
import { work } from '../util/work';
import { collectTodos, type TodoScan } from './collectTodos';
import { lowerBound } from '../util/search';
import { dayParagraphs, freshOutline, keepOutline, sameOutlineInput, type KeptOutline, type Outline } from './outlineReuse';

const entryLine = (e: { line: number }): number => e.line;

interface Entry {
  line: number;
  level: number;
  title: string;
  heading: string;
  hidden: boolean;
  role?: 'talk' | 'group' | 'section' | 'other' | 'title';
  parent?: Entry;
  children: Entry[];
  group?: Entry;
  talk?: Entry;
  split?: TalkHeadingParts;
}

/**
 * What a model build remembers for the build of the next version (same settings): answers that
 * depend on one line or one heading only, so a keystroke recomputes the line it changed.
 */
export interface NotesMemo {
  /** TODO items of a line without code spans (line 0), and whether an HTML comment is open after it; by comment state and text. */
  todos: LineMemo<{ items: TodoItem[]; open: boolean }>;
  /** The last version's TODO items, when the blocks were resumed from that version's (./collectTodos.ts). */
  lastTodos?: TodoScan;
  /** This build's TODO items, for the next version. */
  todoScan?: TodoScan;
  talkHeadings: Generations<TalkHeadingParts>;
  dayHeadings: Generations<boolean>;
  nonTalk: Generations<boolean>;
  /** The last outline built, with what it was built from. */
  outline?: KeptOutline;
}

export function newNotesMemo(): NotesMemo {
  return { todos: new LineMemo(), talkHeadings: new Generations(), dayHeadings: new Generations(), nonTalk: new Generations() };
}

/**
 * The memo for a later version's build (across `diff`, the line diff from this build's version):
 * what this build used. `resumed`: the later version's blocks were resumed from this version's.
 */
export function nextNotesMemo(m: NotesMemo, diff: LineDiff, resumed: boolean): NotesMemo {
  return {
    todos: LineMemo.after(m.todos, diff),
    talkHeadings: m.talkHeadings.next(),
    dayHeadings: m.dayHeadings.next(),
    nonTalk: m.nonTalk.next(),
    outline: m.outline,
    lastTodos: resumed ? m.todoScan : undefined,
  };
}

/** Answers by key: a memo, or none (a build without one computes each). */
type Memo<V> = Pick<Generations<V>, 'of'>;

const NO_MEMO = { of: <V>(_key: string, compute: () => V): V => compute() };

function partsOf(e: Entry, m: Memo<TalkHeadingParts>): TalkHeadingParts {
  return (e.split ??= m.of(e.title, () => splitTalkHeading(e.title)));
}

/** A heading that clearly is one talk: numbered keynote/talk, or speakers. */
function looksLikeTalk(e: Entry, m: Memo<TalkHeadingParts>): boolean {
  if (/^(?:sponsored\s+)?(?:keynote|talk|lightning(?:\s+talk)?|session|panel)\s*#?\s*\d+/i.test(e.title)) return true;
  return partsOf(e, m).speakers.length > 0;
}

interface Segment {
  start: number; // 1-based, inclusive
  end: number;
  day?: Day;
  expectedTalkLevel: number;
}

/** The notes model of a note's blocks; `memo` (from the build of the previous version, same options) spares the lines and headings it already read. */
export function buildModel(blocks: Blocks, options?: NotesOptions, memo?: NotesMemo): NotesModel {
  work.modelBuilds++;
  // The days, talks and groups depend on the headings, hidden drafts and paragraph starts only:
  // an edit that leaves them alone (typing in a bullet) keeps them (./outlineReuse.ts).
  const custom = compileDayPattern(options?.dayHeadingPattern);
  let outline = memo?.outline && sameOutlineInput(memo.outline, blocks, custom) ? memo.outline.outline : undefined;
  if (!outline) {
    const days = dayParagraphs(blocks, custom);
    outline = buildOutline(blocks, options, memo, days);
    if (memo) memo.outline = keepOutline(blocks, outline, days);
  }
  const { days, topTalks, topGroups, byLine } = freshOutline(outline);

  // TODO items: to the talk (or day) whose lines hold them.
  const scan = collectTodos(blocks, options, outline.hiddenTalkLines, memo?.todos, memo?.lastTodos);
  const todos = scan.items;
  if (memo) {
    memo.todos.done();
    memo.lastTodos = undefined;
    memo.todoScan = scan;
  }
  let ti = 0;
  let di = 0;
  for (const todo of todos) {
    while (ti < byLine.length && byLine[ti].endLine < todo.line) ti++;
    const talk = ti < byLine.length && byLine[ti].line <= todo.line ? byLine[ti] : undefined;
    if (talk) {
      talk.todos.push(todo);
      continue;
    }
    while (di < days.length && days[di].endLine < todo.line) di++;
    if (di < days.length && days[di].line <= todo.line) days[di].todos.push(todo);
  }

  let impliedDay: string | null = null;
  if (days.length === 0) {
    const title = blocks.frontMatter.data.title;
    impliedDay = dayFromName(options?.fileName) ?? (typeof title === 'string' ? dayFromName(title) : null);
  }

  const skippedParts = [...blocks.skipped].sort((a, b) => a.line - b.line);
  return { frontMatter: blocks.frontMatter, days, talks: topTalks, groups: topGroups, todos, lineCount: blocks.lines.length, impliedDay, skipped: null, skippedParts };
}

/** The days, talks (without their TODO items) and groups of a note's headings. */
function buildOutline(blocks: Blocks, options: NotesOptions | undefined, memo: NotesMemo | undefined, dayLines: ReadonlyArray<readonly [number, string]>): Outline {
  const heads: Memo<TalkHeadingParts> = memo?.talkHeadings ?? NO_MEMO;
  const dayMemo: Memo<boolean> = memo?.dayHeadings ?? NO_MEMO;
  const nonTalkMemo: Memo<boolean> = memo?.nonTalk ?? NO_MEMO;
  const nonTalk = (title: string) => nonTalkMemo.of(title, () => isNonTalkTitle(title));
  const lineCount = blocks.lines.length;
  const custom = compileDayPattern(options?.dayHeadingPattern);

  // Outline entries: root headings and hidden headings, in document order.
  const entries: Entry[] = [];
  for (const h of blocks.headings) {
    const title = h.title ?? plainInline(h.raw, blocks.definitions);
    entries.push({ line: h.line, level: h.level, title, heading: oneLine(h.raw), hidden: false, children: [] });
  }
  const hiddenTalkLines = new Set<number>();
  for (const hb of blocks.hidden) {
    const c = hiddenContent(blocks.lines[hb.line - 1]);
    const hh = c && hiddenHeading(c.text);
    if (!hh) continue;
    hiddenTalkLines.add(hb.line);
    entries.push({ line: hb.line, level: hh.level, title: plainInline(hh.text, blocks.definitions), heading: hh.text, hidden: true, children: [] });
  }
  entries.sort((a, b) => a.line - b.line);

  // Days: headings that name a day at the shallowest such level, and plain `Day03:` lines.
  const dayCandidates = entries.filter((e) => !e.hidden && dayMemo.of(e.title, () => isDayHeading(e.title, custom)));
  const dayLevel = dayCandidates.length ? Math.min(...dayCandidates.map((e) => e.level)) : 0;
  const dayEntries = new Set(dayCandidates.filter((e) => e.level === dayLevel));
  const dayStarts: Array<{ line: number; title: string; level: number }> = [];
  for (const e of dayEntries) dayStarts.push({ line: e.line, title: e.title, level: e.level });
  for (const [line, title] of dayLines) dayStarts.push({ line, title, level: 0 });
  dayStarts.sort((a, b) => a.line - b.line);

  // Segments: each day, and the stretches outside days.
  const segments: Segment[] = [];
  const firstDay = dayStarts.length ? dayStarts[0].line : lineCount + 1;
  const topLevelEntries = entries.filter((e) => e.line < firstDay && !e.hidden);
  // A single H1 at the top that is not a day is the note's title, not a talk or a group.
  const docTitle = topLevelEntries.length > 0 && topLevelEntries[0].level === 1 && topLevelEntries.filter((e) => e.level === 1).length === 1 ? topLevelEntries[0] : undefined;
  const topExpected = docTitle
    ? 2
    : dayStarts.length
      ? Math.max(2, dayLevel + 1)
      : Math.min(
          3,
          ...entries
            .filter((e) => !e.hidden)
            .map((e) => e.level)
            .concat([3]),
        );
  if (firstDay > 1) segments.push({ start: 1, end: firstDay - 1, expectedTalkLevel: topExpected });
  for (let k = 0; k < dayStarts.length; k++) {
    const d = dayStarts[k];
    let end = k + 1 < dayStarts.length ? dayStarts[k + 1].line - 1 : lineCount;
    if (d.level > 0) {
      for (let j = lowerBound(entries, d.line + 1, entryLine); j < entries.length && entries[j].line <= end; j++) {
        const e = entries[j];
        if (!e.hidden && e.level < d.level) {
          end = e.line - 1;
          break;
        }
      }
    }
    const day: Day = { title: d.title, line: d.line, endLine: end, level: d.level, talks: [], groups: [], todos: [] };
    segments.push({ start: d.line, end, day, expectedTalkLevel: d.level > 0 ? d.level + 1 : 3 });
    const nextStart = k + 1 < dayStarts.length ? dayStarts[k + 1].line : lineCount + 1;
    if (end < nextStart - 1) segments.push({ start: end + 1, end: nextStart - 1, expectedTalkLevel: topExpected });
  }

  const days: Day[] = [];
  const topTalks: Talk[] = [];
  const topGroups: Group[] = [];
  const talkList: Array<{ talk: Talk; entry: Entry }> = [];

  for (const seg of segments) {
    const segEntries: Entry[] = [];
    for (let j = lowerBound(entries, seg.start, entryLine); j < entries.length && entries[j].line <= seg.end; j++) {
      const e = entries[j];
      if (!(seg.day && e.line === seg.day.line && dayEntries.has(e))) segEntries.push(e);
    }
    if (docTitle && segEntries[0] === docTitle) {
      docTitle.role = 'title';
      segEntries.shift();
    }
    // Outline forest: the parent of a heading is the nearest earlier heading of a lower level.
    const stack: Entry[] = [];
    const roots: Entry[] = [];
    for (const e of segEntries) {
      while (stack.length && stack[stack.length - 1].level >= e.level) stack.pop();
      const parent = stack.length ? stack[stack.length - 1] : undefined;
      e.parent = parent;
      if (parent) parent.children.push(e);
      else roots.push(e);
      if (!e.hidden) stack.push(e); // hidden headings never contain others
    }
    const classify = (e: Entry, group: Entry | undefined, inOther: boolean) => {
      e.group = group;
      if (e.hidden) {
        e.role = 'talk';
        return;
      }
      const kids = e.children.filter((c) => !c.hidden);
      if (inOther && !looksLikeTalk(e, heads)) {
        e.role = 'other';
      } else if (kids.length === 0) {
        // A heading at the day level before the first day (`## Why I went`) is the note's intro, not a talk.
        e.role = nonTalk(e.title) || (!seg.day && dayStarts.length > 0 && e.line < dayStarts[0].line && e.level <= dayLevel && !looksLikeTalk(e, heads)) ? 'other' : 'talk';
      } else if (isGroupTitle(e.title)) {
        e.role = 'group';
      } else if (kids.every((c) => isSectionTitle(c.title))) {
        e.role = nonTalk(e.title) ? 'other' : 'talk';
      } else if (nonTalk(e.title)) {
        e.role = 'other';
      } else if (kids.some((c) => looksLikeTalk(c, heads)) && !looksLikeTalk(e, heads)) {
        e.role = 'group';
      } else if (looksLikeTalk(e, heads)) {
        e.role = 'talk';
      } else {
        e.role = e.level < seg.expectedTalkLevel ? 'group' : 'talk';
      }
      if (e.role === 'talk') {
        markSections(e);
        for (const c of e.children.filter((x) => x.hidden)) classify(c, group, false);
      } else {
        for (const c of e.children) classify(c, e.role === 'group' ? e : group, e.role === 'other' || inOther);
      }
    };
    const markSections = (t: Entry) => {
      for (const c of t.children) {
        if (c.hidden) continue;
        c.role = 'section';
        c.talk = t;
        markSections(c);
      }
    };
    for (const r of roots) classify(r, undefined, false);

    // Flat lists in document order; a talk or group ends where the next entry that is not part of it starts.
    const ordered = segEntries;
    const endOf = (idx: number, partOf: (x: Entry) => boolean): number => {
      for (let j = idx + 1; j < ordered.length; j++) if (!partOf(ordered[j])) return ordered[j].line - 1;
      return seg.end;
    };
    const isInside = (x: Entry, anc: Entry): boolean => {
      for (let p = x.parent; p; p = p.parent) if (p === anc) return true;
      return false;
    };
    const groups: Group[] = seg.day ? seg.day.groups : topGroups;
    const talks: Talk[] = seg.day ? seg.day.talks : topTalks;
    ordered.forEach((e, idx) => {
      if (e.role === 'group') {
        groups.push({ title: e.title, line: e.line, endLine: endOf(idx, (x) => isInside(x, e)), level: e.level });
      } else if (e.role === 'talk') {
        const parts = partsOf(e, heads);
        const sections: Section[] = e.children.filter((c) => c.role === 'section').flatMap((c) => flattenSections(c));
        const talk: Talk = {
          title: parts.title,
          heading: e.heading,
          speakers: [...parts.speakers],
          company: parts.company,
          companies: [...parts.companies],
          kind: parts.kind,
          line: e.line,
          endLine: endOf(idx, (x) => !x.hidden && x.role === 'section' && isInside(x, e)),
          level: e.level,
          hidden: e.hidden,
          group: e.group ? e.group.title : null,
          todos: [],
          time: parts.time,
          sections,
        };
        talks.push(talk);
        talkList.push({ talk, entry: e });
      }
    });
    if (seg.day) days.push(seg.day);
  }

  const byLine = talkList.map((t) => t.talk).sort((a, b) => a.line - b.line);
  return { days, topTalks, topGroups, byLine, hiddenTalkLines };
}

/** A setext heading's lines joined by one space (whitespace around each line break removed), without a regex that rescans long runs of spaces. */
function oneLine(raw: string): string {
  if (raw.indexOf('\n') === -1) return raw;
  const parts = raw.split('\n');
  const out: string[] = [];
  parts.forEach((p, i) => {
    const t = i === 0 ? p.trimEnd() : i === parts.length - 1 ? p.trimStart() : p.trim();
    if (t !== '' || i === 0 || i === parts.length - 1) out.push(t);
  });
  return out.join(' ');
}

function flattenSections(e: Entry): Section[] {
  return [{ title: e.title, line: e.line, level: e.level }, ...e.children.filter((c) => c.role === 'section').flatMap(flattenSections)];
}
