import { choosePlanningTerm, getPlanningOverview } from '@/lib/db/planning-queries';
import type { Db } from '@/lib/db/prisma';
import { getProvinceStructure, getStructureTrend, structureSettingsAt } from '@/lib/db/structure-queries';
import { monthlyDates } from '@/lib/domain/structure';
import { REFORM_DATE } from './model';
import type { ReportStructure, ReportSuccession } from './structure';

// What the report's structure and succession tables read (docs/decisions/041-structure-and-planning.md). No
// `server-only`: the route handler and the command line import it.

/** The trend's points: the first day of each month since the reform, at most the last twelve, and the date. */
const TREND_POINTS = 12;

export async function loadReportStructure(db: Db, provinceId: number, date: string): Promise<ReportStructure> {
  const [structure, trend] = await Promise.all([getProvinceStructure(db, provinceId, date), getStructureTrend(db, provinceId, monthlyDates(REFORM_DATE, date).slice(-TREND_POINTS))]);
  return { youngAge: structure.youngAge, targets: structure.targets, province: structure.province, oldDistricts: structure.oldDistricts, trend };
}

/** The term whose years hold the date (else the latest); null when the province has none. */
export async function loadReportSuccession(db: Db, provinceId: number, date: string): Promise<ReportSuccession | null> {
  const term = await choosePlanningTerm(db, provinceId, date);
  if (!term) return null;
  const { youngAge } = await structureSettingsAt(db, provinceId, date);
  const overview = await getPlanningOverview(db, provinceId, term.id, date, youngAge);
  const titles = new Map(overview.positions.map((p) => [p.id, p.titleVi]));
  return {
    term: term.name,
    communes: overview.communes.filter((c) => c.withoutSuccessor.length > 0).length,
    posts: overview.byPost.map((p) => ({ title: titles.get(p.positionId) ?? '', withoutSuccessor: p.withoutSuccessor, withSuccessor: p.withSuccessor, people: p.people })),
  };
}
