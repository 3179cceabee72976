import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTemplate } from '@/lib/import';
import { CsvBytes, CsvReader, parseCsv } from '@/lib/import/csv';
import { TagCounter } from '@/lib/import/inspect';
import { MEGABYTE, type ImportLimits } from '@/lib/import/limits';
import { parseWorkbook } from '@/lib/import/parse';
import { ProblemLog } from '@/lib/import/problems';
import { openSource } from '@/lib/import/sources';
import { deflatePart, identicalRowsSheet, repeated, replacePart, replaceSheet, xmlRow, zipParts } from '../support/hostile-workbooks';

// The import's limits (docs/decisions/033-bounded-imports.md): the inspection that precedes any parsing counts
// while it inflates and refuses a file at the first limit passed; the incremental CSV reader it shares with the
// import reads a text given in pieces exactly as a whole one.

const DEFAULTS: ImportLimits = { maxRows: 200_000, maxCells: 4_000_000, maxInflatedBytes: 100 * MEGABYTE };

const CADRE_HEADER = ['code', 'full_name', 'gender', 'birth_date', 'employment_type', 'education', 'field', 'unit_code', 'position_code',
  'concurrent_position_codes', 'status', 'start_date'];
const CADRE = ['XXCB0001', 'Nguyễn Văn An', 'male', '1980-05-20', 'cadre', 'university', 'administration', 'XX001', 'XX_CHU_TICH_UBND', '', 'active', '2025-07-01'];

let template: Buffer;
beforeAll(async () => {
  template = await buildTemplate('xlsx');
});

/** openSource's answer: `ok:<format>` or the refusal, and how long it took. */
async function open(fileName: string, bytes: Uint8Array, limits: Partial<ImportLimits> = {}) {
  const started = performance.now();
  const opened = await openSource({ kind: 'bytes', fileName, bytes }, { ...DEFAULTS, ...limits });
  return { answer: opened.ok ? `ok:${opened.format}` : opened.message, seconds: (performance.now() - started) / 1000 };
}

describe('XLSX: counted while inflating, refused at the first limit passed', () => {
  test('a million identical rows (a 3 MB file) are refused in well under a second, by the sizes the archive announces', async () => {
    const bytes = replaceSheet(template, 'cadres', identicalRowsSheet(CADRE_HEADER, CADRE, 1_000_000));
    expect(bytes.byteLength).toBeLessThan(4 * MEGABYTE);
    const { answer, seconds } = await open('bom.xlsx', bytes);
    expect(answer).toBe(
      'Tệp "bom.xlsx" khi giải nén lớn hơn 100 MB, vượt giới hạn của một lần nhập: tệp không được đọc, không có gì thay đổi ' +
        '(tệp có thể bị hỏng hoặc được tạo ra để làm quá tải máy chủ).',
    );
    expect(seconds).toBeLessThan(2);
  });

  test('the same rows with sizes that lie: the bytes counted while inflating stop it', async () => {
    const bytes = replaceSheet(template, 'cadres', identicalRowsSheet(CADRE_HEADER, CADRE, 1_000_000), 1000);
    const { answer, seconds } = await open('bom.xlsx', bytes);
    expect(answer).toMatch(/^Tệp "bom\.xlsx" khi giải nén lớn hơn 100 MB/);
    expect(seconds).toBeLessThan(5);
  });

  test('one row past the limit of a sheet is refused, naming the sheet; at the limit the file opens', async () => {
    const sheet = (rows: number) => replaceSheet(template, 'cadres', identicalRowsSheet(CADRE_HEADER.slice(0, 1), ['X'], rows));
    expect((await open('tinh.xlsx', sheet(200_001))).answer).toBe(
      'Sheet "cadres" có hơn 200.000 dòng dữ liệu, vượt giới hạn của một lần nhập: tệp không được đọc, không có gì thay đổi. ' +
        'Hãy tách dữ liệu thành nhiều tệp rồi nhập lần lượt.',
    );
    expect((await open('tinh.xlsx', sheet(200_000))).answer).toBe('ok:xlsx');
  });

  test('every sheet counts, the ones the import skips too', async () => {
    // The longest other sheet is "Giá trị hợp lệ" (13 data rows).
    const bytes = replaceSheet(template, 'Hướng dẫn', identicalRowsSheet(['x'], ['x'], 13));
    expect((await open('tinh.xlsx', bytes, { maxRows: 12 })).answer).toMatch(/^Sheet "Hướng dẫn" có hơn 12 dòng dữ liệu/);
    expect((await open('tinh.xlsx', bytes, { maxRows: 13 })).answer).toBe('ok:xlsx');
  });

  test('cells of the whole workbook, and the shared strings', async () => {
    const cells = (count: number) => replaceSheet(template, 'cadres', identicalRowsSheet(['a', 'b', 'c', 'd'], ['1', '2', '3', '4'], count));
    // The template's other sheets hold some cells too, and its shared strings count against the same limit: find the
    // threshold with enough rows that the cells decide it, then check one cell either side of ten more rows.
    const base = (await countCells(cells(1000)));
    expect((await open('tinh.xlsx', cells(1010), { maxCells: base + 40 })).answer).toBe('ok:xlsx');
    expect((await open('tinh.xlsx', cells(1010), { maxCells: base + 39 })).answer).toBe(
      `Tệp "tinh.xlsx" có hơn ${(base + 39).toLocaleString('vi-VN')} ô dữ liệu, vượt giới hạn của một lần nhập: tệp không được đọc, không có gì thay đổi. ` +
        'Hãy xoá các cột, sheet thừa hoặc tách dữ liệu thành nhiều tệp.',
    );
    const strings = replacePart(template, 'xl/sharedStrings.xml', [
      { text: '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' },
      ...repeated('<si><t>x</t></si>', 5_000),
      { text: '</sst>' },
    ]);
    expect((await open('tinh.xlsx', strings, { maxCells: 4_999 })).answer).toMatch(/^Tệp "tinh\.xlsx" có hơn 4\.999 chuỗi văn bản dùng chung/);
  });
});

