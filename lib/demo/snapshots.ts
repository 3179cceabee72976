import type { Db } from '@/lib/db/prisma';
import { saveSnapshot } from '@/lib/db/snapshot-mutations';
import { computeSnapshotFigures } from '@/lib/db/snapshot-queries';

// The demo's monthly snapshots (decision 015), from the reform to the demo's present (APP_TODAY 2025-11-10),
// computed by the same pipeline at each date, so they tell the articles' story from the data itself: the headcount
// falls from the handover through departures (early retirements under Decree 154 among them) until the published
// 8,635 against 7,988 and 56 of 130 units short with key gaps; the 5% lists are submitted in September, approved by
// Conclusion 599-KL/TU of 19/09/2025 and placed from 01/10/2025. The July snapshot also carries the 9,939
// positions handed over (4,063 + 5,876) as context with its source: the model counts people, not positions.
export const DEMO_SNAPSHOT_DATES = ['2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01'] as const;

const HANDOVER_DATE = '2025-07-01';
const HANDOVER = {
  key: 'positions_handed_over',
  value: 9939,
  parts: { party_front: 4063, government: 5876 },
  // Named in Vietnamese: the source travels into Vietnamese documents (the plan report) and onto the dashboard. The
  // figures were read in the paper's English edition of 2025, which translates its Vietnamese articles.
  source: 'Báo Nghệ An điện tử, năm 2025',
};

/** Records the missing monthly snapshots of the province; returns how many were taken. Idempotent. */
export async function seedDemoSnapshots(db: Db, provinceCode = 'NA'): Promise<number> {
  const province = await db.province.findUnique({ where: { code: provinceCode }, select: { id: true } });
  if (!province) return 0;
  const existing = new Set(
    (await db.provinceSnapshot.findMany({ where: { provinceId: province.id, supersededAt: null }, select: { takenOn: true } })).map((s) => s.takenOn.toISOString().slice(0, 10)),
  );
  const missing = DEMO_SNAPSHOT_DATES.filter((date) => !existing.has(date));
  // What takeSnapshot does for each date, the reads side by side (each date's figures are independent of the
  // others'), the rows recorded in date order.
  const figures = await Promise.all(missing.map((date) => computeSnapshotFigures(db, province.id, date)));
  for (const [i, date] of missing.entries()) {
    if (date === HANDOVER_DATE) figures[i].detail.context = [HANDOVER];
    await saveSnapshot(db, province.id, date, 'demo', figures[i]);
  }
  return missing.length;
}
