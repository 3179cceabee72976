import { today } from '@/lib/clock';
import { countsAsStaff } from '@/lib/domain/employment';
import { computeCommuneStaffing, rollUp, rollUpByOldDistrict } from '@/lib/domain/staffing';
import type { Block, CommuneStaffing, OldDistrictRollup, Rollup } from '@/lib/domain/types';
import type { Db } from './prisma';
import { cacheable, cachedFigures } from './figures-cache';
import { COUNTED_AT_DATE, loadCommuneCounts, OPEN_AT_DATE } from './staffing-counts';
import { env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';

// Read queries shared by pages, route handlers, the CLI and benchmarks. No `server-only` guard here:
// the CLI imports this module too (docs/architecture.md, Conventions).

export type ProvinceRef = { id: number; code: string; name: string };

export async function listProvinces(db: Db): Promise<ProvinceRef[]> {
  return db.province.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } });
}

export async function findProvinceByCode(db: Db, code: string): Promise<ProvinceRef | null> {
  return db.province.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
}

/** The deployment's province: PROVINCE_CODE when set, else the first by code. */
export async function getCurrentProvince(db: Db): Promise<ProvinceRef> {
  const code = env.PROVINCE_CODE;
  const province = code
    ? await findProvinceByCode(db, code)
    : await db.province.findFirst({ select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } });
  if (!province) throw new Error(code ? defaultMessage('system.database.unknownProvince', { code }) : defaultMessage('system.database.noProvince'));
  return province;
}

export type ProvinceStaffing = {
  province: ProvinceRef;
  date: string;
  communes: CommuneStaffing[];
  total: Rollup;
  oldDistricts: (OldDistrictRollup & { oldDistrictCode: string })[];
};

export async function getProvinceStaffing(
  db: Db,
  provinceId: number,
  options: { date?: string; year?: number } = {},
): Promise<ProvinceStaffing> {
  const date = options.date ?? today();
  return cachedFigures(db, provinceId, 'provinceStaffing', [date, options.year], () => computeProvinceStaffing(db, provinceId, date, options.year));
}

async function computeProvinceStaffing(db: Db, provinceId: number, date: string, year: number | undefined): Promise<ProvinceStaffing> {
  const options = { year };
  const [province, counts, districts] = await Promise.all([
    db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { id: true, code: true, name: true } }),
    loadCommuneCounts(db, { provinceId, date, year: options.year }),
    db.oldDistrict.findMany({ where: { provinceId }, select: { id: true, code: true } }),
  ]);
  const communes = counts.map(computeCommuneStaffing);
  const codeById = new Map(districts.map((d) => [d.id, d.code]));
  return {
    province,
    date,
    communes,
    total: rollUp(communes),
    oldDistricts: rollUpByOldDistrict(communes).map((d) => ({ ...d, oldDistrictCode: codeById.get(d.oldDistrictId) ?? '' })),
  };
}

/** Several provinces at once (a national roll-up): one counting statement, then the same pure rules. */
export async function getStaffingForProvinces(
  db: Db,
  provinceIds: number[],
  options: { date?: string } = {},
): Promise<{ provinceId: number; communes: CommuneStaffing[]; total: Rollup }[]> {
  const date = options.date ?? today();
  const counts = await loadCommuneCounts(db, { provinceId: provinceIds, date });
  const byProvince = new Map<number, CommuneStaffing[]>(provinceIds.map((id) => [id, []]));
  for (const c of counts) byProvince.get(c.provinceId!)?.push(computeCommuneStaffing(c));
  return provinceIds.map((provinceId) => {
    const communes = byProvince.get(provinceId) ?? [];
    return { provinceId, communes, total: rollUp(communes) };
  });
}

export type OldDistrictRef = { id: number; code: string; name: string; mountainous: boolean };

export async function findOldDistrict(db: Db, provinceId: number, code: string): Promise<OldDistrictRef | null> {
  return db.oldDistrict.findUnique({
    where: { provinceId_code: { provinceId, code } },
    select: { id: true, code: true, name: true, mountainous: true },
  });
}

export type CommuneDetail = {
  id: number;
  code: string;
  name: string;
  kind: 'commune' | 'ward';
  oldDistrict: { code: string; name: string };
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  border: boolean;
  mergedFrom: string[];
};

export async function findCommune(db: Db, provinceId: number, code: string): Promise<CommuneDetail | null> {
  return db.commune.findUnique({
    where: { provinceId_code: { provinceId, code } },
    select: {
      id: true, code: true, name: true, kind: true, mountainous: true, extremelyDisadvantaged: true, border: true,
      mergedFrom: true, oldDistrict: { select: { code: true, name: true } },
    },
  });
}

