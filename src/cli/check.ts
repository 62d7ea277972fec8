import { CliError, type CliCommand } from './common';

// PLACEHOLDER: filled by the issue that owns this subcommand.
export const run: CliCommand = () => {
  throw new CliError('not available yet');
};
