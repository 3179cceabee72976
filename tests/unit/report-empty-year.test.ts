import { describe, expect, test } from 'vitest';
import { computeCommuneStaffing, rollUp, rollUpByOldDistrict } from '@/lib/domain/staffing';
import type { CommuneCounts } from '@/lib/domain/types';
import type { ReportData, ReportSection } from '@/lib/report/model';
import {
  buildDepartmentLists,
  buildKeyVacancies,
  buildPlacementsTransfers,
  buildRecommendations,
  buildReport,
  buildSituation,
  buildSurplusShortage,
  defaultRecommendations,
  headlineOf,
  SECTION_HEADINGS,
} from '@/lib/report/sections';
import { buildCommuneCounts } from '../support/commune-counts';

// A year without department quotas or campaign (docs/domain.md, Quota years and campaigns): each sentence
// generator of the plan report is fed such a year and must not claim a minimum of zero, nor that the departments
// "đều đã đăng ký đủ"; where the quotas behind a figure are an earlier year's, it says so.

const TODAY = '2026-12-07';

const communesOf = (quotaYear: number | null) =>
  [
    buildCommuneCounts({ id: 1, name: 'Nga My', quota: { party_front: 24, government: 37 }, headcount: { party_front: 18, government: 26 }, vacant: ['economic_head'] }),
    buildCommuneCounts({ id: 2, name: 'Hoa Quân', quota: { party_front: 30, government: 40 }, headcount: { party_front: 33, government: 44 } }),
  ].map((c): CommuneCounts => (quotaYear === null ? { ...c, quotaYear, quota: { party_front: null, government: null } } : { ...c, quotaYear })).map(computeCommuneStaffing);

function emptyYear(overrides: Partial<ReportData> = {}, quotaYear: number | null = 2025): ReportData {
  const communes = communesOf(quotaYear);
  return {
    province: { id: 1, code: 'NA', name: 'Nghệ An' },
    date: TODAY,
    staffing: { total: rollUp(communes), oldDistricts: rollUpByOldDistrict(communes).map((d) => ({ ...d, oldDistrictCode: String(d.oldDistrictId) })), communes },
    positionTitles: { 12: 'Trưởng phòng Kinh tế' },
    electedPositionIds: [],
    education: { total: 0, university: 0, master: 0, doctorate: 0, college: 0, intermediate: 0 },
    partySeats: { executive: { planned: 0, appointed: 0 }, standing: { planned: 0, appointed: 0 } },
    context: [],
    compilation: { year: null, years: [], phases: [], rows: [], conclusions: [] },
    placements: [],
    transfers: [],
    draft: null,
    forecast: { years: [2026], communes: [], rows: [], pastRetirement: 0 },
    ...overrides,
  };
}

/** A campaign of the year whose departments have no quota in any year up to it. */
const campaignWithoutQuotas = (year: number): ReportData['compilation'] => ({
  year,
  years: [year],
  phases: [{ number: 1, dueDate: `${year}-03-31`, lists: 0 }],
  rows: [
    { name: 'Sở Nội vụ', quota: 0, quotaYear: null, required: 0, listed: 0, meets: 0, approved: 0, placed: 0, belowMinimum: false },
    { name: 'Sở Tài chính', quota: 0, quotaYear: null, required: 0, listed: 0, meets: 0, approved: 0, placed: 0, belowMinimum: false },
  ],
  conclusions: [],
});

const texts = (section: ReportSection) => section.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]));

/** Every sentence a generator writes for the data: the sections' paragraphs and notes, and the recommendations. */
function sentences(data: ReportData): Record<string, string[]> {
  return {
    situation: texts(buildSituation(data)),
    surplusShortage: texts(buildSurplusShortage(data)),
    keyVacancies: texts(buildKeyVacancies(data)),
    departmentLists: texts(buildDepartmentLists(data)),
    placementsTransfers: texts(buildPlacementsTransfers(data)),
    recommendations: texts(buildRecommendations(data)),
    defaultRecommendations: defaultRecommendations(data).split('\n'),
  };
}

/** A claim that the minimum is zero, or that every department has listed enough. */
const FALSE_CLAIMS = [/tối thiểu[^.;]*\b0 người/i, /\b0 người tối thiểu/i, /đều đã đăng ký đủ/i, /đã đăng ký đủ tối thiểu/i];

const CASES: [string, ReportData][] = [
  ['no campaign, no department quota, communes on 2025 quotas', emptyYear()],
  ['no campaign and no quota at all', emptyYear({}, null)],
  ['a 2026 campaign whose departments have no quota', emptyYear({ compilation: campaignWithoutQuotas(2026) })],
];

