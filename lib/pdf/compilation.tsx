import type { ReactElement } from 'react';
import { Text, View } from '@react-pdf/renderer';
import { formatDate, formatNumber } from '@/lib/domain/format';
import { shortfall, type CompilationFigures } from '@/lib/domain/secondment';
import { AdministrativeDocument, DocumentTitle, Paragraph, SignatureBlock, Table, renderPdf, styles, type Column, type TableRow } from './document';
import { DocumentHeader } from './document-header';
import type { IssuingBody, Signature } from './layout';
import { nfc } from './text';

// The province-wide compilation of the departments' 5% secondment lists (decision 013) as a PDF document of
// the Organizing Committee: per department and in total, the quota, the 5% minimum, listed, meeting the
// standards, approved and placed, departments below the minimum marked, and the Conclusions that approved
// candidates. The input is plain data (the route and the command line read it from the database). The
// Organizing Committee is a board of the Provincial Party Committee: a Party document (Hướng dẫn 36-HD/VPTW),
// numbered "…-BC/BTCTU" (decision 022).

/** A department's figures, or the total (lib/domain/secondment.ts compilationTotal, whose shortfall sums what the departments below still owe). */
export type CompilationPdfFigures = CompilationFigures & { belowMinimum: boolean; shortfall?: number };
export type CompilationPdfRow = CompilationPdfFigures & { name: string };

export type CompilationPdfInput = {
  /** The province, for the header ("TỈNH ỦY NGHỆ AN") and the place line ("Nghệ An, ngày …"). */
  province: { name: string };
  year: number;
  /** The document's date, 'YYYY-MM-DD' (today on the Asia/Ho_Chi_Minh calendar). */
  date: string;
  /** One row per department, in the order to print. */
  rows: CompilationPdfRow[];
  total: CompilationPdfFigures;
  /** The Conclusions of the Standing Committee that approved candidates of the year's lists. */
  conclusions: { number: string; date: string; approved: number }[];
  /** Default: the Organizing Committee of the province's Party Committee. */
  issuingBody?: IssuingBody;
  /** The number and symbol ("125-BC/BTCTU"); dots until the document is registered. */
  number?: string;
  recipients?: string[];
  signature?: Signature;
};

/** A report ("BC" in its number) whose summary says what it compiles. */
export const compilationTitle = (year: number) => ({
  documentType: 'Báo cáo',
  summary: `Tổng hợp danh sách cán bộ, công chức cấp tỉnh đăng ký biệt phái, tăng cường về cấp xã (tối thiểu 5% biên chế) năm ${year}`,
});

const COLUMNS: Column[] = [
  { header: 'STT', width: 5.5, align: 'center' },
  { header: 'Sở, ban, ngành', width: 26, align: 'left' },
  { header: 'Biên chế được giao', width: 10.5, align: 'right' },
  { header: 'Tối thiểu 5%', width: 8.5, align: 'right' },
  { header: 'Đã đăng ký', width: 8.5, align: 'right' },
  { header: 'Đạt tiêu chuẩn', width: 9, align: 'right' },
  { header: 'Được phê duyệt', width: 9, align: 'right' },
  { header: 'Đã bố trí', width: 8, align: 'right' },
  { header: 'Ghi chú', width: 10, align: 'left' },
];

/** Column (9) of a department below the minimum: how many more it must list. */
const shortOf = (f: CompilationPdfFigures) => (f.belowMinimum ? `Thiếu ${formatNumber(f.shortfall ?? shortfall(f))}` : '');

function figures(f: CompilationPdfFigures) {
  return [
    formatNumber(f.quota),
    formatNumber(f.required),
    { text: formatNumber(f.listed), bold: f.belowMinimum },
    formatNumber(f.meets),
    formatNumber(f.approved),
    formatNumber(f.placed),
    { text: shortOf(f), italic: true },
  ];
}

