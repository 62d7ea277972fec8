// Typing is sacred: a person types realistic conference notes, line after line with Enter, into
// a note that already has many words, at two speeds, with the project list opening by itself
// wherever a word begins like a project (pod, kub, envo, Arg, prome, Kubec). What is saved is
// byte for byte what was typed: no word suggestion, no project link, no lost line break.
import assert from 'node:assert/strict';
import { focusEditorEnd, openFile, press, readWorkspaceFile, save, screenshot, session, type } from './harness.mjs';

const NOTE = 'notes/typing-sacred.md';

/**
 * Lines typed in each round (Enter after each). Hyphenated words that begin like projects,
 * lower-case words that begin like project names (prom; kubelet, which the editor's fuzzy filter
 * alone would match to KubeFleet), a URL, code spans, CJK words, and capitalised names.
 * No line ends with a word that is exactly the beginning of a project: there Enter may take it.
 */
const LINES = [
  '- east-west traffic moved from NLBs to pod-to-pod multicluster',
  '- the app-of-apps pattern keeps kubernetes-native config in git',
  '- prom rules sit next to the envoy-based gateway; helm charts pinned',
  '- memory pressure evicts pods before the kubelet',
  '- slides: https://example.com/talks/kube-proxy-free.pdf',
  '- run `kubectl get pods -A` and `kube-score` before the demo',
  '- 可观测性 matters, クラウドネイティブ too; the Argo folks agreed',
  '- kubernetes-flavoured, prometheus-compatible storage for Kubecon demos',
];
const ROUND = LINES.map((l) => `${l}\n`).join('');

/** Rounds per speed (8 lines a round, most of them open a list): a slip in one line of four cannot pass. */
const ROUNDS = { fast: 6, steady: 4 };

/** Types every line with Enter after it, `rounds` times, saving and comparing after each round. */
async function typeRounds(delay, rounds) {
  await openFile(NOTE);
  await focusEditorEnd();
  let expected = readWorkspaceFile(NOTE);
  for (let round = 1; round <= rounds; round++) {
    for (const line of LINES) {
      await type(line, delay);
      await press('Enter');
    }
    expected += ROUND;
    await save(NOTE);
    const saved = readWorkspaceFile(NOTE);
    if (saved !== expected) {
      await screenshot(`typing-sacred-${delay}ms-round-${round}`);
      const got = saved.split('\n');
      const want = expected.split('\n');
      const i = want.findIndex((l, n) => got[n] !== l);
      assert.fail(`round ${round} at ${delay} ms a key: line ${i + 1} was saved as\n  ${JSON.stringify(got[i])}\nbut typed as\n  ${JSON.stringify(want[i])}`);
    }
  }
  await screenshot(`typing-sacred-${delay}ms`);
  console.log(`      ${rounds} rounds of ${ROUND.length} characters at ${delay} ms a key saved exactly as typed (${session.keys} keys so far)`);
}

describe('journey: typing is sacred', () => {
  it(`notes typed as fast as keys go (0 ms a key) are saved exactly as typed, ${ROUNDS.fast} rounds`, async function () {
    this.timeout(400_000);
    await typeRounds(0, ROUNDS.fast);
  });

  it(`notes typed at 40 ms a key are saved exactly as typed, ${ROUNDS.steady} rounds`, async function () {
    this.timeout(400_000);
    await typeRounds(40, ROUNDS.steady);
  });
});
