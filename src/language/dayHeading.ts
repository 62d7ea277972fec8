/**
 * Insert Day Heading, without the editor: the day after the note's last one, in the note's own
 * style, as one core edit and where the cursor goes. With dates on and a schedule, the date is
 * the conference's next day (days without sessions skipped), else the day after the last one
 * (or today). The editor applies the edit and moves the cursor (src/vscode/features/insertDayHeading.ts).
 */
import type { TextDocument } from '../core/document';
import { insertDayHeading, isoDate, type Insertion } from '../core/capture/index';
import { insertDatedDayHeading, noteStartDate, scheduleNextDay } from '../core/schedule/editor-place';
import type { Schedule } from '../core/schedule/model';
import { scheduleDays } from '../core/schedule/query';
import type { Analyses } from './services';

export interface DayHeadingSettings {
  /** talkCapture.day.includeDate */
  dayIncludesDate(): boolean;
  /** The clock (today's date when the note names none). */
  now(): Date;
  /** The stored copy of the schedule a note names (front matter `schedule`), if any. */
  scheduleOf(doc: TextDocument): Promise<Schedule | undefined>;
}

/** What is read once before the edit: whether to write a date, and the schedule's next day. */
export interface DayHeadingPlan {
  includeDate: boolean;
  scheduledDate?: string;
}

export class DayHeadingInserter {
  constructor(private readonly services: Analyses & DayHeadingSettings) {}

  /** Reads the settings and, with dates on, the schedule's next day after the note's last one. */
  async plan(doc: TextDocument): Promise<DayHeadingPlan> {
    const includeDate = this.services.dayIncludesDate();
    if (!includeDate) return { includeDate };
    const schedule = await this.services.scheduleOf(doc);
    if (!schedule) return { includeDate };
    const a = this.services.analysisOf(doc);
    return { includeDate, scheduledDate: scheduleNextDay(a.model, { scheduleDays: scheduleDays(schedule), startDate: noteStartDate(a.frontMatter) }) };
  }

  /** The insertion on the document's current version (computed again if it changed since the plan). */
  insertion(doc: TextDocument, plan: DayHeadingPlan): Insertion {
    const text = doc.getText();
    const model = this.services.analysisOf(doc).model;
    if (plan.scheduledDate) return insertDatedDayHeading(text, model, plan.scheduledDate);
    return insertDayHeading(text, model, { includeDate: plan.includeDate, today: isoDate(this.services.now()) });
  }
}
