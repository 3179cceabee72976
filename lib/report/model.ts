import type { ReportSupport } from '@/lib/db/support-report-queries';
import type { ForecastCommune, ForecastRow } from '@/lib/domain/forecast';
import type { CompilationLine } from '@/lib/domain/secondment';
import type { TransferStatus } from '@/lib/domain/transfer';
import type { Block, CommuneStaffing, OldDistrictRollup, Rollup } from '@/lib/domain/types';
import type { IssuingBody, IssuingBodyKind, Signature } from '@/lib/pdf/layout';
import type { ReportStructure, ReportSuccession } from './structure';

// The plan report's plain data (decision 019): what lib/report/data.ts reads from the one staffing pipeline,
// the 5% compilation, the secondments, the transfers and the author's draft, and what the pure section builders
// (sections.ts) turn into numbered sections that the PDF (pdf.tsx), the workbook (xlsx.ts) and the screen's
// preview all render. No I/O here.

/** The two-level government took effect on 01/07/2025: no report before it. */
export const REFORM_DATE = '2025-07-01';

export type EducationLevel = 'intermediate' | 'college' | 'university' | 'master' | 'doctorate';

export type ReportPlacement = {
  cadreName: string;
  departmentName: string;
  communeName: string;
  positionTitle: string;
  startDate: string;
  endDate: string;
};

/** A transfer's status at the report's date (lib/domain/transfer.ts transferStatus: `executed` is derived). */
export type TransferState = TransferStatus;

export type ReportTransfer = {
  cadreName: string;
  fromCommune: string;
  fromDistrict: string;
  toCommune: string;
  toDistrict: string;
  positionTitle: string;
  crossDistrict: boolean;
  effectiveDate: string;
  state: TransferState;
  decisionNumber: string | null;
};

export type ReportDraftData = {
  documentNumber: string | null;
  recommendations: string;
  signerTitle: string | null;
  signerName: string | null;
  version: number;
};

/**
 * The staffing forecast from the report's date (lib/domain/forecast.ts, docs/decisions/042-retirement-and-forecast.md):
 * the communes with their headcount at the date, and per commune, block and year the quota, the expected headcount,
 * the retirements and the difference.
 */
export type ReportForecast = {
  years: number[];
  communes: readonly ForecastCommune[];
  rows: readonly ForecastRow[];
  /** People counted at the date whose retirement date is already behind (they stay counted). */
  pastRetirement: number;
};

export type ContextFigure = { key: string; value: number; parts?: Record<string, number>; source: string };

export type ReportData = {
  province: { id: number; code: string; name: string };
  /** The date the figures are counted at ('YYYY-MM-DD'). */
  date: string;
  staffing: {
    total: Rollup;
    oldDistricts: (OldDistrictRollup & { oldDistrictCode: string })[];
    communes: CommuneStaffing[];
  };
  /** Key positions' titles by id (the vacancies name them). */
  positionTitles: Record<number, string>;
  /** The catalogue's elected posts (filled by election or designation, never by a transfer), by id. */
  electedPositionIds: number[];
  education: Record<EducationLevel, number> & { total: number };
  partySeats: { executive: { planned: number; appointed: number }; standing: { planned: number; appointed: number } };
  /** Published figures the model does not compute (docs/domain.md, Published figures): shown as context with their source. */
  context: ContextFigure[];
  compilation: {
    /**
     * The 5% campaign shown (a campaign is the phases of one year): the latest not after the date's year, or the one
     * chosen; null when the province has had none (no sentence without data behind it).
     */
    year: number | null;
    /** The years that have a campaign, not after the date's year, newest first (the year selector). */
    years?: number[];
    /** The campaign's phases opened by the date, in order, with their number of lists. */
    phases?: { number: number; dueDate: string; lists: number }[];
    rows: CompilationLine[];
    conclusions: { number: string; date: string; approved: number }[];
  };
  placements: ReportPlacement[];
  transfers: ReportTransfer[];
  draft: ReportDraftData | null;
  forecast: ReportForecast;
  /** The communes' support requests by problem group and those escalated (absent from data built before them: none). */
  support?: ReportSupport;
  /** The structure of key posts and its trend (docs/decisions/041-structure-and-planning.md; absent from data built before it). */
  structure?: ReportStructure;
  /** The key posts without a successor in the planning term of the date, or null when the province has no term. */
  succession?: ReportSuccession | null;
};

export type Align = 'left' | 'center' | 'right';

/** How a column's values are shown: integers "8.635", signed differences "+647", text, dates dd/MM/yyyy, or years "2027" (no separator). */
export type ColumnKind = 'text' | 'int' | 'signed' | 'date' | 'percent' | 'year';

export type ReportColumn = { header: string; width: number; align?: Align; kind: ColumnKind };
/** A cell: text, a number (percent columns hold a fraction 0..1), or a calendar date 'YYYY-MM-DD' in a date column. */
export type ReportCell = string | number;
export type ReportTableRow = { cells: ReportCell[]; bold?: boolean };

export type ReportTable = {
  /** A stable key (tests, XLSX order). */
  key: string;
  /** The workbook's sheet name (≤ 31 characters, unique). */
  sheet: string;
  /** The caption above the table ("Bảng 1. …"). */
  caption: string;
  columns: ReportColumn[];
  rows: ReportTableRow[];
};

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'table'; table: ReportTable };

export type ReportSection = { number: string; heading: string; blocks: ReportBlock[] };

export type ReportHeadline = {
  units: number;
  quota: number;
  headcount: number;
  difference: number;
  shortStaffedUnits: number;
  keyGapUnits: number;
  shortStaffedWithKeyGapsUnits: number;
  keyVacancies: number;
  required: number;
  listed: number;
  approved: number;
  placed: number;
  transfers: number;
  /** The year of the 5% campaign behind required, listed, approved and placed; null when there is none. */
  campaignYear: number | null;
};

export type ReportModel = {
  province: { code: string; name: string };
  date: string;
  /** The Organizing Committee of the Provincial Party Committee; its kind chooses the layout (Party). */
  issuingBody: IssuingBody & { kind: IssuingBodyKind };
  /** The number and symbol without "Số": "125-BC/BTCTU", or "……-BC/BTCTU" until the document is registered. */
  number: string;
  /** "Báo cáo". */
  documentType: string;
  summary: string;
  headline: ReportHeadline;
  sections: ReportSection[];
  recipients: string[];
  signature: Signature;
};

export const BLOCK_LABELS: Record<Block, string> = {
  party_front: 'Khối Đảng, Mặt trận Tổ quốc và các đoàn thể',
  government: 'Khối chính quyền',
};
