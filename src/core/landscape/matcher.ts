/**
 * Finds CNCF project mentions in a Markdown note and decides, for each, `link` (sure) or
 * `suggest` (probable: a typo, or an ordinary word that may be the project). Precision first:
 * names that are ordinary words (Flux, Helm, Score, Spin...) match only in the project's own
 * capitalisation and never as the ordinary word; lower-case ordinary words never match.
 *
 * Works on the fast scan of ./proseScan.ts (no syntax tree), so it can run while the user types.
 */
import type { Range } from '../document';
import { headingLineByline } from '../notes/talkHeading';
import type { LandscapeEntry, LandscapeIndex, LandscapeScope } from './landscapeIndex';
import { linkedProjects, type LinkedProject } from './linkedProjects';
import { work } from '../util/work';
import { mentionContextOf, type LineMentionMemo } from './lineMentions';
import { boundaryOk, decide, lineEndOf, projectContextAfter, type MentionAction } from './mentionRules';
import { joinedBySpaceOrHyphen, typoAt, WordMemo, wordsOf } from './mentionTypos';
import { scanMarkdown, type ProseRun, type ScanResult } from './proseScan';
import { isWordCode } from './text';
import { itself, upperBound } from '../util/search';

export interface Mention {
  /** 1-based line and column of the mention as written; endColumn is exclusive. */
  line: number;
  column: number;
  endColumn: number;
  /** Offsets in the text. */
  start: number;
  end: number;
  /** 0-based range (for editors). */
  range: Range;
  /** The mention as written (`Cert manager`, `Promethues`). */
  text: string;
  entry: LandscapeEntry;
  /** The link target (homepage, else repository; http/https only); undefined when the entry has none. */
  url: string | undefined;
  action: MentionAction;
  /** Why: the name or an alias; a typo of a name; an ordinary word that is probably the name. */
  reason: 'name' | 'typo' | 'uncertain';
  /** The mention is in a heading line. */
  heading: boolean;
}

export interface MatchOptions {
  /** Which entries to look for (talkCapture.landscape.scope); default `cncf`. */
  scope?: LandscapeScope;
  /** Report typos of distinctive names as `suggest` (default true). */
  typos?: boolean;
  /** Only mentions inside offsets [from, to). */
  from?: number;
  to?: number;
  /** A scan of the same text, when the caller has one. */
  scan?: ScanResult;
  /** The linked projects of the same text, when the caller has them. */
  linked?: readonly LinkedProject[];
  /**
   * The mentions of each line from the pass over the note's previous version (same index and
   * scope): unchanged lines are taken from it, the pass records its own for the next version.
   */
  lines?: LineMentionMemo;
}

/** All mentions in document order. Never throws on odd input. */
export function findMentions(text: string, index: LandscapeIndex, options: MatchOptions = {}): Mention[] {
  work.mentionPasses++;
  const scan = options.scan ?? scanMarkdown(text);
  const scope = options.scope ?? 'cncf';
  const typos = options.typos ?? true;
  const from = options.from ?? 0;
  const to = options.to ?? text.length;
  const out: Mention[] = [];
  index.prepare(scope);
  const titleCache = new Map<number, boolean>();
  const words = new WordMemo(index, scope);
  const bylines = new Map<number, number>();
  const dropped = new Set<Mention>();
  let pending: Mention[] = [];
  const lines = options.lines && from === 0 && to === text.length && typos ? options.lines : undefined;
  const runs = scan.runs;
  for (let r = 0; r < runs.length;) {
    // The runs of one line: r .. e - 1.
    let e = r + 1;
    while (e < runs.length && runs[e].line === runs[r].line) e++;
    if (runs[e - 1].end <= from || runs[r].start >= to) {
      r = e;
      continue;
    }
    const context = lines && mentionContextOf(runs, r, e);
    const known = context ? lines!.get(runs[r].line, context) : undefined;
    if (known) {
      work.steps++;
      for (const m of known) {
        const made = makeMention(text, scan, index, runs[r], runs[r].lineStart + m.start, runs[r].lineStart + m.end, m.entry, m.action, m.reason);
        out.push(made);
        if (m.pending) pending.push(made);
      }
      r = e;
      continue;
    }
    const lineFrom = out.length;
    const pendingFrom = pending.length;
    for (let k = r; k < e; k++) {
      const run = runs[k];
      if (run.end <= from || run.start >= to) continue;
      const before = out.length;
      matchRun(text, run, index, scope, typos, scan, titleCache, words, out, pending);
      if (run.heading && out.length > before) dropBylineMentions(text, run, out, before, dropped, bylines);
    }
    if (context) {
      const waiting = new Set(pending.slice(pendingFrom));
      const lineStart = runs[r].lineStart;
      lines!.set(
        runs[r].line,
        context,
        out.slice(lineFrom).map((m) => ({ start: m.start - lineStart, end: m.end - lineStart, entry: m.entry, action: m.action, reason: m.reason, pending: waiting.has(m) })),
      );
    }
    r = e;
  }
  lines?.done();
  if (dropped.size) pending = pending.filter((m) => !dropped.has(m));
  if (pending.length) resolveByEvidence(text, scan, index, out, pending, from > 0 || to < text.length, options.linked);
  return out.filter((m) => m.start >= from && m.end <= to);
}

