import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { expectWritten } from './errors';

// The writes of a province's quota years (decision 027; lib/actions/quotas), each in the caller's transaction, which
// records the audit event. A draft is a quota_year row with status 'draft' plus the quota rows of its year; nothing
// counts it until confirmQuotaYear turns it 'confirmed' (lib/db/quota-year-queries.ts isConfirmedQuotaYear).

type Tx = Prisma.TransactionClient;

/** What a quota year holds, for its audit record. */
export type QuotaYearContent = { communes: number; party_front: number; government: number; departments: number; departmentQuota: number };

async function contentOf(tx: Tx, provinceId: number, year: number): Promise<QuotaYearContent> {
  const [row] = await tx.$queryRawUnsafe<QuotaYearContent[]>(
    `SELECT (SELECT count(DISTINCT q.commune_id)::int FROM quota q JOIN commune cm ON cm.id = q.commune_id WHERE cm.province_id = $1 AND q.year = $2) AS communes,
            (SELECT COALESCE(sum(q.quota), 0)::int FROM quota q JOIN commune cm ON cm.id = q.commune_id
              WHERE cm.province_id = $1 AND q.year = $2 AND q.block = 'party_front') AS party_front,
            (SELECT COALESCE(sum(q.quota), 0)::int FROM quota q JOIN commune cm ON cm.id = q.commune_id
              WHERE cm.province_id = $1 AND q.year = $2 AND q.block = 'government') AS government,
            (SELECT count(*)::int FROM department_quota dq JOIN department d ON d.id = dq.department_id WHERE d.province_id = $1 AND dq.year = $2) AS departments,
            (SELECT COALESCE(sum(dq.quota), 0)::int FROM department_quota dq JOIN department d ON d.id = dq.department_id
              WHERE d.province_id = $1 AND dq.year = $2) AS "departmentQuota"`,
    provinceId,
    year,
  );
  return row;
}

/**
 * Opens `year` as a draft copied from the confirmed year `copiedFrom`: the draft row first (so the quota rows that
 * follow do not register the year as confirmed), then every commune's and department's quota of `copiedFrom`, set-based.
 * A year opened meanwhile by someone else trips the unique key (quota_year_province_id_year_key).
 */
export async function openQuotaYear(tx: Tx, input: { provinceId: number; year: number; copiedFrom: number }): Promise<{ id: number; content: QuotaYearContent }> {
  const created = await tx.quotaYear.create({ data: { provinceId: input.provinceId, year: input.year, status: 'draft', copiedFrom: input.copiedFrom }, select: { id: true } });
  await tx.$executeRawUnsafe(
    `INSERT INTO quota (commune_id, block, year, quota, updated_at)
     SELECT q.commune_id, q.block, $3, q.quota, now() FROM quota q JOIN commune cm ON cm.id = q.commune_id
      WHERE cm.province_id = $1 AND q.year = $2`,
    input.provinceId,
    input.copiedFrom,
    input.year,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO department_quota (department_id, year, quota)
     SELECT dq.department_id, $3, dq.quota FROM department_quota dq JOIN department d ON d.id = dq.department_id
      WHERE d.province_id = $1 AND dq.year = $2`,
    input.provinceId,
    input.copiedFrom,
    input.year,
  );
  return { id: created.id, content: await contentOf(tx, input.provinceId, input.year) };
}

/**
 * Confirms the draft `year` from the version the confirm screen was rendered with: one conditional update (a year
 * confirmed, or edited by its confirm screen's version, meanwhile matches nothing: StaleWrite). Irreversible: the
 * trigger quota_year_confirmed_final refuses any way back.
 */
export async function confirmQuotaYear(
  tx: Tx,
  input: { provinceId: number; year: number; version: number; confirmedById: number },
): Promise<{ id: number; content: QuotaYearContent }> {
  const updated = await tx.quotaYear.updateManyAndReturn({
    where: { provinceId: input.provinceId, year: input.year, status: 'draft', version: input.version },
    data: { status: 'confirmed', confirmedAt: new Date(), confirmedById: input.confirmedById, version: { increment: 1 } },
    select: { id: true },
  });
  expectWritten(updated.length, 'quota_year');
  return { id: updated[0].id, content: await contentOf(tx, input.provinceId, input.year) };
}

/** One department's quota of one year (created where missing), from the department's version; returns what it was. */
export async function saveDepartmentQuota(tx: Tx, input: { departmentId: number; version: number; year: number; quota: number }): Promise<number | null> {
  const bumped = await tx.department.updateMany({ where: { id: input.departmentId, version: input.version }, data: { version: { increment: 1 } } });
  expectWritten(bumped.count, 'department');
  const existing = await tx.departmentQuota.findUnique({ where: { departmentId_year: { departmentId: input.departmentId, year: input.year } }, select: { quota: true } });
  await tx.departmentQuota.upsert({
    where: { departmentId_year: { departmentId: input.departmentId, year: input.year } },
    create: { departmentId: input.departmentId, year: input.year, quota: input.quota },
    update: { quota: input.quota },
  });
  return existing?.quota ?? null;
}
