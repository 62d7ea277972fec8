/**
 * TOML front matter: smol-toml parses (and reports syntax errors and duplicate keys), a small
 * scanner finds where each top-level key's value is written, and changes are targeted text
 * edits there. TOML libraries do not round-trip formatting; text edits keep everything else
 * byte for byte.
 */
import type { FrontMatterBlock } from './locate';
import { lineOfOffset } from './locate';
import { appendToBracketList, lineEndOf } from './bracketList';
import { dominantQuote } from './yaml';
import type { FrontMatterError, FrontMatterSource, ListField, ListItem, Lookup, NewValue, OffsetEdit, Quote, ScalarField } from './types';
import { messageOf } from '../util/errors';

// smol-toml ships an ES module and a CommonJS build; the bundle (CommonJS) loads the latter.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml, TomlDate, TomlError } = require('smol-toml') as typeof import('smol-toml', { with: { 'resolution-mode': 'import' } });
type TomlError = InstanceType<typeof TomlError>;

type ValueKind = 'basic' | 'literal' | 'ml-basic' | 'ml-literal' | 'array' | 'table' | 'bare';

interface ScannedValue {
  kind: ValueKind;
  start: number;
  end: number;
  /** Arrays: their elements, and the offset of `]`. */
  items?: ScannedValue[];
  close?: number;
}

interface RootEntry {
  /** The key as written, unquoted (dotted keys joined with `.`). */
  key: string;
  keyStart: number;
  value: ScannedValue;
}

interface TableHeader {
  name: string;
  array: boolean;
  start: number;
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Scans TOML text (already known to parse) for the top-level entries and the table headers. */
class TomlScanner {
  private pos = 0;
  readonly entries: RootEntry[] = [];
  readonly tables: TableHeader[] = [];

  constructor(
    private readonly s: string,
    from: number,
    private readonly to: number,
  ) {
    this.pos = from;
    this.scan();
  }

