import { describe, expect, test } from 'vitest';
import { headerTable, sheetOf, BLOCK, EMPLOYMENT, GENDER, RATING } from '@/lib/import/contract';
import { decodeCsv, parseCsv } from '@/lib/import/csv';
import { formatProblem, ProblemLog } from '@/lib/import/problems';
import { openSource, toRawCell } from '@/lib/import/sources';
import { districtCode, districtKey } from '@/lib/import/validate';
import { cellText, parseCodeList, parseCount, parseDate, parseEnum, parseScore, parseYesNo, type RawCell } from '@/lib/import/values';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) => (parsed.ok ? parsed.value : `!${parsed.message}`);

describe('header aliases: NFC, case and diacritic folding', () => {
  test.each([
    ['cadres', 'Họ và tên', 'full_name'], ['cadres', 'HO VA TEN', 'full_name'], ['cadres', 'full_name', 'full_name'], ['cadres', 'Full Name', 'full_name'],
    ['cadres', 'Giới tính', 'gender'], ['cadres', 'ngay sinh', 'birth_date'], ['cadres', 'Đơn vị', 'unit_code'], ['cadres', 'Chức vụ', 'position_code'],
    ['cadres', 'Kiêm nhiệm', 'concurrent_position_codes'], ['cadres', 'Trạng thái', 'status'], ['cadres', 'Ngày bắt đầu', 'start_date'],
    ['cadres', 'Trình độ', 'education'], ['cadres', 'Lĩnh vực', 'field'], ['cadres', 'Mã', 'code'], ['communes', 'Huyện cũ', 'old_district'],
    ['communes', 'Miền núi', 'mountainous'], ['communes', 'Đặc biệt khó khăn', 'disadvantaged'], ['communes', 'Loại', 'kind'], ['communes', 'Tên', 'name'],
    ['positions', 'Chức danh', 'title'], ['positions', 'Khối', 'block'], ['positions', 'Chủ chốt', 'key'], ['quotas', 'Năm', 'year'],
    ['quotas', 'Biên chế', 'quota'], ['key_positions', 'Số lượng', 'required'], ['departments', 'Biên chế', 'quota'],
    // Decomposed (NFD) input, as macOS writes it.
    ['cadres', 'Họ và tên'.normalize('NFD'), 'full_name'],
  ] as const)('%s: "%s" → %s', (sheet, header, contract) => {
    const folded = header.normalize('NFC').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[_\s]+/g, ' ').trim();
    expect(headerTable(sheet).get(folded)).toBe(contract);
  });

  test('sheets are matched by name or Vietnamese name; others are unknown', () => {
    expect(['cadres', 'Cán bộ', 'KEY_POSITIONS', 'Xã', 'Hướng dẫn'].map(sheetOf)).toEqual(['cadres', 'cadres', 'key_positions', 'communes', null]);
  });
});

describe('yes/no', () => {
  test.each([
    ['yes', true], ['YES', true], ['true', true], ['1', true], [1, true], [true, true], ['có', true], ['Có', true], ['co', true],
    ['no', false], ['False', false], ['0', false], [0, false], [false, false], ['không', false], ['KHÔNG', false], ['khong', false],
  ] as [RawCell, boolean][])('%s → %s', (cell, expected) => expect(value(parseYesNo(cell))).toBe(expected));
  test.each(['y', 'x', 'maybe', '2'])('%s is refused', (cell) => expect(parseYesNo(cell).ok).toBe(false));
});

describe('dates', () => {
  test.each([
    ['1990-02-28', '1990-02-28'], ['28/02/1990', '1990-02-28'], ['3/4/1985', '1985-04-03'], ['03/04/1985', '1985-04-03'], ['5.6.1990', '1990-06-05'],
    ['29/02/2024', '2024-02-29'],
  ])('%s → %s', (text, iso) => expect(value(parseDate(text))).toBe(iso));

  test('Excel date cells (a Date at UTC midnight) and serial numbers', () => {
    expect(value(parseDate(new Date(Date.UTC(1980, 4, 20))))).toBe('1980-05-20');
    expect(value(parseDate(new Date(Date.UTC(1980, 4, 20, 23, 59, 59, 999))))).toBe('1980-05-21');
    expect(value(parseDate(45839))).toBe('2025-07-01');
  });

  test.each(['31/02/1990', '29/02/2023', '1990-13-01', '00/01/2000', '32/1/2000'])('impossible date %s is a problem', (text) => {
    expect(value(parseDate(text))).toMatch(/ngày không tồn tại/);
  });
  test.each(['1990/02/28', 'hôm qua', '28-2-90'])('%s is not a date', (text) => expect(value(parseDate(text))).toMatch(/không phải ngày/));
});

