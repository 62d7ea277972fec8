#!/usr/bin/env node
/**
 * `talk-capture`: the command line over the same core as the extension, for a blog's CI.
 * Each subcommand lives in src/cli/<name>.ts.
 */
import { CliError, type CliCommand, type CliIO } from './cli/command';
import { printableIO } from './cli/output';
import { run as outline } from './cli/outline';
import { run as todos } from './cli/todos';
import { DEFAULT_EXCLUDE_GLOB, DEFAULT_NOTES_GLOB } from './core/notes/workspaceNotes';
import { run as link } from './cli/link';
import { run as check } from './cli/check';
import { run as syncTags } from './cli/syncTags';
import { messageOf } from './core/util/errors';

const commands: Record<string, { run: CliCommand; usage: string }> = {
  outline: { run: outline, usage: 'outline FILE [--json]            days, talks and TODO items of a note' },
  todos: {
    run: todos,
    usage: [
      'todos PATH... [--json] [--include-hidden] [--notes-glob GLOB] [--exclude-glob GLOB]',
      "                                   TODO items of notes: files, or a folder's notes as the editor selects them",
      `                                   (--notes-glob default ${DEFAULT_NOTES_GLOB}, --exclude-glob default ${DEFAULT_EXCLUDE_GLOB});`,
      '                                   hidden drafts only with --include-hidden',
    ].join('\n'),
  },
  link: { run: link, usage: 'link FILE [--dry-run|--write] [--json]   CNCF project mentions, and link them' },
  check: {
    run: check,
    usage: [
      "check PATH... [--json] [--strict] problems to fix before publishing: files, or a folder's notes (a blog's content/)",
      '                                   exit 1 for errors and warnings; hints (info) are printed, and fail only with --strict',
    ].join('\n'),
  },
  'sync-tags': { run: syncTags, usage: 'sync-tags FILE [--write]         tags to add from linked projects' },
  schedule: {
    run: async (args, io) => (await import('./cli/schedule.js')).run(args, io),
    usage: 'schedule SOURCE [--json] [--at ISO-8601] [--tz IANA-ZONE]   a conference schedule (file or https: URL) by day',
  },
  photos: {
    run: async (args, io) => (await import('./cli/photos.js')).run(args, io),
    usage: [
      'photos NOTE PHOTO|FOLDER... [--schedule SOURCE] [--tz ZONE] [--max-edge PX] [--keep-metadata] [--json] [--write] [--day-pattern REGEX]',
      '                                   slide photos under the talks they were taken in (the plan; --write copies and links them)',
    ].join('\n'),
  },
  published: {
    run: async (args, io) => (await import('./cli/published.js')).run(args, io),
    usage: [
      'published NOTE [--schedule SOURCE] [--offline] [--json] [--write]',
      "                                   slides and recordings of the note's talks from the schedule's session pages;",
      '                                   --write fills them in (--cache FILE, --pause MS, --timeout MS, --refetch-hours N)',
    ].join('\n'),
  },
};

export function usage(): string {
  return ['Usage: talk-capture <command> [options]', '', 'Commands:', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');
}

export async function main(argv: string[], terminal: CliIO): Promise<number> {
  // Nothing read from a note or a schedule reaches the terminal as a control sequence.
  const io = printableIO(terminal);
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`talk-capture: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`talk-capture ${name}: ${err.message}`);
      return err.exitCode;
    }
    io.err(`talk-capture ${name}: ${messageOf(err)}`);
    return 2;
  }
}

if (require.main === module) {
  // Standard output in chunks (a long note can print tens of thousands of lines: one write
  // each costs more than the work); written before anything goes to standard error, so the
  // two keep their order.
  let pending: string[] = [];
  let pendingChars = 0;
  // A reader that stops early (`outline … | head -1`) closes the pipe: the rest of the output is
  // dropped quietly, the command ends as it would, and nothing else is printed about it.
  const closed = { out: false, err: false };
  const onClosed = (which: 'out' | 'err') => (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    closed[which] = true;
    pending = [];
  };
  process.stdout.on('error', onClosed('out'));
  process.stderr.on('error', onClosed('err'));
  const flush = () => {
    if (pending.length === 0) return;
    if (!closed.out) process.stdout.write(pending.join(''));
    pending = [];
    pendingChars = 0;
  };
  const io: CliIO = {
    out: (t) => {
      if (closed.out) return;
      pending.push(t + '\n');
      pendingChars += t.length + 1;
      if (pendingChars >= 64 * 1024) flush();
    },
    err: (t) => {
      flush();
      if (!closed.err) process.stderr.write(t + '\n');
    },
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      flush();
      process.exitCode = code;
    },
    (err) => {
      io.err(String(err));
      process.exitCode = 2;
    },
  );
}
