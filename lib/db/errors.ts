// What the database refuses, read once (docs/decisions/021-one-mutation-shape.md). A guard in PostgreSQL (a
// unique index, an exclusion constraint, a check, a trigger) is known by its name; this module finds that name
// on an error, whichever client raised it, and maps it to the message key the user reads. Nothing else in the
// code base inspects a database error.
//
// Where the name comes from: node-postgres puts it on the error (`constraint`); Prisma's pg adapter keeps only
// the SQLSTATE and PostgreSQL's own message, which for every integrity violation (SQLSTATE class 23) has the
// fixed form `… violates <kind> constraint "<name>"`; our triggers raise with `CONSTRAINT = '<name>'` and a
// message that starts with `<name>:` (migration 20261207000000_guard_names), so both clients see the name.

/**
 * A refusal with a message key (and the fields it concerns), thrown inside a mutation: it rolls the transaction
 * back and defineAction answers `fail(key, { fieldErrors })`. For a form error use the key 'errors.validation'.
 */
export class Refusal extends Error {
  constructor(
    readonly key: string,
    readonly fieldErrors?: Partial<Record<string, string>>,
    readonly params?: Record<string, string | number>,
  ) {
    super(key);
    this.name = 'Refusal';
  }
}

/**
 * A row the mutation must change was changed meanwhile (its version moved on, or a conditional update matched
 * nothing). Thrown inside the transaction so that everything written before it rolls back too; the action's
 * own "changed meanwhile" message is given by defineAction.
 */
export class StaleWrite extends Error {
  constructor(readonly what = 'row') {
    super(`${what} changed meanwhile`);
    this.name = 'StaleWrite';
  }
}

/** Throws StaleWrite unless exactly `expected` rows were written (a conditional update's count). */
export function expectWritten(count: number, what: string, expected = 1): void {
  if (count !== expected) throw new StaleWrite(what);
}

type Mapping = { key: string; field?: string };

/**
 * Every named guard a user can run into, and what the user reads. Guards that only a bug can trip (foreign
 * keys, the audit trail's append-only triggers) are not here: they stay errors.
 */
export const GUARD_MESSAGES: Readonly<Record<string, Mapping>> = {
  // Accounts and catalogues
  app_user_username_key: { key: 'admin.errors.usernameTaken', field: 'username' },
  app_user_username_lower_key: { key: 'admin.errors.usernameTaken', field: 'username' },
  position_province_id_code_key: { key: 'positions.errors.codeTaken', field: 'code' },
  report_draft_province_id_key: { key: 'report.errors.stale' },
  // Quota years: the same year opened twice at once.
  quota_year_province_id_year_key: { key: 'quotaYears.errors.exists', field: 'year' },
  // Annual ratings: one rating per person and year, a score within 0–100.
  rating_cadre_id_year_key: { key: 'ratings.errors.duplicate', field: 'level' },
  rating_score_range: { key: 'ratings.errors.scoreRange', field: 'score' },
  // The roster
  assignment_one_open_primary: { key: 'roster.errors.stale' },
  assignment_primary_no_overlap: { key: 'roster.errors.stale' },
  // The 5% secondment workflow
  secondment_phase_province_id_year_number_key: { key: 'secondment.errors.phaseExists', field: 'number' },
  secondment_list_phase_id_department_id_key: { key: 'secondment.errors.listExists' },
  secondment_candidate_one_open_per_cadre: { key: 'secondment.errors.alreadyListed', field: 'cadreId' },
  secondment_candidate_list_id_cadre_id_key: { key: 'secondment.errors.alreadyListed', field: 'cadreId' },
  secondment_no_overlap: { key: 'secondment.errors.overlap', field: 'startDate' },
  // Transfers
  secondment_no_open_transfer: { key: 'secondment.errors.openTransfer' },
  transfer_one_open_per_cadre: { key: 'transfer.errors.openTransfer', field: 'cadreId' },
  transfer_no_active_secondment: { key: 'transfer.errors.activeSecondment', field: 'cadreId' },
  transfer_other_commune: { key: 'transfer.errors.sameCommune', field: 'toCommuneId' },
  transfer_cross_district_justified: { key: 'transfer.errors.justificationRequired', field: 'justification' },
  // The personal ID: unique over valid IDs (docs/decisions/037-the-personnel-dossier.md). The forms name the other
  // holder before writing; this answers the one saved meanwhile.
  cadre_national_id_valid_key: { key: 'nationalId.errors.takenMeanwhile', field: 'nationalId' },
  // Receptions and the recruitment plan (decision 043)
  reception_one_open_per_person: { key: 'reception.errors.openProposal', field: 'cadreId' },
  recruitment_plan_province_id_year_key: { key: 'recruitment.errors.planExists', field: 'year' },
  recruitment_target_plan_id_commune_id_position_id_key: { key: 'recruitment.errors.targetExists', field: 'positionId' },
};

