import type pg from 'pg';
import { today, type FixedClock } from '@/lib/clock';
import { AUDIT_EVENTS, checkAuditEvent, entitiesOf, type AuditEntity, type AuditEnvelope, type AuditEvent, type AuditEventName } from '@/lib/audit/events';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';

// The one writer of the audit trail (docs/decisions/020-typed-audit-events.md): nothing else in the code base
// inserts into audit_log (tests/unit/audit-contract.test.ts checks the sources). Four doors, one contract:
//   recordAudit        one event, inside the mutation's Prisma transaction (every server action, sign-in);
//   recordAuditAtMostOncePer  one event in a transaction of its own, unless the same actor recorded the same
//                      event and key within a window (security.denied: a refusal is not a change);
//   recordAuditRows    many events from a pg client in one statement, each checked against its schema;
//   auditInsertSelect  the SQL of a set-based INSERT … SELECT (the import's per-row records), for a declared
//                      event and entity; the rows' payloads are checked by the integration tests.

type Tx = Prisma.TransactionClient;

export type AuditActor = { id: number | null; name: string; role: string; provinceId: number | null };
export type RequestContext = { ipAddress: string | null; userAgent: string | null };

/**
 * Fault injection for the tests: when armed, every write through this module throws, so a test can show that a
 * change and its audit record commit or roll back together, on every path.
 */
export const auditFaults = { armed: false };

function checkFaults() {
  if (auditFaults.armed) throw new Error('audit write failed (auditFaults armed)');
}

const jsonOf = (value: unknown) => (value === null || value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));
const idOf = (id: string | number | null | undefined) => (id === undefined || id === null ? null : String(id));

/**
 * Writes one event inside the caller's transaction, so the change and its record commit together. It is recorded
 * now, on the application's business day, unless `clock` fixes both (a replayed story: lib/demo/replay.ts).
 */
export async function recordAudit(tx: Tx, actor: AuditActor, request: RequestContext, event: AuditEvent, clock?: FixedClock) {
  checkFaults();
  const checked = checkAuditEvent(event.action, event.entityType, event.before, event.after);
  await tx.auditLog.create({
    data: {
      ...(clock ? { at: clock.at } : {}),
      provinceId: actor.provinceId,
      actorId: actor.id,
      actorName: actor.name.slice(0, 200),
      actorRole: actor.role,
      action: checked.action,
      entityType: checked.entityType,
      entityId: idOf(event.entityId),
      before: jsonOf(checked.before),
      after: jsonOf(checked.after),
      ipAddress: request.ipAddress?.slice(0, 100) ?? null,
      userAgent: request.userAgent?.slice(0, 500) ?? null,
      recordedOn: new Date(`${clock?.today ?? today()}T00:00:00Z`),
      ...envelopeColumns(event.envelope),
    },
  });
}

/**
 * Writes one event in its own transaction unless the same actor already recorded it, with the same value of the
 * `after` payload's `key`, within the last `seconds`; returns whether it wrote. The limit is kept in PostgreSQL, so
 * it holds across instances and restarts: the check and the insert run under a transaction-level advisory lock on
 * (event, actor, key), so events sent together write one row.
 */
