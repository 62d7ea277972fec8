import type { TextEdit } from '../document';
import type { ChosenLink, PhotoRow } from './types';

export function photoEdits(text: string, rows: readonly PhotoRow[], links: readonly ChosenLink[] = []): TextEdit[] {
  void text;
  void rows;
  void links;
  throw new Error('not yet');
}
