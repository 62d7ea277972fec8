// Mocha reporter for the unit layer: the usual spec output, plus a JSON summary
// (passes, failures, pending, tests) in $TALK_CAPTURE_UNIT_RESULTS for test/runner/all.mjs.
const fs = require('fs');
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.TALK_CAPTURE_UNIT_RESULTS;
      if (!file) return;
      const { passes, failures, pending, tests } = runner.stats;
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, tests }));
    });
  }
}

module.exports = SpecWithSummary;
