import { countVacantElectedPosts, listVacantElectedPosts, type VacantElectedPost } from '@/lib/domain/elected-posts';
import { crossingYears, sumForecast, type ForecastRow } from '@/lib/domain/forecast';
import { compilationTotal } from '@/lib/domain/secondment';
import { rankVacantKeyPositions } from '@/lib/domain/vacant-key-positions';
import { formatDate, formatNumber, formatPercent, parseDate } from '@/lib/domain/format';
import { quotaYearCoverage, quotaYearNote, yearOf, type CampaignChoice, type QuotaYearNote } from '@/lib/domain/quota-years';
import { BLOCKS, type CommuneStaffing } from '@/lib/domain/types';
import { compareVietnamese } from '@/lib/domain/vietnamese';
import { headSignature } from '@/lib/pdf/layout';
import { withStructure } from './structure';
import {
  BLOCK_LABELS,
  REFORM_DATE,
  type ReportBlock,
  type ReportColumn,
  type ReportData,
  type ReportHeadline,
  type ReportModel,
  type ReportSection,
  type ReportTable,
  type ReportTransfer,
  type TransferState,
} from './model';

// Pure builders of the plan report's sections from ReportData: every sentence and table of the PDF, the
// workbook and the screen's preview comes from here, so the three never disagree.

export const REPORT_DOCUMENT_TYPE = 'Báo cáo';
export const REPORT_SUMMARY = 'Phương án điều động, luân chuyển, biệt phái cán bộ, công chức từ cấp tỉnh về cấp xã';

export const SECTION_HEADINGS = [
  'I. TÌNH HÌNH ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ',
  'II. THỪA, THIẾU BIÊN CHẾ THEO ĐỊA BÀN HUYỆN CŨ VÀ THEO ĐƠN VỊ CẤP XÃ',
  'III. VỊ TRÍ CHỦ CHỐT CÒN KHUYẾT',
  'IV. DANH SÁCH 5% CỦA CÁC SỞ, BAN, NGÀNH VÀ KẾT QUẢ PHÊ DUYỆT',
  'V. BỐ TRÍ BIỆT PHÁI VÀ PHƯƠNG ÁN ĐIỀU ĐỘNG, LUÂN CHUYỂN',
  'VI. DỰ BÁO BIÊN CHẾ CÁN BỘ, CÔNG CHỨC CẤP XÃ CÁC NĂM TỚI',
  'VII. KHÓ KHĂN, VƯỚNG MẮC CỦA CẤP XÃ THEO NHÓM VẤN ĐỀ',
  'VIII. KIẾN NGHỊ, ĐỀ XUẤT',
] as const;

/**
 * The columns of the report's tables, by what they hold (width as the layout takes it): the row number centred,
 * text left, counts and signed differences right, dates centred.
 */
export const col = {
  stt: (width: number): ReportColumn => ({ header: 'STT', width, align: 'center', kind: 'int' }),
  text: (header: string, width: number): ReportColumn => ({ header, width, kind: 'text' }),
  int: (header: string, width: number): ReportColumn => ({ header, width, align: 'right', kind: 'int' }),
  signed: (header: string, width: number): ReportColumn => ({ header, width, align: 'right', kind: 'signed' }),
  date: (header: string, width: number): ReportColumn => ({ header, width, align: 'center', kind: 'date' }),
  year: (header: string, width: number): ReportColumn => ({ header, width, align: 'center', kind: 'year' }),
};

export type ReportDateCheck = { ok: true; date: string } | { ok: false; reason: 'invalid' | 'future' | 'beforeReform'; message: string };

/**
 * The report's date: `value` as 'YYYY-MM-DD' or dd/MM/yyyy, default today; refused when it is not a real date,
 * in the future, or before the two-level government took effect (01/07/2025). Messages in Vietnamese.
 */
export function checkReportDate(value: string | null | undefined, today: string): ReportDateCheck {
  if (value === undefined || value === null || value.trim() === '') return { ok: true, date: today };
  const date = parseDate(value);
  if (!date) return { ok: false, reason: 'invalid', message: `Ngày không hợp lệ: "${value.trim()}" (cần dạng dd/MM/yyyy).` };
  if (date > today) return { ok: false, reason: 'future', message: `Ngày ${formatDate(date)} ở tương lai (hôm nay là ${formatDate(today)}).` };
  if (date < REFORM_DATE) {
    return { ok: false, reason: 'beforeReform', message: `Ngày ${formatDate(date)} trước khi chính quyền địa phương hai cấp vận hành (${formatDate(REFORM_DATE)}).` };
  }
  return { ok: true, date };
}

/** "thừa 647" / "thiếu 12" / "đủ" for a difference (headcount − quota). */
export function describeDifference(difference: number): string {
  if (difference > 0) return `thừa ${formatNumber(difference)}`;
  if (difference < 0) return `thiếu ${formatNumber(-difference)}`;
  return 'bằng';
}

export function headlineOf(data: ReportData): ReportHeadline {
  const t = data.staffing.total;
  const c = compilationTotals(data);
  return {
    units: t.units,
    quota: t.total.quota,
    headcount: t.total.headcount,
    difference: t.total.difference,
    shortStaffedUnits: t.shortStaffedUnits,
    keyGapUnits: t.keyGapUnits,
    shortStaffedWithKeyGapsUnits: t.shortStaffedWithKeyGapsUnits,
    keyVacancies: t.keyVacancies,
    required: c.required,
    listed: c.listed,
    approved: c.approved,
    placed: c.placed,
    transfers: data.transfers.filter((x) => x.state !== 'cancelled' && x.state !== 'declined').length,
    campaignYear: data.compilation.year,
  };
}

/**
 * The quota year behind a figure, said where it is not the year asked: "biên chế năm 2025 – chưa giao năm
 * 2026", or, when the units differ, how many use which year; `units` names them ("đơn vị cấp xã", "sở, ban, ngành").
 */
