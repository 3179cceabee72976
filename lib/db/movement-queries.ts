import 'server-only';
import type { StaffingMovement } from '@/lib/domain/projection';
import type { Block } from '@/lib/domain/types';
import type { Db } from './prisma';

// The approved movements a commune's projection needs (rules.md "Counting"): today, placed secondments not yet
// ended. Transfers join here when they exist (issue 8).

export type IncomingSecondment = StaffingMovement & {
  secondmentId: number;
  cadreName: string;
  departmentName: string;
  positionTitle: string;
  /** The last day the secondee works in the commune (the planned end, or the actual one when ended early). */
  until: string;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Secondments into the commune that have not ended by `today` (current or starting later). */
export async function listIncomingSecondments(db: Db, communeId: number, today: string): Promise<IncomingSecondment[]> {
  const day = new Date(`${today}T00:00:00Z`);
  const rows = await db.secondment.findMany({
    where: { communeId, OR: [{ endedOn: null, endDate: { gte: day } }, { endedOn: { gte: day } }] },
    select: {
      id: true, startDate: true, endDate: true, endedOn: true, positionId: true,
      position: { select: { block: true, titleVi: true } },
      cadre: { select: { fullName: true } },
      department: { select: { name: true } },
    },
    orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
  });
  return rows
    .filter((r) => r.position.block !== null)
    .map((r) => {
      const until = iso(r.endedOn ?? r.endDate);
      return {
        kind: 'secondment' as const, direction: 'in' as const, block: r.position.block as Block, positionId: r.positionId,
        startDate: iso(r.startDate), endDate: until,
        secondmentId: r.id, cadreName: r.cadre.fullName, departmentName: r.department.name, positionTitle: r.position.titleVi, until,
      };
    });
}
