/** What every `talk-capture` subcommand is: its output channels, its signature and the error it raises for the user. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A subcommand: returns the process exit code. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number> | number;

/** Raised for a usage or input problem the user can fix: printed as one line, exit code as given. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode = 2,
  ) {
    super(message);
  }
}
