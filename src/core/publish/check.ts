/**
 * The check before publishing: a pure function from a note's text, its notes model and the
 * landscape index to the problems left in it. The editor shows them in the Problems panel,
 * the CLI prints them (`talk-capture check`). It reads the note's one parse (the block scan
 * and the front matter reader the model was built from), and says when part of the note could
 * not be read (`unread`): such a note is never "ready to publish".
 */
import type { TodoItem } from '../notes/model';
import { isConferenceNote } from '../notes/conference';
import type { NoteAnalysis } from '../analysis/noteAnalysis';
import { chooseMentions, type LinkMode } from '../landscape/linkPlan';
import type { ScanResult } from '../landscape/proseScan';
import { lineOfOffset, describeError, type FrontMatterSource } from '../frontmatter/fields';
import { planTagSync, type TagStyle } from '../frontmatter/tags';
import type { TextEdit } from '../document';
import { headingSpaceProblems } from './headingSpace';
import { upperBound } from '../util/search';

type ProblemKind = 'unread' | 'front-matter' | 'todo' | 'placeholder' | 'empty-talk' | 'unlinked-project' | 'typo' | 'bad-link' | 'tags' | 'draft' | 'heading-space';
type ProblemSeverity = 'error' | 'warning' | 'info';

export interface PublishProblem {
  kind: ProblemKind;
  severity: ProblemSeverity;
  message: string;
  /** 1-based line and columns (endColumn exclusive) of what the problem is about. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** An edit that fixes the problem, when there is a sure one (the editor offers it as a quick fix). */
  fix?: TextEdit;
}

export interface CheckOptions {
  /** talkCapture.linkMentions.mode: which unlinked mentions count (those Link Project Mentions would link). */
  linkMode?: LinkMode;
  /** talkCapture.tags.fields */
  tagFields?: readonly string[];
  /** talkCapture.tags.style */
  tagStyle?: TagStyle;
}

/** Kinds in the order the summary names them. */
const KIND_LABELS: Record<ProblemKind, [string, string]> = {
  unread: ['part not read', 'parts not read'],
  'front-matter': ['front matter problem', 'front matter problems'],
  todo: ['TODO', 'TODOs'],
  placeholder: ['placeholder link', 'placeholder links'],
  'empty-talk': ['empty talk', 'empty talks'],
  'bad-link': ['link without an http(s) URL', 'links without an http(s) URL'],
  'unlinked-project': ['unlinked project mention', 'unlinked project mentions'],
  typo: ['typo hint', 'typo hints'],
  tags: ['tag field missing linked projects', 'tag fields missing linked projects'],
  draft: ['draft still true', 'draft still true'],
  'heading-space': ['heading without a space after #', 'headings without a space after #'],
};

