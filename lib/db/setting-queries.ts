import { numericSetting, type SettingKey } from '@/lib/domain/settings';
import type { Db } from './prisma';

// The value of a province's setting in force at a date: its latest `setting` row effective on or before the date,
// else the default of lib/domain/settings.ts. `source` is the recorded source; null for a default, whose source
// is the catalogue's `settings.defaultSource.<key>`.

export type SettingInForce = { key: SettingKey; value: number; source: string | null; effectiveFrom: string | null; decisionId: number | null };

export async function settingAt(db: Db, provinceId: number, key: SettingKey, date: string): Promise<SettingInForce> {
  const row = await db.setting.findFirst({
    where: { provinceId, key, effectiveFrom: { lte: new Date(`${date}T00:00:00Z`) } },
    orderBy: { effectiveFrom: 'desc' },
  });
  if (!row) return { key, value: numericSetting(key, null), source: null, effectiveFrom: null, decisionId: null };
  return { key, value: numericSetting(key, row.value), source: row.source, effectiveFrom: row.effectiveFrom.toISOString().slice(0, 10), decisionId: row.decisionId };
}

/** Several settings at once (one query). */
export async function settingsAt<K extends SettingKey>(db: Db, provinceId: number, keys: readonly K[], date: string): Promise<Record<K, SettingInForce>> {
  const rows = await db.setting.findMany({
    where: { provinceId, key: { in: [...keys] }, effectiveFrom: { lte: new Date(`${date}T00:00:00Z`) } },
    orderBy: { effectiveFrom: 'desc' },
  });
  const result = {} as Record<K, SettingInForce>;
  for (const key of keys) {
    const row = rows.find((r) => r.key === key);
    result[key] = row
      ? { key, value: numericSetting(key, row.value), source: row.source, effectiveFrom: row.effectiveFrom.toISOString().slice(0, 10), decisionId: row.decisionId }
      : { key, value: numericSetting(key, null), source: null, effectiveFrom: null, decisionId: null };
  }
  return result;
}
