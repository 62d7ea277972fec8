/** The extension's typed API for the suites that run inside VS Code (integration: Node; web: the browser's worker). */
import * as vscode from 'vscode';
import type { TalkCaptureApi } from '../../src/vscode/api';

export const EXTENSION_ID = 'talkcapture.talk-capture';

/** The activated extension's exports (src/vscode/api.ts). */
export async function getApi(): Promise<TalkCaptureApi> {
  const ext = vscode.extensions.getExtension<TalkCaptureApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext.activate();
}

/** One feature's part of the API (`api.todosView`, ...), failing the test when the feature did not register. */
export async function getApiOf<K extends keyof TalkCaptureApi>(key: K): Promise<NonNullable<TalkCaptureApi[K]>> {
  const part = (await getApi())[key];
  if (part === undefined || part === null) throw new Error(`the extension does not expose api.${key}`);
  return part;
}