/** The smallest cell limit the workbook passes. */
async function countCells(bytes: Uint8Array): Promise<number> {
  let low = 1;
  let high = 100_000;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if ((await open('x.xlsx', bytes, { maxCells: middle })).answer === 'ok:xlsx') high = middle;
    else low = middle + 1;
  }
  return low;
}

describe('memory within the limits', () => {
  test('kept rows hold their values only, not the text the reader cut them from', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const bytes = replaceSheet(template, 'cadres', identicalRowsSheet(CADRE_HEADER, CADRE, 50_000));
    const opened = await openSource({ kind: 'bytes', fileName: 'tinh.xlsx', bytes }, DEFAULTS);
    if (!opened.ok) throw new Error(opened.message);
    gc();
    const before = process.memoryUsage().heapUsed;
    const workbook = await parseWorkbook(opened.sheets, new ProblemLog());
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    expect(workbook.cadres).toHaveLength(50_000);
    // 50,000 rows of 12 short values: about 25 MB; as slices of the inflated sheet (30 MB of text), about 80 MB.
    expect(kept / MEGABYTE).toBeLessThan(45);
  });
});

describe('ZIP of CSV: counted while inflating', () => {
  const line = `XXCB0001,${'Nguyễn Văn An '.repeat(70)},male\n`; // about 1 KB a line
  const csvBomb = (declaredSize?: number) =>
    zipParts([deflatePart('province.csv', [{ text: 'code,name\nXX,Tỉnh mẫu\n' }]), deflatePart('cadres.csv', [{ text: 'code,full_name,gender\n' }, ...repeated(line, 110_000)], declaredSize)]);

  test('a ZIP that inflates past 100 MB is refused: by its announced sizes, or while inflating when they lie', async () => {
    for (const bytes of [csvBomb(), csvBomb(2000)]) {
      expect(bytes.byteLength).toBeLessThan(MEGABYTE);
      const { answer, seconds } = await open('bom.zip', bytes);
      expect(answer).toMatch(/^Tệp "bom\.zip" khi giải nén lớn hơn 100 MB, vượt giới hạn/);
      expect(seconds).toBeLessThan(5);
    }
  });

  test('rows per file (quoted line breaks are not rows) and cells', async () => {
    const zip = (rows: number) => zipParts([deflatePart('cadres.csv', [{ text: 'code,name\n' }, ...repeated('A,"x\ny"\n', rows)])]);
    expect((await open('tinh.zip', zip(5), { maxRows: 5 })).answer).toBe('ok:csv');
    expect((await open('tinh.zip', zip(6), { maxRows: 5 })).answer).toMatch(/^Sheet "cadres" có hơn 5 dòng dữ liệu/);
    expect((await open('tinh.zip', zip(5), { maxCells: 12 })).answer).toBe('ok:csv');
    expect((await open('tinh.zip', zip(5), { maxCells: 11 })).answer).toMatch(/^Tệp "tinh\.zip" có hơn 11 ô dữ liệu/);
  });

  describe('a folder of CSV files', () => {
    let folder: string;
    beforeAll(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-limits-'));
      fs.writeFileSync(path.join(folder, 'province.csv'), 'code,name\nXX,Tỉnh mẫu\n');
      fs.writeFileSync(path.join(folder, 'cadres.csv'), 'code\n' + 'A\n'.repeat(3));
    });
    afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

    test('the same limits', async () => {
      const opened = async (limits: Partial<ImportLimits>) => {
        const result = await openSource({ kind: 'folder', path: folder }, { ...DEFAULTS, ...limits });
        return result.ok ? 'ok' : result.message;
      };
      expect(await opened({ maxRows: 3 })).toBe('ok');
      expect(await opened({ maxRows: 2 })).toMatch(/^Sheet "cadres" có hơn 2 dòng dữ liệu/);
      expect(await opened({ maxInflatedBytes: 20 })).toMatch(/khi giải nén lớn hơn .* MB, vượt giới hạn/);
    });
  });
});