describe('each sentence generator, fed an empty year', () => {
  test.each(CASES)('%s: no minimum of zero, no "đều đã đăng ký đủ"', (_label, data) => {
    for (const [generator, lines] of Object.entries(sentences(data))) {
      for (const line of lines) for (const claim of FALSE_CLAIMS) expect(line, `${generator}: ${line}`).not.toMatch(claim);
    }
    const model = buildReport(data);
    expect(model.sections).toHaveLength(SECTION_HEADINGS.length);
    for (const section of model.sections) for (const line of texts(section)) for (const claim of FALSE_CLAIMS) expect(line).not.toMatch(claim);
  });

  test('without a campaign, section IV says there is none and has no table; the headline has no campaign', () => {
    const data = emptyYear();
    const section = buildDepartmentLists(data);
    expect(section.blocks).toEqual([
      { kind: 'paragraph', text: 'Đến ngày 07/12/2026, chưa có đợt đăng ký danh sách 5% nào của các sở, ban, ngành; chưa có số liệu đăng ký, phê duyệt.' },
    ]);
    expect(headlineOf(data)).toMatchObject({ campaignYear: null, required: 0, listed: 0 });
    expect(defaultRecommendations(data)).not.toMatch(/5%/);
  });

  test('a campaign without department quotas states no minimum and says why', () => {
    const lines = texts(buildDepartmentLists(emptyYear({ compilation: campaignWithoutQuotas(2026) })));
    expect(lines.join('\n')).toContain('Chưa xác định được số tối thiểu phải đăng ký vì các sở, ban, ngành chưa được giao biên chế');
    expect(lines.join('\n')).toContain('Năm 2026 có 1 đợt đăng ký: đợt 1 (hạn 31/03/2026, 0 danh sách).');
  });

  test('communes on an earlier year’s quotas: the report says which year, and that this year’s is not assigned', () => {
    const situation = texts(buildSituation(emptyYear())).join('\n');
    expect(situation).toContain('Biên chế được giao tính theo biên chế năm 2025 – chưa giao năm 2026.');
    expect(texts(buildSurplusShortage(emptyYear())).join('\n')).toContain('(biên chế năm 2025 – chưa giao năm 2026)');
  });

  test('no commune quota at all: no quota of 0 "được giao", no unit short or surplus against it', () => {
    const data = emptyYear({}, null);
    const situation = texts(buildSituation(data)).join('\n');
    expect(situation).not.toMatch(/được giao là 0/);
    expect(situation).toContain('Các đơn vị cấp xã chưa được giao biên chế đến năm 2026');
    expect(texts(buildSurplusShortage(data)).join('\n')).not.toMatch(/đơn vị thừa/);
  });

  test('the latest campaign of an earlier year is named, its departments on their own quota year', () => {
    const compilation: ReportData['compilation'] = {
      year: 2025,
      years: [2025],
      phases: [{ number: 1, dueDate: '2025-09-10', lists: 12 }, { number: 2, dueDate: '2025-11-14', lists: 9 }],
      rows: [
        { name: 'Sở Nội vụ', quota: 580, quotaYear: 2025, required: 29, listed: 29, meets: 22, approved: 22, placed: 4, belowMinimum: false },
        { name: 'Sở Tài chính', quota: 200, quotaYear: 2024, required: 10, listed: 6, meets: 6, approved: 0, placed: 0, belowMinimum: true },
      ],
      conclusions: [{ number: '599-KL/TU', date: '2025-09-19', approved: 22 }],
    };
    const text = texts(buildDepartmentLists(emptyYear({ compilation }))).join('\n');
    expect(text).toContain('Năm 2026 chưa có đợt đăng ký danh sách 5%; dưới đây là kết quả đăng ký năm 2025, đợt đăng ký gần nhất.');
    expect(text).toContain('Tổng số tối thiểu phải đăng ký là 39 người');
    expect(text).toContain('Còn 1/2 sở, ban, ngành chưa đăng ký đủ tối thiểu 5% (còn thiếu 4 người).');
    expect(text).toContain('Năm 2025 có 2 đợt đăng ký: đợt 1 (hạn 10/09/2025, 12 danh sách); đợt 2 (hạn 14/11/2025, 9 danh sách).');
    expect(text).toContain('Số tối thiểu 5% tính theo biên chế của từng sở, ban, ngành: 1 sở, ban, ngành theo biên chế năm 2025; 1 sở, ban, ngành theo biên chế năm 2024 – chưa giao năm 2025.');
    expect(text).toContain('Ban Thường vụ Tỉnh ủy đã phê duyệt danh sách năm 2025 theo Kết luận số 599-KL/TU ngày 19/09/2025 (22 người).');
    expect(buildReport(emptyYear({ compilation })).headline).toMatchObject({ campaignYear: 2025, required: 39, listed: 35 });
  });

  test('every department at or above its minimum: "đều đã đăng ký đủ" only then', () => {
    const compilation: ReportData['compilation'] = {
      year: 2026,
      rows: [{ name: 'Sở Nội vụ', quota: 580, quotaYear: 2026, required: 29, listed: 30, meets: 0, approved: 0, placed: 0, belowMinimum: false }],
      conclusions: [],
    };
    expect(texts(buildDepartmentLists(emptyYear({ compilation }))).join('\n')).toContain('Các sở, ban, ngành đều đã đăng ký đủ tối thiểu 5%.');
    const oneWithout = { ...compilation, rows: [...compilation.rows, { name: 'Sở Mới', quota: 0, quotaYear: null, required: 0, listed: 0, meets: 0, approved: 0, placed: 0, belowMinimum: false }] };
    expect(texts(buildDepartmentLists(emptyYear({ compilation: oneWithout }))).join('\n')).not.toMatch(/đều đã đăng ký đủ/);
  });
});
