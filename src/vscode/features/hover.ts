/**
 * Hover over a project name (linked or not, or a typo of one): name, maturity, category,
 * homepage and repository.
 */
import * as vscode from 'vscode';
import { messageOf } from '../services/command';
import type { LandscapeEntry } from '../../core/landscape/landscapeIndex';
import { escapeLinkText, markdownUrl } from '../../core/landscape/text';
import type { FeatureContext } from '../services/feature';
import { analysisOf } from '../services/analysis';
import { getLandscape, initLandscape } from '../services/landscapeService';

export function registerHover(ctx: FeatureContext): void {
  initLandscape(ctx);
  const provider: vscode.HoverProvider = {
    async provideHover(doc, position) {
      try {
        await getLandscape();
        const a = analysisOf(doc);
        const offset = doc.offsetAt(position);
        const link = a.linked.find((l) => l.start <= offset && offset < l.end);
        if (link) return new vscode.Hover(describe(link.entry), new vscode.Range(doc.positionAt(link.start), doc.positionAt(link.end)));
        const m = a.mentions.find((x) => x.start <= offset && offset < x.end);
        if (!m) return undefined;
        const range = new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end));
        const md = describe(m.entry);
        if (m.reason === 'typo') md.appendMarkdown(`\n\nDid you mean **${escapeLinkText(m.entry.name)}**?`);
        else if (m.action === 'suggest') md.appendMarkdown(`\n\nProbably the project (an ordinary word too).`);
        return new vscode.Hover(md, range);
      } catch (err) {
        ctx.log.error(`Project hover failed: ${messageOf(err)}`);
        return undefined;
      }
    },
  };
  ctx.extension.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'markdown' }, provider));
}

/** The hover text of an entry. */
function describe(e: LandscapeEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeLinkText(e.name)}** — ${e.maturity ? `CNCF ${e.maturity}` : 'not a CNCF project'}\n\n`);
  md.appendMarkdown(`${escapeLinkText(e.category)}${e.subcategory ? ' / ' + escapeLinkText(e.subcategory) : ''}\n\n`);
  const home = markdownUrl(e.homepage);
  const repo = markdownUrl(e.repo);
  if (home) md.appendMarkdown(`[Homepage](${home})`);
  if (home && repo) md.appendMarkdown(' · ');
  if (repo) md.appendMarkdown(`[Repository](${repo})`);
  return md;
}