describe('numbers, enums, text', () => {
  test('counts are whole numbers ≥ 0', () => {
    expect([parseCount(12), parseCount('12'), parseCount(' 7 ')].map(value)).toEqual([12, 12, 7]);
    expect([parseCount(2.5), parseCount(-1), parseCount('-3'), parseCount('12a'), parseCount('1.5')].map((p) => p.ok)).toEqual([false, false, false, false, false]);
  });
  test('enum values as written or by their Vietnamese name', () => {
    expect(value(parseEnum('Nữ', GENDER))).toBe('female');
    expect(value(parseEnum('Công chức', EMPLOYMENT))).toBe('civil_servant');
    expect(value(parseEnum('civil servant', EMPLOYMENT))).toBe('civil_servant');
    expect(value(parseEnum('Chính quyền', BLOCK))).toBe('government');
    expect(value(parseEnum('contractor', EMPLOYMENT))).toMatch(/"contractor" không phải loại cán bộ hợp lệ \(cadre, civil_servant/);
  });
  test('text is NFC and trimmed', () => {
    expect(cellText('  Nguyễn Văn An '.normalize('NFD'))).toBe('Nguyễn Văn An');
    expect(cellText(42)).toBe('42');
  });
});

describe('the ratings sheet (docs/decisions/040-annual-ratings.md)', () => {
  test('its name, its headers and the four levels in Vietnamese, by name, abbreviation or code', () => {
    expect(['ratings', 'Đánh giá', 'Xếp loại', 'KET QUA DANH GIA'].map(sheetOf)).toEqual(['ratings', 'ratings', 'ratings', 'ratings']);
    expect(['ma can bo', 'nam', 'xep loai', 'diem', 'ly do'].map((h) => headerTable('ratings').get(h))).toEqual(['cadre_code', 'year', 'rating', 'score', 'reason']);
    expect(['Hoàn thành xuất sắc nhiệm vụ', 'xuất sắc', 'HTXSNV', 'Hoàn thành tốt nhiệm vụ', 'tốt', 'HOAN THANH NHIEM VU', 'htnv', 'Không hoàn thành nhiệm vụ', 'KHTNV', 'not_completed', 'giỏi']
      .map((text) => value(parseEnum(text, RATING))))
      .toEqual(['excellent', 'excellent', 'excellent', 'good', 'good', 'completed', 'completed', 'not_completed', 'not_completed', 'not_completed',
        '!"giỏi" không phải mức xếp loại hợp lệ (excellent, good, completed, not_completed)']);
  });

  test('a score from 0 to 100 with two decimals at most, as a number or as text with a comma or a point', () => {
    expect(([0, 100, 85.5, 89.99, '85,5', '92.25', '100', '7'] as RawCell[]).map((cell) => value(parseScore(cell)))).toEqual([0, 100, 85.5, 89.99, 85.5, 92.25, 100, 7]);
    for (const cell of [100.01, -1, 85.123, '100,5', '85,123', '-3', 'tám mươi', '1e2'] as RawCell[]) {
      expect(value(parseScore(cell))).toMatch(/^!".*": Điểm là một số từ 0 đến 100, tối đa hai chữ số thập phân/);
    }
  });
});

describe('concurrent_position_codes', () => {
  test.each([
    ['A;B', ['A', 'B']], ['A; B', ['A', 'B']], [' A ;B ; C ', ['A', 'B', 'C']], ['A;;B;', ['A', 'B']], ['', []], ['A', ['A']],
  ])('"%s"', (text, codes) => expect(value(parseCodeList(text))).toEqual(codes));
  test('a code given twice is a problem', () => expect(value(parseCodeList('A; A'))).toMatch(/ghi hai lần/));
});

describe('CSV', () => {
  test('UTF-8 with or without BOM; RFC 4180 quoting; record numbers are spreadsheet rows', () => {
    const withBom = decodeCsv(Buffer.from('\ufeffcode,name\nTT,"Tỉnh ""Thử"", A"\r\n\nX,"a\nb"\n', 'utf8'));
    expect(withBom.ok).toBe(true);
    if (!withBom.ok) return;
    expect([...parseCsv(withBom.text)]).toEqual([
      { row: 1, cells: ['code', 'name'] }, { row: 2, cells: ['TT', 'Tỉnh "Thử", A'] }, { row: 3, cells: [''] }, { row: 4, cells: ['X', 'a\nb'] },
    ]);
  });
  test('semicolon-separated files (Excel in some locales)', () => {
    expect([...parseCsv('code;name\nA;B')]).toEqual([{ row: 1, cells: ['code', 'name'] }, { row: 2, cells: ['A', 'B'] }]);
  });
  test.each([
    ['Windows-1258', Buffer.from('code,name\nX1,X\xe3 M\xf4t\n', 'latin1'), /không ở mã UTF-8/],
    ['UTF-16 with BOM', Buffer.from('\ufeffcode,name\n', 'utf16le'), /UTF-16/],
    ['UTF-16 without BOM', Buffer.from('code,name\nA,B\n', 'utf16le'), /UTF-16/],
  ])('%s is refused, not read as mojibake', (_label, bytes, message) => {
    const decoded = decodeCsv(bytes);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(message);
  });
});

describe('file type by content', () => {
  const message = async (fileName: string, bytes: Uint8Array) => {
    const opened = await openSource({ kind: 'bytes', fileName, bytes });
    return opened.ok ? `ok:${opened.format}` : opened.message;
  };
  test('a text file named .xlsx, a PDF, an old .xls, an empty file, an oversized one', async () => {
    expect(await message('a.xlsx', Buffer.from('code,name'))).toMatch(/có đuôi \.xlsx nhưng không phải bảng tính Excel/);
    expect(await message('a.xlsx', Buffer.from('%PDF-1.7'))).toMatch(/tệp PDF/);
    expect(await message('a.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toMatch(/Excel 97-2003/);
    expect(await message('a.xlsx', new Uint8Array(0))).toMatch(/rỗng/);
    expect(await message('a.xlsx', new Uint8Array(26 * 1024 * 1024))).toMatch(/vượt giới hạn 25 MB/);
    expect(await message('a.zip', Buffer.from('PK\x03\x04garbage'))).toMatch(/ZIP bị hỏng/);
  });
});

describe('cells, old districts and problems', () => {
  test('exceljs values become compact cells; formulas and errors are markers', () => {
    expect(toRawCell({ formula: 'A1+1', result: 2 })).toEqual({ kind: 'formula' });
    expect(toRawCell({ sharedFormula: 'A1', result: 2 } as never)).toEqual({ kind: 'formula' });
    expect(toRawCell({ error: '#N/A' } as never)).toEqual({ kind: 'error', code: '#N/A' });
    expect(toRawCell({ richText: [{ text: 'Nga ' }, { text: 'My' }] })).toBe('Nga My');
    expect(toRawCell(undefined)).toBeNull();
  });
  test('old district names match with or without prefix; new codes as the demo writes them', () => {
    expect(districtKey('Huyện Thanh Chương')).toBe(districtKey('thanh chuong'));
    expect(districtKey('Thị xã Hoàng Mai')).toBe('hoang mai');
    expect(districtKey('Thành phố Vinh')).toBe('vinh');
    expect(districtCode('Huyện Tương Dương')).toBe('TUONG_DUONG');
    expect(districtCode('Thị xã Cửa Lò')).toBe('CUA_LO');
  });
  test('problems are listed in sheet then row order, capped, and formatted for the CLI', () => {
    const log = new ProblemLog();
    log.add('cadres', 9, 'code', 'b');
    log.add('communes', 3, null, 'a');
    log.add(null, null, null, 'tệp hỏng');
    expect(log.listed().map(formatProblem)).toEqual(['tệp: tệp hỏng', 'communes, dòng 3: a', 'cadres, dòng 9, cột code: b']);
    for (let i = 5000; i > 0; i--) log.add('quotas', i, 'year', 'x');
    expect(log.count).toBe(5003);
    expect(log.listed()).toHaveLength(1000);
    expect(log.listed()[2]).toMatchObject({ sheet: 'quotas', row: 1 });
  });
});