/**
 * The speakers and company of a talk heading (`### Title - Ana Lima, Acme`) are not prose: a
 * surname that is also a project (Lima) is no mention of it. Drops the mentions of `run` found
 * there (from `out[from]` on) and records them in `dropped`.
 */
function dropBylineMentions(text: string, run: ProseRun, out: Mention[], from: number, dropped: Set<Mention>, cache: Map<number, number>): void {
  let at = cache.get(run.line);
  if (at === undefined) {
    const b = headingLineByline(text.slice(run.lineStart, lineEndOf(text, run)));
    at = b ? run.lineStart + b.start : -1;
    cache.set(run.line, at);
  }
  if (at < 0) return;
  let w = from;
  for (let r = from; r < out.length; r++) {
    const m = out[r];
    if (m.start >= at) {
      dropped.add(m);
      continue;
    }
    out[w++] = m;
  }
  out.length = w;
}

/**
 * A capitalised ordinary word opening a sentence (`Porter bundles...` or `Porter carried the
 * bags`) is linked when the context says it is the project: the note names the project beyond
 * doubt elsewhere (a sure mention, a link, its name in the front matter), or its section
 * (heading to heading) has a sure mention of another project, or a version follows (`Notary v2`).
 * Otherwise it stays a suggestion.
 */
function resolveByEvidence(
  text: string,
  scan: ScanResult,
  index: LandscapeIndex,
  out: Mention[],
  pending: Mention[],
  partial: boolean,
  linked: readonly LinkedProject[] = linkedProjects(text, index, scan),
): void {
  const pendingSet = new Set(pending);
  const sure: Mention[] = out.filter((m) => m.action === 'link' && !pendingSet.has(m));
  // Only part of the note was matched: look at the rest too.
  if (partial) {
    const pendingStarts = new Set(pending.map((p) => p.start));
    for (const m of findMentions(text, index, { scan, typos: false })) if (m.action === 'link' && !pendingStarts.has(m.start)) sure.push(m);
  }
  const sureEntries = new Set(sure.map((m) => m.entry));
  for (const l of linked) sureEntries.add(l.entry);
  const sectionOf = (line0: number): number => upperBound(scan.headingLines, line0, itself) - 1;
  const sectionEntries = new Map<number, Set<LandscapeEntry>>();
  for (const m of sure) {
    const s = sectionOf(m.line - 1);
    let set = sectionEntries.get(s);
    if (!set) sectionEntries.set(s, (set = new Set()));
    set.add(m.entry);
  }
  const frontMatter = scan.bodyStartLine > 0 ? text.slice(0, scan.lineStarts[scan.bodyStartLine] ?? text.length).toLowerCase() : '';
  const inFrontMatter = (e: LandscapeEntry) =>
    !!frontMatter &&
    [e.name, ...e.aliases].some((n) => {
      const ln = n.toLowerCase();
      for (let i = frontMatter.indexOf(ln); i !== -1; i = frontMatter.indexOf(ln, i + 1)) {
        if (!isWordCode(frontMatter.charCodeAt(i - 1)) && !isWordCode(frontMatter.charCodeAt(i + ln.length))) return true;
      }
      return false;
    });
  for (const m of pending) {
    const others = sectionEntries.get(sectionOf(m.line - 1));
    const sectionHasProjects = !!others && [...others].some((e) => e !== m.entry);
    const version = /^[ \t]*:?[ \t]+v?\d/.test(text.slice(m.end, m.end + 8));
    if (sureEntries.has(m.entry) || sectionHasProjects || version || inFrontMatter(m.entry) || projectContextAfter(text, m.end)) {
      m.action = 'link';
      m.reason = 'name';
    }
  }
}

