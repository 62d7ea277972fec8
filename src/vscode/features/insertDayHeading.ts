/** Insert Day Heading: the day after the last one, in the note's own style (one undo step). */
import * as vscode from 'vscode';
import { dayIncludesDate } from '../services/settings';
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { editDocument } from '../services/edits';
import { requireMarkdownEditor } from '../services/editor';
import { analysisOf } from '../services/analysis';
import { placeCursor } from '../services/talkInsert';
import { scheduleNextDayOf } from '../services/scheduleStore';
import { insertDatedDayHeading } from '../../core/schedule/editor-place';
import { insertDayHeading, isoDate, type Insertion } from '../../core/capture/index';

// ---------------------------------------------------------------------------------------------
// Insert Day Heading

async function insertDay(): Promise<void> {
  const editor = requireMarkdownEditor('add a day');
  if (!editor) return;
  const doc = editor.document;
  const includeDate = dayIncludesDate();
  // With a schedule, the date is the conference's next day (days without sessions skipped).
  const scheduled = includeDate ? await scheduleNextDayOf(doc) : undefined;
  let ins: Insertion | undefined;
  const applied = await editDocument(doc, (text) => {
    ins = scheduled ? insertDatedDayHeading(text, analysisOf(doc).model, scheduled) : insertDayHeading(text, analysisOf(doc).model, { includeDate, today: isoDate(new Date()) });
    return [ins.edit];
  });
  if (applied && ins) await placeCursor(doc, new vscode.Position(ins.cursor.line, ins.cursor.character), editor, true);
}

export function registerInsertDayHeading(ctx: FeatureContext): void {
  registerCommand(ctx, 'talkCapture.insertDayHeading', 'Insert Day Heading', insertDay);
}
