// The optional `ratings` sheet (docs/decisions/040-annual-ratings.md): one rating per person and year, exempt from the
// decision rules (the 20% rule, the months worked, the round's state) but not from the score and band rule. The rules
// that need only the workbook are checked with the others (validate.ts); those that need the person's post on 31/12
// of the year are checked here, after the cadres' writes (which the dry run makes too when the sheet is present), so
// that a person the workbook creates or moves is rated in the unit the workbook gives him. Then, set-based like every
// sheet (apply.ts): the rounds that are missing are made, the ratings upserted and audited, one row per change.

import type pg from 'pg';
import { auditInsertSelect } from '@/lib/db/audit-writer';
import { checkRatingScore, FIRST_RATING_YEAR, isYearInFuture, ratingGroupOf, type RatingGroup } from '@/lib/domain/ratings';
import { defaultMessage } from '@/lib/i18n/translator';
import { EMPLOYMENT } from './contract';
import type { ParsedWorkbook } from './parse';
import type { ProblemLog } from './problems';
import type { ImportOptions, SheetCounts } from './types';

type Problems = Pick<ProblemLog, 'add'>;

const scoreText = (score: number) => String(score).replace('.', ',');

/**
 * The rules a row of the sheet breaks on its own or with the others: a year in the future or before 2025, a second
 * rating of one person for one year.
 */
