/** Insert Day Heading: the day after the last one, in the note's own style (one undo step). */
import * as vscode from 'vscode';
import type { FeatureContext } from './feature';
import { registerCommand } from './command';
import { editDocument } from './edits';
import { requireMarkdownEditor } from './editor';
import { getNotes } from './notesCache';
import { placeCursor } from './talkInsert';
import {
  insertDayHeading,
  isoDate,
  type Insertion,
} from '../core/capture';

// ---------------------------------------------------------------------------------------------
// Insert Day Heading

async function insertDay(): Promise<void> {
  const editor = requireMarkdownEditor('add a day');
  if (!editor) return;
  const doc = editor.document;
  const includeDate = vscode.workspace.getConfiguration('talkCapture').get<boolean>('day.includeDate', false);
  let ins: Insertion | undefined;
  const applied = await editDocument(doc, (text) => {
    ins = insertDayHeading(text, getNotes(doc), { includeDate, today: isoDate(new Date()) });
    return [ins.edit];
  });
  if (applied && ins) await placeCursor(doc, new vscode.Position(ins.cursor.line, ins.cursor.character), editor);
}

export function registerInsertDayHeading(ctx: FeatureContext): void {
  registerCommand(ctx, 'talkCapture.insertDayHeading', 'Insert Day Heading', insertDay);
}
