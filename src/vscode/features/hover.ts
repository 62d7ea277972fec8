/**
 * Hover over a project name: the editor's side of src/language/hover.ts (offsets to positions,
 * Markdown to a `vscode.Hover`).
 */
import * as vscode from 'vscode';
import { ProjectHoverProvider } from '../../language/hover';
import { messageOf } from '../services/command';
import type { FeatureContext } from '../services/feature';
import { languageServices, noteDocument } from '../services/language';

export function registerHover(ctx: FeatureContext): void {
  const services = languageServices(ctx);
  const hovers = new ProjectHoverProvider(services);
  const provider: vscode.HoverProvider = {
    async provideHover(doc, position) {
      try {
        const h = await hovers.provideHover(noteDocument(doc), doc.offsetAt(position));
        if (!h) return undefined;
        return new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end)));
      } catch (err) {
        services.log.error(`Project hover failed: ${messageOf(err)}`);
        return undefined;
      }
    },
  };
  ctx.extension.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'markdown' }, provider));
}
