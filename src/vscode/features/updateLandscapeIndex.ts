/**
 * Update Landscape Index: loads a CNCF landscape.yml (downloaded or chosen), checks it, and keeps
 * the built index in global storage, where the landscape service finds it at the next start.
 */
import * as vscode from 'vscode';
import { LandscapeIndex } from '../../core/landscape/landscapeIndex';
import { buildUpdatedIndex, fetchLandscapeText, urlProblem } from '../../core/landscape/update';
import type { FeatureContext } from '../services/feature';
import { messageOf, registerCommand } from '../services/command';
import { getLandscape, setLandscape, storedIndexUri } from '../services/landscapeService';
import { landscapeUrl } from '../services/settings';

interface UpdateIndexArgs {
  /** Load from this URL (https:, or http: to this machine) without asking. */
  url?: string;
  /** Load this landscape.yml without asking: a path, or a URI string / Uri (a workspace in a browser has no paths). */
  file?: string | vscode.Uri;
}
interface UpdateResult {
  ok: boolean;
  entries?: number;
  error?: string;
}

export function registerUpdateLandscapeIndex(ctx: FeatureContext): void {
  registerCommand(ctx, 'talkCapture.updateLandscapeIndex', 'Update Landscape Index', (args) => updateLandscapeIndex(ctx, args as UpdateIndexArgs | undefined));
}

/** A file given to the command: a Uri, a URI string (a workspace in a browser has no paths) or a path. */
function fileArg(file: string | vscode.Uri): vscode.Uri {
  if (file instanceof vscode.Uri) return file;
  return /^[a-z][\w+.-]+:\/\//i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}

async function chooseLandscapeFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Landscape YAML': ['yml', 'yaml'] }, title: 'Choose a CNCF landscape.yml' });
  return picked?.[0];
}

/** Loads a landscape.yml, checks it, stores the index in global storage and uses it. Never throws. */
async function updateLandscapeIndex(ctx: FeatureContext, args?: UpdateIndexArgs): Promise<UpdateResult> {
  let source: { url: string } | { file: vscode.Uri } | undefined;
  if (args?.url) source = { url: args.url };
  else if (args?.file) source = { file: fileArg(args.file) };
  else {
    const configured = landscapeUrl();
    const choice = await vscode.window.showQuickPick(
      [
        { label: '$(cloud-download) Download', description: configured, id: 'url' },
        { label: '$(file) Choose a landscape.yml file…', id: 'file' },
      ],
      { title: 'Update Landscape Index' },
    );
    if (!choice) return { ok: false, error: 'cancelled' };
    if (choice.id === 'url') source = { url: configured };
    else {
      const picked = await chooseLandscapeFile();
      if (!picked) return { ok: false, error: 'cancelled' };
      source = { file: picked };
    }
  }
  const where = 'url' in source ? source.url : source.file.scheme === 'file' ? source.file.fsPath : source.file.toString(true);
  const fromUrl = 'url' in source;
  const fail = (reason: string): UpdateResult => {
    ctx.log.warn(`Update Landscape Index: ${reason}`);
    const message = `Talk Capture: the landscape index was not updated: ${reason}. The current index stays in use.`;
    // A download that failed (a browser refusing a cross-origin request, a proxy…) has a way
    // out: a landscape.yml downloaded by hand. Not awaited: the command ends now.
    if (!fromUrl) void vscode.window.showErrorMessage(message);
    else {
      void vscode.window.showErrorMessage(`${message} You can download landscape.yml yourself and choose the file.`, 'Choose a File…').then(async (answer) => {
        if (answer !== 'Choose a File…') return;
        const picked = await chooseLandscapeFile();
        if (picked) await updateLandscapeIndex(ctx, { file: picked });
      });
    }
    return { ok: false, error: reason };
  };
  if ('url' in source) {
    const problem = source.url ? urlProblem(source.url) : 'no URL set (talkCapture.landscape.url)';
    if (problem) return fail(problem);
  }
  try {
    const current = await getLandscape();
    const file = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Talk Capture: updating the landscape index', cancellable: true },
      async (progress, token) => {
        const ctrl = new AbortController();
        token.onCancellationRequested(() => ctrl.abort());
        progress.report({ message: `loading ${where}` });
        const yaml =
          'url' in source ? await fetchLandscapeText(source.url, { signal: ctrl.signal }) : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source.file));
        if (token.isCancellationRequested) throw new Error('cancelled');
        progress.report({ message: 'checking and building the index' });
        // Record where it came from, but never a local path: a file is named by its base name.
        const sourceUrl = 'url' in source ? source.url : source.file.path.split('/').pop() || 'landscape.yml';
        return buildUpdatedIndex(yaml, sourceUrl, current);
      },
    );
    const index = new LandscapeIndex(file);
    const target = storedIndexUri();
    if (target) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(file)));
    }
    setLandscape(index, 'updated');
    const cncf = file.entries.filter((e) => e.maturity).length;
    void vscode.window.showInformationMessage(`Talk Capture: landscape index updated: ${file.entries.length} entries, ${cncf} CNCF projects.`);
    return { ok: true, entries: file.entries.length };
  } catch (err) {
    return fail(messageOf(err));
  }
}
