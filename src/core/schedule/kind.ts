/** The kind of a session from what the source says: categories, session type, title prefix. */
import type { SessionKind } from './model';

const BREAK = /\b(?:breaks?|coffee|tea|lunch|breakfast|brunch|snacks?|registration|badge|check-?in|meals?|dinner|refreshments)\b/i;
const RULES: Array<[RegExp, SessionKind]> = [
  [/\bkeynotes?\b/i, 'keynote'],
  [/\blightning\b/i, 'lightning'],
  [/\bcontrib\s?fest\b/i, 'contribfest'],
  [/\bpanels?\b/i, 'panel'],
  [/\b(?:workshops?|tutorials?|hands-on|labs?|training)\b/i, 'workshop'],
  [/\b(?:bofs?|birds of a feather|unconference)\b/i, 'bof'],
];
const OTHER = /\b(?:experiences?|party|reception|social|showcase|expo|booth|sponsors?|photo|meetups?|networking|happy hour|yoga|fun run|game|closing|opening|welcome)\b/i;

export interface KindHints {
  /** Categories / tracks / session types / formats the source gives. */
  labels?: ReadonlyArray<string | null | undefined>;
  title: string;
  /** The kind a title prefix says (`Keynote: `). */
  prefixKind?: SessionKind | null;
  /** The source marks it a service session (Sessionize): a break. */
  service?: boolean;
  hasSpeakers: boolean;
}

/**
 * The session's kind. Breaks first (a category or a short title without speakers such as
 * `Coffee Break`, `Registration & Badge Pick-Up`, `Lunch`), then a title prefix, then the
 * labels (`KEYNOTE SESSIONS`, `⚡ LIGHTNING TALKS`, `🚨 CONTRIBFEST`, `Workshop`), then a
 * `Panel`-like title; an entry without speakers whose label reads as a social or expo item is
 * `other`; everything else is a `talk`.
 */
export function classifyKind(h: KindHints): SessionKind {
  const labels = (h.labels ?? []).filter((l): l is string => !!l && l.trim() !== '').join(' | ');
  if (h.service && !h.prefixKind) return 'break';
  if (labels && BREAK.test(labels) && !RULES.some(([re]) => re.test(labels))) return 'break';
  if (!h.hasSpeakers && !h.prefixKind && h.title.length <= 60 && BREAK.test(h.title) && !RULES.some(([re]) => re.test(h.title))) return 'break';
  if (h.prefixKind) return h.prefixKind;
  for (const [re, kind] of RULES) if (labels && re.test(labels)) return kind;
  if (/^panel\b|\bpanel discussion\b/i.test(h.title)) return 'panel';
  if (/\bkeynote\b/i.test(h.title)) return 'keynote';
  if (!h.hasSpeakers && ((labels && OTHER.test(labels)) || OTHER.test(h.title))) return 'other';
  return 'talk';
}
