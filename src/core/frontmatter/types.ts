/** Shared shapes of the front matter readers and editors (YAML and TOML). */
import type { FrontMatterFormat } from './format';
import type { FrontMatterBlock } from './locate';

/** Why front matter cannot be read or changed: `line` (1-based, in the whole note) when known. */
export interface FrontMatterError {
  line: number | null;
  reason: string;
  /** Refused before any parser read it (too long, nested too deep): the note was not fully read. */
  refused?: boolean;
}

/** A replacement of the offsets [start, end) of the note's text. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export type Quote = '"' | "'" | '';

/** A single-line scalar value of a top-level key. */
export interface ScalarField {
  key: string;
  /** 1-based line of the key. */
  line: number;
  /** The value as written, quotes included: offsets [start, end). */
  start: number;
  end: number;
  /** The value without its quotes: offsets [innerStart, innerEnd). */
  innerStart: number;
  innerEnd: number;
  quote: Quote;
  /** The parsed value (a TOML date as its text). */
  value: unknown;
  /** The text between the quotes (or the whole value when plain). */
  raw: string;
}

export interface ListItem {
  /** The item's value as text. */
  value: string;
  start: number;
  end: number;
  quote: Quote;
}

/** A list of scalars under a top-level key. */
export interface ListField {
  key: string;
  line: number;
  items: ListItem[];
  /** Edits that append `values` (plain strings, rendered in the list's quoting style). */
  append(values: readonly string[]): OffsetEdit[];
}

export type Lookup<T> = { kind: 'missing' } | { kind: 'found'; field: T } | { kind: 'error'; error: FrontMatterError };

/** A new top-level field: a scalar (already rendered for the format) or a list of plain strings. */
export type NewValue = { kind: 'scalar'; text: string } | { kind: 'list'; values: readonly string[] };

/** Read access and targeted edits to one note's front matter, in its format. */
export interface FrontMatterSource {
  readonly format: FrontMatterFormat;
  readonly block: FrontMatterBlock;
  /** The parsed data (keys as written). */
  readonly data: Record<string, unknown>;
  /** The top-level keys, in order, as written. */
  readonly keys: readonly string[];
  scalar(key: string): Lookup<ScalarField>;
  list(key: string): Lookup<ListField>;
  /** Renders a string or boolean as a scalar of the format (quoted when needed or when `quote` asks). */
  renderScalar(value: string | boolean, quote?: Quote): string;
  /** An edit inserting a new top-level `key` after the first of `after` that exists (else at the end). */
  insertField(key: string, value: NewValue, after?: readonly string[]): OffsetEdit;
}
