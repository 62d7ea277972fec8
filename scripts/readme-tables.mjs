// Regenerates the commands and settings tables of README.md from package.json (between the
// <!-- commands:start/end --> and <!-- settings:start/end --> markers).
//   --check   exit 1 when README.md is not current (a unit test runs this)
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function tables(pkg) {
  const c = pkg.contributes;
  const keys = new Map(c.keybindings.map((k) => [k.command, k]));
  const hidden = new Set(c.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
  const inViews = new Set([...c.menus['view/title'], ...c.menus['view/item/context']].map((m) => m.command));
  const inEditor = new Set(c.menus['editor/context'].map((m) => m.command));
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const commands = [
    '| Command | Keybinding (Windows/Linux · macOS) | Where |',
    '| --- | --- | --- |',
    ...c.commands.map((cmd) => {
      const k = keys.get(cmd.command);
      const where = [hidden.has(cmd.command) ? null : 'palette', inViews.has(cmd.command) ? 'Talk Capture views' : null, inEditor.has(cmd.command) ? 'editor context menu' : null]
        .filter(Boolean)
        .join(', ');
      return `| **${esc(cmd.category)}: ${esc(cmd.title)}** \`${cmd.command}\` | ${k ? `\`${k.key}\` · \`${k.mac ?? k.key}\`` : ''} | ${where} |`;
    }),
  ].join('\n');
  const settings = [
    '| Setting | Default | Description |',
    '| --- | --- | --- |',
    ...Object.entries(c.configuration.properties).map(([key, p]) => {
      const def = JSON.stringify(p.default);
      const deprecated = p.markdownDeprecationMessage ?? p.deprecationMessage;
      const desc = ((deprecated ? `**Deprecated:** ${deprecated} ` : '') + (p.markdownDescription ?? p.description ?? '')).replace(/\n+/g, ' ');
      const values = p.enum ? ` Values: ${p.enum.map((v) => `\`${v}\``).join(', ')}.` : '';
      return `| \`${key}\` | \`${esc(def)}\` | ${esc(desc)}${values} |`;
    }),
  ].join('\n');
  return { commands, settings };
}

export function render(readme, pkg) {
  const t = tables(pkg);
  let out = readme;
  for (const [name, body] of Object.entries(t)) {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
    out = out.replace(re, `$1\n${body}\n$2`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const next = render(readme, pkg);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md tables are out of date: run `npm run docs`.');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(readmePath, next);
    console.log('README.md tables updated');
  }
}
