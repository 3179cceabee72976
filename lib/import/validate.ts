// Checks that need the whole workbook and what the province already holds: duplicate codes, foreign codes
// (a code may name a row of the workbook or one already in the database), unit codes unique across communes
// and departments, old districts, key positions. Pure: the reference data is loaded by the caller.

import { countsAsStaff } from '@/lib/domain/employment';
import { checkWorkingAge, isPersonName } from '@/lib/domain/people';
import { checkNationalId, nationalIdProblemKey, nationalIdProblemParams } from '@/lib/domain/national-id';
import { defaultMessage } from '@/lib/i18n/translator';
import { startsLikeFormula } from '@/lib/exports/tabular';
import type { ParsedWorkbook } from './parse';
import type { ProblemLog } from './problems';
import { checkRatingRows } from './ratings';
import type { ImportOptions } from './types';
import { foldKey } from './values';

export type Reference = {
  province: { id: number; code: string; name: string } | null;
  oldDistricts: { id: number; code: string; name: string }[];
  communeCodes: Set<string>;
  departmentCodes: Set<string>;
  positions: Map<string, { isKey: boolean; block: string | null }>;
};

export type NewOldDistrict = { code: string; name: string; mountainous: boolean };

export type Resolved = {
  /** Commune row number → the code of its old district (existing or new). */
  districtOfRow: Map<number, string>;
  newOldDistricts: NewOldDistrict[];
  /** The year department quotas are stored for: the latest year of the `quotas` sheet (decision 008). */
  departmentQuotaYear: number;
};

const DISTRICT_PREFIX = /^(huyen|thi xa|thanh pho|quan|tp\.?|tx\.?)\s+/;

/** Folded old-district name without its "Huyện"/"Thị xã"/"Thành phố" prefix: "Huyện Thanh Chương" = "thanh chuong". */
export function districtKey(name: string): string {
  return foldKey(name).replace(DISTRICT_PREFIX, '');
}

/** The code of a new old district: its name without prefix, upper-case ASCII, as the demo's codes (THANH_CHUONG). */
export function districtCode(name: string): string {
  const code = districtKey(name).toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
  return code || 'OLD_DISTRICT';
}

function checkDuplicates<Row extends { row: number }>(rows: Row[], key: (row: Row) => string, report: (row: Row, firstRow: number) => void) {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, row.row);
    else report(row, first);
  }
}

type Problems = Pick<ProblemLog, 'add' | 'warn'>;

export function validateWorkbook(wb: ParsedWorkbook, ref: Reference, options: ImportOptions, log: ProblemLog): Resolved {
  // Problems name the column as the workbook wrote its header ("Ngày sinh"), like those found while parsing.
  const problems: Problems = {
    add: (sheet, row, header, message) => log.add(sheet, row, header === null || sheet === null ? header : (wb.headers[sheet]?.get(header) ?? header), message),
    warn: (message) => log.warn(message),
  };
  checkCodes(wb, problems);
  checkProvince(wb, ref, options, problems);
  const resolved = resolveOldDistricts(wb, ref, problems);
  checkUnits(wb, ref, problems);
  checkDuplicates(wb.positions, (p) => p.code, (p, first) => problems.add('positions', p.row, 'code', `mã "${p.code}" trùng với dòng ${first}`));
  checkQuotas(wb, ref, problems);
  checkKeyPositions(wb, ref, problems);
  checkCadres(wb, ref, options, problems);
  checkRatingRows(wb, options, problems);
  const years = wb.quotas.map((q) => q.year);
  return { ...resolved, departmentQuotaYear: years.length ? Math.max(...years) : Number(options.today.slice(0, 4)) };
}

/**
 * Codes come back out in CSV exports and are typed into forms and addresses: one that starts like a formula is
 * refused (docs/decisions/032-one-csv-writer-and-safe-callbacks.md). Names and titles stay free text.
 */
