/** Toggle Hidden Draft: the editor's side of src/language/hiddenDraft.ts (the selections, one undo step). */
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { editDocument } from '../services/edits';
import { requireMarkdownEditor } from '../services/editor';
import { hiddenDraftEdits } from '../../language/hiddenDraft';

async function toggleHidden(): Promise<void> {
  const editor = requireMarkdownEditor('hide or show draft lines');
  if (!editor) return;
  // One edit (one undo step), computed on the text as it is when applied.
  await editDocument(editor.document, (text) => hiddenDraftEdits(text, editor.selections));
}

export function registerToggleHiddenDraft(ctx: FeatureContext): void {
  registerCommand(ctx, 'talkCapture.toggleHiddenDraft', 'Toggle Hidden Draft', toggleHidden);
}