describe('counting tags split between chunks', () => {
  const xml = '<sheetData><row r="1"><c r="A1"/><c>x</c><cols/><col/></row><row>\n<c\tt="s"/></row><rowBreaks/><c/></sheetData>';
  test.each([1, 2, 3, 5, 7, 64])('chunks of %i bytes', (size) => {
    const rows = new TagCounter('row');
    const cells = new TagCounter('c');
    const bytes = Buffer.from(xml);
    for (let at = 0; at < bytes.length; at += size) {
      rows.push(bytes.subarray(at, at + size));
      cells.push(bytes.subarray(at, at + size));
    }
    expect([rows.count, cells.count]).toEqual([2, 4]);
  });
});

describe('the CSV reader reads a text in pieces as it reads it whole', () => {
  const texts = [
    'code,name\nTT,"Tỉnh ""Thử"", A"\r\n\nX,"a\nb"\n',
    'code;name\r\nA;"B;""C"""\r\nD;E',
    'a,b\n"",""\n"x""",y\r',
    'a,b\nx"y,"z\n\n"\n',
    '"unterminated,\nstill',
  ];
  test.each(texts)('%j', (text) => {
    const whole = [...parseCsv(text)];
    for (let split = 0; split <= text.length; split++) {
      const reader = new CsvReader();
      expect([...reader.push(text.slice(0, split)), ...reader.push(text.slice(split)), ...reader.end()], `split at ${split}`).toEqual(whole);
    }
    const reader = new CsvReader();
    expect([...[...text].flatMap((char) => reader.push(char)), ...reader.end()]).toEqual(whole);
    const counter = new CsvReader(false);
    counter.push(text);
    expect(counter.end()).toEqual([]);
    expect([counter.rows, counter.cells]).toEqual([whole.length, whole.reduce((sum, record) => sum + record.cells.length, 0)]);
  });

  test('bytes split inside a letter, a BOM, and an encoding found on the first bytes', () => {
    const bytes = Buffer.from('\ufeffcode,name\nTT,Tỉnh Thử\n', 'utf8');
    const csv = new CsvBytes();
    const records = [...bytes].flatMap((byte) => csv.push(Uint8Array.of(byte)));
    expect([...records, ...csv.end()]).toEqual([{ row: 1, cells: ['code', 'name'] }, { row: 2, cells: ['TT', 'Tỉnh Thử'] }]);
    const utf16 = new CsvBytes();
    utf16.push(Buffer.from('\ufeffcode,name\n', 'utf16le'));
    utf16.end();
    expect(utf16.problem).toMatch(/UTF-16/);
    const latin = new CsvBytes();
    latin.push(Buffer.from('code,name\nX1,X\xe3 M\xf4t\n', 'latin1'));
    latin.end();
    expect(latin.problem).toMatch(/không ở mã UTF-8/);
  });
});

test('a row of inline strings, as the hostile workbooks write it', () => {
  expect(xmlRow(3, ['a', 'b<c'])).toBe('<row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is></c><c r="B3" t="inlineStr"><is><t>b&lt;c</t></is></c></row>');
});