  private skipBlank(newlines: boolean): void {
    for (;;) {
      const c = this.s[this.pos];
      if (this.pos >= this.to) return;
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.pos++;
      else if (c === '#') {
        while (this.pos < this.to && this.s[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private scan(): void {
    for (;;) {
      this.skipBlank(true);
      if (this.pos >= this.to) return;
      if (this.s[this.pos] === '[') {
        const start = this.pos;
        const array = this.s[this.pos + 1] === '[';
        this.pos += array ? 2 : 1;
        const name = this.key(array ? ']]' : ']');
        this.pos += array ? 2 : 1;
        this.tables.push({ name, array, start });
        continue;
      }
      const keyStart = this.pos;
      const key = this.key('=');
      this.pos++; // '='
      this.skipBlank(false);
      const value = this.value();
      if (this.tables.length === 0) this.entries.push({ key, keyStart, value });
    }
  }

  /** Reads a (dotted) key up to `stop`, leaving pos at `stop`. */
  private key(stop: string): string {
    const parts: string[] = [];
    for (;;) {
      this.skipBlank(false);
      const c = this.s[this.pos];
      if (c === '"' || c === "'") {
        const v = this.value();
        parts.push(
          c === '"'
            ? (JSON.parse(this.s.slice(v.start, v.end).replace(/\\U([0-9a-fA-F]{8})/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))) as string)
            : this.s.slice(v.start + 1, v.end - 1),
        );
      } else {
        const m = /^[A-Za-z0-9_-]+/.exec(this.s.slice(this.pos, this.to));
        if (!m) throw new ScanError('expected a key', this.pos);
        parts.push(m[0]);
        this.pos += m[0].length;
      }
      this.skipBlank(false);
      if (this.s[this.pos] === '.') {
        this.pos++;
        continue;
      }
      if (this.s.startsWith(stop, this.pos)) return parts.join('.');
      throw new ScanError(`expected ${stop}`, this.pos);
    }
  }

  private value(): ScannedValue {
    const s = this.s;
    const start = this.pos;
    const c = s[start];
    if (s.startsWith('"""', start) || s.startsWith("'''", start)) {
      const q = s.slice(start, start + 3);
      let i = start + 3;
      for (;;) {
        const j = s.indexOf(q, i);
        if (j === -1 || j >= this.to) throw new ScanError('unclosed string', start);
        if (q === '"""') {
          let backslashes = 0;
          for (let k = j - 1; k > start + 2 && s[k] === '\\'; k--) backslashes++;
          if (backslashes % 2 === 1) {
            i = j + 1;
            continue;
          }
        }
        let end = j + 3;
        while (s[end] === q[0] && end - j < 5) end++;
        this.pos = end;
        return { kind: q === '"""' ? 'ml-basic' : 'ml-literal', start, end };
      }
    }
    if (c === '"') {
      let i = start + 1;
      while (i < this.to && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      this.pos = i + 1;
      return { kind: 'basic', start, end: i + 1 };
    }
    if (c === "'") {
      const j = s.indexOf("'", start + 1);
      this.pos = j + 1;
      return { kind: 'literal', start, end: j + 1 };
    }
    if (c === '[') {
      this.pos++;
      const items: ScannedValue[] = [];
      for (;;) {
        this.skipBlank(true);
        if (s[this.pos] === ']') break;
        items.push(this.value());
        this.skipBlank(true);
        if (s[this.pos] === ',') this.pos++;
        else if (s[this.pos] !== ']') throw new ScanError('expected , or ]', this.pos);
      }
      const close = this.pos;
      this.pos++;
      return { kind: 'array', start, end: this.pos, items, close };
    }
    if (c === '{') {
      this.pos++;
      for (;;) {
        this.skipBlank(true);
        if (s[this.pos] === '}') break;
        this.key('=');
        this.pos++;
        this.skipBlank(false);
        this.value();
        this.skipBlank(true);
        if (s[this.pos] === ',') this.pos++;
      }
      this.pos++;
      return { kind: 'table', start, end: this.pos };
    }
    const m = /^[^\s,\]}#]+/.exec(s.slice(start, this.to));
    if (!m) throw new ScanError('expected a value', start);
    let end = start + m[0].length;
    // A date and a time may be separated by a space: 1979-05-27 07:32:00Z
    const time = /^\d{4}-\d{2}-\d{2}$/.test(m[0]) ? /^ \d{2}:\d{2}[^\s,\]}#]*/.exec(s.slice(end, this.to)) : null;
    if (time) end += time[0].length;
    this.pos = end;
    return { kind: 'bare', start, end };
  }
}

function unquoteKind(kind: ValueKind): Quote {
  return kind === 'basic' ? '"' : kind === 'literal' ? "'" : '';
}

function renderTomlString(s: string, quote: Quote): string {
  // eslint-disable-next-line no-control-regex
  if (quote === "'" && !/['\n\r]/.test(s) && !/[\u0000-\u0008\u000a-\u001f\u007f]/.test(s)) return `'${s}'`;
  return JSON.stringify(s).replace(/\u007f/g, '\\u007f');
}

function plainData(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plainData(v)]));
  }
  return value;
}

function tomlReason(err: TomlError): string {
  const first = err.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
  if (/redefine an already defined/.test(first)) return 'duplicate key or table (it is already defined above)';
  if (/control characters are not allowed in strings/.test(first)) return 'a string is not closed on this line (or holds a control character)';
  return first;
}

export function parseTomlFrontMatter(text: string, block: FrontMatterBlock): { ok: true; source: FrontMatterSource } | { ok: false; error: FrontMatterError } {
  const content = text.slice(block.contentStart, block.contentEnd);
  let data: Record<string, unknown>;
  try {
    data = plainData(parseToml(content)) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof TomlError) return { ok: false, error: { line: err.line + block.startLine, reason: tomlReason(err) } };
    return { ok: false, error: { line: null, reason: messageOf(err) } };
  }
  let scanner: TomlScanner;
  try {
    scanner = new TomlScanner(text, block.contentStart, block.contentEnd);
  } catch (err) {
    const at = err instanceof ScanError ? lineOfOffset(text, err.offset) : null;
    return { ok: false, error: { line: at, reason: `this TOML is valid but written in a way Talk Capture cannot edit (${messageOf(err)})` } };
  }
  return { ok: true, source: new TomlSource(text, block, scanner, data) };
}

class TomlSource implements FrontMatterSource {
  readonly format = 'toml' as const;
  readonly keys: readonly string[];

  constructor(
    private readonly text: string,
    readonly block: FrontMatterBlock,
    private readonly scanner: TomlScanner,
    readonly data: Record<string, unknown>,
  ) {
    this.keys = scanner.entries.map((e) => e.key);
  }

  private entry(key: string): RootEntry | undefined {
    const es = this.scanner.entries;
    return es.find((e) => e.key === key) ?? es.find((e) => e.key.toLowerCase() === key.toLowerCase());
  }

  /** A table or array of tables named `key` (front matter cannot hold it as a plain value then). */
  private tableNamed(key: string): TableHeader | undefined {
    return this.scanner.tables.find((t) => t.name.toLowerCase() === key.toLowerCase());
  }

