/**
 * In-memory services for the tests of the note commands of src/language (publish check,
 * Finish Post, front matter, Insert Day Heading): the analyses of test/support/language.ts with
 * plain settings, a clock, the notes' schedules and a log the tests read. Also the fixtures
 * the integration tests open, and applying a command's edits as the next version of a note.
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, InMemoryDocument, type TextEdit } from '../../src/core/document';
import type { AnalysisSettings } from '../../src/core/analysis/noteAnalysis';
import type { TagStyle } from '../../src/core/frontmatter/tags';
import type { LandscapeIndex, LandscapeScope } from '../../src/core/landscape/landscapeIndex';
import type { LinkMode } from '../../src/core/landscape/linkPlan';
import { parseSchedule, type Schedule } from '../../src/core/schedule';
import { fileNameOfUri } from '../../src/language/services';
import { MemoryAnalyses } from './language';

/** Settings, clock, schedules and log, as plain fields a test sets. */
export class MemoryNoteServices extends MemoryAnalyses {
  mode: LinkMode = 'perTalk';
  tags: { fields: string[]; style: TagStyle } = { fields: ['tags', 'categories'], style: 'auto' };
  projectHints = true;
  includeDate = false;
  clock = new Date(2031, 4, 6, 9, 30);
  /** Each note's schedule by URI; a note named in `failingSchedules` rejects. */
  readonly schedules = new Map<string, Schedule>();
  readonly failingSchedules = new Set<string>();
  /** What was logged, `error: …` or `warn: …`. */
  readonly logged: string[] = [];
  readonly log = {
    error: (message: string) => this.logged.push(`error: ${message}`),
    warn: (message: string) => this.logged.push(`warn: ${message}`),
  };

  constructor(settings: AnalysisSettings = {}, index?: LandscapeIndex, scope: LandscapeScope = 'cncf') {
    super(settings, index, scope);
  }

  linkMode(): LinkMode {
    return this.mode;
  }
  tagSettings(): { fields: readonly string[]; style: TagStyle } {
    return this.tags;
  }
  unlinkedProjectHints(): boolean {
    return this.projectHints;
  }
  dayIncludesDate(): boolean {
    return this.includeDate;
  }
  now(): Date {
    return this.clock;
  }
  landscapeScope(): LandscapeScope {
    return this.scope;
  }
  analysisSettings(uri: string): AnalysisSettings {
    return { ...this.settings, fileName: fileNameOfUri(uri) };
  }
  scheduleOf(doc: { uri: string }): Promise<Schedule | undefined> {
    if (this.failingSchedules.has(doc.uri)) return Promise.reject(new Error('the stored copy cannot be read'));
    return Promise.resolve(this.schedules.get(doc.uri));
  }
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** A note of test/fixtures/workspace (the folder the integration tests open), as a document with its own URI. */
export function fixtureNote(relative: string): InMemoryDocument {
  return new InMemoryDocument(`file:///workspace/${relative}`, fs.readFileSync(path.join(FIXTURES, 'workspace', relative), 'utf8'));
}

/** The Sched export of DemoCon 2099 (test/fixtures/schedule/sched-democon.ics). */
export function democonSchedule(): Schedule {
  return parseSchedule(fs.readFileSync(path.join(FIXTURES, 'schedule', 'sched-democon.ics')), { source: 'sched-democon.ics' });
}

/** The document's next version after `edits` (computed on its current text). */
export function edited(doc: InMemoryDocument, edits: readonly TextEdit[]): InMemoryDocument {
  return new InMemoryDocument(doc.uri, applyEdits(doc.getText(), edits), doc.version + 1);
}
