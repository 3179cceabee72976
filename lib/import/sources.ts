// Opening a workbook: the kind is decided by content (magic bytes), never by the file name alone, and a name
// that says otherwise is reported. XLSX is streamed row by row with exceljs' WorkbookReader (the 100,000-row
// workbook is never held as a document); a ZIP or a folder of CSV files gives one sheet per `<sheet>.csv`, read
// as it inflates. Before any of it, the import's limits are checked over the parts to be read (inspect.ts).

import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CsvBytes } from './csv';
import { inspectCsvFiles, inspectXlsx, type XlsxParts } from './inspect';
import { ImportBudget, ImportLimitError, importLimits, type ImportLimits } from './limits';
import { MAX_IMPORT_BYTES, type ImportSource } from './types';
import { FORMULA, type RawCell } from './values';
import { isZip, listZipEntries, readZipEntry, streamZipEntry, ZipEntryTooLargeError, type ZipEntry } from './zip';

export type RawRow = { row: number; cells: RawCell[] };

/** One sheet as found in the source: its name as written, its rows, and its merged ranges (XLSX only). */
export type SourceSheet = { name: string; rows: AsyncIterable<RawRow>; mergedRanges: () => Promise<string[]>; problem?: string };

export type OpenedSource = { ok: true; format: 'xlsx' | 'csv'; sheets: AsyncIterable<SourceSheet> } | { ok: false; message: string };

export function formatMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + ' MB';
}

export function tooLargeMessage(fileName: string, bytes: number): string {
  return `tệp "${fileName}" nặng ${formatMegabytes(bytes)}, vượt giới hạn ${formatMegabytes(MAX_IMPORT_BYTES)}: không đọc tệp`;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function describeContent(bytes: Uint8Array): string {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'tệp Excel 97-2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'tệp PDF';
  return 'không phải bảng tính Excel (.xlsx) hay tệp ZIP';
}

/**
 * Decides what the bytes are and whether their name agrees, checks the import's limits over everything that will
 * be read (a refusal names the limit), and returns the sheets to read. A damaged archive throws.
 */
export async function openSource(source: ImportSource, limits: ImportLimits = importLimits()): Promise<OpenedSource> {
  try {
    if (source.kind === 'folder') return await openFolder(source.path, new ImportBudget(limits, source.path));
    return await openBytes(source.bytes, source.fileName, new ImportBudget(limits, source.fileName));
  } catch (error) {
    if (error instanceof ImportLimitError) return { ok: false, message: error.message };
    throw error;
  }
}

async function openBytes(bytes: Uint8Array, fileName: string, budget: ImportBudget): Promise<OpenedSource> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, message: tooLargeMessage(fileName, bytes.byteLength) };
  if (bytes.byteLength === 0) return { ok: false, message: `tệp "${fileName}" rỗng` };
  const extension = path.extname(fileName).toLowerCase();
  if (!isZip(bytes)) {
    const what = describeContent(bytes);
    if (extension === '.xlsx' || extension === '.xlsm') return { ok: false, message: `tệp "${fileName}" có đuôi ${extension} nhưng ${what}` };
    if (extension === '.zip') return { ok: false, message: `tệp "${fileName}" có đuôi .zip nhưng không phải tệp ZIP` };
    if (extension === '.csv') return { ok: false, message: `tệp CSV đơn lẻ "${fileName}": hãy nén các tệp CSV (province.csv, communes.csv, …) thành một tệp ZIP` };
    return { ok: false, message: `tệp "${fileName}" ${what}` };
  }
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(bytes);
  } catch (error) {
    return { ok: false, message: `tệp "${fileName}": ${(error as Error).message}` };
  }
  const isXlsx = entries.some((entry) => entry.name === 'xl/workbook.xml');
  if (isXlsx) {
    if (extension === '.zip') return { ok: false, message: `tệp "${fileName}" có đuôi .zip nhưng là bảng tính Excel: hãy đổi đuôi thành .xlsx` };
    const book = readWorkbookPart(bytes, entries, budget);
    await inspectXlsx(bytes, book.parts, budget);
    return { ok: true, format: 'xlsx', sheets: xlsxSheets(bytes, book, budget) };
  }
  if (extension === '.xlsx' || extension === '.xlsm') {
    return { ok: false, message: `tệp "${fileName}" có đuôi ${extension} nhưng là tệp ZIP, không phải bảng tính Excel` };
  }
  const csvEntries = entries.filter((entry) => isCsvName(entry.name));
  if (csvEntries.length === 0) return { ok: false, message: `tệp ZIP "${fileName}" không chứa tệp CSV nào (cần province.csv, communes.csv, …)` };
  const problems = await inspectCsvFiles(
    csvEntries.map((entry) => ({
      name: csvSheetName(entry.name), key: entry.name, declaredSize: entry.uncompressedSize,
      chunks: () => streamZipEntry(bytes, entry) as AsyncIterable<Buffer>,
    })),
    budget,
    (name) => `tệp ${name} trong ZIP bị hỏng`,
  );
  return { ok: true, format: 'csv', sheets: zipCsvSheets(bytes, csvEntries, problems) };
}

