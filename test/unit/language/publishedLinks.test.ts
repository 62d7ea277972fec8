import * as assert from 'assert';
import { missingScheduleMessage, PublishedLinks, type PublishedPreview } from '../../../src/language/publishedLinks';
import { democonSchedule, EditedDocument, MemoryPublishedUi, MemoryWeb, publishedServices, schedPage } from '../../support/publishedLinks';

const EVENT = 'https://democon2099.sched.com/event/000000000000000000000000033b26';
const K8S = `${EVENT}06`;
const TRACING = `${EVENT}05`;
const DOCS = `${EVENT}09`;
const PDF = 'https://static.sched.com/hosted_files/democon2099/4f/';

const NOTE = [
  '---',
  'title: DemoCon Europe 2099',
  'date: 2099-03-26',
  'schedule: sched-democon.ics',
  '---',
  '',
  '## Day01',
  '',
  '### Kubernetes - The Hard Way',
  '',
  '- the control plane by hand',
  '- [slides](TODO)',
  '',
  '### Tracing, Gently',
  '',
  '- spans all the way down',
  '',
  '### Fix All The Docs',
  '',
  '- a page that is gone',
  '',
  '### A hallway chat',
  '',
  '- nothing to find',
  '',
].join('\n');

let notes = 0;
function setup(settings: Parameters<typeof publishedServices>[1] = {}) {
  const web = new MemoryWeb();
  web.pages.set(K8S, schedPage('Kubernetes - The Hard Way', ['k8s-the-hard-way.pdf'], 'abcDEF12345'));
  web.pages.set(TRACING, schedPage('Tracing, Gently', ['tracing-gently.pptx']));
  const { services, store } = publishedServices(web, settings);
  const doc = new EditedDocument(`file:///published-${++notes}.md`, NOTE);
  return { web, store, doc, finder: new PublishedLinks(services), schedule: democonSchedule() };
}

