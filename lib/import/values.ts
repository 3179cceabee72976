// Cell values of a province workbook, parsed to what the database stores. Pure functions: each returns
// the value or a Vietnamese message saying what is wrong with the cell (the caller adds sheet, row, column).

import { isRankCode, isSalaryCoefficient, isSalaryStep, parseSalaryCoefficient } from '@/lib/domain/civil-service-rank';
import { SCORE_MAX, SCORE_MIN } from '@/lib/domain/ratings';
import { foldVietnamese } from '@/lib/domain/vietnamese';
import { defaultMessage } from '@/lib/i18n/translator';
import { MAX_POSITION_LEVEL } from '@/lib/validation/position';

/** One cell as read from XLSX (typed) or CSV (always text). Formulas and error cells are kept as markers. */
export type RawCell = string | number | boolean | Date | null | FormulaCell | ErrorCell;
export type FormulaCell = { kind: 'formula' };
export type ErrorCell = { kind: 'error'; code: string };

export const FORMULA: FormulaCell = { kind: 'formula' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

export function isMarker(cell: RawCell): cell is FormulaCell | ErrorCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/**
 * A copy of the text that holds on to nothing else. V8 keeps a substring of 13 characters or more as a slice of
 * the string it was cut from, so a value cut from a reader's 16 KB chunk would keep the whole chunk alive with
 * the row: 100,000 cadres kept that way held most of their inflated sheet (170 MB of heap instead of 50).
 */
function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** Text of a cell, NFC-normalised and trimmed; '' for an empty cell. Numbers keep their plain digits. */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return detached(cell.normalize('NFC').trim());
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return isoDate(cell);
  return '';
}

export function isBlank(cell: RawCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Folded form used for every comparison of words: NFC, case, diacritics, "đ", spaces and underscores. */
export function foldKey(text: string): string {
  return foldVietnamese(text.normalize('NFC')).replace(/[_\s]+/g, ' ').trim();
}

const YES = new Set(['yes', 'true', '1', 'co']);
const NO = new Set(['no', 'false', '0', 'khong']);

/** yes/no, true/false, 1/0, có/không (any case, with or without diacritics); boolean cells too. */
export function parseYesNo(cell: RawCell): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (cell === 1 || cell === 0) return ok(cell === 1);
  const folded = foldKey(cellText(cell));
  if (YES.has(folded)) return ok(true);
  if (NO.has(folded)) return ok(false);
  return bad(`"${cellText(cell)}" không phải có/không (yes/no, true/false, 1/0, có/không)`);
}

/** A whole number ≥ 0: a numeric cell without fraction or digits only. */
export function parseCount(cell: RawCell): Parsed<number> {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return bad(`${cell} không phải số nguyên`);
    if (cell < 0) return bad(`${cell} là số âm: cần số nguyên không âm`);
    return ok(cell);
  }
  const text = cellText(cell);
  if (/^-\d+$/.test(text)) return bad(`${text} là số âm: cần số nguyên không âm`);
  if (!/^\d{1,9}$/.test(text)) return bad(`"${text}" không phải số nguyên không âm`);
  return ok(Number(text));
}

/** A position's `level` (its rank for planning, docs/decisions/041-structure-and-planning.md): a whole number 0–99, as the positions form. */
export function parsePositionLevel(cell: RawCell): Parsed<number> {
  const text = cellText(cell);
  const value = typeof cell === 'number' ? cell : /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  return Number.isInteger(value) && value >= 0 && value <= MAX_POSITION_LEVEL ? ok(value) : bad(`"${text}": ${defaultMessage('positions.errors.level')}`);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function validYmd(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoDate(date);
}

/** Days from Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug) for serial numbers. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A calendar date as YYYY-MM-DD: an Excel date cell (exceljs gives a Date at UTC midnight), an Excel serial
 * number, or text YYYY-MM-DD, dd/MM/yyyy or d/M/yyyy ("." and "-" also separate day, month and year).
 * Impossible dates (31/02/1990) are refused.
 */
export function parseDate(cell: RawCell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('ngày không hợp lệ');
    // Excel stores days; a time part comes from rounding of the serial number: keep the nearest day.
    const rounded = new Date(Math.round(cell.getTime() / 86_400_000) * 86_400_000);
    return ok(isoDate(rounded));
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 73_050) return bad(`${cell} không phải một ngày`);
    return ok(isoDate(new Date(EXCEL_EPOCH_MS + cell * 86_400_000)));
  }
  const text = cellText(cell);
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) {
    const iso = validYmd(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso ? ok(iso) : bad(`ngày không tồn tại: "${text}"`);
  }
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const iso = validYmd(Number(match[3]), Number(match[2]), Number(match[1]));
    return iso ? ok(iso) : bad(`ngày không tồn tại: "${text}"`);
  }
  return bad(`"${text}" không phải ngày (cần dd/MM/yyyy hoặc YYYY-MM-DD)`);
}

