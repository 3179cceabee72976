import 'server-only';
import { Refusal } from '@/lib/db/errors';
import type { Db } from '@/lib/db/prisma';
import type { WorkingGroupInput } from '@/lib/db/working-group-mutations';

// What the working group forms post, checked against the user's province: the department, the head and the
// members (active users, never the administrator, a technical role), the communes and the problem groups. Anything
// of another province or unknown is refused on its field. Returns the input and the audit snapshot.

type Posted = {
  name: string; kind: 'provincial' | 'department'; departmentId: number | null; headUserId: number | null; headName: string | null;
  memberIds: number[]; communeIds: number[]; problemGroupIds: number[];
};

export async function checkWorkingGroupInput(db: Db, provinceId: number, posted: Posted) {
  const userIds = [...new Set([...posted.memberIds, ...(posted.headUserId !== null ? [posted.headUserId] : [])])];
  const [department, users, communes, problems] = await Promise.all([
    posted.departmentId === null ? null : db.department.findFirst({ where: { id: posted.departmentId, provinceId }, select: { code: true } }),
    db.user.findMany({ where: { id: { in: userIds }, provinceId, isActive: true, role: { not: 'admin' } }, select: { id: true, username: true } }),
    db.commune.findMany({ where: { id: { in: posted.communeIds }, provinceId }, select: { id: true, code: true }, orderBy: { code: 'asc' } }),
    db.problemGroup.findMany({ where: { id: { in: posted.problemGroupIds }, provinceId }, select: { id: true, code: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
  ]);
  if (posted.departmentId !== null && !department) throw new Refusal('errors.validation', { departmentId: 'support.groups.errors.department' });
  const known = new Map(users.map((u) => [u.id, u.username]));
  if (posted.headUserId !== null && !known.has(posted.headUserId)) throw new Refusal('errors.validation', { headUserId: 'support.groups.errors.head' });
  if (posted.memberIds.some((id) => !known.has(id))) throw new Refusal('errors.validation', { members: 'support.groups.errors.members' });
  if (communes.length !== new Set(posted.communeIds).size) throw new Refusal('errors.validation', { communes: 'support.groups.errors.communes' });
  if (problems.length !== new Set(posted.problemGroupIds).size) throw new Refusal('errors.validation', { problems: 'support.groups.errors.problems' });
  const input: WorkingGroupInput = { provinceId, ...posted };
  const snapshot = {
    name: posted.name, kind: posted.kind, department: department?.code ?? null, headUserId: posted.headUserId, headName: posted.headName,
    memberNames: posted.memberIds.map((id) => known.get(id) as string), communeCodes: communes.map((c) => c.code), problemGroups: problems.map((p) => p.code),
  };
  return { input, snapshot };
}
