/**
 * `talk-capture published NOTE [--schedule SOURCE] [--offline] [--json] [--write]`: the slides
 * and recordings of the note's talks, found on the schedule's session pages and in the schedule
 * itself (issue 22), and with `--write` filled into the note (its placeholders, else one line
 * under each heading) with the atomic safe write. The schedule comes from `--schedule` or the
 * note's `schedule:` key (a file relative to the note, or an https: URL). What each session page
 * gave is kept with its date in a cache file (`--cache`, by default
 * `.talk-capture/published-cache.json` beside the note), so a second run reads only the pages
 * still missing a slide or a recording. `--offline` reads no page at all. Pages are read one at a
 * time with a pause between (`--pause MS`, default 2000). A page that cannot be read is one line
 * on standard error naming the site and the page to open; the exit code stays 0.
 */
import { openFrontMatter } from '../core/frontmatter/fields';
import * as fs from 'fs';
import * as path from 'path';
import { parseCliArgs } from './args';
import { CliError, type CliCommand } from './command';
import { readNote, utf8Warning } from './readFile';
import { writeNote } from './safeWrite';
import { fsErrorMessage } from './fsErrors';
import { readScheduleSource, resolveHost } from './schedule';
import { applyEdits } from '../core/document';
import { parseNotes } from '../core/notes/parse';
import { scheduleSourceOf } from '../core/schedule/editor-place';
import { isScheduleUrl } from '../core/schedule';
import { cacheJson, findPublished, parseCache, publishedEdits, type SessionMatch, type TalkLinks } from '../core/published';

const USAGE =
  'usage: talk-capture published NOTE [--schedule SOURCE] [--offline] [--json] [--write] [--cache FILE] [--pause MS] [--timeout MS] [--refetch-hours N] [--now ISO-8601] [--line-format TEXT]';

function number(values: ReadonlyMap<string, string>, name: string, fallback: number): number {
  const v = values.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d+(?:\.\d+)?$/.test(v.trim()) || !Number.isFinite(n)) throw new CliError(`--${name} takes a number of at least 0, not '${v}'`);
  return n;
}

/** Writes a small file whole or not at all (a temporary file renamed over it). */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new CliError(`${fsErrorMessage(file, err, 'write')} (the cache of published links)`);
  }
}

function readCacheFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // no cache yet (or unreadable): start afresh
  }
}

const percent = (n: number) => `${Math.round(n * 100)}%`;

const matchText = (m: SessionMatch) => `${m.session.title} (${m.how === 'url' ? 'session page' : `title, ${percent(m.confidence)}`})`;

function humanLines(talks: readonly TalkLinks[]): string[] {
  const out: string[] = [];
  for (const t of talks) {
    const m = t.match;
    const best = t.candidates.find((c) => c.score > 0);
    out.push(`line ${t.line}  ${t.title} → ${m ? matchText(m) : `no session${best ? ` (closest: ${best.session.title}, ${percent(best.score)})` : ''}`}`);
    for (const l of t.links) out.push(`  ${l.kind.padEnd(9)} ${l.url}`);
  }
  return out;
}

export const run: CliCommand = async (args, io) => {
  const { paths, flags, values } = parseCliArgs(
    args,
    {
      schedule: { value: true },
      offline: {},
      json: {},
      write: {},
      cache: { value: true },
      pause: { value: true },
      timeout: { value: true },
      'refetch-hours': { value: true },
      now: { value: true },
      'line-format': { value: true },
    },
    USAGE,
  );
  if (paths.length !== 1) throw new CliError(USAGE);
  const file = paths[0];
  const write = flags.has('write');
  const note = readNote(file, { strictUtf8: write });
  const warning = utf8Warning(note);
  if (warning) io.err(`talk-capture published: ${warning}`);
  const text = note.text;
  const timing = { pauseMs: number(values, 'pause', 2000), timeoutMs: number(values, 'timeout', 15000), refetchAfterHours: number(values, 'refetch-hours', 12) };
  const written = values.get('schedule') ?? scheduleSourceOf(openFrontMatter(text));
  if (!written) throw new CliError(`${file}: no schedule: give --schedule SOURCE or a schedule: key in the note's front matter`);
  const source = isScheduleUrl(written) || path.isAbsolute(written) || values.has('schedule') ? written : path.join(path.dirname(file), written);
  const schedule = await readScheduleSource(source);
  const nowText = values.get('now');
  const now = nowText === undefined ? Date.now() : Date.parse(nowText);
  if (!Number.isFinite(now)) throw new CliError(`--now: '${nowText}' is not an ISO 8601 date-time`);
  const cacheFile = values.get('cache') ?? path.join(path.dirname(file), '.talk-capture', 'published-cache.json');
  const model = parseNotes(text);
  const result = await findPublished(text, model, schedule, parseCache(readCacheFile(cacheFile)), {
    offline: flags.has('offline'),
    ...timing,
    now,
    lookup: resolveHost,
  });
  if (result.requests > 0) writeAtomically(cacheFile, cacheJson(result.cache));
  for (const t of result.talks) for (const p of t.problems) io.err(`talk-capture published: line ${t.line}: ${p}`);
  if (flags.has('json')) {
    const talks = result.talks.map((t) => ({
      line: t.line,
      title: t.title,
      session: t.match ? { id: t.match.session.id, url: t.match.session.url, title: t.match.session.title } : null,
      confidence: t.match?.confidence ?? 0,
      links: t.links.map((l) => ({ kind: l.kind, url: l.url, source: l.source })),
    }));
    io.out(JSON.stringify({ talks }, null, 2));
  } else for (const line of humanLines(result.talks)) io.out(line);
  const edits = publishedEdits(text, model, result.talks, { lineFormat: values.get('line-format') });
  const summary = `${result.talks.filter((t) => t.match).length} of ${result.talks.length} talks matched a session; ${result.requests} page${result.requests === 1 ? '' : 's'} read`;
  if (!write) {
    io.err(`${summary}; ${edits.length} change${edits.length === 1 ? '' : 's'} to write${edits.length ? ` (add --write to change ${file})` : ''}`);
    return 0;
  }
  if (edits.length === 0) {
    io.err(`${summary}; ${file}: nothing to write`);
    return 0;
  }
  writeNote(note, applyEdits(text, edits));
  io.err(`${summary}; ${file}: written (${edits.length} change${edits.length === 1 ? '' : 's'})`);
  return 0;
};
