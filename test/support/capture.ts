/**
 * In-memory services for the tests of the capture features of src/language (New Talk…, Start
 * Talk Now with a schedule, the talk timer, Import Conference Schedule, New Conference Notes,
 * Update Landscape Index): plain settings and clocks, a schedule store of maps, files of a map.
 */
import type { Schedule } from '../../src/core/schedule';
import type { SessionLinkStyle } from '../../src/core/schedule/editor-place';
import { MemoryAnalyses } from './language';

/** The capture settings as plain fields a test sets, over a real analysis cache. */
export class MemoryCaptureServices extends MemoryAnalyses {
  formats: { talk?: string; keynote?: string } = {};
  timeFirst = false;
  includeDate = false;
  sessionLink: SessionLinkStyle = 'line';
  clock = new Date(2031, 4, 6, 9, 30);

  headingFormats(): { talk?: string; keynote?: string } {
    return this.formats;
  }
  timeFirstInHeadings(): boolean {
    return this.timeFirst;
  }
  dayIncludesDate(): boolean {
    return this.includeDate;
  }
  sessionLinkStyle(): SessionLinkStyle {
    return this.sessionLink;
  }
  now(): Date {
    return this.clock;
  }
}

/** The stored schedules and their stars, by key; every write is recorded. */
export class MemoryScheduleStore {
  readonly schedules = new Map<string, Schedule>();
  readonly starred = new Map<string, Set<string>>();
  readonly written: string[] = [];
  /** Keys whose stored copy cannot be read. */
  readonly failing = new Set<string>();

  read(key: string): Promise<Schedule | undefined> {
    if (this.failing.has(key)) return Promise.reject(new Error(`cannot read ${key}`));
    return Promise.resolve(this.schedules.get(key));
  }
  write(key: string, schedule: Schedule): Promise<void> {
    this.written.push(key);
    this.schedules.set(key, schedule);
    return Promise.resolve();
  }
  stars(key: string): Set<string> {
    return this.starred.get(key) ?? new Set();
  }
  star(key: string, ...ids: string[]): void {
    this.starred.set(key, new Set([...this.stars(key), ...ids]));
  }
}

/** Files of a map (path → text), with the folders created; paths are plain strings joined with `/`, described relative to `root`. */
export class MemoryFiles {
  constructor(readonly root = '/ws') {}
  readonly files = new Map<string, string>();
  readonly folders = new Set<string>();
  /** Paths whose write fails. */
  readonly failing = new Set<string>();

  describe(path: string): string {
    return path.startsWith(`${this.root}/`) ? path.slice(this.root.length + 1) : path;
  }
  join(base: string, ...segments: string[]): string {
    return [base.replace(/\/+$/, ''), ...segments].join('/');
  }
  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.files.has(path) || this.folders.has(path));
  }
  createDirectory(path: string): Promise<void> {
    this.folders.add(path);
    return Promise.resolve();
  }
  writeFile(path: string, text: string): Promise<void> {
    if (this.failing.has(path)) return Promise.reject(new Error('EACCES: permission denied'));
    this.files.set(path, text);
    return Promise.resolve();
  }
  readFile(path: string): Promise<string> {
    const text = this.files.get(path);
    return text === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(text);
  }
}

/** A landscape.yml of `count` made-up CNCF projects (20 or more make a landscape an update accepts). */
export function madeUpLandscapeYaml(count: number): string {
  const item = (name: string, maturity?: string) =>
    [
      `          - item:`,
      `            name: ${name}`,
      `            homepage_url: https://${name.toLowerCase()}.example.org`,
      ...(maturity ? [`            project: ${maturity}`] : []),
    ].join('\n');
  const items = Array.from({ length: count }, (_, i) => item(`Zanthor${i + 1}`, i % 2 ? 'sandbox' : 'incubating'));
  return [
    'landscape:',
    '  - category:',
    '    name: Test',
    '    subcategories:',
    '      - subcategory:',
    '        name: All',
    '        items:',
    ...items,
    item('Acmeware'),
    '',
  ].join('\n');
}