/** dd/MM/yyyy for messages. */
export function displayDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** An enumeration: the English value as written, or one of its Vietnamese names (folded). */
export type EnumSpec<T extends string> = {
  values: readonly T[];
  aliases: Record<string, T>;
  label: string;
  /** The Vietnamese names of each value as written (the template's list of allowed values). */
  names: Record<T, readonly string[]>;
};

export function enumSpec<T extends string>(label: string, values: readonly T[], vietnamese: Record<T, readonly string[]>): EnumSpec<T> {
  const aliases: Record<string, T> = {};
  for (const value of values) {
    aliases[foldKey(value)] = value;
    for (const name of vietnamese[value]) aliases[foldKey(name)] = value;
  }
  return { values, aliases, label, names: vietnamese };
}

export function parseEnum<T extends string>(cell: RawCell, spec: EnumSpec<T>): Parsed<T> {
  const text = cellText(cell);
  const value = spec.aliases[foldKey(text)];
  if (value !== undefined) return ok(value);
  return bad(`"${text}" không phải ${spec.label} hợp lệ (${spec.values.join(', ')})`);
}

/**
 * `concurrent_position_codes`: codes separated by ";" with or without spaces; empty pieces are ignored.
 * A code given twice is refused.
 */
export function parseCodeList(cell: RawCell): Parsed<string[]> {
  const codes = cellText(cell)
    .split(';')
    .map((code) => code.trim())
    .filter((code) => code.length > 0);
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) return bad(`mã chức vụ "${code}" ghi hai lần`);
    seen.add(code);
  }
  return ok(codes);
}

/**
 * `national_id`: 12 digits as text. A number cell is the same digits with the leading zero Excel drops (every
 * birth-registration code starts with 0), so it is padded back to 12 digits. The rule against the person (province
 * code, century and gender, birth year) is checked with the row (validate.ts).
 */
export function parseNationalId(cell: RawCell): Parsed<string> {
  const text = typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 1e12 ? String(cell).padStart(12, '0') : cellText(cell);
  return /^[0-9]{12}$/.test(text) ? ok(text) : bad(`"${text}": ${defaultMessage('nationalId.problems.format')}`);
}

/** `rank_code`: the civil-service rank's code, NN.NNN (lib/domain/civil-service-rank.ts). */
export function parseRankCode(cell: RawCell): Parsed<string> {
  const text = cellText(cell);
  return isRankCode(text) ? ok(text) : bad(`"${text}": ${defaultMessage('dossier.errors.rankCode')}`);
}

/** `salary_step`: a whole number from 1 to 20. */
export function parseSalaryStep(cell: RawCell): Parsed<number> {
  const text = cellText(cell);
  const value = typeof cell === 'number' ? cell : /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  return isSalaryStep(value) ? ok(value) : bad(`"${text}": ${defaultMessage('dossier.errors.salaryStep')}`);
}

/** `salary_coefficient`: more than 0, at most 20, two decimals at most; "2,34" or "2.34" as text, or a number cell. */
export function parseSalaryCoefficientCell(cell: RawCell): Parsed<number> {
  const text = cellText(cell);
  const value = typeof cell === 'number' ? (isSalaryCoefficient(cell) ? Math.round(cell * 100) / 100 : null) : parseSalaryCoefficient(text);
  return value !== null ? ok(value) : bad(`"${text}": ${defaultMessage('dossier.errors.salaryCoefficient')}`);
}

/**
 * A rating's `score` (docs/decisions/040-annual-ratings.md): from 0 to 100, two decimals at most; "85,5" or "85.5" as
 * text, or a number cell.
 */
export function parseScore(cell: RawCell): Parsed<number> {
  const text = cellText(cell);
  let value: number | null = null;
  if (typeof cell === 'number') value = Number.isFinite(cell) && Math.abs(cell * 100 - Math.round(cell * 100)) < 1e-6 ? Math.round(cell * 100) / 100 : null;
  else if (/^\d{1,3}([.,]\d{1,2})?$/.test(text)) value = Number(text.replace(',', '.'));
  return value !== null && value >= SCORE_MIN && value <= SCORE_MAX ? ok(value) : bad(`"${text}": ${defaultMessage('ratings.errors.score')}`);
}