function checkCodes(wb: ParsedWorkbook, problems: Problems) {
  const check = (sheet: Parameters<Problems['add']>[0], row: number, column: string, codes: readonly string[]) => {
    for (const code of codes) {
      if (startsLikeFormula(code)) {
        problems.add(sheet, row, column, `mã "${code}" không được bắt đầu bằng =, +, -, @, dấu tab hay dấu xuống dòng: bảng tính sẽ đọc nó thành công thức`);
      }
    }
  };
  for (const p of wb.province) check('province', p.row, 'code', [p.code]);
  for (const c of wb.communes) check('communes', c.row, 'code', [c.code]);
  for (const d of wb.departments) check('departments', d.row, 'code', [d.code]);
  for (const p of wb.positions) check('positions', p.row, 'code', [p.code]);
  for (const q of wb.quotas) check('quotas', q.row, 'commune_code', [q.communeCode]);
  for (const k of wb.keyPositions) {
    check('key_positions', k.row, 'commune_code', [k.communeCode]);
    check('key_positions', k.row, 'position_code', [k.positionCode]);
  }
  for (const c of wb.cadres) {
    check('cadres', c.row, 'code', [c.code]);
    check('cadres', c.row, 'unit_code', [c.unitCode]);
    check('cadres', c.row, 'position_code', [c.positionCode]);
    check('cadres', c.row, 'concurrent_position_codes', c.concurrent);
  }
  for (const r of wb.ratings) check('ratings', r.row, 'cadre_code', [r.cadreCode]);
}

function checkProvince(wb: ParsedWorkbook, ref: Reference, options: ImportOptions, problems: Problems) {
  if (wb.province.length !== 1) return; // see provinceRowProblem
  const row = wb.province[0];
  if (options.provinceId !== undefined && ref.province && row.code !== ref.province.code) {
    problems.add('province', row.row, 'code', `tệp dành cho tỉnh mã "${row.code}", không phải tỉnh của bạn (mã "${ref.province.code}")`);
  }
}

/** The `province` sheet has exactly one row; checked before anything else since nothing can be matched without it. */
export function checkProvinceRows(wb: ParsedWorkbook, problems: ProblemLog) {
  if (!wb.present.has('province') || wb.province.length === 1) return;
  if (wb.province.length === 0 && problems.sheetHasProblems('province')) return; // its one row is already reported
  problems.add('province', wb.province[1]?.row ?? null, null, `sheet province phải có đúng một dòng (có ${wb.province.length})`);
}

/**
 * An old district is found by code or by folded name with or without its prefix. New ones are created only
 * while the province has none (go-live); afterwards an unknown name is a typo far more often than a new
 * district (the old districts are a closed historical list), so it is a problem.
 */
function resolveOldDistricts(wb: ParsedWorkbook, ref: Reference, problems: Problems): Omit<Resolved, 'departmentQuotaYear'> {
  const byKey = new Map<string, string>();
  for (const d of ref.oldDistricts) {
    byKey.set(districtKey(d.name), d.code);
    byKey.set(`code:${d.code}`, d.code);
  }
  const mayCreate = ref.oldDistricts.length === 0;
  const created = new Map<string, NewOldDistrict & { all: boolean }>();
  const usedCodes = new Set(ref.oldDistricts.map((d) => d.code));
  const districtOfRow = new Map<number, string>();
  for (const commune of wb.communes) {
    const key = districtKey(commune.oldDistrict);
    const existing = byKey.get(`code:${commune.oldDistrict}`) ?? byKey.get(key);
    if (existing) {
      districtOfRow.set(commune.row, existing);
      continue;
    }
    if (!mayCreate) {
      const known = ref.oldDistricts.map((d) => d.name).slice(0, 15).join(', ');
      problems.add('communes', commune.row, 'old_district', `không có địa bàn huyện cũ "${commune.oldDistrict}" trong tỉnh (hiện có: ${known})`);
      continue;
    }
    let district = created.get(key);
    if (!district) {
      let code = districtCode(commune.oldDistrict);
      for (let n = 2; usedCodes.has(code); n++) code = `${districtCode(commune.oldDistrict)}_${n}`;
      usedCodes.add(code);
      district = { code, name: commune.oldDistrict, mountainous: true, all: true };
      created.set(key, district);
    }
    // A new old district is mountainous when all its communes in the workbook are.
    district.mountainous = district.mountainous && commune.mountainous;
    districtOfRow.set(commune.row, district.code);
  }
  const newOldDistricts = [...created.values()].map((d) => ({ code: d.code, name: d.name, mountainous: d.mountainous }));
  return { districtOfRow, newOldDistricts };
}

