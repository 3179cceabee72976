import type { Db } from '@/lib/db/prisma';
import { findProvinceByCode, listProvinces, type ProvinceRef } from '@/lib/db/staffing-queries';
import { defaultMessage } from '@/lib/i18n/translator';
import { CliInputError } from './errors';

/** `--province CODE`, required only when the database holds more than one province. */
export async function resolveProvince(db: Db, code: string | undefined): Promise<ProvinceRef> {
  if (code) {
    const province = await findProvinceByCode(db, code.trim().toUpperCase());
    if (!province) throw new CliInputError(defaultMessage('system.database.unknownProvince', { code }));
    return province;
  }
  const provinces = await listProvinces(db);
  if (provinces.length === 0) throw new CliInputError(defaultMessage('system.database.noProvince'));
  if (provinces.length > 1) {
    throw new CliInputError(`Có ${provinces.length} tỉnh: hãy chọn một bằng --province (${provinces.map((p) => p.code).join(', ')})`);
  }
  return provinces[0];
}
