import { SEARCH_LIMIT, type SearchQuery } from '@/lib/domain/people-search';
import { personUnitLateral } from './personal-history-queries';
import { poolOf, type Db } from './prisma';

// The search across the province (docs/decisions/039-completeness-search-personal-history.md): one statement whose
// name, code and personal ID conditions each match an index (cadre_name_search_idx: trigrams of f_unaccent(full_name);
// cadre_code_search_idx: trigrams of lower(code); cadre_national_id_idx: text_pattern_ops for a prefix), within
// the user's scope. No 'server-only': the benchmark runs it too.

/** Whose people a user may find: a chairman his commune's, a department officer her department's, others the province's. */
export type SearchScope = { provinceId: number; communeId?: number; departmentId?: number };

export function searchScopeOf(user: { role: string; provinceId: number; communeId: number | null; departmentId: number | null }): SearchScope {
  if (user.role === 'commune_chairman') return { provinceId: user.provinceId, communeId: user.communeId ?? -1 };
  if (user.role === 'department_officer') return { provinceId: user.provinceId, departmentId: user.departmentId ?? -1 };
  return { provinceId: user.provinceId };
}

export type SearchResult = {
  id: number;
  code: string;
  fullName: string;
  isActive: boolean;
  /** The unit of his current primary post, else of his last one (the person's unit for scope); null when none. */
  unit: { kind: 'commune' | 'ward' | 'department'; id: number; code: string; name: string } | null;
  position: { titleVi: string; titleEn: string } | null;
};

type Row = {
  id: number; code: string; full_name: string; status: string;
  commune_id: number | null; commune_code: string | null; commune_name: string | null; commune_kind: 'commune' | 'ward' | null;
  department_id: number | null; department_code: string | null; department_name: string | null;
  title_vi: string | null; title_en: string | null;
};

/** The SQL and its parameters (exported for the benchmark's EXPLAIN). */
export function searchStatement(scope: SearchScope, query: SearchQuery, date: string): { sql: string; values: unknown[] } {
  const values: unknown[] = [scope.provinceId, date, query.text];
  const param = (value: unknown) => `$${values.push(value)}`;
  const matches: string[] = [];
  if (query.nameWords.length) {
    matches.push(`(${query.nameWords.map((w) => `f_unaccent(c.full_name) LIKE '%' || f_unaccent(${param(w)}) || '%'`).join(' AND ')})`);
  }
  if (query.codePrefix) matches.push(`lower(c.code) LIKE lower(${param(query.codePrefix)}) || '%'`);
  if (query.nationalIdPrefix) matches.push(`c.national_id LIKE ${param(query.nationalIdPrefix)} || '%'`);
  // A chairman's or a department officer's candidates are first narrowed to the people who ever held a primary post
  // in the unit (a few hundred, through the assignment indexes), so a common word costs no more than the unit's size;
  // the unit rule below then keeps those whose unit it is. The person's unit (a LATERAL per row) is read only for the
  // rows shown, after the limit, when the whole province is searched.
  const unitFilter =
    scope.communeId !== undefined ? { column: 'commune_id', id: param(scope.communeId) }
    : scope.departmentId !== undefined ? { column: 'department_id', id: param(scope.departmentId) }
    : null;
  const order = `f_unaccent(c.full_name) = f_unaccent($3) DESC, lower(c.code) = lower($3) DESC, f_unaccent(c.full_name), c.code COLLATE "C"`;
  const candidates = `
      SELECT c.id, c.code, c.full_name, c.status FROM cadre c
       WHERE c.province_id = $1 AND (${matches.join(' OR ') || 'false'})
       ${unitFilter ? `AND c.id IN (SELECT a.cadre_id FROM assignment a WHERE a.${unitFilter.column} = ${unitFilter.id} AND a.is_primary)` : ''}`;
  const shown = unitFilter
    ? `SELECT c.* FROM (${candidates}) c ${personUnitLateral('$2::date')} WHERE u.unit_${unitFilter.column} = ${unitFilter.id} ORDER BY ${order} LIMIT ${SEARCH_LIMIT + 1}`
    : `${candidates} ORDER BY ${order} LIMIT ${SEARCH_LIMIT + 1}`;
  const sql = `
    SELECT c.id, c.code, c.full_name, c.status::text AS status,
           cm.id AS commune_id, cm.code AS commune_code, cm.name AS commune_name, cm.kind::text AS commune_kind,
           d.id AS department_id, d.code AS department_code, d.name AS department_name, p.title_vi, p.title_en
      FROM (${shown}) c
      ${personUnitLateral('$2::date')}
      LEFT JOIN commune cm ON cm.id = u.unit_commune_id
      LEFT JOIN department d ON d.id = u.unit_department_id
      LEFT JOIN position p ON p.id = u.unit_position_id
     ORDER BY ${order}`;
  return { sql, values };
}

/** The people matching the query within the scope, exact names and codes first; `more` when the limit cut the list. */
export async function searchPeople(db: Db, scope: SearchScope, query: SearchQuery, date: string): Promise<{ results: SearchResult[]; more: boolean }> {
  const { sql, values } = searchStatement(scope, query, date);
  const { rows } = await poolOf(db).query<Row>(sql, values);
  const results = rows.slice(0, SEARCH_LIMIT).map((r) => ({
    id: r.id,
    code: r.code,
    fullName: r.full_name,
    isActive: r.status === 'active',
    unit:
      r.commune_id !== null ? { kind: r.commune_kind ?? 'commune', id: r.commune_id, code: r.commune_code!, name: r.commune_name! }
      : r.department_id !== null ? { kind: 'department' as const, id: r.department_id, code: r.department_code!, name: r.department_name! }
      : null,
    position: r.title_vi !== null ? { titleVi: r.title_vi, titleEn: r.title_en ?? r.title_vi } : null,
  }));
  return { results, more: rows.length > SEARCH_LIMIT };
}
