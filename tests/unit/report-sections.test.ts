import { describe, expect, test } from 'vitest';
import { computeForecast } from '@/lib/domain/forecast';
import { computeCommuneStaffing, rollUp, rollUpByOldDistrict } from '@/lib/domain/staffing';
import type { ReportData, ReportTransfer } from '@/lib/report/model';
import {
  buildDepartmentLists,
  buildForecast,
  buildKeyVacancies,
  buildPlacementsTransfers,
  buildRecommendations,
  buildReport,
  buildSituation,
  buildSurplusShortage,
  checkReportDate,
  contextSentence,
  countTransfers,
  defaultRecommendations,
  describeDifference,
  forecastCrossings,
  reportTables,
  SECTION_HEADINGS,
  vacantPositions,
} from '@/lib/report/sections';
import { displayCell } from '@/lib/report/pdf';
import { buildCommuneCounts, KEY_CATALOGUE } from '../support/commune-counts';

// The plan report's pure section builders (decision 019): every figure of the PDF, the workbook and the preview.

const A = { id: 1, name: 'Huyện Con Cuông' };
const B = { id: 2, name: 'Huyện Anh Sơn' };
const communes = [
  // short 4 with two key gaps
  computeCommuneStaffing(buildCommuneCounts({ id: 1, name: 'Nga My', quota: { party_front: 30, government: 31 }, headcount: { party_front: 20, government: 37 }, vacant: ['culture_social_deputy_head', 'pasc_deputy_director'], oldDistrict: A })),
  // surplus 5, no gap
  computeCommuneStaffing(buildCommuneCounts({ id: 2, name: 'Anh Sơn', quota: { party_front: 25, government: 30 }, headcount: { party_front: 28, government: 32 }, oldDistrict: B })),
  // balanced with one gap
  computeCommuneStaffing(buildCommuneCounts({ id: 3, name: 'Bình Chuẩn', quota: { party_front: 20, government: 20 }, headcount: { party_front: 20, government: 20 }, vacant: ['pasc_deputy_director'], oldDistrict: A })),
];
const titles = Object.fromEntries(KEY_CATALOGUE.map((p, i) => [i + 1, `Chức danh ${p.code}`]));
titles[KEY_CATALOGUE.findIndex((p) => p.code === 'pasc_deputy_director') + 1] = 'Phó Giám đốc Trung tâm Phục vụ hành chính công';

/**
 * The forecast of the three communes from 10/11/2025 over three years (lib/domain/forecast.ts): Bình Chuẩn's one
 * civil servant retires on 31/12/2026 (a man born 06/1965), three leave Anh Sơn's government block in 2027, and Nga
 * My's Party block quota falls to 18 in 2027.
 */
const forecastInput = {
  from: '2025-11-10',
  years: 3,
  communes: communes.map((c) => ({ communeId: c.communeId, code: `X0${c.communeId}`, name: c.name, oldDistrictId: c.oldDistrictId, oldDistrictName: c.oldDistrictName, headcount: c.headcount })),
  quotas: [
    ...communes.flatMap((c) => (['party_front', 'government'] as const).map((block) => ({ communeId: c.communeId, year: 2025, block, quota: c.blocks[block].quota }))),
    { communeId: 1, year: 2027, block: 'party_front' as const, quota: 18 },
    { communeId: 1, year: 2027, block: 'government' as const, quota: 31 },
  ],
  people: [{ cadreId: 9, code: 'CB9', fullName: 'Trần Văn Chín', birthDate: '1965-06-15', gender: 'male' as const, at: { communeId: 3, block: 'government' as const } }],
  changes: [1, 2, 3].map(() => ({ communeId: 2, block: 'government' as const, direction: 'out' as const, date: '2027-02-01', cadreId: null, exit: true })),
};
const forecastResult = computeForecast(forecastInput);

