// What makes a bundle a web build (vscode.dev, github.dev: the browser's web-worker extension
// host), shared by scripts/build.mjs and the unit test that holds the guard to its word.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** esbuild options of a web bundle (the rest comes from the caller). */
export const webOptions = {
  platform: 'browser',
  format: 'cjs',
  // The web worker of VS Code for the web (evergreen browsers).
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
};

/**
 * An esbuild plugin that fails the build, naming the importer, when a web bundle reaches a Node
 * built-in (`fs`, `node:path`, ...): the browser's extension host has none. esbuild's browser
 * platform refuses most of them too; this says which file did it and why it matters, and also
 * catches the built-ins that an npm package of the same name would otherwise stand in for.
 * @returns {import('esbuild').Plugin}
 */
export function noNodeBuiltins(root) {
  return {
    name: 'no-node-builtins',
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        if (!builtinModules.includes(name) && !args.path.startsWith('node:')) return undefined;
        return { errors: [{ text: `${args.path} is a Node built-in, imported by ${path.relative(root, args.importer)}: the web build (vscode.dev) cannot use it` }] };
      });
    },
  };
}