export function quotaYearText(note: QuotaYearNote, units: string): string {
  switch (note.kind) {
    case 'earlierOnly':
      return `biên chế năm ${note.year} – chưa giao năm ${note.asked}` +
        (note.withoutQuota > 0 ? `; ${formatNumber(note.withoutQuota)} ${units} chưa được giao biên chế` : '');
    case 'mixed':
      return [
        ...(note.current > 0 ? [`${formatNumber(note.current)} ${units} theo biên chế năm ${note.asked}`] : []),
        ...note.earlier.map((e) => `${formatNumber(e.units)} ${units} theo biên chế năm ${e.year} – chưa giao năm ${note.asked}`),
        ...(note.withoutQuota > 0 ? [`${formatNumber(note.withoutQuota)} ${units} chưa được giao biên chế`] : []),
      ].join('; ');
    case 'none':
      return `chưa ${units} nào được giao biên chế đến năm ${note.asked}`;
  }
}

/** "biên chế năm 2025 – chưa giao năm 2026", or, when the units differ, "biên chế của từng đơn vị: …". */
function quotaBasis(note: QuotaYearNote, units: string, each: string): string {
  return note.kind === 'mixed' ? `biên chế của từng ${each}: ${quotaYearText(note, units)}` : quotaYearText(note, units);
}

/** The note on the communes' quota year at the report's date, or null when every commune has that year's. */
export function communeQuotaYearNote(data: ReportData): QuotaYearNote | null {
  return quotaYearNote(quotaYearCoverage(data.staffing.communes.map((c) => c.quotaYear), yearOf(data.date)));
}

/** The message for a `year` that is not a campaign's (the page and the downloads show it instead of any figure). */
export function unknownCampaignMessage(choice: Extract<CampaignChoice, { ok: false }>, date: string): string {
  const years = choice.years.length ? `Các năm có đợt đăng ký: ${choice.years.join(', ')}.` : 'Chưa có năm nào có đợt đăng ký.';
  return `Năm "${choice.requested}" không có đợt đăng ký danh sách 5% đến ngày ${formatDate(date)}. ${years}`;
}

/** The 5% totals of the report's compilation (lib/domain/secondment.ts compilationTotal, as every page and export). */
export function compilationTotals(data: ReportData) {
  return compilationTotal(data.compilation.rows);
}

export const P = (text: string): ReportBlock => ({ kind: 'paragraph', text });
export const SUB = (text: string): ReportBlock => ({ kind: 'subheading', text });
export const NOTE = (text: string): ReportBlock => ({ kind: 'note', text });
export const T = (table: ReportTable): ReportBlock => ({ kind: 'table', table });

const EDUCATION_LABELS: [keyof ReportData['education'], string][] = [
  ['doctorate', 'tiến sĩ'],
  ['master', 'thạc sĩ'],
  ['university', 'đại học'],
  ['college', 'cao đẳng'],
  ['intermediate', 'trung cấp'],
];

/** I. The situation: quota, headcount and difference per block; units short, with key gaps, both; education; Party committee seats; context. */
export function buildSituation(data: ReportData): ReportSection {
  const { total } = data.staffing;
  const pf = total.blocks.party_front;
  const gov = total.blocks.government;
  const e = data.education;
  const quotaNote = communeQuotaYearNote(data);
  const noQuota = quotaNote?.kind === 'none';
  const units = `Đến ngày ${formatDate(data.date)}, toàn tỉnh có ${formatNumber(total.units)} đơn vị hành chính cấp xã.`;
  const headcount = `số cán bộ, công chức hiện có là ${formatNumber(total.total.headcount)} (${formatNumber(pf.headcount)} và ${formatNumber(gov.headcount)})`;
  const blocks: ReportBlock[] = [
    P(
      noQuota
        ? `${units} Các đơn vị cấp xã chưa được giao biên chế đến năm ${yearOf(data.date)}; ${headcount}.`
        : `${units} Biên chế cán bộ, công chức cấp xã được giao là ${formatNumber(total.total.quota)} ` +
            `(khối Đảng, Mặt trận Tổ quốc và các đoàn thể ${formatNumber(pf.quota)}; khối chính quyền ${formatNumber(gov.quota)}); ` +
            `${headcount}, ${describeDifference(total.total.difference)} so với biên chế được giao.` +
            (quotaNote ? ` Biên chế được giao tính theo ${quotaBasis(quotaNote, 'đơn vị cấp xã', 'đơn vị')}.` : ''),
    ),
    T({
      key: 'blocks',
      sheet: 'Tình hình theo khối',
      caption: 'Bảng 1. Biên chế, số hiện có và chênh lệch theo khối',
      columns: [
        col.text('Khối', 46), col.int('Biên chế được giao', 18), col.int('Hiện có', 16), col.signed('Chênh lệch (+ thừa, - thiếu)', 20),
      ],
      rows: [
        { cells: [BLOCK_LABELS.party_front, pf.quota, pf.headcount, pf.difference] },
        { cells: [BLOCK_LABELS.government, gov.quota, gov.headcount, gov.difference] },
        { cells: ['Tổng cộng', total.total.quota, total.total.headcount, total.total.difference], bold: true },
      ],
    }),
    P(
      noQuota
        ? `${formatNumber(total.keyGapUnits)} đơn vị còn khuyết vị trí chủ chốt (${formatNumber(total.keyVacancies)} vị trí); chưa có biên chế được giao để xác định đơn vị thừa, thiếu người.`
        : `Có ${formatNumber(total.shortStaffedUnits)}/${formatNumber(total.units)} đơn vị thiếu cán bộ, công chức so với biên chế; ` +
            `${formatNumber(total.keyGapUnits)} đơn vị còn khuyết vị trí chủ chốt (${formatNumber(total.keyVacancies)} vị trí); ` +
            `trong đó ${formatNumber(total.shortStaffedWithKeyGapsUnits)}/${formatNumber(total.units)} đơn vị vừa thiếu người vừa khuyết vị trí chủ chốt. ` +
            `${formatNumber(total.surplusUnits)} đơn vị thừa và ${formatNumber(total.balancedUnits)} đơn vị đủ so với biên chế.`,
    ),
  ];
  if (e.total > 0) {
    const parts = EDUCATION_LABELS.filter(([k]) => e[k] > 0).map(([k, label]) => `${label} ${formatNumber(e[k])} người (${formatPercent(e[k], e.total)})`);
    blocks.push(P(`Về trình độ chuyên môn (trình độ cao nhất) của ${formatNumber(e.total)} cán bộ, công chức cấp xã: ${parts.join('; ')}.`));
  }
  const { executive, standing } = data.partySeats;
  if (executive.planned > 0 || standing.planned > 0) {
    blocks.push(
      P(
        `Về cấp ủy cấp xã: đã chỉ định ${formatNumber(executive.appointed)}/${formatNumber(executive.planned)} ủy viên Ban Chấp hành ` +
          `và ${formatNumber(standing.appointed)}/${formatNumber(standing.planned)} ủy viên Ban Thường vụ đảng ủy cấp xã theo số lượng dự kiến.`,
      ),
    );
  }
  for (const c of data.context) blocks.push(NOTE(contextSentence(c)));
  return { number: 'I', heading: SECTION_HEADINGS[0], blocks };
}