export async function getCommuneStaffing(
  db: Db,
  provinceId: number,
  communeId: number,
  options: { date?: string } = {},
): Promise<CommuneStaffing> {
  if (cacheable(db)) {
    // The province's cached figures hold every commune's, counted by the same pipeline.
    const province = await getProvinceStaffing(db, provinceId, { date: options.date ?? today() });
    const cached = province.communes.find((commune) => commune.communeId === communeId);
    if (!cached) throw new Error(`No commune with id ${communeId} in the province with id ${provinceId}`);
    return cached;
  }
  const [counts] = await loadCommuneCounts(db, { provinceId, communeId, date: options.date ?? today() });
  // Callers pass a commune they have just read in that province: no counts is a bug, not a reader's mistake.
  if (!counts) throw new Error(`No commune with id ${communeId} in the province with id ${provinceId}`);
  return computeCommuneStaffing(counts);
}

export type KeyHolder = { positionId: number; cadreCode: string; fullName: string; isPrimary: boolean };

export async function listKeyHolders(db: Db, communeId: number, date: string): Promise<KeyHolder[]> {
  const rows = await db.$queryRawUnsafe<{ position_id: number; code: string; full_name: string; is_primary: boolean }[]>(
    `SELECT a.position_id, c.code, c.full_name, bool_or(a.is_primary) AS is_primary
       FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
      WHERE a.commune_id = $1 AND p.is_key AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}
      GROUP BY a.position_id, c.code, c.full_name
      ORDER BY a.position_id, bool_or(a.is_primary) DESC, c.full_name COLLATE "vi-x-icu"`,
    communeId,
    date,
  );
  return rows.map((r) => ({ positionId: r.position_id, cadreCode: r.code, fullName: r.full_name, isPrimary: r.is_primary }));
}

type PositionSummary = { code: string; titleVi: string; titleEn: string };
export type RosterRow = {
  cadreId: number;
  code: string;
  fullName: string;
  gender: 'male' | 'female';
  birthYear: number;
  employmentType: 'cadre' | 'civil_servant' | 'public_employee' | 'non_professional';
  education: 'intermediate' | 'college' | 'university' | 'master' | 'doctorate';
  field: string | null;
  primaryPosition: (PositionSummary & { block: Block | null; sortOrder: number }) | null;
  concurrentPositions: PositionSummary[];
  /** Counts against the quota: an active cadre or civil servant. */
  counts: boolean;
};

/** Everyone with a primary or concurrent assignment in the commune open at the date, still active then. */
export async function listCommuneRoster(db: Db, communeId: number, date: string): Promise<RosterRow[]> {
  const rows = await db.$queryRawUnsafe<
    {
      cadre_id: number; code: string; full_name: string; gender: 'male' | 'female'; birth_year: number;
      employment_type: RosterRow['employmentType']; education: RosterRow['education']; field: string | null;
      positions: { code: string; titleVi: string; titleEn: string; block: Block | null; sortOrder: number; isPrimary: boolean }[];
    }[]
  >(
    `SELECT c.id AS cadre_id, c.code, c.full_name, c.gender::text AS gender,
            extract(year FROM c.birth_date)::int AS birth_year,
            -- The type the primary post is held under (decision 043): a worker received later is not counted yet.
            COALESCE(max(a.employment_type::text) FILTER (WHERE a.is_primary), c.employment_type::text) AS employment_type,
            c.education::text AS education, c.field,
            json_agg(json_build_object('code', p.code, 'titleVi', p.title_vi, 'titleEn', p.title_en, 'block', p.block,
                     'sortOrder', p.sort_order, 'isPrimary', a.is_primary) ORDER BY a.is_primary DESC, p.sort_order) AS positions
       FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
      WHERE a.commune_id = $1 AND ${OPEN_AT_DATE} AND (c.status = 'active' OR c.left_on > $2::date)
      GROUP BY c.id`,
    communeId,
    date,
  );
  const blockOrder = (b: Block | null | undefined) => (b === 'party_front' ? 0 : b === 'government' ? 1 : 2);
  const collator = new Intl.Collator('vi');
  return rows
    .map((r) => {
      const primary = r.positions.find((p) => p.isPrimary);
      return {
        cadreId: r.cadre_id,
        code: r.code,
        fullName: r.full_name,
        gender: r.gender,
        birthYear: r.birth_year,
        employmentType: r.employment_type,
        education: r.education,
        field: r.field,
        primaryPosition: primary
          ? { code: primary.code, titleVi: primary.titleVi, titleEn: primary.titleEn, block: primary.block, sortOrder: primary.sortOrder }
          : null,
        concurrentPositions: r.positions.filter((p) => !p.isPrimary).map(({ code, titleVi, titleEn }) => ({ code, titleVi, titleEn })),
        counts: countsAsStaff(r.employment_type),
      };
    })
    .sort(
      (a, b) =>
        blockOrder(a.primaryPosition?.block) - blockOrder(b.primaryPosition?.block) ||
        (a.primaryPosition?.sortOrder ?? 1e9) - (b.primaryPosition?.sortOrder ?? 1e9) ||
        collator.compare(a.fullName, b.fullName) ||
        (a.code < b.code ? -1 : 1),
    );
}

