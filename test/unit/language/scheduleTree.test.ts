import * as assert from 'assert';
import { InMemoryDocument } from '../../../src/core/document';
import type { Schedule } from '../../../src/core/schedule';
import { dayLabel, markdownText, ScheduleTree, sessionOf, type ScheduleNode } from '../../../src/language/scheduleTree';
import { fixtureSchedule, MemorySchedules } from '../../support/scheduleTree';

const SIDE = 'schedule/sidecon.ics';
const DEMO = 'schedule/democon.ics';
const note = (uri: string, schedule?: string) => new InMemoryDocument(uri, `---\ntitle: "A conference"\n${schedule ? `schedule: ${schedule}\n` : ''}---\n\n## Day01\n`);

/** Services at 11:20 in Amsterdam on SideCon's day, both fixtures stored under the sources a note writes. */
function services(now = '2099-03-26T10:20:00Z'): MemorySchedules {
  return new MemorySchedules(now).store(SIDE, fixtureSchedule('workspace/schedule/sidecon.ics')).store(DEMO, fixtureSchedule('workspace/schedule/democon.ics'));
}

let notes = 0;
async function loaded(s: MemorySchedules, schedule: string | undefined, uri = `file:///notes/note${++notes}.md`): Promise<ScheduleTree> {
  const tree = new ScheduleTree(s);
  await tree.load(note(uri, schedule));
  return tree;
}

const labels = (tree: ScheduleTree, nodes: ScheduleNode[]) => nodes.map((n) => tree.item(n).label);
const descriptions = (tree: ScheduleTree, nodes: ScheduleNode[]) => nodes.map((n) => tree.item(n).description);
const allSessions = (tree: ScheduleTree) =>
  tree
    .children()
    .flatMap((d) => tree.children(d))
    .flatMap((sl) => tree.children(sl))
    .flatMap((n) => (n.kind === 'side' ? tree.children(n) : [n]));

