/**
 * Found links written into a note's talks (issue 22). In a talk:
 * - `[slides](TODO)`, `[slides]()`, `[deck](TODO)`, `slides (link)`, `deck (link)` take the slides link;
 * - `[recording](TODO)`, `[video]()`, `TODO: will add link when it's published` become `[recording](url)`
 *   (a `TODO:` that names the slides takes the slides);
 * - with no placeholder for it, one line under the heading (`[Slides](…) · [Recording](…)`, the
 *   format an option), unless the talk already links that address or has a link of that kind.
 * Only placeholders change: a link the user wrote is never replaced, so running again adds
 * nothing. Line breaks are the document's (CRLF kept).
 */
import { eolOf, lineStarts, type TextEdit } from '../document';
import { lineEndOffset } from '../util/lines';
import type { NotesModel, Talk, TodoItem } from '../notes/model';
import { allTalks } from '../notes/query';
import { placeholderReplacement } from '../capture/todoLink';
import { splitLines } from '../util/lines';
import { safeUrl } from '../links/safeUrl';
import type { FoundLink, LinkKind, PublishedEditOptions, TalkLinks } from './types';

/** The line under a heading: `{slides}` and `{recording}` stand for the links. */
const DEFAULT_LINE_FORMAT = '{slides} · {recording}';

const SLIDES_WORD = /\b(?:slides?|deck|presentation|pdf)\b/i;
const RECORDING_WORD = /\b(?:recording|video|youtube|replay)\b/i;
/** What a `TODO:` note must speak of to be a link still to add. */
const LINK_NOTE = /\b(?:link|links|published|slides?|deck|recording|video)\b/i;

/** Which link a placeholder waits for, from its text and the word before it on the line; undefined when neither. */
function wants(item: TodoItem, line: string): LinkKind | undefined {
  if (item.kind === 'todo') {
    if (!LINK_NOTE.test(item.text)) return undefined;
    return SLIDES_WORD.test(item.text) && !RECORDING_WORD.test(item.text) ? 'slides' : 'recording';
  }
  if (item.kind !== 'missing-link') return undefined;
  const linkText = /^!?\[([^\]]*)\]/.exec(item.text)?.[1];
  // `deck (link)`: the word right before the placeholder says what it is for.
  const words = linkText ?? `${/(\p{L}+)[ \t]*$/u.exec(line.slice(Math.max(0, item.column - 1 - 40), item.column - 1))?.[1] ?? ''} ${item.text}`;
  if (SLIDES_WORD.test(words)) return 'slides';
  if (RECORDING_WORD.test(words)) return 'recording';
  return undefined;
}

/** The replacement of one placeholder by `url`, in 0-based line characters; null when it is none. */
function fill(item: TodoItem, line: string, kind: LinkKind, url: string): { start: number; end: number; newText: string } | null {
  const start = item.column - 1;
  const r = placeholderReplacement(line, item, start, url);
  if (!r) return null;
  const dest = safeUrl(url);
  if (!dest.ok) return null;
  if (item.kind === 'todo' && r.newText.startsWith('[')) return { ...r, newText: `[${kind}](${dest.markdown})` };
  // `deck (link)`: the word before the parenthesis becomes the link's text.
  const before = /\b(deck|presentation)[ \t]+$/i.exec(line.slice(0, start));
  if (item.text.startsWith('(') && before) return { start: before.index, end: r.end, newText: `[${before[1]}](${dest.markdown})` };
  return r;
}