function data(overrides: Partial<ReportData> = {}): ReportData {
  return {
    province: { id: 1, code: 'NA', name: 'Nghệ An' },
    date: '2025-11-10',
    staffing: { total: rollUp(communes), oldDistricts: rollUpByOldDistrict(communes).map((d) => ({ ...d, oldDistrictCode: String(d.oldDistrictId) })), communes },
    positionTitles: titles,
    electedPositionIds: [],
    education: { total: 8635, university: 7324, master: 1174, doctorate: 6, college: 74, intermediate: 57 },
    partySeats: { executive: { planned: 4068, appointed: 3139 }, standing: { planned: 1356, appointed: 1335 } },
    context: [{ key: 'positions_handed_over', value: 9939, parts: { party_front: 4063, government: 5876 }, source: 'Báo Nghệ An' }],
    compilation: {
      year: 2025,
      rows: [
        { name: 'Sở Nội vụ', quota: 580, required: 29, listed: 29, meets: 22, approved: 22, placed: 4, belowMinimum: false },
        { name: 'Sở Tài chính', quota: 200, required: 10, listed: 6, meets: 6, approved: 0, placed: 0, belowMinimum: true },
      ],
      conclusions: [{ number: '599-KL/TU', date: '2025-09-19', approved: 22 }],
    },
    placements: [],
    transfers: [],
    draft: null,
    forecast: { years: forecastResult.years, communes: forecastInput.communes, rows: forecastResult.rows, pastRetirement: 0 },
    ...overrides,
  };
}

const texts = (section: { blocks: { kind: string; text?: string }[] }) => section.blocks.filter((b) => b.text).map((b) => b.text).join('\n');

describe('checkReportDate', () => {
  test('default today; dd/MM/yyyy and ISO; refused when invalid, in the future or before 01/07/2025', () => {
    expect(checkReportDate(undefined, '2025-11-10')).toEqual({ ok: true, date: '2025-11-10' });
    expect(checkReportDate(' 1/7/2025 ', '2025-11-10')).toEqual({ ok: true, date: '2025-07-01' });
    expect(checkReportDate('2025-11-10', '2025-11-10')).toEqual({ ok: true, date: '2025-11-10' });
    expect(checkReportDate('2025-11-11', '2025-11-10')).toMatchObject({ ok: false, reason: 'future' });
    expect(checkReportDate('30/06/2025', '2025-11-10')).toMatchObject({ ok: false, reason: 'beforeReform', message: expect.stringContaining('01/07/2025') });
    expect(checkReportDate('29/02/2025', '2025-11-10')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkReportDate('abc', '2025-11-10')).toMatchObject({ ok: false, reason: 'invalid', message: 'Ngày không hợp lệ: "abc" (cần dạng dd/MM/yyyy).' });
  });
});

describe('section I: the situation', () => {
  test('quota, headcount and difference per block, units short / with key gaps / both, education shares, seats, context', () => {
    const s = buildSituation(data());
    expect(s.heading).toBe(SECTION_HEADINGS[0]);
    const text = texts(s);
    expect(text).toContain('Biên chế cán bộ, công chức cấp xã được giao là 156');
    expect(text).toContain('số cán bộ, công chức hiện có là 157');
    expect(text).toContain('thừa 1 so với biên chế được giao');
    expect(text).toContain('Có 1/3 đơn vị thiếu cán bộ, công chức so với biên chế; 2 đơn vị còn khuyết vị trí chủ chốt (3 vị trí); trong đó 1/3 đơn vị vừa thiếu người vừa khuyết');
    expect(text).toContain('1 đơn vị thừa và 1 đơn vị đủ');
    expect(text).toContain('đại học 7.324 người (84,82%)');
    expect(text).toContain('thạc sĩ 1.174 người (13,6%)');
    expect(text).toContain('3.139/4.068 ủy viên Ban Chấp hành và 1.335/1.356 ủy viên Ban Thường vụ');
    const table = reportTables({ sections: [s] } as never)[0];
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Khối Đảng, Mặt trận Tổ quốc và các đoàn thể', 75, 68, -7],
      ['Khối chính quyền', 81, 89, 8],
      ['Tổng cộng', 156, 157, 1],
    ]);
    // Context is marked as such, with its source, never asserted as computed.
    expect(s.blocks.at(-1)).toEqual({ kind: 'note', text: contextSentence(data().context[0]) });
    expect(contextSentence(data().context[0])).toBe(
      'Số liệu tham khảo (đã công bố, không do hệ thống tính): 9.939 biên chế được bàn giao về cấp xã khi vận hành chính quyền địa phương hai cấp (khối Đảng, Mặt trận Tổ quốc và các đoàn thể 4.063; khối chính quyền 5.876). Nguồn: Báo Nghệ An.',
    );
  });

  test('no education or seats data: those sentences are left out', () => {
    const s = buildSituation(data({ education: { total: 0, university: 0, master: 0, doctorate: 0, college: 0, intermediate: 0 }, partySeats: { executive: { planned: 0, appointed: 0 }, standing: { planned: 0, appointed: 0 } }, context: [] }));
    expect(texts(s)).not.toContain('trình độ');
    expect(texts(s)).not.toContain('cấp ủy');
  });

  test('describeDifference', () => {
    expect([describeDifference(647), describeDifference(-12), describeDifference(0)]).toEqual(['thừa 647', 'thiếu 12', 'bằng']);
  });
});

