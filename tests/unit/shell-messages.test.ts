import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import vi from '@/lib/i18n/messages/vi.json';
import { SHELL_NAMESPACES, shellMessages, writeShellMessages } from '../../scripts/lib/shell-messages.mjs';

// app/global-error.tsx runs in the browser without the catalogue: its strings come from a slice written from the
// catalogue, so the whole catalogue (about 48 KB gzip) is not in every page's code.
describe('the shell messages slice', () => {
  it('holds exactly the catalogue’s app and errors namespaces', () => {
    writeShellMessages();
    const written = JSON.parse(fs.readFileSync('lib/generated/shell-messages.json', 'utf8'));
    expect(written).toEqual({ app: vi.app, errors: vi.errors });
    expect(shellMessages()).toEqual(written);
    expect(SHELL_NAMESPACES).toEqual(['app', 'errors']);
  });

  it('is what the root error page reads, never the catalogue itself', () => {
    const source = fs.readFileSync('app/global-error.tsx', 'utf8');
    expect(source).toContain("from '@/lib/generated/shell-messages.json'");
    expect(source).not.toMatch(/lib\/i18n\/messages\//);
  });

  it('is not rewritten when nothing changed (a rewrite would make the build look stale)', () => {
    writeShellMessages();
    const before = fs.statSync('lib/generated/shell-messages.json').mtimeMs;
    writeShellMessages();
    expect(fs.statSync('lib/generated/shell-messages.json').mtimeMs).toBe(before);
  });
});