/** The line under the heading for the links not placed, or undefined when there are none. */
function formatLine(format: string, slides: readonly FoundLink[], recording: FoundLink | undefined): string | undefined {
  const md = (l: FoundLink) => safeUrl(l.url);
  const slideText = slides
    .map((l, i) => {
      const d = md(l);
      return d.ok ? `[Slides${slides.length > 1 ? ` ${i + 1}` : ''}](${d.markdown})` : '';
    })
    .filter(Boolean)
    .join(' · ');
  const rec = recording && md(recording);
  const recText = rec && rec.ok ? `[Recording](${rec.markdown})` : '';
  if (!slideText && !recText) return undefined;
  const fmt = format.includes('{slides}') || format.includes('{recording}') ? format : DEFAULT_LINE_FORMAT;
  const parts = fmt.split(/(\{slides\}|\{recording\})/);
  // A part with no link goes, with the separator that joined it to its neighbour.
  const filled = parts.map((p) => (p === '{slides}' ? slideText : p === '{recording}' ? recText : p));
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const placeholder = parts[i] === '{slides}' || parts[i] === '{recording}';
    if (placeholder && !filled[i]) {
      if (kept.length && i > 1) kept.pop();
      else i++;
      continue;
    }
    kept.push(filled[i]);
  }
  return kept.join('').trim();
}

/** The talk's lines (heading included) as written. */
export function sectionText(lines: readonly string[], talk: Pick<Talk, 'line' | 'endLine'>): string {
  return lines.slice(talk.line - 1, talk.endLine).join('\n');
}

/** True when a talk's text (its section) has a link of this kind the user wrote: its text says so (`[my slides](https://…)`), or a YouTube address. */
export function hasLinkOf(section: string, kind: LinkKind): boolean {
  const word = kind === 'slides' ? SLIDES_WORD : RECORDING_WORD;
  for (const m of section.matchAll(/\[([^\]\n]{0,200})\]\((?:<)?https?:/g)) if (word.test(m[1])) return true;
  return kind === 'recording' && /youtube\.com\/watch|youtu\.be\//.test(section);
}

/** True when the talk already has a link of this kind or links this address. */
function alreadyLinked(section: string, kind: LinkKind, url: string): boolean {
  const safe = safeUrl(url);
  return section.includes(url) || (safe.ok && section.includes(safe.markdown)) || hasLinkOf(section, kind);
}

/** The edits that write `found` into the note (never a link the user wrote; none when run again). */
export function publishedEdits(text: string, model: NotesModel, found: readonly TalkLinks[], options: PublishedEditOptions = {}): TextEdit[] {
  const lines = splitLines(text);
  const starts = lineStarts(text);
  const eol = eolOf(text);
  const talks = new Map(allTalks(model).map((t) => [t.line, t]));
  const edits: TextEdit[] = [];
  for (const f of found) {
    const talk = talks.get(f.line);
    if (!talk || talk.hidden) continue;
    const slides = f.links.filter((l) => l.kind === 'slides');
    const recording = f.links.find((l) => l.kind === 'recording');
    const placed = { slides: false, recording: false };
    for (const item of talk.todos) {
      const line = lines[item.line - 1] ?? '';
      const kind = wants(item, line);
      const link = kind === 'slides' ? slides[0] : kind === 'recording' ? recording : undefined;
      if (!kind || !link) continue;
      const r = fill(item, line, kind, link.url);
      if (!r) continue;
      placed[kind] = true;
      edits.push({ range: { start: { line: item.line - 1, character: r.start }, end: { line: item.line - 1, character: r.end } }, newText: r.newText });
    }
    const section = sectionText(lines, talk);
    const restSlides = placed.slides || slides.some((l) => alreadyLinked(section, 'slides', l.url)) ? [] : slides;
    const restRecording = placed.recording || !recording || alreadyLinked(section, 'recording', recording.url) ? undefined : recording;
    const added = formatLine(options.lineFormat ?? DEFAULT_LINE_FORMAT, restSlides, restRecording);
    if (!added) continue;
    // Under the heading (after a setext underline), a blank line on each side.
    let at = talk.line - 1;
    if (/^ {0,3}(?:=+|-+)[ \t]*$/.test(lines[at + 1] ?? '') && !/^#/.test(lines[at].trimStart())) at++;
    const next = lines[at + 1];
    const offset = lineEndOffset(text, starts, at) - starts[at];
    const newText = next === undefined || next.trim() === '' ? `${eol}${eol}${added}` : `${eol}${eol}${added}${eol}`;
    edits.push({ range: { start: { line: at, character: offset }, end: { line: at, character: offset } }, newText });
  }
  return edits;
}
