import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyWorkbook, checkWorkbook } from '@/lib/import';
import type { ImportOptions, ImportReport } from '@/lib/import/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { smallProvince, toCsvZip, xlsxSource, type Cell, type Sheets } from './import-fixtures';

// The workbook's optional `ratings` sheet (docs/decisions/040-annual-ratings.md): Vietnamese headers and values, the
// person in the workbook or the database and rated in his unit on 31/12 (a commune's round or a department's), the
// year from 2025 to the import's, one rating per person and year, the score 0–100 with two decimals, a civil servant's
// rating never above his score's band (below it with a reason); the missing rounds made (a past year's confirmed), an
// existing rating replaced, audited row by row; every bad value reported by row, column and rule; all or nothing.

const options: ImportOptions = { today: '2026-12-07', actor: { id: null, name: 'tester', role: 'system' } };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('empty');
  const first = await applyWorkbook(database.db, await xlsxSource(smallProvince()), options);
  expect(first.problems).toEqual([]);
});
afterAll(async () => {
  await database?.drop();
});

const problemsOf = (report: ImportReport) => report.problems.map((p) => `${p.sheet}|${p.row}|${p.column}|${p.message}`);

/** The small province with a ratings sheet (and, when given, more people on the cadres sheet). */
function withRatings(ratings: Cell[][], people: Cell[][] = []): Sheets {
  const sheets = smallProvince();
  sheets.cadres.push(...people);
  sheets.ratings = ratings;
  return sheets;
}

// C1 cadre and C2, C3 civil servants of TT001; C4 a public employee and C5 a cadre of TT002; C6 a civil servant of the
// department SNV; C7 new in this workbook, a civil servant of TT003.
const C7: Cell[] = ['C7', 'Lò Văn Bảy', 'male', '1995-03-03', 'civil_servant', 'university', null, 'TT003', 'CV', null, 'active', '2025-07-01'];
const GOOD: Cell[][] = [
  ['Mã cán bộ', 'Năm', 'Xếp loại', 'Điểm', 'Lý do'],
  ['C1', 2025, 'Hoàn thành xuất sắc nhiệm vụ', null, null],
  ['C2', '2025', 'tốt', '85,5', null],
  ['C3', 2025, 'HTNV', 75, 'Chậm tiến độ hai nhiệm vụ được giao'],
  ['C6', 2025, 'good', 80, null],
  ['C7', 2025, 'hoàn thành nhiệm vụ', 60, 'lý do không cần: đúng mức của điểm'],
  ['C2', 2026, 'Hoàn thành xuất sắc nhiệm vụ', 92.25, null],
];

const ratingsOf = async () =>
  (await database.db.rating.findMany({
    select: { year: true, level: true, score: true, belowBandReason: true, version: true, cadre: { select: { code: true } }, round: { select: { year: true, group: true, state: true, commune: { select: { code: true } }, department: { select: { code: true } } } } },
    orderBy: [{ year: 'asc' }, { cadre: { code: 'asc' } }],
  })).map((r) => ({
    cadre: r.cadre.code, year: r.year, level: r.level, score: r.score === null ? null : r.score.toFixed(2), reason: r.belowBandReason, version: r.version,
    round: `${r.round.commune?.code ?? r.round.department?.code}/${r.round.year}/${r.round.group}/${r.round.state}`,
  }));

async function snapshot() {
  const db = database.db;
  return {
    ratings: await ratingsOf(), rounds: await db.ratingRound.findMany({ orderBy: { id: 'asc' } }), cadres: await db.cadre.findMany({ orderBy: { id: 'asc' } }),
    assignments: await db.assignment.count(), audit: await db.auditLog.count(),
  };
}

