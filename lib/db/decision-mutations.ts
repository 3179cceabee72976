import type { DecisionKind, Prisma } from '@/lib/generated/prisma/client';
import { Refusal } from './errors';

type Tx = Prisma.TransactionClient;

/**
 * The decision a change refers to, recorded once: (issuing body, number) identifies the document, so the second
 * change it decides finds the first one's row. Refused when the body is not one that may decide in this commune,
 * or when the same number was recorded with another date (a typing mistake, or another document). `at` is the
 * instant a new row records as created: the database's clock unless a replayed story gives its own.
 */
export async function recordDecision(
  tx: Tx,
  input: { provinceId: number; communeId: number | null; issuingBodyId: number; number: string; date: string; kind: DecisionKind },
  at?: Date,
): Promise<{ id: number }> {
  const body = await tx.issuingBody.findFirst({
    where: { id: input.issuingBodyId, provinceId: input.provinceId, OR: [{ communeId: null }, ...(input.communeId === null ? [] : [{ communeId: input.communeId }])] },
    select: { id: true },
  });
  if (!body) throw new Refusal('errors.validation', { issuingBodyId: 'decisions.errors.issuingBody' });
  const number = input.number.normalize('NFC').trim();
  const date = new Date(`${input.date}T00:00:00Z`);
  // Insert or find in one statement, so two changes of one new decision recorded at once share its row.
  const rows = await tx.$queryRawUnsafe<{ id: number; date: Date }[]>(
    `WITH inserted AS (
       INSERT INTO decision (province_id, issuing_body_id, number, date, kind, created_at)
       VALUES ($1, $2, $3, $4::date, $5::"DecisionKind", COALESCE($6::timestamptz, now()))
       ON CONFLICT (issuing_body_id, number) DO NOTHING RETURNING id, date)
     SELECT id, date FROM inserted
     UNION ALL
     SELECT id, date FROM decision WHERE issuing_body_id = $2 AND number = $3 AND NOT EXISTS (SELECT 1 FROM inserted)`,
    input.provinceId,
    body.id,
    number,
    input.date,
    input.kind,
    at?.toISOString() ?? null,
  );
  // A concurrent transaction that inserted the same document committed after this statement's snapshot: read it now.
  const row = rows[0] ?? (await tx.decision.findUnique({ where: { issuingBodyId_number: { issuingBodyId: body.id, number } }, select: { id: true, date: true } }));
  if (!row) throw new Error('recordDecision: no row');
  if (row.date.getTime() !== date.getTime()) throw new Refusal('errors.validation', { decisionDate: 'decisions.errors.dateMismatch' }, { number });
  return { id: row.id };
}
