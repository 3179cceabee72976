// The catalogue slice app/global-error.tsx shows (the product's name and the error texts): written to
// lib/generated/shell-messages.json from the catalogues at install and whenever Next loads its configuration (every
// build), so the browser's code carries these few strings rather than the whole catalogue (a JSON import is never
// tree-shaken). The catalogues stay the one source; the file is rewritten only when its content changes, so the
// build-state check (scripts/lib/build-state.ts) does not see a change that is not one.
import fs from 'node:fs';
import path from 'node:path';

export const SHELL_NAMESPACES = ['app', 'errors'];

export function shellMessages(root = process.cwd()) {
  const vi = JSON.parse(fs.readFileSync(path.join(root, 'lib/i18n/messages/vi.json'), 'utf8'));
  return Object.fromEntries(SHELL_NAMESPACES.map((ns) => [ns, vi[ns]]));
}

export function writeShellMessages(root = process.cwd()) {
  const file = path.join(root, 'lib/generated/shell-messages.json');
  const content = `${JSON.stringify(shellMessages(root), null, 2)}\n`;
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}
