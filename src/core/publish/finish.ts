/**
 * Finish Post: the steps that turn a note into a post, planned together on one text. Each step
 * is the core function its own command runs (typo fix of the project hints, Link Project
 * Mentions, Sync Tags from Linked Projects, Toggle Draft), computed on the text the steps
 * before it leave, in a fixed order: typo fixes first (so that a corrected name is linked like
 * any other), then links, then tags (from the links just made), then draft off. The result is
 * one set of edits on the original text (no two overlap), so the editor applies it as one undo
 * step. Linear in the note: each step is one pass, and the edits are composed in one sweep.
 */
import { InMemoryDocument, type TextEdit } from '../document';
import type { LandscapeIndex, LandscapeScope } from '../landscape/landscapeIndex';
import { chooseMentions, correctedText, linkEditsFor, linkTextFor, type LinkMode } from '../landscape/linkPlan';
import { describeError, setDraft } from '../frontmatter/fields';
import { describeAdded, syncTags, type TagStyle } from '../frontmatter/tags';
import { analyzeText, type AnalysisSettings, type NoteAnalysis } from '../analysis/noteAnalysis';

export type FinishStepId = 'typos' | 'links' | 'tags' | 'draft';

/** The steps in the order they apply. */
export const FINISH_STEPS: readonly FinishStepId[] = ['typos', 'links', 'tags', 'draft'];

export interface FinishOptions {
  /** talkCapture.landscape.scope */
  scope?: LandscapeScope;
  /** talkCapture.linkMentions.mode */
  linkMode?: LinkMode;
  /**
   * The options the note's model is built with (talkCapture.dayHeadingPattern, the file name):
   * the talks that "first mention per talk" counts in are those of that model, as for the hints
   * and the check.
   */
  notes?: AnalysisSettings;
  /** talkCapture.tags.fields */
  tagFields?: readonly string[];
  /** talkCapture.tags.style */
  tagStyle?: TagStyle;
  /** The steps to apply (default all); the others are described but leave the text as it is. */
  steps?: ReadonlySet<FinishStepId>;
}

interface FinishStep {
  id: FinishStepId;
  /** What the step does on this note ("Fix 2 typos", "Link 3 project mentions"), or that it has nothing to do. */
  label: string;
  /** The changes, or why there are none ("Promethues → Prometheus", "tags: Jaeger, Perses"). */
  detail: string;
  /** What the step did, said after it ran ("fixed 2 typos"); empty when it has nothing to do. */
  done: string;
  /** How many changes the step makes: 0 when there is nothing to do (or it cannot run). */
  count: number;
  /** Why the step cannot run (a front matter that cannot be read or edited). */
  problem?: string;
}

export interface FinishPlan {
  steps: FinishStep[];
  /** The note after the chosen steps. */
  text: string;
  /** Edits on the original text that give `text`, in order, never overlapping. */
  edits: TextEdit[];
}

/** "1 typo", "2 typos" */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Prometheus (2), Jaeger": names in order of first appearance, with how often when more than once. */
function tally(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => (c > 1 ? `${n} (${c})` : n)).join(', ');
}

function typoStep(a: NoteAnalysis): { step: FinishStep; edits: TextEdit[] } {
  const typos = a.mentions.filter((m) => m.action === 'suggest' && m.reason === 'typo');
  const edits = typos.map((m) => ({ range: m.range, newText: correctedText(m) }));
  const step: FinishStep =
    typos.length === 0
      ? { id: 'typos', label: 'No typos of project names', detail: 'nothing to fix', done: '', count: 0 }
      : {
          id: 'typos',
          label: `Fix ${count(typos.length, 'typo')}`,
          detail: tally(typos.map((m) => `${m.text} → ${correctedText(m)}`)),
          done: `fixed ${count(typos.length, 'typo')}`,
          count: typos.length,
        };
  return { step, edits };
}

