/**
 * `talk-capture sync-tags FILE [--write] [--style auto|landscape|lowercase|slug] [--fields tags,categories]`:
 * the linked projects missing from the front matter's tags and categories; with --write, adds
 * them (only those lines change). Exit 0 when done (or nothing to add), 2 when the front matter
 * cannot be edited (nothing written), when the file cannot be read, or on a usage error; 2 also
 * when a line could not be read (too long: the projects linked on it are not known), after the rest.
 */
import { parseCliArgs } from './args';
import { CliError, type CliCommand } from './command';
import { reportUnread } from './output';
import { readNote, utf8Warning } from './readFile';
import { writeNote } from './safeWrite';
import { loadLandscape } from './check';
import { analyzeText } from '../core/analysis/noteAnalysis';
import { applyEdits } from '../core/document';
import { syncTags, type TagStyle } from '../core/frontmatter/tags';

const STYLES: TagStyle[] = ['auto', 'landscape', 'lowercase', 'slug'];

const SYNC_USAGE = 'usage: talk-capture sync-tags FILE [--write] [--style auto|landscape|lowercase|slug] [--fields tags,categories]';

export const run: CliCommand = (args, io) => {
  const { paths: files, flags, values } = parseCliArgs(args, { write: {}, 'dry-run': {}, style: { value: true }, fields: { value: true } }, SYNC_USAGE);
  if (flags.has('write') && flags.has('dry-run')) throw new CliError('--write and --dry-run exclude each other');
  const write = flags.has('write');
  const style = (values.get('style') ?? 'auto') as TagStyle;
  if (!STYLES.includes(style)) throw new CliError(`--style must be one of ${STYLES.join(', ')}`);
  const fieldsValue = values.get('fields');
  const fields =
    fieldsValue === undefined
      ? ['tags', 'categories']
      : fieldsValue
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean);
  if (fields.length === 0 || fields.some((f) => f !== 'tags' && f !== 'categories')) throw new CliError('--fields takes tags, categories or tags,categories');
  if (files.length !== 1) throw new CliError(SYNC_USAGE);
  const file = files[0];
  // A write needs every byte understood: invalid UTF-8 is refused rather than replaced.
  const note = readNote(file, { strictUtf8: write });
  const warning = utf8Warning(note);
  if (warning) io.err(`talk-capture sync-tags: ${warning}`);
  const text = note.text;
  const index = loadLandscape(io);
  if (!index) throw new CliError('the landscape index is needed to know the linked projects');
  const analysis = analyzeText(text, {}, { index, scope: 'cncf' });
  const scan = analysis.inline;
  const projects = analysis.linked.map((l) => l.entry);
  // Exit 2 after the work when a line could not be read: its links are not counted.
  const done = (): number => (reportUnread(io, 'sync-tags', file, scan.skipped) ? 2 : 0);
  const options = { fields, style, lookup: (t: string) => index.get(t), opened: analysis.frontMatter };
  const result = syncTags(text, projects, options);
  if (!result.ok) {
    io.err(`talk-capture sync-tags: ${file}: ${result.message}; nothing was written`);
    reportUnread(io, 'sync-tags', file, scan.skipped);
    return 2;
  }
  if (result.added.length === 0) {
    io.out(projects.length === 0 ? `${file}: no linked landscape projects; nothing to add` : `${file}: ${fields.join(' and ')} already name every linked project`);
    return done();
  }
  const additions = result.added.map((a) => `${a.field}: + ${a.values.join(', ')}`);
  if (!write) {
    for (const line of additions) io.out(line);
    io.out(`(dry run: add --write to change ${file})`);
    return done();
  }
  writeNote(note, applyEdits(text, result.edits));
  // Read back what is on disk: every field must now name every linked project.
  const after = syncTags(readNote(file, { strictUtf8: true }).text, projects, options);
  if (!after.ok || after.added.length > 0) {
    throw new CliError(
      `${file}: written, but reading it back ${after.ok ? `still lacks ${after.added.map((a) => `${a.field}: ${a.values.join(', ')}`).join('; ')}` : `fails: ${after.message}`}`,
    );
  }
  for (const line of additions) io.out(line);
  io.out(`${file}: written`);
  return done();
};