/** A published figure the model does not compute, marked as context with its source. */
export function contextSentence(c: ReportData['context'][number]): string {
  const parts = c.parts ? Object.entries(c.parts) : [];
  const label =
    c.key === 'positions_handed_over'
      ? `${formatNumber(c.value)} biên chế được bàn giao về cấp xã khi vận hành chính quyền địa phương hai cấp` +
        (parts.length ? ` (${parts.map(([k, v]) => `${BLOCK_SHORT[k] ?? k} ${formatNumber(v)}`).join('; ')})` : '')
      : `${c.key}: ${formatNumber(c.value)}`;
  return `Số liệu tham khảo (đã công bố, không do hệ thống tính): ${label}. Nguồn: ${c.source}.`;
}

const BLOCK_SHORT: Record<string, string> = { party_front: 'khối Đảng, Mặt trận Tổ quốc và các đoàn thể', government: 'khối chính quyền' };

const byName = (a: CommuneStaffing, b: CommuneStaffing) =>
  compareVietnamese(a.oldDistrictName, b.oldDistrictName) || compareVietnamese(a.name, b.name) || a.communeId - b.communeId;

/** II. Surplus and shortage by old district and by commune. */
export function buildSurplusShortage(data: ReportData): ReportSection {
  const { oldDistricts, communes, total } = data.staffing;
  const districtShort = oldDistricts.filter((d) => d.total.difference < 0).length;
  const districtTable: ReportTable = {
    key: 'districts',
    sheet: 'Theo huyện cũ',
    caption: 'Bảng 2. Thừa, thiếu biên chế theo địa bàn huyện cũ',
    columns: [
      col.stt(5), col.text('Địa bàn huyện cũ', 22), col.int('Số đơn vị', 8), col.int('Biên chế', 10), col.int('Hiện có', 10),
      col.signed('Chênh lệch', 10), col.int('Đơn vị thiếu người', 10), col.int('Đơn vị khuyết vị trí chủ chốt', 11),
      col.int('Đơn vị vừa thiếu người vừa khuyết vị trí chủ chốt', 11),
    ],
    rows: [
      ...oldDistricts.map((d, i) => ({
        cells: [i + 1, d.oldDistrictName, d.units, d.total.quota, d.total.headcount, d.total.difference, d.shortStaffedUnits, d.keyGapUnits, d.shortStaffedWithKeyGapsUnits],
      })),
      {
        cells: ['', 'Toàn tỉnh', total.units, total.total.quota, total.total.headcount, total.total.difference, total.shortStaffedUnits, total.keyGapUnits, total.shortStaffedWithKeyGapsUnits],
        bold: true,
      },
    ],
  };
  const communeTable: ReportTable = {
    key: 'communes',
    sheet: 'Theo đơn vị cấp xã',
    caption: 'Bảng 3. Thừa, thiếu biên chế theo đơn vị hành chính cấp xã',
    columns: [
      col.stt(5), col.text('Xã, phường', 16), col.text('Địa bàn huyện cũ', 19), col.int('Biên chế', 8), col.int('Hiện có', 8),
      col.signed('Chênh lệch', 8.5), col.int('Vị trí chủ chốt khuyết', 8.5), col.text('Ghi chú', 27),
    ],
    rows: [...communes].sort(byName).map((c, i) => ({
      cells: [
        i + 1, c.name, c.oldDistrictName, c.total.quota, c.total.headcount, c.total.difference, c.keyVacancies,
        c.isShortStaffed && c.hasKeyGaps ? 'Thiếu người, khuyết vị trí chủ chốt' : c.isShortStaffed ? 'Thiếu người' : c.hasKeyGaps ? 'Khuyết vị trí chủ chốt' : '',
      ],
    })),
  };
  const quotaNote = communeQuotaYearNote(data);
  const noQuota = `Các đơn vị cấp xã chưa được giao biên chế đến năm ${yearOf(data.date)}: chưa so sánh được thừa, thiếu.`;
  return {
    number: 'II',
    heading: SECTION_HEADINGS[1],
    blocks: [
      SUB('1. Theo địa bàn huyện cũ'),
      P(
        quotaNote?.kind === 'none'
          ? noQuota
          : `${formatNumber(districtShort)}/${formatNumber(oldDistricts.length)} địa bàn huyện cũ có tổng số cán bộ, công chức cấp xã thấp hơn biên chế được giao.`,
      ),
      T(districtTable),
      SUB('2. Theo đơn vị hành chính cấp xã'),
      P(
        quotaNote?.kind === 'none'
          ? noQuota
          : `${formatNumber(total.surplusUnits)} đơn vị thừa, ${formatNumber(total.balancedUnits)} đơn vị đủ và ${formatNumber(total.shortStaffedUnits)} đơn vị thiếu so với biên chế được giao (chi tiết tại Bảng 3).`,
      ),
      T(communeTable),
      NOTE(
        'Ghi chú: chênh lệch dương là thừa, âm là thiếu so với biên chế được giao' +
          (quotaNote && quotaNote.kind !== 'none' ? ` (${quotaYearText(quotaNote, 'đơn vị cấp xã')}).` : '.'),
      ),
    ],
  };
}

export type VacantPosition = { positionId: number; title: string; vacancies: number; units: number };

/** Key positions by vacant places across the province, in the one ranking the dashboard uses too (lib/domain/vacant-key-positions.ts). */
export function vacantPositions(data: ReportData): VacantPosition[] {
  return rankVacantKeyPositions(data.staffing.communes).map((p) => ({
    positionId: p.positionId, title: data.positionTitles[p.positionId] ?? p.positionCode, vacancies: p.vacancies, units: p.units,
  }));
}

/**
 * The elected posts vacant across the province (lib/domain/elected-posts.ts), by old district and commune name, each
 * commune's in the catalogue's order: filled by an election or a designation, never by a transfer.
 */
