import * as assert from 'assert';
import { analyzeText } from '../../../../src/core/analysis/noteAnalysis';
import { AnalysisCache } from '../../../../src/core/analysis/cache';
import { scanBlocks } from '../../../../src/core/notes/scan';
import { dayParagraphs, keepOutline, sameOutlineInput, freshOutline } from '../../../../src/core/notes/outlineReuse';

const NOTE = [
  '# KubeCon notes',
  '',
  '## Day 1',
  '',
  '### Service meshes - Ada Example, Acme',
  '',
  '- first point',
  '- TODO: slides',
  '',
  'Day 2:',
  '',
  '### Policy as code - Bo Quinlan',
  '',
  '- a bullet',
  '',
].join('\n');

const outlineOf = (text: string) => {
  const blocks = scanBlocks(text);
  const days = dayParagraphs(blocks, undefined);
  // The outline itself is what buildModel keeps; an empty one stands for it here.
  return { blocks, kept: keepOutline(blocks, { days: [], topTalks: [], topGroups: [], byLine: [], hiddenTalkLines: new Set() }, days) };
};

describe('core/notes/outlineReuse: the outline is kept while the edit leaves headings and days alone', () => {
  const { kept } = outlineOf(NOTE);
  const same = (text: string) => sameOutlineInput(kept, scanBlocks(text), undefined);

  it('keeps it for typing in a bullet or a paragraph that is not a day', () => {
    assert.strictEqual(same(NOTE.replace('first point', 'first point, more')), true);
    assert.strictEqual(same(NOTE.replace('- TODO: slides', '- TODO: slides and video')), true);
  });

  it('reads it again when a heading, a day line, the line count or a definition changes', () => {
    assert.strictEqual(same(NOTE.replace('Service meshes', 'Service mesh')), false, 'heading text');
    assert.strictEqual(same(NOTE.replace('### Policy', '#### Policy')), false, 'heading level');
    assert.strictEqual(same(NOTE.replace('Day 2:', 'Day 3:')), false, 'a day paragraph');
    assert.strictEqual(same(NOTE.replace('- a bullet', 'Day 4:')), false, 'a paragraph became a day');
    assert.strictEqual(same(NOTE.replace('- first point', '- first\n- point')), false, 'a line added');
    assert.strictEqual(same(NOTE + '\n[x]: https://example.com/\n'), false, 'a definition (and lines) added');
  });

  it('hands out fresh talks and days: TODO items put in one model are not in the next', () => {
    const talk = {
      title: 't',
      heading: 't',
      speakers: [],
      company: null,
      companies: [],
      kind: null,
      line: 1,
      endLine: 2,
      level: 3,
      hidden: false,
      group: null,
      todos: [],
      time: null,
      sections: [],
    };
    const outline = {
      days: [{ title: 'Day 1', line: 1, endLine: 9, level: 2, talks: [talk], groups: [], todos: [] }],
      topTalks: [],
      topGroups: [],
      byLine: [talk],
      hiddenTalkLines: new Set<number>(),
    };
    const a = freshOutline(outline as never);
    a.byLine[0].todos.push({ kind: 'todo', text: 'x', line: 2, column: 1, endColumn: 2 } as never);
    assert.strictEqual(a.days[0].talks[0], a.byLine[0], 'the day and the line order share the copy');
    assert.strictEqual(talk.todos.length, 0);
    assert.strictEqual(freshOutline(outline as never).byLine[0].todos.length, 0);
  });

  it('a version whose outline was kept has the model a fresh read gives', () => {
    const cache = new AnalysisCache();
    let text = NOTE;
    for (let version = 1; version <= 6; version++) {
      text = text.replace('- a bullet', `- a bullet${version}`).replace('- TODO: slides', `- TODO: slides ${version}`);
      const a = cache.get({ uri: 'file:///kept.md', version, text: () => text, settings: {} });
      assert.deepStrictEqual(a.model, analyzeText(text).model);
      assert.strictEqual(a.model.days[0].talks[0].todos.length, 1);
    }
  });
});
