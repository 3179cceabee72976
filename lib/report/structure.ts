import { formatDate, formatNumber, formatPercent } from '@/lib/domain/format';
import { shareOf, type StructureCounts, type StructureTargets } from '@/lib/domain/structure';
import type { ReportBlock, ReportColumn, ReportSection } from './model';
import { NOTE, P, SUB, T, col } from './sections';

// The report's structure of key posts and succession tables (docs/decisions/041-structure-and-planning.md), added to
// section III (key posts): the women, young and ethnic-minority people among the staff and the key-post holders by
// old district with the province's targets where set, their trend since the two-level government (computed at past
// dates: snapshots store no traits), and, when a planning term exists, the key posts without a successor.

export type ReportStructure = {
  youngAge: number;
  targets: StructureTargets;
  province: StructureCounts;
  oldDistricts: (StructureCounts & { name: string })[];
  trend: { date: string; counts: StructureCounts }[];
};

export type ReportSuccession = {
  term: string;
  communes: number;
  /** Per key post: the communes with nobody planned, with someone planned, and the people planned. */
  posts: { title: string; withoutSuccessor: number; withSuccessor: number; people: number }[];
};

const pct = (header: string, width: number): ReportColumn => ({ header, width, align: 'right', kind: 'percent' });
const fraction = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

function structureRow(label: string, c: StructureCounts, bold = false) {
  return {
    bold,
    cells: [
      label, c.staff, c.staffFemale, c.staffYoung, c.staffEthnicMinority, c.keyHolders,
      fraction(c.keyFemale, c.keyHolders), fraction(c.keyYoung, c.keyHolders), fraction(c.keyEthnicMinority, c.keyHolders),
    ],
  };
}

/** The structure's blocks: a paragraph with the province's shares against its targets, the table by old district, the trend. */
export function structureBlocks(date: string, s: ReportStructure): ReportBlock[] {
  const p = s.province;
  const share = (part: number) => (p.keyHolders > 0 ? formatPercent(part, p.keyHolders) : '0%');
  const target = (value: number | null, part: number) => {
    if (value === null) return '';
    const met = (shareOf(part, p.keyHolders) ?? 0) >= value;
    return ` (chỉ tiêu ${formatNumber(value)}%: ${met ? 'đạt' : 'chưa đạt'})`;
  };
  const blocks: ReportBlock[] = [
    SUB('Cơ cấu cán bộ giữ chức danh chủ chốt'),
    P(
      `Đến ngày ${formatDate(date)}, ${formatNumber(p.keyHolders)} người giữ chức danh chủ chốt cấp xã, trong đó ` +
        `nữ ${formatNumber(p.keyFemale)} (${share(p.keyFemale)})${target(s.targets.female, p.keyFemale)}, ` +
        `dưới ${s.youngAge} tuổi ${formatNumber(p.keyYoung)} (${share(p.keyYoung)})${target(s.targets.young, p.keyYoung)}, ` +
        `người dân tộc thiểu số ${formatNumber(p.keyEthnicMinority)} (${share(p.keyEthnicMinority)})${target(s.targets.ethnicMinority, p.keyEthnicMinority)}; ` +
        `trong tổng số ${formatNumber(p.staff)} cán bộ, công chức cấp xã có ${formatNumber(p.staffFemale)} nữ, ${formatNumber(p.staffYoung)} người dưới ${s.youngAge} tuổi, ` +
        `${formatNumber(p.staffEthnicMinority)} người dân tộc thiểu số.`,
    ),
    T({
      key: 'structure',
      sheet: 'Cơ cấu chủ chốt',
      caption: 'Bảng 14. Cơ cấu nữ, trẻ, dân tộc thiểu số trong cán bộ, công chức và chức danh chủ chốt theo địa bàn huyện cũ',
      columns: [
        col.text('Địa bàn huyện cũ', 17), col.int('Cán bộ, công chức', 10), col.int('Nữ', 8), col.int(`Dưới ${s.youngAge} tuổi`, 9), col.int('Dân tộc thiểu số', 10),
        col.int('Giữ chức danh chủ chốt', 11), pct('Tỷ lệ nữ', 11), pct(`Tỷ lệ dưới ${s.youngAge} tuổi`, 12), pct('Tỷ lệ dân tộc thiểu số', 12),
      ],
      rows: [...s.oldDistricts.map((d) => structureRow(d.name, d)), structureRow('Toàn tỉnh', p, true)],
    }),
  ];
  if (s.trend.length > 1) {
    blocks.push(
      T({
        key: 'structureTrend',
        sheet: 'Diễn biến cơ cấu',
        caption: 'Bảng 15. Diễn biến tỷ lệ nữ, trẻ, dân tộc thiểu số trong chức danh chủ chốt',
        columns: [col.date('Ngày', 16), col.int('Giữ chức danh chủ chốt', 20), pct('Tỷ lệ nữ', 20), pct(`Tỷ lệ dưới ${s.youngAge} tuổi`, 22), pct('Tỷ lệ dân tộc thiểu số', 22)],
        rows: s.trend.map((t) => ({
          cells: [t.date, t.counts.keyHolders, fraction(t.counts.keyFemale, t.counts.keyHolders), fraction(t.counts.keyYoung, t.counts.keyHolders), fraction(t.counts.keyEthnicMinority, t.counts.keyHolders)],
        })),
      }),
      NOTE('Ghi chú: diễn biến tính lại từ hồ sơ cán bộ tại ngày đầu mỗi tháng (tuổi tính theo ngày sinh tại từng ngày).'),
    );
  }
  return blocks;
}

/** The succession table: per key post, the communes where nobody is planned in the term. */
export function successionBlocks(s: ReportSuccession): ReportBlock[] {
  const without = s.posts.reduce((sum, p) => sum + p.withoutSuccessor, 0);
  return [
    SUB(`Quy hoạch cán bộ chủ chốt nhiệm kỳ ${s.term}`),
    P(`Nhiệm kỳ ${s.term}: còn ${formatNumber(without)} lượt chức danh chủ chốt tại ${formatNumber(s.communes)} đơn vị cấp xã chưa có người trong quy hoạch (chi tiết tại Bảng 16).`),
    T({
      key: 'succession',
      sheet: 'Quy hoạch kế cận',
      caption: `Bảng 16. Chức danh chủ chốt chưa có người kế cận, quy hoạch nhiệm kỳ ${s.term}`,
      columns: [col.stt(5), col.text('Chức danh', 41), col.int('Số đơn vị chưa có người quy hoạch', 18), col.int('Số đơn vị đã có người quy hoạch', 18), col.int('Số người được quy hoạch', 18)],
      rows: s.posts.map((p, i) => ({ cells: [i + 1, p.title, p.withoutSuccessor, p.withSuccessor, p.people] })),
    }),
  ];
}

/** Section III with the structure (and the succession table when a term exists) after its own blocks. */
export function withStructure(section: ReportSection, date: string, structure: ReportStructure | undefined, succession: ReportSuccession | null | undefined): ReportSection {
  const blocks = [...section.blocks];
  if (structure) blocks.push(...structureBlocks(date, structure));
  if (succession) blocks.push(...successionBlocks(succession));
  return { ...section, blocks };
}