export function checkRatingRows(wb: ParsedWorkbook, options: ImportOptions, problems: Problems) {
  const seen = new Map<string, number>();
  for (const r of wb.ratings) {
    const key = `${r.cadreCode}\u0000${r.year}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.row);
    else problems.add('ratings', r.row, 'cadre_code', `"${r.cadreCode}" đã có kết quả đánh giá năm ${r.year} ở dòng ${first}: mỗi người chỉ có một kết quả mỗi năm`);
    if (isYearInFuture(r.year, options.today)) problems.add('ratings', r.row, 'year', defaultMessage('ratings.errors.futureYear', { year: r.year }));
    else if (r.year < FIRST_RATING_YEAR) problems.add('ratings', r.row, 'year', defaultMessage('ratings.errors.yearTooEarly', { year: r.year }));
  }
}

const TABLES = `
CREATE TEMP TABLE imp_rating (row_no int PRIMARY KEY, cadre_code text, year int, level "RatingLevel", score numeric(5,2), reason text, grp "RatingGroup") ON COMMIT DROP;
CREATE TEMP TABLE imp_rating_new_round (id int, unit_code text, year int, grp "RatingGroup", state "RatingRoundState") ON COMMIT DROP;`;

/**
 * Each row's person and post on 31/12 of the year, as the rounds define them (lib/db/rating-queries.ts): the primary
 * post open that day, the person active then (no departure on or before it), rated in the group of the type the post
 * is held under (the post's, else the person's). A commune's post puts him in the commune's round, a department's in
 * the department's.
 */
const RESOLVE = `CREATE TEMP TABLE imp_rating_post ON COMMIT DROP AS
  SELECT s.row_no, c.id AS cadre_id, a.id IS NOT NULL AND (c.status = 'active' OR c.left_on > make_date(s.year, 12, 31)) AS holds,
         a.commune_id, a.department_id, COALESCE(cm.code, d.code) AS unit_code, COALESCE(a.employment_type, c.employment_type)::text AS post_type
    FROM imp_rating s CROSS JOIN imp_ctx x
    LEFT JOIN cadre c ON c.province_id = x.province_id AND c.code = s.cadre_code
    LEFT JOIN LATERAL (
      SELECT a.id, a.commune_id, a.department_id, a.employment_type FROM assignment a
       WHERE a.cadre_id = c.id AND a.is_primary AND a.start_date <= make_date(s.year, 12, 31) AND (a.end_date IS NULL OR a.end_date >= make_date(s.year, 12, 31))
       ORDER BY a.start_date DESC LIMIT 1) a ON true
    LEFT JOIN commune cm ON cm.id = a.commune_id
    LEFT JOIN department d ON d.id = a.department_id`;

/**
 * The rounds the rows need and the province lacks. A past year's round is made confirmed (its results are decided: the
 * rating is due by mid-December), the current year's in draft, for the chairman to complete and confirm. An existing
 * round keeps its state.
 */
const NEW_ROUNDS = `WITH wanted AS (
    SELECT DISTINCT p.commune_id, p.department_id, p.unit_code, s.year, s.grp FROM imp_rating s JOIN imp_rating_post p USING (row_no)),
  created AS (
    INSERT INTO rating_round (province_id, commune_id, department_id, year, "group", state, confirmed_at, confirmed_by_id)
    SELECT x.province_id, w.commune_id, w.department_id, w.year, w.grp,
           CASE WHEN w.year < extract(year FROM x.today)::int THEN 'confirmed' ELSE 'draft' END::"RatingRoundState",
           CASE WHEN w.year < extract(year FROM x.today)::int THEN now() END,
           CASE WHEN w.year < extract(year FROM x.today)::int THEN x.actor_id END
      FROM wanted w CROSS JOIN imp_ctx x
     WHERE NOT EXISTS (SELECT 1 FROM rating_round r WHERE r.province_id = x.province_id AND r.year = w.year AND r."group" = w.grp
                         AND r.commune_id IS NOT DISTINCT FROM w.commune_id AND r.department_id IS NOT DISTINCT FROM w.department_id)
     ORDER BY w.unit_code, w.year, w.grp
    ON CONFLICT DO NOTHING
    RETURNING id, commune_id, department_id, year, "group", state)
  INSERT INTO imp_rating_new_round
  SELECT c.id, COALESCE(cm.code, d.code), c.year, c."group", c.state FROM created c
    LEFT JOIN commune cm ON cm.id = c.commune_id LEFT JOIN department d ON d.id = c.department_id`;

/**
 * The changed rows only, each with its round, the rating it replaces (if any) and both snapshots. The deciding body of
 * a new rating is the forms' (lib/actions/ratings/load.ts#decidingBodyOf): the commune's People's Committee for its
 * civil servants, the province's Party Standing Committee for cadres; none for a department's civil servants. An
 * existing rating keeps its own.
 */
const PLAN = `CREATE TEMP TABLE imp_plan_ratings ON COMMIT DROP AS SELECT * FROM (
  SELECT s.row_no, r.id, p.cadre_id, rr.id AS round_id, r.round_id AS old_round_id,
         (COALESCE(orr.state, rr.state) = 'confirmed' AND NOT EXISTS (SELECT 1 FROM imp_rating_new_round n WHERE n.id = COALESCE(orr.id, rr.id))) AS decided_before,
         COALESCE(r.deciding_body, (SELECT b.name FROM issuing_body b WHERE b.province_id = x.province_id
                                      AND b.code = CASE WHEN s.grp = 'cadre' THEN 'BTVTU' ELSE 'UBND_' || cm.code END)) AS deciding_body,
         CASE WHEN r.id IS NOT NULL THEN jsonb_build_object('cadre', s.cadre_code, 'year', s.year, 'unitCode', COALESCE(ocm.code, od.code), 'group', orr."group",
           'level', r.level, 'score', r.score, 'belowBandReason', r.below_band_reason, 'decidingBody', r.deciding_body) END AS before,
         jsonb_build_object('cadre', s.cadre_code, 'year', s.year, 'unitCode', p.unit_code, 'group', s.grp,
           'level', s.level, 'score', s.score, 'belowBandReason', s.reason, 'decidingBody',
           COALESCE(r.deciding_body, (SELECT b.name FROM issuing_body b WHERE b.province_id = x.province_id
                                        AND b.code = CASE WHEN s.grp = 'cadre' THEN 'BTVTU' ELSE 'UBND_' || cm.code END))) AS after
    FROM imp_rating s JOIN imp_rating_post p USING (row_no) CROSS JOIN imp_ctx x
    JOIN rating_round rr ON rr.province_id = x.province_id AND rr.year = s.year AND rr."group" = s.grp
     AND COALESCE(rr.commune_id, -1) = COALESCE(p.commune_id, -1) AND COALESCE(rr.department_id, -1) = COALESCE(p.department_id, -1)
    LEFT JOIN commune cm ON cm.id = p.commune_id
    LEFT JOIN rating r ON r.cadre_id = p.cadre_id AND r.year = s.year
    LEFT JOIN rating_round orr ON orr.id = r.round_id
    LEFT JOIN commune ocm ON ocm.id = orr.commune_id
    LEFT JOIN department od ON od.id = orr.department_id) q
  WHERE q.before IS DISTINCT FROM q.after`;

const WRITES = [
  `INSERT INTO rating (round_id, cadre_id, year, level, score, deciding_body, below_band_reason)
   SELECT q.round_id, q.cadre_id, s.year, s.level, s.score, q.deciding_body, s.reason
     FROM imp_plan_ratings q JOIN imp_rating s USING (row_no) WHERE q.id IS NULL ORDER BY q.row_no`,
  // An existing rating is replaced (moved to the round of the person's unit on 31/12 when it was recorded elsewhere).
  `UPDATE rating r SET round_id = q.round_id, level = s.level, score = s.score, below_band_reason = s.reason, deciding_body = q.deciding_body,
          version = r.version + 1, updated_at = now()
     FROM imp_plan_ratings q JOIN imp_rating s USING (row_no) WHERE r.id = q.id`,
  // Every change of a rating bumps its round's version (lib/db/rating-mutations.ts): a confirmation posted from a page
  // that showed other ratings is stale.
  `UPDATE rating_round rr SET version = rr.version + 1
     FROM (SELECT round_id AS id FROM imp_plan_ratings UNION SELECT old_round_id FROM imp_plan_ratings WHERE old_round_id IS NOT NULL) t WHERE rr.id = t.id`,
];

/** One audit row per round made (its state included: a past year's is made confirmed). */
const auditRounds = () =>
  auditInsertSelect({
    select: ({ action, entity }) => `SELECT x.province_id, x.actor_id, x.actor_name, x.actor_role, ${action('import.create')}, ${entity('import.create', 'rating_round')}, n.id::text, NULL,
         jsonb_build_object('unitCode', n.unit_code, 'year', n.year, 'group', n.grp, 'state', n.state), x.ip, x.ua
       FROM imp_rating_new_round n CROSS JOIN imp_ctx x ORDER BY n.unit_code, n.year, n.grp`,
  });

/** One audit row per rating written, straight from the plan. */
const auditRatings = () =>
  auditInsertSelect({
    select: ({ action, entity }) => `SELECT x.province_id, x.actor_id, x.actor_name, x.actor_role,
         CASE WHEN q.id IS NULL THEN ${action('import.create')} ELSE ${action('import.update')} END, ${entity('import.create', 'rating')}, e.id::text, q.before, q.after, x.ip, x.ua
       FROM imp_plan_ratings q JOIN imp_rating s USING (row_no) CROSS JOIN imp_ctx x
       JOIN rating e ON e.cadre_id = q.cadre_id AND e.year = s.year
      ORDER BY q.row_no`,
  });

export type RatingStats = { counts: SheetCounts; roundsCreated: number; roundsConfirmed: number; decidedBefore: number };

/**
 * Stages the sheet, checks each row against the person's post on 31/12 (logging every problem with its row, column and
 * rule) and, when none, makes the missing rounds and plans the ratings; the apply writes and audits them, the dry run
 * stops at the plan. Returns null when a row is refused (the caller rolls back).
 */
export async function applyRatings(client: pg.ClientBase, wb: ParsedWorkbook, problems: ProblemLog, dryRun: boolean): Promise<RatingStats | null> {
  const column = (header: string) => wb.headers.ratings?.get(header) ?? header;
  await client.query(TABLES);
  await client.query(
    `INSERT INTO imp_rating (row_no, cadre_code, year, level, score, reason)
     SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::"RatingLevel"[], $5::numeric[], $6::text[])`,
    [
      wb.ratings.map((r) => r.row), wb.ratings.map((r) => r.cadreCode), wb.ratings.map((r) => r.year), wb.ratings.map((r) => r.level),
      wb.ratings.map((r) => (r.score === null ? null : r.score.toFixed(2))), wb.ratings.map((r) => r.reason),
    ],
  );
  await client.query(RESOLVE);
  const { rows: posts } = await client.query<{ row_no: number; cadre_id: number | null; holds: boolean; post_type: string | null }>(
    'SELECT row_no, cadre_id, holds, post_type FROM imp_rating_post',
  );
  const byRow = new Map(wb.ratings.map((r) => [r.row, r]));
  const resolved: { row: number; group: RatingGroup; reason: string | null }[] = [];
  const before = problems.count;
  for (const post of posts.sort((a, b) => a.row_no - b.row_no)) {
    const r = byRow.get(post.row_no)!;
    if (post.cadre_id === null) {
      problems.add('ratings', r.row, column('cadre_code'), `không có cán bộ, công chức mã "${r.cadreCode}" trong tỉnh (ở sheet cadres hay trong dữ liệu đã có)`);
      continue;
    }
    if (!post.holds) {
      problems.add('ratings', r.row, column('cadre_code'),
        `"${r.cadreCode}" không giữ chức vụ chính nào ngày 31/12/${r.year} (chưa nhận, đã thôi chức vụ hoặc đã nghỉ): kết quả đánh giá thuộc đơn vị nơi người đó công tác ngày 31/12`);
      continue;
    }
    const group = ratingGroupOf(post.post_type!);
    if (group === null) {
      const type = EMPLOYMENT.names[post.post_type as keyof typeof EMPLOYMENT.names]?.[0] ?? post.post_type;
      problems.add('ratings', r.row, column('cadre_code'), `"${r.cadreCode}" ngày 31/12/${r.year} là ${type}: chỉ cán bộ và công chức được đánh giá, xếp loại ở đây`);
      continue;
    }
    const scored = checkRatingScore({ group, level: r.level, score: r.score, belowBandReason: r.reason });
    if (!scored.ok) {
      const header = scored.problem.field === 'belowBandReason' ? 'reason' : scored.problem.field === 'level' ? 'rating' : 'score';
      problems.add('ratings', r.row, column(header), `công chức, điểm ${scoreText(r.score ?? 0)}: ${defaultMessage(scored.problem.key, scored.problem.params)}`);
      continue;
    }
    resolved.push({ row: r.row, group, reason: scored.belowBandReason });
  }
  if (problems.count > before) return null;
  await client.query(
    `UPDATE imp_rating s SET grp = u.grp, reason = u.reason FROM unnest($1::int[], $2::"RatingGroup"[], $3::text[]) AS u(row_no, grp, reason) WHERE s.row_no = u.row_no`,
    [resolved.map((r) => r.row), resolved.map((r) => r.group), resolved.map((r) => r.reason)],
  );
  await client.query(NEW_ROUNDS);
  // Locked as the forms lock them (the round, then its ratings): a rating recorded or a round confirmed meanwhile waits.
  await client.query(`SELECT 1 FROM rating_round r CROSS JOIN imp_ctx x WHERE r.province_id = x.province_id AND r.year IN (SELECT DISTINCT year FROM imp_rating) FOR UPDATE OF r`);
  await client.query(`SELECT 1 FROM rating r JOIN imp_rating_post p ON p.cadre_id = r.cadre_id JOIN imp_rating s ON s.row_no = p.row_no AND s.year = r.year FOR UPDATE OF r`);
  await client.query(PLAN);
  if (!dryRun) {
    await client.query(auditRounds());
    for (const write of WRITES) await client.query(write);
    await client.query(auditRatings());
  }
  const { rows } = await client.query<{ created: number; updated: number; decided: number; rounds: number; confirmed: number }>(`
    SELECT (SELECT count(*) FROM imp_plan_ratings WHERE id IS NULL)::int AS created, (SELECT count(*) FROM imp_plan_ratings WHERE id IS NOT NULL)::int AS updated,
           (SELECT count(*) FROM imp_plan_ratings WHERE decided_before)::int AS decided,
           (SELECT count(*) FROM imp_rating_new_round)::int AS rounds, (SELECT count(*) FROM imp_rating_new_round WHERE state = 'confirmed')::int AS confirmed`);
  const { created, updated, decided, rounds, confirmed } = rows[0];
  return {
    counts: { created, updated, unchanged: wb.ratings.length - created - updated },
    roundsCreated: rounds, roundsConfirmed: confirmed, decidedBefore: decided,
  };
}

/** The report's lines on the ratings: the rounds made, and the ratings written into rounds already confirmed. */
export function ratingNotes(stats: RatingStats, will: string): string[] {
  const notes: string[] = [];
  if (stats.roundsCreated > 0) {
    notes.push(`${stats.roundsCreated} đợt đánh giá (đơn vị, năm, nhóm) ${will} tạo mới` +
      (stats.roundsConfirmed > 0 ? `, trong đó ${stats.roundsConfirmed} đợt của năm đã qua ở trạng thái đã xác nhận (kết quả nhập là kết quả cuối cùng).` : ', ở trạng thái đang đánh giá.'));
  }
  if (stats.counts.updated > 0) notes.push(`${stats.counts.updated} kết quả đánh giá đã có ${will} thay bằng kết quả của sheet ratings.`);
  if (stats.decidedBefore > 0) notes.push(`${stats.decidedBefore} kết quả ${will} ghi vào đợt đánh giá đã xác nhận trước đó: việc nhập dữ liệu không bị chặn bởi trạng thái của đợt.`);
  return notes;
}
