import type { z } from 'zod';
import { getRequestContext } from '@/lib/auth/request-context';
import { getSessionUser } from '@/lib/auth/current-user';
import { isAllowed, type Action } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import type { AuditEvent } from '@/lib/audit/events';
import { recordAudit, type RequestContext } from '@/lib/db/audit-writer';
import { db } from '@/lib/db/client';
import type { Db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';
import { Refusal, StaleWrite, guardMessage } from '@/lib/db/errors';
import { fail, type ActionResult, type MessageKey } from './result';

export type ActionContext = {
  user: SessionUser;
  db: Db;
  request: RequestContext;
  /**
   * The one way an action writes: runs `work` in one transaction and records the audit event(s) it returns in
   * the same transaction, through the one writer. Inside `work`, throw `StaleWrite` (or use `expectWritten`,
   * `bumpVersion`) when a row changed meanwhile and `Refusal` for any other refusal: the transaction rolls
   * back and the action answers with the message. A database guard's refusal is mapped by lib/db/errors.ts.
   */
  write: <T>(work: (tx: Prisma.TransactionClient) => Promise<Written<T>>, options?: { timeout?: number }) => Promise<T>;
  /** Writes an audit event inside a transaction opened by `write` (for events decided mid-way, e.g. per row). */
  audit: (tx: Prisma.TransactionClient, event: AuditEvent) => Promise<void>;
};

/** What a mutation's transaction returns: its audit event(s) and, optionally, a value for the action. */
export type Written<T> = { audit: AuditEvent | readonly AuditEvent[]; value: T } | { audit: AuditEvent | readonly AuditEvent[]; value?: undefined };

export type ActionOptions = {
  /** The message when a row changed meanwhile (StaleWrite); default `errors.staleVersion`. */
  stale?: MessageKey;
};

/** Every action built by defineAction, for the authorization matrix test. */
export const ACTION_REGISTRY: { name: string; permission: Action }[] = [];

const MAX_FIELD_LENGTH = 10_000;
const SECRET_FIELDS = /password/i;

function formValues(formData: FormData): { values: Record<string, string>; files: Record<string, File> } {
  const values: Record<string, string> = {};
  const files: Record<string, File> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (typeof value === 'string') values[key] = value.normalize('NFC');
    // An empty file input still posts a nameless, empty File: that is "no file", left to the schema.
    else if (value.size > 0 || value.name) files[key] = value;
  }
  return { values, files };
}

/**
 * The one way to build a mutation (docs/architecture.md, How a request flows): session, policy, bounded input, zod, then `run`, which loads
 * the row within the user's scope, asks a domain rule, writes in one transaction with an audit record via
 * `ctx.audit`, revalidates and returns a typed result. Expected failures come back as message keys;
 * anything else is a bug and is thrown (error.tsx shows a generic message).
 */
export function defineAction<S extends z.ZodType, T = undefined>(
  name: string,
  permission: Action,
  schema: S,
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
  options: ActionOptions = {},
) {
  ACTION_REGISTRY.push({ name, permission });
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    const user = await getSessionUser();
    if (!user) return fail('errors.unauthenticated');
    if (!isAllowed(user.role, permission)) return fail('errors.forbidden');
    if (user.mustChangePassword && permission !== 'account.changePassword') return fail('errors.mustChangePassword');
    const { values: raw, files } = formValues(formData);
    const keep = Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET_FIELDS.test(k)));
    if (Object.values(raw).some((v) => v.length > MAX_FIELD_LENGTH)) return fail('errors.inputTooLong', { values: {} });
    // Files (a workbook upload) reach the schema as File objects; their size is the action's to check.
    const parsed = schema.safeParse(Object.keys(files).length ? Object.assign({}, raw, files) : raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '_');
        fieldErrors[field] ??= issue.message.startsWith('errors.') || issue.message.includes('.') ? issue.message : 'errors.invalid';
      }
      return fail('errors.validation', { fieldErrors, values: keep });
    }
    const request = await getRequestContext();
    const actor = { id: user.id, name: user.username, role: user.role, provinceId: user.provinceId };
    const database = db();
    const audit = (tx: Prisma.TransactionClient, event: AuditEvent) => recordAudit(tx, actor, request, event);
    const ctx: ActionContext = {
      user,
      db: database,
      request,
      audit,
      write: (work, writeOptions) =>
        database.$transaction(async (tx) => {
          const written = await work(tx);
          const events: readonly AuditEvent[] = Array.isArray(written.audit) ? written.audit : [written.audit as AuditEvent];
          if (events.length === 0) throw new Error(`${name}: a mutation records at least one audit event`);
          for (const event of events) await audit(tx, event);
          return written.value as never;
        }, writeOptions?.timeout ? { timeout: writeOptions.timeout } : undefined),
    };
    let result: ActionResult<T>;
    try {
      result = await run(parsed.data, ctx);
    } catch (error) {
      const refused = refusalOf(error, options);
      if (!refused) throw error;
      result = refused;
    }
    return result.ok ? result : { ...result, values: result.values ?? keep };
  };
}

/** The answer for an expected failure thrown by a mutation, or null for a bug (rethrown: error.tsx). */
function refusalOf(error: unknown, options: ActionOptions): ActionResult<never> | null {
  if (error instanceof StaleWrite) return fail(options.stale ?? 'errors.staleVersion');
  if (error instanceof Refusal) return fail(error.key, { ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}), ...(error.params ? { params: error.params } : {}) });
  const guard = guardMessage(error);
  if (guard) return guard.field ? fail('errors.validation', { fieldErrors: { [guard.field]: guard.key } }) : fail(guard.key);
  return null;
}
