/**
 * The live project hints (talkCapture.diagnostics.unlinkedProjects): unlinked mentions that Link
 * Project Mentions would link ("Perses is not linked."), with the quick fix "Link to Perses";
 * typos ("Did you mean Vitess?") with "Change to Vitess" and "Link to Vitess"; and, as hints,
 * capitalised ordinary words that may be the project. The editor shows them as diagnostics and
 * code actions (src/vscode/features/projectDiagnostics.ts), debounced while the user types.
 *
 * Read from the note's one analysis (the fast scanner; never remark over the whole note).
 */
import type { Range, TextDocument, TextEdit } from '../core/document';
import { chooseMentions, correctedText, linkTextFor, type LinkMode } from '../core/landscape/linkPlan';
import type { Mention } from '../core/landscape/matcher';
import type { Analyses, LandscapeSource } from './services';

/** The settings the hints read: talkCapture.diagnostics.unlinkedProjects, linkMentions.mode and the size limit. */
export interface ProjectHintSettings {
  unlinkedProjectHints(): boolean;
  linkMode(): LinkMode;
  /** Notes longer than this (in characters) get no hints. */
  maxFileChars(): number;
}

type ProjectHintCode = 'unlinked-project' | 'project-typo' | 'possible-project';

export interface ProjectHint {
  range: Range;
  message: string;
  /** `information` for what Link Project Mentions would link and for typos; `hint` for an ordinary word that may be the project. */
  severity: 'information' | 'hint';
  code: ProjectHintCode;
  /** The mention the hint is about (for its quick fixes). */
  mention: Mention;
}

/** A hint's quick fix: an edit of the note, or a command to run. */
export interface ProjectQuickFix {
  title: string;
  /** The hint it fixes (none for a fix of the whole note). */
  hint?: ProjectHint;
  edit?: TextEdit;
  command?: { command: string; title: string; arguments: unknown[] };
  isPreferred?: boolean;
}

/** Says when a request lost its point while the index loaded (the note was closed). */
interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export class ProjectHints {
  constructor(private readonly services: Analyses & LandscapeSource & ProjectHintSettings) {}

  /** True when the note gets hints: the setting is on and the note is not over the size limit. */
  enabledFor(doc: TextDocument): boolean {
    return this.services.unlinkedProjectHints() && this.services.analysisOf(doc).text.length <= this.services.maxFileChars();
  }

  /**
   * The hints of the note's current version (once the landscape index is loaded), in the order
   * of the mentions; undefined when the request was cancelled while the index loaded.
   */
  async provideHints(doc: TextDocument, token?: Cancellation): Promise<ProjectHint[] | undefined> {
    await this.services.landscape();
    if (token?.isCancellationRequested) return undefined;
    const a = this.services.analysisOf(doc);
    // The talks of the notes model of this version (the person's day pattern), as the check and Link Project Mentions count them.
    const chosen = new Set(chooseMentions(a.text, a.mentions, this.services.linkMode(), { talks: a.talks, linked: a.linked }));
    const hints: ProjectHint[] = [];
    for (const m of a.mentions) {
      const hint = hintOf(m, chosen.has(m));
      if (hint) hints.push({ ...hint, range: m.range, mention: m });
    }
    return hints;
  }

  /**
   * The quick fixes of the hints at hand, each with the text now in its range (a hint whose text
   * changed since gets none): Link to, Change to (typos), and Link all project mentions of this
   * note when one of them is an unlinked mention.
   */
  quickFixes(uri: string, hints: ReadonlyArray<{ hint: ProjectHint; textNow: string }>): ProjectQuickFix[] {
    const fixes: ProjectQuickFix[] = [];
    for (const { hint, textNow } of hints) {
      const m = hint.mention;
      if (textNow !== m.text) continue;
      const link = linkTextFor({ text: m.reason === 'typo' ? m.entry.name : m.text, url: m.url });
      if (link) fixes.push({ title: `Link to ${m.entry.name}`, hint, edit: { range: hint.range, newText: link }, isPreferred: hint.code === 'unlinked-project' });
      if (hint.code === 'project-typo') fixes.push({ title: `Change to ${m.entry.name}`, hint, edit: { range: hint.range, newText: correctedText(m) }, isPreferred: true });
    }
    if (hints.some((h) => h.hint.code === 'unlinked-project')) {
      fixes.push({
        title: 'Link all project mentions of this note…',
        command: { command: 'talkCapture.linkProjectMentions', title: 'Link Project Mentions', arguments: [{ uri, wholeDocument: true }] },
      });
    }
    return fixes;
  }
}

/** What a mention is hinted as (`chosen`: Link Project Mentions would link it), or undefined. */
function hintOf(m: Mention, chosen: boolean): Pick<ProjectHint, 'message' | 'severity' | 'code'> | undefined {
  if (m.action === 'link' && chosen) {
    const as = m.text !== m.entry.name ? ` (${m.text})` : '';
    return { message: `${m.entry.name} is not linked${as}.`, severity: 'information', code: 'unlinked-project' };
  }
  if (m.action === 'suggest' && m.reason === 'typo') return { message: `Did you mean ${m.entry.name}?`, severity: 'information', code: 'project-typo' };
  if (m.action === 'suggest') return { message: `${m.text} may be the project ${m.entry.name}.`, severity: 'hint', code: 'possible-project' };
  return undefined;
}