export async function recordAuditAtMostOncePer(
  db: Db,
  actor: AuditActor,
  request: RequestContext,
  event: AuditEvent,
  window: { seconds: number; key: string },
): Promise<boolean> {
  checkFaults();
  const checked = checkAuditEvent(event.action, event.entityType, event.before, event.after);
  const value = String((checked.after as Record<string, unknown> | null)?.[window.key] ?? '');
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`bien-che:audit:${checked.action}`}), hashtext(${`${actor.id ?? ''}:${value}`}))`;
    const recent = await tx.$queryRaw<{ found: number }[]>`
      SELECT 1 AS found FROM audit_log
       WHERE actor_id IS NOT DISTINCT FROM ${actor.id}::int AND action = ${checked.action} AND after ->> ${window.key} = ${value}
         AND at > now() - make_interval(secs => ${window.seconds})
       LIMIT 1`;
    if (recent.length > 0) return false;
    await recordAudit(tx, actor, request, event);
    return true;
  });
}

function envelopeColumns(envelope: AuditEnvelope | undefined) {
  if (!envelope) return {};
  return {
    effectiveOn: envelope.effectiveOn ? new Date(`${envelope.effectiveOn}T00:00:00Z`) : null,
    decisionId: envelope.decisionId ?? null,
    backdatedReason: envelope.backdatedReason?.normalize('NFC').trim() || null,
    cancelsEventId: envelope.cancelsEventId === undefined || envelope.cancelsEventId === null ? null : BigInt(envelope.cancelsEventId),
    affectsFigures: envelope.affectsFigures ?? false,
  };
}

export type AuditRowInput = { at?: string | Date; provinceId: number | null; actor: Omit<AuditActor, 'provinceId'>; event: AuditEvent };

/** Writes many events in one statement from a pg client, each checked first. */
export async function recordAuditRows(client: pg.ClientBase, rows: readonly AuditRowInput[]) {
  checkFaults();
  if (rows.length === 0) return;
  const checked = rows.map((row) => ({ row, event: checkAuditEvent(row.event.action, row.event.entityType, row.event.before, row.event.after) }));
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  await client.query(
    `INSERT INTO audit_log (at, province_id, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, effective_on, decision_id, affects_figures)
     SELECT COALESCE(u.at, now()), u.province_id, u.actor_id, u.actor_name, u.actor_role, u.action, u.entity_type, u.entity_id, u.before, u.after,
            u.effective_on, u.decision_id, COALESCE(u.affects_figures, false)
       FROM unnest($1::int[], $2::timestamptz[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[],
                   $12::date[], $13::int[], $14::boolean[])
            AS u(ord, at, province_id, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, effective_on, decision_id, affects_figures)
      ORDER BY u.ord`,
    [
      checked.map((_, i) => i),
      checked.map(({ row }) => (row.at === undefined ? null : row.at instanceof Date ? row.at.toISOString() : row.at)),
      checked.map(({ row }) => row.provinceId),
      checked.map(({ row }) => row.actor.id),
      checked.map(({ row }) => row.actor.name.slice(0, 200)),
      checked.map(({ row }) => row.actor.role),
      checked.map(({ event }) => event.action),
      checked.map(({ event }) => event.entityType),
      checked.map(({ row }) => idOf(row.event.entityId)),
      checked.map(({ event }) => json(event.before)),
      checked.map(({ event }) => json(event.after)),
      checked.map(({ row }) => row.event.envelope?.effectiveOn ?? null),
      checked.map(({ row }) => row.event.envelope?.decisionId ?? null),
      checked.map(({ row }) => row.event.envelope?.affectsFigures ?? false),
    ],
  );
}

/** The columns a set-based audit SELECT must produce, in this order. */
export const AUDIT_SELECT_COLUMNS = ['province_id', 'actor_id', 'actor_name', 'actor_role', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip_address', 'user_agent'] as const;

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * The SQL of a set-based audit write: `INSERT INTO audit_log (…) <select>`. `select` must produce the columns of
 * AUDIT_SELECT_COLUMNS in order; `actionSql` and `entitySql` are given here from declared names (an event
 * chosen per row is a CASE over declared events). Run it with the caller's client, in its transaction.
 */
export function auditInsertSelect(spec: { select: (names: { action: (name: AuditEventName) => string; entity: (name: AuditEventName, entity?: AuditEntity) => string }) => string }): string {
  checkFaults();
  const action = (name: AuditEventName) => {
    if (!Object.hasOwn(AUDIT_EVENTS, name)) throw new Error(`audit event ${name} is not declared`);
    return quote(name);
  };
  const entity = (name: AuditEventName, entityType?: AuditEntity) => {
    const entities = entitiesOf(name);
    const chosen = entityType ?? entities[0];
    if (!entities.includes(chosen)) throw new Error(`audit event ${name} is not about ${chosen}`);
    return quote(chosen);
  };
  return `INSERT INTO audit_log (${AUDIT_SELECT_COLUMNS.join(', ')}) ${spec.select({ action, entity })}`;
}
