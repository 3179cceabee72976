import type { QuotaYearStatus } from '@/lib/domain/quota-years';
import { poolOf, type Db } from './prisma';

// Reads of a province's quota years (decision 027) and the one SQL form of the rule "a quota year counts once it is
// confirmed" (docs/domain.md, Counting; lib/domain/quota-years.ts `latestConfirmedYear`). No `server-only` guard: the
// counting pipeline, the CLI and the seed import it.

/**
 * SQL: whether quota year `year` of province `provinceId` (two SQL expressions) is confirmed. The counting pipeline,
 * the transfer guard and the 5% compilation put it beside their year conditions, so a draft never counts.
 */
export const isConfirmedQuotaYear = (provinceId: string, year: string): string =>
  `EXISTS (SELECT 1 FROM quota_year qy WHERE qy.province_id = ${provinceId} AND qy.year = ${year} AND qy.status = 'confirmed')`;

export type QuotaYearRow = {
  id: number;
  year: number;
  status: QuotaYearStatus;
  copiedFrom: number | null;
  openedAt: Date;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  version: number;
  /** Communes with a quota row that year, and the sums of both blocks. */
  communes: number;
  partyFront: number;
  government: number;
  /** Departments with a quota that year, and their sum. */
  departments: number;
  departmentQuota: number;
};

type RawYear = {
  id: number; year: number; status: QuotaYearStatus; copied_from: number | null; opened_at: Date; confirmed_at: Date | null;
  confirmed_by: string | null; version: number; communes: number; party_front: number; government: number; departments: number; department_quota: number;
};

const YEARS_SQL = `
SELECT qy.id, qy.year, qy.status::text AS status, qy.copied_from, qy.opened_at, qy.confirmed_at, u.display_name AS confirmed_by, qy.version,
       COALESCE(c.communes, 0)::int AS communes, COALESCE(c.party_front, 0)::int AS party_front, COALESCE(c.government, 0)::int AS government,
       COALESCE(d.departments, 0)::int AS departments, COALESCE(d.quota, 0)::int AS department_quota
  FROM quota_year qy
  LEFT JOIN app_user u ON u.id = qy.confirmed_by_id
  LEFT JOIN LATERAL (SELECT count(DISTINCT q.commune_id) AS communes,
                            sum(q.quota) FILTER (WHERE q.block = 'party_front') AS party_front,
                            sum(q.quota) FILTER (WHERE q.block = 'government') AS government
                       FROM quota q JOIN commune cm ON cm.id = q.commune_id
                      WHERE cm.province_id = qy.province_id AND q.year = qy.year) c ON true
  LEFT JOIN LATERAL (SELECT count(*) AS departments, sum(dq.quota) AS quota
                       FROM department_quota dq JOIN department dp ON dp.id = dq.department_id
                      WHERE dp.province_id = qy.province_id AND dq.year = qy.year) d ON true
 WHERE qy.province_id = $1 AND ($2::int IS NULL OR qy.year = $2)
 ORDER BY qy.year DESC`;

const toRow = (r: RawYear): QuotaYearRow => ({
  id: r.id, year: r.year, status: r.status, copiedFrom: r.copied_from, openedAt: r.opened_at, confirmedAt: r.confirmed_at, confirmedBy: r.confirmed_by,
  version: r.version, communes: r.communes, partyFront: r.party_front, government: r.government, departments: r.departments, departmentQuota: r.department_quota,
});

/** The province's quota years, newest first, with what each holds. */
export async function listQuotaYearRows(db: Db, provinceId: number): Promise<QuotaYearRow[]> {
  const { rows } = await poolOf(db).query<RawYear>(YEARS_SQL, [provinceId, null]);
  return rows.map(toRow);
}

/** One quota year of the province, or null. */
export async function findQuotaYear(db: Db, provinceId: number, year: number): Promise<QuotaYearRow | null> {
  const { rows } = await poolOf(db).query<RawYear>(YEARS_SQL, [provinceId, year]);
  return rows[0] ? toRow(rows[0]) : null;
}

export type DepartmentQuotaRow = { id: number; code: string; name: string; version: number; quota: number | null };

/** Every department of the province with its quota in `year` (null when it has none that year), by code. */
export async function listDepartmentQuotas(db: Db, provinceId: number, year: number): Promise<DepartmentQuotaRow[]> {
  const { rows } = await poolOf(db).query<DepartmentQuotaRow>(
    `SELECT d.id, d.code, d.name, d.version, dq.quota
       FROM department d LEFT JOIN department_quota dq ON dq.department_id = d.id AND dq.year = $2
      WHERE d.province_id = $1
      ORDER BY d.code COLLATE "C"`,
    [provinceId, year],
  );
  return rows;
}

export type DepartmentQuota = { quota: number; year: number };

/**
 * A department's quota for the 5% minimum of a phase of `year`: its latest confirmed quota year not after it
 * (docs/domain.md, Quota years and campaigns); null when it has none.
 */
export async function findDepartmentQuotaFor(db: Db, departmentId: number, year: number): Promise<DepartmentQuota | null> {
  const { rows } = await poolOf(db).query<DepartmentQuota>(
    `SELECT dq.quota, dq.year FROM department_quota dq JOIN department d ON d.id = dq.department_id
      WHERE dq.department_id = $1 AND dq.year <= $2 AND ${isConfirmedQuotaYear('d.province_id', 'dq.year')}
      ORDER BY dq.year DESC LIMIT 1`,
    [departmentId, year],
  );
  return rows[0] ?? null;
}

/** The years that have a 5% phase in the province (each year's phases are its campaign), newest first. */
export async function listCampaignYears(db: Db, provinceId: number): Promise<number[]> {
  const { rows } = await poolOf(db).query<{ year: number }>(
    `SELECT DISTINCT year FROM secondment_phase WHERE province_id = $1 ORDER BY year DESC`,
    [provinceId],
  );
  return rows.map((r) => r.year);
}
