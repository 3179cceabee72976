import type { Db } from './prisma';

// The report's section on the communes' problems (lib/report, docs/decisions/044-support-requests-and-working-groups.md).
// No `server-only`: the command line's `export report` reads it too. The requests raised up to the report's date,
// each in its state as recorded now (a request's state has no dated history).

export type ReportSupport = {
  problems: { code: string; name: string; raised: number; open: number; resolved: number; escalatedProvince: number; escalatedCentral: number }[];
  escalated: { commune: string; title: string; problem: string; group: string | null; to: 'escalated_province' | 'escalated_central'; summary: string; escalatedOn: string | null }[];
};

export async function getReportSupport(db: Db, provinceId: number, date: string): Promise<ReportSupport> {
  const [groups, requests] = await Promise.all([
    db.problemGroup.findMany({ where: { provinceId }, select: { id: true, code: true, nameVi: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    db.supportRequest.findMany({
      where: { provinceId, raisedOn: { lte: new Date(`${date}T00:00:00Z`) } },
      select: {
        state: true, title: true, problemGroupId: true, escalationSummary: true, escalatedOn: true, raisedOn: true,
        commune: { select: { name: true } }, workingGroup: { select: { name: true } },
      },
      orderBy: [{ raisedOn: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const names = new Map(groups.map((g) => [g.id, g.nameVi]));
  const problems = groups
    .map((g) => {
      const own = requests.filter((r) => r.problemGroupId === g.id);
      return {
        code: g.code, name: g.nameVi, raised: own.length,
        open: own.filter((r) => r.state === 'open' || r.state === 'assigned').length,
        resolved: own.filter((r) => r.state === 'resolved').length,
        escalatedProvince: own.filter((r) => r.state === 'escalated_province').length,
        escalatedCentral: own.filter((r) => r.state === 'escalated_central').length,
      };
    })
    .filter((p) => p.raised > 0);
  const escalated = requests
    .filter((r): r is typeof r & { state: 'escalated_province' | 'escalated_central' } => r.state === 'escalated_province' || r.state === 'escalated_central')
    .map((r) => ({
      commune: r.commune.name, title: r.title, problem: names.get(r.problemGroupId) ?? '', group: r.workingGroup?.name ?? null, to: r.state,
      summary: r.escalationSummary ?? '', escalatedOn: r.escalatedOn ? r.escalatedOn.toISOString().slice(0, 10) : null,
    }));
  return { problems, escalated };
}
