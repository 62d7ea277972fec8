/**
 * Check Notes Before Publishing, without the editor: the problems of src/core/publish/check.ts
 * as diagnostics (0-based ranges, severities, codes), the schedule's speaker-name hints, the
 * quick fix of `##Title`, and what the command says afterwards. The editor turns them into
 * `vscode.Diagnostic`s and messages (src/vscode/features/publishCheck.ts).
 */
import { InMemoryDocument, type Range, type TextDocument, type TextEdit } from '../core/document';
import type { TagStyle } from '../core/frontmatter/tags';
import type { LinkMode } from '../core/landscape/linkPlan';
import { checkNotes, summarize, type PublishProblem } from '../core/publish/check';
import { speakerHints, type SpeakerHint } from '../core/schedule/editor-check';
import { noteStartDate } from '../core/schedule/editor-place';
import type { Schedule } from '../core/schedule/model';
import { plural } from '../core/util/plural';
import { loadLandscape } from './landscapeLoad';
import type { Analyses, LandscapeSource, Log } from './services';

/** The source of every diagnostic of the check (the Problems panel shows it). */
export const PUBLISH_CHECK_SOURCE = 'Talk Capture publish check';

/** The settings the check reads (sanitised by the caller). */
interface PublishCheckSettings {
  /** talkCapture.linkMentions.mode: the same as the project hints and Link Project Mentions. */
  linkMode(): LinkMode;
  /** talkCapture.tags.fields and talkCapture.tags.style of the note's URI. */
  tagSettings(uri: string): { fields: readonly string[]; style: TagStyle };
  /** talkCapture.diagnostics.unlinkedProjects: the live project hints already show unlinked mentions and typos. */
  unlinkedProjectHints(): boolean;
}

/** The stored copy of the schedule a note names (front matter `schedule`), if any. */
interface NoteSchedules {
  scheduleOf(doc: TextDocument): Promise<Schedule | undefined>;
}

export type PublishCheckServices = Analyses & LandscapeSource & PublishCheckSettings & NoteSchedules & { log: Log };

export interface PublishDiagnostic {
  range: Range;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** The problem's kind (`todo`, `draft`, …) or `speaker-name`. */
  code: string;
}

/** A checked note: every problem (the summary counts them all) and the diagnostics to show. */
export interface CheckedNote {
  problems: PublishProblem[];
  diagnostics: PublishDiagnostic[];
  /** The version checked. */
  version: number;
}

/** A note that cannot be read (too large, binary): why. */
export interface UncheckedNote {
  skipped: string;
  version: number;
}

/** A quick fix: its title, the edit, and the diagnostic it fixes. */
export interface QuickFix<D> {
  title: string;
  edit: TextEdit;
  diagnostic: D;
}

/** What the command says after a check: the message, how, and whether the Problems panel is worth opening. */
export interface CheckSummary {
  severity: 'info' | 'warning';
  message: string;
  showProblems: boolean;
}

export class PublishChecker {
  constructor(private readonly services: PublishCheckServices) {}

  /** The problems of the document's current version and the diagnostics to show for them. */
  async check(doc: TextDocument): Promise<CheckedNote | UncheckedNote> {
    // Mentions need the index; without it (logged) the rest is still checked.
    await loadLandscape(this.services);
    const version = doc.version;
    const analysis = this.services.analysisOf(doc);
    const notes = analysis.model;
    if (notes.skipped) return { skipped: notes.skipped, version };
    // The same sanitised settings as the project hints and Link Project Mentions, so that all three choose the same mentions.
    const tags = this.services.tagSettings(doc.uri);
    const problems = checkNotes(analysis, { linkMode: this.services.linkMode(), tagFields: tags.fields, tagStyle: tags.style });
    // The live project hints (projectDiagnostics) already show unlinked mentions and typos in
    // the body, with quick fixes: list them once. They still count in the summary.
    const bodyStart = notes.frontMatter.endLine ?? 0;
    const shown = this.services.unlinkedProjectHints() ? problems.filter((p) => !(p.kind === 'unlinked-project' || (p.kind === 'typo' && p.line > bodyStart))) : problems;
    const hints = (await this.speakerHints(doc)).map(speakerDiagnostic);
    return { problems, diagnostics: [...shown.map(problemDiagnostic), ...hints], version };
  }

  /** With a schedule: a speaker name that nearly matches the session's is probably a typo. */
  private async speakerHints(doc: TextDocument): Promise<SpeakerHint[]> {
    try {
      const schedule = await this.services.scheduleOf(doc);
      if (!schedule) return [];
      const a = this.services.analysisOf(doc);
      return speakerHints(a.blocks.lines, a.model, schedule, { startDate: noteStartDate(a.frontMatter) });
    } catch {
      return [];
    }
  }
}

/** Quick fixes of `##Title` (kind `heading-space`): add the space, read from the line as it is now. */
export function headingSpaceFixes<D extends { range: Range; source?: string; code?: unknown }>(doc: TextDocument, diagnostics: readonly D[]): Array<QuickFix<D>> {
  const fixes: Array<QuickFix<D>> = [];
  let lines: InMemoryDocument | undefined;
  for (const d of diagnostics) {
    if (d.source !== PUBLISH_CHECK_SOURCE || d.code !== 'heading-space') continue;
    lines ??= new InMemoryDocument(doc.uri, doc.getText());
    const line = d.range.start.line;
    if (line >= lines.lineCount) continue;
    const m = /^( {0,3})(#{2,6})(?=[^\s#])/.exec(lines.lineText(line));
    if (!m) continue;
    const at = { line, character: m[1].length + m[2].length };
    fixes.push({ title: `Add a space after ${m[2]} (make it a heading)`, edit: { range: { start: at, end: at }, newText: ' ' }, diagnostic: d });
  }
  return fixes;
}

function problemDiagnostic(p: PublishProblem): PublishDiagnostic {
  const range = { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.endLine - 1, character: Math.max(p.endColumn - 1, p.column) } };
  return { range, message: p.message, severity: p.severity, code: p.kind };
}

function speakerDiagnostic(h: SpeakerHint): PublishDiagnostic {
  const range = { start: { line: h.line - 1, character: h.column - 1 }, end: { line: h.line - 1, character: h.endColumn - 1 } };
  return { range, message: h.message, severity: 'info', code: 'speaker-name' };
}

/** What the command says about a checked (or unreadable) note. */
export function checkSummary(result: CheckedNote | UncheckedNote): CheckSummary {
  if ('skipped' in result) return { severity: 'warning', message: `Talk Capture: cannot check this note: ${result.skipped}`, showProblems: false };
  const { problems } = result;
  if (problems.length === 0) {
    const message = 'Talk Capture: ready to publish: no TODOs, placeholders, empty talks, broken links or tag gaps, and not a draft.';
    return { severity: 'info', message, showProblems: false };
  }
  // Hints (information) are worth a look but do not stand in the way of publishing, as in `talk-capture check`.
  const hints = problems.filter((p) => p.severity === 'info');
  const fix = problems.filter((p) => p.severity !== 'info');
  const hinted = hints.length ? `${plural(hints.length, 'hint')}: ${summarize(hints)}` : '';
  if (fix.length === 0) return { severity: 'info', message: `Talk Capture: ready to publish; ${hinted}. See the Problems panel.`, showProblems: false };
  const message = `Talk Capture: ${plural(fix.length, 'thing')} to fix before publishing: ${summarize(fix)}${hinted ? `; ${hinted}` : ''}. See the Problems panel.`;
  return { severity: 'warning', message, showProblems: true };
}