describe('section II: surplus and shortage', () => {
  test('by old district (with the province total) and by commune, ordered by district then commune', () => {
    const s = buildSurplusShortage(data());
    const [districts, byCommune] = reportTables({ sections: [s] } as never);
    expect(districts.rows.map((r) => r.cells)).toEqual([
      [1, 'Huyện Anh Sơn', 1, 55, 60, 5, 0, 0, 0],
      [2, 'Huyện Con Cuông', 2, 101, 97, -4, 1, 2, 1],
      ['', 'Toàn tỉnh', 3, 156, 157, 1, 1, 2, 1],
    ]);
    expect(byCommune.rows.map((r) => r.cells.slice(1))).toEqual([
      ['Anh Sơn', 'Huyện Anh Sơn', 55, 60, 5, 0, ''],
      ['Bình Chuẩn', 'Huyện Con Cuông', 40, 40, 0, 1, 'Khuyết vị trí chủ chốt'],
      ['Nga My', 'Huyện Con Cuông', 61, 57, -4, 2, 'Thiếu người, khuyết vị trí chủ chốt'],
    ]);
    expect(texts(s)).toContain('1/2 địa bàn huyện cũ');
  });
});

describe('section III: key positions vacant', () => {
  test('by position (most vacant first) and the communes with their vacant posts', () => {
    expect(vacantPositions(data()).map((p) => [p.title, p.vacancies, p.units])).toEqual([
      ['Phó Giám đốc Trung tâm Phục vụ hành chính công', 2, 2],
      ['Chức danh culture_social_deputy_head', 1, 1],
    ]);
    const s = buildKeyVacancies(data());
    const [, communesTable] = reportTables({ sections: [s] } as never);
    expect(communesTable.rows.map((r) => r.cells.slice(1))).toEqual([
      ['Bình Chuẩn', 'Huyện Con Cuông', 1, 'Phó Giám đốc Trung tâm Phục vụ hành chính công'],
      ['Nga My', 'Huyện Con Cuông', 2, 'Chức danh culture_social_deputy_head; Phó Giám đốc Trung tâm Phục vụ hành chính công'],
    ]);
    expect(texts(s)).toContain('Toàn tỉnh còn 3 vị trí chủ chốt khuyết tại 2 đơn vị cấp xã');
  });

  test('no elected post vacant: no sentence and no table about them', () => {
    const s = buildKeyVacancies(data());
    expect(reportTables({ sections: [s] } as never).map((t) => t.key)).toEqual(['vacantPositions', 'vacantCommunes']);
    expect(texts(s)).not.toMatch(/bầu cử/);
    expect(defaultRecommendations(data())).not.toMatch(/bầu cử/);
  });

  test('vacant elected posts apart: a sentence, a table with their communes, a recommendation', () => {
    const elected = data({ electedPositionIds: [KEY_CATALOGUE.findIndex((p) => p.code === 'pasc_deputy_director') + 1] });
    const s = buildKeyVacancies(elected);
    const table = reportTables({ sections: [s] } as never).find((t) => t.key === 'electedVacancies')!;
    expect(table.caption).toBe('Bảng 6. Vị trí bầu cử còn trống – cần bầu, chỉ định');
    expect(table.rows.map((r) => r.cells)).toEqual([
      [1, 'Bình Chuẩn', 'Huyện Con Cuông', 'Phó Giám đốc Trung tâm Phục vụ hành chính công', 1, 'Cần bầu, chỉ định'],
      [2, 'Nga My', 'Huyện Con Cuông', 'Phó Giám đốc Trung tâm Phục vụ hành chính công', 1, 'Cần bầu, chỉ định'],
      ['', 'Tổng cộng', '', '', 2, ''],
    ]);
    expect(texts(s)).toContain('Trong số 3 vị trí chủ chốt còn khuyết, 2 vị trí là chức danh bầu cử tại 2 đơn vị cấp xã (chi tiết tại Bảng 6).');
    expect(defaultRecommendations(elected)).toContain('Chỉ đạo tổ chức bầu cử hoặc chỉ định theo thẩm quyền 2 vị trí bầu cử còn trống tại 2 đơn vị (Bảng 6)');
  });

  test('none vacant: one sentence, no table', () => {
    const full = communes.map((c) => computeCommuneStaffing(buildCommuneCounts({ id: c.communeId, name: c.name, quota: c.quota, headcount: c.headcount })));
    const s = buildKeyVacancies(data({ staffing: { total: rollUp(full), oldDistricts: [], communes: full } }));
    expect(s.blocks).toEqual([{ kind: 'paragraph', text: 'Đến ngày 10/11/2025, các đơn vị cấp xã đã bố trí đủ các vị trí chủ chốt.' }]);
  });
});

