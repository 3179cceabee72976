import { createPrismaClient } from '@/lib/db/prisma';
import { countsAsStaff } from '@/lib/domain/employment';
import { seedDemoAccounts } from './accounts';
import { generateNationalProvinces } from './generate-national';
import { generateNgheAn } from './generate-province';
import { hasProvince, loadProvince, withSeedTransaction } from './load';
import { seedDemoPlanning } from './planning';
import { seedDemoReceptions } from './receptions';
import { seedDemoSecondments } from './secondments';
import { seedDemoSnapshots } from './snapshots';
import { seedDemoTransfers } from './transfers';
import { seedDemoSupport } from './support-story';
import { seedDemoRatings } from './ratings';
import type { ProvinceDataset } from './types';

export { FIELDS, POSITIONS } from './catalogue';
export { generateNgheAn } from './generate-province';
export { generateNationalProvinces } from './generate-national';
export type { ProvinceDataset } from './types';

/**
 * Loads the demo Nghệ An (the published figures of docs/domain.md) unless province NA already exists, its demo
 * accounts and, when it loaded the province, the stories of the 5% lists and of the transfers.
 */
export async function seedDemo(databaseUrl: string): Promise<{ created: boolean }> {
  const db = createPrismaClient(databaseUrl);
  try {
    // The client's start (its query engine and first connection) overlaps the province's load.
    const [result] = await Promise.all([
      withSeedTransaction<{ created: boolean }>(databaseUrl, 120, async (client) => {
        if (await hasProvince(client, 'NA')) return { commit: (await seedDemoAccounts(client)) > 0, result: { created: false } };
        await loadProvince(client, generateNgheAn());
        await seedDemoAccounts(client);
        return { commit: true, result: { created: true } };
      }),
      db.$connect(),
    ]);
    // After the commit, the stories are replayed through the application's mutations, each step committed before the
    // next as the server actions commit theirs (lib/demo/replay.ts): what a step reads outside its transaction (the
    // quota guard's figures, a list's 5% count) must be what the earlier steps wrote. Only the run that loaded the
    // province replays them, so two seeds started at once never replay a story twice. Then the monthly snapshots,
    // computed by the staffing pipeline on the committed data (idempotent).
    if (result.created) {
      await seedDemoSecondments(db);
      await seedDemoTransfers(db);
      await seedDemoSupport(db);
      await seedDemoRatings(db);
      await seedDemoPlanning(db);
      await seedDemoReceptions(db);
    }
    await seedDemoSnapshots(db);
    return result;
  } finally {
    await db.$disconnect();
  }
}

/** Counted commune staff: active cadres and civil servants with an open primary post in a commune. */
function countCountedStaff(data: ProvinceDataset): number {
  const counted = new Set(
    data.cadres.filter((c) => c.status === 'active' && countsAsStaff(c.employmentType)).map((c) => c.code),
  );
  return data.assignments.filter((a) => a.communeCode !== null && a.isPrimary && a.endDate === null && counted.has(a.cadreCode)).length;
}

/**
 * Loads the demo Nghệ An and `provinces − 1` synthetic provinces (default: all 34 of Vietnam, about 3,321
 * units and 220,000 counted cadres) for benchmarks. Provinces already present are skipped. Returns the
 * size of the data set: provinces, units and counted commune cadres and civil servants.
 */
export async function seedNational(databaseUrl: string, options: { provinces?: number } = {}): Promise<{ provinces: number; communes: number; cadres: number }> {
  return withSeedTransaction(databaseUrl, 600, async (client) => {
    const totals = { provinces: 0, communes: 0, cadres: 0 };
    for (const data of generateNationalProvinces(options.provinces ?? 34)) {
      if (!(await hasProvince(client, data.province.code))) await loadProvince(client, data);
      totals.provinces += 1;
      totals.communes += data.communes.length;
      totals.cadres += countCountedStaff(data);
    }
    return { commit: true, result: totals };
  });
}
