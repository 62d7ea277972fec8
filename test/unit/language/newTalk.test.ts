import * as assert from 'assert';
import { applyEdits, InMemoryDocument } from '../../../src/core/document';
import { NewTalkProvider, talkKindRows, talkTitleProblem, type TalkAnswers } from '../../../src/language/newTalk';
import { MemoryCaptureServices } from '../../support/capture';

// Day one: a keynote and a talk; day two: one talk.
const NOTE = `---
title: "Platform Days"
---

## Day01

### Keynote 1: Opening

- welcome

### Cost dashboards - Lee Ortega

- spot nodes

## Day02

### Later

- x
`;

let notes = 0;
const answers = (over: Partial<TalkAnswers> = {}): TalkAnswers => ({
  title: '  Scaling the control plane ',
  speakers: 'Ada Lovelace & Grace Hopper',
  company: ' Acme ',
  kind: 'talk',
  ...over,
});

function insert(text: string, a: TalkAnswers, cursorLine: number, services = new MemoryCaptureServices(), options: { withTime?: boolean; timeFirst?: boolean } = {}) {
  const doc = new InMemoryDocument(`file:///talks-${++notes}.md`, text);
  const ins = new NewTalkProvider(services).insertion(doc, a, cursorLine, options);
  const after = applyEdits(text, [ins.edit]);
  return { ins, after, lines: after.split(/\r?\n/) };
}

describe('language/newTalk: New Talk… and Start Talk Now’s heading, built with in-memory services', () => {
  it('inserts the heading after the talk under the cursor, with the cursor on its first body line', () => {
    const { ins, after, lines } = insert(NOTE, answers(), 12);
    assert.strictEqual(ins.heading, '### Scaling the control plane - Ada Lovelace & Grace Hopper, Acme');
    assert.strictEqual(ins.title, 'Scaling the control plane');
    assert.strictEqual(lines[ins.line], ins.heading);
    assert.strictEqual(ins.line, 14);
    assert.deepStrictEqual(ins.cursor, { line: 15, character: 0 });
    assert.ok(after.includes('- spot nodes\n\n### Scaling the control plane - Ada Lovelace & Grace Hopper, Acme\n\n'), after);
    assert.ok(after.includes('\n## Day02\n\n### Later'), after);
  });

  it('numbers a keynote within its day and writes the clock’s time with Start Talk Now', () => {
    const services = new MemoryCaptureServices();
    services.clock = new Date(2031, 4, 6, 9, 5);
    const { ins } = insert(NOTE, answers({ kind: 'keynote', speakers: '', company: '' }), 6, services, { withTime: true });
    assert.strictEqual(ins.heading, '### Keynote 2: Scaling the control plane');
    services.formats = { talk: '{title} [{time}]' };
    assert.strictEqual(insert(NOTE, answers({ speakers: '', company: '' }), 6, services, { withTime: true }).ins.heading, '### Scaling the control plane [09:05]');
    assert.strictEqual(insert(NOTE, answers({ speakers: '', company: '' }), 6, services).ins.heading, '### Scaling the control plane');
    services.formats = {};
    const first = insert(NOTE, answers({ kind: 'keynote', speakers: '', company: '' }), 6, services, { withTime: true, timeFirst: true }).ins;
    assert.strictEqual(first.heading, '### 09:05 Keynote 2: Scaling the control plane');
  });

  it('follows the heading format settings and keeps CRLF', () => {
    const services = new MemoryCaptureServices();
    services.formats = { talk: '{title} ({speakers})' };
    const text = NOTE.replace(/\n/g, '\r\n');
    const { ins, after } = insert(text, answers({ company: '' }), 19, services);
    assert.strictEqual(ins.heading, '### Scaling the control plane (Ada Lovelace & Grace Hopper)');
    assert.ok(after.endsWith('- x\r\n\r\n### Scaling the control plane (Ada Lovelace & Grace Hopper)\r\n'), JSON.stringify(after));
  });

  it('asks for a title and offers the kinds, the talk first', () => {
    assert.strictEqual(talkTitleProblem('   '), 'A talk needs a title.');
    assert.strictEqual(talkTitleProblem('x'), undefined);
    const kinds = talkKindRows();
    assert.strictEqual(kinds[0].talkKind, 'talk');
    assert.ok(kinds.some((k) => k.talkKind === 'keynote'));
  });
});
