import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// One mutation shape (docs/decisions/021-one-mutation-shape.md): every write lives in lib/db/<entity>-mutations.ts
// and runs through ctx.write; no file under app/, components/ or lib/actions/ writes with Prisma itself.

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['app', 'components', 'lib/actions'];

/** defineAction opens the one transaction of ctx.write: the only `$transaction` the scanned folders may hold. */
const TRANSACTION_OWNER = 'lib/actions/define-action.ts';

// TEMPORARY: the secondment and transfer actions are being converted right now (decision 021). Remove each
// folder from this list as its conversion lands; remove the list when both have.
const NOT_YET_CONVERTED = ['lib/actions/secondments/', 'lib/actions/transfers/'];

const MODEL_WRITE = /(?:\b(?:tx|db|database|prisma)|\bdb\(\))\s*\.\s*[A-Za-z_$][\w$]*\s*\.\s*(?:create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\s*\(/;
const RAW_WRITE = /\$executeRaw/;
const TRANSACTION = /\$transaction\b/;

/** Comments may name what they forbid; only code counts. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function writesIn(file: string, source: string): string[] {
  const text = code(source);
  const found: string[] = [];
  if (MODEL_WRITE.test(text)) found.push('model write');
  if (RAW_WRITE.test(text)) found.push('$executeRaw');
  if (TRANSACTION.test(text) && file !== TRANSACTION_OWNER) found.push('$transaction');
  return found;
}

function sources(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

describe('one mutation shape', () => {
  it.each([
    ['a model write on tx', 'await tx.user.create({ data })', ['model write']],
    ['a model write on ctx.db over lines', 'await ctx.db\n  .position\n  .deleteMany({ where })', ['model write']],
    ['a model write on db()', 'db().session.delete({ where: { id } })', ['model write']],
    ['an upsert on db', 'await db.quota.upsert({ where, create, update })', ['model write']],
    ['a raw write', "await tx.$executeRawUnsafe('UPDATE x SET y = 1')", ['$executeRaw']],
    ['a transaction', 'await ctx.db.$transaction(async (tx) => null)', ['$transaction']],
    ['a read', 'await ctx.db.position.findFirst({ where })', []],
    ['a mutation function of lib/db', 'await positions.deletePosition(tx, { positionId, version })', []],
    ['a comment', '// never tx.user.update( here, nor $transaction\n/* db.x.delete( */ const a = 1;', []],
    ['code after a URL on the same line', "const url = 'https://example.org'; await tx.user.create({ data })", ['model write']],
  ])('the scan sees %s', (_label, source, expected) => {
    expect(writesIn('lib/actions/example/example.ts', source)).toEqual(expected);
  });

  it('no Prisma write under app/, components/ or lib/actions/ (writes go to lib/db/<entity>-mutations.ts)', () => {
    const files = SCANNED.flatMap(sources);
    expect(files).toContain(TRANSACTION_OWNER);
    const offenders = files
      .filter((file) => !NOT_YET_CONVERTED.some((folder) => file.startsWith(folder)))
      .map((file) => ({ file, writes: writesIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8')) }))
      .filter(({ writes }) => writes.length > 0);
    expect(offenders).toEqual([]);
  });
});