describe('language/scheduleTree: the Schedule view’s tree, built with in-memory services', () => {
  it('shows the schedule the note names, under the conference’s name, today open', async () => {
    const s = services();
    const tree = await loaded(s, SIDE, 'file:///notes/side.md');
    assert.deepStrictEqual(s.asked, [`${SIDE} from file:///notes/side.md`]);
    assert.strictEqual(tree.key, SIDE);
    assert.strictEqual(tree.description(), 'SideCon Europe 2099', 'the conference’s name, not the calendar’s id');
    const [day] = tree.children();
    assert.deepStrictEqual(tree.item(day), {
      id: 'day:2099-03-26:open',
      label: 'Thursday 26 March 2099',
      description: 'today',
      icon: 'calendar',
      contextValue: 'scheduleDay',
      collapsible: 'expanded',
    });
  });

  it('a row of an earlier reading (the editor keeps its rows while the schedule is read again) still has its children and parent', async () => {
    const s = services();
    const uri = 'file:///notes/reread.md';
    const tree = await loaded(s, SIDE, uri);
    const [day] = tree.children();
    const [slot] = tree.children(day);
    const before = labels(tree, tree.children(slot));
    await tree.load(note(uri, SIDE)); // read again: new rows
    assert.notStrictEqual(tree.children()[0], day, 'a new layout');
    assert.deepStrictEqual(labels(tree, tree.children(day)), ['11:00–11:30', '11:45–12:15', '12:30–13:00']);
    assert.deepStrictEqual(labels(tree, tree.children(slot)), before);
    assert.strictEqual(tree.parent(slot), tree.children()[0]);
  });

  it('a day as main-track slots: side sessions folded under their time, a workshop does not stretch its slot, now and next marked', async () => {
    const tree = await loaded(services(), SIDE);
    const slots = tree.children(tree.children()[0]);
    assert.deepStrictEqual(labels(tree, slots), ['11:00–11:30', '11:45–12:15', '12:30–13:00']);
    assert.deepStrictEqual(descriptions(tree, slots), ['now · 3 sessions · 4 side', 'next · 2 sessions · 1 side', '1 session']);
    assert.deepStrictEqual(
      slots.map((n) => [tree.item(n).icon, tree.item(n).collapsible]),
      [
        ['record', 'expanded'],
        ['arrow-circle-right', 'expanded'],
        ['clock', 'collapsed'],
      ],
    );
    const children = tree.children(slots[0]);
    assert.deepStrictEqual(
      children.map((n) => [tree.item(n).label, tree.item(n).description]),
      [
        ['Mesh Without Tears', 'Ana Lima · Hall 7 | Room A'],
        ['Quotas for Everyone', 'Bo Chen · Hall 7 | Room B'],
        ['Hands-on Operators', 'Cy Diaz · Hall 8 | Room C · until 12:30'],
        ['4 side sessions', 'Hall 1 Foyer, Solutions Showcase Theater'],
      ],
    );
    const side = children[3];
    assert.strictEqual(tree.item(side).collapsible, 'collapsed', 'folded');
    const folded = tree.children(side);
    assert.deepStrictEqual(
      folded.map((n) => `${tree.item(n).label} · ${tree.item(n).description}`),
      [
        'Registration & Badge Pick-Up · 08:00 · Hall 1 Foyer',
        'Sponsored Demo: Acme Mesh · 11:00 · Solutions Showcase Theater',
        'Sponsored Demo: Globex Gateways · 11:20 · Solutions Showcase Theater',
        'Sponsored Demo: Hooli Hosting · 11:40 · Solutions Showcase Theater',
      ],
    );
    assert.deepStrictEqual([tree.item(folded[0]).icon, tree.item(folded[0]).contextValue], ['coffee', 'scheduleBreak'], 'registration is a break');
    assert.strictEqual(tree.parent(folded[1]), side);
    assert.strictEqual(tree.parent(side), slots[0]);
    assert.strictEqual(tree.parent(slots[0]), tree.children()[0]);
    assert.strictEqual(tree.children(slots[0]), children, 'the same nodes each time (VS Code finds them again by identity)');
  });

  it('as the clock moves on, the past slot closes under an id of its own and the next one is the one to scroll to', async () => {
    const s = services();
    const tree = await loaded(s, SIDE);
    const first = () => tree.children(tree.children()[0])[0];
    const focusAt = tree.focus();
    assert.strictEqual(focusAt?.slot, first(), 'the slot running now');
    s.setNow('2099-03-26T10:50:00Z'); // 11:50: the 11:00 talks are over
    const past = tree.item(first());
    assert.deepStrictEqual([past.id, past.icon, past.collapsible, past.description], ['slot:2099-03-26T11:00:00+01:00:past', 'history', 'collapsed', '3 sessions · 4 side']);
    const later = tree.focus();
    assert.strictEqual(later?.slot.kind === 'slot' && later.slot.start, '2099-03-26T11:45:00+01:00');
    assert.notStrictEqual(later?.as, focusAt?.as, 'another slot: scrolled to again');
    assert.strictEqual(tree.item(later!.slot).description, 'now · 2 sessions · 1 side');
    s.setNow('2099-03-26T16:00:00Z'); // the day is over
    assert.strictEqual(tree.focus(), undefined, 'nothing running, nothing next');
  });

  it('before the conference the first day is open; on a later day, that day (and the others closed)', async () => {
    const before = await loaded(services('2099-03-20T09:00:00Z'), DEMO);
    const days = before.children();
    assert.deepStrictEqual(labels(before, days), ['Thursday 26 March 2099', 'Friday 27 March 2099', 'Sunday 29 March 2099', 'Monday 30 March 2099']);
    assert.deepStrictEqual(
      days.map((d) => before.item(d).collapsible),
      ['expanded', 'collapsed', 'collapsed', 'collapsed'],
    );
    assert.deepStrictEqual(descriptions(before, days), [undefined, undefined, undefined, undefined], 'no day is today');
    const friday = await loaded(services('2099-03-27T09:30:00Z'), DEMO);
    assert.deepStrictEqual(
      friday.children().map((d) => [friday.item(d).id, friday.item(d).description]),
      [
        ['day:2099-03-26:closed', undefined],
        ['day:2099-03-27:open', 'today'],
        ['day:2099-03-29:closed', undefined],
        ['day:2099-03-30:closed', undefined],
      ],
    );
  });

  it('a star shows on the session and the starred filter keeps the starred sessions only', async () => {
    const s = services();
    const tree = await loaded(s, DEMO);
    const tracing = allSessions(tree).find((n) => tree.item(n).label === 'Tracing, Gently')!;
    assert.strictEqual(tree.item(tracing).description, 'Ana Lima, Bo Chen, Cy Diaz · Hall 7 | Room B');
    assert.deepStrictEqual([tree.item(tracing).icon, tree.item(tracing).contextValue], ['star-empty', 'scheduleSession']);
    s.star(DEMO, sessionOf(tracing)!.id);
    s.star(
      DEMO,
      allSessions(tree)
        .map(sessionOf)
        .find((x) => x?.title === 'Ask Me Anything')!.id,
    );
    assert.deepStrictEqual([tree.item(tracing).icon, tree.item(tracing).contextValue], ['star-full', 'scheduleSession.starred']);
    assert.match(tree.item(tracing).accessibilityLabel ?? '', /, starred$/);
    tree.setFilter({ kind: 'starred' });
    assert.deepStrictEqual(labels(tree, allSessions(tree)), ['Tracing, Gently', 'Ask Me Anything']);
    assert.deepStrictEqual(labels(tree, tree.children()), ['Thursday 26 March 2099', 'Friday 27 March 2099'], 'days without a starred session are left out');
    assert.strictEqual(tree.description(), 'DemoCon Europe 2099 · starred only');
    tree.setFilter({ kind: 'all' });
    assert.strictEqual(allSessions(tree).length, 19);
    assert.strictEqual(tree.description(), 'DemoCon Europe 2099');
  });

  it('Filter Schedule offers the tracks and the rooms, sorted, and a track or room filter shows its sessions only', async () => {
    const tree = await loaded(services(), SIDE);
    const choices = tree.filterChoices();
    assert.deepStrictEqual(
      choices.map((c) => (c.separator ? `-- ${c.label}` : c.label)),
      [
        'All sessions',
        '$(star-full) Starred only',
        '-- Tracks',
        'NETWORKING',
        'OPERATIONS',
        'PLATFORM ENGINEERING',
        'REGISTRATION',
        'SOLUTIONS SHOWCASE',
        'TUTORIALS',
        '-- Rooms',
        'Hall 1 Foyer',
        'Hall 7 | Room A',
        'Hall 7 | Room B',
        'Hall 8 | Room C',
        'Solutions Showcase Theater',
      ],
    );
    tree.setFilter(choices.find((c) => c.label === 'NETWORKING')!.filter!);
    assert.deepStrictEqual(labels(tree, allSessions(tree)), ['Mesh Without Tears', 'Gateways in Practice']);
    assert.strictEqual(tree.description(), 'SideCon Europe 2099 · track: NETWORKING');
    tree.setFilter({ kind: 'room', value: 'Hall 7 | Room A' });
    assert.deepStrictEqual(labels(tree, allSessions(tree)), ['Mesh Without Tears', 'Budgets That Hold', 'Canary Days']);
    assert.strictEqual(tree.description(), 'SideCon Europe 2099 · room: Hall 7 | Room A');
  });

  it('without a schedule in the note (or one that cannot be read) the one imported last shows; with none, an empty tree', async () => {
    const s = services();
    const none = await loaded(s, undefined);
    assert.deepStrictEqual([none.schedule, none.key, none.description(), none.children()], [undefined, undefined, undefined, []]);
    assert.deepStrictEqual(none.filterChoices().length, 2, 'all and starred only');
    s.lastKey = DEMO;
    const plain = await loaded(s, undefined);
    assert.strictEqual(plain.key, DEMO);
    const missing = await loaded(s, 'schedule/gone.ics');
    assert.strictEqual(missing.key, DEMO, 'the note’s schedule is unreadable: the last import');
    const named = await loaded(s, SIDE);
    assert.strictEqual(named.key, SIDE, 'the note’s own comes first');
    await named.load(undefined); // no Markdown note active
    assert.strictEqual(named.key, DEMO);
  });

  it('a session’s tooltip is Markdown without HTML: the title and the schedule’s values escaped, the page through the URL gate', async () => {
    const hostile: Schedule = {
      source: 'hostile.json',
      format: 'pretalx-json',
      title: 'Hostile Con',
      timeZone: 'UTC',
      sessions: [
        {
          id: 'h1',
          title: '<img src=x> **Bold** [link](javascript:alert(1))',
          speakers: ['Ana  Lima'],
          companies: [],
          byline: '> quoted & [x](y)',
          room: 'Room #1',
          track: null,
          kind: 'talk',
          start: '2099-03-26T10:00:00+00:00',
          end: '2099-03-26T10:30:00+00:00',
          url: 'https://example.com/s/a b(1)',
        },
        {
          id: 'h2',
          title: 'No page',
          speakers: [],
          companies: [],
          byline: null,
          room: null,
          track: null,
          kind: 'talk',
          start: '2099-03-26T11:00:00+00:00',
          end: '2099-03-26T11:30:00+00:00',
          url: 'javascript:alert(1)',
        },
      ],
    };
    const s = services().store('hostile.json', hostile);
    const tree = await loaded(s, 'hostile.json');
    const [first, second] = allSessions(tree).map((n) => tree.item(n));
    assert.strictEqual(
      first.tooltip,
      '**\\<img src=x\\> \\*\\*Bold\\*\\* \\[link\\](javascript:alert(1))**\n\n' +
        '\\>&nbsp;quoted&nbsp;&&nbsp;\\[x\\]\\(y\\)\n\n\n\n' +
        '10:00–10:30&nbsp;·&nbsp;Room&nbsp;\\#1\n\n' +
        '[Session page](https://example.com/s/a%20b%281%29)',
    );
    assert.strictEqual(first.description, 'Ana  Lima · Room #1');
    assert.strictEqual(second.tooltip, '**No page**\n\n11:00–11:30', 'no page for a URL that is not http(s), no byline line');
  });

  it('markdownText escapes as VS Code’s appendText does; dayLabel is the same in every locale', () => {
    assert.strictEqual(markdownText('a_b *c* `d` #e'), 'a\\_b&nbsp;\\*c\\*&nbsp;\\`d\\`&nbsp;\\#e');
    assert.strictEqual(markdownText('- item\n> quote'), '\\-&nbsp;item\n\n\\>&nbsp;quote');
    assert.strictEqual(dayLabel('2099-03-29'), 'Sunday 29 March 2099');
  });
});
