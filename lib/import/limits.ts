// The import's limits (docs/decisions/033-bounded-imports.md): a workbook may not make the readers do more than a
// province's real data needs. A 3 MB XLSX of a million identical rows, or a ZIP of CSV inflating to 200 MB, used to be
// read to the end (45 s and 2 GB for the first). Every archive is now inspected first: the parts the readers will
// read are inflated as streams, counting their bytes, rows and cells, and the file is refused as soon as one count
// passes its limit, before anything is parsed or written.

import { env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';

export type ImportLimits = {
  /** Data rows of one sheet (its header row aside). */
  maxRows: number;
  /**
   * Cells of the whole workbook: CSV fields; XLSX `<c>` elements, and apart from them the columns the reader walks
   * (each row up to its last cell, empty ones included). Also bounds the shared-string table.
   */
  maxCells: number;
  /** Bytes of every part read, once inflated (XML or CSV text). */
  maxInflatedBytes: number;
};

export const MEGABYTE = 1024 * 1024;

/** The limits of this process (IMPORT_MAX_* in the environment, else the defaults of lib/env.ts) with `overrides` on top. */
export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return {
    maxRows: overrides.maxRows ?? env.IMPORT_MAX_ROWS,
    maxCells: overrides.maxCells ?? env.IMPORT_MAX_CELLS,
    maxInflatedBytes: overrides.maxInflatedBytes ?? env.IMPORT_MAX_INFLATED_MB * MEGABYTE,
  };
}

/** A limit passed: the whole file is refused with this message. */
export class ImportLimitError extends Error {}

const megabytes = (bytes: number) => Math.round((bytes / MEGABYTE) * 10) / 10;

/** What one file may still make the readers do; each method throws ImportLimitError past a limit. */
export class ImportBudget {
  private inflated = 0;
  private cells = 0;
  private walked = 0;

  constructor(
    readonly limits: ImportLimits,
    private readonly fileName: string,
  ) {}

  /** Sizes announced by the archive's directory: refused at once when they already pass the limit (never trusted alone). */
  declared(bytes: number) {
    if (bytes > this.limits.maxInflatedBytes) this.refuseInflated();
  }

  inflatedBytes(bytes: number) {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxInflatedBytes) this.refuseInflated();
  }

  /** What is left of the inflated bytes, for a part read whole. */
  remainingBytes(): number {
    return Math.max(0, this.limits.maxInflatedBytes - this.inflated);
  }

  /** `rows` counts every row of the sheet, the header included. */
  sheetRows(sheet: string, rows: number) {
    if (rows > this.limits.maxRows + 1) throw new ImportLimitError(defaultMessage('imports.limits.rows', { sheet, max: this.limits.maxRows }));
  }

  addCells(count: number) {
    this.cells += count;
    if (this.cells > this.limits.maxCells) this.refuseCells();
  }

  /** Cells the XLSX reader walks, row by row (a row's width up to its last cell): counted apart from the cells found. */
  walkedCells(count: number) {
    this.walked += count;
    if (this.walked > this.limits.maxCells) this.refuseCells();
  }

  sharedStrings(count: number) {
    if (count > this.limits.maxCells) throw new ImportLimitError(defaultMessage('imports.limits.sharedStrings', { file: this.fileName, max: this.limits.maxCells }));
  }

  private refuseCells(): never {
    throw new ImportLimitError(defaultMessage('imports.limits.cells', { file: this.fileName, max: this.limits.maxCells }));
  }

  refuseInflated(): never {
    throw new ImportLimitError(defaultMessage('imports.limits.inflated', { file: this.fileName, max: megabytes(this.limits.maxInflatedBytes) }));
  }
}