describe('section IV: the departments’ 5% lists', () => {
  test('required, listed, meets, approved, placed with the total, those below the minimum and the Conclusions', () => {
    const s = buildDepartmentLists(data());
    const [table] = reportTables({ sections: [s] } as never);
    expect(table.rows.at(-1)!.cells).toEqual(['', 'Tổng cộng', 780, 39, 35, 28, 22, 4, 'Thiếu 4']);
    expect(table.rows[1].cells.at(-1)).toBe('Thiếu 4');
    expect(texts(s)).toContain('Còn 1/2 sở, ban, ngành chưa đăng ký đủ tối thiểu 5% (còn thiếu 4 người).');
    expect(texts(s)).toContain('Kết luận số 599-KL/TU ngày 19/09/2025 (22 người)');
    expect(texts(buildDepartmentLists(data({ compilation: { ...data().compilation, conclusions: [] } })))).toContain('chưa có kết luận phê duyệt danh sách năm 2025');
    // A department listing more than its minimum does not make up for one below it.
    const over = { name: 'Sở Y tế', quota: 100, required: 5, listed: 20, meets: 0, approved: 0, placed: 0, belowMinimum: false };
    const [withOver] = reportTables({ sections: [buildDepartmentLists(data({ compilation: { ...data().compilation, rows: [...data().compilation.rows, over] } }))] } as never);
    expect(withOver.rows.at(-1)!.cells.slice(3, 5)).toEqual([44, 55]);
    expect(withOver.rows.at(-1)!.cells.at(-1)).toBe('Thiếu 4');
  });
});

