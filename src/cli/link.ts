/**
 * `talk-capture link FILE [--dry-run|--write] [--json] [--mode perTalk|perDocument|everyMention] [--scope cncf|all] [--index FILE] [--day-pattern REGEX]`
 *
 * Lists the CNCF project mentions of a note (`link`: sure, `suggest`: a probable typo or an
 * ordinary word that may be the project). `--write` links the `link` mentions in place (the
 * first per talk unless `--mode` says otherwise; the talks are those of the note's model, with
 * `--day-pattern` as talkCapture.dayHeadingPattern) and keeps every other byte of the file.
 * `--dry-run` (the default) changes nothing. Exit 0, or 2 for a usage or file problem, or after
 * the rest when a line could not be read (too long for project names: named on stderr).
 */
import * as path from 'path';
import { DAY_PATTERN_USAGE, dayPatternOf, parseCliArgs } from './args';
import { CliError, type CliCommand } from './command';
import { bundledIndexFile, loadIndexFile } from './landscapeIndex';
import { reportUnread } from './output';
import { readNote, utf8Warning } from './readFile';
import { writeNote } from './safeWrite';

import { analyzeText } from '../core/analysis/noteAnalysis';
import { applyEdits } from '../core/document';
import type { LandscapeIndex, LandscapeScope } from '../core/landscape/landscapeIndex';
import { chooseMentions, linkEditsFor, type LinkMode } from '../core/landscape/linkPlan';
import { messageOf } from '../core/util/errors';
import { plural } from '../core/util/plural';

interface LinkMentionJson {
  line: number;
  column: number;
  text: string;
  project: string;
  url: string | null;
  maturity: string | null;
  action: 'link' | 'suggest';
  /** The mention `--write` links (or linked): the first of its project per talk (by `--mode`) not linked yet. */
  chosen: boolean;
}

export interface LinkJson {
  file: string;
  mentions: LinkMentionJson[];
  /** With --write: how many mentions were linked. */
  linked?: number;
}

const MODES: readonly LinkMode[] = ['perTalk', 'perDocument', 'everyMention'];

/** The bundled index next to the bundle (dist/cli.js -> data/landscape.json), or in the source tree. */
function defaultIndexPath(): string {
  return bundledIndexFile();
}

function loadIndex(file: string): LandscapeIndex {
  try {
    return loadIndexFile(file);
  } catch (err) {
    throw new CliError(`cannot read the landscape index ${file}: ${messageOf(err)}`);
  }
}

const LINK_USAGE = `usage: talk-capture link FILE [--dry-run|--write] [--json] [--mode perTalk|perDocument|everyMention] [--scope cncf|all] [--index FILE] ${DAY_PATTERN_USAGE}`;

export const run: CliCommand = (args, io) => {
  const { paths, flags, values } = parseCliArgs(
    args,
    { json: {}, write: {}, 'dry-run': {}, mode: { value: true }, scope: { value: true }, index: { value: true }, 'day-pattern': { value: true } },
    LINK_USAGE,
  );
  const json = flags.has('json');
  const write = flags.has('write');
  const dryRun = flags.has('dry-run');
  const mode = (values.get('mode') ?? 'perTalk') as LinkMode;
  if (!MODES.includes(mode)) throw new CliError(`--mode must be one of ${MODES.join(', ')}`);
  const scopeValue = values.get('scope') ?? 'cncf';
  if (scopeValue !== 'cncf' && scopeValue !== 'all') throw new CliError('--scope must be cncf or all');
  const scope: LandscapeScope = scopeValue;
  const indexFile = values.get('index');
  const dayHeadingPattern = dayPatternOf(values);
  if (paths.length !== 1) throw new CliError(LINK_USAGE);
  if (write && dryRun) throw new CliError('--write and --dry-run exclude each other');
  const file = paths[0];
  // A write needs every byte understood: invalid UTF-8 is refused rather than replaced.
  const note = readNote(file, { strictUtf8: write });
  const warning = utf8Warning(note);
  if (warning) io.err(`talk-capture link: ${warning}`);
  const text = note.text;
  const index = loadIndex(indexFile ?? defaultIndexPath());
  // One analysis of the note (as the editor's) feeds the mentions, the links already there and the talk sections.
  const analysis = analyzeText(text, { dayHeadingPattern, fileName: path.basename(file) }, { index, scope });
  const scan = analysis.inline;
  const mentions = analysis.mentions;
  const plan = { talks: analysis.talks, linked: analysis.linked };
  let linked: number | undefined;
  const chosenList = chooseMentions(text, mentions, mode, plan);
  const chosen = new Set(chosenList);
  if (write) {
    const edits = linkEditsFor(chosenList);
    if (edits.length) writeNote(note, applyEdits(text, edits));
    linked = edits.length;
  }
  if (json) {
    const out: LinkJson = {
      file,
      mentions: mentions.map((m) => ({
        line: m.line,
        column: m.column,
        text: m.text,
        project: m.entry.name,
        url: m.url ?? null,
        maturity: m.entry.maturity,
        action: m.action,
        chosen: chosen.has(m),
      })),
      ...(linked !== undefined ? { linked } : {}),
    };
    io.out(JSON.stringify(out, null, 2));
    return reportUnread(io, 'link', file, scan.skipped) ? 2 : 0;
  }
  if (mentions.length === 0) io.out(`${file}: no project mentions`);
  for (const m of mentions) {
    const what = m.action === 'link' ? (chosen.has(m) ? (write ? 'linked ' : 'link   ') : 'mention') : 'suggest';
    const hint = m.reason === 'typo' ? ` (did you mean ${m.entry.name}?)` : '';
    io.out(`${file}:${m.line}:${m.column}  ${what}  ${m.text} -> ${m.entry.name}${m.url ? ` <${m.url}>` : ''}${hint}`);
  }
  const sure = mentions.filter((m) => m.action === 'link').length;
  const suggest = mentions.length - sure;
  io.out(
    write
      ? `${plural(linked ?? 0, 'mention')} linked (${mode}); ${plural(suggest, 'suggestion')} left for you.`
      : `${sure} sure, ${suggest} suggested; --write would link ${chosen.size} (${mode}).`,
  );
  return reportUnread(io, 'link', file, scan.skipped) ? 2 : 0;
};
