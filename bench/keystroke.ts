/**
 * What the features ask of a note's analysis after a keystroke, with the Talks and TODO Links
 * views open, the project hints and the live publish check on, and completion and hover in use:
 * the same parts in the same order as src/vscode/features read them. Shared by the "work per
 * keystroke" bench (analysis.bench.ts) and the unit test that counts the work
 * (test/unit/analysis.test.ts).
 */
import type { AnalysisCache } from '../src/core/analysis/cache';
import type { AnalysisLandscape, AnalysisSettings, NoteAnalysis } from '../src/core/analysis/noteAnalysis';
import { chooseMentions } from '../src/core/landscape/linkPlan';
import { talkFinder } from '../src/core/notes/query';
import { visibleTodos } from '../src/core/notes/todos';
import { checkNotes } from '../src/core/publish/check';
import { noteStartDate, scheduleSourceOf } from '../src/core/schedule/editor-place';

/** One document version as the editor's cache sees it. */
export interface Version {
  uri: string;
  version: number;
  text: string;
}

/** Every feature asks the cache for the version's analysis and reads what it needs; returns a checksum of what they got. */
export function askLikeEveryFeature(cache: AnalysisCache, v: Version, settings: AnalysisSettings, landscape: AnalysisLandscape): number {
  const get = (): NoteAnalysis => cache.get({ uri: v.uri, version: v.version, text: () => v.text, settings, landscape });
  let sum = 0;
  // Talks view: the model's days and talks.
  sum += get().model.days.length + get().talks.length;
  // TODO Links view: the open note's TODO items, each with its talk.
  const a = get();
  const talkAt = talkFinder(a.model);
  for (const t of visibleTodos(a.todos)) sum += talkAt(t.line) ? 1 : 0;
  // Project hints: the mentions, the first per talk.
  const h = get();
  sum += h.text.length > 0 ? chooseMentions(h.text, h.mentions, 'perTalk', { talks: h.talks, linked: h.linked }).length : 0;
  // Completion: is the cursor in prose? (the inline scan's runs)
  sum += get().inline.runs.length;
  // Hover: links and mentions under the mouse.
  sum += get().linked.length + get().mentions.length;
  // Live publish check, and the schedule's note queries it makes (schedule source, start date, lines of the headings).
  const c = get();
  sum += checkNotes(c, { linkMode: 'perTalk' }).length;
  sum += (scheduleSourceOf(c.frontMatter) ?? '').length + (noteStartDate(c.frontMatter) ?? '').length + c.blocks.lines.length;
  return sum;
}

/** The note with line `line` (0-based) changed as one keystroke would: a letter typed at its end. */
export function typeOnLine(text: string, line: number, letter = 'x'): string {
  let at = 0;
  for (let k = 0; k < line; k++) at = text.indexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  const cut = end === -1 ? text.length : end;
  return text.slice(0, cut) + letter + text.slice(cut);
}