describe('section V: placements and transfers', () => {
  const transfer = (state: ReportTransfer['state'], crossDistrict: boolean, name = 'Lê Văn A'): ReportTransfer => ({
    cadreName: name, fromCommune: 'Anh Sơn', fromDistrict: 'Huyện Anh Sơn', toCommune: 'Nga My', toDistrict: 'Huyện Con Cuông',
    positionTitle: 'Công chức Văn phòng - Thống kê', crossDistrict, effectiveDate: '2025-12-01', state, decisionNumber: state === 'approved' ? '12/QĐ-UBND' : null,
  });

  test('none: a sentence for each', () => {
    const text = texts(buildPlacementsTransfers(data()));
    expect(text).toContain('chưa có cán bộ, công chức cấp tỉnh được bố trí biệt phái về cấp xã');
    expect(text).toContain('chưa có đề xuất điều động, luân chuyển cán bộ, công chức giữa các đơn vị cấp xã');
  });

  test('placements listed; transfers counted by state and scope, cancelled ones left out', () => {
    const transfers = [transfer('proposed', true, 'B'), transfer('approved', false, 'C'), transfer('executed', false, 'D'), transfer('declined', true, 'E'), transfer('cancelled', false, 'F')];
    expect(countTransfers(transfers)).toEqual({ byState: { proposed: 1, approved: 1, executed: 1, declined: 1, cancelled: 1 }, cross: 1 });
    const s = buildPlacementsTransfers(
      data({
        placements: [{ cadreName: 'Trần Thị B', departmentName: 'Sở Nội vụ', communeName: 'Nga My', positionTitle: 'Phó Giám đốc Trung tâm Phục vụ hành chính công', startDate: '2025-10-01', endDate: '2027-09-30' }],
        transfers,
      }),
    );
    const text = texts(s);
    expect(text).toContain('1 cán bộ, công chức của 1 sở, ban, ngành đang biệt phái, tăng cường tại 1 đơn vị cấp xã');
    expect(text).toContain('Có 4 trường hợp điều động, luân chuyển giữa các đơn vị cấp xã (đề xuất 1; đã phê duyệt 1; đã thực hiện 1; không phê duyệt 1)');
    expect(text).toContain('trong 3 trường hợp đang đề xuất, đã phê duyệt hoặc đã thực hiện, 1 trường hợp khác địa bàn huyện cũ và 2 trường hợp cùng địa bàn huyện cũ');
    const [placements, table] = reportTables({ sections: [s] } as never);
    expect(placements.rows[0].cells).toEqual([1, 'Trần Thị B', 'Sở Nội vụ', 'Nga My', 'Phó Giám đốc Trung tâm Phục vụ hành chính công', '2025-10-01', '2027-09-30']);
    expect(table.rows.map((r) => [r.cells[1], r.cells[5], r.cells[7]])).toEqual([
      ['B', 'Khác huyện cũ', 'Đề xuất'],
      ['C', 'Cùng huyện cũ', 'Đã phê duyệt, Quyết định số 12/QĐ-UBND'],
      // Executed is derived from the date (lib/domain/transfer.ts): the table names the day it took effect.
      ['D', 'Cùng huyện cũ', 'Đã thực hiện từ ngày 01/12/2025'],
      ['E', 'Khác huyện cũ', 'Không phê duyệt'],
    ]);
  });
});

