import 'server-only';
import type { Role } from '@/lib/auth/roles';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';

type Client = Db | Prisma.TransactionClient;

export type UserListRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  communeName: string | null;
  departmentName: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
};

/** The province's users by username; the last sign-in is the newest session row (sessions live 8 hours). */
export async function listUsers(db: Db, provinceId: number): Promise<UserListRow[]> {
  const users = await db.user.findMany({
    where: { provinceId },
    orderBy: [{ username: 'asc' }, { id: 'asc' }],
    select: {
      id: true, username: true, displayName: true, role: true, isActive: true, mustChangePassword: true,
      commune: { select: { name: true } },
      department: { select: { name: true } },
    },
  });
  const lastSessions = await db.session.groupBy({
    by: ['userId'],
    where: { userId: { in: users.map((user) => user.id) } },
    _max: { createdAt: true },
  });
  const lastByUser = new Map(lastSessions.map((row) => [row.userId, row._max.createdAt]));
  return users.map(({ commune, department, ...user }) => ({
    ...user,
    communeName: commune?.name ?? null,
    departmentName: department?.name ?? null,
    lastSignInAt: lastByUser.get(user.id) ?? null,
  }));
}

export type EditableUser = {
  id: number;
  provinceId: number;
  username: string;
  displayName: string;
  role: Role;
  communeId: number | null;
  departmentId: number | null;
  isActive: boolean;
  mustChangePassword: boolean;
  version: number;
};

const EDITABLE = {
  id: true, provinceId: true, username: true, displayName: true, role: true, communeId: true, departmentId: true,
  isActive: true, mustChangePassword: true, version: true,
} as const;

/** Any province's user (actions tell "out of scope" from "unknown"); never the password hash. */
export async function findUser(db: Client, id: number): Promise<EditableUser | null> {
  return db.user.findUnique({ where: { id }, select: EDITABLE });
}

export async function findUserInProvince(db: Db, provinceId: number, id: number): Promise<EditableUser | null> {
  return db.user.findFirst({ where: { id, provinceId }, select: EDITABLE });
}

/** Whether the username is taken, compared case-insensitively like the unique index on lower(username). */
export async function isUsernameTaken(db: Client, username: string): Promise<boolean> {
  return (await db.user.count({ where: { username: { equals: username, mode: 'insensitive' } } })) > 0;
}

export type ScopeOption = { id: number; name: string; code: string };
export type ScopeOptions = { communes: ScopeOption[]; departments: ScopeOption[] };

const collator = new Intl.Collator('vi');
const byName = (a: ScopeOption, b: ScopeOption) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1);

/** The units a commune chairman or department officer of the province can be bound to. */
export async function listScopeOptions(db: Db, provinceId: number): Promise<ScopeOptions> {
  const [communes, departments] = await Promise.all([
    db.commune.findMany({ where: { provinceId }, select: { id: true, name: true, code: true } }),
    db.department.findMany({ where: { provinceId }, select: { id: true, name: true, code: true } }),
  ]);
  return { communes: communes.sort(byName), departments: departments.sort(byName) };
}

/** Whether the commune or department named by a scope belongs to the province. */
export async function isScopeInProvince(
  db: Client,
  provinceId: number,
  scope: { communeId: number | null; departmentId: number | null },
): Promise<{ commune: boolean; department: boolean }> {
  const [commune, department] = await Promise.all([
    scope.communeId === null ? 1 : db.commune.count({ where: { id: scope.communeId, provinceId } }),
    scope.departmentId === null ? 1 : db.department.count({ where: { id: scope.departmentId, provinceId } }),
  ]);
  return { commune: commune > 0, department: department > 0 };
}

/** The audited view of a user: never the password hash. */
export function userSnapshot(user: EditableUser) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    communeId: user.communeId,
    departmentId: user.departmentId,
    isActive: user.isActive,
    mustChangePassword: user.mustChangePassword,
    version: user.version,
  };
}
