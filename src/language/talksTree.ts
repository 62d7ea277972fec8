/**
 * The Talks tree of a note: its outline (Day → group → talk → TODO items; a warning row for a
 * skipped note or a broken front matter), as plain rows with ids that survive typing (no line
 * numbers in them). A post that is not conference notes shows its headings as sections. The
 * editor shows it and refreshes it (src/vscode/features/talksView.ts).
 */
import type { TextDocument } from '../core/document';
import type { Day, Group, NotesModel, Talk, TodoItem } from '../core/notes/model';
import { isConferenceNote } from '../core/notes/conference';
import { findTalkAt, visibleTalkCount } from '../core/notes/query';
import { countTodos, type TodoCountOptions } from '../core/notes/todos';
import { plural } from '../core/util/plural';
import type { Analyses } from './services';
import { elementLine, revealCommand, todoNode, uniqueIds, type NoteElement, type TreeNode } from './treeNodes';

/** The settings the Talks tree reads: whether hidden notes count as TODO items (talkCapture.todos.includeHiddenDrafts). */
export interface TalksTreeSettings {
  todoCountOptions(): TodoCountOptions;
}

export class TalksTree {
  constructor(private readonly services: Analyses & TalksTreeSettings) {}

  /** The rows of a note, in the order of its lines. */
  build(doc: TextDocument): TreeNode[] {
    return buildTalkNodes(doc.uri, this.services.analysisOf(doc).model, this.services.todoCountOptions());
  }

  /** The row of the talk holding a 1-based line, else of the day holding it, in rows built from `doc`. */
  nodeAt(doc: TextDocument, roots: readonly TreeNode[], line1: number): TreeNode | undefined {
    const model = this.services.analysisOf(doc).model;
    const talk = findTalkAt(model, line1);
    const day = talk ? undefined : model.days.find((d) => d.line <= line1 && line1 <= d.endLine);
    const wanted: NoteElement['kind'] | undefined = talk ? 'talk' : day ? 'day' : undefined;
    const line = talk?.line ?? day?.line;
    const find = (nodes: readonly TreeNode[]): TreeNode | undefined => {
      for (const n of nodes) {
        if (n.element.kind === wanted && elementLine(n.element) === line) return n;
        const inner = find(n.children);
        if (inner) return inner;
      }
      return undefined;
    };
    return wanted ? find(roots) : undefined;
  }
}

