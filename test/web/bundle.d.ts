// The suite (and the extension's web build it reaches through the API's types) are CommonJS
// bundles made by esbuild, which supplies these two names; the worker itself has neither.
declare const module: { exports: unknown };
declare function require(id: string): unknown;
