import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { entitiesOf, isAuditEventName, readAuditPayloads } from '@/lib/audit/events';
import { seededDatabaseUrl } from '../support/database';

// Every row of the seeded demo's audit trail (the import of the province, the secondment and transfer stories,
// the snapshots) is an event of the contract (lib/audit/events.ts), about one of its entities, with payloads
// that parse: the demo writes what the application writes.

let client: pg.Client;
type Row = { id: string; action: string; entity_type: string; before: unknown; after: unknown };
let rows: Row[];

beforeAll(async () => {
  client = new pg.Client({ connectionString: seededDatabaseUrl() });
  await client.connect();
  rows = (await client.query<Row>('SELECT id::text, action, entity_type, before, after FROM audit_log ORDER BY id')).rows;
});
afterAll(async () => {
  await client.end();
});

describe('the seeded audit trail', () => {
  test('has the stories of the demo', () => {
    const actions = new Set(rows.map((r) => r.action));
    for (const name of ['secondment.list.submit', 'secondment.candidate.approve', 'transfer.propose', 'transfer.approve', 'transfer.opinion']) expect(actions).toContain(name);
  });

  test('every row is a declared event about one of its entities, with payloads of its schema', () => {
    const offenders = rows
      .filter((r) => !isAuditEventName(r.action) || !entitiesOf(r.action).includes(r.entity_type as never) || readAuditPayloads(r.action, r.before, r.after) === null)
      .slice(0, 5)
      .map((r) => ({ id: r.id, action: r.action, entity: r.entity_type, after: JSON.stringify(r.after)?.slice(0, 200) }));
    expect(offenders).toEqual([]);
  });
});