function linkStep(a: NoteAnalysis, options: FinishOptions): { step: FinishStep; edits: TextEdit[] } {
  const chosen = chooseMentions(a.text, a.mentions, options.linkMode ?? 'perTalk', { talks: a.talks, linked: a.linked }).filter((m) => linkTextFor(m));
  const edits = linkEditsFor(chosen);
  const linkedNames = chosen.map((m) => m.entry.name);
  const step: FinishStep =
    edits.length === 0
      ? { id: 'links', label: 'No unlinked project mentions', detail: 'nothing to link', done: '', count: 0 }
      : {
          id: 'links',
          label: `Link ${count(edits.length, 'project mention')}`,
          detail: tally(linkedNames),
          done: `linked ${count(edits.length, 'project mention')}`,
          count: edits.length,
        };
  return { step, edits };
}

function tagStep(a: NoteAnalysis, index: LandscapeIndex, options: FinishOptions): { step: FinishStep; edits: TextEdit[] } {
  const text = a.text;
  const none = (label: string, detail: string, problem?: string) => ({ step: { id: 'tags' as const, label, detail, done: '', count: 0, problem }, edits: [] });
  const fields = options.tagFields ?? ['tags', 'categories'];
  if (fields.length === 0) return none('No tags to add', 'no tag field is set to sync (talkCapture.tags.fields)');
  const projects = a.linked.map((l) => l.entry);
  if (projects.length === 0) return none('No tags to add', 'the note links no landscape project');
  const r = syncTags(text, projects, { fields, style: options.tagStyle, lookup: (t) => index.get(t) });
  if (!r.ok) return none('Cannot add tags', r.message, r.message);
  const n = r.added.reduce((sum, a) => sum + a.values.length, 0);
  if (n === 0) return none('No tags to add', `${fields.join(' and ')} already name every linked project`);
  return {
    step: { id: 'tags', label: `Add ${count(n, 'tag')}`, detail: describeAdded(r.added.filter((a) => a.values.length > 0)), done: `added ${count(n, 'tag')}`, count: n },
    edits: r.edits,
  };
}

function draftStep(a: NoteAnalysis): { step: FinishStep; edits: TextEdit[] } {
  const text = a.text;
  const opened = a.frontMatter;
  const nothing = (detail: string): { step: FinishStep; edits: TextEdit[] } => ({ step: { id: 'draft', label: 'Draft is off', detail, done: '', count: 0 }, edits: [] });
  const cannot = (message: string): { step: FinishStep; edits: TextEdit[] } => ({
    step: { id: 'draft', label: 'Cannot turn draft off', detail: message, done: '', count: 0, problem: message },
    edits: [],
  });
  // No front matter: no draft to turn off. A front matter that cannot be read: say why.
  if (!opened.ok) return opened.format === null ? nothing('the note has no front matter: Hugo publishes it') : cannot(describeError(opened.error, opened.format));
  if (opened.source.scalar('draft').kind === 'missing') return nothing('the note has no draft field: Hugo publishes it');
  const r = setDraft(text, false);
  if (!r.ok) return cannot(r.message);
  if (!r.changed) return nothing('draft is already false');
  return { step: { id: 'draft', label: 'Turn draft off', detail: 'draft: false', done: 'turned draft off', count: 1 }, edits: r.edits };
}

/**
 * Plans Finish Post on `text`: each step described, and the edits of the chosen ones, each
 * step computed on the text the chosen steps before it leave. Never throws on odd input.
 */
export function planFinish(text: string, index: LandscapeIndex, options: FinishOptions = {}): FinishPlan {
  const chosen = options.steps ?? new Set(FINISH_STEPS);
  const steps: FinishStep[] = [];
  // One analysis per text the steps see (a step that changes nothing leaves the next the same analysis).
  const landscape = { index, scope: options.scope ?? 'cncf' };
  let last: NoteAnalysis | undefined;
  const run = (id: FinishStepId, current: string) => {
    const a = last?.text === current ? last : (last = analyzeText(current, options.notes, landscape));
    return id === 'typos' ? typoStep(a) : id === 'links' ? linkStep(a, options) : id === 'tags' ? tagStep(a, index, options) : draftStep(a);
  };
  const composed = composeEdits(
    text,
    FINISH_STEPS.map((id) => (current: string) => {
      const { step, edits } = run(id, current);
      steps.push(step);
      return chosen.has(id) ? edits : [];
    }),
  );
  return { steps, ...composed };
}

