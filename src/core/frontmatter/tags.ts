/**
 * Keeping `tags` and `categories` in step with the projects a note links: which projects are
 * missing from each field, and how to write them (as the landscape names them, lower case, or
 * as a slug; `auto` follows the tags the field already has). Never removes anything.
 */
import type { FrontMatterFormat } from './format';
import { addToLists, describeError, openFrontMatter, type EditResult, type FrontMatterError, type ListAddition, type OpenResult } from './fields';

export type TagStyle = 'auto' | 'landscape' | 'lowercase' | 'slug';
export type ConcreteTagStyle = Exclude<TagStyle, 'auto'>;

/** A project as far as tags are concerned: its landscape name and other names. */
export interface TagProject {
  name: string;
  aliases?: readonly string[];
}

export interface TagSyncOptions {
  /** Fields to fill (talkCapture.tags.fields); default tags and categories. */
  fields?: readonly string[];
  /** talkCapture.tags.style; default auto. */
  style?: TagStyle;
  /** The project a written tag stands for (the landscape index's get), to recognise `cert manager` as cert-manager. */
  lookup?: (tag: string) => TagProject | undefined;
  /** The front matter verdict of the same text, when the caller has it (a note's analysis). */
  opened?: OpenResult;
}

/** Lower case, letters and digits only: `Cert manager`, `cert-manager` and `CertManager` are one key. */
function tagKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function styleTag(name: string, style: ConcreteTagStyle): string {
  if (style === 'lowercase') return name.toLowerCase();
  if (style === 'slug') {
    return name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  }
  return name;
}

const STYLES: ConcreteTagStyle[] = ['landscape', 'lowercase', 'slug'];

/**
 * The style most of `tags` are written in. A tag naming a known project votes for the styles
 * that write that project's name the way the tag does; other tags vote by their letters
 * (capitals: as named; lower case with spaces: lower case; with hyphens: slug).
 * No tags: as the landscape names them.
 */
export function detectTagStyle(tags: readonly string[], lookup?: (tag: string) => TagProject | undefined): ConcreteTagStyle {
  const votes: Record<ConcreteTagStyle, number> = { landscape: 0, lowercase: 0, slug: 0 };
  for (const tag of tags) {
    const project = lookup?.(tag);
    if (project) {
      const fits = STYLES.filter((s) => styleTag(project.name, s) === tag);
      if (fits.length > 0 && fits.length < STYLES.length) {
        for (const s of fits) votes[s] += 1 / fits.length;
        continue;
      }
      if (fits.length === STYLES.length) continue; // `etcd`: every style writes it alike
    }
    if (tag !== tag.toLowerCase()) votes.landscape += 1;
    else if (/\s/.test(tag)) votes.lowercase += 1;
    else if (tag.includes('-')) votes.slug += 1;
    else {
      votes.lowercase += 0.5;
      votes.slug += 0.5;
    }
  }
  if (votes.landscape > 0 && votes.landscape >= votes.lowercase && votes.landscape >= votes.slug) return 'landscape';
  if (votes.lowercase === 0 && votes.slug === 0) return 'landscape';
  return votes.slug > votes.lowercase ? 'slug' : 'lowercase';
}

/** True when `tag` names `project` (in any style, or through the lookup). */
export function tagNames(tag: string, project: TagProject, lookup?: (tag: string) => TagProject | undefined): boolean {
  const key = tagKey(tag);
  if (key !== '' && [project.name, ...(project.aliases ?? [])].some((n) => tagKey(n) === key)) return true;
  const found = lookup?.(tag);
  return !!found && found.name === project.name;
}

interface FieldPlan {
  field: string;
  /** The style the new tags are written in (auto resolved). */
  style: ConcreteTagStyle;
  /** Projects the field does not name yet, in link order. */
  missing: TagProject[];
  /** 1-based line of the field, null when it does not exist yet. */
  line: number | null;
}

export type TagPlan = { ok: true; fields: FieldPlan[]; format: FrontMatterFormat } | { ok: false; error: FrontMatterError; format: FrontMatterFormat | null; message: string };

/** Which linked projects each field lacks, without changing anything (the check and the CLI use it). */
export function planTagSync(text: string, projects: readonly TagProject[], options: TagSyncOptions = {}): TagPlan {
  const opened = options.opened ?? openFrontMatter(text);
  if (!opened.ok) return { ok: false, error: opened.error, format: opened.format, message: describeError(opened.error, opened.format) };
  const fm = opened.source;
  const fields = options.fields ?? ['tags', 'categories'];
  const existing = new Map<string, { items: string[]; line: number | null }>();
  for (const field of fields) {
    const found = fm.list(field);
    if (found.kind === 'error') return { ok: false, error: found.error, format: fm.format, message: describeError(found.error, fm.format) };
    existing.set(field, found.kind === 'found' ? { items: found.field.items.map((i) => i.value), line: found.field.line } : { items: [], line: null });
  }
  const unique: TagProject[] = [];
  for (const p of projects) if (!unique.some((u) => u.name === p.name)) unique.push(p);
  const plans: FieldPlan[] = [];
  for (const field of fields) {
    const { items, line } = existing.get(field)!;
    let style: ConcreteTagStyle;
    if (options.style && options.style !== 'auto') style = options.style;
    else {
      // The field's own tags decide; an empty field follows the other fields.
      const others = items.length > 0 ? items : [...existing.values()].flatMap((e) => e.items);
      style = detectTagStyle(others, options.lookup);
    }
    const missing = unique.filter((p) => !items.some((t) => tagNames(t, p, options.lookup)));
    plans.push({ field, style, missing, line });
  }
  return { ok: true, fields: plans, format: fm.format };
}

/**
 * Edits adding the linked projects missing from each field, in the field's style; creates a
 * missing field. `added` lists what is added where (empty: nothing to do).
 */
export function syncTags(text: string, projects: readonly TagProject[], options: TagSyncOptions = {}): EditResult<{ added: ListAddition[] }> {
  const plan = planTagSync(text, projects, options);
  if (!plan.ok) return plan;
  const additions = plan.fields.map((f) => ({ field: f.field, values: f.missing.map((p) => styleTag(p.name, f.style)) }));
  return addToLists(text, additions);
}

/** "tags: OpenTelemetry, Argo CD; categories: OpenTelemetry" */
export function describeAdded(added: readonly ListAddition[]): string {
  return added.map((a) => `${a.field}: ${a.values.join(', ')}`).join('; ');
}