describe('section VI: the forecast', () => {
  test('per old district and the province, each year: quota, expected, retirements, difference; sums of the forecast rows', () => {
    const s = buildForecast(data());
    expect(s).toMatchObject({ number: 'VI', heading: SECTION_HEADINGS[5] });
    expect(texts(s)).toContain(
      'Đến cuối năm 2027, toàn tỉnh dự kiến có 153 cán bộ, công chức cấp xã so với biên chế 144, thừa 9; trong 3 năm có 1 người đến tuổi nghỉ hưu.',
    );
    const table = s.blocks.find((b) => b.kind === 'table' && b.table.key === 'forecastDistricts');
    if (table?.kind !== 'table') throw new Error('no Table 10');
    expect(table.table.caption).toBe('Bảng 10. Dự báo biên chế đến cuối năm 2027 theo địa bàn huyện cũ');
    expect(table.table.rows.map((r) => r.cells)).toEqual([
      [1, 'Huyện Anh Sơn', 2025, 55, 60, 0, 5],
      ['', 'Huyện Anh Sơn', 2026, 55, 60, 0, 5],
      ['', 'Huyện Anh Sơn', 2027, 55, 57, 0, 2],
      [2, 'Huyện Con Cuông', 2025, 101, 97, 0, -4],
      ['', 'Huyện Con Cuông', 2026, 101, 96, 1, -5],
      ['', 'Huyện Con Cuông', 2027, 89, 96, 0, 7],
      ['', 'Toàn tỉnh', 2025, 156, 157, 0, 1],
      ['', 'Toàn tỉnh', 2026, 156, 156, 1, 0],
      ['', 'Toàn tỉnh', 2027, 144, 153, 0, 9],
    ]);
    expect(table.table.rows.at(-1)!.bold).toBe(true);
  });

  test('the communes whose block turns over or short (năm vượt / năm thiếu), by old district and name', () => {
    expect(forecastCrossings(data()).map((c) => [c.name, c.block, c.startDifference, c.over, c.short, c.lastDifference])).toEqual([
      ['Anh Sơn', 'government', 2, null, 2027, -1],
      ['Bình Chuẩn', 'government', 0, null, 2026, -1],
      ['Nga My', 'party_front', -10, 2027, null, 2],
    ]);
    const s = buildForecast(data());
    expect(texts(s)).toContain('1 đơn vị cấp xã chuyển sang vượt biên chế và 2 đơn vị cấp xã chuyển sang thiếu biên chế ở ít nhất một khối trước cuối năm 2027');
    // Only the turns that happen are named: never "0 đơn vị".
    const onlyShort = buildForecast(data({ forecast: { ...data().forecast, rows: data().forecast.rows.filter((r) => !(r.communeId === 1 && r.block === 'party_front')) } }));
    expect(texts(onlyShort)).toContain('2 đơn vị cấp xã chuyển sang thiếu biên chế ở ít nhất một khối trước cuối năm 2027');
    expect(texts(onlyShort)).not.toMatch(/\b0 đơn vị/);
    const table = s.blocks.find((b) => b.kind === 'table' && b.table.key === 'forecastCrossings');
    if (table?.kind !== 'table') throw new Error('no Table 11');
    expect(table.table.columns.map((c) => c.header)).toEqual([
      'STT', 'Xã, phường', 'Địa bàn huyện cũ', 'Khối', 'Chênh lệch ngày 10/11/2025', 'Năm vượt', 'Năm thiếu', 'Chênh lệch cuối năm 2027',
    ]);
    expect(table.table.rows[2].cells).toEqual([3, 'Nga My', 'Huyện Con Cuông', 'Khối Đảng, Mặt trận Tổ quốc và các đoàn thể', -10, 2027, '', 2]);
  });

  test('no crossing: said, no Table 11; people past retirement and communes without quota are noted', () => {
    const steady = computeForecast({ ...forecastInput, people: [], changes: [], quotas: forecastInput.quotas.filter((q) => q.year === 2025 && q.communeId !== 3) });
    const s = buildForecast(data({ forecast: { years: steady.years, communes: forecastInput.communes, rows: steady.rows, pastRetirement: 2 } }));
    const text = texts(s);
    // Bình Chuẩn without quota is over from the start (quota 0): no crossing either.
    expect(text).toContain('Đến cuối năm 2027, không có đơn vị cấp xã nào chuyển từ đủ hoặc thiếu sang vượt biên chế');
    expect(s.blocks.some((b) => b.kind === 'table' && b.table.key === 'forecastCrossings')).toBe(false);
    expect(text).toContain('1 đơn vị cấp xã chưa được giao biên chế cho một số năm: biên chế của năm đó tính bằng 0.');
    expect(text).toContain('2 người đã quá ngày nghỉ hưu nhưng chưa được ghi nhận nghỉ việc: vẫn được tính trong số dự kiến.');
  });

  test('years print without a thousands separator', () => {
    expect(displayCell(2027, { header: '', width: 1, kind: 'year' })).toBe('2027');
  });
});

