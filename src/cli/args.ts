/** The one argument parser of every subcommand (node's util.parseArgs), and `--day-pattern`. */
import { parseArgs as nodeParseArgs } from 'util';
import { compileUserPattern } from '../core/userPattern';
import { CliError } from './command';
import { firstLineOf, messageOf } from '../core/util/errors';

/** The usage of `--day-pattern`, as the subcommands that read talks print it. */
export const DAY_PATTERN_USAGE = '[--day-pattern REGEX]';

/**
 * `--day-pattern REGEX`: what talkCapture.dayHeadingPattern is in the editor (the headings that
 * are days, and so the talks that "first mention per talk" counts in). Undefined when absent or
 * empty (the built-in rules); a pattern that cannot run in linear time is a usage error.
 */
export function dayPatternOf(values: ReadonlyMap<string, string>): string | undefined {
  const source = values.get('day-pattern');
  if (source === undefined || !source.trim()) return undefined;
  const compiled = compileUserPattern(source, { ignoreCase: true });
  if (!compiled.ok) throw new CliError(`--day-pattern was refused: ${compiled.reason}`);
  return source;
}

export interface CliOptionSpec {
  /** A value follows (`--mode perTalk` or `--mode=perTalk`); otherwise a flag. */
  value?: boolean;
}

export interface ParsedArgs {
  /** Files and folders, in order (everything after `--` is one, even when it starts with `-`). */
  paths: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/**
 * The one argument parser of every subcommand (node's util.parseArgs, strict): `--flag`,
 * `--name value`, `--name=value`, and `--` before file names that start with `-` (or write
 * them as `./-x.md`). Unknown options are a usage error naming the known ones.
 */
export function parseCliArgs(args: readonly string[], options: Record<string, CliOptionSpec>, usage: string): ParsedArgs {
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(options)) config[name] = { type: spec.value ? 'string' : 'boolean' };
  const known = Object.keys(options)
    .map((o) => `--${o}`)
    .join(', ');
  // No subcommand has one-letter options: `-x.md` is a file name written without `--` first.
  for (const a of args) {
    if (a === '--') break;
    if (a.startsWith('-') && !a.startsWith('--') && a !== '-') {
      throw new CliError(`unknown option ${a}${known ? ` (options: ${known})` : ''}; for a file whose name starts with "-", put -- before it or write ./${a}\n${usage}`);
    }
  }
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...args], options: config, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const bad = /'([^']+)'/.exec(err instanceof Error ? err.message : '')?.[1] ?? '';
      throw new CliError(`unknown option ${bad}${known ? ` (options: ${known})` : ''}\n${usage}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const msg = messageOf(err);
      const name = /--([\w-]+)/.exec(msg)?.[1];
      throw new CliError(name && options[name]?.value ? `--${name} needs a value\n${usage}` : `${msg.split('\n')[0]}\n${usage}`);
    }
    throw new CliError(`${firstLineOf(err)}\n${usage}`);
  }
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (const [name, v] of Object.entries(parsed.values)) {
    if (typeof v === 'string') values.set(name, v);
    else if (v === true) flags.add(name);
  }
  return { paths: [...parsed.positionals], flags, values };
}