function checkUnits(wb: ParsedWorkbook, ref: Reference, problems: Problems) {
  checkDuplicates(wb.communes, (c) => c.code, (c, first) => problems.add('communes', c.row, 'code', `mã "${c.code}" trùng với dòng ${first}`));
  checkDuplicates(wb.departments, (d) => d.code, (d, first) => problems.add('departments', d.row, 'code', `mã "${d.code}" trùng với dòng ${first}`));
  const communeRows = new Map(wb.communes.map((c) => [c.code, c.row]));
  const departmentRows = new Map(wb.departments.map((d) => [d.code, d.row]));
  for (const c of wb.communes) {
    if (ref.departmentCodes.has(c.code) && !departmentRows.has(c.code)) {
      problems.add('communes', c.row, 'code', `mã "${c.code}" đã là mã của một sở, ngành: mã đơn vị không được trùng giữa xã và sở`);
    }
  }
  for (const d of wb.departments) {
    const communeRow = communeRows.get(d.code);
    if (communeRow !== undefined) {
      problems.add('departments', d.row, 'code', `mã "${d.code}" trùng với xã/phường ở sheet communes dòng ${communeRow}: mã đơn vị không được trùng giữa xã và sở`);
    } else if (ref.communeCodes.has(d.code)) {
      problems.add('departments', d.row, 'code', `mã "${d.code}" đã là mã của một xã/phường: mã đơn vị không được trùng giữa xã và sở`);
    }
  }
}

const hasCommune = (wb: ParsedWorkbook, ref: Reference) => {
  const codes = new Set(wb.communes.map((c) => c.code));
  return (code: string) => codes.has(code) || ref.communeCodes.has(code);
};

function positionLookup(wb: ParsedWorkbook, ref: Reference) {
  const fromWorkbook = new Map(wb.positions.map((p) => [p.code, { isKey: p.key, block: p.block as string | null }]));
  return (code: string) => fromWorkbook.get(code) ?? ref.positions.get(code);
}

function checkQuotas(wb: ParsedWorkbook, ref: Reference, problems: Problems) {
  const isCommune = hasCommune(wb, ref);
  checkDuplicates(wb.quotas, (q) => `${q.communeCode}\u0000${q.block}\u0000${q.year}`, (q, first) =>
    problems.add('quotas', q.row, 'commune_code', `biên chế của "${q.communeCode}", khối ${q.block}, năm ${q.year} trùng với dòng ${first}`));
  for (const q of wb.quotas) {
    if (!isCommune(q.communeCode)) problems.add('quotas', q.row, 'commune_code', `không có xã/phường mã "${q.communeCode}"`);
  }
}