function talkDescription(t: Talk): string {
  if (t.hidden) return 'hidden draft';
  const who = t.speakers.join(', ');
  if (who && t.company) return `${who} · ${t.company}`;
  return who || t.company || '';
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function talkTooltip(t: Talk, day: Day | undefined, todoCount: number): string {
  let md = `**${escapeMd(t.title || '(untitled)')}**${t.hidden ? ' _(hidden draft)_' : ''}\n\n`;
  if (t.speakers.length) md += `Speakers: ${escapeMd(t.speakers.join(', '))}\n\n`;
  if (t.company) md += `Company: ${escapeMd(t.company)}\n\n`;
  if (t.kind) md += `Kind: ${escapeMd(t.kind)}\n\n`;
  if (t.group) md += `Group: ${escapeMd(t.group)}\n\n`;
  if (day) md += `Day: ${escapeMd(day.title)}\n\n`;
  if (t.sections?.length) md += `Sections: ${escapeMd(t.sections.map((s) => s.title).join(', '))}\n\n`;
  return `${md}Lines ${t.line}–${t.endLine} · ${todoCount} TODO`;
}

function sectionTooltip(t: Talk, todoCount: number): string {
  return (
    `**${escapeMd(t.title || '(untitled)')}**\n\n` +
    'A section: this post does not read as conference notes (no day or talk headings, no conference in its title or tags).\n\n' +
    `Lines ${t.line}–${t.endLine} · ${todoCount} TODO`
  );
}

function talkIcon(t: Talk, conference: boolean): TreeNode['icon'] {
  if (t.hidden) return { id: 'eye-closed', color: 'disabledForeground' };
  if (!conference) return { id: 'symbol-text' };
  return { id: t.kind === 'Keynote' || t.kind === 'Sponsored keynote' ? 'megaphone' : 'comment-discussion' };
}

function problemNode(uri: string, id: string, message: string, line: number): TreeNode {
  const element: NoteElement = { kind: 'problem', uri, line };
  return {
    id,
    label: message,
    tooltip: message,
    icon: { id: 'warning', color: 'list.warningForeground' },
    contextValue: 'problem',
    collapsible: 'none',
    command: revealCommand(element),
    element,
    children: [],
  };
}

/** A row of the outline (a day, group or talk) that the person can click to reveal. */
function outlineNode(
  element: NoteElement,
  id: string,
  label: string,
  rest: Pick<TreeNode, 'description' | 'tooltip' | 'icon' | 'contextValue' | 'collapsible' | 'children'>,
): TreeNode {
  return { id, label, ...rest, command: revealCommand(element), element };
}

/** Builds the rows of a note. Ids do not contain line numbers, so they survive typing. */
function buildTalkNodes(uri: string, model: NotesModel, counting: TodoCountOptions): TreeNode[] {
  const uniq = uniqueIds();
  const roots: TreeNode[] = [];
  if (model.skipped) return [problemNode(uri, uniq(`${uri}|problem|skipped`), model.skipped, 1)];
  if (model.frontMatter.error) roots.push(problemNode(uri, uniq(`${uri}|problem|frontmatter`), model.frontMatter.error, model.frontMatter.errorLine ?? 1));

  const todoNodes = (todos: readonly TodoItem[], talk: string | null, scope: string): TreeNode[] =>
    todos.map((todo) => todoNode({ kind: 'todo', uri, todo, talk }, uniq(`${scope}|todo|${todo.kind}|${todo.text}`)));
  // A post that is not conference notes (a diary, a trip): its headings are sections, not talks.
  const conference = isConferenceNote(model);
  /** `3 talks` under a group (`3 sections` in a post that is not conference notes). */
  const members = (children: readonly TreeNode[]) =>
    conference ? plural(children.filter((c) => c.contextValue === 'talk').length, 'talk') : plural(children.filter((c) => c.contextValue === 'section').length, 'section');
  const talkNode = (t: Talk, scope: string, day: Day | undefined): TreeNode => {
    const id = uniq(`${scope}|talk|${t.hidden ? 'h' : ''}|${t.heading}`);
    const children = todoNodes(t.todos, t.title, id);
    const todoCount = countTodos(t.todos, counting);
    return outlineNode({ kind: 'talk', uri, line: t.line }, id, t.title || '(untitled draft)', {
      description: talkDescription(t),
      tooltip: { markdown: conference || t.hidden ? talkTooltip(t, day, todoCount) : sectionTooltip(t, todoCount) },
      icon: talkIcon(t, conference),
      contextValue: t.hidden ? 'talk.hidden' : conference ? 'talk' : 'section',
      collapsible: children.length ? 'collapsed' : 'none',
      children,
    });
  };
  const groupNode = (g: Group, scope: string): TreeNode =>
    outlineNode({ kind: 'group', uri, line: g.line }, uniq(`${scope}|group|${g.title}`), g.title, {
      description: members([]),
      tooltip: `${g.title} (lines ${g.line}–${g.endLine})`,
      icon: { id: 'folder-library' },
      contextValue: 'group',
      collapsible: 'expanded',
      children: [],
    });
  /** Talks (in order) with the grouped ones under their group rows. */
  const arrange = (talks: readonly Talk[], groups: readonly Group[], scope: string, day: Day | undefined): TreeNode[] => {
    const out: TreeNode[] = [];
    const groupNodes = new Map<Group, TreeNode>();
    const entries: Array<{ line: number; talk?: Talk; group?: Group }> = [
      ...groups.map((g) => ({ line: g.line, group: g })),
      ...talks.map((t) => ({ line: t.line, talk: t })),
    ].sort((a, b) => a.line - b.line);
    for (const e of entries) {
      if (e.group) {
        const node = groupNode(e.group, scope);
        groupNodes.set(e.group, node);
        out.push(node);
      } else if (e.talk) {
        const t = e.talk;
        const owner = t.group ? [...groups].reverse().find((g) => g.title === t.group && g.line < t.line && t.line <= g.endLine) : undefined;
        const gn = owner && groupNodes.get(owner);
        const node = talkNode(t, gn ? gn.id : scope, day);
        if (gn) {
          gn.children.push(node);
          gn.description = members(gn.children);
        } else out.push(node);
      }
    }
    return out;
  };

  roots.push(...arrange(model.talks, model.groups, `${uri}|top`, undefined));
  for (const d of model.days) {
    const id = uniq(`${uri}|day|${d.title}`);
    const children = [...arrange(d.talks, d.groups, id, d), ...todoNodes(d.todos, null, id)];
    const shown = visibleTalkCount(d.talks);
    const todoCount = countTodos(d.todos, counting) + d.talks.reduce((n, t) => n + countTodos(t.todos, counting), 0);
    roots.push(
      outlineNode({ kind: 'day', uri, line: d.line }, id, d.title, {
        description: `${plural(shown, 'talk')} · ${todoCount} TODO`,
        tooltip: `${d.title}: lines ${d.line}–${d.endLine}, ${plural(shown, 'talk')}, ${plural(d.talks.length - shown, 'hidden draft')}, ${plural(todoCount, 'TODO item')}`,
        icon: { id: 'calendar' },
        contextValue: 'day',
        collapsible: 'expanded',
        children,
      }),
    );
  }
  return roots.sort((a, b) => elementLine(a.element) - elementLine(b.element));
}