export function CompilationDocument({ input }: { input: CompilationPdfInput }): ReactElement {
  const { province, year, date, rows, total, conclusions } = input;
  const title = compilationTitle(year);
  const issuer = input.issuingBody ?? { parent: `Tỉnh ủy ${province.name}`, name: 'Ban Tổ chức' };
  const below = rows.filter((r) => r.belowMinimum).length;
  const tableRows: TableRow[] = [
    ...rows.map((r, i) => ({ cells: [String(i + 1), r.name, ...figures(r)] })),
    { cells: ['', 'Tổng cộng', ...figures(total)], bold: true },
  ];
  const approvedTotal = conclusions.reduce((s, c) => s + c.approved, 0);
  return (
    <AdministrativeDocument kind="party" info={{ title: `${title.documentType} ${title.summary}`, subject: `Tổng hợp 5% năm ${year}`, author: `${issuer.name} ${issuer.parent}` }}>
      <DocumentHeader kind="party" issuingBody={issuer} number={input.number ?? '……-BC/BTCTU'} place={province.name} date={date} />
      <DocumentTitle kind="party" documentType={title.documentType} summary={title.summary} />
      <Paragraph>
        {`Thực hiện chủ trương tăng cường cán bộ, công chức cấp tỉnh về cấp xã, mỗi sở, ban, ngành đăng ký biệt phái, tăng cường tối thiểu 5% biên chế được giao. ${issuer.name} ${issuer.parent} tổng hợp kết quả đăng ký năm ${year} (số liệu đến ngày ${formatDate(date)}) như sau:`}
      </Paragraph>
      <Table columns={COLUMNS} rows={tableRows} columnNumbers />
      <Text style={styles.note}>
        {nfc(
          `Ghi chú: Cột (5) là số cán bộ, công chức khác nhau trong các danh sách đã gửi; viên chức được ghi nhận nhưng không tính vào tỷ lệ 5%. ` +
            (below > 0
              ? `Có ${formatNumber(below)}/${formatNumber(rows.length)} sở, ban, ngành chưa đăng ký đủ tối thiểu 5% biên chế được giao (số in đậm ở cột (5); cột (9) ghi số người còn thiếu).`
              : rows.length > 0 && rows.every((r) => r.required > 0)
                ? 'Các sở, ban, ngành đều đã đăng ký đủ tối thiểu 5% biên chế được giao.'
                : // Never "đều đã đăng ký đủ" for a department with no quota, hence no minimum (decision 027).
                  'Sở, ban, ngành chưa được giao biên chế thì chưa xác định được số tối thiểu 5%.'),
        )}
      </Text>
      <View style={{ marginTop: 8 }}>
        {conclusions.length === 0 ? (
          <Paragraph>{`Đến ngày ${formatDate(date)}, Ban Thường vụ ${issuer.parent} chưa có kết luận phê duyệt danh sách năm ${year}.`}</Paragraph>
        ) : (
          <>
            <Paragraph>
              {`Ban Thường vụ ${issuer.parent} đã phê duyệt ${formatNumber(approvedTotal)} cán bộ, công chức theo ${conclusions.length === 1 ? 'kết luận' : 'các kết luận'}:`}
            </Paragraph>
            {conclusions.map((c) => (
              <Text key={c.number} style={{ paddingLeft: 28, marginBottom: 2 }}>
                {nfc(`- Kết luận số ${c.number} ngày ${formatDate(c.date)}: ${formatNumber(c.approved)} người.`)}
              </Text>
            ))}
          </>
        )}
      </View>
      <SignatureBlock
        kind="party"
        recipients={input.recipients ?? [`Thường trực ${issuer.parent} (để báo cáo)`, 'Các sở, ban, ngành cấp tỉnh', `Lưu Văn phòng ${issuer.name}`]}
        signature={input.signature ?? { title: 'Trưởng ban' }}
      />
    </AdministrativeDocument>
  );
}

/** The compilation as PDF bytes. */
export async function renderCompilationPdf(input: CompilationPdfInput): Promise<Buffer> {
  return renderPdf(<CompilationDocument input={input} />);
}
