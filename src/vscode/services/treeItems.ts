/**
 * What the Talks and TODO Links trees share in the editor: the plain rows of src/language
 * (treeNodes.ts) as tree items, their elements as the commands receive them (with a
 * `vscode.Uri`), children and parents looked up by element.
 */
import * as vscode from 'vscode';
import type { DayElement, FileElement, GroupElement, NotesElement, ProblemElement, TalkElement, TodoElement } from '../api';
import type { NoteElement, TreeNode } from '../../language/treeNodes';

/** A row of a tree in the editor: the element handed to commands, its tree item, its children and parent. */
export interface ItemNode {
  element: NotesElement;
  item: vscode.TreeItem;
  children: ItemNode[];
  parent?: ItemNode;
  /** The plain row it shows. */
  node: TreeNode;
}

const COLLAPSIBLE: Record<TreeNode['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** A plain element as the editor's, what the commands receive: the same fields, the URI as a `vscode.Uri`. */
function editorElement(element: NoteElement, uri: vscode.Uri): NotesElement {
  if (element.kind === 'todo') return { ...element, uri } satisfies TodoElement;
  return { ...element, uri } satisfies DayElement | GroupElement | TalkElement | ProblemElement | FileElement;
}

function iconOf(icon: TreeNode['icon']): vscode.ThemeIcon {
  if (icon.id === 'file' && !icon.color) return vscode.ThemeIcon.File;
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

/**
 * The editor's rows for plain rows (their elements indexed in `index`); `uriOf` turns the rows'
 * URIs back into the editor's (the document's own `Uri` where it can).
 */
export function itemNodes(nodes: readonly TreeNode[], uriOf: (uri: string) => vscode.Uri, index: WeakMap<NotesElement, ItemNode>, parent?: ItemNode): ItemNode[] {
  return nodes.map((node) => {
    const element: NotesElement = editorElement(node.element, uriOf(node.element.uri));
    const item = new vscode.TreeItem(node.label, COLLAPSIBLE[node.collapsible]);
    item.id = node.id;
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = typeof node.tooltip === 'string' ? node.tooltip : new vscode.MarkdownString(node.tooltip.markdown);
    item.iconPath = iconOf(node.icon);
    if (node.resourceUri !== undefined) item.resourceUri = uriOf(node.resourceUri);
    item.contextValue = node.contextValue;
    const args = node.command.args.map((a) => (a === node.element ? element : a));
    item.command = { command: node.command.id, title: node.command.title, arguments: args };
    const out: ItemNode = { element, item, children: [], parent, node };
    out.children = itemNodes(node.children, uriOf, index, out);
    index.set(element, out);
    return out;
  });
}

/** A URI of a plain row as the editor's: `known` when it is that one's. */
export function uriFrom(uri: string, known?: vscode.Uri): vscode.Uri {
  return known && known.toString() === uri ? known : vscode.Uri.parse(uri);
}

/** The tree item of an element, or a placeholder when the element is no longer in the tree. */
export function itemOf(nodes: WeakMap<NotesElement, ItemNode>, element: NotesElement): vscode.TreeItem {
  return nodes.get(element)?.item ?? new vscode.TreeItem('(gone)');
}
