import type { Prisma } from '@/lib/generated/prisma/client';
import { isPastRetirement, retirementDate } from '@/lib/domain/retirement';
import { ageAt } from '@/lib/domain/structure';
import type { Db } from './prisma';

// The short profile shown wherever a person is chosen (the transfer plan and proposals, the 5% lists, the placement
// page): docs/decisions/039-completeness-search-personal-history.md. Age and retirement date derive from the birth
// date, which never leaves this module: a page shows the age and the date of reaching retirement age, not the birth
// date (docs/domain.md, Who sees what). No 'server-only': the tests read it as the pages do.

type Reader = Db | Prisma.TransactionClient;

export type ShortProfile = {
  cadreId: number;
  code: string;
  fullName: string;
  /** Full years at the date, by birthday (docs/domain.md, People). */
  age: number;
  education: 'intermediate' | 'college' | 'university' | 'master' | 'doctorate';
  /** A field code of the catalogue (`fields.*`), or an imported text; null when none is recorded. */
  field: string | null;
  /** The start of the primary post open at the date; null without one (left, or between posts). */
  postStart: string | null;
  /** Full years in that post at the date, counted like an age from its start date. */
  yearsInPost: number | null;
  /** Decree 135/2020: the last day of the month the retirement age is reached (lib/domain/retirement.ts). */
  retirementDate: string;
  isPastRetirement: boolean;
};

type Row = {
  id: number; code: string; full_name: string; gender: 'male' | 'female'; birth_date: string;
  education: ShortProfile['education']; field: string | null; post_start: string | null;
};

/**
 * The short profiles of `cadreIds` at `date`, in one statement. The callers pass people they already show within
 * the user's scope; an id of no person is simply absent from the map.
 */
export async function listShortProfiles(db: Reader, cadreIds: readonly number[], date: string): Promise<Map<number, ShortProfile>> {
  const result = new Map<number, ShortProfile>();
  const ids = [...new Set(cadreIds)];
  if (ids.length === 0) return result;
  // One open primary post at a time is a database guard; LIMIT 1 keeps the statement total if that ever broke.
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT c.id, c.code, c.full_name, c.gender::text AS gender, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date,
            c.education::text AS education, c.field, to_char(p.start_date, 'YYYY-MM-DD') AS post_start
       FROM cadre c
       LEFT JOIN LATERAL (
         SELECT a.start_date FROM assignment a
          WHERE a.cadre_id = c.id AND a.is_primary AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
          ORDER BY a.start_date DESC, a.id DESC LIMIT 1
       ) p ON true
      WHERE c.id = ANY($1::int[])`,
    ids, date,
  );
  for (const r of rows) {
    result.set(r.id, {
      cadreId: r.id,
      code: r.code,
      fullName: r.full_name,
      age: ageAt(r.birth_date, date),
      education: r.education,
      field: r.field && r.field.trim() !== '' ? r.field : null,
      postStart: r.post_start,
      yearsInPost: r.post_start === null ? null : ageAt(r.post_start, date),
      retirementDate: retirementDate(r.birth_date, r.gender),
      isPastRetirement: isPastRetirement(r.birth_date, r.gender, date),
    });
  }
  return result;
}
