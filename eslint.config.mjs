import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const BROWSER = 'The browser build (vscode.dev) has no Node built-ins: use vscode.workspace.fs, TextDecoder, fetch, vscode.Uri.';
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`].map((name) => ({ name, message: BROWSER })));
const NO_CLOCK = 'Unit tests assert behaviour, never time: prove linearity by counting work (steps per input byte as the input grows ×10) and put timings in `npm run bench`.';
// Commands are registered through the wrapper in services/command.ts (a failure is logged and shown as
// "Talk Capture: NAME failed: …", never thrown into the workbench).
const ONE_WRAPPER = {
  selector: "MemberExpression[object.property.name='commands'][property.name=/^register(TextEditor)?Command$/]",
  message: 'Register commands through registerCommand (src/vscode/services/command.ts).',
};
// Settings are read through services/settings.ts: one sanitised getter per setting (a hostile or
// mistyped value gets the default), old keys read in one place.
const ONE_SETTINGS = {
  selector: "MemberExpression[property.name='getConfiguration']",
  message: 'Read settings through a getter of src/vscode/services/settings.ts.',
};
const noVscode = { name: 'vscode', message: 'src/core, src/language and the CLI must not import vscode; put editor code in src/vscode/.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'examples/**', 'test/fixtures/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Journeys run in Node, but the callbacks they hand to page.evaluate run in the workbench page.
    files: ['test/journey/**/*.mjs'],
    languageOptions: {
      globals: { document: 'readonly', window: 'readonly', MutationObserver: 'readonly', describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly' },
    },
  },
  {
    // Unit tests assert behaviour, never time: a clock in a test is a future flake on a busy machine.
    files: ['test/unit/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          ['Date', 'now'],
          ['performance', 'now'],
          ['process', 'hrtime'],
          ['globalThis', 'performance'],
        ].map(([object, property]) => ({ object, property, message: NO_CLOCK })),
      ],
      'no-restricted-imports': ['error', { paths: ['perf_hooks', 'node:perf_hooks'].map((name) => ({ name, message: NO_CLOCK })) }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Type-aware checks for the product code: a promise is awaited, returned or marked `void`
    // on purpose, and never handed where a plain callback is expected.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // What the browser build (vscode.dev) reaches has no Node: no built-in modules, no Buffer,
    // no process (the build refuses built-ins too; this says so while typing).
    files: ['src/core/**/*.ts', 'src/language/**/*.ts', 'src/vscode/**/*.ts', 'src/extension.ts', 'test/web/**/*.ts', 'test/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins }],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'The browser build has no Buffer: use Uint8Array, TextEncoder and TextDecoder.' },
        { name: 'process', message: 'The browser build has no process object (read `globalThis.process` where a Node-only test hook needs it).' },
        { name: '__dirname', message: 'The browser build has no __dirname: use the extension’s URI.' },
      ],
    },
  },
  {
    // The Node build's schedule parse in a worker thread (scripts/build.mjs puts it in place of
    // offThread.ts; the web build never reaches it).
    files: ['src/vscode/services/offThread.node.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    // The web suite's `assert` is the npm polyfill bundled for the browser.
    files: ['test/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: nodeBuiltins.filter((p) => p.name !== 'assert') }] },
  },
  {
    // One way to register a command, one place that reads settings (see ONE_WRAPPER, ONE_SETTINGS).
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    ignores: ['src/vscode/services/command.ts', 'src/vscode/services/settings.ts'],
    rules: { 'no-restricted-syntax': ['error', ONE_WRAPPER, ONE_SETTINGS] },
  },
  { files: ['src/vscode/services/command.ts'], rules: { 'no-restricted-syntax': ['error', ONE_SETTINGS] } },
  { files: ['src/vscode/services/settings.ts'], rules: { 'no-restricted-syntax': ['error', ONE_WRAPPER] } },
  {
    // The core and the CLI never depend on the editor: they are shared by both.
    files: ['src/cli/**/*.ts', 'src/cli.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    // The core and the language features run in the CLI, the tests and the browser: no editor, no Node.
    files: ['src/core/**/*.ts', 'src/language/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, ...nodeBuiltins] }] },
  },
);
