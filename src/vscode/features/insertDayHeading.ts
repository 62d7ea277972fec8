/** Insert Day Heading: the editor's side of src/language/dayHeading.ts (one undo step, the cursor under the new day). */
import * as vscode from 'vscode';
import { dayIncludesDate } from '../services/settings';
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { editDocument } from '../services/edits';
import { requireMarkdownEditor } from '../services/editor';
import { languageServices, noteDocument } from '../services/language';
import { placeCursor } from '../services/talkInsert';
import { storedScheduleOf } from '../services/scheduleStore';
import { DayHeadingInserter } from '../../language/dayHeading';
import type { Insertion } from '../../core/capture/index';

export function registerInsertDayHeading(ctx: FeatureContext): void {
  const days = new DayHeadingInserter({ ...languageServices(ctx), dayIncludesDate, now: () => new Date(), scheduleOf: storedScheduleOf });
  registerCommand(ctx, 'talkCapture.insertDayHeading', 'Insert Day Heading', async () => {
    const editor = requireMarkdownEditor('add a day');
    if (!editor) return;
    const doc = editor.document;
    const note = noteDocument(doc);
    const plan = await days.plan(note);
    let ins: Insertion | undefined;
    const applied = await editDocument(doc, () => {
      ins = days.insertion(note, plan);
      return [ins.edit];
    });
    if (applied && ins) await placeCursor(doc, new vscode.Position(ins.cursor.line, ins.cursor.character), editor, true);
  });
}