function isCsvName(name: string): boolean {
  const base = path.posix.basename(name);
  return base.toLowerCase().endsWith('.csv') && !base.startsWith('.') && !name.startsWith('__MACOSX/');
}

const csvSheetName = (name: string) => path.posix.basename(name).slice(0, -4);

const noMerges = async () => [];

async function* emptyRows(): AsyncGenerator<RawRow> {}

/** The records of a CSV file read chunk by chunk; its encoding was checked by the inspection. */
async function* csvRows(chunks: () => AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<RawRow> {
  const csv = new CsvBytes();
  for await (const chunk of chunks()) yield* csv.push(chunk);
  yield* csv.end();
  if (csv.problem) throw new Error(csv.problem);
}

function csvSheet(name: string, problem: string | undefined, chunks: () => AsyncIterable<Buffer> | Iterable<Buffer>): SourceSheet {
  if (problem) return { name, rows: emptyRows(), mergedRanges: noMerges, problem };
  return { name, rows: csvRows(chunks), mergedRanges: noMerges };
}

async function* zipCsvSheets(bytes: Uint8Array, entries: ZipEntry[], problems: Map<string, string>): AsyncGenerator<SourceSheet> {
  for (const entry of entries) {
    yield csvSheet(csvSheetName(entry.name), problems.get(entry.name), () => streamZipEntry(bytes, entry) as AsyncIterable<Buffer>);
  }
}

async function openFolder(folder: string, budget: ImportBudget): Promise<OpenedSource> {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => isCsvName(name)).sort();
  } catch {
    return { ok: false, message: `không đọc được thư mục "${folder}"` };
  }
  if (names.length === 0) return { ok: false, message: `thư mục "${folder}" không chứa tệp CSV nào (cần province.csv, communes.csv, …)` };
  const sizes = names.map((name) => fs.statSync(path.join(folder, name)).size);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > MAX_IMPORT_BYTES) return { ok: false, message: tooLargeMessage(folder, total) };
  const read = (name: string) => () => [fs.readFileSync(path.join(folder, name))];
  const problems = await inspectCsvFiles(
    names.map((name, i) => ({ name: name.slice(0, -4), key: name, declaredSize: sizes[i], chunks: read(name) })),
    budget,
    (name) => `không đọc được tệp ${name}`,
  );
  async function* sheets(): AsyncGenerator<SourceSheet> {
    for (const name of names) yield csvSheet(name.slice(0, -4), problems.get(name), read(name));
  }
  return { ok: true, format: 'csv', sheets: sheets() };
}

// ---- XLSX ------------------------------------------------------------------------------------------------

type ExcelValue = ExcelJS.CellValue | undefined;

/** exceljs' value of a cell, as the compact form the importer keeps. */
export function toRawCell(value: ExcelValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) return FORMULA;
  if ('error' in value) return { kind: 'error', code: String(value.error) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) {
    // A hyperlink cell; its text may itself be rich text.
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) return (text as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
  }
  return null;
}

/**
 * The parts of exceljs' streaming WorkbookReader used here. Its own walk over the archive reads entries in
 * archive order and loses shared strings and sheet names when the worksheets come first (as in workbooks
 * exceljs itself writes), and it decodes UTF-8 chunk by chunk, which can split a Vietnamese letter. So the
 * archive is walked here (shared strings and styles first, then each sheet in tab order, as UTF-8 text
 * streams) and exceljs' parsers are fed one part at a time. exceljs is pinned (decision 008).
 */
type WorkbookReaderParts = {
  model?: { sheets: { id: number; name: string; rId: string; state: string }[] };
  properties?: { model: { date1904: boolean } };
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(stream: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> & { name: string } }>;
};

