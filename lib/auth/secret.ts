import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';
import { createPrivateFile, readPrivateFile } from '@/lib/private-file';

// The key that signs session cookies (docs/decisions/031-database-roles-and-secrets.md): AUTH_SECRET, or the key
// of .data/auth-secret, created once (mode 0600) by the first process that needs it. No table holds it: anyone
// who could read it could forge a session, and the app's database role must not be such a reader. Several
// instances behind a proxy must share it, so they set the same AUTH_SECRET (one machine's file is not shared).

/** Where the key is kept when AUTH_SECRET is unset, relative to the directory the app runs from. */
export const AUTH_SECRET_FILE = '.data/auth-secret';

const MIN_LENGTH = 32;
const cache = globalThis as unknown as { bienCheAuthSecret?: { file: string; value: string } };

export function authSecretFile(root = process.cwd()): string {
  return path.join(root, AUTH_SECRET_FILE);
}

/** AUTH_SECRET from the environment, else the key of AUTH_SECRET_FILE (read once per process). */
export function getAuthSecret(): string {
  const fromEnv = env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = authSecretFile();
  if (cache.bienCheAuthSecret?.file !== file) cache.bienCheAuthSecret = { file, value: readOrCreateAuthSecret(file) };
  return cache.bienCheAuthSecret.value;
}

/** The key in `file`, created (random, mode 0600) when missing; processes creating it at once all get one key. */
export function readOrCreateAuthSecret(file: string): string {
  let text = readPrivateFile(file);
  if (text === null) {
    createPrivateFile(file, randomBytes(32).toString('base64url') + '\n');
    text = readPrivateFile(file) ?? '';
  }
  const value = text.trim();
  if (value.length < MIN_LENGTH) throw new Error(defaultMessage('system.authSecret.tooShort', { file }));
  return value;
}
