import type { Prisma, SupportState, Urgency } from '@/lib/generated/prisma/client';
import { recordAudit, type AuditActor, type RequestContext } from './audit-writer';
import { notify, recipients } from './notification-mutations';
import type { Db } from './prisma';
import { bumpVersion } from './versions';

// The writes of the support requests (lib/actions/support, the attachment upload, the demo), each in the caller's
// transaction, which records the audit event; and the inbox items each step leaves, written in that same transaction
// (lib/db/notification-mutations.ts). Dates are ISO (YYYY-MM-DD); `at` is a replayed story's instant.

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const stamp = (at?: Date) => (at ? { createdAt: at } : {});

export async function insertSupportRequest(
  tx: Tx,
  input: { provinceId: number; communeId: number; problemGroupId: number; title: string; description: string; urgency: Urgency; raisedById: number; raisedOn: string },
  at?: Date,
): Promise<number> {
  const created = await tx.supportRequest.create({
    data: { ...input, raisedOn: day(input.raisedOn), ...stamp(at), ...(at ? { updatedAt: at } : {}) },
    select: { id: true },
  });
  return created.id;
}

/** A fixed SQL condition on the request's state (values of the SupportState enum only, never user input). */
const inState = (states: readonly SupportState[]) => `state IN (${states.map((s) => `'${s}'`).join(', ')})` as const;

/** Assigns (or reassigns) the request to a group, from the version and state the form was rendered with. */
export async function assignSupportRequest(tx: Tx, input: { requestId: number; version: number; from: SupportState; workingGroupId: number; assignedOn: string }, at?: Date): Promise<void> {
  await bumpVersion(tx, 'support_request', input.requestId, input.version, inState([input.from]), at);
  await tx.supportRequest.update({ where: { id: input.requestId }, data: { state: 'assigned', workingGroupId: input.workingGroupId, assignedOn: day(input.assignedOn) } });
}

export async function resolveSupportRequest(tx: Tx, input: { requestId: number; version: number; from: SupportState; resolution: string; resolvedOn: string }, at?: Date): Promise<void> {
  await bumpVersion(tx, 'support_request', input.requestId, input.version, inState([input.from]), at);
  await tx.supportRequest.update({ where: { id: input.requestId }, data: { state: 'resolved', resolution: input.resolution, resolvedOn: day(input.resolvedOn) } });
}

export async function escalateSupportRequest(
  tx: Tx,
  input: { requestId: number; version: number; from: SupportState; to: 'escalated_province' | 'escalated_central'; summary: string; escalatedOn: string },
  at?: Date,
): Promise<void> {
  await bumpVersion(tx, 'support_request', input.requestId, input.version, inState([input.from]), at);
  await tx.supportRequest.update({ where: { id: input.requestId }, data: { state: input.to, escalationSummary: input.summary, escalatedOn: day(input.escalatedOn) } });
}

export async function insertSupportVisit(
  tx: Tx,
  input: { workingGroupId: number; communeId: number; requestId: number | null; visitedOn: string; members: string; summary: string; recordedById: number },
  at?: Date,
): Promise<number> {
  const created = await tx.supportVisit.create({ data: { ...input, visitedOn: day(input.visitedOn), ...stamp(at) }, select: { id: true } });
  return created.id;
}

export async function insertSupportAnswer(tx: Tx, input: { requestId: number; authorId: number; body: string }, at?: Date): Promise<number> {
  const created = await tx.supportAnswer.create({ data: { ...input, ...stamp(at) }, select: { id: true } });
  return created.id;
}

export async function insertSupportAttachment(
  tx: Tx,
  input: { requestId: number; fileName: string; mimeType: string; content: Uint8Array; uploadedById: number },
  at?: Date,
): Promise<number> {
  const created = await tx.supportAttachment.create({
    data: { requestId: input.requestId, fileName: input.fileName, mimeType: input.mimeType, size: input.content.byteLength, content: Buffer.from(input.content), uploadedById: input.uploadedById, ...stamp(at) },
    select: { id: true },
  });
  return created.id;
}

// ---- Who is told -------------------------------------------------------------------------------------------

export type SupportNotice = 'raised' | 'assigned' | 'answered' | 'resolved' | 'escalated';

type RequestRef = { id: number; provinceId: number; communeId: number; title: string; communeName: string; workingGroupId: number | null };

/** The users of a group who act on its requests: its members and its head (when the head has an account). */
async function groupUsers(tx: Tx, groupId: number | null): Promise<number[]> {
  if (groupId === null) return [];
  const group = await tx.workingGroup.findUnique({ where: { id: groupId }, select: { headUserId: true, members: { select: { userId: true } } } });
  if (!group) return [];
  return [...group.members.map((m) => m.userId), ...(group.headUserId !== null ? [group.headUserId] : [])];
}

/**
 * The inbox items of a step (docs/decisions/044-support-requests-and-working-groups.md): a request raised tells Home
 * Affairs and the Organizing Committee; assigned, the group's members and head and the commune's chairman; answered,
 * the other side (the chairman when the group answers, the group when the commune does); resolved or escalated, the
 * chairman. The user who took the step is not told of it.
 */
export async function notifySupport(
  tx: Tx,
  notice: SupportNotice,
  request: RequestRef,
  context: { actorId: number; groupName?: string | null; side?: 'group' | 'commune'; to?: string },
): Promise<number> {
  const chairman = () => recipients(tx, request.provinceId, ['commune_chairman'], { communeId: request.communeId });
  let ids: number[];
  switch (notice) {
    case 'raised':
      ids = await recipients(tx, request.provinceId, ['home_affairs', 'organizing_committee']);
      break;
    case 'assigned':
      ids = [...(await groupUsers(tx, request.workingGroupId)), ...(await chairman())];
      break;
    case 'answered':
      ids = context.side === 'commune' ? await groupUsers(tx, request.workingGroupId) : await chairman();
      break;
    case 'resolved':
    case 'escalated':
      ids = await chairman();
      break;
  }
  const params: Record<string, string> = { title: request.title, commune: request.communeName };
  if (context.groupName) params.group = context.groupName;
  if (context.to) params.to = context.to;
  return notify(tx, ids.filter((id) => id !== context.actorId), { kind: `support.${notice}`, params, link: `/support/${request.id}` });
}

// ---- The upload's own transaction -----------------------------------------------------------------------------

/**
 * Stores an attachment and its audit event in one transaction. The upload is a streaming route handler, not a
 * server action (server actions take 1 MB), so it has no `ctx.write`: this is its one transaction, through the one
 * audit writer (docs/decisions/044-support-requests-and-working-groups.md).
 */
export async function attachToSupportRequest(
  database: Db,
  actor: AuditActor,
  context: RequestContext,
  input: { requestId: number; fileName: string; mimeType: string; content: Uint8Array; uploadedById: number },
): Promise<number> {
  return database.$transaction(async (tx) => {
    const attachmentId = await insertSupportAttachment(tx, input);
    await recordAudit(tx, actor, context, {
      action: 'support.attach', entityType: 'support_request', entityId: input.requestId,
      after: { attachmentId, fileName: input.fileName, mimeType: input.mimeType, byteSize: input.content.byteLength },
    });
    return attachmentId;
  });
}
