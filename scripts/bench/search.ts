// The search across the province (docs/decisions/039-completeness-search-personal-history.md) on the national-size
// data set: the server time of one search (the statement the results page sends) in the largest province, for a
// name typed without diacritics, a code prefix, a personal ID prefix and a chairman's scope; and whether the plan
// uses the index each condition is written for.
import { performance } from 'node:perf_hooks';
import { listPeopleForExport } from '@/lib/db/people-export-queries';
import { searchPeople, searchStatement, type SearchScope } from '@/lib/db/people-search-queries';
import { listProvinces } from '@/lib/db/staffing-queries';
import { buildPeopleTable } from '@/lib/exports/people';
import { toCsv } from '@/lib/exports/tabular';
import { parseSearchQuery } from '@/lib/domain/people-search';
import type { BenchContext, Row } from './context';

const TARGET_MS = 100;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

export async function benchSearch(ctx: BenchContext): Promise<{ rows: Row[] }> {
  const national = await ctx.national();
  const { client, db } = national;
  const people = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM cadre')).rows[0].n;
  const { rows: [largest] } = await client.query<{ id: number; name: string }>(
    `SELECT p.id, p.name FROM province p JOIN cadre c ON c.province_id = p.id GROUP BY p.id, p.name ORDER BY count(*) DESC, p.id LIMIT 1`,
  );
  // A real person of that province with a commune post and a personal ID, to search by name, code and ID.
  const { rows: [person] } = await client.query<{ code: string; full_name: string; national_id: string; commune_id: number }>(
    `SELECT c.code, c.full_name, c.national_id, a.commune_id FROM cadre c JOIN assignment a ON a.cadre_id = c.id AND a.is_primary AND a.commune_id IS NOT NULL
      WHERE c.province_id = $1 AND c.national_id IS NOT NULL ORDER BY c.id LIMIT 1 OFFSET 500`,
    [largest.id],
  );
  const province: SearchScope = { provinceId: largest.id };
  const cases: { label: string; text: string; scope: SearchScope; index: string }[] = [
    { label: `name without diacritics ("${fold(person.full_name)}")`, text: fold(person.full_name), scope: province, index: 'cadre_name_search_idx' },
    { label: `common words ("nguyen van")`, text: 'nguyen van', scope: province, index: 'cadre_name_search_idx' },
    { label: `code prefix ("${person.code.slice(0, -2)}")`, text: person.code.slice(0, -2), scope: province, index: 'cadre_code_search_idx' },
    { label: `personal ID prefix ("${person.national_id.slice(0, 8)}")`, text: person.national_id.slice(0, 8), scope: province, index: 'cadre_national_id_idx' },
    { label: `a chairman's commune ("nguyen")`, text: 'nguyen', scope: { provinceId: largest.id, communeId: person.commune_id }, index: 'assignment_commune_id_position_id_idx' },
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    const query = parseSearchQuery(c.text, { mayUseNationalId: true })!;
    const found = await searchPeople(db, c.scope, query, ctx.date);
    const ms = await ctx.timeMedian(() => searchPeople(db, c.scope, query, ctx.date));
    const { sql, values } = searchStatement(c.scope, query, ctx.date);
    const plan = JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, values)).rows[0]);
    const usesIndex = plan.includes(`"Index Name":"${c.index}"`);
    rows.push({
      name: `Search in ${largest.name} (${people} people in the database): ${c.label}, ${found.results.length}${found.more ? '+' : ''} found (median)`,
      value: `${ms.toFixed(1)} ms`,
      target: `< ${TARGET_MS} ms`,
      ok: ms < TARGET_MS,
    });
    rows.push({ name: `Search plan uses ${c.index}: ${c.label}`, value: usesIndex ? 'yes' : 'no', target: 'yes', ok: usesIndex });
  }
  return { rows };
}

/**
 * `export people` (README "export people") for every province of the national data set, one after
 * the other as the command would write them: the rows read, the table built and the CSV written in memory.
 */
export async function benchPeopleExport(ctx: BenchContext): Promise<{ rows: Row[] }> {
  const national = await ctx.national();
  const provinces = await listProvinces(national.db);
  const start = performance.now();
  let people = 0;
  let bytes = 0;
  for (const province of provinces) {
    const table = buildPeopleTable(await listPeopleForExport(national.db, { provinceId: province.id, date: ctx.date }));
    people += table.rows.length;
    bytes += Buffer.byteLength(toCsv(table));
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    rows: [{
      name: `export people, every province of the national data set (${people} people, ${(bytes / 2 ** 20).toFixed(1)} MB of CSV)`,
      value: `${seconds.toFixed(1)} s`,
      target: '',
      ok: null,
    }],
  };
}
