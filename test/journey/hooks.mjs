// Mocha root hooks of the journey layer: one workbench for all journeys; a failing journey
// leaves a screenshot and the page's last console lines, and says where.
import { screenshot, session, startSession, stopSession } from './harness.mjs';

export const mochaHooks = {
  async beforeAll() {
    this.timeout(240_000);
    await startSession();
  },
  async afterEach() {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const file = await screenshot(`FAILED ${test.fullTitle()}`);
    console.log(`    screenshot: ${file}`);
    console.log(
      `    last console lines of the page:\n${session.console
        .slice(-25)
        .map((l) => `      ${l.slice(0, 300)}`)
        .join('\n')}`,
    );
  },
  async afterAll() {
    this.timeout(30_000);
    await stopSession();
  },
};
