/**
 * The note's edits for a plan: `![Slide: <talk title>](<path>)` for each placed photo, in place
 * of a "pic from phone" / "picture on phone" marker in that talk (a hidden `[//]: # (…)` one
 * too), else at the end of the talk's section (after its last non-blank line, before the next
 * heading); and the QR links the user chose as `[from the slides](url)`. Only insertions and
 * the marker lines are touched; the note's line endings are kept. One parse, one pass over the
 * lines of each talk that gets photos.
 */
import { eolOf, type TextEdit } from '../document';
import { lastContentLine } from '../capture/insert';
import { splitLines } from '../util/lines';
import { markdownDestination, markdownPath } from '../links/safeUrl';
import { analyzeText } from '../analysis/noteAnalysis';
import type { NotesOptions, Talk } from '../notes/model';
import { allTalks } from '../notes/query';
import { markdownText } from '../schedule/text';
import type { ChosenLink, PhotoRow } from './types';

/** A reminder to add a photo: `pic from phone`, `pictures on the phone`, `photo from phone`. */
const MARKER = /\b(?:pics?|pictures?|photos?)\s+(?:from|on)\s+(?:the\s+|my\s+)?phone\b/i;
const BULLET = /^\s*(?:[-*+]\s+)?/;
const HIDDEN = /^\[\/\/\]:\s*#\s*\((.*)\)$/;
const TODO = /^TODO:?\s*/i;

/** What a line says once a bullet, `TODO:`, one pair of parentheses or the hidden `[//]: # (…)` form is taken off. */
function innerOf(text: string): { prefix: string; inner: string } {
  const prefix = BULLET.exec(text)?.[0] ?? '';
  let rest = text.slice(prefix.length).trim();
  const hidden = HIDDEN.exec(rest);
  if (hidden) return { prefix, inner: hidden[1].trim() };
  rest = rest.replace(TODO, '');
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1);
  return { prefix, inner: rest.trim() };
}

interface Marker {
  /** 0-based line. */
  line: number;
  /** [start, end) columns replaced; whole line for a line that is only the marker. */
  start: number;
  end: number;
  /** Text kept before each image (a list bullet). */
  prefix: string;
  whole: boolean;
}

function markerOf(text: string, line: number): Marker | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  const { prefix, inner } = innerOf(text);
  if (MARKER.exec(inner)?.[0] === inner) return { line, start: 0, end: text.length, prefix, whole: true };
  return { line, start: m.index, end: m.index + m[0].length, prefix: '', whole: false };
}

function imageLine(row: PhotoRow, talk: Talk): string | undefined {
  const dest = row.url ? markdownPath(row.url) : undefined;
  return dest ? `![Slide: ${markdownText(talk.title)}](${dest})` : undefined;
}

/** The edits that write the plan's placed rows (and the chosen QR links) into the note; `options` as the plan was made with (the day heading pattern). */
export function photoEdits(text: string, rows: readonly PhotoRow[], links: readonly ChosenLink[] = [], options: NotesOptions = {}): TextEdit[] {
  const eol = eolOf(text);
  const lines = splitLines(text);
  const analysis = analyzeText(text, options);
  const talks = new Map(allTalks(analysis.model).map((t) => [t.line, t] as const));
  // The scan the model was built from: lines in code are never markers.
  const { excluded } = analysis.blocks;
  const byTalk = new Map<number, { images: string[]; links: string[] }>();
  const entry = (line: number) => {
    let e = byTalk.get(line);
    if (!e) byTalk.set(line, (e = { images: [], links: [] }));
    return e;
  };
  for (const r of rows) {
    const talk = r.talk && talks.get(r.talk.line);
    const image = talk && imageLine(r, talk);
    if (image) entry(talk.line).images.push(image);
  }
  for (const l of links) {
    const dest = markdownDestination(l.url);
    const e = talks.has(l.talkLine) && dest ? entry(l.talkLine) : undefined;
    const line = `[from the slides](${dest})`;
    if (e && !e.links.includes(line)) e.links.push(line);
  }
  const edits: TextEdit[] = [];
  for (const [line, { images, links: linkLines }] of byTalk) {
    const talk = talks.get(line)!;
    const markers: Marker[] = [];
    const existing = new Set<string>();
    for (let l = talk.line + 1; l <= talk.endLine && l <= lines.length; l++) {
      const m = excluded[l - 1] ? undefined : markerOf(lines[l - 1], l - 1);
      if (m) markers.push(m);
      existing.add(lines[l - 1].trim());
    }
    // Photo i goes to marker i; photos beyond the last marker go with it; without markers, at the end.
    const atMarker = markers.map(() => [] as string[]);
    if (markers.length) images.forEach((img, i) => atMarker[Math.min(i, markers.length - 1)].push(img));
    const atEnd = [...(markers.length ? [] : images), ...linkLines.filter((x) => !existing.has(x))];
    markers.forEach((m, i) => {
      if (atMarker[i].length === 0) return;
      const newText = m.whole ? atMarker[i].map((img) => m.prefix + img).join(eol + eol) : atMarker[i].join(' ');
      edits.push({ range: { start: { line: m.line, character: m.start }, end: { line: m.line, character: m.end } }, newText });
    });
    if (atEnd.length) {
      const last = lastContentLine(lines, talk.line, talk.endLine);
      const end = { line: last - 1, character: lines[last - 1].length };
      edits.push({ range: { start: end, end }, newText: atEnd.map((x) => eol + eol + x).join('') });
    }
  }
  return edits;
}
