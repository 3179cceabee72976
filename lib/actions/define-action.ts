import type { z } from 'zod';
import { getRequestContext } from '@/lib/auth/request-context';
import { getSessionUser } from '@/lib/auth/current-user';
import { isAllowed, type Action } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import type { AuditEvent } from '@/lib/audit/events';
import { recordAudit, recordAuditAtMostOncePer, type AuditActor, type RequestContext } from '@/lib/db/audit-writer';
import { db } from '@/lib/db/client';
import type { Db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';
import { Refusal, StaleWrite, guardMessage } from '@/lib/db/errors';
import { claimFormToken, recordFormResult, recordFormValue } from '@/lib/db/form-submission-mutations';
import { findFormSubmission } from '@/lib/db/form-submission-queries';
import { FORM_TOKEN_FIELD, FORM_TOKEN_PATTERN } from '@/lib/validation/form-token';
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
  /**
   * The action makes rows no natural key tells apart (a person recruited, a need declared): a form posted with a
   * one-time token (`token` of ActionForm) changes nothing twice, however often it is posted, and every post answers
   * the first one's result (docs/decisions/036-one-time-form-tokens.md). Such an action writes once (one
   * `ctx.write`, whose value is JSON). A post without a token is an ordinary post.
   */
  idempotent?: boolean;
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
    if (!isAllowed(user.role, permission)) return refused(user, name, permission, fail('errors.forbidden'));
    if (user.mustChangePassword && permission !== 'account.changePassword') return fail('errors.mustChangePassword');
    const { values: posted, files } = formValues(formData);
    // The form's token is the action helper's, never the schema's (docs/decisions/036-one-time-form-tokens.md).
    const { [FORM_TOKEN_FIELD]: postedToken, ...raw } = posted;
    const keep = Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET_FIELDS.test(k)));
    if (Object.values(posted).some((v) => v.length > MAX_FIELD_LENGTH)) return fail('errors.inputTooLong', { values: {} });
    const token = options.idempotent ? (postedToken ?? null) : null;
    if (token !== null && !FORM_TOKEN_PATTERN.test(token)) return fail('errors.formToken', { values: keep });
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
    const actor = actorOf(user);
    const database = db();
    const submission = token === null ? null : { token, writes: 0, committed: false };
    if (submission) {
      // The form was posted before and answered: its answer again, without running anything.
      const earlier = await findFormSubmission(database, submission.token);
      if (earlier && (earlier.userId !== user.id || earlier.action !== name)) return fail('errors.formToken', { values: keep });
      if (earlier?.result) return earlier.result as ActionResult<T>;
    }
    const audit = (tx: Prisma.TransactionClient, event: AuditEvent) => recordAudit(tx, actor, request, event);
    const transaction = <V>(work: (tx: Prisma.TransactionClient) => Promise<Written<V>>, timeout?: number) =>
      database.$transaction(async (tx) => {
        // First, so that a second post of the form waits here for the first one's transaction to end.
        if (submission && !(await claimFormToken(tx, { token: submission.token, userId: user.id, action: name }))) throw new TokenTaken();
        const written = await work(tx);
        const events: readonly AuditEvent[] = Array.isArray(written.audit) ? written.audit : [written.audit as AuditEvent];
        if (events.length === 0) throw new Error(`${name}: a mutation records at least one audit event`);
        for (const event of events) await audit(tx, event);
        if (submission) await recordFormValue(tx, submission.token, written.value);
        return written.value as V;
      }, timeout ? { timeout } : undefined);
    const ctx: ActionContext = {
      user,
      db: database,
      request,
      audit,
      write: async <V>(work: (tx: Prisma.TransactionClient) => Promise<Written<V>>, writeOptions?: { timeout?: number }): Promise<V> => {
        if (!submission) return transaction(work, writeOptions?.timeout);
        if (++submission.writes > 1) throw new Error(`${name}: an idempotent action writes once`);
        try {
          const value = await transaction(work, writeOptions?.timeout);
          submission.committed = true;
          return value;
        } catch (error) {
          if (!(error instanceof TokenTaken)) throw error;
          // The first post committed meanwhile: this one goes on with what its change returned.
          const earlier = await findFormSubmission(database, submission.token);
          if (!earlier || earlier.userId !== user.id || earlier.action !== name) throw new Refusal('errors.formToken');
          return (earlier.value ?? undefined) as V;
        }
      },
    };
    let result: ActionResult<T>;
    try {
      result = await run(parsed.data, ctx);
    } catch (error) {
      const refused = refusalOf(error, options);
      if (!refused) throw error;
      result = refused;
    }
    if (submission?.committed) await rememberAnswer(submission.token, result);
    if (result.ok) return result;
    return refused(user, name, permission, { ...result, values: result.values ?? keep }, request);
  };
}

/** Thrown inside a mutation's transaction when its form's token was claimed by an earlier post: rolls it back. */
class TokenTaken extends Error {}

/**
 * The answer of a post whose change committed, kept for the form's later posts. Not keeping it only costs those
 * posts a run of the action's checks (they still change nothing), so a failure here does not turn the committed
 * change into an error page.
 */
async function rememberAnswer(token: string, result: ActionResult<unknown>) {
  try {
    await recordFormResult(db(), token, result);
  } catch (error) {
    console.error(error);
  }
}

const actorOf = (user: SessionUser): AuditActor => ({ id: user.id, name: user.username, role: user.role, provinceId: user.provinceId });

/**
 * An action refused as forbidden (the role, or a row outside the user's scope) is recorded as `security.denied`,
 * in a transaction of its own after the action's (rolled back) one, at most once a minute per user and action
 * (docs/decisions/034-trusted-proxies-and-the-client-address.md). The refusal is the answer even when the record
 * cannot be written.
 */
async function refused<T>(user: SessionUser, name: string, permission: Action, result: ActionResult<T>, request?: RequestContext): Promise<ActionResult<T>> {
  if (result.ok || result.error !== 'errors.forbidden') return result;
  try {
    await recordAuditAtMostOncePer(
      db(),
      actorOf(user),
      request ?? (await getRequestContext()),
      { action: 'security.denied', entityType: 'user', entityId: user.id, after: { attempted: name, permission } },
      { seconds: 60, key: 'attempted' },
    );
  } catch (error) {
    console.error(error);
  }
  return result;
}

/** The answer for an expected failure thrown by a mutation, or null for a bug (rethrown: error.tsx). */
function refusalOf(error: unknown, options: ActionOptions): ActionResult<never> | null {
  if (error instanceof StaleWrite) return fail(options.stale ?? 'errors.staleVersion');
  if (error instanceof Refusal) return fail(error.key, { ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}), ...(error.params ? { params: error.params } : {}) });
  const guard = guardMessage(error);
  if (guard) return guard.field ? fail('errors.validation', { fieldErrors: { [guard.field]: guard.key } }) : fail(guard.key);
  return null;
}
