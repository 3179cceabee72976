import type pg from 'pg';
import { DEFAULT_PROBLEM_GROUPS } from '@/lib/domain/support';
import type { Prisma } from '@/lib/generated/prisma/client';
import { translatorFor } from '@/lib/i18n/translator';
import { bumpVersion } from './versions';

// The catalogue of problem groups of a province (docs/decisions/044-support-requests-and-working-groups.md): the ten
// groups of Notice 35-TB/TU, created with the province (the demo's load, the import's new province, the migration
// for provinces that existed before), then kept by the administrator: added, renamed, deactivated, never deleted
// (requests keep their group).

type Tx = Prisma.TransactionClient;

/** The default groups with their names from the catalogues, in the notice's order. */
export function defaultProblemGroups(): { code: string; nameVi: string; nameEn: string; sortOrder: number }[] {
  const vi = translatorFor('vi');
  const en = translatorFor('en');
  return DEFAULT_PROBLEM_GROUPS.map((code, index) => ({
    code, nameVi: vi(`support.problemGroups.defaults.${code}`), nameEn: en(`support.problemGroups.defaults.${code}`), sortOrder: (index + 1) * 10,
  }));
}

/** Creates the default catalogue for a province that has no problem group yet; returns how many were created. */
export async function ensureDefaultProblemGroups(client: pg.ClientBase, provinceId: number): Promise<number> {
  const groups = defaultProblemGroups();
  const { rowCount } = await client.query(
    `INSERT INTO problem_group (province_id, code, name_vi, name_en, sort_order)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[])
      WHERE NOT EXISTS (SELECT 1 FROM problem_group WHERE province_id = $1)`,
    [provinceId, groups.map((g) => g.code), groups.map((g) => g.nameVi), groups.map((g) => g.nameEn), groups.map((g) => g.sortOrder)],
  );
  return rowCount ?? 0;
}

export async function createProblemGroup(tx: Tx, input: { provinceId: number; code: string; nameVi: string; nameEn: string; sortOrder: number }): Promise<number> {
  const created = await tx.problemGroup.create({ data: input, select: { id: true } });
  return created.id;
}

/** Renames, reorders, deactivates or reactivates a group from the version the form was rendered with. */
export async function updateProblemGroup(tx: Tx, input: { id: number; version: number; nameVi: string; nameEn: string; sortOrder: number; isActive: boolean }): Promise<void> {
  await bumpVersion(tx, 'problem_group', input.id, input.version);
  await tx.problemGroup.update({ where: { id: input.id }, data: { nameVi: input.nameVi, nameEn: input.nameEn, sortOrder: input.sortOrder, isActive: input.isActive } });
}