function matchRun(
  text: string,
  run: ProseRun,
  index: LandscapeIndex,
  scope: LandscapeScope,
  typos: boolean,
  scan: ScanResult,
  titleCache: Map<number, boolean>,
  memo: WordMemo,
  out: Mention[],
  pending: Mention[],
): void {
  const words = wordsOf(text, run);
  for (let i = 0; i < words.length; i++) {
    work.steps++;
    const w = words[i];
    const facts = memo.of(text.slice(w.start, w.end));
    const first = facts.lower;
    const maxWords = index.maxWordsStartingWith(first);
    let matched = 0;
    if (maxWords > 0) {
      // Longest form first: `Open Policy Agent` before `Open`.
      let span = 1;
      const keys: string[] = [first];
      while (span < maxWords && i + span < words.length) {
        work.steps++;
        const prev = words[i + span - 1];
        const next = words[i + span];
        if (!joinedBySpaceOrHyphen(text, prev.end, next.start)) break;
        keys.push(keys[span - 1] + memo.of(text.slice(next.start, next.end)).lower);
        span++;
      }
      for (let n = span; n >= 1 && !matched; n--) {
        const start = w.start;
        const end = words[i + n - 1].end;
        const forms = index.formsForKey(keys[n - 1]);
        if (forms.length === 0 || !boundaryOk(text, start, end, run)) continue;
        const written = text.slice(start, end);
        for (const f of forms) {
          work.steps++;
          if (!index.inScope(f.entry, scope) || f.words.length !== n) continue;
          const decision = decide(text, written, f, start, end, run, index, titleCache);
          if (!decision) continue;
          const m = makeMention(text, scan, index, run, start, end, f.entry, decision === 'link' ? 'link' : 'suggest', decision === 'link' ? 'name' : 'uncertain');
          if (decision === 'evidence') pending.push(m);
          out.push(m);
          matched = n;
          break;
        }
      }
    }
    if (matched) {
      i += matched - 1;
      continue;
    }
    if (!typos) continue;
    const typo = typoAt(text, words, i, run, index, scope, memo, facts);
    if (typo) {
      out.push(makeMention(text, scan, index, run, typo.start, typo.end, typo.entry, 'suggest', 'typo'));
      i += typo.words - 1;
    }
  }
}

function makeMention(
  text: string,
  _scan: ScanResult,
  index: LandscapeIndex,
  run: ProseRun,
  start: number,
  end: number,
  entry: LandscapeEntry,
  action: 'link' | 'suggest',
  reason: Mention['reason'],
): Mention {
  const col = start - run.lineStart;
  const endCol = end - run.lineStart;
  return {
    line: run.line + 1,
    column: col + 1,
    endColumn: endCol + 1,
    start,
    end,
    range: { start: { line: run.line, character: col }, end: { line: run.line, character: endCol } },
    text: text.slice(start, end),
    entry,
    url: index.urlOf(entry),
    action,
    reason,
    heading: run.heading,
  };
}
