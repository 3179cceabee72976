// The contract between the workbook import engine (lib/import) and its callers: the upload page, the
// server actions and `npm run data -- import`. Messages are Vietnamese (the import report is a document
// for Home Affairs staff; the CLI prints it as is).

import type { ImportLimits } from './limits';

/** The sheets of a province workbook, in the order they are read and applied. */
export const SHEETS = ['province', 'communes', 'departments', 'positions', 'quotas', 'key_positions', 'cadres', 'ratings'] as const;
export type SheetName = (typeof SHEETS)[number];

/** Where the workbook comes from: bytes (an upload, or a file the CLI read) or a folder of CSV files. */
export type ImportSource =
  | { kind: 'bytes'; fileName: string; bytes: Uint8Array }
  | { kind: 'folder'; path: string };

/** One problem: the sheet, the Excel row number (header = row 1; null for the whole sheet or file), the header name. */
export type ImportProblem = { sheet: SheetName | null; row: number | null; column: string | null; message: string };

export type SheetCounts = { created: number; updated: number; unchanged: number };

export type ImportReport = {
  /** True when there is no problem: the workbook may be applied. */
  ok: boolean;
  /** Every problem found, in sheet order then row order (capped; see `problemsTruncated`). */
  problems: ImportProblem[];
  /** Total number of problems, when more were found than are listed. */
  problemCount: number;
  problemsTruncated: boolean;
  /** The province the workbook is for (from its `province` sheet), when readable. */
  province: { code: string; name: string } | null;
  /** The changes the import would make (dry run) or made (apply), per sheet present in the workbook. */
  counts: Partial<Record<SheetName, SheetCounts>>;
  /** Informational lines in Vietnamese (e.g. "12 người có trạng thái 'left' sẽ được ghi nhận nghỉ ngày dd/MM/yyyy, lý do: khác"). */
  notes: string[];
  /**
   * Data problems that do not stop the import, in Vietnamese, for Home Affairs to resolve (e.g. a key post with more
   * holders than its norm). Absent in reports stored before warnings existed.
   */
  warnings?: string[];
  /** Whether the changes were written (apply with no problem). */
  applied: boolean;
};

export type ImportOptions = {
  /** The import's date (YYYY-MM-DD), from lib/clock today(): `left` rows end on it. */
  today: string;
  /**
   * When set, the workbook must be for this province (the web page: the signed-in user's province).
   * When absent (the CLI at go-live), the province is created if its code is new.
   */
  provinceId?: number;
  /** Who applies: written to the audit trail (a user, or the CLI's `system` actor named after the OS user). */
  actor: { id: number | null; name: string; role: string };
  /** Request metadata for the audit rows (web only). */
  request?: { ipAddress: string | null; userAgent: string | null };
  /** Limits other than the environment's (the CLI's --max-* options); see lib/import/limits.ts. */
  limits?: Partial<ImportLimits>;
};

/** Uploads are capped at 25 MB (decisions 008 and 010); larger files are refused before anything is read. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/**
 * The headers of each sheet as written in the contract (decision 008), for the upload page's reference table and
 * the template. The engine also accepts Vietnamese aliases of these.
 */
export const SHEET_COLUMNS: Record<SheetName, { required: readonly string[]; optional: readonly string[] }> = {
  province: { required: ['code', 'name'], optional: [] },
  communes: { required: ['code', 'name', 'kind', 'old_district', 'mountainous', 'disadvantaged'], optional: [] },
  departments: { required: ['code', 'name', 'quota'], optional: [] },
  // `elected`: absent (or an empty cell), an existing position keeps its flag and a new one is not elected. `level` (the
  // rank planning compares, 0–99): absent or empty, an existing position keeps its level and a new one is unranked (0).
  positions: { required: ['code', 'title', 'block', 'key'], optional: ['field', 'elected', 'level'] },
  quotas: { required: ['commune_code', 'block', 'year', 'quota'], optional: [] },
  key_positions: { required: ['commune_code', 'position_code', 'required'], optional: [] },
  cadres: {
    required: ['code', 'full_name', 'gender', 'birth_date', 'employment_type', 'education', 'unit_code', 'position_code', 'status', 'start_date'],
    // The dossier's columns (docs/decisions/037-the-personnel-dossier.md): absent, or an empty cell, leaves an existing
    // person's value unchanged; a new person's is unknown (NULL).
    optional: [
      'field', 'concurrent_position_codes', 'national_id', 'ethnicity', 'party_member', 'party_join_date', 'political_theory', 'state_management',
      'rank_code', 'salary_step', 'salary_coefficient',
    ],
  },
  // Annual ratings (docs/decisions/040-annual-ratings.md): one per person and year; `score` 0–100 (two decimals at most);
  // `reason` is required only when a civil servant's rating is below his score's band.
  ratings: { required: ['cadre_code', 'year', 'rating'], optional: ['score', 'reason'] },
};

/** Sheets a workbook may leave out (`key_positions`: absent means every key position is required once; `ratings`: none imported). */
export const OPTIONAL_SHEETS: readonly SheetName[] = ['key_positions', 'ratings'];
