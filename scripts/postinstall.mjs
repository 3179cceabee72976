// Generates the Prisma client after install. The Prisma 6.19 CLI needs DATABASE_URL set even for
// `generate` (otherwise it tries to download a native engine); a placeholder is enough here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { writeShellMessages } from './lib/shell-messages.mjs';
if (fs.existsSync('prisma/schema.prisma')) {
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/app', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

if (fs.existsSync('lib/i18n/messages/vi.json')) writeShellMessages();
