/**
 * In-memory services for the Schedule tree (src/language/scheduleTree.ts): schedules parsed from
 * the fixtures, kept by key as the editor's store keeps its copies; stars; the schedule imported
 * last; a clock that stands still until a test moves it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseSchedule, type Schedule } from '../../src/core/schedule';
import type { KeyedSchedule, ScheduleClock, ScheduleSources } from '../../src/language/scheduleTree';
import type { Analyses } from '../../src/language/services';
import type { TextDocument } from '../../src/core/document';
import type { NoteAnalysis } from '../../src/core/analysis/noteAnalysis';
import { MemoryAnalyses } from './language';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** A schedule fixture (`workspace/schedule/sidecon.ics`) parsed as Import does. */
export function fixtureSchedule(relative: string): Schedule {
  return parseSchedule(fs.readFileSync(path.join(FIXTURES, relative)), { source: relative });
}

export class MemorySchedules implements Analyses, ScheduleClock, ScheduleSources {
  private readonly analyses = new MemoryAnalyses();
  private readonly stored = new Map<string, Schedule>();
  private readonly starred = new Map<string, Set<string>>();
  /** The key imported last (the tree shows it when the note names none). */
  lastKey: string | undefined;
  /** What the tree asked for: `source from noteUri`. */
  readonly asked: string[] = [];

  /** The clock stands at `iso` until moved. */
  constructor(private at: string) {}

  /** Moves the clock to `iso`. */
  setNow(iso: string): void {
    this.at = iso;
  }

  /** Keeps `schedule` under `key` (a source written in a note's front matter names it as is). */
  store(key: string, schedule: Schedule): this {
    this.stored.set(key, schedule);
    return this;
  }

  star(key: string, id: string, on = true): void {
    const set = this.starred.get(key) ?? new Set();
    if (on) set.add(id);
    else set.delete(id);
    this.starred.set(key, set);
  }

  analysisOf(doc: TextDocument): NoteAnalysis {
    return this.analyses.analysisOf(doc);
  }

  now(): number {
    return Date.parse(this.at);
  }

  namedSchedule(source: string, noteUri: string): Promise<KeyedSchedule | undefined> {
    this.asked.push(`${source} from ${noteUri}`);
    return Promise.resolve(this.keyed(source));
  }

  lastImported(): Promise<KeyedSchedule | undefined> {
    return Promise.resolve(this.lastKey === undefined ? undefined : this.keyed(this.lastKey));
  }

  stars(key: string): ReadonlySet<string> {
    return this.starred.get(key) ?? new Set();
  }

  private keyed(key: string): KeyedSchedule | undefined {
    const schedule = this.stored.get(key);
    return schedule && { key, schedule };
  }
}