export function vacantElectedPosts(data: ReportData): VacantElectedPost[] {
  const posts = listVacantElectedPosts(data.staffing.communes, new Set(data.electedPositionIds));
  return posts.sort((a, b) => compareVietnamese(a.oldDistrictName, b.oldDistrictName) || compareVietnamese(a.communeName, b.communeName) || a.communeId - b.communeId);
}

/** III.3, only when there are such posts: the elected posts vacant, "cần bầu, chỉ định", with their communes. */
function electedVacancyBlocks(data: ReportData): ReportBlock[] {
  const posts = vacantElectedPosts(data);
  if (posts.length === 0) return [];
  const { places, units } = countVacantElectedPosts(posts);
  return [
    SUB('3. Vị trí bầu cử còn trống – cần bầu, chỉ định'),
    P(
      `Trong số ${formatNumber(data.staffing.total.keyVacancies)} vị trí chủ chốt còn khuyết, ${formatNumber(places)} vị trí là chức danh bầu cử tại ${formatNumber(units)} đơn vị cấp xã ` +
        '(chi tiết tại Bảng 6). Các vị trí này không bố trí bằng điều động, luân chuyển mà cần tổ chức bầu cử hoặc cấp có thẩm quyền chỉ định theo quy định.',
    ),
    T({
      key: 'electedVacancies',
      sheet: 'Vị trí bầu cử còn trống',
      caption: 'Bảng 6. Vị trí bầu cử còn trống – cần bầu, chỉ định',
      columns: [
        col.stt(5), col.text('Xã, phường', 16), col.text('Địa bàn huyện cũ', 19), col.text('Chức danh', 34), col.int('Số vị trí trống', 10),
        col.text('Hướng xử lý', 16),
      ],
      rows: [
        ...posts.map((p, i) => ({
          cells: [i + 1, p.communeName, p.oldDistrictName, data.positionTitles[p.positionId] ?? p.positionCode, p.vacancies, 'Cần bầu, chỉ định'],
        })),
        { cells: ['', 'Tổng cộng', '', '', places, ''], bold: true },
      ],
    }),
  ];
}

/** III. Key positions vacant: by position, the communes with their vacant posts, and the elected ones apart. */
export function buildKeyVacancies(data: ReportData): ReportSection {
  const { total } = data.staffing;
  const positions = vacantPositions(data);
  if (positions.length === 0) {
    return { number: 'III', heading: SECTION_HEADINGS[2], blocks: [P(`Đến ngày ${formatDate(data.date)}, các đơn vị cấp xã đã bố trí đủ các vị trí chủ chốt.`)] };
  }
  const gapCommunes = data.staffing.communes.filter((c) => c.hasKeyGaps).sort(byName);
  const top = positions.slice(0, 3).map((p) => `${p.title} (${formatNumber(p.vacancies)})`);
  return {
    number: 'III',
    heading: SECTION_HEADINGS[2],
    blocks: [
      P(
        `Toàn tỉnh còn ${formatNumber(total.keyVacancies)} vị trí chủ chốt khuyết tại ${formatNumber(total.keyGapUnits)} đơn vị cấp xã; ` +
          `khuyết nhiều nhất là các chức danh: ${top.join(', ')}.`,
      ),
      SUB('1. Theo chức danh'),
      T({
        key: 'vacantPositions',
        sheet: 'Chủ chốt khuyết theo chức danh',
        caption: 'Bảng 4. Vị trí chủ chốt còn khuyết theo chức danh',
        columns: [
          col.stt(6), col.text('Chức danh', 58), col.int('Số vị trí khuyết', 18), col.int('Số đơn vị', 18),
        ],
        rows: [
          ...positions.map((p, i) => ({ cells: [i + 1, p.title, p.vacancies, p.units] })),
          { cells: ['', 'Tổng cộng', total.keyVacancies, total.keyGapUnits], bold: true },
        ],
      }),
      SUB('2. Các đơn vị còn khuyết vị trí chủ chốt'),
      T({
        key: 'vacantCommunes',
        sheet: 'Chủ chốt khuyết theo xã',
        caption: 'Bảng 5. Đơn vị cấp xã còn khuyết vị trí chủ chốt',
        columns: [
          col.stt(5), col.text('Xã, phường', 15), col.text('Địa bàn huyện cũ', 19), col.int('Số vị trí khuyết', 8),
          col.text('Chức danh còn khuyết', 53),
        ],
        rows: gapCommunes.map((c, i) => ({
          cells: [
            i + 1, c.name, c.oldDistrictName, c.keyVacancies,
            c.keyPositions
              .filter((p) => p.vacancies > 0)
              .map((p) => (data.positionTitles[p.positionId] ?? p.positionCode) + (p.vacancies > 1 ? ` (${p.vacancies})` : ''))
              .join('; '),
          ],
        })),
      }),
      ...electedVacancyBlocks(data),
    ],
  };
}