describe('section VI and the whole report', () => {
  test('the default recommendations are drawn from the figures', () => {
    const text = defaultRecommendations(data());
    expect(text.split('\n')).toEqual([
      '1. Điều động, luân chuyển cán bộ, công chức từ 1 đơn vị thừa biên chế sang 1 đơn vị thiếu, ưu tiên 1 đơn vị vừa thiếu người vừa khuyết vị trí chủ chốt; ưu tiên điều động trong cùng địa bàn huyện cũ.',
      '2. Khẩn trương bố trí 3 vị trí chủ chốt còn khuyết tại 2 đơn vị, trước hết các chức danh Phó Giám đốc Trung tâm Phục vụ hành chính công, Chức danh culture_social_deputy_head.',
      '3. Đề nghị 1 sở, ban, ngành chưa đăng ký đủ tối thiểu 5% biên chế bổ sung danh sách năm 2025.',
      '4. Bố trí 18 cán bộ, công chức đã được phê duyệt nhưng chưa bố trí về các đơn vị cấp xã còn thiếu người hoặc khuyết vị trí chủ chốt.',
      '5. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ theo dõi, cập nhật số liệu và định kỳ báo cáo Ban Thường vụ Tỉnh ủy.',
    ]);
  });

  test("the author's draft: recommendations one paragraph per line, number and signer in the header and signature", () => {
    const draft = { documentNumber: '125-BC/BTCTU', recommendations: 'Dòng một.\r\n\r\n  Dòng hai.  ', signerTitle: 'Phó Trưởng ban', signerName: 'Nguyễn Văn C', version: 3 };
    expect(buildRecommendations(data({ draft })).blocks).toEqual([{ kind: 'paragraph', text: 'Dòng một.' }, { kind: 'paragraph', text: 'Dòng hai.' }]);
    const model = buildReport(data({ draft }));
    // Issued by the Organizing Committee, a Party body: the Party layout; a deputy signs for the head (K/T).
    expect(model.issuingBody).toEqual({ kind: 'party', parent: 'Tỉnh ủy Nghệ An', name: 'Ban Tổ chức' });
    expect(model.number).toBe('125-BC/BTCTU');
    expect(model.signature).toEqual({ authority: 'K/T Trưởng ban', title: 'Phó Trưởng ban', name: 'Nguyễn Văn C' });
    expect(model.recipients.at(-1)).toBe('Lưu Văn phòng Ban Tổ chức');
    const blank = buildReport(data());
    expect(blank.number).toBe('……-BC/BTCTU');
    expect(blank.signature).toEqual({ title: 'Trưởng ban', name: undefined });
    expect(blank.sections.map((s) => s.heading)).toEqual([...SECTION_HEADINGS]);
    expect(blank.headline).toMatchObject({ units: 3, quota: 156, headcount: 157, difference: 1, shortStaffedWithKeyGapsUnits: 1, keyVacancies: 3, required: 39, listed: 35, approved: 22, placed: 4, transfers: 0 });
  });

  test('every table has unique sheet names of at most 31 characters and one cell per column', () => {
    const tables = reportTables(buildReport(data({ placements: [{ cadreName: 'X', departmentName: 'Y', communeName: 'Z', positionTitle: 'P', startDate: '2025-10-01', endDate: '2026-10-01' }] })));
    const sheets = tables.map((t) => t.sheet);
    expect(new Set(sheets).size).toBe(sheets.length);
    for (const t of tables) {
      expect(t.sheet.length).toBeLessThanOrEqual(31);
      expect(t.sheet).not.toMatch(/[[\]:*?/\\]/);
      for (const r of t.rows) expect(r.cells).toHaveLength(t.columns.length);
    }
  });

  test('PDF cells: vi-VN numbers, signed differences, dates dd/MM/yyyy', () => {
    expect(displayCell(8635, { header: '', width: 1, kind: 'int' })).toBe('8.635');
    expect(displayCell(647, { header: '', width: 1, kind: 'signed' })).toBe('+647');
    expect(displayCell(-17, { header: '', width: 1, kind: 'signed' })).toBe('-17');
    expect(displayCell(0, { header: '', width: 1, kind: 'signed' })).toBe('0');
    expect(displayCell('2025-10-01', { header: '', width: 1, kind: 'date' })).toBe('01/10/2025');
    expect(displayCell('', { header: '', width: 1, kind: 'int' })).toBe('');
  });
});