function checkKeyPositions(wb: ParsedWorkbook, ref: Reference, problems: Problems) {
  const isCommune = hasCommune(wb, ref);
  const position = positionLookup(wb, ref);
  checkDuplicates(wb.keyPositions, (k) => `${k.communeCode}\u0000${k.positionCode}`, (k, first) =>
    problems.add('key_positions', k.row, 'position_code', `chức danh "${k.positionCode}" của "${k.communeCode}" trùng với dòng ${first}`));
  for (const k of wb.keyPositions) {
    if (!isCommune(k.communeCode)) problems.add('key_positions', k.row, 'commune_code', `không có xã/phường mã "${k.communeCode}"`);
    const p = position(k.positionCode);
    if (!p) problems.add('key_positions', k.row, 'position_code', `không có chức danh mã "${k.positionCode}"`);
    else if (!p.isKey || p.block === null) {
      problems.add('key_positions', k.row, 'position_code', `"${k.positionCode}" không phải chức danh chủ chốt cấp xã (key = yes và có khối)`);
    }
  }
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function checkCadres(wb: ParsedWorkbook, ref: Reference, options: ImportOptions, problems: Problems) {
  const units = new Set<string>([...ref.communeCodes, ...ref.departmentCodes]);
  for (const c of wb.communes) units.add(c.code);
  for (const d of wb.departments) units.add(d.code);
  const position = positionLookup(wb, ref);
  checkDuplicates(wb.cadres, (c) => c.code, (c, first) =>
    problems.add('cadres', c.row, 'code', `cán bộ "${c.code}" đã có ở dòng ${first}: mỗi người chỉ có một chức vụ chính; chức vụ kiêm nhiệm ghi ở cột concurrent_position_codes`));
  for (const c of wb.cadres) {
    if (!units.has(c.unitCode)) problems.add('cadres', c.row, 'unit_code', `không có xã/phường hay sở, ngành mã "${c.unitCode}"`);
    if (!position(c.positionCode)) problems.add('cadres', c.row, 'position_code', `không có chức vụ mã "${c.positionCode}"`);
    for (const code of c.concurrent) {
      if (code === c.positionCode) problems.add('cadres', c.row, 'concurrent_position_codes', `chức vụ kiêm nhiệm "${code}" trùng với chức vụ chính`);
      else if (!position(code)) problems.add('cadres', c.row, 'concurrent_position_codes', `không có chức vụ mã "${code}"`);
    }
    if (!isPersonName(c.fullName)) problems.add('cadres', c.row, 'full_name', `họ và tên "${c.fullName}" phải gồm ít nhất hai từ, chỉ có chữ cái`);
    if (c.birthDate >= c.startDate) problems.add('cadres', c.row, 'birth_date', 'ngày sinh phải trước ngày bắt đầu');
    else if (c.birthDate > options.today) problems.add('cadres', c.row, 'birth_date', 'ngày sinh ở tương lai');
    else {
      const age = checkWorkingAge(c.birthDate, c.gender, c.startDate);
      if (age === 'tooYoung') problems.add('cadres', c.row, 'birth_date', `chưa đủ 18 tuổi vào ngày bắt đầu ${ddmmyyyy(c.startDate)}`);
      if (age === 'pastRetirement') problems.add('cadres', c.row, 'birth_date', `đã đến tuổi nghỉ hưu (Nghị định 135/2020/NĐ-CP) trước ngày bắt đầu ${ddmmyyyy(c.startDate)}`);
    }
  }
  checkDossierColumns(wb, options, problems);
  warnOverfilledKeyPlaces(wb, ref, problems);
}

/**
 * The dossier's columns against the row (docs/decisions/037-the-personnel-dossier.md): the personal ID agrees with
 * the row's gender and birth year and is on one row only (another person of the database holding it is found by
 * apply.ts#checkNationalIdsAgainstDatabase); the Party joining date is after birth and not in the future, and
 * makes the person a member (a "no" beside it is a contradiction).
 */
function checkDossierColumns(wb: ParsedWorkbook, options: ImportOptions, problems: Problems) {
  const withId = wb.cadres.filter((c) => c.nationalId !== null);
  checkDuplicates(withId, (c) => c.nationalId!, (c, first) => {
    const other = withId.find((o) => o.row === first)!;
    problems.add('cadres', c.row, 'national_id', `số định danh ${c.nationalId} trùng với dòng ${first} (${other.code}): mỗi người một số định danh`);
  });
  for (const c of wb.cadres) {
    if (c.nationalId !== null) {
      const problem = checkNationalId(c.nationalId, c);
      if (problem) problems.add('cadres', c.row, 'national_id', defaultMessage(nationalIdProblemKey(problem), nationalIdProblemParams(c.nationalId, c)));
    }
    if (c.partyJoinDate !== null) {
      if (c.partyJoinDate <= c.birthDate || c.partyJoinDate > options.today) problems.add('cadres', c.row, 'party_join_date', defaultMessage('dossier.errors.partyJoinDate'));
      if (c.partyMember === false) problems.add('cadres', c.row, 'party_member', `ghi "không" nhưng có ngày vào Đảng ${ddmmyyyy(c.partyJoinDate)}: người có ngày vào Đảng là đảng viên`);
    }
  }
}

/**
 * One holder per key place (decision 024): a key post of a commune held, in the cadres sheet, by more distinct
 * active cadres and civil servants (primary and concurrent together) than its norm after this import is not
 * refused: it is a data problem for Home Affairs, listed as a warning. The counting pipeline counts such a place
 * filled up to its norm, never twice; the commune page lists the places so held (lib/db/key-place-queries.ts).
 * The norm after the import follows the key_positions rule of apply.ts#applyNorms: a commune the sheet names has
 * the listed number (0 when unlisted), any other commune the default 1.
 */
function warnOverfilledKeyPlaces(wb: ParsedWorkbook, ref: Reference, problems: Problems) {
  const position = positionLookup(wb, ref);
  const isCommune = hasCommune(wb, ref);
  const named = new Set(wb.keyPositions.map((k) => k.communeCode));
  const listed = new Map(wb.keyPositions.map((k) => [`${k.communeCode}\u0000${k.positionCode}`, k.required]));
  const norm = (communeCode: string, positionCode: string) => (named.has(communeCode) ? (listed.get(`${communeCode}\u0000${positionCode}`) ?? 0) : 1);
  const holders = new Map<string, { communeCode: string; positionCode: string; names: Map<string, string> }>();
  for (const c of wb.cadres) {
    if (c.status !== 'active' || !countsAsStaff(c.employmentType) || !isCommune(c.unitCode)) continue;
    for (const code of new Set([c.positionCode, ...c.concurrent])) {
      const p = position(code);
      if (!p?.isKey || p.block === null) continue;
      const key = `${c.unitCode}\u0000${code}`;
      let place = holders.get(key);
      if (!place) holders.set(key, (place = { communeCode: c.unitCode, positionCode: code, names: new Map() }));
      place.names.set(c.code, c.fullName);
    }
  }
  const communes = new Map(wb.communes.map((c) => [c.code, c]));
  const titles = new Map(wb.positions.map((p) => [p.code, p.title]));
  const collator = new Intl.Collator('vi');
  const over = [...holders.values()]
    .filter((place) => place.names.size > norm(place.communeCode, place.positionCode))
    .sort((a, b) => (a.communeCode < b.communeCode ? -1 : a.communeCode > b.communeCode ? 1 : a.positionCode < b.positionCode ? -1 : a.positionCode > b.positionCode ? 1 : 0));
  for (const place of over) {
    const names = [...place.names.values()].sort(collator.compare).join(', ');
    const title = titles.get(place.positionCode) ?? place.positionCode;
    problems.warn(`${communeLabel(communes.get(place.communeCode), place.communeCode)}: ${title} có ${place.names.size} người giữ (${names}), định mức ${norm(place.communeCode, place.positionCode)} — Sở Nội vụ cần rà soát.`);
  }
}

/** "Xã Nga My", "Phường Trường Vinh" (a name already written with its kind is kept as is); by code when the sheet does not name it. */
function communeLabel(commune: { name: string; kind: string } | undefined, code: string): string {
  if (!commune) return `Xã, phường mã ${code}`;
  const kind = commune.kind === 'ward' ? 'Phường' : 'Xã';
  return foldKey(commune.name).startsWith(`${foldKey(kind)} `) ? commune.name : `${kind} ${commune.name}`;
}
