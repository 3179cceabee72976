import { createElement } from 'react';
import { describe, expect, test } from 'vitest';
import { Document, Page } from '@react-pdf/renderer';
import { DocumentHeader } from '@/lib/pdf/document-header';
import { FONT_FAMILY } from '@/lib/pdf/fonts';
import { renderPdf } from '@/lib/pdf/document';
import { headSignature, headerContent, numberLine, recipientLines, titleSummary, type DocumentHeaderProps } from '@/lib/pdf/layout';
import { readPdf, readPdfFonts, readPdfItems, type PdfTextItem } from '../support/pdf-text';

// The official layouts (decision 022): the issuing body's kind chooses the Party layout (Hướng dẫn
// 36-HD/VPTW) or the State one (Nghị định 30/2020/NĐ-CP). What the header prints is plain data; the component draws
// it, and the PDF's text read back with pdf.js shows which layout it used.

const ORGANIZING_COMMITTEE: DocumentHeaderProps = {
  kind: 'party',
  issuingBody: { parent: 'Tỉnh ủy Nghệ An', name: 'Ban Tổ chức' },
  number: '123-BC/BTCTU',
  place: 'Nghệ An',
  date: '2026-12-07',
};
const HOME_AFFAIRS: DocumentHeaderProps = {
  kind: 'state',
  issuingBody: { parent: 'UBND tỉnh Nghệ An', name: 'Sở Nội vụ' },
  number: '125/QĐ-SNV',
  place: 'Nghệ An',
  date: '2026-03-05',
};

describe('headerContent: the layout by the issuing body’s kind', () => {
  test('party: the Party’s title underlined at the right, the issuing body over an asterisk, "Số 123-BC/BTCTU"', () => {
    expect(headerContent(ORGANIZING_COMMITTEE)).toEqual({
      top: {
        left: [
          { text: 'TỈNH ỦY NGHỆ AN', size: 14 },
          { text: 'BAN TỔ CHỨC', size: 14, bold: true },
          { text: '*', size: 14 },
        ],
        right: [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: 15, bold: true, rule: 'full' }],
      },
      bottom: {
        left: { text: 'Số 123-BC/BTCTU', size: 14 },
        right: { text: 'Nghệ An, ngày 07 tháng 12 năm 2026', size: 14, italic: true },
      },
    });
  });

  test('state: the national name and the motto underlined, the issuing body over a short rule, "Số: 125/QĐ-SNV"', () => {
    const { top, bottom } = headerContent(HOME_AFFAIRS);
    expect(top.right.map((l) => [l.text, l.bold, l.rule])).toEqual([
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true, undefined],
      ['Độc lập - Tự do - Hạnh phúc', true, 'full'],
    ]);
    expect(top.left.map((l) => [l.text, l.bold, l.rule])).toEqual([
      ['UBND TỈNH NGHỆ AN', undefined, undefined],
      ['SỞ NỘI VỤ', true, 'short'],
    ]);
    expect(bottom.left.text).toBe('Số: 125/QĐ-SNV');
    expect(bottom.right).toMatchObject({ text: 'Nghệ An, ngày 05 tháng 3 năm 2026', italic: true });
  });

  test.each([
    ['party', '125-BC/BTCTU', 'Số 125-BC/BTCTU'],
    ['party', 'Số: 125-BC/BTCTU', 'Số 125-BC/BTCTU'],
    ['party', '……-BC/BTCTU', 'Số ……-BC/BTCTU'],
    ['party', '  ', 'Số ……'],
    ['state', '125/QĐ-UBND', 'Số: 125/QĐ-UBND'],
    ['state', 'số 125/QĐ-UBND', 'Số: 125/QĐ-UBND'],
  ] as const)('%s number %j prints as %j', (kind, number, line) => {
    expect(numberLine(kind, number)).toBe(line);
  });
});