/** IV. The departments' 5% lists: required, listed, meeting standards, approved (by which Conclusion), placed. */
export function buildDepartmentLists(data: ReportData): ReportSection {
  const { year, rows, conclusions } = data.compilation;
  const dateYear = yearOf(data.date);
  // No campaign up to the date's year: nothing to count, and nothing said about a minimum.
  if (year === null) {
    return {
      number: 'IV',
      heading: SECTION_HEADINGS[3],
      blocks: [P(`Đến ngày ${formatDate(data.date)}, chưa có đợt đăng ký danh sách 5% nào của các sở, ban, ngành; chưa có số liệu đăng ký, phê duyệt.`)],
    };
  }
  const t = compilationTotals(data);
  const below = rows.filter((r) => r.belowMinimum);
  const owed = t.shortfall;
  const quotaNote = quotaYearNote(quotaYearCoverage(rows.map((r) => (r.quotaYear === undefined ? year : r.quotaYear)), year));
  const withoutQuota = rows.filter((r) => r.quotaYear === null).length;
  const phases = data.compilation.phases ?? [];
  const blocks: ReportBlock[] = [];
  if (year < dateYear) blocks.push(P(`Năm ${dateYear} chưa có đợt đăng ký danh sách 5%; dưới đây là kết quả đăng ký năm ${year}, đợt đăng ký gần nhất.`));
  const counted =
    t.required > 0
      ? `Tổng số tối thiểu phải đăng ký là ${formatNumber(t.required)} người; đã đăng ký ${formatNumber(t.listed)}`
      : `Chưa xác định được số tối thiểu phải đăng ký vì các sở, ban, ngành chưa được giao biên chế; đã đăng ký ${formatNumber(t.listed)}`;
  // "Đều đã đăng ký đủ" only when every department has a minimum and meets it: never for a department without quota.
  const verdict = below.length
    ? ` Còn ${formatNumber(below.length)}/${formatNumber(rows.length)} sở, ban, ngành chưa đăng ký đủ tối thiểu 5% (còn thiếu ${formatNumber(owed)} người).`
    : rows.length > 0 && withoutQuota === 0 && rows.every((r) => r.required > 0)
      ? ' Các sở, ban, ngành đều đã đăng ký đủ tối thiểu 5%.'
      : '';
  blocks.push(
    P(
      `Thực hiện chủ trương tăng cường cán bộ, công chức cấp tỉnh về cấp xã, mỗi sở, ban, ngành đăng ký tối thiểu 5% biên chế được giao năm ${year}. ` +
        `${counted}, ${formatNumber(t.meets)} người đạt tiêu chuẩn, ` +
        `${formatNumber(t.approved)} người được phê duyệt và ${formatNumber(t.placed)} người đã được bố trí về cấp xã.` +
        verdict,
    ),
  );
  if (phases.length > 0) {
    blocks.push(
      P(
        `Năm ${year} có ${formatNumber(phases.length)} đợt đăng ký: ` +
          phases.map((p) => `đợt ${p.number} (hạn ${formatDate(p.dueDate)}, ${formatNumber(p.lists)} danh sách)`).join('; ') +
          '.',
      ),
    );
  }
  if (quotaNote && t.required > 0) blocks.push(NOTE(`Số tối thiểu 5% tính theo ${quotaBasis(quotaNote, 'sở, ban, ngành', 'sở, ban, ngành')}.`));
  if (rows.length > 0) {
    blocks.push(
      T({
        key: 'departments',
        sheet: 'Danh sách 5%',
        caption: `Bảng 7. Kết quả đăng ký, phê duyệt danh sách 5% năm ${year}`,
        columns: [
          col.stt(5.5), col.text('Sở, ban, ngành', 27), col.int('Biên chế được giao', 10.5), col.int('Tối thiểu 5%', 9), col.int('Đã đăng ký', 9),
          col.int('Đạt tiêu chuẩn', 9.5), col.int('Được phê duyệt', 9.5), col.int('Đã bố trí', 8.5), col.text('Ghi chú', 10),
        ],
        rows: [
          ...rows.map((r, i) => ({
            cells: [
              i + 1, r.name, r.quota, r.required, r.listed, r.meets, r.approved, r.placed,
              r.belowMinimum ? `Thiếu ${formatNumber(r.required - r.listed)}` : r.quotaYear === null ? 'Chưa giao biên chế' : '',
            ],
          })),
          // The total's note sums what the departments below the minimum still owe (a surplus elsewhere does not make up for it).
          { cells: ['', 'Tổng cộng', t.quota, t.required, t.listed, t.meets, t.approved, t.placed, owed > 0 ? `Thiếu ${formatNumber(owed)}` : ''], bold: true },
        ],
      }),
    );
  }
  if (conclusions.length === 0) blocks.push(P(`Đến ngày ${formatDate(data.date)}, Ban Thường vụ Tỉnh ủy chưa có kết luận phê duyệt danh sách năm ${year}.`));
  else {
    blocks.push(
      P(
        `Ban Thường vụ Tỉnh ủy đã phê duyệt danh sách năm ${year} theo ` +
          conclusions.map((c) => `Kết luận số ${c.number} ngày ${formatDate(c.date)} (${formatNumber(c.approved)} người)`).join('; ') +
          '.',
      ),
    );
  }
  return { number: 'IV', heading: SECTION_HEADINGS[3], blocks };
}

export const TRANSFER_STATE_LABELS: Record<TransferState, string> = {
  proposed: 'Đề xuất',
  approved: 'Đã phê duyệt',
  executed: 'Đã thực hiện',
  declined: 'Không phê duyệt',
  cancelled: 'Đã hủy',
};

const TRANSFER_ORDER: TransferState[] = ['proposed', 'approved', 'executed', 'declined', 'cancelled'];

/** A transfer's status in Table 9: an executed one names the day it took effect ("Đã thực hiện từ ngày 01/12/2025"). */
export const transferStatusLabel = (t: Pick<ReportTransfer, 'state' | 'effectiveDate'>) =>
  t.state === 'executed' ? `${TRANSFER_STATE_LABELS.executed} từ ngày ${formatDate(t.effectiveDate)}` : TRANSFER_STATE_LABELS[t.state];

export function countTransfers(transfers: ReportTransfer[]) {
  const byState = Object.fromEntries(TRANSFER_ORDER.map((s) => [s, 0])) as Record<TransferState, number>;
  let cross = 0;
  for (const t of transfers) {
    byState[t.state] += 1;
    if (t.crossDistrict && t.state !== 'cancelled' && t.state !== 'declined') cross += 1;
  }
  return { byState, cross };
}

