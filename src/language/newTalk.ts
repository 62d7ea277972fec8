/**
 * New Talk… and the first half of Start Talk Now, without the editor: the answers to the four
 * questions, the talk heading they make (the heading formats, the keynote's number, the start
 * time) and the one core edit that inserts it under the current day (after the talk under the
 * cursor, or at the end of the day's talks), with the cursor on its first body line. The
 * editor asks the questions and applies the edit (src/vscode/services/talkInsert.ts).
 */
import type { Position, TextDocument, TextEdit } from '../core/document';
import { TALK_KINDS, clockTime, formatTalkHeading, insertLineAfter, keynoteNumberFor, placeTalk, splitSpeakers, type TalkKind } from '../core/capture/index';
import type { Analyses } from './services';

export interface NewTalkSettings {
  /** talkCapture.talkHeadingFormat and talkCapture.keynoteHeadingFormat */
  headingFormats(): { talk?: string; keynote?: string };
  /** The clock (the start time Start Talk Now writes). */
  now(): Date;
}

/** The answers, as typed (the title, the speakers and company lines, the kind picked). */
export interface TalkAnswers {
  title: string;
  speakers: string;
  company: string;
  kind: TalkKind;
}

/** A talk heading to insert: the edit, the heading line, where the cursor goes (0-based). */
export interface TalkInsertion {
  edit: TextEdit;
  heading: string;
  title: string;
  cursor: Position;
  /** 0-based line of the heading in the new text. */
  line: number;
}

/** The kinds of talk the last question offers, the talk first. */
export function talkKindRows(): { label: string; description: string; talkKind: TalkKind }[] {
  return TALK_KINDS.map((k) => ({ label: k.label, description: k.description, talkKind: k.kind }));
}

/** What the title question says of a value that cannot be a title. */
export function talkTitleProblem(value: string): string | undefined {
  return value.trim() ? undefined : 'A talk needs a title.';
}

export class NewTalkProvider {
  constructor(private readonly services: Analyses & NewTalkSettings) {}

  /**
   * The heading for `answers` and its insertion on the document's current text, placed from
   * the 1-based `cursorLine` (the cursor's, or a Talks view item's). `withTime`: the clock's
   * time goes into the heading (Start Talk Now), first when `timeFirst`.
   */
  insertion(doc: TextDocument, answers: TalkAnswers, cursorLine: number, options: { withTime?: boolean; timeFirst?: boolean } = {}): TalkInsertion {
    const text = doc.getText();
    const model = this.services.analysisOf(doc).model;
    const place = placeTalk(text, model, cursorLine);
    const title = answers.title.trim();
    const heading = formatTalkHeading(
      {
        title,
        speakers: splitSpeakers(answers.speakers),
        company: answers.company.trim(),
        kind: answers.kind,
        n: keynoteNumberFor(model, place.day),
        time: options.withTime ? clockTime(this.services.now()) : undefined,
        timeFirst: options.timeFirst,
      },
      this.services.headingFormats(),
    );
    const ins = insertLineAfter(text, place.after, heading);
    return { edit: ins.edit, heading, title, cursor: ins.cursor, line: ins.cursor.line - 1 };
  }
}