  private notAValue(key: string, kind: 'single value' | 'list'): Lookup<never> | undefined {
    const t = this.tableNamed(key);
    if (!t) return undefined;
    const what = t.array ? `an array of tables (\`[[${t.name}]]\`)` : `a table (\`[${t.name}]\`)`;
    const want = kind === 'list' ? `a list: \`${key} = ["a", "b"]\`` : `\`${key} = value\``;
    return { kind: 'error', error: { line: lineOfOffset(this.text, t.start), reason: `\`${t.name}\` is ${what}, not ${want}` } };
  }

  scalar(key: string): Lookup<ScalarField> {
    const e = this.entry(key);
    if (!e) return this.notAValue(key, 'single value') ?? { kind: 'missing' };
    const line = lineOfOffset(this.text, e.keyStart);
    const v = e.value;
    if (v.kind !== 'basic' && v.kind !== 'literal' && v.kind !== 'bare') {
      return { kind: 'error', error: { line, reason: `\`${e.key}\` is not a single one-line value` } };
    }
    const quote = unquoteKind(v.kind);
    const innerStart = quote ? v.start + 1 : v.start;
    const innerEnd = quote ? v.end - 1 : v.end;
    return {
      kind: 'found',
      field: { key: e.key, line, start: v.start, end: v.end, innerStart, innerEnd, quote, value: this.data[e.key], raw: this.text.slice(innerStart, innerEnd) },
    };
  }

  list(key: string): Lookup<ListField> {
    const e = this.entry(key);
    if (!e) return this.notAValue(key, 'list') ?? { kind: 'missing' };
    const line = lineOfOffset(this.text, e.keyStart);
    const v = e.value;
    if (v.kind !== 'array') {
      const what = v.kind === 'table' ? 'an inline table' : v.kind === 'bare' ? 'a single value' : 'a single text';
      return { kind: 'error', error: { line, reason: `\`${e.key}\` is ${what}, not a list (write it as \`${e.key} = ["a", "b"]\`)` } };
    }
    const items: ListItem[] = [];
    const values = this.data[e.key];
    for (const [i, it] of (v.items ?? []).entries()) {
      if (it.kind === 'array' || it.kind === 'table') {
        return { kind: 'error', error: { line: lineOfOffset(this.text, it.start), reason: `\`${e.key}\` holds a nested list or table; only plain items can be synced` } };
      }
      const value = Array.isArray(values) ? values[i] : undefined;
      items.push({ value: value == null ? '' : String(value), start: it.start, end: it.end, quote: unquoteKind(it.kind) });
    }
    const quote = dominantQuote(items) || this.stringQuote();
    return {
      kind: 'found',
      field: {
        key: e.key,
        line,
        items,
        append: (vals) =>
          appendToBracketList(
            this.text,
            v.start,
            v.close!,
            items,
            vals.map((s) => renderTomlString(s, quote)),
            this.block.eol,
          ),
      },
    };
  }

  renderScalar(value: string | boolean, quote: Quote = '"'): string {
    if (typeof value === 'boolean') return String(value);
    return renderTomlString(value, quote || '"');
  }

  insertField(key: string, value: NewValue, after: readonly string[] = []): OffsetEdit {
    const eol = this.block.eol;
    const k = /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
    const sep = this.assignSeparator();
    const rendered = value.kind === 'scalar' ? `${k}${sep}${value.text}` : `${k}${sep}[${value.values.map((s) => renderTomlString(s, this.stringQuote())).join(', ')}]`;
    const anchor = after.map((a) => this.entry(a)).find((e) => e !== undefined) ?? this.scanner.entries[this.scanner.entries.length - 1];
    if (!anchor) {
      // No top-level key yet: before the first table, or at the end.
      const at = this.scanner.tables[0]?.start ?? this.block.contentEnd;
      return { start: at, end: at, text: rendered + eol };
    }
    const at = lineEndOf(this.text, anchor.value.end);
    return { start: at, end: at, text: eol + rendered };
  }

  /** ` = ` unless the file writes `key=value`. */
  private assignSeparator(): string {
    const e = this.scanner.entries[0];
    if (!e) return ' = ';
    const between = this.text.slice(e.keyStart, e.value.start);
    const m = /[ \t]*=[ \t]*$/.exec(between);
    return m ? m[0] : ' = ';
  }

  /** The quote the file's strings mostly use. */
  private stringQuote(): Quote {
    let basic = 0;
    let literal = 0;
    for (const e of this.scanner.entries) {
      const kinds = e.value.kind === 'array' ? (e.value.items ?? []).map((i) => i.kind) : [e.value.kind];
      for (const k of kinds) {
        if (k === 'basic') basic++;
        else if (k === 'literal') literal++;
      }
    }
    return literal > basic ? "'" : '"';
  }
}
