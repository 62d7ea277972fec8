/**
 * `talk-capture sync-tags FILE [--write] [--style auto|landscape|lowercase|slug] [--fields tags,categories]`:
 * the linked projects missing from the front matter's tags and categories; with --write, adds
 * them (only those lines change). Exit 0 when done (or nothing to add), 1 when the front
 * matter cannot be edited (nothing written), 2 when the file cannot be read or on a usage error.
 */
import * as fs from 'fs';
import { CliError, readNoteFile, type CliCommand } from './common';
import { loadLandscape } from './check';
import { applyEdits } from '../core/document';
import { linkedProjects } from '../core/landscape/matcher';
import { syncTags, type TagStyle } from '../core/frontmatter/tags';

const STYLES: TagStyle[] = ['auto', 'landscape', 'lowercase', 'slug'];

export const run: CliCommand = (args, io) => {
  let write = false;
  let style: TagStyle = 'auto';
  let fields = ['tags', 'categories'];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--write') write = true;
    else if (a === '--dry-run') write = false;
    else if (a === '--style' || a.startsWith('--style=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!STYLES.includes(v as TagStyle)) throw new CliError(`--style must be one of ${STYLES.join(', ')}`);
      style = v as TagStyle;
    } else if (a === '--fields' || a.startsWith('--fields=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      fields = (v ?? '').split(',').map((f) => f.trim()).filter(Boolean);
      if (fields.length === 0 || fields.some((f) => f !== 'tags' && f !== 'categories')) throw new CliError('--fields takes tags, categories or tags,categories');
    } else if (a.startsWith('--')) throw new CliError(`unknown option ${a} (options: --write, --style, --fields)`);
    else files.push(a);
  }
  if (files.length !== 1) throw new CliError('usage: talk-capture sync-tags FILE [--write] [--style auto|landscape|lowercase|slug] [--fields tags,categories]');
  const file = files[0];
  const text = readNoteFile(file);
  const index = loadLandscape(io);
  if (!index) throw new CliError('the landscape index is needed to know the linked projects');
  const projects = linkedProjects(text, index).map((l) => l.entry);
  const result = syncTags(text, projects, { fields, style, lookup: (t) => index.get(t) });
  if (!result.ok) {
    io.err(`talk-capture sync-tags: ${file}: ${result.message}; nothing was written`);
    return 1;
  }
  if (result.added.length === 0) {
    io.out(projects.length === 0 ? `${file}: no linked landscape projects; nothing to add` : `${file}: ${fields.join(' and ')} already name every linked project`);
    return 0;
  }
  for (const a of result.added) io.out(`${a.field}: + ${a.values.join(', ')}`);
  if (write) {
    fs.writeFileSync(file, applyEdits(text, result.edits), 'utf8');
    io.out(`${file}: written`);
  } else io.out(`(dry run: add --write to change ${file})`);
  return 0;
};
