/**
 * Is this note conference notes, or another post of the same blog (a diary, a trip, a how-to)?
 * Decided once, here, from the note's shape: the Talks view shows a conference note's headings
 * as talks and another post's as sections, and the publish check runs its conference-only
 * checks (talks with no notes, tags missing linked projects) on conference notes only.
 */
import type { NotesModel } from './model';
import { allTalks } from './query';

/**
 * Conference words in a title, tags or categories: `KubeCon`, `CloudNativeCon`, `conference`,
 * `summit`, `keynote`, `FOSDEM`, `meetup` (any case), and a `…Con` written with its capital
 * (`ArgoCon 2024`, `FluxCon`; not "Falcon", "silicon", "lexicon").
 */
const CONFERENCE_WORDS = /\b(?:kubecon|cloudnativecon|conference|conf|summit|keynotes?|devconf|fosdem|kcd|meetup|devopsdays|cfp)\b/i;
const CAMEL_CON = /\b[A-Z][A-Za-z]*Con(?:f|[ \t]?'?(?:20)?\d{2})?\b/;

/** Front matter keys only conference notes have (`schedule:` is where Import Conference Schedule… keeps its source). */
const CONFERENCE_KEYS = ['schedule', 'conference', 'event'];

/** The front matter fields whose words say what the post is about. */
const SUBJECT_FIELDS = ['title', 'tags', 'categories', 'series', 'keywords'];

function wordsOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join(' \n ');
  return '';
}

/**
 * Why the note reads as conference notes (a short reason), or undefined when it reads as
 * another post. Conference notes: a note without (readable) front matter (a capture note, the
 * way this extension starts one), day headings or a day in the file name or title, talk
 * headings with speakers, a kind (keynote, lightning talk…) or a time, hidden talk drafts, a
 * `schedule:` key, or conference words in the title, tags or categories. A blog post with
 * front matter and none of these (`## Today's Sessions`, `## Unwinding with the Colleagues`)
 * is not. Linear in the number of talks and the size of those fields.
 */
function conferenceReason(notes: NotesModel): string | undefined {
  const fm = notes.frontMatter;
  if (!fm.format || fm.error) return 'a note without readable front matter';
  if (notes.days.length > 0) return 'day headings';
  if (notes.impliedDay) return `a day in its name (${notes.impliedDay})`;
  for (const t of allTalks(notes)) {
    if (t.hidden) return 'hidden talk drafts';
    if (t.speakers.length > 0 || t.kind || t.time) return `talk headings such as "${t.heading}"`;
  }
  for (const key of CONFERENCE_KEYS) if (fm.data[key] !== undefined) return `a \`${key}\` key in the front matter`;
  for (const field of SUBJECT_FIELDS) {
    const text = wordsOf(fm.data[field]);
    const head = text.length > 4000 ? text.slice(0, 4000) : text;
    const m = CONFERENCE_WORDS.exec(head) ?? CAMEL_CON.exec(head);
    if (m) return `"${m[0]}" in its ${field}`;
  }
  return undefined;
}

/** Whether the note reads as conference notes (see {@link conferenceReason}). */
export function isConferenceNote(notes: NotesModel): boolean {
  return conferenceReason(notes) !== undefined;
}