describe('the ratings sheet', () => {
  test('Vietnamese headers and values: the dry run counts, the apply writes the ratings, their rounds and one audit row each', async () => {
    const before = await snapshot();
    const dry = await checkWorkbook(database.db, await xlsxSource(withRatings(GOOD, [C7])), options);
    expect(problemsOf(dry)).toEqual([]);
    expect(dry.counts.ratings).toEqual({ created: 6, updated: 0, unchanged: 0 });
    expect(dry.counts.cadres).toEqual({ created: 1, updated: 0, unchanged: 6 });
    expect(dry.notes).toContain('5 đợt đánh giá (đơn vị, năm, nhóm) sẽ được tạo mới, trong đó 4 đợt của năm đã qua ở trạng thái đã xác nhận (kết quả nhập là kết quả cuối cùng).');
    expect(await snapshot()).toEqual(before);

    const applied = await applyWorkbook(database.db, await xlsxSource(withRatings(GOOD, [C7])), options);
    expect(problemsOf(applied)).toEqual([]);
    expect(applied.applied).toBe(true);
    expect(applied.counts.ratings).toEqual(dry.counts.ratings);
    expect(await ratingsOf()).toEqual([
      { cadre: 'C1', year: 2025, level: 'excellent', score: null, reason: null, version: 1, round: 'TT001/2025/cadre/confirmed' },
      { cadre: 'C2', year: 2025, level: 'good', score: '85.50', reason: null, version: 1, round: 'TT001/2025/civil_servant/confirmed' },
      // Below the band of 75 (good): kept with its reason.
      { cadre: 'C3', year: 2025, level: 'completed', score: '75.00', reason: 'Chậm tiến độ hai nhiệm vụ được giao', version: 1, round: 'TT001/2025/civil_servant/confirmed' },
      // A department's civil servant: the department's round.
      { cadre: 'C6', year: 2025, level: 'good', score: '80.00', reason: null, version: 1, round: 'SNV/2025/civil_servant/confirmed' },
      // A person the workbook creates, in the commune it gives him; a reason on a rating within its band is not kept.
      { cadre: 'C7', year: 2025, level: 'completed', score: '60.00', reason: null, version: 1, round: 'TT003/2025/civil_servant/confirmed' },
      // The current year's round is made in draft, for the chairman to complete and confirm.
      { cadre: 'C2', year: 2026, level: 'excellent', score: '92.25', reason: null, version: 1, round: 'TT001/2026/civil_servant/draft' },
    ]);
    const audit = await database.db.auditLog.findMany({ where: { entityType: { in: ['rating', 'rating_round'] } }, orderBy: { id: 'asc' } });
    expect(audit.filter((a) => a.entityType === 'rating_round').map((a) => [a.action, a.after])).toEqual([
      ['import.create', { unitCode: 'SNV', year: 2025, group: 'civil_servant', state: 'confirmed' }],
      ['import.create', { unitCode: 'TT001', year: 2025, group: 'cadre', state: 'confirmed' }],
      ['import.create', { unitCode: 'TT001', year: 2025, group: 'civil_servant', state: 'confirmed' }],
      ['import.create', { unitCode: 'TT001', year: 2026, group: 'civil_servant', state: 'draft' }],
      ['import.create', { unitCode: 'TT003', year: 2025, group: 'civil_servant', state: 'confirmed' }],
    ]);
    const ratingAudit = audit.filter((a) => a.entityType === 'rating');
    expect(ratingAudit.map((a) => a.action)).toEqual(Array(6).fill('import.create'));
    expect(ratingAudit[1].after).toEqual({
      cadre: 'C2', year: 2025, unitCode: 'TT001', group: 'civil_servant', level: 'good', score: 85.5, belowBandReason: null,
      // The deciding body as the forms set it: the commune's People's Committee for its civil servants.
      decidingBody: (await database.db.issuingBody.findFirstOrThrow({ where: { code: 'UBND_TT001' } })).name,
    });
    // A department's civil servant has none (the catalogue has no body for it).
    expect(ratingAudit[3].after).toMatchObject({ cadre: 'C6', unitCode: 'SNV', decidingBody: null });

    // The same file again changes nothing: no rating, round or audit row but the summary.
    const auditBefore = await database.db.auditLog.count();
    const again = await applyWorkbook(database.db, await xlsxSource(withRatings(GOOD, [C7])), options);
    expect(again.counts.ratings).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(await database.db.auditLog.count()).toBe(auditBefore + 1);
    // The same sheet as a CSV file ("85,5" quoted) reads the same.
    const csv = await checkWorkbook(database.db, { kind: 'bytes', fileName: 'tinh.zip', bytes: toCsvZip(withRatings(GOOD, [C7])) }, options);
    expect(problemsOf(csv)).toEqual([]);
    expect(csv.counts.ratings).toEqual({ created: 0, updated: 0, unchanged: 6 });
  });

  test('an existing rating is replaced, audited with before and after; the round moves on a version', async () => {
    const round = await database.db.ratingRound.findFirstOrThrow({ where: { year: 2025, group: 'civil_servant', commune: { code: 'TT001' } } });
    const sheets = withRatings([['cadre_code', 'year', 'rating', 'score'], ['C2', 2025, 'Không hoàn thành nhiệm vụ', 45], ['C3', 2025, 'completed', 75]], [C7]);
    // C3's row now has no reason while below its band: refused; with the rating of its band it would be a change.
    const refused = await checkWorkbook(database.db, await xlsxSource(sheets), options);
    expect(problemsOf(refused)).toEqual([
      'ratings|3|reason|công chức, điểm 75: Mức xếp loại thấp hơn mức của điểm số («Hoàn thành tốt nhiệm vụ»): ghi rõ lý do.',
    ]);
    sheets.ratings[2] = ['C3', 2025, 'Hoàn thành nhiệm vụ', 65];
    const applied = await applyWorkbook(database.db, await xlsxSource(sheets), options);
    expect(problemsOf(applied)).toEqual([]);
    expect(applied.counts.ratings).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(applied.notes).toContain('2 kết quả đánh giá đã có đã được thay bằng kết quả của sheet ratings.');
    expect(applied.notes).toContain('2 kết quả đã được ghi vào đợt đánh giá đã xác nhận trước đó: việc nhập dữ liệu không bị chặn bởi trạng thái của đợt.');
    const c2 = (await ratingsOf()).find((r) => r.cadre === 'C2' && r.year === 2025);
    expect(c2).toMatchObject({ level: 'not_completed', score: '45.00', version: 2 });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entityType: 'rating', action: 'import.update', after: { path: ['cadre'], equals: 'C2' } } });
    expect(audit.before).toMatchObject({ level: 'good', score: 85.5 });
    expect(audit.after).toMatchObject({ level: 'not_completed', score: 45 });
    expect((await database.db.ratingRound.findUniqueOrThrow({ where: { id: round.id } })).version).toBe(round.version + 1);
  });

  test('bad values of the sheet itself: each reported with its row, column and rule; nothing is written', async () => {
    const before = await snapshot();
    const sheets = withRatings([
      ['cadre_code', 'year', 'rating', 'score', 'reason'],
      ['C1', 2027, 'excellent', null, null],
      ['C2', 2024, 'good', 80, null],
      ['C3', 2025, 'giỏi', 80, null],
      ['C6', 2025, 'good', '100,5', null],
      ['C6', 2026, 'good', 85.123, null],
      ['C1', 2026, 'good', '-3', null],
      ['C5', 2026, 'good', 70, null],
      ['C5', 2026, 'completed', 60, null],
      [null, 2026, 'good', 70, null],
      ['=C1', 2026, 'good', 70, null],
    ]);
    const report = await applyWorkbook(database.db, await xlsxSource(sheets), options);
    expect(report.applied).toBe(false);
    expect(problemsOf(report)).toEqual([
      'ratings|2|year|Không đánh giá năm 2027: năm chưa đến.',
      'ratings|3|year|Không đánh giá năm 2024: phần mềm đánh giá từ năm 2025 (chính quyền hai cấp).',
      'ratings|4|rating|"giỏi" không phải mức xếp loại hợp lệ (excellent, good, completed, not_completed)',
      'ratings|5|score|"100,5": Điểm là một số từ 0 đến 100, tối đa hai chữ số thập phân (ví dụ 85 hoặc 85,5).',
      'ratings|6|score|"85.123": Điểm là một số từ 0 đến 100, tối đa hai chữ số thập phân (ví dụ 85 hoặc 85,5).',
      'ratings|7|score|"-3": Điểm là một số từ 0 đến 100, tối đa hai chữ số thập phân (ví dụ 85 hoặc 85,5).',
      'ratings|9|cadre_code|"C5" đã có kết quả đánh giá năm 2026 ở dòng 8: mỗi người chỉ có một kết quả mỗi năm',
      'ratings|10|cadre_code|thiếu giá trị',
      'ratings|11|cadre_code|mã "=C1" không được bắt đầu bằng =, +, -, @, dấu tab hay dấu xuống dòng: bảng tính sẽ đọc nó thành công thức',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test("rules of the person's post on 31/12 and of the score's band: each reported, nothing is written, the cadres sheet's changes neither", async () => {
    const before = await snapshot();
    // C8 starts in 2026: no post on 31/12/2025. C5 leaves with this import (today 07/12/2026): no post on 31/12/2026.
    const C8: Cell[] = ['C8', 'Đinh Thị Tám', 'female', '1996-06-06', 'civil_servant', 'university', null, 'TT003', 'CV', null, 'active', '2026-02-01'];
    const sheets = withRatings([
      ['Mã cán bộ', 'Năm đánh giá', 'Kết quả xếp loại', 'Điểm số'],
      ['C99', 2025, 'good', 80],
      ['C8', 2025, 'good', 80],
      ['C5', 2026, 'good', 80],
      ['C4', 2025, 'good', 80],
      ['C3', 2026, 'Hoàn thành xuất sắc nhiệm vụ', '89,99'],
      ['C2', 2026, 'Hoàn thành tốt nhiệm vụ', 95],
      // A cadre's score is kept but not mapped (cadres are rated by their superior bodies): no problem.
      ['C1', 2026, 'Hoàn thành xuất sắc nhiệm vụ', 40],
    ], [C7, C8]);
    const c5 = sheets.cadres.findIndex((row) => row[0] === 'C5');
    sheets.cadres[c5][10] = 'left';
    const report = await applyWorkbook(database.db, await xlsxSource(sheets), options);
    expect(report.applied).toBe(false);
    expect(problemsOf(report)).toEqual([
      'ratings|2|Mã cán bộ|không có cán bộ, công chức mã "C99" trong tỉnh (ở sheet cadres hay trong dữ liệu đã có)',
      'ratings|3|Mã cán bộ|"C8" không giữ chức vụ chính nào ngày 31/12/2025 (chưa nhận, đã thôi chức vụ hoặc đã nghỉ): kết quả đánh giá thuộc đơn vị nơi người đó công tác ngày 31/12',
      'ratings|4|Mã cán bộ|"C5" không giữ chức vụ chính nào ngày 31/12/2026 (chưa nhận, đã thôi chức vụ hoặc đã nghỉ): kết quả đánh giá thuộc đơn vị nơi người đó công tác ngày 31/12',
      'ratings|5|Mã cán bộ|"C4" ngày 31/12/2025 là viên chức: chỉ cán bộ và công chức được đánh giá, xếp loại ở đây',
      'ratings|6|Kết quả xếp loại|công chức, điểm 89,99: Mức xếp loại cao hơn mức của điểm số (Nghị định 335/2025/NĐ-CP: điểm này tương ứng «Hoàn thành tốt nhiệm vụ»). Không được xếp loại cao hơn mức của điểm.',
      'ratings|7|reason|công chức, điểm 95: Mức xếp loại thấp hơn mức của điểm số («Hoàn thành xuất sắc nhiệm vụ»): ghi rõ lý do.',
    ]);
    expect(await snapshot()).toEqual(before);
    // The dry run finds the same problems.
    expect(problemsOf(await checkWorkbook(database.db, await xlsxSource(sheets), options))).toEqual(problemsOf(report));
  });
});
