import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Files that hold a password or a key (the embedded cluster's credentials, the key that signs session cookies,
// docs/decisions/031-database-roles-and-secrets.md): readable and writable by their owner only, never seen
// half-written.

const PRIVATE = 0o600;

function temporaryBeside(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Creates `file` with `content`, mode 0600, unless it exists; true when this call created it. Of two processes
 * creating it at once exactly one wins (a hard link fails on an existing name), and both then read its content.
 */
export function createPrivateFile(file: string, content: string): boolean {
  const temporary = temporaryBeside(file);
  fs.writeFileSync(temporary, content, { mode: PRIVATE, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** The content of `file`, or null when it does not exist; a file others could read is first narrowed to 0600. */
export function readPrivateFile(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE);
  return fs.readFileSync(file, 'utf8');
}
