/** The CLI's output: control characters made visible, and the "not fully read" lines of a note. */
import type { CliIO } from './command';

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text as the CLI prints it: a control character (the ESC of an escape sequence in a schedule
 * title or a heading, a carriage return, a bell, a C1 control) is shown as its `\u001b` escape
 * instead of reaching the terminal. In `--json` output such a character can only stand inside a
 * string, where the escape means the same character: the JSON stays valid and unchanged.
 */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same output channels, with every line made {@link printable}. */
export function printableIO(io: CliIO): CliIO {
  return { out: (t) => io.out(printable(t)), err: (t) => io.err(printable(t)) };
}

/**
 * Says on standard error which lines of a note were not fully read (`FILE:LINE: not fully read:
 * why`, as `check` and `todos` say it); true when there were any (the command then exits 2).
 */
export function reportUnread(io: CliIO, command: string, file: string, parts: readonly { line: number; reason: string }[]): boolean {
  for (const part of parts) io.err(`talk-capture ${command}: ${file}:${part.line}: not fully read: ${part.reason}`);
  return parts.length > 0;
}
