/**
 * What the Talks and TODO Links trees share: the elements handed to commands and the tree
 * item of a TODO.
 */
import * as vscode from 'vscode';
import type { NotesElement, TodoElement } from '../api';
import type { TodoItem } from '../../core/notes/model';

const TODO_KIND_LABEL: Record<TodoItem['kind'], string> = {
  todo: 'TODO',
  'missing-link': 'missing link',
  check: 'to check',
  hidden: 'hidden note',
};

function todoIcon(kind: TodoItem['kind']): vscode.ThemeIcon {
  switch (kind) {
    case 'missing-link':
      return new vscode.ThemeIcon('link', new vscode.ThemeColor('list.warningForeground'));
    case 'check':
      return new vscode.ThemeIcon('question');
    case 'hidden':
      return new vscode.ThemeIcon('eye-closed', new vscode.ThemeColor('disabledForeground'));
    default:
      return new vscode.ThemeIcon('checklist');
  }
}

/** The tree item of a TODO element (shared with the TODO Links view). */
export function todoItem(el: TodoElement, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(el.todo.text || '(empty)', vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = `${TODO_KIND_LABEL[el.todo.kind]} · line ${el.todo.line}`;
  item.tooltip = new vscode.MarkdownString()
    .appendText(`${TODO_KIND_LABEL[el.todo.kind]} on line ${el.todo.line}${el.talk ? ` in “${el.talk}”` : ''}\n\n`)
    .appendCodeblock(el.todo.text, 'markdown');
  item.iconPath = todoIcon(el.todo.kind);
  item.contextValue = 'todo';
  item.command = { command: 'talkCapture.revealItem', title: 'Reveal in Editor', arguments: [el] };
  return item;
}

/** Ids made unique within one tree (`x`, then `x#1`, `x#2`): a tree refuses two items with one id. */
export function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n ? `${id}#${n}` : id;
  };
}

/** The tree item of an element, or a placeholder when the element is no longer in the tree. */
export function itemOf(nodes: WeakMap<NotesElement, { item: vscode.TreeItem }>, element: NotesElement): vscode.TreeItem {
  return nodes.get(element)?.item ?? new vscode.TreeItem('(gone)');
}
