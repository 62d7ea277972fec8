/**
 * Loads mocha's browser build (the web worker has no `require`, no file system) and sets up the
 * BDD interface before the test files are evaluated: index.ts imports this module first.
 */
import 'mocha/mocha.js';

// The spec reporter logs through console.log, which the worker host forwards to the workbench
// (the runner reads it there). Long timeouts: the machine may be busy.
mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });

// The reporter's lines are marked so that the runner tells them from the workbench's own log
// (it formats them: the worker forwards console arguments unformatted).
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log('@@mocha', ...args);
