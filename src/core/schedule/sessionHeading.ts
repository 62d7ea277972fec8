/**
 * Talk headings from schedule sessions, in the `talkCapture.talkHeadingFormat` template
 * language of src/core/capture (placeholders in braces; empty ones drop out with their
 * separator). Adds `{room}`, `{time}` (the conference's local start, `HH:MM`), `{url}`,
 * `{companies}` (same as `{company}`), `{track}` and `{byline}` to the existing `{title}`,
 * `{speakers}`, `{company}`, `{kind}`, `{n}`. With the default format a session gives
 * `### Title - Ana Lima & Bo Chen, Acme`, which the notes model reads back as title, speakers
 * and company.
 */
import type { Session, SessionKind } from './model';
import { DEFAULT_KEYNOTE_FORMAT, DEFAULT_TALK_FORMAT, joinSpeakers } from '../capture/headingText';
import { fillTemplate, templateNames } from '../capture/template';
import { formatByline, splitByline } from '../text/byline';
import { sessionClock } from './query';
import { markdownText } from './text';
import { markdownDestination } from '../links/safeUrl';

const KIND_LABELS: Partial<Record<SessionKind, string>> = {
  keynote: 'Keynote',
  lightning: 'Lightning Talk',
  panel: 'Panel',
  workshop: 'Workshop',
  contribfest: 'ContribFest',
  bof: 'BoF',
};

/** The label of a kind as headings write it (`Lightning Talk`); empty for a plain talk, a break, other. */
export function sessionKindLabel(kind: SessionKind): string {
  return KIND_LABELS[kind] ?? '';
}

export interface SessionHeadingOptions {
  /** `talkCapture.keynoteHeadingFormat`: used for keynotes when given. */
  keynoteFormat?: string;
  /** Number of the keynote within its day (`{n}`). */
  n?: number;
  /** Put the start time in the heading even when the format has no `{time}` (`### 14:30 Title`). */
  includeTime?: boolean;
  /** `talkCapture.schedule.sessionLink` = `title`: the title becomes a link to the session page. */
  linkTitle?: boolean;
}

/**
 * The session's byline as headings write it, each speaker with their company: `Ana Lima & Bo
 * Chen, Acme` (one company), `Ana Lima, Acme; Cy Diaz, Initech` (several), job titles dropped;
 * undefined when the byline does not split into the session's speakers.
 */
function groupedPeople(s: Session): string | undefined {
  if (!s.byline || s.speakers.length === 0) return undefined;
  const parts = splitByline(s.byline);
  if (!parts) return undefined;
  const same = parts.speakers.length === s.speakers.length && parts.speakers.every((n, i) => n === s.speakers[i]);
  return same ? (formatByline(parts.groups) ?? undefined) : undefined;
}

/**
 * The heading line for a session. Kinds other than a plain talk say their kind through `{kind}`
 * when the format has it, else as a `Kind: ` title prefix (as New Talk… writes them); a byline
 * that could not be split is written as typed in place of the speakers.
 */
export function formatSessionHeading(session: Session, format: string = DEFAULT_TALK_FORMAT, options: SessionHeadingOptions = {}): string {
  const kind = session.kind;
  const keynote = kind === 'keynote';
  let template = (keynote && options.keynoteFormat ? options.keynoteFormat : format) || (keynote ? DEFAULT_KEYNOTE_FORMAT : DEFAULT_TALK_FORMAT);
  template = /^\s*#{1,6}\s/.test(template) ? template.trimStart() : `### ${template.trim()}`;
  const names = templateNames(template);
  const label = sessionKindLabel(kind);
  // Every value from the schedule is data: escaped as Markdown text, the page through the one URL gate.
  let title = markdownText(session.title.trim());
  const url = markdownDestination(session.url);
  if (options.linkTitle && url) title = `[${title}](${url})`;
  // `Lightning Talk: Title`, unless the title already says it (`Opening Keynote: …`, `Late Lightning Round`).
  const saysKind = label && new RegExp(`\\b${label.split(' ')[0]}`, 'i').test(session.title.slice(0, 60));
  if (label && !saysKind && !names.includes('kind') && !(keynote && names.includes('n'))) title = `${label}: ${title}`;
  const time = sessionClock(session);
  if (options.includeTime && !names.includes('time')) template = template.replace(/^(#{1,6}[ \t]+)/, '$1{time} ');
  const company = session.companies.join(', ');
  let speakers = session.speakers.length ? joinSpeakers(session.speakers) : (session.byline ?? '');
  let companyValue = session.speakers.length ? company : '';
  const grouped = groupedPeople(session);
  // Several companies: each speaker keeps theirs (`A B, Acme; C D, Initech`), not `A B & C D, Acme, Initech`.
  if (grouped?.includes(';') && /\{speakers\}, \{compan(?:y|ies)\}/.test(template)) {
    speakers = grouped;
    companyValue = '';
  }
  return fillTemplate(template, {
    title,
    speakers: markdownText(speakers),
    company: markdownText(companyValue),
    companies: markdownText(companyValue),
    kind: label,
    n: options.n !== undefined ? String(options.n) : '',
    time,
    room: markdownText(session.room ?? ''),
    url: url ?? '',
    track: markdownText(session.track ?? ''),
    byline: markdownText(grouped ?? session.byline ?? ''),
  });
}

/** The line that links a session's page under its heading (`talkCapture.schedule.sessionLink` = `line`); null without a page (or one the URL gate refuses). */
export function sessionLinkLine(session: Session, label = 'Session page'): string | null {
  const url = markdownDestination(session.url);
  return url ? `[${label}](${url})` : null;
}
