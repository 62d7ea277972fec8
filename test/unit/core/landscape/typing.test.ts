import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LandscapeIndex } from '../../../../src/core/landscape/landscapeIndex';
import { parseIndexFile } from '../../../../src/core/landscape/indexFile';
import { ambiguousPrefixes, isSentenceStart, nextLetterOf, shouldOpenProjectList, wordBeforeCursor } from '../../../../src/core/landscape/typing';
import { buildTypingPrefixes } from '../../../../scripts/build-typing-prefixes';

const root = path.join(__dirname, '..', '..', '..', '..');
const prefixes = new Set<string>(JSON.parse(fs.readFileSync(path.join(root, 'data', 'typing-prefixes.json'), 'utf8')) as string[]);
const index = new LandscapeIndex(parseIndexFile(fs.readFileSync(path.join(root, 'data', 'landscape.json'), 'utf8')));

/** Would the project list open by itself with this text before the cursor? */
function opens(before: string): string | undefined {
  return shouldOpenProjectList({
    before,
    isCommonPrefix: (p) => prefixes.has(p),
    hasProject: (w) => index.complete(w.word, { limit: 5 }).length > 0,
  })?.word;
}

describe('opening the project list while typing', () => {
  it('finds the word before the cursor, its start and whether a sentence starts there', () => {
    assert.deepStrictEqual(wordBeforeCursor('We scrape it with Prom'), { word: 'Prom', start: 18, sentenceStart: false, capital: true, bracket: false });
    assert.strictEqual(wordBeforeCursor('see [Per')?.bracket, true);
    assert.strictEqual(wordBeforeCursor('### Kub')?.sentenceStart, true);
    assert.strictEqual(wordBeforeCursor('- [ ] Kub')?.sentenceStart, true);
    assert.strictEqual(wordBeforeCursor('1. Kub')?.sentenceStart, true);
    assert.strictEqual(wordBeforeCursor('Done. Kub')?.sentenceStart, true);
    assert.strictEqual(wordBeforeCursor('cert-man')?.word, 'cert-man');
    assert.strictEqual(wordBeforeCursor('x --Prom')?.word, 'Prom');
    assert.strictEqual(wordBeforeCursor('costs 42'), undefined);
    assert.strictEqual(wordBeforeCursor('end. '), undefined);
    assert.strictEqual(isSentenceStart('> - '), true);
    assert.strictEqual(isSentenceStart('we use '), false);
  });

  it('opens mid-sentence on a capitalised project prefix of three letters', () => {
    assert.strictEqual(opens('We scrape metrics with Pro'), 'Pro');
    assert.strictEqual(opens('We scrape metrics with Prom'), 'Prom');
    assert.strictEqual(opens('dashboards in Pers'), 'Pers');
    assert.strictEqual(opens('long-term storage in Tha'), 'Tha');
    assert.strictEqual(opens('traces go to Open'), 'Open');
    assert.strictEqual(opens('with Pr'), undefined, 'two letters are not enough');
  });

  it('opens in lower case only once the word is no longer the start of a common word', () => {
    assert.strictEqual(opens('we run kub'), 'kub');
    assert.strictEqual(opens('the prom'), undefined, '`prom` starts promise, promote…');
    assert.strictEqual(opens('the prome'), 'prome');
    assert.strictEqual(opens('it is open'), undefined);
    assert.strictEqual(opens('people con'), undefined);
  });

  it('applies the lower-case rule at the start of a sentence, heading or list item', () => {
    assert.strictEqual(opens('The'), undefined);
    assert.strictEqual(opens('### The'), undefined);
    assert.strictEqual(opens('- Con'), undefined);
    assert.strictEqual(opens('### Kub'), 'Kub');
    assert.strictEqual(opens('Nice. Prom'), undefined);
    assert.strictEqual(opens('Nice. Prome'), 'Prome');
  });

  it('opens after a `[` typed by hand, and never for ordinary prose words', () => {
    assert.strictEqual(opens('see [pro'), 'pro');
    for (const prose of ['we could', 'the community', 'it contains', 'and then', 'a working', 'people']) {
      assert.strictEqual(opens(prose), undefined, prose);
    }
  });

  it('stays closed in a code span that is still being typed', () => {
    assert.strictEqual(opens('Run `kubectl get Prom'), undefined);
    assert.strictEqual(opens('Run ``a ` kub'), undefined);
    assert.strictEqual(opens('Run `kubectl` on Prom'), 'Prom');
  });

  it('looks back a bounded distance on a very long line', () => {
    assert.strictEqual(opens('a'.repeat(200_000)), undefined);
    assert.strictEqual(opens('x '.repeat(100_000) + 'with Prom'), 'Prom');
  });

  it('never opens for a hyphenated word that no name or alias begins with as written', () => {
    // Without its hyphen `kube-v` is `kubev`, the start of KubeVirt and KubeVela: only kube-vip is written so.
    assert.ok(index.complete('kubev').some((m) => m.entry.name === 'KubeVirt'));
    assert.deepStrictEqual(
      index.complete('kube-v').map((m) => m.entry.name),
      ['kube-vip'],
    );
    assert.strictEqual(opens('we run kube-vi'), 'kube-vi');
    assert.strictEqual(opens('we run Kube-Vir'), undefined);
    for (const before of ['- east-west traffic moved from NLBs to pod-t', 'to pod-to', 'the app-of', 'keeps kubernetes-n', 'the envoy-b']) {
      assert.strictEqual(opens(before), undefined, before);
    }
    // A hyphen that names write keeps them: kube-rs, cert-manager.
    assert.strictEqual(opens('we use kube-r'), 'kube-r');
    assert.deepStrictEqual(
      index.complete('cert-m').map((m) => m.entry.name),
      ['cert-manager'],
    );
  });

  it('a list opened while typing reaches one letter past the word: the next letter of the name, never a space or sign', () => {
    const cases: Array<[rest: string, next: string]> = [
      ['ernetes', 'e'],
      ['-rs', '-'],
      [' Policy Agent (OPA)', ''],
      ['.io', ''],
      ['', ''],
      ['可观测', '可'],
    ];
    for (const [rest, next] of cases) assert.strictEqual(nextLetterOf(rest), next, JSON.stringify(rest));
  });

  it('builds the common prefixes of project names from a word list', () => {
    assert.deepStrictEqual(ambiguousPrefixes(['prometheus', 'kubernetes'], ['promise', 'prompt', 'kettle']), ['pro', 'prom']);
  });

  it('data/typing-prefixes.json is current with data/landscape.json (npm run build-typing-prefixes)', () => {
    assert.deepStrictEqual(buildTypingPrefixes(path.join(root, 'data', 'landscape.json')), [...prefixes]);
  });
});
