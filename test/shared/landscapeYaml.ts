/** Test data shared by the integration and web suites (no Node, no vscode: both bundles take it). */
import type { LandscapeIndex } from '../../src/core/landscape/landscapeIndex';

/** A landscape.yml of the index's entries (facts only), for the update test. */
export function toYaml(index: LandscapeIndex): string {
  const lines = ['landscape:'];
  const cats = new Map<string, Map<string, typeof index.entries>>();
  for (const e of index.entries) {
    const c = cats.get(e.category) ?? new Map();
    cats.set(e.category, c);
    c.set(e.subcategory, [...(c.get(e.subcategory) ?? []), e]);
  }
  for (const [cat, subs] of cats) {
    lines.push('  - category:', `    name: ${JSON.stringify(cat)}`, '    subcategories:');
    for (const [sub, entries] of subs) {
      lines.push('      - subcategory:', `        name: ${JSON.stringify(sub)}`, '        items:');
      for (const e of entries) {
        lines.push('          - item:', `            name: ${JSON.stringify(e.name)}`);
        if (e.homepage) lines.push(`            homepage_url: ${JSON.stringify(e.homepage)}`);
        if (e.repo) lines.push(`            repo_url: ${JSON.stringify(e.repo)}`);
        if (e.maturity) lines.push(`            project: ${e.maturity}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