type PgLike = { code?: unknown; constraint?: unknown; message?: unknown };
type AdapterCause = { originalCode?: unknown; originalMessage?: unknown; constraint?: { index?: unknown } | unknown };

const NAME_IN_MESSAGE = /constraint "([^"]+)"/;
const NAME_PREFIX = /^([a-z][a-z0-9_]*):\s/;

/** The SQLSTATE and the guard's name of a database error, from node-postgres or Prisma; null for anything else. */
export function databaseViolation(error: unknown): { sqlState: string; constraint: string | null } | null {
  if (!error || typeof error !== 'object') return null;
  // Prisma with @prisma/adapter-pg: the adapter's error carries the SQLSTATE and PostgreSQL's message in its
  // `cause`, wrapped in Prisma's known error (meta.driverAdapterError: unique violations) or, for a trigger's
  // exception inside an interactive transaction, thrown as it is. Read first: Prisma's own `code` (P2002) has
  // the form of a SQLSTATE, and its message names no constraint.
  const adapterError = error as { name?: unknown; cause?: AdapterCause; meta?: { driverAdapterError?: { cause?: AdapterCause } } };
  const cause = adapterError.meta?.driverAdapterError?.cause ?? (adapterError.name === 'DriverAdapterError' ? adapterError.cause : undefined);
  if (cause && typeof cause.originalCode === 'string') {
    const message = typeof cause.originalMessage === 'string' ? cause.originalMessage : '';
    const index = (cause.constraint as { index?: unknown } | undefined)?.index;
    const constraint = typeof index === 'string' ? index : (NAME_PREFIX.exec(message)?.[1] ?? NAME_IN_MESSAGE.exec(message)?.[1] ?? null);
    return { sqlState: cause.originalCode, constraint };
  }
  const pg = error as PgLike;
  // node-postgres (the import, the demo, the CLI): the fields of PostgreSQL's ErrorResponse.
  if (typeof pg.code === 'string' && /^[0-9A-Z]{5}$/.test(pg.code)) {
    const message = typeof pg.message === 'string' ? pg.message : '';
    const constraint = typeof pg.constraint === 'string' ? pg.constraint : (NAME_PREFIX.exec(message)?.[1] ?? NAME_IN_MESSAGE.exec(message)?.[1] ?? null);
    return { sqlState: pg.code, constraint };
  }
  return null;
}

/** The message a user reads for a database refusal, or null when the error is not a known guard (a bug). */
export function guardMessage(error: unknown): Mapping | null {
  const violation = databaseViolation(error);
  if (!violation?.constraint) return null;
  return GUARD_MESSAGES[violation.constraint] ?? null;
}

/** Is this a refusal by the named guard? For the few writers that take a different path on one guard. */
export function violatesGuard(error: unknown, constraint: keyof typeof GUARD_MESSAGES): boolean {
  return databaseViolation(error)?.constraint === constraint;
}

// The database gone or out of reach, as opposed to a refusal or a bug: the server is down or restarting, the
// network or the port is wrong, or our connection was cut (an administrator's pg_terminate_backend, a shutdown).
// The command line answers it with exit code 2 and one sentence, the app with 503 (docs/decisions/035-backups-and-a-lost-database.md).

/** Node's socket errors that mean the server cannot be reached. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);
/** SQLSTATEs of a connection that failed or was ended by the server: class 08, admin/crash shutdown, starting up. */
const CONNECTION_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
/** Prisma's own codes for an unreachable server, a timeout, a closed connection. */
const PRISMA_CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1017']);
/** The kinds @prisma/adapter-pg gives socket failures. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
/** node-postgres's own messages for a connection that ended or never opened. */
const PG_CONNECTION_MESSAGE = /^(Connection terminated|Client has encountered a connection error|timeout expired|Client was closed)/;

/**
 * Whether the error means the database is unreachable or the connection was lost (not a refusal, not a bug),
 * whichever client raised it: node-postgres, Prisma with its pg adapter, or an error wrapping one of them.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as {
    code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; errors?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  };
  if (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || PRISMA_CONNECTION_CODES.has(e.code) || CONNECTION_SQLSTATE.test(e.code))) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && PG_CONNECTION_MESSAGE.test(e.message)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause) {
    if (typeof adapterCause.kind === 'string' && ADAPTER_KINDS.has(adapterCause.kind)) return true;
    const sqlState = adapterCause.originalCode ?? adapterCause.code;
    if (typeof sqlState === 'string' && CONNECTION_SQLSTATE.test(sqlState)) return true;
  }
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
