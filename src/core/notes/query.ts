/** Questions about a notes model: which talk or day holds a line, all talks in order, counts. */
import type { Day, NotesModel, Talk, TodoItem } from './model';

/** Every talk of the note in document order (talks of days and talks outside days). */
export function allTalks(model: NotesModel): Talk[] {
  const out: Talk[] = [...model.talks];
  for (const d of model.days) out.push(...d.talks);
  return out.sort((a, b) => a.line - b.line);
}

/** The talk whose lines (heading to end) hold 1-based `line1`, hidden drafts included. */
export function findTalkAt(model: NotesModel, line1: number): Talk | undefined {
  let found: Talk | undefined;
  for (const t of allTalks(model)) {
    if (t.line > line1) break;
    if (line1 <= t.endLine) found = t;
  }
  return found;
}

/** The day whose lines hold 1-based `line1`. */
export function findDayAt(model: NotesModel, line1: number): Day | undefined {
  return model.days.find((d) => d.line <= line1 && line1 <= d.endLine);
}

/** The title of the talk holding a TODO item, or null. */
export function talkOfTodo(model: NotesModel, todo: TodoItem): Talk | undefined {
  return findTalkAt(model, todo.line);
}

/** Number of TODO items in a day (its talks' and its own). */
export function dayTodoCount(day: Day): number {
  return day.todos.length + day.talks.reduce((n, t) => n + t.todos.length, 0);
}

/** Number of visible (not hidden) talks of a day. */
export function visibleTalkCount(talks: readonly Talk[]): number {
  return talks.filter((t) => !t.hidden).length;
}
