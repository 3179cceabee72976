import { z } from 'zod';
import { validateNewPassword } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';
import { CONFIRM } from './confirm';
import { id, text } from './fields';

// Shared by the user-administration forms and their actions. Messages are keys (decision 003).

const optionalId = (message: string) => z.preprocess((v) => (v === '' || v === undefined ? null : v), id(message).nullable());

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, { error: 'admin.errors.usernameFormat' });

const DisplayNameSchema = text().trim().min(1, { error: 'admin.errors.displayNameRequired' }).max(100, { error: 'admin.errors.displayNameRequired' });
const RoleSchema = z.enum(ROLES, { error: 'admin.errors.roleRequired' });
const PasswordSchema = z.string({ error: 'admin.errors.passwordRequired' }).min(1, { error: 'admin.errors.passwordRequired' });

/** Role and scope together: the unit a role is bound to, and none for the others (the app_user_scope check). */
const ScopeFields = {
  role: RoleSchema,
  communeId: optionalId('admin.errors.communeRequired'),
  departmentId: optionalId('admin.errors.departmentRequired'),
};

type Scoped = { role: (typeof ROLES)[number]; communeId: number | null; departmentId: number | null };

function checkScope(value: Scoped, ctx: z.RefinementCtx) {
  if (value.role === 'commune_chairman' && value.communeId === null) {
    ctx.addIssue({ code: 'custom', path: ['communeId'], message: 'admin.errors.communeRequired' });
  }
  if (value.role === 'department_officer' && value.departmentId === null) {
    ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'admin.errors.departmentRequired' });
  }
}

/** The form sends both selects; only the one the role needs is kept. */
function normaliseScope<T extends Scoped>(value: T): T {
  return {
    ...value,
    communeId: value.role === 'commune_chairman' ? value.communeId : null,
    departmentId: value.role === 'department_officer' ? value.departmentId : null,
  };
}

export const CreateUserSchema = z
  .object({ username: UsernameSchema, displayName: DisplayNameSchema, password: PasswordSchema, ...ScopeFields })
  .superRefine((value, ctx) => {
    checkScope(value, ctx);
    const problem = validateNewPassword(value.password, value.username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  })
  .transform(normaliseScope);
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

const Versioned = { userId: id(), version: id() };

export const UpdateUserSchema = z
  .object({ ...Versioned, displayName: DisplayNameSchema, ...ScopeFields })
  .superRefine(checkScope)
  .transform(normaliseScope);
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const UserVersionSchema = z.object(Versioned);
export type UserVersionInput = z.infer<typeof UserVersionSchema>;

/** Deactivation ends every session of the user at once: the confirm step. */
export const DeactivateUserSchema = z.object({ ...Versioned, ...CONFIRM });

export const ResetPasswordSchema = z.object({ ...Versioned, password: PasswordSchema });
export type ResetPasswordInput = z.infer<typeof ResetPasswordSchema>;
