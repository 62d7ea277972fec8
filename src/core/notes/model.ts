/**
 * The conference-notes model: what a note is made of. Pure data, no behaviour; produced by
 * `parseNotes` (./parse.ts) and read by the views, the linker, the capture commands, the
 * publishing check and the CLI. All line numbers are 1-based (as people and the CLI JSON
 * count them); columns are 1-based too.
 */
import type { FrontMatterInfo } from '../frontmatter/format';

export type TodoKind = 'todo' | 'missing-link' | 'check' | 'hidden';

export interface TodoItem {
  kind: TodoKind;
  /** The marker or placeholder as written (`TODO: add slides`, `(link)`, `[slides]()`). */
  text: string;
  line: number;
  /** 1-based column of the first character of `text`. */
  column: number;
  /** 1-based column just after the last character of `text` (exclusive). */
  endColumn: number;
}

export interface Talk {
  /**
   * Title (link text kept, link URLs dropped: `[Perses](https://perses.dev/) update` → `Perses update`),
   * without the speakers and company; a kind prefix stays (`Keynote 3: Title`).
   */
  title: string;
  /** The heading text exactly as written, without the `#`s. */
  heading: string;
  speakers: string[];
  /** The companies of the byline joined by `, ` (`Acme, Initech`), else null. */
  company: string | null;
  /** Each company of the byline on its own (a company may hold a comma: `Initech, Inc.`). */
  companies?: string[];
  /** Keynote, lightning talk, ... when the heading says so; null otherwise. */
  kind: string | null;
  line: number;
  /** Last line of the talk's section (1-based, inclusive). */
  endLine: number;
  /** Heading level (1..6). */
  level: number;
  /** Written as a hidden draft (`[//]: # (### ...)`). */
  hidden: boolean;
  /** Title of the group heading the talk sits under (`## Morning Keynotes`), else null. */
  group: string | null;
  todos: TodoItem[];
  /** A start time written at the front of the heading (`14:30`), else null. */
  time?: string | null;
  /** Sub-headings of the talk (`#### Intro`, or `### Notes` under a `##` talk). */
  sections?: Section[];
}

/** A heading inside a talk: part of that talk, not a new talk. */
export interface Section {
  title: string;
  line: number;
  level: number;
}

export interface Group {
  title: string;
  line: number;
  endLine: number;
  level: number;
}

export interface Day {
  title: string;
  line: number;
  endLine: number;
  /** Heading level; 0 for a plain line such as `Day03:`. */
  level: number;
  talks: Talk[];
  groups: Group[];
  /** TODO items in the day but outside any talk. */
  todos: TodoItem[];
}

export interface NotesModel {
  frontMatter: FrontMatterInfo;
  days: Day[];
  /** Talks outside any day (a note with no day headings keeps all its talks here). */
  talks: Talk[];
  /** Groups outside any day. */
  groups: Group[];
  /** Every TODO item of the note, in document order (including those inside talks). */
  todos: TodoItem[];
  /** Number of lines of the note. */
  lineCount: number;
  /**
   * The day a note without day headings is about, taken from its file name (`day2.md`) or its
   * front matter title ("KubeCon Day 1"); null when the note has day headings or says nothing.
   */
  impliedDay?: string | null;
  /**
   * Why the body was not read (file too large, binary content), shown instead of the outline;
   * null or absent when the note was read.
   */
  skipped?: string | null;
  /**
   * Parts of a read note that were not fully read (a line too long for inline analysis, lists
   * nested too deep, front matter refused before parsing), each with its 1-based line and why.
   * Empty when the note was read completely; `check` and `todos` exit 2 when it is not.
   */
  skippedParts?: SkippedPart[];
}

export interface SkippedPart {
  line: number;
  reason: string;
}

export interface NotesOptions {
  /** Regex source a heading text must match to be a day (talkCapture.dayHeadingPattern); empty = built-in rules. */
  dayHeadingPattern?: string;
  /** Extra regex sources marking TODO items (talkCapture.todoPatterns). */
  todoPatterns?: string[];
  /** File name, used to name the single day of a note without day headings (`day2.md`). */
  fileName?: string;
}
