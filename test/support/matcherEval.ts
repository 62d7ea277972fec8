/**
 * Scores the matcher against labelled notes (test/fixtures/eval/*.md). A labelled note is a
 * Markdown note where each project mention is marked:
 *
 *   ⟦Prometheus⟧            a mention to link; the project is the one the text names
 *   ⟦k8s|Kubernetes⟧        a mention to link, of the named project
 *   ⟦Vitness?Vitess⟧        a typo to suggest (never to link automatically)
 *
 * Everything unmarked must not be linked (the traps: ordinary words, code, URLs, links...).
 * Used by the unit test (which asserts the figures) and by `npm run bench` (which prints them).
 */
import type { LandscapeIndex } from '../../src/core/landscape/landscapeIndex';
import { findMentions, type MatchOptions, type Mention } from '../../src/core/landscape/matcher';

interface GoldMention {
  start: number;
  end: number;
  text: string;
  project: string;
  action: 'link' | 'suggest';
}

export interface AnnotatedNote {
  text: string;
  gold: GoldMention[];
}

const MARK_RE = /⟦([^⟧|?]+)(?:([|?])([^⟧]+))?⟧/g;

/** Strips the marks and returns the plain note with the labelled mentions (offsets into the plain text). */
export function parseAnnotated(annotated: string, index: LandscapeIndex): AnnotatedNote {
  let text = '';
  let at = 0;
  const gold: GoldMention[] = [];
  for (const m of annotated.matchAll(MARK_RE)) {
    text += annotated.slice(at, m.index);
    const written = m[1];
    const named = m[3] ?? written;
    const entry = index.get(named);
    if (!entry) throw new Error(`labelled project not in the index: ${named}`);
    gold.push({ start: text.length, end: text.length + written.length, text: written, project: entry.name, action: m[2] === '?' ? 'suggest' : 'link' });
    text += written;
    at = (m.index ?? 0) + m[0].length;
  }
  text += annotated.slice(at);
  return { text, gold };
}

interface EvalCounts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface EvalResult {
  /** Auto-link decisions (`link`) against the labelled mentions to link. */
  link: EvalCounts & { precision: number; recall: number };
  /** Typo suggestions against the labelled typos (suggestions for uncertain ordinary words are not scored). */
  suggest: EvalCounts & { precision: number; recall: number };
  /** Wrong or missed decisions, for reading. */
  falsePositives: Array<{ note: string; line: number; text: string; project: string; action: string }>;
  falseNegatives: Array<{ note: string; line: number; text: string; project: string; action: string }>;
  notes: number;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Runs the matcher over every note and counts. */
export function evaluate(notes: ReadonlyArray<{ name: string; annotated: string }>, index: LandscapeIndex, options: MatchOptions = {}): EvalResult {
  const link: EvalCounts = { gold: 0, predicted: 0, correct: 0 };
  const suggest: EvalCounts = { gold: 0, predicted: 0, correct: 0 };
  const falsePositives: EvalResult['falsePositives'] = [];
  const falseNegatives: EvalResult['falseNegatives'] = [];
  for (const note of notes) {
    const { text, gold } = parseAnnotated(note.annotated, index);
    const found = findMentions(text, index, options);
    const key = (m: { start: number; end: number; action: string }, project: string) => `${m.start}:${m.end}:${m.action}:${project}`;
    const goldKeys = new Set(gold.map((g) => key(g, g.project)));
    const foundKeys = new Set(found.map((m: Mention) => key(m, m.entry.name)));
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    for (const g of gold) {
      const c = g.action === 'link' ? link : suggest;
      c.gold++;
      if (foundKeys.has(key(g, g.project))) c.correct++;
      else falseNegatives.push({ note: note.name, line: lineOf(g.start), text: g.text, project: g.project, action: g.action });
    }
    for (const m of found) {
      // Suggestions are scored for typos (the labelled kind); uncertain ordinary words are not labelled.
      if (m.action === 'suggest' && m.reason !== 'typo') continue;
      const c = m.action === 'link' ? link : suggest;
      c.predicted++;
      if (!goldKeys.has(key(m, m.entry.name))) falsePositives.push({ note: note.name, line: m.line, text: m.text, project: m.entry.name, action: m.action });
    }
  }
  return {
    link: { ...link, precision: ratio(link.correct, link.predicted), recall: ratio(link.correct, link.gold) },
    suggest: { ...suggest, precision: ratio(suggest.correct, suggest.predicted), recall: ratio(suggest.correct, suggest.gold) },
    falsePositives,
    falseNegatives,
    notes: notes.length,
  };
}
