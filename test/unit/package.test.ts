import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('README and manifest', () => {
  it('has command and settings tables that match package.json (npm run docs)', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'readme-tables.mjs'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
  });

  it('gives every command the Talk Capture category and every setting a description', () => {
    for (const c of pkg.contributes.commands) assert.strictEqual(c.category, 'Talk Capture', c.command);
    for (const [key, p] of Object.entries<Record<string, unknown>>(pkg.contributes.configuration.properties)) {
      assert.ok(key.startsWith('talkCapture.'), key);
      assert.ok(p.markdownDescription || p.description, `${key} has a description`);
    }
  });

  it('marks a setting it replaced deprecated, naming a setting that exists, and keeps reading it', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { markdownDeprecationMessage?: string; deprecationMessage?: string }>;
    const deprecated = Object.entries(props).filter(([, p]) => p.markdownDeprecationMessage || p.deprecationMessage);
    assert.deepStrictEqual(deprecated.map(([k]) => k).sort(), ['talkCapture.completion.enabled', 'talkCapture.completion.whileTyping', 'talkCapture.talk.includeTime']);
    for (const [key, p] of deprecated) {
      assert.ok(p.markdownDeprecationMessage && p.deprecationMessage, `${key}: both messages (the Settings editor shows one, settings.json the other)`);
      const named = [...p.markdownDeprecationMessage.matchAll(/`(talkCapture\.[\w.]+)`/g)].map((m) => m[1]);
      assert.ok(named.length > 0 && named.every((n) => n in props && n !== key), `${key} names its replacement: ${named.join(', ')}`);
    }
  });

  it('activates on Markdown and its own contributions, never on everything', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.strictEqual(pkg.engines.vscode, '^1.85.0');
    assert.strictEqual(pkg.devDependencies['@types/vscode'], '1.85.0', '@types/vscode pinned to the engine floor');
  });

  it('names every file the manifest points at', () => {
    const files = [
      pkg.icon,
      ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      pkg.contributes.viewsContainers.activitybar[0].icon,
    ];
    for (const f of files) assert.ok(fs.existsSync(path.join(root, f)), `${f} exists`);
  });
});
