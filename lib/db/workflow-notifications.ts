import { formatDate } from '@/lib/domain/format';
import type { Prisma } from '@/lib/generated/prisma/client';
import { notify, recipients } from './notification-mutations';

// The events of the 5% lists and the transfers that reach someone's inbox (docs/decisions/045-inbox-and-reminders.md),
// each written by the mutation of the change inside its transaction (lib/db/secondment-mutations.ts,
// lib/db/transfer-mutations.ts), so an item exists exactly when the change does, for the actions and the demo's
// replayed stories alike. Parameters are what the sentence `notifications.kinds.<kind>` shows: names, and numbers and
// dates already as text (a year is never grouped as 2.025). `at` is the instant a replayed story records.

type Tx = Prisma.TransactionClient;

async function listFacts(tx: Tx, listId: number) {
  const list = await tx.secondmentList.findUniqueOrThrow({
    where: { id: listId },
    select: { departmentId: true, dueDate: true, department: { select: { name: true } }, phase: { select: { provinceId: true, number: true, year: true } } },
  });
  return { ...list, params: { department: list.department.name, phase: String(list.phase.number), year: String(list.phase.year) }, link: `/secondments/lists/${listId}` };
}

/** A list submitted (again) for review: the Organizing Committee reviews it. */
export async function notifyListSubmitted(tx: Tx, listId: number, at?: Date): Promise<void> {
  const list = await listFacts(tx, listId);
  await notify(tx, await recipients(tx, list.phase.provinceId, ['organizing_committee']), { kind: 'listSubmitted', params: list.params, link: list.link, at });
}

/** A list returned to its department: its officers, with the list's new due date. */
export async function notifyListReturned(tx: Tx, listId: number, at?: Date): Promise<void> {
  const list = await listFacts(tx, listId);
  if (!list.dueDate) throw new Error('notifyListReturned: a returned list has its own due date');
  const officers = await recipients(tx, list.phase.provinceId, ['department_officer'], { departmentId: list.departmentId });
  await notify(tx, officers, { kind: 'listReturned', params: { ...list.params, dueDate: formatDate(list.dueDate) }, link: list.link, at });
}

/** The Standing Committee has decided every forwarded candidate of a list: its department, with the outcome. */
export async function notifyListDecided(tx: Tx, listId: number, at?: Date): Promise<void> {
  const list = await listFacts(tx, listId);
  const states = await tx.secondmentCandidate.groupBy({ by: ['state'], where: { listId }, _count: { _all: true } });
  const count = (names: readonly string[]) => String(states.filter((s) => names.includes(s.state)).reduce((n, s) => n + s._count._all, 0));
  const officers = await recipients(tx, list.phase.provinceId, ['department_officer'], { departmentId: list.departmentId });
  await notify(tx, officers, { kind: 'listDecided', params: { ...list.params, approved: count(['approved', 'placed', 'ended']), declined: count(['declined']) }, link: list.link, at });
}

async function transferFacts(tx: Tx, transferId: number) {
  const t = await tx.transfer.findUniqueOrThrow({
    where: { id: transferId },
    select: {
      provinceId: true, fromCommuneId: true, toCommuneId: true, proposedById: true, effectiveDate: true,
      cadre: { select: { fullName: true } }, fromCommune: { select: { name: true } }, toCommune: { select: { name: true } },
    },
  });
  return {
    ...t,
    params: { cadre: t.cadre.fullName, from: t.fromCommune.name, to: t.toCommune.name, effectiveDate: formatDate(t.effectiveDate) },
    link: `/transfers/${transferId}`,
  };
}

/** A transfer proposed: the chairmen of both communes are asked for their opinion (decision 016). */
export async function notifyOpinionRequested(tx: Tx, transferId: number, at?: Date): Promise<void> {
  const t = await transferFacts(tx, transferId);
  const chairmen = [
    ...(await recipients(tx, t.provinceId, ['commune_chairman'], { communeId: t.fromCommuneId })),
    ...(await recipients(tx, t.provinceId, ['commune_chairman'], { communeId: t.toCommuneId })),
  ];
  await notify(tx, chairmen, { kind: 'opinionRequested', params: t.params, link: t.link, at });
}

/** A decision on a proposal: the user who proposed it, unless he took the decision himself. */
export async function notifyTransferDecided(tx: Tx, transferId: number, outcome: 'approved' | 'declined', deciderId: number, at?: Date): Promise<void> {
  const t = await transferFacts(tx, transferId);
  if (t.proposedById === deciderId) return;
  const proposer = await tx.user.findFirst({ where: { id: t.proposedById, isActive: true }, select: { id: true } });
  if (!proposer) return;
  await notify(tx, [proposer.id], { kind: outcome === 'approved' ? 'transferApproved' : 'transferDeclined', params: t.params, link: t.link, at });
}