describe('the rest of the layout', () => {
  test('the title’s summary: in lower case after the document type in a Party document, as written in a State one', () => {
    expect(titleSummary('party', 'Phương án điều động cán bộ')).toBe('phương án điều động cán bộ');
    expect(titleSummary('party', 'Ủy ban nhân dân')).toBe('ủy ban nhân dân');
    expect(titleSummary('party', 'UBND tỉnh')).toBe('UBND tỉnh');
    expect(titleSummary('state', 'Phương án điều động cán bộ')).toBe('Phương án điều động cán bộ');
  });

  test('a deputy signs for the head: "K/T" in a Party document, "KT." in a State one; the head signs directly', () => {
    expect(headSignature('party', { headTitle: 'Trưởng ban', title: 'Phó Trưởng ban', name: ' Nguyễn Thị Hoà ' })).toEqual({
      authority: 'K/T Trưởng ban', title: 'Phó Trưởng ban', name: 'Nguyễn Thị Hoà',
    });
    expect(headSignature('state', { headTitle: 'Giám đốc', title: 'Phó Giám đốc' })).toEqual({ authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: undefined });
    expect(headSignature('party', { headTitle: 'Trưởng ban', title: null })).toEqual({ title: 'Trưởng ban', name: undefined });
    expect(headSignature('party', { headTitle: 'Trưởng ban', title: 'Trưởng ban' })).toEqual({ title: 'Trưởng ban', name: undefined });
  });

  test('recipients end with a comma (Party) or a semicolon (State), the last with a full stop', () => {
    const recipients = ['Thường trực Tỉnh ủy (để báo cáo);', 'Sở Nội vụ', 'Lưu Văn phòng Ban Tổ chức.'];
    expect(recipientLines('party', recipients)).toEqual(['- Thường trực Tỉnh ủy (để báo cáo),', '- Sở Nội vụ,', '- Lưu Văn phòng Ban Tổ chức.']);
    expect(recipientLines('state', recipients)).toEqual(['- Thường trực Tỉnh ủy (để báo cáo);', '- Sở Nội vụ;', '- Lưu Văn phòng Ban Tổ chức.']);
  });
});

describe('DocumentHeader in a PDF', () => {
  const render = (props: DocumentHeaderProps) =>
    renderPdf(
      createElement(Document, null, createElement(Page, { size: 'A4', style: { fontFamily: FONT_FAMILY, padding: 40 } }, createElement(DocumentHeader, props))),
    );
  const find = (items: PdfTextItem[], text: string) => {
    const item = items.find((i) => i.text === text);
    if (!item) throw new Error(`"${text}" not on the page: ${items.map((i) => i.text).join(' | ')}`);
    return { ...item, centre: item.x + item.width / 2 };
  };
  const PAGE_CENTRE = 595.28 / 2;

  test('kind "party": the Party header in two aligned columns, no national motto, in the embedded Times-metric font', async () => {
    const bytes = await render(ORGANIZING_COMMITTEE);
    const { text } = await readPdf(bytes);
    // Drawn column by column: the issuing body, then the Party's title; then the number and the place and date.
    expect(text).toBe('TỈNH ỦY NGHỆ AN BAN TỔ CHỨC * ĐẢNG CỘNG SẢN VIỆT NAM Số 123-BC/BTCTU Nghệ An, ngày 07 tháng 12 năm 2026');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const items = await readPdfItems(bytes);
    const [parent, issuer, asterisk, title, number, placeDate] = ['TỈNH ỦY NGHỆ AN', 'BAN TỔ CHỨC', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 123-BC/BTCTU', 'Nghệ An, ngày 07 tháng 12 năm 2026'].map((t) => find(items, t));
    // The title at the top right, level with the superior body at the top left.
    expect(title.x).toBeGreaterThan(PAGE_CENTRE - 40);
    expect(parent.centre).toBeLessThan(PAGE_CENTRE);
    expect(Math.abs(title.y - parent.y)).toBeLessThan(2);
    // The left column centred on one axis, top to bottom: superior body, issuing body, asterisk, number.
    for (const below of [issuer, asterisk, number]) expect(Math.abs(below.centre - parent.centre)).toBeLessThan(1);
    expect(parent.y < issuer.y && issuer.y < asterisk.y && asterisk.y < number.y).toBe(true);
    // The place and date under the title, centred on it, level with the number.
    expect(Math.abs(placeDate.centre - title.centre)).toBeLessThan(1);
    expect(Math.abs(placeDate.y - number.y)).toBeLessThan(2);
    expect(await readPdfFonts(bytes)).toEqual({
      fonts: [
        { name: 'LiberationSerif', embedded: true },
        { name: 'LiberationSerif-Bold', embedded: true },
        { name: 'LiberationSerif-Italic', embedded: true },
      ],
      missingGlyphs: [],
    });
  });

  test('kind "state": the national name and motto, "Số:", no Party title and no asterisk', async () => {
    const { text } = await readPdf(await render(HOME_AFFAIRS));
    expect(text).toBe('UBND TỈNH NGHỆ AN SỞ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 125/QĐ-SNV Nghệ An, ngày 05 tháng 3 năm 2026');
    expect(text).not.toContain('ĐẢNG CỘNG SẢN');
    expect(text).not.toContain('*');
  });
});