/**
 * Runs rounds of edits, each computed on the text the rounds before it leave, and returns the
 * final text and the one set of edits on `text` that gives it (in order, never overlapping; an
 * edit of a later round that rewrites what an earlier one wrote becomes one edit). Linear in
 * the text and the edits.
 */
export function composeEdits(text: string, rounds: ReadonlyArray<(current: string) => readonly TextEdit[]>): { text: string; edits: TextEdit[] } {
  let current = text;
  let pieces: Piece[] = [{ from: 0, to: text.length }];
  for (const round of rounds) {
    const edits = round(current);
    if (edits.length === 0) continue;
    const applied = applyToPieces(current, pieces, edits);
    current = applied.text;
    pieces = applied.pieces;
  }
  return { text: current, edits: editsFromPieces(text, pieces) };
}

/**
 * The text as pieces: spans of the original text (in order, never overlapping) and inserted
 * text. Edits on the current text split and replace pieces; the pieces then say, in one sweep,
 * what changed against the original.
 */
type Piece = { from: number; to: number } | { text: string };

function pieceLength(p: Piece): number {
  return 'text' in p ? p.text.length : p.to - p.from;
}

/** The part [a, b) of a piece (offsets inside the piece). */
function slicePiece(p: Piece, a: number, b: number): Piece {
  return 'text' in p ? { text: p.text.slice(a, b) } : { from: p.from + a, to: p.from + b };
}

/** Applies edits (against `text`, which the pieces spell) to the text and its pieces. Throws on overlapping edits: a bug, never a guess. */
function applyToPieces(text: string, pieces: readonly Piece[], edits: readonly TextEdit[]): { text: string; pieces: Piece[] } {
  const doc = new InMemoryDocument('memory:finish', text);
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Piece[] = [];
  let newText = '';
  // The pieces walked so far: index k starts at offset `base` of the current text.
  let k = 0;
  let base = 0;
  /** Copies the current text's [a, b) from the pieces (a never goes back). */
  const copy = (a: number, b: number) => {
    while (k < pieces.length && base + pieceLength(pieces[k]) <= a) base += pieceLength(pieces[k++]);
    let i = k;
    let start = base;
    while (i < pieces.length && start < b) {
      const len = pieceLength(pieces[i]);
      const lo = Math.max(a, start) - start;
      const hi = Math.min(b, start + len) - start;
      if (hi > lo) out.push(slicePiece(pieces[i], lo, hi));
      start += len;
      i++;
    }
  };
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error(`overlapping edits at offset ${s.start}`);
    copy(at, s.start);
    newText += text.slice(at, s.start) + s.text;
    if (s.text) out.push({ text: s.text });
    at = s.end;
  }
  copy(at, text.length);
  newText += text.slice(at);
  return { text: newText, pieces: out };
}

/** The edits on `original` that give the text the pieces spell: one per stretch between kept spans. */
function editsFromPieces(original: string, pieces: readonly Piece[]): TextEdit[] {
  const doc = new InMemoryDocument('memory:finish', original);
  const edits: TextEdit[] = [];
  let kept = 0;
  let pending = '';
  const flush = (until: number) => {
    if (until > kept || pending) edits.push({ range: { start: doc.positionAt(kept), end: doc.positionAt(until) }, newText: pending });
    pending = '';
  };
  for (const p of pieces) {
    if ('text' in p) pending += p.text;
    else if (p.to > p.from) {
      flush(p.from);
      kept = p.to;
    }
  }
  flush(original.length);
  return edits;
}
