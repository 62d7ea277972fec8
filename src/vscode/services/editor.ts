import * as vscode from 'vscode';
import { maxFileBytes } from './settings';

/** True for documents Talk Capture works on. */
export function isMarkdown(doc: vscode.TextDocument | undefined): boolean {
  return !!doc && doc.languageId === 'markdown';
}

/**
 * The active Markdown editor, or undefined after telling the user why nothing happens
 * (no editor, or not Markdown). `action` names what the user asked for.
 */
export function requireMarkdownEditor(action: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(`Talk Capture: open a Markdown note to ${action}.`);
    return undefined;
  }
  if (!isMarkdown(editor.document)) {
    void vscode.window.showInformationMessage(`Talk Capture: ${action} works in Markdown notes; this editor is ${editor.document.languageId}.`);
    return undefined;
  }
  return editor;
}

/** Size limit from talkCapture.maxFileSizeMB, in characters (a close enough proxy for bytes). */
export function maxFileChars(): number {
  return maxFileBytes();
}
