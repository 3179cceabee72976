import { isPastRetirement, retirementDate } from '@/lib/domain/retirement';
import type { Block } from '@/lib/domain/types';
import type { Db } from './prisma';

// People past their retirement date (docs/domain.md, Departures and retirement): listed, never ended automatically.
// The rule is lib/domain/retirement.ts; SQL only narrows to people at least 55 (no one retires younger under Decree
// 135/2020), so the rule is never written twice.

export type RetirementFacts = { birthDate: string; gender: 'male' | 'female'; retirementDate: string; isPast: boolean };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** One person's retirement date and whether it has passed on `date`. */
export async function findRetirement(db: Db, cadreId: number, date: string): Promise<RetirementFacts | null> {
  const person = await db.cadre.findUnique({ where: { id: cadreId }, select: { birthDate: true, gender: true } });
  if (!person) return null;
  const birthDate = iso(person.birthDate);
  return { birthDate, gender: person.gender, retirementDate: retirementDate(birthDate, person.gender), isPast: isPastRetirement(birthDate, person.gender, date) };
}

export type PastRetirementRow = {
  cadreId: number; code: string; fullName: string; communeId: number; communeCode: string; communeName: string;
  block: Block | null; employmentType: string; retirementDate: string;
};

type Row = { id: number; code: string; full_name: string; birth_date: Date; gender: 'male' | 'female'; commune_id: number; commune_code: string; commune_name: string; block: Block | null; employment_type: string };

/**
 * Active people with a primary post open at `date` in a commune of the province (or of one commune) whose retirement
 * date is behind them, oldest retirement first.
 */
export async function listPastRetirement(db: Db, provinceId: number, date: string, communeId?: number): Promise<PastRetirementRow[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT c.id, c.code, c.full_name, c.birth_date, c.gender::text AS gender, cm.id AS commune_id, cm.code AS commune_code, cm.name AS commune_name,
            p.block::text AS block, COALESCE(a.employment_type, c.employment_type)::text AS employment_type
       FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN commune cm ON cm.id = a.commune_id JOIN position p ON p.id = a.position_id
      WHERE cm.province_id = $1 AND ($3::int IS NULL OR cm.id = $3) AND a.is_primary
        AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
        AND (c.status = 'active' OR c.left_on > $2::date)
        AND c.birth_date <= ($2::date - interval '55 years')
      ORDER BY c.code COLLATE "C"`,
    provinceId, date, communeId ?? null,
  );
  return rows
    .map((r) => ({ r, birthDate: iso(r.birth_date) }))
    .filter(({ r, birthDate }) => isPastRetirement(birthDate, r.gender, date))
    .map(({ r, birthDate }) => ({
      cadreId: r.id, code: r.code, fullName: r.full_name, communeId: r.commune_id, communeCode: r.commune_code, communeName: r.commune_name,
      block: r.block, employmentType: r.employment_type, retirementDate: retirementDate(birthDate, r.gender),
    }))
    .sort((a, b) => a.retirementDate.localeCompare(b.retirementDate) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