function textStream(bytes: Uint8Array, entry: ZipEntry): Readable {
  return streamZipEntry(bytes, entry).setEncoding('utf8');
}

async function* xlsxSheets(bytes: Uint8Array, book: WorkbookPart, budget: ImportBudget): AsyncGenerator<SourceSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache', // needed for date cells: exceljs decides by the number format
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookReaderParts;
  reader.model = { sheets: [] };
  reader.properties = { model: { date1904: book.date1904 } };
  const { sharedStrings, styles } = book.parts;
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(textStream(bytes, sharedStrings)));
  if (styles) await reader._parseStyles(textStream(bytes, styles));
  for (const sheet of book.parts.sheets) {
    const sheetNo = /(\d+)\.xml$/.exec(sheet.entry.name)?.[1] ?? '0';
    for (const event of reader._parseWorksheet(textStream(bytes, sheet.entry), sheetNo)) {
      const worksheet = event.value;
      worksheet.name = sheet.name;
      yield { name: sheet.name, rows: xlsxRows(worksheet, budget), mergedRanges: () => scanMergedRanges(bytes, sheet.entry) };
    }
  }
}

/**
 * exceljs walks every column of a row up to its last cell, empty ones included, several times: a row with one cell
 * in column XFD costs 16,384 steps. Those widths are summed against the cell limit as the rows come, so a sheet of
 * such rows stops after a few hundred of them instead of running for minutes.
 */
async function* xlsxRows(sheet: AsyncIterable<ExcelJS.Row>, budget: ImportBudget): AsyncGenerator<RawRow> {
  for await (const row of sheet) {
    budget.walkedCells(row.cellCount);
    const values = row.values as ExcelValue[];
    const cells: RawCell[] = new Array(Math.max(0, values.length - 1));
    for (let i = 1; i < values.length; i++) cells[i - 1] = toRawCell(values[i]);
    yield { row: row.number, cells };
  }
}

type WorkbookPart = { parts: XlsxParts; date1904: boolean };

/**
 * The sheets in tab order with their parts, the shared strings, the styles and the date system, from
 * xl/workbook.xml and its relationships (both counted against the budget's inflated bytes).
 */
function readWorkbookPart(bytes: Uint8Array, entries: ZipEntry[], budget: ImportBudget): WorkbookPart {
  const entry = (name: string | undefined) => entries.find((e) => e.name === name);
  const read = (name: string) => {
    const part = entry(name);
    if (!part) return '';
    const allowed = Math.min(budget.remainingBytes() + 1, MAX_IMPORT_BYTES);
    let content: Buffer;
    try {
      content = readZipEntry(bytes, part, allowed);
    } catch (error) {
      if (error instanceof ZipEntryTooLargeError && allowed < MAX_IMPORT_BYTES) budget.refuseInflated();
      throw error;
    }
    budget.inflatedBytes(content.length);
    return content.toString('utf8');
  };
  const targets = new Map<string, string>();
  for (const match of read('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const xml = read('xl/workbook.xml');
  const sheets: XlsxParts['sheets'] = [];
  for (const match of xml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const rId = /\br:id="([^"]*)"/.exec(match[0])?.[1];
    if (!name || !rId) continue;
    const part = entry(targets.get(rId));
    if (part) sheets.push({ name: decodeXml(name), entry: part });
  }
  return {
    parts: { sharedStrings: entry('xl/sharedStrings.xml'), styles: entry('xl/styles.xml'), sheets },
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(xml),
  };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * exceljs' streaming reader skips `<mergeCell>` elements, so merged ranges are read here: the worksheet part
 * is inflated as a stream and scanned for `<mergeCell ref="A1:B2"/>` (they follow the rows, at the end).
 */
async function scanMergedRanges(bytes: Uint8Array, entry: ZipEntry): Promise<string[]> {
  const ranges: string[] = [];
  let carry = '';
  for await (const chunk of streamZipEntry(bytes, entry)) {
    const text = carry + (chunk as Buffer).toString('latin1');
    const pattern = /<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = pattern.exec(text))) {
      ranges.push(match[1]);
      consumed = pattern.lastIndex;
    }
    // Keep a tail in case an element is split between chunks.
    carry = text.slice(Math.max(consumed, text.length - 200));
  }
  return ranges;
}

