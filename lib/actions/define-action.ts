import type { z } from 'zod';
import { getRequestContext } from '@/lib/auth/request-context';
import { getSessionUser } from '@/lib/auth/current-user';
import { isAllowed, type Action } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { writeAudit, type AuditEntry, type RequestContext } from '@/lib/audit/write-audit';
import { db } from '@/lib/db/client';
import type { Db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';
import { fail, type ActionResult } from './result';

export type ActionContext = {
  user: SessionUser;
  db: Db;
  request: RequestContext;
  /** Writes the audit record inside the transaction `tx` (same commit as the change). */
  audit: (tx: Prisma.TransactionClient, entry: AuditEntry) => Promise<void>;
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
 * The one way to build a mutation (style.md): session, policy, bounded input, zod, then `run`, which loads
 * the row within the user's scope, asks a domain rule, writes in one transaction with an audit record via
 * `ctx.audit`, revalidates and returns a typed result. Expected failures come back as message keys;
 * anything else is a bug and is thrown (error.tsx shows a generic message).
 */
export function defineAction<S extends z.ZodType, T = undefined>(
  name: string,
  permission: Action,
  schema: S,
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
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
    const result = await run(parsed.data, {
      user,
      db: db(),
      request,
      audit: (tx, entry) => writeAudit(tx, actor, request, entry),
    });
    return result.ok ? result : { ...result, values: result.values ?? keep };
  };
}
