import * as assert from 'assert';
import { InMemoryDocument } from '../../../src/core/document';
import { DayHeadingInserter } from '../../../src/language/dayHeading';
import { democonSchedule, edited, MemoryNoteServices } from '../../support/noteCommands';

const NOTE = [
  '---',
  'title: "Example Summit"',
  '---',
  '',
  '## Day01',
  '',
  '### Keynote 1: Opening',
  '',
  '- welcome',
  '',
  '## Day02',
  '',
  '### Cost dashboards - Lee Ortega',
  '',
  '- spot nodes',
  '',
].join('\n');

let notes = 0;

/** Insert Day Heading on `text`: the note after it and where the cursor goes. */
async function insertDay(text: string, services = new MemoryNoteServices(), doc = new InMemoryDocument(`file:///days-${++notes}.md`, text)) {
  const days = new DayHeadingInserter(services);
  const ins = days.insertion(doc, await days.plan(doc));
  return { text: edited(doc, [ins.edit]).getText(), cursor: [ins.cursor.line, ins.cursor.character] };
}

describe('language/dayHeading: Insert Day Heading, built with in-memory services', () => {
  it('adds the next day after the last one, the cursor under it', async () => {
    const { text, cursor } = await insertDay(NOTE);
    assert.strictEqual(text, NOTE.replace(/- spot nodes\n$/, '- spot nodes\n\n## Day03\n'));
    assert.deepStrictEqual(cursor, [17, 0]);
    assert.strictEqual(text.split('\n')[16], '## Day03');
  });

  it('follows the note’s own style and the date setting', async () => {
    const services = new MemoryNoteServices();
    services.includeDate = true;
    assert.strictEqual((await insertDay('## Day 1 (2031-05-06)\n\n### A talk\n', services)).text, '## Day 1 (2031-05-06)\n\n### A talk\n\n## Day 2 (2031-05-07)\n');
    // A first day gets the clock’s date.
    services.clock = new Date(2031, 8, 1, 8, 0);
    assert.strictEqual((await insertDay('---\ntitle: x\n---\n\nIntro.\n', services)).text, '---\ntitle: x\n---\n\nIntro.\n\n## Day01 (2031-09-01)\n');
  });

  it('keeps CRLF line breaks', async () => {
    const text = '---\r\ntitle: x\r\n---\r\n\r\n## Day01\r\n\r\n### A talk\r\n\r\n- a point\r\n';
    assert.strictEqual((await insertDay(text)).text, text + '\r\n## Day02\r\n');
  });

  it('with dates on, writes the schedule’s next day (days without sessions skipped); with dates off, ignores the schedule', async () => {
    const text = '---\ndate: 2099-03-26\nschedule: sched-democon.ics\n---\n\n## Day01\n\n### A talk\n\n## Day02 (2099-03-27)\n\n### Another\n';
    const services = new MemoryNoteServices();
    const dated = new InMemoryDocument('file:///scheduled.md', text);
    services.schedules.set(dated.uri, democonSchedule());
    assert.strictEqual((await insertDay(text, services, dated)).text, `${text}\n## Day03\n`);
    services.includeDate = true;
    assert.strictEqual((await insertDay(text, services, dated)).text, `${text}\n## Day03 (2099-03-29)\n`);
  });

  it('computes the insertion on the note as it is when applied', async () => {
    const services = new MemoryNoteServices();
    const days = new DayHeadingInserter(services);
    const doc = new InMemoryDocument('file:///typed.md', NOTE);
    const plan = await days.plan(doc);
    const typed = edited(doc, [{ range: { start: { line: 15, character: 0 }, end: { line: 15, character: 0 } }, newText: '## Day03\n\n- typed meanwhile\n' }]);
    const ins = days.insertion(typed, plan);
    assert.strictEqual(edited(typed, [ins.edit]).getText(), `${typed.getText()}\n## Day04\n`);
  });
});