/** "3 TODOs, 1 empty talk, draft still true" */
export function summarize(problems: readonly PublishProblem[]): string {
  const counts = new Map<ProblemKind, number>();
  for (const p of problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return (Object.keys(KIND_LABELS) as ProblemKind[])
    .filter((k) => counts.has(k))
    .map((k) => {
      const n = counts.get(k)!;
      return k === 'draft' ? KIND_LABELS[k][0] : `${n} ${KIND_LABELS[k][n === 1 ? 0 : 1]}`;
    })
    .join(', ');
}

const HIDDEN_LINE = /^\s*\[\/\/\]:\s*#\s*(?:\(.*\)|".*"|'.*')?\s*$/;
const HTML_COMMENT_LINE = /^\s*<!--.*-->\s*$/;

function problemAt(kind: ProblemKind, severity: ProblemSeverity, message: string, line: number, column: number, endColumn: number): PublishProblem {
  return { kind, severity, message, line, column, endLine: line, endColumn: Math.max(endColumn, column + 1) };
}

function wholeLine(lines: readonly string[], line: number): { column: number; endColumn: number } {
  const t = lines[line - 1] ?? '';
  const lead = t.length - t.trimStart().length;
  return { column: lead + 1, endColumn: Math.max(t.trimEnd().length + 1, lead + 2) };
}

/** A part of the note a reader could not read, over its whole line. */
function unreadPart(lines: readonly string[], part: { line: number; reason: string }): PublishProblem {
  const span = wholeLine(lines, part.line);
  return problemAt('unread', 'error', `Not fully read: ${part.reason}`, part.line, span.column, span.endColumn);
}

function todoProblem(t: TodoItem): PublishProblem | undefined {
  switch (t.kind) {
    case 'todo':
      return problemAt('todo', 'warning', `Unresolved TODO: ${t.text}`, t.line, t.column, t.endColumn);
    case 'check':
      return problemAt('todo', 'warning', `Still to check: ${t.text}`, t.line, t.column, t.endColumn);
    case 'missing-link':
      return problemAt('placeholder', 'warning', `Placeholder instead of a link: ${t.text}`, t.line, t.column, t.endColumn);
    default:
      // Hidden drafts (`[//]: # (...)`) do not show in the published post.
      return undefined;
  }
}

/** Top-level domains people leave in a link without `https://` (`[repo](github.com)`); file extensions are not among them. */
const COMMON_TLDS = new Set(['com', 'org', 'net', 'io', 'dev', 'app', 'edu', 'gov', 'co', 'ai', 'sh', 'me', 'info', 'cloud', 'tech', 'eu', 'uk', 'de', 'fr', 'nl']);

/**
 * Why a link's URL is not publishable, or undefined when it is fine. Fine: http(s) addresses,
 * and everything a blog links inside itself: relative paths (`images/a.jpg`, `other.md`,
 * `../other/`), root-relative ones (`/about/`), anchors, queries, `mailto:` and `tel:`, and Hugo's
 * `{{< ref >}}` shortcodes. Problems: an empty URL, a URL meant as a web address that is not one
 * (`www.example.com/x`, `example.com/x`, `github.com` without a scheme; `http:/x`, `https://`),
 * and other schemes (`javascript:`, `data:`, `file:`, `ftp:`, typos like `htps:`).
 */
export function badUrlReason(url: string): string | undefined {
  const u = url.trim().replace(/^<|>$/g, '');
  if (u === '') return 'the link has an empty URL';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1];
  if (scheme) {
    const lower = scheme.toLowerCase();
    if (lower === 'http' || lower === 'https') {
      return /^https?:\/\/[^/\s?#]/i.test(u) ? undefined : `the link's URL \`${u}\` is not a full ${lower} address (it needs \`${lower}://\` and a host)`;
    }
    if (lower === 'mailto' || lower === 'tel') return undefined;
    return `the link's URL starts with \`${scheme}:\`, not http(s)`;
  }
  if (/^(?:\/|\.|#|\?|\{\{)/.test(u)) return undefined;
  // The first path segment names a host: `www.example.com/x`, `example.com/x`, `github.com`.
  const first = /^[^/?#]*/.exec(u)![0];
  const labels = first.split('.');
  const tld = labels[labels.length - 1].toLowerCase();
  const hostLike = labels.length >= 2 && labels.every((l) => /^[a-z0-9-]+$/i.test(l)) && /^[a-z]{2,24}$/.test(tld);
  if (hostLike && (labels[0].toLowerCase() === 'www' || u[first.length] === '/' || COMMON_TLDS.has(tld))) {
    return `the link's URL \`${u}\` has no https:// (it would be a relative link)`;
  }
  return undefined;
}

/**
 * All problems of a note, in document order, from its analysis (the mention checks need the
 * analysis's landscape: index and scope). Never throws on odd input.
 */
export function checkNotes(analysis: NoteAnalysis, options: CheckOptions = {}): PublishProblem[] {
  const text = analysis.text;
  const notes = analysis.model;
  const index = analysis.landscape?.index;
  const lines = analysis.blocks.lines;
  const problems: PublishProblem[] = [];

  // What could not be read: the check cannot vouch for it.
  if (notes.skipped) problems.push(problemAt('unread', 'error', `Not read: ${notes.skipped}`, 1, 1, 2));
  for (const part of notes.skippedParts ?? []) problems.push(unreadPart(lines, part));

  // Front matter.
  const opened = analysis.frontMatter;
  let fm: FrontMatterSource | undefined;
  if (opened.ok) fm = opened.source;
  else {
    const line = opened.error.line ?? 1;
    const span = wholeLine(lines, line);
    problems.push(problemAt('front-matter', opened.format ? 'error' : 'warning', capitalize(describeError(opened.error, opened.format)), line, span.column, span.endColumn));
  }
  // A tag field Sync Tags cannot edit (`tags: kubernetes`, a single text): the same verdict as Sync Tags, with its line.
  if (fm) {
    for (const field of options.tagFields ?? ['tags', 'categories']) {
      const list = fm.list(field);
      if (list.kind !== 'error') continue;
      const line = list.error.line ?? 1;
      const span = wholeLine(lines, line);
      problems.push(
        problemAt('tags', 'warning', `${capitalize(describeError(list.error, fm.format))} (Sync Tags from Linked Projects cannot add to it)`, line, span.column, span.endColumn),
      );
    }
  }

  // TODO items and placeholders.
  for (const t of notes.todos) {
    const p = todoProblem(t);
    if (p) problems.push(p);
  }

  // Conference-only checks (talks without notes, tags of linked projects) on conference notes only.
  const conference = isConferenceNote(notes);

  // Talks without notes.
  for (const talk of conference ? analysis.talks : []) {
    if (talk.hidden) continue;
    let empty = true;
    for (let l = talk.line + 1; l <= Math.min(talk.endLine, lines.length); l++) {
      const s = lines[l - 1];
      if (s.trim() === '' || HIDDEN_LINE.test(s) || HTML_COMMENT_LINE.test(s)) continue;
      empty = false;
      break;
    }
    if (empty) {
      const span = wholeLine(lines, talk.line);
      problems.push(problemAt('empty-talk', 'warning', `The talk "${talk.title || talk.heading.trim()}" has no notes yet`, talk.line, span.column, span.endColumn));
    }
  }

  // Links with an empty or non-http(s) URL (placeholders are reported above).
  let scan: ScanResult | undefined;
  try {
    scan = analysis.inline;
  } catch {
    scan = undefined;
  }
  if (scan) {
    for (const part of scan.skipped) problems.push(unreadPart(lines, part));
    // Placeholders of each line, in column order (TODO items come so), found by binary search.
    const placeholders = new Map<number, PublishProblem[]>();
    for (const p of problems) {
      if (p.kind !== 'placeholder') continue;
      const list = placeholders.get(p.line);
      if (list) list.push(p);
      else placeholders.set(p.line, [p]);
    }
    const overlapsPlaceholder = (line: number, column: number, endColumn: number): boolean => {
      const list = placeholders.get(line);
      if (!list) return false;
      const at = upperBound(list, column, (p) => p.endColumn);
      return at < list.length && list[at].column < endColumn;
    };
    for (const link of scan.links) {
      const line = link.line + 1;
      const column = link.start - scan.lineStarts[link.line] + 1;
      const endColumn = column + Math.max(1, Math.min(link.end, scan.lineStarts[link.line + 1] ?? text.length) - link.start);
      if (overlapsPlaceholder(line, column, endColumn)) continue;
      const reason = badUrlReason(link.url);
      if (reason) problems.push(problemAt('bad-link', 'warning', capitalize(reason), line, column, endColumn));
    }
    for (const h of headingSpaceProblems(text, scan)) problems.push({ ...problemAt('heading-space', 'warning', h.message, h.line, h.column, h.endColumn), fix: h.fix });
  }

  if (index) {
    // Project mentions that Link Project Mentions would link, and probable typos.
    try {
      const mentions = analysis.mentions;
      const linked = analysis.linked;
      for (const m of chooseMentions(text, mentions, options.linkMode ?? 'perTalk', { talks: analysis.talks, linked })) {
        const named = m.text === m.entry.name ? m.entry.name : `"${m.text}" (${m.entry.name})`;
        problems.push(problemAt('unlinked-project', 'info', `${named} is mentioned but not linked (run Link Project Mentions)`, m.line, m.column, m.endColumn));
      }
      for (const m of mentions) {
        if (m.action === 'suggest' && m.reason === 'typo') {
          problems.push(problemAt('typo', 'info', `"${m.text}" looks like a typo of ${m.entry.name}`, m.line, m.column, m.endColumn));
        }
      }
      // Tags and categories that lack linked projects, and tags that look like a typo of a project (conference notes:
      // another post's tags are not project names).
      if (fm && conference) {
        const projects = linked.map((l) => l.entry);
        const plan = planTagSync(text, projects, { fields: options.tagFields, style: options.tagStyle, lookup: (t) => index.get(t), opened });
        if (plan.ok) {
          for (const f of plan.fields) {
            if (f.missing.length === 0) continue;
            const line = f.line ?? 1;
            const span = wholeLine(lines, line);
            const names = f.missing.map((p) => p.name).join(', ');
            const what = f.line == null ? `There is no \`${f.field}\` field for the linked projects` : `\`${f.field}\` lacks linked projects`;
            problems.push(problemAt('tags', 'info', `${what}: ${names} (run Sync Tags from Linked Projects)`, line, span.column, span.endColumn));
          }
        }
        for (const field of options.tagFields ?? ['tags', 'categories']) {
          const list = fm.list(field);
          if (list.kind !== 'found') continue;
          for (const item of list.field.items) {
            if (index.get(item.value)) continue;
            const candidate = index.typoCandidates(item.value)[0];
            if (!candidate) continue;
            const line = lineOfOffset(text, item.start);
            const column = item.start - (text.lastIndexOf('\n', item.start - 1) + 1) + 1;
            problems.push(
              problemAt(
                'typo',
                'info',
                `The ${SINGULAR_FIELD[field] ?? `\`${field}\` entry`} "${item.value}" looks like a typo of ${candidate.entry.name}`,
                line,
                column,
                column + (item.end - item.start),
              ),
            );
          }
        }
      }
    } catch {
      // The landscape checks are hints: a failure there must not hide the other problems.
    }
  }

  // Draft still on.
  if (fm) {
    const draft = fm.scalar('draft');
    if (draft.kind === 'found' && /^(true|yes|on)$/i.test(draft.field.raw.trim())) {
      const line = draft.field.line;
      const column = draft.field.start - (text.lastIndexOf('\n', draft.field.start - 1) + 1) + 1;
      problems.push(
        problemAt('draft', 'warning', '`draft` is still true: Hugo does not publish drafts (run Toggle Draft)', line, column, column + (draft.field.end - draft.field.start)),
      );
    }
  }

  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `The category "Vitness"`, `The tag "Promethues"` (not "categorie"). */
const SINGULAR_FIELD: Readonly<Record<string, string>> = { tags: 'tag', categories: 'category', keywords: 'keyword', series: 'series' };

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
