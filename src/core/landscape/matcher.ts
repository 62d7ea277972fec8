/**
 * Finds CNCF project mentions in a Markdown note and decides, for each, `link` (sure) or
 * `suggest` (probable: a typo, or an ordinary word that may be the project). Precision first:
 * names that are ordinary words (Flux, Helm, Score, Spin...) match only in the project's own
 * capitalisation and never as the ordinary word; lower-case ordinary words never match.
 *
 * Works on the fast scan of ./scan.ts (no syntax tree), so it can run while the user types.
 */
import type { Range, TextEdit } from '../document';
import { headingLineByline } from '../notes/talkHeading';
import type { LandscapeEntry, LandscapeIndex, LandscapeScope, NameForm } from './index';
import { scanMarkdown, type ProseRun, type ScanResult } from './scan';
import { compactKey, editDistance, escapeLinkText, isWordCode, markdownUrl } from './text';

type MentionAction = 'link' | 'suggest';

/** `evidence`: link if the note names the project elsewhere beyond doubt, else suggest. */
type Decision = MentionAction | 'evidence';

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
}

/** Words after a capitalised ordinary name at the start of a sentence that show it is the ordinary word ("Spin up", "Score of"). */
const ORDINARY_NEXT = new Set(
  'up down off out over around back away of a an the this that these those it its them you your my our their his her me us some any every each all more less too so very regards'.split(
    ' ',
  ),
);
/** What may stand before the first word of a sentence on a line: quote and list markers, heading marks, emphasis. */
const LINE_PREFIX_RE = /^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|\|[ \t]*)?[*_~"'“‘([]*[ \t]*$/;
const LINE_SUFFIX_RE = /^[*_~"'”’)\]]*[ \t]*[:.,!?]?[ \t]*(?:\|.*)?$/;

/** All mentions in document order. Never throws on odd input. */
export function findMentions(text: string, index: LandscapeIndex, options: MatchOptions = {}): Mention[] {
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
  for (const run of scan.runs) {
    if (run.end <= from || run.start >= to) continue;
    const before = out.length;
    matchRun(text, run, index, scope, typos, scan, titleCache, words, out, pending);
    if (run.heading && out.length > before) dropBylineMentions(text, run, out, before, dropped, bylines);
  }
  if (dropped.size) pending = pending.filter((m) => !dropped.has(m));
  if (pending.length) resolveByEvidence(text, scan, index, out, pending, from > 0 || to < text.length);
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

/** Words on the line of a name that say it is the project: `Contour: 1.28 released`, `Notary v2 is graduating`. */
const PROJECT_CONTEXT_RE =
  /\b(?:v?\d+\.\d+(?:\.\d+)?|v\d+|releases?|released|project|operator|graduated|graduating|graduation|graduates|incubating|incubation|sandbox|maintainers?|cncf)\b/i;

/** Whether the text after a mention, to the end of its line (at most 120 characters), names it as a project. */
function projectContextAfter(text: string, end: number): boolean {
  let e = text.indexOf('\n', end);
  if (e === -1 || e - end > 120) e = Math.min(text.length, end + 120);
  return PROJECT_CONTEXT_RE.test(text.slice(end, e));
}

/**
 * A capitalised ordinary word opening a sentence (`Porter bundles...` or `Porter carried the
 * bags`) is linked when the context says it is the project: the note names the project beyond
 * doubt elsewhere (a sure mention, a link, its name in the front matter), or its section
 * (heading to heading) has a sure mention of another project, or a version follows (`Notary v2`).
 * Otherwise it stays a suggestion.
 */
function resolveByEvidence(text: string, scan: ScanResult, index: LandscapeIndex, out: Mention[], pending: Mention[], partial: boolean): void {
  const pendingSet = new Set(pending);
  const sure: Mention[] = out.filter((m) => m.action === 'link' && !pendingSet.has(m));
  // Only part of the note was matched: look at the rest too.
  if (partial) {
    const pendingStarts = new Set(pending.map((p) => p.start));
    for (const m of findMentions(text, index, { scan, typos: false })) if (m.action === 'link' && !pendingStarts.has(m.start)) sure.push(m);
  }
  const sureEntries = new Set(sure.map((m) => m.entry));
  for (const l of linkedProjects(text, index, scan)) sureEntries.add(l.entry);
  const sectionOf = (line0: number): number => {
    let lo = 0;
    let hi = scan.headingLines.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (scan.headingLines[mid] <= line0) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
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

interface Word {
  start: number;
  end: number;
}

/** What the matcher asks the index about a word as written. */
interface WordFacts {
  /** The word in lower case. */
  lower: string;
  /** Answers asked for on first need: a name or alias of some entry; a four-letter slip shape; the one-word typo candidate (null: none). */
  known?: boolean;
  slip?: boolean;
  typo?: NameForm | null;
}

/**
 * The facts of each distinct word of one findMentions call (one scope), so that a word met
 * thousands of times in a long note is lowered, hashed and looked up in the index once, not
 * at each occurrence. Each answer is computed when the matcher first needs it, in the order
 * it always asked; none depends on where the word stands. Bounded: forgotten past MAX_WORDS.
 */
class WordMemo {
  private readonly facts = new Map<string, WordFacts>();
  constructor(
    private readonly index: LandscapeIndex,
    private readonly scope: LandscapeScope,
  ) {}

  of(written: string): WordFacts {
    let f = this.facts.get(written);
    if (!f) {
      if (this.facts.size >= MAX_WORDS) this.facts.clear();
      this.facts.set(written, (f = { lower: written.toLowerCase() }));
    }
    return f;
  }

  known(written: string, f: WordFacts): boolean {
    return (f.known ??= this.index.isKnownWord(written));
  }

  slip(written: string, f: WordFacts): boolean {
    return (f.slip ??= slipShaped(written));
  }

  typo(written: string, f: WordFacts): NameForm | undefined {
    if (f.typo === undefined) f.typo = this.index.typoCandidates(written).find((c) => c.words.length === 1 && this.index.inScope(c.entry, this.scope)) ?? null;
    return f.typo ?? undefined;
  }
}
const MAX_WORDS = 100_000;

/** The text between two words is exactly one space or one hyphen. */
function joinedBySpaceOrHyphen(text: string, prevEnd: number, nextStart: number): boolean {
  if (nextStart - prevEnd !== 1) return false;
  const c = text.charCodeAt(prevEnd);
  return c === 32 || c === 45;
}

function wordsOf(text: string, run: ProseRun): Word[] {
  const words: Word[] = [];
  let i = run.start;
  while (i < run.end) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < run.end && isWordCode(text.charCodeAt(i))) i++;
    words.push({ start: s, end: i });
  }
  return words;
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

function typoAt(
  text: string,
  words: Word[],
  i: number,
  run: ProseRun,
  index: LandscapeIndex,
  scope: LandscapeScope,
  memo: WordMemo,
  facts: WordFacts,
): { start: number; end: number; entry: LandscapeEntry; words: number } | undefined {
  const w = words[i];
  const c0 = text.charCodeAt(w.start);
  const letter = (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122);
  if (!letter) return undefined;
  const written = text.slice(w.start, w.end);
  // Two words (`Inspector Gadget` for Inspektor Gadget) when one of them is a word of a two-word name.
  const next = words[i + 1];
  if (next && joinedBySpaceOrHyphen(text, w.end, next.start) && next.end - w.start >= 9) {
    const a = facts.lower;
    const b = memo.of(text.slice(next.start, next.end)).lower;
    if ((index.isPartOfMultiWordName(a) || index.isPartOfMultiWordName(b)) && boundaryOk(text, w.start, next.end, run)) {
      // One word as in the name, the other a typo of its word (at least 5 letters).
      const cand = index
        .typoCandidates(a + b)
        .find(
          (f) =>
            f.words.length === 2 &&
            index.inScope(f.entry, scope) &&
            ((f.words[0] === a && b.length >= 5 && editDistance(b, f.words[1], 1) <= 1) || (f.words[1] === b && a.length >= 5 && editDistance(a, f.words[0], 1) <= 1)),
        );
      if (cand) return { start: w.start, end: next.end, entry: cand.entry, words: 2 };
    }
  }
  if (w.end - w.start === 4 && memo.slip(written, facts) && boundaryOk(text, w.start, w.end, run)) {
    // A short name with a wrong letter or two letters swapped: `gPRC`, `grcp`.
    const short = index.shortTypoCandidates(written).find((f) => index.inScope(f.entry, scope));
    if (short) return { start: w.start, end: w.end, entry: short.entry, words: 1 };
  }
  if (w.end - w.start < 5 || memo.known(written, facts)) return undefined;
  if (!boundaryOk(text, w.start, w.end, run)) return undefined;
  const cand = memo.typo(written, facts);
  return cand ? { start: w.start, end: w.end, entry: cand.entry, words: 1 } : undefined;
}

/**
 * A four-letter word no dictionary has: a capital after a lower-case letter (`gPRC`), or lower
 * case without a vowel (`grcp`, and `Grcp` opening a sentence). Acronyms (`GRPC`, `LLMs`, `CRDs`)
 * and ordinary spellings are left alone.
 */
function slipShaped(w: string): boolean {
  if (!/^[A-Za-z]{4}$/.test(w)) return false;
  if (/[a-z][A-Z]/.test(w)) return true;
  // Lower case after the first letter, which a sentence's start capitalises (`Grcp is ...`).
  const rest = w.slice(1);
  return rest === rest.toLowerCase() && !/[aeiouy]/i.test(w);
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

/** Is text[start, end) a whole word (not part of a longer word, a path, a domain, a handle, `x-y` compound)? */
function boundaryOk(text: string, start: number, end: number, run: ProseRun): boolean {
  const p = start > 0 ? text.charCodeAt(start - 1) : 32;
  const pp = start > 1 ? text.charCodeAt(start - 2) : 32;
  if (isWordCode(p)) return false;
  switch (p) {
    case 64: // @
    case 35: // #
    case 36: // $
    case 61: // =
    case 92: // \
    case 126: // ~
      return false;
    case 95: // _
    case 45: // -
    case 46: // .
    case 39: // '
    case 8217: // ’
    case 38: // &
    case 43: // +
      if (isWordCode(pp)) return false;
      break;
  }
  const n = end < text.length ? text.charCodeAt(end) : 32;
  const nn = end + 1 < text.length ? text.charCodeAt(end + 1) : 32;
  if (isWordCode(n)) return false;
  switch (n) {
    case 64: // @
    case 61: // =
      return false;
    case 95: // _
    case 45: // -
    case 46: // .
    case 58: // :
    case 43: // +
      if (isWordCode(nn)) return false;
      break;
    case 39: // '
    case 8217: // ’ (possessive 's only)
      if (isWordCode(nn) && !((nn === 115 || nn === 83) && !isWordCode(end + 2 < text.length ? text.charCodeAt(end + 2) : 32))) return false;
      break;
  }
  if (p === 47 || n === 47) return !pathLike(text, start, end, run);
  return true;
}

/** The whitespace-delimited token around [start, end) looks like a path or a repository (`vitessio/vitess`, `a/b/c`, `x.io/y`). */
function pathLike(text: string, start: number, end: number, run: ProseRun): boolean {
  let s = start;
  let e = end;
  const lineEnd = run.end;
  while (s > run.lineStart && !/\s/.test(text[s - 1])) s--;
  while (e < lineEnd && !/\s/.test(text[e])) e++;
  const tok = text.slice(s, e).replace(/^[(*_"'`[]+|[)*_"'`\].,;:!?]+$/g, '');
  if (tok.includes('://') || /^[/~.]/.test(tok) || (tok.match(/\//g) ?? []).length >= 2) return true;
  if (/\.[a-z]{2,}(?:\/|$)/i.test(tok.split('/')[0] ?? '')) return true;
  return tok === tok.toLowerCase();
}

/** `link`, `suggest`, or undefined (no mention) for a text that has the compact key of form `f`. */
function decide(
  text: string,
  written: string,
  f: NameForm,
  start: number,
  end: number,
  run: ProseRun,
  index: LandscapeIndex,
  titleCache: Map<number, boolean>,
): Decision | undefined {
  const form = f.form;
  const lowerWritten = written.toLowerCase();
  if (lowerWritten !== f.lower) return undefined;
  if (!f.ordinary) {
    if (f.key.length <= 2) return written === form || written === form.toUpperCase() ? 'link' : undefined;
    return 'link';
  }
  // Ordinary words: never in lower case, only in the project's own capitalisation; a name of three
  // ordinary words (`open policy agent`) in lower case when the context says it is the project.
  if (written === lowerWritten) return f.words.length >= 3 ? 'evidence' : undefined;
  const variants = new Set([form, form.toUpperCase(), titleWords(form), capFirst(form.toLowerCase())]);
  if (form === form.toUpperCase()) variants.add(capFirst(form.toLowerCase()));
  if (!variants.has(written)) {
    // `Service mesh Interface`: a multi-word name with its first and last words capitalised.
    return f.words.length > 1 && /^\p{Lu}/u.test(written) && /(?:^|[\s-])\p{Lu}[^\s-]*$/u.test(written) ? 'link' : undefined;
  }
  // Written exactly as a project that spells itself in capitals (KEDA, SOPS): no ordinary word looks like that.
  if (written === form && /[A-Z].*[A-Z]/.test(form)) return 'link';
  const sentenceStart = isSentenceStart(text, start, run);
  if (f.words.length > 1) {
    // `Confidential containers are...` is the phrase; `Cert manager` (a spelling of cert-manager) is the project.
    const sentenceCaseOnly = written === capFirst(form.toLowerCase()) && written !== form && written !== titleWords(form);
    if (!sentenceCaseOnly) return 'link';
    // `Cert manager` is a way of writing cert-manager; `Confidential containers` may be the phrase;
    // `Open cost models` is not OpenCost.
    if (HYPHENATED_NAME_RE.test(f.entry.name)) return 'link';
    // `Cloud events 1.0 graduated` for CloudEvents: the project when its line says so (`Open cost models` is a phrase).
    if (CAMEL_NAME_RE.test(f.entry.name) && compactKey(f.entry.name) === f.key) return projectContextAfter(text, end) ? 'link' : 'suggest';
    return f.entry.name.includes(' ') ? 'suggest' : undefined;
  }
  // `* Volcano` alone on its line: the project in a list of projects, a word with nothing around it.
  const lineIsName = sentenceStart && LINE_SUFFIX_RE.test(text.slice(end, lineEndOf(text, run)));
  if (lineIsName) return run.heading ? 'link' : 'evidence';
  if (run.heading && isTitleCaseLine(text, run, index, titleCache)) return 'suggest';
  // `the cluster we named Volcano`: a nickname, not the project.
  if (!sentenceStart) return afterNamingWord(text, start, run) ? undefined : 'link';
  const next = nextWord(text, end, run);
  if (next && ORDINARY_NEXT.has(next)) return undefined;
  // `- Contour: 1.28 released with...`: a project when the line or the list around it says so.
  if (text.charCodeAt(end) === 58 /* : */) return 'evidence';
  // A capitalised word opening a sentence whose project name is itself lower case (`kind`, `sealer`) is the word.
  if (form === form.toLowerCase() && written !== form) return undefined;
  // `Porter bundles...` or `Porter carried the bags`: the project if the note names it elsewhere.
  return 'evidence';
}

const HYPHENATED_NAME_RE = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;
/** `CloudEvents`, `OpenTracing`: words run together, each capitalised. */
const CAMEL_NAME_RE = /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/;

/** Words after which a capitalised word is a name given to something else: `a cluster called Volcano`. */
const NAMING_WORDS = new Set(['called', 'named', 'nicknamed', 'dubbed', 'codenamed', 'christened', 'aka']);
const NAMING_VERBS = new Set(['call', 'calls', 'name', 'names', 'nickname', 'nicknamed']);
const PRONOUNS = new Set(['it', 'them', 'him', 'her', 'us', 'this', 'that']);

/**
 * A naming word stands up to four words before `start` on its line (`a tool called Volcano`,
 * `we named our staging cluster Volcano`, `we call it Harbor`), and no word says project.
 */
function afterNamingWord(text: string, start: number, run: ProseRun): boolean {
  const from = Math.max(run.lineStart, start - 60);
  const words = text
    .slice(from, start)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .slice(-4);
  if (words.includes('project') || words.includes('projects')) return false;
  return words.some((w, k) => NAMING_WORDS.has(w) || (NAMING_VERBS.has(w) && PRONOUNS.has(words[k + 1] ?? '')));
}

function capFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function titleWords(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function lineEndOf(text: string, run: ProseRun): number {
  let e = text.indexOf('\n', run.start);
  if (e === -1) e = text.length;
  if (e > 0 && text[e - 1] === '\r') e--;
  return e;
}

function isSentenceStart(text: string, start: number, run: ProseRun): boolean {
  const prefix = text.slice(run.lineStart, start);
  if (LINE_PREFIX_RE.test(prefix)) return true;
  const trimmed = prefix.replace(/[\s*_~"'“‘(]+$/u, '');
  const last = trimmed[trimmed.length - 1];
  return last === '.' || last === '!' || last === '?' || last === ':' || last === ';' || last === '|' || last === '。' || last === '：';
}

function nextWord(text: string, end: number, run: ProseRun): string | undefined {
  const rest = text.slice(end, Math.min(lineEndOf(text, run), end + 40));
  const m = /^[ \t]+([A-Za-z]+)/.exec(rest);
  return m ? m[1].toLowerCase() : undefined;
}

/** A heading written in Title Case (talk titles): capitalised ordinary words there may be plain words. Project names do not count. */
function isTitleCaseLine(text: string, run: ProseRun, index: LandscapeIndex, cache: Map<number, boolean>): boolean {
  const hit = cache.get(run.line);
  if (hit !== undefined) return hit;
  const line = text.slice(run.lineStart, lineEndOf(text, run));
  const words = (line.match(/[A-Za-z][A-Za-z']{3,}/g) ?? []).filter((w) => index.formsForKey(w.toLowerCase()).length === 0);
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  const result = words.length >= 4 && caps / words.length >= 0.75;
  cache.set(run.line, result);
  return result;
}

export interface LinkedProject {
  entry: LandscapeEntry;
  /** 1-based line and column of the link's `[`. */
  line: number;
  column: number;
  /** The link text and URL as written. */
  text: string;
  url: string;
  start: number;
  end: number;
}

/** The links of the body (not images, not in code or front matter) whose URL points to a landscape entry. */
export function linkedProjects(text: string, index: LandscapeIndex, scan: ScanResult = scanMarkdown(text)): LinkedProject[] {
  const out: LinkedProject[] = [];
  for (const l of scan.links) {
    if (l.image || !l.url) continue;
    const entry = index.byUrl(l.url);
    if (!entry) continue;
    out.push({ entry, line: l.line + 1, column: l.start - scan.lineStarts[l.line] + 1, text: text.slice(l.textStart, l.textEnd), url: l.url, start: l.start, end: l.end });
  }
  return out;
}

/** talkCapture.linkMentions.mode */
export type LinkMode = 'perTalk' | 'perDocument' | 'everyMention';

export interface PlanOptions {
  /**
   * The talks of the note (1-based line .. endLine), as the one notes model built them with the
   * person's settings (`allTalks(model)`; a custom talkCapture.dayHeadingPattern moves them):
   * every caller passes the same ones, so the hints, Link Project Mentions, Finish Post, the
   * check and the CLI choose the same first mention per talk. The note is never re-read here.
   */
  talks: ReadonlyArray<{ line: number; endLine: number }>;
  /** Links already in the note; default: computed with `index`. */
  linked?: readonly LinkedProject[];
  index?: LandscapeIndex;
}

/** The `[text](url)` that replaces a mention, or undefined when the entry has no http(s) URL. */
export function linkTextFor(m: Pick<Mention, 'text' | 'url'>): string | undefined {
  const url = markdownUrl(m.url);
  return url ? `[${escapeLinkText(m.text)}](${url})` : undefined;
}

/** The project's name that replaces a typo (`Promethues` → `Prometheus`), as plain text: what the quick fix "Change to …" writes. */
export function correctedText(m: Pick<Mention, 'entry'>): string {
  return escapeLinkText(m.entry.name).replace(/\\([_*])/g, '$1');
}

/**
 * The edits that link mentions (only `link` actions): the first mention of each project per
 * talk (`perTalk`), per note (`perDocument`), or every one. Projects already linked in that
 * talk (or note) are left as they are. Each edit replaces exactly the mention's text.
 */
export function planLinkEdits(text: string, mentions: readonly Mention[], mode: LinkMode, options: PlanOptions): TextEdit[] {
  return linkEditsFor(chooseMentions(text, mentions, mode, options));
}

/** The edits that link the mentions chosen by {@link chooseMentions}. */
export function linkEditsFor(chosen: readonly Mention[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const m of chosen) {
    const link = linkTextFor(m);
    if (link) edits.push({ range: m.range, newText: link });
  }
  return edits;
}

/** The mentions {@link planLinkEdits} would link. */
export function chooseMentions(text: string, mentions: readonly Mention[], mode: LinkMode, options: PlanOptions): Mention[] {
  const links = mentions.filter((m) => m.action === 'link' && markdownUrl(m.url));
  if (mode === 'everyMention') return links;
  const linked = options.linked ?? (options.index ? linkedProjects(text, options.index) : []);
  // The section of a line: the first line of its talk (perTalk; -Infinity outside every talk), or 0 (perDocument).
  let sectionOf: (line1: number) => number = () => 0;
  if (mode === 'perTalk') {
    const talkAt = talkLinesAt(options.talks, [...linked.map((l) => l.line), ...links.map((m) => m.line)]);
    sectionOf = (line1) => talkAt.get(line1) ?? Number.NEGATIVE_INFINITY;
  }
  // The projects linked (or to be linked) in each section, by name.
  const done = new Map<number, Set<string>>();
  const firstIn = (section: number, name: string): boolean => {
    let names = done.get(section);
    if (!names) done.set(section, (names = new Set()));
    if (names.has(name)) return false;
    names.add(name);
    return true;
  };
  for (const l of linked) firstIn(sectionOf(l.line), l.entry.name);
  const out: Mention[] = [];
  for (const m of links) if (firstIn(sectionOf(m.line), m.entry.name)) out.push(m);
  return out;
}

/**
 * For each of `lines` (1-based) that a talk's section (line .. endLine) holds, the first line
 * of the one that starts last (lines outside every talk are left out). One sweep over the lines in order with a
 * heap of the talks begun so far (latest start on top; a talk ended before the current line
 * is dropped when it comes to the top): O((talks + lines) log talks), for talks in any order,
 * nested or overlapping.
 */
function talkLinesAt(talks: ReadonlyArray<{ line: number; endLine: number }>, lines: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  const queries = [...new Set(lines)].sort((a, b) => a - b);
  const sorted = [...talks].sort((a, b) => a.line - b.line);
  const heap: Array<{ line: number; endLine: number }> = [];
  const up = (i: number) => {
    const t = heap[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p].line >= t.line) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  };
  const down = (i: number) => {
    const t = heap[i];
    const n = heap.length;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heap[c + 1].line > heap[c].line) c++;
      if (heap[c].line <= t.line) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = t;
  };
  let k = 0;
  for (const q of queries) {
    while (k < sorted.length && sorted[k].line <= q) {
      heap.push(sorted[k++]);
      up(heap.length - 1);
    }
    // Lines only grow: a talk that ended before this one holds none of the rest.
    while (heap.length && !(q <= heap[0].endLine)) {
      const last = heap.pop()!;
      if (heap.length) {
        heap[0] = last;
        down(0);
      }
    }
    if (heap.length) out.set(q, heap[0].line);
  }
  return out;
}