/** V. Placements (secondments placed) and proposed transfers between communes. */
export function buildPlacementsTransfers(data: ReportData): ReportSection {
  const blocks: ReportBlock[] = [SUB('1. Bố trí cán bộ, công chức biệt phái, tăng cường về cấp xã')];
  const placements = [...data.placements].sort((a, b) => compareVietnamese(a.communeName, b.communeName) || compareVietnamese(a.cadreName, b.cadreName));
  if (placements.length === 0) blocks.push(P(`Đến ngày ${formatDate(data.date)}, chưa có cán bộ, công chức cấp tỉnh được bố trí biệt phái về cấp xã.`));
  else {
    const communes = new Set(placements.map((p) => p.communeName)).size;
    const departments = new Set(placements.map((p) => p.departmentName)).size;
    blocks.push(
      P(`Đến ngày ${formatDate(data.date)}, ${formatNumber(placements.length)} cán bộ, công chức của ${formatNumber(departments)} sở, ban, ngành đang biệt phái, tăng cường tại ${formatNumber(communes)} đơn vị cấp xã.`),
      T({
        key: 'placements',
        sheet: 'Biệt phái đã bố trí',
        caption: 'Bảng 8. Cán bộ, công chức biệt phái đã bố trí về cấp xã',
        columns: [
          col.stt(5), col.text('Họ và tên', 17), col.text('Sở, ban, ngành', 15), col.text('Đơn vị nhận', 13), col.text('Vị trí bố trí', 23),
          col.date('Từ ngày', 13.5), col.date('Đến ngày', 13.5),
        ],
        rows: placements.map((p, i) => ({ cells: [i + 1, p.cadreName, p.departmentName, p.communeName, p.positionTitle, p.startDate, p.endDate] })),
      }),
    );
  }
  blocks.push(SUB('2. Phương án điều động, luân chuyển cán bộ, công chức giữa các đơn vị cấp xã'));
  const transfers = data.transfers.filter((t) => t.state !== 'cancelled');
  if (transfers.length === 0) {
    blocks.push(P(`Đến ngày ${formatDate(data.date)}, chưa có đề xuất điều động, luân chuyển cán bộ, công chức giữa các đơn vị cấp xã.`));
  } else {
    const { byState, cross } = countTransfers(data.transfers);
    const stateParts = TRANSFER_ORDER.filter((s) => s !== 'cancelled' && byState[s] > 0).map((s) => `${TRANSFER_STATE_LABELS[s].toLowerCase()} ${formatNumber(byState[s])}`);
    const active = transfers.filter((t) => t.state !== 'declined').length;
    blocks.push(
      P(
        `Có ${formatNumber(transfers.length)} trường hợp điều động, luân chuyển giữa các đơn vị cấp xã (${stateParts.join('; ')}); ` +
          `trong ${formatNumber(active)} trường hợp đang đề xuất, đã phê duyệt hoặc đã thực hiện, ${formatNumber(cross)} trường hợp khác địa bàn huyện cũ và ${formatNumber(active - cross)} trường hợp cùng địa bàn huyện cũ.`,
      ),
      T({
        key: 'transfers',
        sheet: 'Điều động, luân chuyển',
        caption: 'Bảng 9. Điều động, luân chuyển cán bộ, công chức giữa các đơn vị cấp xã',
        columns: [
          col.stt(5), col.text('Họ và tên', 14), col.text('Từ đơn vị', 11.5), col.text('Đến đơn vị', 11.5), col.text('Chức danh', 20),
          col.text('Phạm vi', 10), col.date('Ngày hiệu lực', 12), col.text('Trạng thái', 16),
        ],
        rows: [...transfers]
          .sort((a, b) => TRANSFER_ORDER.indexOf(a.state) - TRANSFER_ORDER.indexOf(b.state) || (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0) || compareVietnamese(a.cadreName, b.cadreName))
          .map((t, i) => ({
            cells: [
              i + 1, t.cadreName, t.fromCommune, t.toCommune, t.positionTitle, t.crossDistrict ? 'Khác huyện cũ' : 'Cùng huyện cũ', t.effectiveDate,
              transferStatusLabel(t) + (t.decisionNumber ? `, Quyết định số ${t.decisionNumber}` : ''),
            ],
          })),
      }),
    );
  }
  return { number: 'V', heading: SECTION_HEADINGS[4], blocks };
}

const ESCALATION_LABELS = { escalated_province: 'Lãnh đạo UBND tỉnh', escalated_central: 'Trung ương (vượt thẩm quyền)' } as const;

/**
 * VII. The communes' difficulties by problem group (Notice 35-TB/TU asks for periodic reports on each group) and the
 * problems escalated beyond the working groups, with the summary sent (docs/decisions/044-support-requests-and-working-groups.md).
 */
export function buildSupport(data: ReportData): ReportSection {
  const heading = SECTION_HEADINGS[6];
  const support = data.support ?? { problems: [], escalated: [] };
  if (support.problems.length === 0) {
    return { number: 'VII', heading, blocks: [P(`Đến ngày ${formatDate(data.date)}, các đơn vị cấp xã chưa gửi đề nghị hỗ trợ nào qua hệ thống.`)] };
  }
  const total = support.problems.reduce((sum, p) => sum + p.raised, 0);
  const resolved = support.problems.reduce((sum, p) => sum + p.resolved, 0);
  const central = support.escalated.filter((e) => e.to === 'escalated_central').length;
  const blocks: ReportBlock[] = [
    P(
      `Đến ngày ${formatDate(data.date)}, các đơn vị cấp xã đã gửi ${formatNumber(total)} đề nghị hỗ trợ thuộc ${formatNumber(support.problems.length)} nhóm vấn đề; ` +
        `đã giải quyết ${formatNumber(resolved)}, báo cáo vượt cấp ${formatNumber(support.escalated.length)} (trong đó ${formatNumber(central)} vượt thẩm quyền, báo cáo Trung ương).`,
    ),
    T({
      key: 'supportProblems',
      sheet: 'Nhóm vấn đề',
      caption: 'Bảng 12. Đề nghị hỗ trợ của cấp xã theo nhóm vấn đề',
      columns: [
        col.stt(5), col.text('Nhóm vấn đề', 29), col.int('Số đề nghị', 11), col.int('Đang xử lý', 11), col.int('Đã giải quyết', 12),
        col.int('Báo cáo tỉnh', 11), col.int('Báo cáo Trung ương', 12),
      ],
      rows: support.problems.map((p, i) => ({ cells: [i + 1, p.name, p.raised, p.open, p.resolved, p.escalatedProvince, p.escalatedCentral] })),
    }),
  ];
  if (support.escalated.length > 0) {
    blocks.push(
      SUB('Các vấn đề báo cáo vượt cấp'),
      T({
        key: 'supportEscalated',
        sheet: 'Báo cáo vượt cấp',
        caption: 'Bảng 13. Khó khăn, vướng mắc báo cáo lãnh đạo tỉnh và Trung ương',
        columns: [
          col.stt(5), col.text('Đơn vị cấp xã', 12), col.text('Nhóm vấn đề', 13), col.text('Nội dung', 18), col.text('Tổ công tác', 13),
          col.text('Báo cáo lên', 12), col.text('Nội dung báo cáo', 27),
        ],
        rows: support.escalated.map((e, i) => ({ cells: [i + 1, e.commune, e.problem, e.title, e.group ?? '', ESCALATION_LABELS[e.to], e.summary] })),
      }),
    );
  }
  return { number: 'VII', heading, blocks };
}