describe('Find Published Links (language)', () => {
  it('fills the note from the session pages; a talk with no session stays; the refused page is named', async () => {
    const { web, store, doc, finder, schedule } = setup();
    const ui = new MemoryPublishedUi(doc);
    const outcome = await finder.run(doc, schedule, { accept: true }, ui);
    assert.deepStrictEqual(web.reads.sort(), [DOCS, TRACING, K8S].sort(), 'each session page read once, over https');
    assert.deepStrictEqual([outcome.talks, outcome.written, outcome.requests, outcome.cancelled], [4, 2, 3, false]);
    const text = doc.getText();
    assert.ok(text.includes(`- [slides](${PDF}k8s-the-hard-way.pdf)\n`), text);
    assert.ok(text.includes('https://www.youtube.com/watch?v=abcDEF12345'), text);
    assert.ok(text.includes(`${PDF}tracing-gently.pptx`), text);
    assert.ok(text.endsWith('### A hallway chat\n\n- nothing to find\n'), 'the talk with no session is left as it was');
    assert.deepStrictEqual(
      ui.lastRows.map((r) => [r.label, r.picked]),
      [
        ['Kubernetes - The Hard Way', true],
        ['Tracing, Gently', true],
        ['Fix All The Docs', false],
        ['A hallway chat', false],
      ],
    );
    assert.strictEqual(ui.lastRows[0].description, 'same title · slides + recording');
    assert.match(ui.lastRows[0].detail, /line 12: - \[slides\]\(TODO\) → - \[slides\]\(static\.sched\.com\/…\/k8s-the-hard-way\.pdf\)/);
    assert.match(ui.lastRows[3].detail, /no session.*: pick its session with the row’s search button$/);
    assert.strictEqual(ui.lastRows[0].page, K8S.replace('https:', 'http:'), 'the row opens the session page of the schedule');
    const last = ui.messages.at(-1)!;
    assert.strictEqual(last.kind, 'warning');
    assert.match(
      last.message,
      /^Talk Capture: Find Published Links: wrote the links of 2 talks \(one undo step\); 2 talks have no recording yet: run it again later; 1 talk matched no session\. /,
    );
    assert.match(last.message, /democon2099\.sched\.com did not give the session’s links \(HTTP 404 Not Found\): open http:\/\/democon2099\.sched\.com\/event\/0+33b2609\.$/);
    assert.deepStrictEqual(last.actions, ['Open Session Page']);
    assert.ok(outcome.problems.some((p) => /404/.test(p)));
    assert.match(store.warnings.join('\n'), /Fix All The Docs: .*404/);
    assert.ok(store.cache?.includes('k8s-the-hard-way.pdf'), 'the pages read are kept');
  });

  it('a second run a day later reads only the pages still missing something, and fills the recording that came', async () => {
    const { web, store, doc, schedule } = setup();
    await new PublishedLinks(publishedServices(web).services).run(doc, schedule, { accept: true }, new MemoryPublishedUi(doc));
    const cache = store.cache;
    web.reads.length = 0;
    web.pages.set(TRACING, schedPage('Tracing, Gently', ['tracing-gently.pptx'], 'traceVID001'));
    const later = publishedServices(web, { now: Date.parse('2099-03-31T12:00:00Z') });
    later.store.cache = cache;
    const ui = new MemoryPublishedUi(doc);
    const outcome = await new PublishedLinks(later.services).run(doc, schedule, { accept: true }, ui);
    assert.deepStrictEqual(web.reads.sort(), [DOCS, TRACING].sort(), 'the complete page comes from the cache');
    assert.strictEqual(outcome.requests, 2);
    assert.ok(doc.getText().includes('https://www.youtube.com/watch?v=traceVID001'), doc.getText());

    // An hour later nothing is read again and nothing new is written.
    web.reads.length = 0;
    const version = doc.version;
    const again = publishedServices(web, { now: Date.parse('2099-03-31T13:00:00Z') });
    again.store.cache = later.store.cache;
    const quiet = await new PublishedLinks(again.services).run(doc, schedule, { accept: true }, new MemoryPublishedUi(doc));
    assert.deepStrictEqual([quiet.requests, quiet.written, doc.version, web.reads.length], [0, 0, version, 0]);
  });

  it('the preview: the sure rows checked; Escape writes nothing', async () => {
    const { doc, finder, schedule } = setup();
    const ui = new MemoryPublishedUi(doc, [() => undefined]);
    const outcome = await finder.run(doc, schedule, {}, ui);
    assert.strictEqual(outcome.written, 0);
    assert.strictEqual(doc.getText(), NOTE);
    const preview = ui.previews[0];
    assert.strictEqual(preview.title, 'Find Published Links: 2 of 4 talks with links to write');
    assert.match(preview.placeholder, /^Uncheck what to leave out/);
    assert.deepStrictEqual(
      preview.rows.filter((r) => r.picked).map((r) => r.label),
      ['Kubernetes - The Hard Way', 'Tracing, Gently'],
    );
    assert.strictEqual(ui.lastMessage, 'Talk Capture: Find Published Links: nothing was written into the note.');
  });

  it('Enter writes only the rows left checked; a row’s page is opened and the preview comes back', async () => {
    const { doc, finder, schedule } = setup();
    const only = (p: PublishedPreview) => ({ lines: new Set([p.rows[1].line]) });
    const ui = new MemoryPublishedUi(doc, [(p) => ({ open: p.rows[0].page! }), only]);
    const outcome = await finder.run(doc, schedule, {}, ui);
    assert.deepStrictEqual(ui.opened, [K8S.replace('https:', 'http:')]);
    assert.strictEqual(ui.previews.length, 2);
    assert.strictEqual(outcome.written, 1);
    assert.ok(doc.getText().includes('tracing-gently.pptx'));
    assert.ok(doc.getText().includes('- [slides](TODO)'), 'the unchecked talk keeps its placeholder');
  });

  it('a talk with no session gets the session picked from the choices; its page is read and written', async () => {
    const { web, doc, finder, schedule } = setup();
    web.pages.set(`${EVENT}08`, schedPage('Tiny Controllers', ['tiny.pdf']));
    const hallway = (p: PublishedPreview) => ({ pickFor: p.rows[3].talk });
    const accept = (p: PublishedPreview) => ({ lines: new Set(p.rows.filter((r) => r.picked).map((r) => r.line)) });
    const ui = new MemoryPublishedUi(doc, [hallway, accept], (choices) => {
      const tiny = choices.find((c) => 'id' in c && /Tiny Controllers/.test(c.label));
      return tiny && 'id' in tiny ? tiny.id : undefined;
    });
    const outcome = await finder.run(doc, schedule, {}, ui);
    assert.ok(
      ui.sessionChoices.every((c) => 'separator' in c || !/Coffee Break/.test(c.label)),
      'breaks are not offered',
    );
    assert.deepStrictEqual(ui.sessionChoices[0], {
      label: 'Café Chat: Rust & Go in the Control Plane',
      description: 'Gus Hale · 2099-03-26 16:00 · Hall 7 | Room A',
      detail: '45% like “A hallway chat”',
      id: '000000000000000000000000033b260d',
    });
    assert.ok(web.reads.includes(`${EVENT}08`), 'the picked session’s page is read');
    const row = ui.lastRows.find((r) => r.label === 'A hallway chat')!;
    assert.ok(row.picked);
    assert.match(row.description, /^picked: .*Tiny Controllers/);
    assert.strictEqual(outcome.written, 3);
    assert.match(doc.getText(), /### A hallway chat\n\n\[Slides\]\(https:\/\/static\.sched\.com\/hosted_files\/democon2099\/4f\/tiny\.pdf\)\n/);
  });

  it('the note changed before the edits: the same talks are written into the note as it is now, nothing read again', async () => {
    const { web, doc, finder, schedule } = setup();
    const ui = new MemoryPublishedUi(doc, [
      (p) => {
        doc.setText(doc.getText().replace('## Day01\n', '## Day01\n\nwritten while the preview was open\n'));
        return { lines: new Set(p.rows.filter((r) => r.picked).map((r) => r.line)) };
      },
    ]);
    const outcome = await finder.run(doc, schedule, {}, ui);
    assert.strictEqual(web.reads.length, 3, 'the pages were read once');
    assert.strictEqual(outcome.written, 2);
    const text = doc.getText();
    assert.ok(text.includes('written while the preview was open'));
    assert.ok(text.includes(`- [slides](${PDF}k8s-the-hard-way.pdf)\n`), text);
  });

  it('Cancel stops the reads: nothing is written, what was read is kept', async () => {
    const { web, store, doc, finder, schedule } = setup();
    const ui = new MemoryPublishedUi(doc);
    ui.cancelAfter = 2;
    const outcome = await finder.run(doc, schedule, { accept: true }, ui);
    assert.strictEqual(outcome.cancelled, true);
    assert.strictEqual(doc.getText(), NOTE);
    assert.ok(web.reads.length < 3);
    assert.match(ui.lastMessage ?? '', /cancelled; nothing was written into the note \(the pages read are kept for the next run\)/);
    assert.ok(store.cache, 'the cache is written');
  });

  it('in a browser a refused page also says why a browser may not read it', async () => {
    const { doc, finder, schedule } = setup({ inBrowser: true });
    const ui = new MemoryPublishedUi(doc);
    await finder.run(doc, schedule, { accept: true }, ui);
    assert.match(ui.lastMessage ?? '', /In a browser, VS Code may read another site’s page only when the site allows it/);
  });

  it('a note without talks, and a note without a schedule, say so', async () => {
    const { finder, schedule } = setup();
    const empty = new EditedDocument('file:///published-empty.md', '# Notes\n\nnothing yet\n');
    const ui = new MemoryPublishedUi(empty);
    assert.strictEqual((await finder.run(empty, schedule, { accept: true }, ui)).talks, 0);
    assert.strictEqual(ui.lastMessage, 'Talk Capture: Find Published Links: the note has no talks to look up.');
    assert.match(missingScheduleMessage(undefined), /names no conference schedule \(`schedule:` in its front matter\)/);
    assert.strictEqual(missingScheduleMessage('x.ics'), 'Talk Capture: Find Published Links: the note’s schedule (x.ics) is not imported yet. Import it first.');
  });

  it('an unreadable cache is an empty one; a cache that cannot be written is logged', async () => {
    const { web, doc, schedule } = setup();
    const { services, store } = publishedServices(web);
    store.cache = '{not json';
    services.writeCache = () => Promise.reject(new Error('disk full'));
    const outcome = await new PublishedLinks(services).run(doc, schedule, { accept: true }, new MemoryPublishedUi(doc));
    assert.strictEqual(outcome.requests, 3);
    assert.match(store.warnings[0], /the results could not be kept for the next run: disk full/);
  });
});
