/**
 * The rules that decide whether a name form found in prose is a mention: whole-word boundaries
 * (not part of a path, a domain or a handle), the capitalisation and sentence context of
 * ordinary words, naming words (`a cluster called Volcano`) and Title Case headings.
 */
import type { LandscapeIndex } from './landscapeIndex';
import type { NameForm } from './nameForm';
import type { ProseRun } from './proseScan';
import { compactKey, isWordCode } from './text';

export type MentionAction = 'link' | 'suggest';

/** `evidence`: link if the note names the project elsewhere beyond doubt, else suggest. */
type Decision = MentionAction | 'evidence';

/** Words after a capitalised ordinary name at the start of a sentence that show it is the ordinary word ("Spin up", "Score of"). */
const ORDINARY_NEXT = new Set(
  'up down off out over around back away of a an the this that these those it its them you your my our their his her me us some any every each all more less too so very regards'.split(
    ' ',
  ),
);
/** What may stand before the first word of a sentence on a line: quote and list markers, heading marks, emphasis. */
const LINE_PREFIX_RE = /^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|\|[ \t]*)?[*_~"'“‘([]*[ \t]*$/;
const LINE_SUFFIX_RE = /^[*_~"'”’)\]]*[ \t]*[:.,!?]?[ \t]*(?:\|.*)?$/;

/** Words on the line of a name that say it is the project: `Contour: 1.28 released`, `Notary v2 is graduating`. */
const PROJECT_CONTEXT_RE =
  /\b(?:v?\d+\.\d+(?:\.\d+)?|v\d+|releases?|released|project|operator|graduated|graduating|graduation|graduates|incubating|incubation|sandbox|maintainers?|cncf)\b/i;

/** Whether the text after a mention, to the end of its line (at most 120 characters), names it as a project. */
export function projectContextAfter(text: string, end: number): boolean {
  let e = text.indexOf('\n', end);
  if (e === -1 || e - end > 120) e = Math.min(text.length, end + 120);
  return PROJECT_CONTEXT_RE.test(text.slice(end, e));
}

/** Is text[start, end) a whole word (not part of a longer word, a path, a domain, a handle, `x-y` compound)? */
export function boundaryOk(text: string, start: number, end: number, run: ProseRun): boolean {
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
export function decide(
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

export function lineEndOf(text: string, run: ProseRun): number {
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
