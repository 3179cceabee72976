import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The demo writes its stories through the application's mutations (lib/demo/replay.ts): no file under lib/demo writes
// the workflows' tables itself, in SQL or with Prisma. Only the bulk loader of a generated province
// (lib/demo/load.ts) inserts the roster's assignments, as an import does.

const ROOT = path.resolve(__dirname, '../..');
const DEMO = 'lib/demo';
const ROSTER_LOADER = 'lib/demo/load.ts';

const WORKFLOW_TABLES = ['secondment_phase', 'secondment_list', 'secondment_candidate', 'secondment', 'conclusion', 'transfer', 'decision', 'assignment', 'audit_log', 'support_request', 'support_visit', 'support_answer', 'working_group'];
const WORKFLOW_MODELS = ['secondmentPhase', 'secondmentList', 'secondmentCandidate', 'secondment', 'conclusion', 'transfer', 'decision', 'assignment', 'auditLog', 'supportRequest', 'supportVisit', 'supportAnswer', 'workingGroup'];

const sqlWrite = (table: string) => new RegExp(`\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"?${table}"?(?![\\w])`, 'i');
const modelWrite = (model: string) =>
  new RegExp(`\\.\\s*${model}\\s*\\.\\s*(?:create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\\s*\\(`);

/** Comments may name what they forbid; only code counts. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

/** The workflow tables a source writes itself. */
function workflowWrites(file: string, source: string): string[] {
  const text = code(source);
  return [
    ...WORKFLOW_TABLES.filter((table) => sqlWrite(table).test(text) && !(file === ROSTER_LOADER && table === 'assignment' && !/\b(?:UPDATE|DELETE\s+FROM)\s+assignment\b/i.test(text)))
      .map((table) => `SQL ${table}`),
    ...WORKFLOW_MODELS.filter((model) => modelWrite(model).test(text)).map((model) => `Prisma ${model}`),
    ...(/\brecordAuditRows\b|\bauditInsertSelect\b/.test(text) ? ['audit rows outside a mutation’s transaction'] : []),
  ];
}

describe('the demo writes its stories through the mutations', () => {
  it.each([
    ['an INSERT into a list', 'lib/demo/x.ts', 'await client.query(`INSERT INTO secondment_list (phase_id) VALUES ($1)`)', ['SQL secondment_list']],
    ['an UPDATE of an assignment in the loader', ROSTER_LOADER, "client.query('UPDATE assignment SET end_date = $2 WHERE id = $1')", ['SQL assignment']],
    ['the roster load of assignments', ROSTER_LOADER, 'INSERT INTO assignment (cadre_id) SELECT 1', []],
    ['a decision recorded by hand', 'lib/demo/x.ts', 'INSERT INTO decision (province_id) VALUES (1)', ['SQL decision']],
    ['a Prisma write of a transfer', 'lib/demo/x.ts', 'await tx.transfer.update({ where, data })', ['Prisma transfer']],
    ['bulk audit rows', 'lib/demo/x.ts', 'await recordAuditRows(client, rows)', ['audit rows outside a mutation’s transaction']],
    ['a read', 'lib/demo/x.ts', 'SELECT id FROM transfer WHERE province_id = $1', []],
    ['a mutation call', 'lib/demo/x.ts', 'await secondments.placeCandidate(tx, input, clock.at)', []],
    ['a comment naming it', 'lib/demo/x.ts', '// never INSERT INTO transfer here', []],
  ])('the scan sees %s', (_label, file, source, expected) => {
    expect(workflowWrites(file, source)).toEqual(expected);
  });

  it('no file under lib/demo writes a workflow table or the audit trail itself', () => {
    const offenders = sources(DEMO).flatMap((file) => workflowWrites(file, fs.readFileSync(path.join(ROOT, file), 'utf8')).map((write) => `${file}: ${write}`));
    expect(offenders).toEqual([]);
  });

  it('the stories call the mutations of lib/db', () => {
    const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(read('lib/demo/secondments.ts')).toMatch(/from '@\/lib\/db\/secondment-mutations'/);
    expect(read('lib/demo/secondments.ts')).toMatch(/from '@\/lib\/db\/decision-mutations'/);
    expect(read('lib/demo/transfers.ts')).toMatch(/from '@\/lib\/db\/transfer-mutations'/);
    expect(read('lib/demo/replay.ts')).toMatch(/\brecordAudit\(/);
  });
});
