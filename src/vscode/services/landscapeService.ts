/**
 * The landscape index for the editor: loaded on first use (never in activate()), once. An index
 * stored by "Update Landscape Index" in the extension's global storage wins over the bundled
 * data/landscape.json; a broken stored index is ignored (and said so in the log). A note's
 * mentions are in its analysis (./analysis.ts), matched against the loaded index.
 */
import * as vscode from 'vscode';
import { messageOf } from './command';
import { LandscapeIndex } from '../../core/landscape/landscapeIndex';
import { parseIndexFile } from '../../core/landscape/indexFile';
import type { LandscapeApi } from '../api';
import type { FeatureContext } from './feature';

/** File name of the updated index in the extension's global storage. */
const STORED_INDEX = 'landscape.json';

let context: FeatureContext | undefined;
let loading: Promise<LandscapeIndex> | undefined;
let current: LandscapeIndex | undefined;
let origin: 'bundled' | 'updated' = 'bundled';
let lastLoadMs: number | undefined;
const changed = new vscode.EventEmitter<LandscapeIndex>();

/** Fires when Update Landscape Index installs a new index. */
export const onDidChangeLandscape = changed.event;

/**
 * Remembers the extension context (cheap; called by each landscape feature's register
 * function) and puts the test hooks on `ctx.api.landscape`.
 */
export function initLandscape(ctx: FeatureContext): void {
  if (context) return;
  context = ctx;
  ctx.api.landscape = {
    get: getLandscape,
    loadMs: () => lastLoadMs,
    origin: () => origin,
    loaded: () => current !== undefined,
    reset: resetLandscape,
  } satisfies LandscapeApi;
}

/** Deletes the stored updated index and installs the bundled one. */
async function resetLandscape(): Promise<LandscapeIndex> {
  const stored = storedIndexUri();
  if (stored) await Promise.resolve(vscode.workspace.fs.delete(stored)).catch(() => undefined);
  const started = performance.now();
  const index = done(new LandscapeIndex(parseIndexFile(await readBundled())), 'bundled', started);
  setLandscape(index, 'bundled');
  return index;
}

/** The index, loading it on first call. Never rejects: the bundled index is the fallback. */
export function getLandscape(): Promise<LandscapeIndex> {
  if (current) return Promise.resolve(current);
  return (loading ??= load());
}

/** The index when it is loaded, else undefined (never starts a load). */
export function loadedLandscape(): LandscapeIndex | undefined {
  return current;
}

/** Installs a new index (after an update) and tells the features. */
export function setLandscape(index: LandscapeIndex, from: 'bundled' | 'updated'): void {
  current = index;
  origin = from;
  loading = Promise.resolve(index);
  changed.fire(index);
}

export function storedIndexUri(): vscode.Uri | undefined {
  return context ? vscode.Uri.joinPath(context.extension.globalStorageUri, STORED_INDEX) : undefined;
}

async function load(): Promise<LandscapeIndex> {
  const started = performance.now();
  const stored = storedIndexUri();
  if (stored) {
    try {
      const bytes = await vscode.workspace.fs.readFile(stored);
      const index = new LandscapeIndex(parseIndexFile(new TextDecoder('utf-8').decode(bytes)));
      return done(index, 'updated', started);
    } catch (err) {
      if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) {
        context?.log.warn(`The updated landscape index could not be read (${messageOf(err)}); using the bundled one.`);
      }
    }
  }
  const text = await readBundled();
  return done(new LandscapeIndex(parseIndexFile(text)), 'bundled', started);
}

function done(index: LandscapeIndex, from: 'bundled' | 'updated', started: number): LandscapeIndex {
  lastLoadMs = performance.now() - started;
  current = index;
  origin = from;
  context?.log.info(`Landscape index (${from}, ${index.entries.length} entries) loaded in ${lastLoadMs.toFixed(1)} ms`);
  return index;
}

/** The bundled data/landscape.json, read from the extension's own URI (a file, or a web address in a browser). */
async function readBundled(): Promise<string> {
  if (!context) throw new Error('the extension is not activated');
  const uri = vscode.Uri.joinPath(context.extension.extensionUri, 'data', 'landscape.json');
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}
