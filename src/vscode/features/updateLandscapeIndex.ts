/**
 * Update Landscape Index: loads a CNCF landscape.yml (downloaded or chosen), checks it, and keeps
 * the built index in global storage, where the landscape service finds it at the next start.
 * The editor's side of src/language/updateLandscapeIndex.ts: the questions, the progress, the
 * files through `vscode.workspace.fs`, the messages.
 */
import * as vscode from 'vscode';
import { fetchLandscapeText } from '../../core/landscape/update';
import type { FeatureContext } from '../services/feature';
import { registerCommand } from '../services/command';
import { getLandscape, setLandscape, storedIndexUri } from '../services/landscapeService';
import { landscapeUrl } from '../services/settings';
import { CHOOSE_A_FILE, LandscapeUpdater, type LandscapeUpdateResult, type LandscapeYamlSource } from '../../language/updateLandscapeIndex';

interface UpdateIndexArgs {
  /** Load from this URL (https:, or http: to this machine) without asking. */
  url?: string;
  /** Load this landscape.yml without asking: a path, or a URI string / Uri (a workspace in a browser has no paths). */
  file?: string | vscode.Uri;
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

function updater(ctx: FeatureContext): LandscapeUpdater<vscode.Uri> {
  return new LandscapeUpdater<vscode.Uri>({
    landscape: getLandscape,
    fetchText: (url, signal) => fetchLandscapeText(url, { signal }),
    readFile: async (file) => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file)),
    store: async (file) => {
      const target = storedIndexUri();
      if (!target) return;
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(file)));
    },
    use: (index) => setLandscape(index, 'updated'),
    withProgress: (title, task) =>
      Promise.resolve(
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
          const ctrl = new AbortController();
          token.onCancellationRequested(() => ctrl.abort());
          return task((message) => progress.report({ message }), ctrl.signal);
        }),
      ),
    log: ctx.log,
  });
}

/** Loads a landscape.yml, checks it, stores the index in global storage and uses it. Never throws. */
async function updateLandscapeIndex(ctx: FeatureContext, args?: UpdateIndexArgs): Promise<LandscapeUpdateResult> {
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
  const yaml: LandscapeYamlSource<vscode.Uri> =
    'url' in source
      ? source
      : { file: source.file, where: source.file.scheme === 'file' ? source.file.fsPath : source.file.toString(true), name: source.file.path.split('/').pop() ?? '' };
  const report = await updater(ctx).update(yaml);
  if (!report.action) {
    void (report.kind === 'info' ? vscode.window.showInformationMessage(report.message) : vscode.window.showErrorMessage(report.message));
    return report.result;
  }
  // A download that failed (a browser refusing a cross-origin request, a proxy…) has a way
  // out: a landscape.yml downloaded by hand. Not awaited: the command ends now.
  void vscode.window.showErrorMessage(report.message, report.action).then(async (answer) => {
    if (answer !== CHOOSE_A_FILE) return;
    const picked = await chooseLandscapeFile();
    if (picked) await updateLandscapeIndex(ctx, { file: picked });
  });
  return report.result;
}
