/** The readable message of anything thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The first line of the message of anything thrown (parsers put a code excerpt after it). */
export function firstLineOf(err: unknown): string {
  return messageOf(err).split('\n')[0];
}

/** The stack of anything thrown (its message when it has none), for a log. */
export function stackOf(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
