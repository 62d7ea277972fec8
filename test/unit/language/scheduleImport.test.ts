import * as assert from 'assert';
import { applyEdits } from '../../../src/core/document';
import { MAX_SCHEDULE_BYTES, ScheduleError } from '../../../src/core/schedule';
import { ScheduleImporter, parseFailure, readScheduleFile, rememberSource, scheduleFileRows, sourcePlaceholder, sourceRows } from '../../../src/language/scheduleImport';
import { democonSchedule } from '../../support/noteCommands';
import { MemoryScheduleStore } from '../../support/capture';

const KEY = 'file:///workspace/sched-democon.ics';

function importer() {
  const store = new MemoryScheduleStore();
  const logged: string[] = [];
  const log = { warn: (m: string) => logged.push(`warn: ${m}`), error: (m: string) => logged.push(`error: ${m}`) };
  return { store, logged, importer: new ScheduleImporter({ store: { read: (k) => store.read(k), write: (k, s) => store.write(k, s) }, log }) };
}

describe('language/scheduleImport: Import Conference Schedule…, built with in-memory services', () => {
  it('stores the parsed copy; a re-import says what was added, changed and removed', async () => {
    const { store, importer: imp } = importer();
    const first = await imp.store(KEY, democonSchedule());
    assert.deepStrictEqual(store.written, [KEY]);
    assert.strictEqual(store.schedules.get(KEY)?.sessions.length, 19);
    assert.strictEqual(first, '16 sessions over 4 days, Europe/Amsterdam');
    // The registration desk (a break) gone, the first keynote renamed.
    const changed = democonSchedule();
    changed.sessions = changed.sessions.slice(1).map((s, i) => (i === 0 ? { ...s, title: 'Welcome Back, Again' } : s));
    assert.strictEqual(await imp.store(KEY, changed), '16 sessions over 4 days, Europe/Amsterdam; re-imported: 1 changed, 1 removed');
    assert.strictEqual(store.schedules.get(KEY)?.sessions.length, 18);
  });

  it('reports the summary; a note that cannot remember it and items left out make it a warning', async () => {
    const { logged, importer: imp } = importer();
    const schedule = democonSchedule();
    const stored = await imp.store(KEY, schedule);
    assert.deepStrictEqual(imp.report('sched-democon.ics', schedule, stored, { kind: 'remembered' }), { kind: 'info', message: `Talk Capture: ${stored}.` });
    assert.deepStrictEqual(imp.report('sched-democon.ics', schedule, stored, { kind: 'none' }), {
      kind: 'info',
      message: `Talk Capture: ${stored}. Open a note and import again (or add \`schedule: …\` to its front matter) so that the note remembers it.`,
    });
    assert.strictEqual(imp.report('s', schedule, stored, { kind: 'closed' }).kind, 'warning');
    const problem = imp.report('s', schedule, stored, { kind: 'problem', problem: 'front matter has an error on line 2' });
    assert.deepStrictEqual(problem, { kind: 'warning', message: `Talk Capture: ${stored}. The note does not remember it: its front matter has an error on line 2.` });
    const skipped = imp.report('sched-democon.ics', { ...schedule, skipped: ['event 3 (no start)', 'event 9 (no title)'] }, stored, { kind: 'remembered' });
    assert.deepStrictEqual(skipped, { kind: 'warning', message: `Talk Capture: ${stored}. Left out: event 3 (no start) (and more, see the Talk Capture log).` });
    assert.deepStrictEqual(logged, [
      'warn: Import Conference Schedule: sched-democon.ics: skipped event 3 (no start)',
      'warn: Import Conference Schedule: sched-democon.ics: skipped event 9 (no title)',
    ]);
  });

  it('says why a file or a download failed; an unexpected error goes to the log', () => {
    const { logged, importer: imp } = importer();
    assert.deepStrictEqual(imp.failure({ isFile: true }, new ScheduleError('x.ics: no such file')), {
      kind: 'error',
      message: 'Talk Capture: the schedule was not imported: x.ics: no such file',
    });
    const download = imp.failure({ isFile: false }, new ScheduleError('HTTP 404'));
    assert.strictEqual(download.message, 'Talk Capture: the schedule could not be downloaded: HTTP 404. Download it in a browser and import the file instead.');
    assert.strictEqual(download.action, 'Import a File…');
    assert.strictEqual(logged.length, 0);
    imp.failure({ isFile: true }, new TypeError('boom'));
    assert.strictEqual(logged.length, 1);
    assert.ok(logged[0].startsWith('error: Import Conference Schedule: TypeError: boom'), logged[0]);
  });

  it('reads a schedule file within the size limit, with a one-line reason otherwise', async () => {
    const bytes = new TextEncoder().encode('BEGIN:VCALENDAR');
    assert.strictEqual(await readScheduleFile('a.ics', { size: () => Promise.resolve(bytes.length), read: () => Promise.resolve(bytes) }), bytes);
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'read',
        (e: Error) => `${e.name}: ${e.message}`,
      );
    assert.strictEqual(
      await reason(readScheduleFile('a.ics', { size: () => Promise.reject(new Error('ENOENT')), read: () => Promise.resolve(bytes) })),
      'ScheduleError: a.ics: no such file',
    );
    assert.strictEqual(
      await reason(readScheduleFile('a.ics', { size: () => Promise.resolve(MAX_SCHEDULE_BYTES + 1), read: () => Promise.resolve(bytes) })),
      `ScheduleError: a.ics: ${MAX_SCHEDULE_BYTES + 1} bytes is more than the ${MAX_SCHEDULE_BYTES}-byte limit for a schedule`,
    );
    assert.strictEqual(
      await reason(readScheduleFile('a.ics', { size: () => Promise.resolve(1), read: () => Promise.reject(new Error('EACCES')) })),
      'ScheduleError: a.ics: cannot be read (EACCES)',
    );
    assert.strictEqual((parseFailure('a.ics', new ScheduleError('not a calendar')) as Error).message, 'a.ics: not a calendar');
    const other = new TypeError('x');
    assert.strictEqual(parseFailure('a.ics', other), other);
  });

  it('the note remembers the source in its front matter, or names the problem', () => {
    const text = '---\ntitle: x\n---\n\n## Day01\n';
    const r = rememberSource(text, 'sched-democon.ics');
    assert.strictEqual(applyEdits(text, r.edits ?? []), '---\ntitle: x\nschedule: sched-democon.ics\n---\n\n## Day01\n');
    assert.deepStrictEqual(rememberSource('---\ntitle: x\nschedule: sched-democon.ics\n---\n', 'sched-democon.ics'), { edits: [] });
    const broken = rememberSource('---\ntitle: [x\n---\n', 'a.ics');
    assert.strictEqual(broken.edits, undefined);
    assert.ok(broken.problem, 'a front matter that does not parse is named');
  });

  it('offers the routes and the workspace’s schedule files, the .ics first, never package.json', () => {
    assert.deepStrictEqual(
      sourceRows('a.ics').map((r) => r.route),
      ['again', 'file', 'url'],
    );
    assert.strictEqual(sourceRows('a.ics')[0].label, '$(refresh) Re-import a.ics');
    assert.deepStrictEqual(
      sourceRows(undefined).map((r) => r.route),
      ['file', 'url'],
    );
    assert.strictEqual(sourcePlaceholder(false), 'Where is the schedule? (open a note first so that it remembers the schedule)');
    const rows = scheduleFileRows(['b.json', 'package.json', 'z.ics', '.vscode/x.json', 'a.xml', 'tsconfig.json'].map((label) => ({ label, path: `/w/${label}` })));
    assert.deepStrictEqual(
      rows.map((r) => r.label),
      ['z.ics', 'a.xml', 'b.json'],
    );
  });
});
