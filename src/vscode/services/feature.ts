import type * as vscode from 'vscode';
import type { TalkCaptureApi } from '../api';

/**
 * What activate() hands each feature. `api` is returned from activate() as the extension's
 * exports: features put there what the integration tests need to observe (tree providers,
 * the running talk, ...), each member typed in api.ts. Nothing heavy may happen in a feature's
 * register function: it runs at activation.
 */

export interface FeatureContext {
  extension: vscode.ExtensionContext;
  api: TalkCaptureApi;
  log: vscode.LogOutputChannel;
}

export type Feature = (ctx: FeatureContext) => void;
