// Types of scripts/start-lib.mjs for the unit tests.
export interface PlaygroundPaths {
  notes: string;
  state: string;
  userData: string;
  extensions: string;
  seeded: string;
}
export function dependenciesMissing(root: string): string | undefined;
export function nestedNpmEnv(env?: NodeJS.ProcessEnv): Record<string, string | undefined>;
export function installDependencies(root: string, options?: { env?: NodeJS.ProcessEnv; log?: (msg: string) => void }): boolean;
export function listFiles(dir: string): string[];
export function playgroundPaths(root: string, env?: NodeJS.ProcessEnv): PlaygroundPaths;
export function examplesToCopy(examples: string[], existing: string[], seededBefore: string[] | undefined): string[];
export function seedPlayground(examplesDir: string, paths: PlaygroundPaths, options?: { ours?: boolean }): { copied: string[]; adopted: boolean };
export function firstNote(files: string[]): string | undefined;
