/**
 * `talk-capture link FILE [--dry-run|--write] [--json] [--mode perTalk|perDocument|everyMention] [--scope cncf|all] [--index FILE]`
 *
 * Lists the CNCF project mentions of a note (`link`: sure, `suggest`: a probable typo or an
 * ordinary word that may be the project). `--write` links the `link` mentions in place (the
 * first per talk unless `--mode` says otherwise) and keeps every other byte of the file.
 * `--dry-run` (the default) changes nothing. Exit 0, or 2 for a usage or file problem.
 */
import * as fs from 'fs';
import { bundledIndexFile, CliError, readNoteFile, type CliCommand } from './common';

import { applyEdits } from '../core/document';
import { loadIndexFile, type LandscapeIndex, type LandscapeScope } from '../core/landscape/index';
import { chooseMentions, findMentions, type LinkMode, planLinkEdits } from '../core/landscape/matcher';

export interface LinkMentionJson {
  line: number;
  column: number;
  text: string;
  project: string;
  url: string | null;
  maturity: string | null;
  action: 'link' | 'suggest';
}

export interface LinkJson {
  file: string;
  mentions: LinkMentionJson[];
  /** With --write: how many mentions were linked. */
  linked?: number;
}

const MODES: readonly LinkMode[] = ['perTalk', 'perDocument', 'everyMention'];

/** The bundled index next to the bundle (dist/cli.js -> data/landscape.json), or in the source tree. */
export function defaultIndexPath(): string {
  return bundledIndexFile();
}

function loadIndex(file: string): LandscapeIndex {
  try {
    return loadIndexFile(file);
  } catch (err) {
    throw new CliError(`cannot read the landscape index ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export const run: CliCommand = (args, io) => {
  let json = false;
  let write = false;
  let dryRun = false;
  let mode: LinkMode = 'perTalk';
  let scope: LandscapeScope = 'cncf';
  let indexFile: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new CliError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--write') write = true;
    else if (a === '--dry-run') dryRun = true;
    else if (a === '--mode') {
      const v = value();
      if (!MODES.includes(v as LinkMode)) throw new CliError(`--mode must be one of ${MODES.join(', ')}`);
      mode = v as LinkMode;
    } else if (a === '--scope') {
      const v = value();
      if (v !== 'cncf' && v !== 'all') throw new CliError('--scope must be cncf or all');
      scope = v;
    } else if (a === '--index') indexFile = value();
    else if (a.startsWith('-')) throw new CliError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new CliError('usage: talk-capture link FILE [--dry-run|--write] [--json] [--mode perTalk|perDocument|everyMention] [--scope cncf|all]');
  if (write && dryRun) throw new CliError('--write and --dry-run exclude each other');
  const file = files[0];
  const text = readNoteFile(file);
  const index = loadIndex(indexFile ?? defaultIndexPath());
  const mentions = findMentions(text, index, { scope });
  let linked: number | undefined;
  const chosen = new Set(chooseMentions(text, mentions, mode, { index }));
  if (write) {
    const edits = planLinkEdits(text, mentions, mode, { index });
    if (edits.length) {
      try {
        fs.writeFileSync(file, applyEdits(text, edits), 'utf8');
      } catch (err) {
        throw new CliError(`${file}: cannot write: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    linked = edits.length;
  }
  if (json) {
    const out: LinkJson = {
      file,
      mentions: mentions.map((m) => ({ line: m.line, column: m.column, text: m.text, project: m.entry.name, url: m.url ?? null, maturity: m.entry.maturity, action: m.action })),
      ...(linked !== undefined ? { linked } : {}),
    };
    io.out(JSON.stringify(out, null, 2));
    return 0;
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
      ? `${linked} mention${linked === 1 ? '' : 's'} linked (${mode}); ${suggest} suggestion${suggest === 1 ? '' : 's'} left for you.`
      : `${sure} sure, ${suggest} suggested; --write would link ${chosen.size} (${mode}).`,
  );
  return 0;
};
