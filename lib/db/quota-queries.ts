import 'server-only';
import { compareVietnamese } from '@/lib/domain/vietnamese';
import type { Block } from '@/lib/domain/types';
import type { Db } from './prisma';
import type { CommuneDetail } from './staffing-queries';

export type BlockQuotas = Record<Block, number | null>;

/** The years that have at least one quota row in the province, newest first. */
export async function listQuotaYears(db: Db, provinceId: number): Promise<number[]> {
  const rows = await db.quota.findMany({
    where: { commune: { provinceId } },
    distinct: ['year'],
    select: { year: true },
    orderBy: { year: 'desc' },
  });
  return rows.map((row) => row.year);
}

export type OldDistrictOption = { id: number; code: string; name: string };

export async function listOldDistrictOptions(db: Db, provinceId: number): Promise<OldDistrictOption[]> {
  const rows = await db.oldDistrict.findMany({ where: { provinceId }, select: { id: true, code: true, name: true } });
  return rows.sort((a, b) => compareVietnamese(a.name, b.name) || (a.code < b.code ? -1 : 1));
}

export type CommuneQuotaRow = Omit<CommuneDetail, 'mergedFrom'> & { quota: BlockQuotas };

/** Every commune of the province with its quota per block in `year` (null where that block has no row). */
export async function listCommuneQuotas(db: Db, provinceId: number, year: number): Promise<CommuneQuotaRow[]> {
  const rows = await db.commune.findMany({
    where: { provinceId },
    select: {
      id: true, code: true, name: true, kind: true, mountainous: true, extremelyDisadvantaged: true, border: true,
      oldDistrict: { select: { code: true, name: true } },
      quotas: { where: { year }, select: { block: true, quota: true } },
    },
  });
  return rows
    .map(({ quotas, ...commune }) => ({ ...commune, quota: toBlockQuotas(quotas) }))
    .sort((a, b) => compareVietnamese(a.oldDistrict.name, b.oldDistrict.name) || compareVietnamese(a.name, b.name) || (a.code < b.code ? -1 : 1));
}

export type CommuneForEdit = {
  id: number;
  code: string;
  name: string;
  kind: 'commune' | 'ward';
  version: number;
  oldDistrictId: number;
  oldDistrict: { code: string; name: string };
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  border: boolean;
  /** Quotas per year, newest first. */
  quotasByYear: { year: number; quota: BlockQuotas }[];
};

/** A commune of the user's province by code; another province's code reads as unknown. */
export async function findCommuneForEdit(db: Db, provinceId: number, code: string): Promise<CommuneForEdit | null> {
  const row = await db.commune.findUnique({
    where: { provinceId_code: { provinceId, code } },
    select: {
      id: true, code: true, name: true, kind: true, version: true, oldDistrictId: true, mountainous: true,
      extremelyDisadvantaged: true, border: true, oldDistrict: { select: { code: true, name: true } },
      quotas: { select: { year: true, block: true, quota: true } },
    },
  });
  if (!row) return null;
  const { quotas, ...commune } = row;
  const years = [...new Set(quotas.map((q) => q.year))].sort((a, b) => b - a);
  return { ...commune, quotasByYear: years.map((year) => ({ year, quota: toBlockQuotas(quotas.filter((q) => q.year === year)) })) };
}

export function toBlockQuotas(rows: { block: Block; quota: number }[]): BlockQuotas {
  const quota: BlockQuotas = { party_front: null, government: null };
  for (const row of rows) quota[row.block] = row.quota;
  return quota;
}

/** What a quota audit record holds: one year of one commune, both blocks. */
export type QuotaSnapshot = { year: number } & BlockQuotas;

/** What a commune-attribute audit record holds. */
export type CommuneAttributesSnapshot = {
  oldDistrictCode: string;
  oldDistrictName: string;
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  border: boolean;
};

/** The columns of a commune that its attribute audit record holds (read with communeAttributesOf). */
export const COMMUNE_ATTRIBUTES_SELECT = {
  mountainous: true,
  extremelyDisadvantaged: true,
  border: true,
  oldDistrict: { select: { code: true, name: true } },
} as const;

export function communeAttributesOf(row: { mountainous: boolean; extremelyDisadvantaged: boolean; border: boolean; oldDistrict: { code: string; name: string } }): CommuneAttributesSnapshot {
  return {
    oldDistrictCode: row.oldDistrict.code,
    oldDistrictName: row.oldDistrict.name,
    mountainous: row.mountainous,
    extremelyDisadvantaged: row.extremelyDisadvantaged,
    border: row.border,
  };
}

export type CommuneHistoryEntry = {
  id: string;
  at: Date;
  actorName: string;
  entityType: 'quota' | 'commune' | 'keyPositionNorm';
  before: unknown;
  after: unknown;
};

const HISTORY_LIMIT = 100;

/** The commune's quota, attribute and key-position norm changes from the audit trail, newest first (id breaks ties). */
export async function listCommuneHistory(db: Db, provinceId: number, communeId: number): Promise<CommuneHistoryEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { provinceId, entityType: { in: ['quota', 'commune', 'keyPositionNorm'] }, entityId: String(communeId) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: HISTORY_LIMIT,
    select: { id: true, at: true, actorName: true, entityType: true, before: true, after: true },
  });
  return rows.map((row) => ({ ...row, id: row.id.toString(), entityType: row.entityType as CommuneHistoryEntry['entityType'] }));
}

/** A key position with the number of places it has in a commune (its norm; one when no override exists). */
export type KeyPositionNormRow = { positionId: number; code: string; titleVi: string; titleEn: string; block: Block | null; required: number };

/** Where no override row exists a key position has one place in every commune (decision 008, `key_positions`). */
export const DEFAULT_KEY_POSITION_NORM = 1;

export async function listKeyPositionNorms(db: Db, provinceId: number, communeId: number): Promise<KeyPositionNormRow[]> {
  const positions = await db.position.findMany({
    where: { provinceId, isKey: true },
    select: { id: true, code: true, titleVi: true, titleEn: true, block: true, keyNorms: { where: { communeId }, select: { required: true } } },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  return positions.map(({ id, keyNorms, ...position }) => ({ positionId: id, ...position, required: keyNorms[0]?.required ?? DEFAULT_KEY_POSITION_NORM }));
}

/** What a key-position norm audit record holds: the changed norms by position code. */
export type KeyPositionNormSnapshot = Record<string, number>;