/** A commune's block whose difference turns over or short of its quota within the forecast's years (Table 11). */
export type ForecastCrossing = {
  communeId: number;
  name: string;
  oldDistrictName: string;
  block: (typeof BLOCKS)[number];
  /** The difference at the report's date: the headcount then minus the first year's quota. */
  startDifference: number;
  over: number | null;
  short: number | null;
  lastDifference: number;
};

/**
 * The communes' blocks that turn over or short of their quota within the forecast's years ("năm vượt / năm thiếu",
 * lib/domain/forecast.ts crossingYears, as the forecast screen marks them), by old district, commune and block.
 */
export function forecastCrossings(data: ReportData): ForecastCrossing[] {
  const { communes, rows } = data.forecast;
  const out: ForecastCrossing[] = [];
  for (const c of communes) {
    for (const block of BLOCKS) {
      const series = rows.filter((r) => r.communeId === c.communeId && r.block === block).sort((a, b) => a.year - b.year);
      if (series.length === 0) continue;
      const startDifference = c.headcount[block] - series[0].quota;
      const { over, short } = crossingYears(series, startDifference);
      if (over === null && short === null) continue;
      out.push({ communeId: c.communeId, name: c.name, oldDistrictName: c.oldDistrictName, block, startDifference, over, short, lastDifference: series[series.length - 1].difference });
    }
  }
  return out.sort(
    (a, b) => compareVietnamese(a.oldDistrictName, b.oldDistrictName) || compareVietnamese(a.name, b.name) || a.communeId - b.communeId || BLOCKS.indexOf(a.block) - BLOCKS.indexOf(b.block),
  );
}

/**
 * VI. The staffing forecast from the report's date (docs/decisions/042-retirement-and-forecast.md): at the end of each
 * year, the province and each old district's quota, expected headcount, retirements and difference (Table 10), and
 * the communes whose block turns over or short of its quota, with the year (Table 11).
 */
export function buildForecast(data: ReportData): ReportSection {
  const f = data.forecast;
  const years = f.years;
  const last = years[years.length - 1];
  const heading = SECTION_HEADINGS[5];
  if (years.length === 0 || f.communes.length === 0) {
    return { number: 'VI', heading, blocks: [P(`Đến ngày ${formatDate(data.date)}, chưa có đơn vị cấp xã nào để dự báo biên chế.`)] };
  }
  const districts = [...new Map(f.communes.map((c) => [c.oldDistrictId, c.oldDistrictName])).entries()].sort(
    ([aId, aName], [bId, bName]) => compareVietnamese(aName, bName) || aId - bId,
  );
  const inDistrict = (id: number): ForecastRow[] => {
    const ids = new Set(f.communes.filter((c) => c.oldDistrictId === id).map((c) => c.communeId));
    return f.rows.filter((r) => ids.has(r.communeId));
  };
  const totalsOf = (rows: readonly ForecastRow[]) => sumForecast(rows, years).filter((x) => x.block === 'total');
  const province = totalsOf(f.rows);
  const end = province[province.length - 1];
  const retirements = province.reduce((sum, x) => sum + x.retirements, 0);
  const groupRows = (number: number | '', name: string, totals: ReturnType<typeof totalsOf>, bold: boolean) =>
    totals.map((x, i) => ({ cells: [i === 0 ? number : '', name, x.year, x.quota, x.headcount, x.retirements, x.difference], bold }));
  const crossings = forecastCrossings(data);
  const overUnits = new Set(crossings.filter((c) => c.over !== null).map((c) => c.communeId)).size;
  const shortUnits = new Set(crossings.filter((c) => c.short !== null).map((c) => c.communeId)).size;
  const withoutQuota = new Set(f.rows.filter((r) => r.quotaYear === null || r.missingQuota).map((r) => r.communeId)).size;
  const blocks: ReportBlock[] = [
    P(
      `Dự báo từ ngày ${formatDate(data.date)} đến cuối năm ${last}: số cán bộ, công chức cấp xã dự kiến là số hiện có, trừ người đến tuổi nghỉ hưu ` +
        'theo lộ trình của Nghị định số 135/2020/NĐ-CP (nghỉ hưu từ ngày cuối cùng của tháng đủ tuổi), cộng, trừ các thay đổi đã quyết định ' +
        `có hiệu lực sau ngày ${formatDate(data.date)} (điều động đã phê duyệt, bổ nhiệm, nghỉ việc, tiếp nhận, tuyển dụng); biên chế của mỗi năm ` +
        'là biên chế được giao của năm gần nhất không sau năm đó.',
    ),
    P(
      `Đến cuối năm ${last}, toàn tỉnh dự kiến có ${formatNumber(end.headcount)} cán bộ, công chức cấp xã so với biên chế ${formatNumber(end.quota)}, ` +
        `${describeDifference(end.difference)}; trong ${formatNumber(years.length)} năm có ${formatNumber(retirements)} người đến tuổi nghỉ hưu.`,
    ),
    SUB('1. Toàn tỉnh và từng địa bàn huyện cũ'),
    T({
      key: 'forecastDistricts',
      sheet: 'Dự báo theo huyện cũ',
      caption: `Bảng 10. Dự báo biên chế đến cuối năm ${last} theo địa bàn huyện cũ`,
      columns: [
        col.stt(6), col.text('Địa bàn huyện cũ', 32), col.year('Năm', 10), col.int('Biên chế', 12), col.int('Dự kiến', 12), col.int('Nghỉ hưu', 12),
        col.signed('Chênh lệch', 16),
      ],
      rows: [
        ...districts.flatMap(([id, name], i) => groupRows(i + 1, name, totalsOf(inDistrict(id)), false)),
        ...groupRows('', 'Toàn tỉnh', province, true),
      ],
    }),
    SUB('2. Đơn vị cấp xã chuyển sang vượt hoặc thiếu biên chế'),
  ];
  if (crossings.length === 0) {
    blocks.push(P(`Đến cuối năm ${last}, không có đơn vị cấp xã nào chuyển từ đủ hoặc thiếu sang vượt biên chế, hay từ đủ hoặc thừa sang thiếu biên chế ở khối nào.`));
  } else {
    const turning = [
      ...(overUnits > 0 ? [`${formatNumber(overUnits)} đơn vị cấp xã chuyển sang vượt biên chế`] : []),
      ...(shortUnits > 0 ? [`${formatNumber(shortUnits)} đơn vị cấp xã chuyển sang thiếu biên chế`] : []),
    ];
    blocks.push(
      P(
        `${turning.join(' và ')} ở ít nhất một khối trước cuối năm ${last} ` +
          '(chi tiết tại Bảng 11: năm vượt là năm đầu tiên số dự kiến vượt biên chế, năm thiếu là năm đầu tiên thiếu).',
      ),
      T({
        key: 'forecastCrossings',
        sheet: 'Dự báo năm vượt, năm thiếu',
        caption: `Bảng 11. Đơn vị cấp xã chuyển sang vượt hoặc thiếu biên chế đến cuối năm ${last}`,
        columns: [
          col.stt(5), col.text('Xã, phường', 15), col.text('Địa bàn huyện cũ', 17), col.text('Khối', 18), col.signed(`Chênh lệch ngày ${formatDate(data.date)}`, 13),
          col.year('Năm vượt', 9), col.year('Năm thiếu', 9), col.signed(`Chênh lệch cuối năm ${last}`, 14),
        ],
        rows: crossings.map((c, i) => ({
          cells: [i + 1, c.name, c.oldDistrictName, BLOCK_LABELS[c.block], c.startDifference, c.over ?? '', c.short ?? '', c.lastDifference],
        })),
      }),
    );
  }
  const notes = ['Ghi chú: chênh lệch dương là vượt (thừa), âm là thiếu so với biên chế; số nghỉ hưu là số người đến tuổi nghỉ hưu trong năm.'];
  if (withoutQuota > 0) notes.push(`${formatNumber(withoutQuota)} đơn vị cấp xã chưa được giao biên chế cho một số năm: biên chế của năm đó tính bằng 0.`);
  if (f.pastRetirement > 0) {
    notes.push(`${formatNumber(f.pastRetirement)} người đã quá ngày nghỉ hưu nhưng chưa được ghi nhận nghỉ việc: vẫn được tính trong số dự kiến.`);
  }
  blocks.push(...notes.map(NOTE));
  return { number: 'VI', heading, blocks };
}

