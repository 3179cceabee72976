import 'server-only';
import type { Db } from './prisma';
import type { DeclaredVacancy } from '@/lib/domain/vacancy-list';

export type OpenVacancy = {
  id: number;
  positionTitle: string | null;
  field: string | null;
  count: number;
  urgency: 'normal' | 'urgent' | 'critical';
  note: string | null;
  declaredOn: string;
  version: number;
};

const URGENCY_ORDER = { critical: 0, urgent: 1, normal: 2 } as const;

type VacancyRow = { field: string | null; count: number; urgency: OpenVacancy['urgency']; note: string | null; declaredOn: Date };

/** What every list of vacancies shows of the need itself, its declaration day as YYYY-MM-DD. */
const needOf = (r: VacancyRow) => ({ field: r.field, count: r.count, urgency: r.urgency, note: r.note, declaredOn: r.declaredOn.toISOString().slice(0, 10) });

/** The commune's open needs, most urgent first, then oldest first. */
export async function listOpenVacancies(db: Db, communeId: number): Promise<OpenVacancy[]> {
  const rows = await db.vacancy.findMany({
    where: { communeId, status: 'open' },
    select: { id: true, field: true, count: true, urgency: true, note: true, declaredOn: true, version: true, position: { select: { titleVi: true } } },
    orderBy: [{ declaredOn: 'asc' }, { id: 'asc' }],
  });
  return rows
    .map((r) => ({
      id: r.id,
      positionTitle: r.position?.titleVi ?? null,
      ...needOf(r),
      version: r.version,
    }))
    .sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency]);
}

export type VacancyTarget = { id: number; communeId: number; provinceId: number; status: 'open' | 'closed'; version: number };

export async function findVacancy(db: Db, id: number): Promise<VacancyTarget | null> {
  const row = await db.vacancy.findUnique({ where: { id }, select: { id: true, communeId: true, status: true, version: true, commune: { select: { provinceId: true } } } });
  return row ? { id: row.id, communeId: row.communeId, provinceId: row.commune.provinceId, status: row.status, version: row.version } : null;
}

/**
 * Open declared vacancies and needs of a province, or of one old district of it, with what the province
 * and old-district views show and filter on (lib/domain/vacancy-list.ts sorts and filters them).
 */
export async function listDeclaredVacancies(
  db: Db,
  provinceId: number,
  scope: { oldDistrictId?: number } = {},
): Promise<DeclaredVacancy[]> {
  const rows = await db.vacancy.findMany({
    where: { status: 'open', commune: { provinceId, ...(scope.oldDistrictId !== undefined ? { oldDistrictId: scope.oldDistrictId } : {}) } },
    select: {
      id: true, field: true, count: true, urgency: true, note: true, declaredOn: true,
      position: { select: { code: true, titleVi: true, titleEn: true, block: true } },
      commune: {
        select: {
          id: true, code: true, name: true, mountainous: true, extremelyDisadvantaged: true,
          oldDistrict: { select: { id: true, code: true, name: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    communeId: r.commune.id,
    communeCode: r.commune.code,
    communeName: r.commune.name,
    oldDistrictId: r.commune.oldDistrict.id,
    oldDistrictCode: r.commune.oldDistrict.code,
    oldDistrictName: r.commune.oldDistrict.name,
    mountainous: r.commune.mountainous,
    extremelyDisadvantaged: r.commune.extremelyDisadvantaged,
    positionCode: r.position?.code ?? null,
    positionTitleVi: r.position?.titleVi ?? null,
    positionTitleEn: r.position?.titleEn ?? null,
    block: r.position?.block ?? null,
    ...needOf(r),
  }));
}
