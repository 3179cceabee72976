import { SHEETS, type ImportProblem, type SheetName } from './types';

/** How many problems a report lists; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 1000;

const SHEET_ORDER = new Map<SheetName | null, number>([[null, -1], ...SHEETS.map((sheet, i) => [sheet, i] as const)]);

/**
 * Every problem of an import. Each sheet keeps its first MAX_LISTED_PROBLEMS by row so that the merged
 * list is exactly the first ones in sheet and row order, however the sheets were read; the rest are counted.
 * It also remembers which rows have a problem, so that they are left out of the staging tables.
 */
export class ProblemLog {
  private readonly lists = new Map<SheetName | null, ImportProblem[]>();
  private readonly badRows = new Map<SheetName, Set<number>>();
  private readonly warningList: string[] = [];
  count = 0;

  /** A data problem that does not stop the import (listed in the report for Home Affairs to resolve). */
  warn(message: string) {
    if (this.warningList.length < MAX_LISTED_PROBLEMS) this.warningList.push(message);
  }

  warnings(): string[] {
    return [...this.warningList];
  }

  add(sheet: SheetName | null, row: number | null, column: string | null, message: string) {
    this.count++;
    if (sheet !== null && row !== null) {
      let rows = this.badRows.get(sheet);
      if (!rows) this.badRows.set(sheet, (rows = new Set()));
      rows.add(row);
    }
    let list = this.lists.get(sheet);
    if (!list) this.lists.set(sheet, (list = []));
    list.push({ sheet, row, column, message });
    // Trim now and then rather than on every push: the list stays small even with 100,000 bad rows.
    if (list.length >= 2 * MAX_LISTED_PROBLEMS) this.lists.set(sheet, sortProblems(list).slice(0, MAX_LISTED_PROBLEMS));
  }

  sheetHasProblems(sheet: SheetName): boolean {
    return (this.lists.get(sheet)?.length ?? 0) > 0;
  }

  hasRowProblem(sheet: SheetName, row: number): boolean {
    return this.badRows.get(sheet)?.has(row) ?? false;
  }

  listed(): ImportProblem[] {
    const all: ImportProblem[] = [];
    for (const list of this.lists.values()) for (const problem of list) all.push(problem);
    return sortProblems(all).slice(0, MAX_LISTED_PROBLEMS);
  }
}

function sortProblems(list: ImportProblem[]): ImportProblem[] {
  return list.sort(
    (a, b) => (SHEET_ORDER.get(a.sheet) ?? 99) - (SHEET_ORDER.get(b.sheet) ?? 99) || (a.row ?? 0) - (b.row ?? 0),
  );
}

/** `sheet, dòng N, cột X: message` (the CLI's line and the upload page's plain-text form). */
export function formatProblem(problem: ImportProblem): string {
  const where = [problem.sheet ?? 'tệp', problem.row !== null ? `dòng ${problem.row}` : null, problem.column !== null ? `cột ${problem.column}` : null]
    .filter((part) => part !== null)
    .join(', ');
  return `${where}: ${problem.message}`;
}