export type PersonalFields = { birthDate: string; nationalId: string | null; phone: string | null; homeAddress: string | null };

/**
 * Personal data (Decree 13/2023) of the people on the commune's roster, by cadre id. Callers check
 * `can(user, 'cadre.viewPersonal', …)` first; the roster query itself never returns these fields.
 */
export async function listCommunePersonalFields(db: Db, communeId: number, date: string): Promise<Map<number, PersonalFields>> {
  const rows = await db.$queryRawUnsafe<
    { cadre_id: number; birth_date: string; national_id: string | null; phone: string | null; home_address: string | null }[]
  >(
    `SELECT DISTINCT c.id AS cadre_id, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.national_id, c.phone, c.home_address
       FROM assignment a JOIN cadre c ON c.id = a.cadre_id
      WHERE a.commune_id = $1 AND ${OPEN_AT_DATE} AND (c.status = 'active' OR c.left_on > $2::date)`,
    communeId,
    date,
  );
  return new Map(
    rows.map((r) => [r.cadre_id, { birthDate: r.birth_date, nationalId: r.national_id, phone: r.phone, homeAddress: r.home_address }]),
  );
}

export type ProvinceContext = {
  education: { total: number; university: number; master: number; doctorate: number; college: number; intermediate: number };
  partySeats: { executive: { planned: number; appointed: number }; standing: { planned: number; appointed: number } };
};

/** Education of counted commune staff (highest degree, exclusive categories) and Party committee seats. */
export async function getProvinceContext(db: Db, provinceId: number, date: string): Promise<ProvinceContext> {
  return cachedFigures(db, provinceId, 'provinceContext', [date], () => computeProvinceContext(db, provinceId, date));
}

async function computeProvinceContext(db: Db, provinceId: number, date: string): Promise<ProvinceContext> {
  const [education, seats] = await Promise.all([
    db.$queryRawUnsafe<{ education: keyof Omit<ProvinceContext['education'], 'total'>; n: number }[]>(
      `SELECT c.education::text AS education, count(DISTINCT c.id)::int AS n
         FROM assignment a JOIN commune cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id
         JOIN position p ON p.id = a.position_id
        WHERE cm.province_id = $1 AND a.is_primary AND p.block IS NOT NULL AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}
        GROUP BY c.education`,
      provinceId,
      date,
    ),
    db.$queryRawUnsafe<{ committee: 'executive' | 'standing'; planned: number; appointed: number }[]>(
      `SELECT s.committee::text AS committee, sum(s.planned)::int AS planned, sum(s.appointed)::int AS appointed
         FROM party_committee_seat s JOIN commune cm ON cm.id = s.commune_id
        WHERE cm.province_id = $1 GROUP BY s.committee`,
      provinceId,
    ),
  ]);
  const result: ProvinceContext = {
    education: { total: 0, university: 0, master: 0, doctorate: 0, college: 0, intermediate: 0 },
    partySeats: { executive: { planned: 0, appointed: 0 }, standing: { planned: 0, appointed: 0 } },
  };
  for (const e of education) {
    result.education[e.education] = e.n;
    result.education.total += e.n;
  }
  for (const s of seats) result.partySeats[s.committee] = { planned: s.planned, appointed: s.appointed };
  return result;
}

export type PositionRow = {
  id: number; code: string; titleVi: string; titleEn: string; block: Block | null; isKey: boolean; isElected: boolean; sortOrder: number; field: string | null;
};

export async function listPositions(db: Db, provinceId: number): Promise<PositionRow[]> {
  return db.position.findMany({
    where: { provinceId },
    select: { id: true, code: true, titleVi: true, titleEn: true, block: true, isKey: true, isElected: true, sortOrder: true, field: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
}
