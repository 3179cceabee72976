import type { Prisma, WorkingGroupKind } from '@/lib/generated/prisma/client';
import { bumpVersion } from './versions';

// The writes of the working groups (lib/actions/support), each in the caller's transaction, which records the audit
// event. Members, communes and problem groups are replaced as a whole from the form.

type Tx = Prisma.TransactionClient;

export type WorkingGroupInput = {
  provinceId: number;
  name: string;
  kind: WorkingGroupKind;
  departmentId: number | null;
  headUserId: number | null;
  headName: string | null;
  memberIds: readonly number[];
  communeIds: readonly number[];
  problemGroupIds: readonly number[];
};

async function replaceLinks(tx: Tx, groupId: number, input: WorkingGroupInput) {
  await tx.workingGroupMember.deleteMany({ where: { groupId } });
  await tx.workingGroupCommune.deleteMany({ where: { groupId } });
  await tx.workingGroupProblem.deleteMany({ where: { groupId } });
  await tx.workingGroupMember.createMany({ data: [...new Set(input.memberIds)].map((userId) => ({ groupId, userId })) });
  await tx.workingGroupCommune.createMany({ data: [...new Set(input.communeIds)].map((communeId) => ({ groupId, communeId })) });
  await tx.workingGroupProblem.createMany({ data: [...new Set(input.problemGroupIds)].map((problemGroupId) => ({ groupId, problemGroupId })) });
}

/** A new group with its members, communes and problem groups; returns its id. */
export async function createWorkingGroup(tx: Tx, input: WorkingGroupInput, createdAt?: Date): Promise<number> {
  const group = await tx.workingGroup.create({
    data: {
      provinceId: input.provinceId, name: input.name, kind: input.kind, departmentId: input.departmentId, headUserId: input.headUserId, headName: input.headName,
      ...(createdAt ? { createdAt } : {}),
    },
    select: { id: true },
  });
  await replaceLinks(tx, group.id, input);
  return group.id;
}

/** The group as the form sets it, from the version the form was rendered with. */
export async function updateWorkingGroup(tx: Tx, id: number, version: number, input: WorkingGroupInput): Promise<void> {
  await bumpVersion(tx, 'working_group', id, version);
  await tx.workingGroup.update({
    where: { id },
    data: { name: input.name, kind: input.kind, departmentId: input.departmentId, headUserId: input.headUserId, headName: input.headName },
  });
  await replaceLinks(tx, id, input);
}
