import * as assert from 'assert';
import {
  cleanTitle,
  decodeEntities,
  formatSessionHeading,
  isPersonName,
  parseSchedule,
  splitByline,
  splitNameList,
  splitSchedSummary,
  stripHtml,
  type Session,
} from '../../../../src/core/schedule';

describe('schedule: Sched bylines', () => {
  const split = (summary: string) => {
    const s = splitSchedSummary(summary);
    return { title: s.title, speakers: s.speakers, companies: s.companies, byline: s.byline, kind: s.kind };
  };

  it('one group: names joined by & then the company', () => {
    assert.deepStrictEqual(split('Tracing, Gently - Ana Lima & Bo Chen, Acme'), {
      title: 'Tracing, Gently',
      speakers: ['Ana Lima', 'Bo Chen'],
      companies: ['Acme'],
      byline: 'Ana Lima & Bo Chen, Acme',
      kind: null,
    });
  });

  it('company groups separated by ;', () => {
    const s = splitSchedSummary('Tracing - Ana Lima & Bo Chen, Acme; Cy Diaz, Initech');
    assert.deepStrictEqual(s.speakers, ['Ana Lima', 'Bo Chen', 'Cy Diaz']);
    assert.deepStrictEqual(s.companies, ['Acme', 'Initech']);
    assert.deepStrictEqual(s.groups, [
      { speakers: ['Ana Lima', 'Bo Chen'], company: 'Acme' },
      { speakers: ['Cy Diaz'], company: 'Initech' },
    ]);
  });

  it('a group without a company among groups with one', () => {
    const s = splitSchedSummary('Future - Ana Lima, Acme; Bo Chen; Cy Diaz, Initech');
    assert.deepStrictEqual(s.groups, [
      { speakers: ['Ana Lima'], company: 'Acme' },
      { speakers: ['Bo Chen'], company: null },
      { speakers: ['Cy Diaz'], company: 'Initech' },
    ]);
  });

  it('comma lists of names: the last comma part is the company', () => {
    assert.deepStrictEqual(split('Who Maintains? - Ana Lima, Bo Chen, Cy Diaz & Di Evans, Example Foundation').speakers, ['Ana Lima', 'Bo Chen', 'Cy Diaz', 'Di Evans']);
    assert.deepStrictEqual(split('Who Maintains? - Ana Lima, Bo Chen, Cy Diaz and Di Evans, Example Foundation').companies, ['Example Foundation']);
  });

  it('keynote job titles are dropped, each person keeps their company', () => {
    assert.deepStrictEqual(split('Keynote: Welcome Back - Jane Doe, Executive Director, Example Foundation & John Roe, CTO, Acme Corp'), {
      title: 'Welcome Back',
      speakers: ['Jane Doe', 'John Roe'],
      companies: ['Example Foundation', 'Acme Corp'],
      byline: 'Jane Doe, Executive Director, Example Foundation & John Roe, CTO, Acme Corp',
      kind: 'keynote',
    });
    assert.deepStrictEqual(split('Keynote: Closing - Ivy Kim, Chief Technology Officer, Hooli').speakers, ['Ivy Kim']);
    assert.deepStrictEqual(split('Keynote: Closing - Ivy Kim, Chief Technology Officer, Hooli').companies, ['Hooli']);
    assert.deepStrictEqual(split('Keynote: Closing - Ivy Kim, VP Engineering').companies, []);
  });

  it('two people with their own companies joined by &', () => {
    const s = splitSchedSummary('Talk - Ana Lima, Acme & Bo Chen, Initech');
    assert.deepStrictEqual(s.groups, [
      { speakers: ['Ana Lima'], company: 'Acme' },
      { speakers: ['Bo Chen'], company: 'Initech' },
    ]);
  });

  it('the byline follows the last " - "; titles keep their own dashes', () => {
    assert.deepStrictEqual(split('Kubernetes - The Hard Way - Jo (JJ) Park, Umbrella Labs'), {
      title: 'Kubernetes - The Hard Way',
      speakers: ['Jo (JJ) Park'],
      companies: ['Umbrella Labs'],
      byline: 'Jo (JJ) Park, Umbrella Labs',
      kind: null,
    });
    assert.strictEqual(split('Kubernetes - The Hard Way').title, 'Kubernetes - The Hard Way');
    assert.strictEqual(split('Kubernetes - The Hard Way').byline, null);
    assert.strictEqual(split('After Hours Social - Off-site').title, 'After Hours Social - Off-site');
    assert.strictEqual(split('Self-Healing Clusters').title, 'Self-Healing Clusters');
  });

  it('names are never split inside', () => {
    assert.deepStrictEqual(split('T - Ana DE LA CRUZ & Bo van der Berg, Hooli').speakers, ['Ana DE LA CRUZ', 'Bo van der Berg']);
    assert.deepStrictEqual(split("T - Jo (JJ) Park & Seán O'Brien-Ní, Acme").speakers, ['Jo (JJ) Park', "Seán O'Brien-Ní"]);
    assert.deepStrictEqual(split('T - 王小明 & Ana Lima, Acme').speakers, ['王小明', 'Ana Lima']);
  });

  it('no byline: the title alone', () => {
    assert.deepStrictEqual(split('Coffee Break'), { title: 'Coffee Break', speakers: [], companies: [], byline: null, kind: null });
    assert.deepStrictEqual(split('Sponsored Demo: Widget Platform').speakers, []);
  });

  it('a byline that fits no shape is kept whole, with no speakers', () => {
    assert.deepStrictEqual(split('Project Lightning Round - Maintainers of 12 Projects, Various'), {
      title: 'Project Lightning Round',
      speakers: [],
      companies: [],
      byline: 'Maintainers of 12 Projects, Various',
      kind: null,
    });
    assert.strictEqual(split('Sponsored Demo - Acme').speakers.length, 0);
    assert.strictEqual(splitByline('Acme'), undefined);
    assert.strictEqual(splitByline('Ana Lima, , Acme'), undefined);
    assert.strictEqual(splitByline('the team, Acme'), undefined);
  });

  it('prefixes tell the kind and leave the title; notes around it are dropped', () => {
    assert.deepStrictEqual(split('⚡Lightning Talk: Tiny Controllers - Ana DE LA CRUZ, Hooli').kind, 'lightning');
    assert.strictEqual(split('⚡ Lightning Talk: Tiny Controllers - Ana DE LA CRUZ, Hooli').title, 'Tiny Controllers');
    assert.strictEqual(split('Panel: Futures - Ana Lima, Acme').kind, 'panel');
    assert.strictEqual(split('🚨 Contribfest: Fix the Docs - Ana Lima, Acme').kind, 'contribfest');
    assert.deepStrictEqual(cleanTitle('[SOLD OUT] Hands-on eBPF & You - Eli Ford, Acme | SEPARATE REGISTRATION REQUIRED'), {
      title: 'Hands-on eBPF & You - Eli Ford, Acme',
      kind: null,
      notes: ['SOLD OUT', 'SEPARATE REGISTRATION REQUIRED'],
    });
    assert.strictEqual(split('[SOLD OUT] Hands-on eBPF & You - Eli Ford, Acme | SEPARATE REGISTRATION REQUIRED').title, 'Hands-on eBPF & You');
    // A lower-case bracket or bar is part of the title.
    assert.strictEqual(cleanTitle('[eBPF] in depth | part two').title, '[eBPF] in depth | part two');
    // A prefix alone is a title, not a kind.
    assert.strictEqual(cleanTitle('Keynote:').title, 'Keynote:');
  });

  it('names-only lists (pretalx) and person names', () => {
    assert.deepStrictEqual(splitNameList('Ana Lima, Bo Chen & Cy Diaz'), ['Ana Lima', 'Bo Chen', 'Cy Diaz']);
    assert.strictEqual(splitNameList('The Hard Way, Again'), undefined);
    assert.ok(isPersonName('Jo (J J) Park'));
    assert.ok(!isPersonName('CTO'));
    assert.ok(!isPersonName('van der'));
    assert.ok(!isPersonName('R2 D2'));
  });

  it('HTML entities and HTML text', () => {
    assert.strictEqual(decodeEntities('Caf&eacute; &amp; Go&nbsp;&#39;n&#x2019; &bogus; &#xD800;'), "Café & Go\u00a0'n’ &bogus; &#xD800;");
    assert.strictEqual(stripHtml('<p>Why <b>boot</b> matters &amp; how.</p><ul><li>one</li></ul>'), 'Why boot matters & how.\none');
  });

  it('company suffixes stay with their company', () => {
    for (const company of ['Initech, Inc.', 'Initech, Ltd.', 'Initech Co., Ltd.', 'Initech, GmbH', 'Initech, AG', 'Initech, S.A.', 'Initech, B.V.', 'Initech, LLC']) {
      assert.deepStrictEqual(split(`T - Jo Park, ${company}`).speakers, ['Jo Park'], company);
      assert.deepStrictEqual(split(`T - Jo Park, ${company}`).companies, [company], company);
    }
    assert.deepStrictEqual(splitByline('Jo Park, Initech, Inc. & Ana Lima, Globex, Ltd.')?.groups, [
      { speakers: ['Jo Park'], company: 'Initech, Inc.' },
      { speakers: ['Ana Lima'], company: 'Globex, Ltd.' },
    ]);
  });

  it('job titles, departments and regions are no speakers; a company between two people is no person', () => {
    const a = split('Keynote: Open - Jane Doe, Executive Director, Cloud and Infrastructure, Example Foundation & John Roe, CTO, Acme Corp');
    assert.deepStrictEqual(
      [a.speakers, a.companies],
      [
        ['Jane Doe', 'John Roe'],
        ['Example Foundation', 'Acme Corp'],
      ],
    );
    const b = split('Keynote: Growth - Lin Hao, Chief Technology Officer, APAC, Initech & Ana Lima, VP, Globex');
    assert.deepStrictEqual(
      [b.speakers, b.companies],
      [
        ['Lin Hao', 'Ana Lima'],
        ['Initech', 'Globex'],
      ],
    );
    const c = split('Edge - Ana Lima, Acme, Bo Chen, Initech & Cy Diaz, Globex');
    assert.deepStrictEqual(
      [c.speakers, c.companies],
      [
        ['Ana Lima', 'Bo Chen', 'Cy Diaz'],
        ['Acme', 'Initech', 'Globex'],
      ],
    );
  });

  it('lists are read to the last name, also after a company', () => {
    assert.deepStrictEqual(split('T - Ana Lima, Bo Chen, Cy Diaz & Di Evans').speakers, ['Ana Lima', 'Bo Chen', 'Cy Diaz', 'Di Evans']);
    assert.deepStrictEqual(split('T - Ana Lima, Bo Chen, Cy Diaz & Di Evans').companies, []);
    assert.deepStrictEqual(splitSchedSummary('T - Ana Lima, Acme & Bo Chen').groups, [
      { speakers: ['Ana Lima'], company: 'Acme' },
      { speakers: ['Bo Chen'], company: null },
    ]);
  });

  it('headings and {byline} keep each speaker with their company', () => {
    const session = (summary: string): Session => {
      const s = splitSchedSummary(summary);
      return {
        id: '1',
        title: s.title,
        speakers: s.speakers,
        companies: s.companies,
        byline: s.byline,
        room: null,
        track: null,
        kind: s.kind ?? 'talk',
        start: '2099-03-24T10:00:00Z',
        end: '2099-03-24T10:30:00Z',
        url: null,
      };
    };
    const two = session('Storage - Ana Lima, Acme & Bo Chen, Initech');
    assert.strictEqual(formatSessionHeading(two), '### Storage - Ana Lima, Acme; Bo Chen, Initech');
    assert.strictEqual(formatSessionHeading(two, '### {title} ({byline})'), '### Storage (Ana Lima, Acme; Bo Chen, Initech)');
    assert.strictEqual(formatSessionHeading(session('Storage - Ana Lima, Acme & Bo Chen, Acme')), '### Storage - Ana Lima & Bo Chen, Acme');
    const keynote = session('Keynote: Welcome Back - Jane Doe, Executive Director, Example Foundation & John Roe, CTO, Acme Corp');
    assert.strictEqual(formatSessionHeading(keynote), '### Keynote: Welcome Back - Jane Doe, Example Foundation; John Roe, Acme Corp');
    assert.strictEqual(formatSessionHeading(session('Storage - Ana Lima, Acme & Bo Chen')), '### Storage - Ana Lima, Acme; Bo Chen');
  });

  it('Sessionize tag lines: the company keeps its suffix; a region is no company', () => {
    const speaker = (id: string, fullName: string, tagLine: string) => ({ id, fullName, tagLine });
    const data = {
      sessions: [{ id: '1', title: 'Storage', startsAt: '2099-05-10T10:00:00', endsAt: '2099-05-10T10:30:00', speakers: ['a', 'b', 'c'] }],
      speakers: [speaker('a', 'Ana Lima', 'Developer Advocate, Initech, Inc.'), speaker('b', 'Bo Chen', 'Engineer, Globex Co., Ltd.'), speaker('c', 'Cy Diaz', 'CTO, APAC')],
      rooms: [],
    };
    const s = parseSchedule(JSON.stringify(data), { fallbackTimeZone: 'UTC' }).sessions[0];
    assert.deepStrictEqual([s.companies, s.byline], [['Initech, Inc.', 'Globex Co., Ltd.'], 'Ana Lima, Initech, Inc.; Bo Chen, Globex Co., Ltd.; Cy Diaz']);
  });

  it('long and hostile bylines stay linear (work counted, not timed)', () => {
    const work = (byline: string) => {
      const w = { steps: 0 };
      splitByline(byline, { work: w });
      return w.steps;
    };
    // Twice the text, at most about twice the work, whatever the shape.
    for (const unit of ['Ana Lima & ', 'Ana Lima, ', ', ', 'a ', '& ', 'Jane Doe, CTO, APAC, Acme & ', 'x, Inc., ']) {
      // Bylines are read up to 1000 characters: both sizes stay under that.
      const n = Math.floor(450 / unit.length);
      const small = work(unit.repeat(n));
      const big = work(unit.repeat(2 * n));
      assert.ok(small > 0 && big <= 2.2 * small, `${JSON.stringify(unit)}: ${small} then ${big} steps`);
    }
    // Whatever the length, the answer comes back (refused when too long).
    splitSchedSummary('T - ' + 'Ana Lima & '.repeat(20000) + 'Bo Chen, Acme');
    splitSchedSummary('T - ' + ', '.repeat(50000));
    splitSchedSummary(' - '.repeat(50000));
    splitSchedSummary('[' + 'A'.repeat(100000));
    decodeEntities('&'.repeat(100000) + '&amp;');
    stripHtml('<'.repeat(100000));
  });
});
