/**
 * The words of a prose run, the facts the matcher asks the index about each distinct word
 * (remembered for one findMentions call), and the typo rules: a typo of a one- or two-word
 * name, and a four-letter slip (`gPRC`, `grcp`).
 */
import type { LandscapeEntry, LandscapeIndex, LandscapeScope } from './landscapeIndex';
import { work } from '../util/work';
import type { NameForm } from './nameForm';
import { boundaryOk } from './mentionRules';
import type { ProseRun } from './proseScan';
import { isWordCode } from './text';
import { editDistance } from '../util/editDistance';

export interface Word {
  start: number;
  end: number;
}

/** What the matcher asks the index about a word as written. */
export interface WordFacts {
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
export class WordMemo {
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
export function joinedBySpaceOrHyphen(text: string, prevEnd: number, nextStart: number): boolean {
  if (nextStart - prevEnd !== 1) return false;
  const c = text.charCodeAt(prevEnd);
  return c === 32 || c === 45;
}

export function wordsOf(text: string, run: ProseRun): Word[] {
  const words: Word[] = [];
  let i = run.start;
  while (i < run.end) {
    work.steps++;
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < run.end && isWordCode(text.charCodeAt(i))) i++;
    work.steps += i - s;
    words.push({ start: s, end: i });
  }
  return words;
}

export function typoAt(
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
