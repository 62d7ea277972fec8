/**
 * Every TODO item of a note, in document order (hidden notes included), line by line: a line's
 * items depend on its text, its code spans and whether an HTML comment is open before it. A
 * later version whose block scan was resumed from this one's (./scanResume.ts) takes this
 * version's items over for the lines before the ones the scan read, and for the lines after
 * them from the first line where the comment state is what it was; the lines between are read,
 * each through the per-line memo.
 */
import type { LineMemo } from '../util/lineMemo';
import { type Blocks, hiddenContent } from './blocks';
import type { NotesOptions, TodoItem } from './model';
import { commentSpans, compileTodoPatterns, maskSpans, todosInLine } from './todos';

/** The TODO items of a version, and per line whether an HTML comment is open before it. */
export interface TodoScan {
  items: TodoItem[];
  openBefore: Uint8Array;
}

type TodoMemo = LineMemo<{ items: TodoItem[]; open: boolean }>;

export function collectTodos(blocks: Blocks, options: NotesOptions | undefined, hiddenTalkLines: ReadonlySet<number>, memo?: TodoMemo, last?: TodoScan): TodoScan {
  const matcher = compileTodoPatterns(options?.todoPatterns);
  const hiddenLines = new Set(blocks.hidden.map((h) => h.line));
  const out: TodoItem[] = [];
  const { lines, excluded, codeSpans } = blocks;
  const n = lines.length;
  const openBefore = new Uint8Array(n);
  const resumed = last ? blocks.resumed : undefined;
  let inComment = false;
  let k = 0;
  if (resumed && last) {
    // The lines before the ones the block scan read: as they were.
    k = resumed.from;
    for (const t of last.items) {
      if (t.line > k) break;
      out.push(t);
    }
    openBefore.set(last.openBefore.subarray(0, k));
    inComment = k < last.openBefore.length && last.openBefore[k] === 1;
  }
  for (; k < n; k++) {
    if (resumed && last && k >= resumed.to && (last.openBefore[k - resumed.shift] === 1) === inComment) {
      takeFrom(last, k - resumed.shift, resumed.shift, out, openBefore);
      break;
    }
    openBefore[k] = inComment ? 1 : 0;
    if (excluded[k]) continue;
    const line1 = k + 1;
    if (hiddenLines.has(line1)) {
      if (hiddenTalkLines.has(line1)) continue;
      const c = hiddenContent(lines[k]);
      if (c && c.text.trim()) {
        const lead = c.text.length - c.text.trimStart().length;
        const text = c.text.trim();
        out.push({ kind: 'hidden', text, line: line1, column: c.start + lead + 1, endColumn: c.start + lead + text.length + 1 });
      }
      continue;
    }
    const line = lines[k];
    const spans = codeSpans.get(k);
    const context: string = inComment ? '1' : '0';
    const useMemo = memo !== undefined && !spans;
    const known: { items: TodoItem[]; open: boolean } | undefined = useMemo ? memo.get(k, context) : undefined;
    if (known) {
      for (const t of known.items) out.push({ ...t, line: line1 });
      inComment = known.open;
      continue;
    }
    const masked = maskSpans(line, spans);
    const comments = commentSpans(masked, inComment);
    inComment = comments.open;
    if (!useMemo) todosInLine(masked, line, line1, matcher, out, comments.spans);
    else {
      const items: TodoItem[] = [];
      todosInLine(masked, line, 0, matcher, items, comments.spans);
      memo.set(k, context, { items, open: comments.open });
      for (const t of items) out.push({ ...t, line: line1 });
    }
  }
  return { items: out, openBefore };
}

/** The earlier version's items and comment states from its 0-based line `j` on, moved by `shift` lines. */
function takeFrom(last: TodoScan, j: number, shift: number, out: TodoItem[], openBefore: Uint8Array): void {
  openBefore.set(last.openBefore.subarray(j), j + shift);
  for (const t of last.items) if (t.line > j) out.push(shift ? { ...t, line: t.line + shift } : t);
}