/** The recommendations prefilled from the figures when the author has not written any (one per line). */
export function defaultRecommendations(data: ReportData): string {
  const t = data.staffing.total;
  const c = compilationTotals(data);
  const top = vacantPositions(data).slice(0, 3).map((p) => p.title);
  const below = c.departmentsBelow;
  const lines: string[] = [];
  if (t.shortStaffedUnits > 0) {
    lines.push(
      `Điều động, luân chuyển cán bộ, công chức từ ${formatNumber(t.surplusUnits)} đơn vị thừa biên chế sang ${formatNumber(t.shortStaffedUnits)} đơn vị thiếu, ` +
        `ưu tiên ${formatNumber(t.shortStaffedWithKeyGapsUnits)} đơn vị vừa thiếu người vừa khuyết vị trí chủ chốt; ưu tiên điều động trong cùng địa bàn huyện cũ.`,
    );
  }
  if (t.keyVacancies > 0) {
    lines.push(
      `Khẩn trương bố trí ${formatNumber(t.keyVacancies)} vị trí chủ chốt còn khuyết tại ${formatNumber(t.keyGapUnits)} đơn vị` +
        (top.length ? `, trước hết các chức danh ${top.join(', ')}.` : '.'),
    );
  }
  const elected = countVacantElectedPosts(vacantElectedPosts(data));
  if (elected.places > 0) {
    lines.push(
      `Chỉ đạo tổ chức bầu cử hoặc chỉ định theo thẩm quyền ${formatNumber(elected.places)} vị trí bầu cử còn trống tại ${formatNumber(elected.units)} đơn vị (Bảng 6); ` +
        'không bố trí các vị trí này bằng điều động, luân chuyển.',
    );
  }
  if (below > 0) lines.push(`Đề nghị ${formatNumber(below)} sở, ban, ngành chưa đăng ký đủ tối thiểu 5% biên chế bổ sung danh sách năm ${data.compilation.year}.`);
  if (c.approved > c.placed) {
    lines.push(`Bố trí ${formatNumber(c.approved - c.placed)} cán bộ, công chức đã được phê duyệt nhưng chưa bố trí về các đơn vị cấp xã còn thiếu người hoặc khuyết vị trí chủ chốt.`);
  }
  lines.push('Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ theo dõi, cập nhật số liệu và định kỳ báo cáo Ban Thường vụ Tỉnh ủy.');
  return lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
}

/** VIII. Recommendations: the author's text (one paragraph per line), else the default drawn from the figures. */
export function buildRecommendations(data: ReportData): ReportSection {
  const text = data.draft?.recommendations.trim() ? data.draft.recommendations : defaultRecommendations(data);
  const paragraphs = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { number: 'VIII', heading: SECTION_HEADINGS[7], blocks: paragraphs.map(P) };
}

/**
 * The whole report: header fields, headline figures and the eight sections. It is issued by the Organizing Committee
 * of the Provincial Party Committee, a Party body: the Party layout, "Số 125-BC/BTCTU" (decision 022).
 */
export function buildReport(data: ReportData): ReportModel {
  const number = data.draft?.documentNumber?.trim();
  return {
    province: { code: data.province.code, name: data.province.name },
    date: data.date,
    issuingBody: { kind: 'party', parent: `Tỉnh ủy ${data.province.name}`, name: 'Ban Tổ chức' },
    number: number || '……-BC/BTCTU',
    documentType: REPORT_DOCUMENT_TYPE,
    summary: REPORT_SUMMARY,
    headline: headlineOf(data),
    sections: [
      buildSituation(data),
      buildSurplusShortage(data),
      withStructure(buildKeyVacancies(data), data.date, data.structure, data.succession),
      buildDepartmentLists(data),
      buildPlacementsTransfers(data),
      buildForecast(data),
      buildSupport(data),
      buildRecommendations(data),
    ],
    recipients: ['Thường trực Tỉnh ủy (để báo cáo)', 'Ban Thường vụ Tỉnh ủy', 'Sở Nội vụ', 'Lưu Văn phòng Ban Tổ chức'],
    signature: headSignature('party', { headTitle: 'Trưởng ban', title: data.draft?.signerTitle, name: data.draft?.signerName }),
  };
}

/** Every table of the report, in order (the workbook's sheets). */
export function reportTables(model: ReportModel): ReportTable[] {
  return model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}
