/**
 * Finding and reading a note's front matter: YAML between `---` fences or TOML between `+++`
 * fences on the first line, read through gray-matter with the `yaml` package (YAML 1.2, good
 * error positions) and smol-toml as its engines. Never throws: problems become a readable
 * `error` with the line it is on.
 */
import matter from 'gray-matter';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { FrontMatterFormat, FrontMatterInfo } from './model';

// smol-toml ships a CommonJS build (its `require` export), but types TypeScript reads as ESM only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml, TomlError } = require('smol-toml') as typeof import('smol-toml', { with: { 'resolution-mode': 'import' } });

export function emptyFrontMatter(): FrontMatterInfo {
  return { format: null, data: {}, error: null, errorLine: null, startLine: null, endLine: null };
}

/** Where the front matter is: its format, the 0-based line of its closing fence (-1 when never closed). */
export function locateFrontMatter(lines: readonly string[]): { format: FrontMatterFormat; close: number } | undefined {
  const first = lines[0];
  if (first === undefined) return undefined;
  const fence = /^(---|\+\+\+)[ \t]*$/.exec(first);
  if (!fence) return undefined;
  const format: FrontMatterFormat = fence[1] === '---' ? 'yaml' : 'toml';
  const closeRe = format === 'yaml' ? /^---[ \t]*$/ : /^\+\+\+[ \t]*$/;
  for (let i = 1; i < lines.length; i++) if (closeRe.test(lines[i])) return { format, close: i };
  return { format, close: -1 };
}

class LinedError extends Error {
  constructor(message: string, public readonly line: number | null) {
    super(message);
  }
}

/** Reads the front matter whose fences are on 0-based lines 0 and `close` (-1: never closed). */
export function readFrontMatter(lines: readonly string[], format: FrontMatterFormat, close: number): FrontMatterInfo {
  const info: FrontMatterInfo = { ...emptyFrontMatter(), format, startLine: 1 };
  const fence = format === 'yaml' ? '---' : '+++';
  if (close < 0) {
    info.error = `The front matter opened with ${fence} on line 1 is never closed: add a ${fence} line after it.`;
    info.errorLine = 1;
    return info;
  }
  info.endLine = close + 1;
  const inner = lines.slice(1, close).join('\n');
  let passed = '';
  const engine = (parse: (s: string) => unknown) => ({
    parse: (s: string) => {
      passed = s;
      return parse(s) as object;
    },
  });
  try {
    const file = matter(`${fence}\n${inner}\n${fence}\n`, {
      language: format,
      delimiters: fence,
      engines: {
        yaml: engine((s) => {
          try {
            return parseYaml(s, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
          } catch (err) {
            if (err instanceof YAMLParseError) throw new LinedError(firstLine(err.message), err.linePos?.[0]?.line ?? null);
            throw err;
          }
        }),
        toml: engine((s) => {
          try {
            return parseToml(s);
          } catch (err) {
            if (err instanceof TomlError) throw new LinedError(firstLine(err.message), err.line ?? null);
            throw err;
          }
        }),
      },
    });
    const data: unknown = file.data;
    if (data === null || data === undefined) info.data = {};
    else if (typeof data !== 'object' || Array.isArray(data)) {
      info.error = `The ${format.toUpperCase()} front matter is not a set of fields (key: value).`;
      info.errorLine = 2;
    } else info.data = data as Record<string, unknown>;
  } catch (err) {
    const where = err instanceof LinedError && err.line !== null ? err.line - leadingNewlines(passed) : null;
    const line = where !== null ? Math.min(Math.max(1, where) + 1, close) : null;
    const reason = err instanceof Error ? err.message : String(err);
    info.error = `The ${format.toUpperCase()} front matter cannot be read${line !== null ? ` (line ${line})` : ''}: ${reason}`;
    info.errorLine = line;
    info.data = {};
  }
  return info;
}

function leadingNewlines(s: string): number {
  let n = 0;
  while (s[n] === '\n') n++;
  return n;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim().replace(/ at line \d+, column \d+:?$/, '');
  return line.length > 200 ? line.slice(0, 200) + '…' : line;
}
