/**
 * YAML front matter through `yaml`'s Document API: the document gives the values and the source
 * range of every node; changes are targeted text edits at those ranges, so everything else
 * (comments, quoting, flow or block lists, indentation, blank lines, unknown keys) stays byte
 * for byte as written.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, parse as parseYaml, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FrontMatterBlock } from './locate';
import { lineOfOffset } from './locate';
import { appendToBracketList, lineEndOf, lineStartOf } from './bracketList';
import type { FrontMatterError, FrontMatterSource, ListField, ListItem, Lookup, NewValue, OffsetEdit, Quote, ScalarField } from './types';
import { messageOf } from '../util/errors';

type AnyPair = Pair<unknown, unknown>;

function quoteOf(node: Scalar): Quote {
  if (node.type === Scalar.QUOTE_DOUBLE) return '"';
  if (node.type === Scalar.QUOTE_SINGLE) return "'";
  return '';
}

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

/** True when `s` can be written as a plain YAML scalar and reads back as the same string. */
function yamlPlainSafe(s: string, inFlow: boolean): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t]/.test(s)) return false;
  if (INDICATOR_START.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  try {
    return parseYaml(s) === s;
  } catch {
    return false;
  }
}

function renderYamlString(s: string, quote: Quote, inFlow: boolean): string {
  if (quote === "'" && !/[\n\r]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  if (quote === '"' || !yamlPlainSafe(s, inFlow)) return JSON.stringify(s);
  return s;
}

/** The quote most of `items` use ('' when none or a tie with plain). */
export function dominantQuote(items: readonly { quote: Quote }[]): Quote {
  const counts = { '"': 0, "'": 0, '': 0 } as Record<Quote, number>;
  for (const i of items) counts[i.quote]++;
  if (counts['"'] > counts[''] && counts['"'] >= counts["'"]) return '"';
  if (counts["'"] > counts[''] && counts["'"] > counts['"']) return "'";
  return '';
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

/** The last line before `errorLine` that opens a `[`, `{` or quote it does not close. */
function unclosedOpener(text: string, block: FrontMatterBlock, errorLine: number): { line: number; reason: string } | null {
  const lines = text.slice(block.contentStart, block.contentEnd).split('\n');
  for (let i = errorLine - block.startLine - 1; i >= 0; i--) {
    const l = (lines[i] ?? '').replace(/\s#.*$/, '');
    const value = l.replace(/^[^:]*:\s*/, '');
    const count = (re: RegExp) => (value.match(re) ?? []).length;
    if (count(/"/g) - count(/\\"/g) === 1) return { line: block.startLine + i + 1, reason: 'a `"` quote is not closed' };
    if (count(/\[/g) > count(/]/g)) return { line: block.startLine + i + 1, reason: 'a `[` list is not closed with `]`' };
    if (count(/\{/g) > count(/}/g)) return { line: block.startLine + i + 1, reason: 'a `{` mapping is not closed with `}`' };
  }
  return null;
}

export function parseYamlFrontMatter(text: string, block: FrontMatterBlock): { ok: true; source: FrontMatterSource } | { ok: false; error: FrontMatterError } {
  const content = text.slice(block.contentStart, block.contentEnd);
  const lineBase = block.startLine; // content line 1 is note line startLine + 1
  const doc = parseDocument(content, { prettyErrors: true, uniqueKeys: true, keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line != null ? e.linePos[0].line + lineBase : null;
    let reason = firstLine(e.message);
    reason = reason[0].toLowerCase() + reason.slice(1);
    let line2 = line;
    if (line != null && (e.code === 'MISSING_CHAR' || /^Flow (sequence|mapping)/.test(e.message))) {
      // The parser notices an unclosed bracket or quote where the next key starts: point at the opener.
      const opener = unclosedOpener(text, block, line);
      if (opener) {
        line2 = opener.line;
        reason = opener.reason;
      }
    }
    if (e.code === 'DUPLICATE_KEY' && line != null) {
      const lineText = text.slice(lineStartOf(text, block.contentStart + (e.pos?.[0] ?? 0)), lineEndOf(text, block.contentStart + (e.pos?.[0] ?? 0)));
      const key = /^\s*([^:#]+?)\s*:/.exec(lineText)?.[1];
      reason = key ? `duplicate key \`${key}\` (each key may appear once)` : 'duplicate key (each key may appear once)';
    }
    return { ok: false, error: { line: line2, reason } };
  }
  const contents = doc.contents;
  if (contents != null && !(isMap(contents) && !contents.flow)) {
    const start = (contents as Node).range?.[0] ?? 0;
    return {
      ok: false,
      error: { line: lineOfOffset(text, block.contentStart + start), reason: 'the front matter is not a set of fields (it is not a list of `key: value` lines)' },
    };
  }
  const map = (contents as YAMLMap<unknown, unknown> | null) ?? null;
  const pairs: AnyPair[] = map ? map.items.filter((p): p is AnyPair => isPair(p)) : [];
  let data: Record<string, unknown>;
  try {
    const js = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    data = js && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
  } catch (err) {
    return { ok: false, error: { line: null, reason: messageOf(err) } };
  }
  return { ok: true, source: new YamlSource(text, block, pairs, data) };
}

class YamlSource implements FrontMatterSource {
  readonly format = 'yaml' as const;
  readonly keys: readonly string[];

  constructor(
    private readonly text: string,
    readonly block: FrontMatterBlock,
    private readonly pairs: AnyPair[],
    readonly data: Record<string, unknown>,
  ) {
    this.keys = pairs.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
  }

  private abs(offset: number): number {
    return this.block.contentStart + offset;
  }

  private line(offset: number): number {
    return lineOfOffset(this.text, this.abs(offset));
  }

  /** The pair of a top-level key: exact spelling first, then ignoring case (as Hugo does). */
  private pair(key: string): AnyPair | undefined {
    const keyOf = (p: AnyPair) => (isScalar(p.key) ? String(p.key.value) : '');
    return this.pairs.find((p) => keyOf(p) === key) ?? this.pairs.find((p) => keyOf(p).toLowerCase() === key.toLowerCase());
  }

  private keyLine(p: AnyPair): number {
    return this.line((p.key as Node).range?.[0] ?? 0);
  }

  scalar(key: string): Lookup<ScalarField> {
    const p = this.pair(key);
    if (!p) return { kind: 'missing' };
    const v = p.value;
    const line = this.keyLine(p);
    if (v == null || !isScalar(v) || !v.range) {
      return { kind: 'error', error: { line, reason: `\`${key}\` is not a single value` } };
    }
    if (v.type !== Scalar.PLAIN && v.type !== Scalar.QUOTE_DOUBLE && v.type !== Scalar.QUOTE_SINGLE) {
      return { kind: 'error', error: { line, reason: `\`${key}\` is written as a block scalar; write it on one line` } };
    }
    const start = this.abs(v.range[0]);
    const end = this.abs(v.range[1]);
    const quote = quoteOf(v);
    const raw = this.text.slice(start, end);
    if (quote && raw.includes('\n')) {
      return { kind: 'error', error: { line, reason: `\`${key}\` spans several lines; write it on one line` } };
    }
    const innerStart = quote ? start + 1 : start;
    const innerEnd = quote ? end - 1 : end;
    return { kind: 'found', field: { key, line, start, end, innerStart, innerEnd, quote, value: v.value, raw: this.text.slice(innerStart, innerEnd) } };
  }

  list(key: string): Lookup<ListField> {
    const p = this.pair(key);
    if (!p) return { kind: 'missing' };
    const line = this.keyLine(p);
    const v = p.value;
    const eol = this.block.eol;
    const text = this.text;
    if (v == null || (isScalar(v) && v.value == null)) {
      // `tags:` with nothing, `tags: ~` or `tags: null`: an empty list.
      const node = v as Scalar | null;
      const written = node?.range ? text.slice(this.abs(node.range[0]), this.abs(node.range[1])) : '';
      const field: ListField = {
        key: this.keyOf(p),
        line,
        items: [],
        append: (values) => {
          if (values.length === 0) return [];
          if (written !== '' && node?.range) {
            return [{ start: this.abs(node.range[0]), end: this.abs(node.range[1]), text: `[${values.map((s) => renderYamlString(s, '', true)).join(', ')}]` }];
          }
          const keyStart = this.abs((p.key as Node).range![0]);
          const keyIndent = text.slice(lineStartOf(text, keyStart), keyStart);
          const at = lineEndOf(text, keyStart);
          const indent = keyIndent + this.seqIndent();
          return [{ start: at, end: at, text: values.map((s) => `${eol}${indent}- ${renderYamlString(s, '', false)}`).join('') }];
        },
      };
      return { kind: 'found', field };
    }
    if (!isSeq(v)) {
      const what = isScalar(v) ? (typeof v.value === 'string' ? 'a single text' : 'a single value') : 'a mapping';
      return { kind: 'error', error: { line, reason: `\`${this.keyOf(p)}\` is ${what}, not a list (write it as \`${this.keyOf(p)}: [a, b]\` or one \`- item\` a line)` } };
    }
    const items: ListItem[] = [];
    for (const it of v.items) {
      if (!isScalar(it) || !it.range) {
        const at = (it as Node | null)?.range?.[0];
        return { kind: 'error', error: { line: at != null ? this.line(at) : line, reason: `\`${this.keyOf(p)}\` holds a nested list or mapping; only plain items can be synced` } };
      }
      items.push({ value: it.value == null ? '' : String(it.value), start: this.abs(it.range[0]), end: this.abs(it.range[1]), quote: quoteOf(it) });
    }
    const quote = dominantQuote(items);
    const flow = !!v.flow;
    const seqNode = v;
    const field: ListField = {
      key: this.keyOf(p),
      line,
      items,
      append: (values) => {
        const rendered = values.map((s) => renderYamlString(s, quote, flow));
        if (flow) {
          const open = this.abs(seqNode.range![0]);
          const close = this.abs(seqNode.range![1]) - 1;
          return appendToBracketList(text, open, close, items, rendered, eol);
        }
        const last = items[items.length - 1];
        const ls = lineStartOf(text, last.start);
        const prefix = /^([ \t]*)-([ \t]+)$/.exec(text.slice(ls, last.start));
        const dashIndent = prefix ? prefix[1] : text.slice(ls, last.start).replace(/-.*$/, '');
        const gap = prefix ? prefix[2] : ' ';
        const at = lineEndOf(text, last.end);
        return [{ start: at, end: at, text: rendered.map((r) => `${eol}${dashIndent}-${gap}${r}`).join('') }];
      },
    };
    return { kind: 'found', field };
  }

  private keyOf(p: AnyPair): string {
    return isScalar(p.key) ? String(p.key.value) : String(p.key);
  }

  /** How the file indents block list items under their key ('' or '  '), from its existing lists. */
  private seqIndent(prefer?: AnyPair): string {
    for (const p of prefer ? [prefer, ...this.pairs] : this.pairs) {
      const v = p.value;
      if (isSeq(v) && !v.flow && v.items.length > 0 && isScalar(v.items[0]) && v.items[0].range && (p.key as Node).range) {
        const keyStart = this.abs((p.key as Node).range![0]);
        const keyCol = keyStart - lineStartOf(this.text, keyStart);
        const itemStart = this.abs(v.items[0].range[0]);
        const m = /^([ \t]*)-/.exec(this.text.slice(lineStartOf(this.text, itemStart), itemStart));
        if (m) return ' '.repeat(Math.max(0, m[1].length - keyCol));
      }
    }
    return '  ';
  }

  /** Offset after the last line holding content of `node` (its end of line). */
  private contentEnd(node: unknown): number {
    if ((isSeq(node) || isMap(node)) && !node.flow && node.items.length > 0) {
      const last = node.items[node.items.length - 1];
      return this.contentEnd(isPair(last) ? (last.value ?? last.key) : last);
    }
    const range = (node as Node | null)?.range;
    return range ? this.abs(range[1]) : this.block.contentStart;
  }

  renderScalar(value: string | boolean, quote: Quote = ''): string {
    if (typeof value === 'boolean') return String(value);
    return renderYamlString(value, quote, false);
  }

  insertField(key: string, value: NewValue, after: readonly string[] = []): OffsetEdit {
    const eol = this.block.eol;
    let rendered: string;
    if (value.kind === 'scalar') rendered = `${key}: ${value.text}`;
    else {
      // Written like the sibling list it goes after (tags next to categories), else as a block list.
      const sibling = after.map((k) => this.pair(k)).find((p) => p !== undefined && isSeq(p.value));
      rendered =
        sibling && isSeq(sibling.value) && sibling.value.flow
          ? `${key}: [${value.values.map((s) => renderYamlString(s, '', true)).join(', ')}]`
          : `${key}:` + value.values.map((s) => `${eol}${this.seqIndent(sibling)}- ${renderYamlString(s, '', false)}`).join('');
    }
    const anchor = after.map((k) => this.pair(k)).find((p) => p !== undefined) ?? this.pairs[this.pairs.length - 1];
    if (!anchor) {
      // Empty front matter (or only comments): add the line at its end.
      return { start: this.block.contentEnd, end: this.block.contentEnd, text: rendered + eol };
    }
    const at = lineEndOf(this.text, this.contentEnd(anchor.value ?? anchor.key));
    return { start: at, end: at, text: eol + rendered };
  }
}
