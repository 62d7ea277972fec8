// The npm `assert` polyfill (and the `util` it uses) read `process.env` and a few more; this
// object stands in for them inside the web test bundle only (esbuild `inject`). It is not put
// on globalThis: the suite asserts that the worker has no `process`.
export const process = {
  env: {},
  version: '',
  versions: {},
  platform: 'browser',
  argv: [],
  emitWarning: undefined,
  nextTick: (fn, ...args) => Promise.resolve().then(() => fn(...args)),
};
