/**
 * Finish Post…, without the editor: the preview of its steps (src/core/publish/finish.ts plans
 * the typo fixes, links, tags and draft off on one text), the edits of the chosen steps on the
 * note as it is when applied, and the message once the check before publishing has run. The
 * editor shows the preview as a quick pick, applies the edits as one undo step, runs the check
 * and shows the message (src/vscode/features/finishPost.ts).
 */
import type { TextDocument } from '../core/document';
import type { AnalysisSettings } from '../core/analysis/noteAnalysis';
import type { TagStyle } from '../core/frontmatter/tags';
import type { LandscapeIndex, LandscapeScope } from '../core/landscape/landscapeIndex';
import type { LinkMode } from '../core/landscape/linkPlan';
import { summarize, type PublishProblem } from '../core/publish/check';
import { FINISH_STEPS, planFinish, type FinishOptions, type FinishPlan, type FinishStepId } from '../core/publish/finish';
import { plural } from '../core/util/plural';
import { loadLandscape } from './landscapeLoad';
import type { LandscapeSource, Log } from './services';

interface FinishPostSettings {
  /** talkCapture.landscape.scope */
  landscapeScope(): LandscapeScope;
  /** talkCapture.linkMentions.mode */
  linkMode(): LinkMode;
  /** talkCapture.tags.fields and talkCapture.tags.style of the note's URI. */
  tagSettings(uri: string): { fields: readonly string[]; style: TagStyle };
  /** The settings the note's analysis is read with (day and TODO patterns, its file name). */
  analysisSettings(uri: string): AnalysisSettings;
}

export type FinishPostServices = LandscapeSource & FinishPostSettings & { log: Log };

/** One row of the preview: a step, what it would change, checked when it has something to do. */
export interface FinishRow {
  id: FinishStepId;
  /** With the step's icon (`$(link) Link 2 project mentions`). */
  label: string;
  description?: string;
  detail: string;
  picked: boolean;
}

/** What Finish Post… resolves to: the steps applied (those that changed the note) and the problems left. */
export interface FinishResult {
  applied: FinishStepId[];
  problems: number | undefined;
}

/** The check's answer as Finish Post reads it: the problems, why the note cannot be read, or nothing (no editor). */
type CheckAnswer = { problems: readonly PublishProblem[] } | { skipped: string } | undefined;

export interface FinishMessage {
  severity: 'info' | 'warning';
  message: string;
  /** The buttons of the message (`Show Problems`, `Show TODO Links`). */
  buttons: Array<'Show Problems' | 'Show TODO Links'>;
}

const ICONS: Record<FinishStepId, string> = { typos: '$(whole-word)', links: '$(link)', tags: '$(tag)', draft: '$(eye)' };

/** The steps named in `ids` (a command's argument), known ones only. */
export function finishSteps(ids: readonly unknown[]): Set<FinishStepId> {
  return new Set(FINISH_STEPS.filter((s) => ids.includes(s)));
}

export class FinishPost {
  constructor(private readonly services: FinishPostServices) {}

  /** The preview of the steps on the note as it is now, or why it cannot be made (no landscape index). */
  async preview(doc: TextDocument): Promise<FinishPreview | { error: string }> {
    const loaded = await loadLandscape(this.services);
    if ('error' in loaded) return { error: `Talk Capture: the landscape index cannot be loaded (${loaded.error}); nothing was changed.` };
    const tags = this.services.tagSettings(doc.uri);
    const options: FinishOptions = {
      scope: this.services.landscapeScope(),
      linkMode: this.services.linkMode(),
      notes: this.services.analysisSettings(doc.uri),
      tagFields: tags.fields,
      tagStyle: tags.style,
    };
    return new FinishPreview(loaded.index, options, planFinish(doc.getText(), loaded.index, options));
  }
}

export class FinishPreview {
  constructor(
    private readonly index: LandscapeIndex,
    private readonly options: FinishOptions,
    /** Every step planned on the note as it was previewed. */
    readonly plan: FinishPlan,
  ) {}

  /** How many steps have something to do (0: no preview is needed). */
  get stepsToApply(): number {
    return this.plan.steps.filter((s) => s.count > 0).length;
  }

  get title(): string {
    return `Finish Post: ${plural(this.stepsToApply, 'step')} to apply`;
  }

  rows(): FinishRow[] {
    return this.plan.steps.map((s) => ({
      id: s.id,
      label: `${ICONS[s.id]} ${s.label}`,
      description: s.count > 0 ? undefined : s.problem ? 'cannot run' : 'nothing to do',
      detail: s.detail,
      picked: s.count > 0,
    }));
  }

  /** The chosen steps planned again on the note as it is when applied (the same as the preview unless it changed). */
  planOn(doc: TextDocument, chosen: ReadonlySet<FinishStepId>): FinishPlan {
    return planFinish(doc.getText(), this.index, { ...this.options, steps: chosen });
  }
}

/**
 * What Finish Post… says and resolves to: what `plan` did (when its edits were `applied`), what
 * the chosen steps could not do, and what the check before publishing still finds.
 */
export function finishMessage(plan: FinishPlan, chosen: ReadonlySet<FinishStepId>, applied: boolean, check: CheckAnswer): { result: FinishResult; message: FinishMessage } {
  const done = applied ? plan.steps.filter((s) => chosen.has(s.id) && s.count > 0) : [];
  const did = done.length > 0 ? `finished the post: ${done.map((s) => s.done).join(', ')}.` : 'nothing was changed.';
  const cannot = plan.steps
    .filter((s) => chosen.has(s.id) && s.problem)
    .map((s) => ` ${s.label}: ${s.detail}.`)
    .join('');
  const result: FinishResult = { applied: done.map((s) => s.id), problems: check && 'problems' in check ? check.problems.length : undefined };
  if (!check || 'skipped' in check) {
    const message = `Talk Capture: ${did}${cannot} The note could not be checked${check ? `: ${check.skipped}` : ''}.`;
    return { result, message: { severity: 'warning', message, buttons: [] } };
  }
  const problems = check.problems;
  if (problems.length === 0) return { result, message: { severity: 'info', message: `Talk Capture: ${did} Ready to publish.`, buttons: [] } };
  const buttons: FinishMessage['buttons'] = ['Show Problems', ...(problems.some((p) => p.kind === 'todo' || p.kind === 'placeholder') ? (['Show TODO Links'] as const) : [])];
  return { result, message: { severity: 'warning', message: `Talk Capture: ${did}${cannot} Still needs you: ${summarize(problems)}.`, buttons } };
}
