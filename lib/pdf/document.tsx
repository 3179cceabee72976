import type { ReactElement, ReactNode } from 'react';
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { FONT_FAMILY, registerFonts } from './fonts';
import { nfc, placeDateLine, upper } from './text';

// Building blocks of an A4 Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): margins,
// the two-column header (issuing body and number on the left, national motto and place-date on the right), the
// centred title, bordered tables, the recipients and signature block, and "Trang X/Y" in the footer. The 5%
// compilation uses them (compilation.tsx) and so will the plan report (issue 7).
//
// A plain module: no 'server-only', no Next import, so the route handler and the command line render the same
// bytes. The components use no hooks: @react-pdf/renderer is an external package in Next's server bundle, so
// its reconciler runs on node_modules' React while these elements are created by Next's own copy.

const MM = 72 / 25.4;

/** Page margins per Nghị định 30/2020: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;

const A4 = { width: 595.28, height: 841.89 } as const;

/** Width of the text area of an A4 page, in points. */
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const FONT_SIZE = 12;

export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: FONT_SIZE,
    lineHeight: 1.35,
    paddingTop: MARGIN.top,
    // Room for the page number under the text area.
    paddingBottom: MARGIN.bottom + 8,
    paddingLeft: MARGIN.left,
    paddingRight: MARGIN.right,
    color: '#000000',
  },
  headerRow: { flexDirection: 'row' },
  headerLeft: { width: '42%', alignItems: 'center', paddingRight: 4 },
  headerRight: { width: '58%', alignItems: 'center' },
  headerLine: { fontSize: 11.5, textAlign: 'center' },
  bold: { fontWeight: 700 },
  italic: { fontStyle: 'italic' },
  // A solid line under the text it follows, as long as that text (alignSelf centre shrinks the box to it).
  underlined: { alignSelf: 'center', borderBottomWidth: 0.6, borderBottomColor: '#000000', paddingBottom: 1 },
  shortRule: { alignSelf: 'center', width: '34%', borderBottomWidth: 0.6, borderBottomColor: '#000000', marginTop: 2 },
  numberLine: { fontSize: 12, textAlign: 'center', marginTop: 6 },
  placeDate: { fontSize: 12, fontStyle: 'italic', textAlign: 'center', marginTop: 6 },
  title: { marginTop: 22, marginBottom: 12, alignItems: 'center' },
  titleKind: { fontSize: 13.5, fontWeight: 700, textAlign: 'center' },
  titleSummary: { fontSize: 12.5, fontWeight: 700, textAlign: 'center', marginTop: 2, paddingHorizontal: 16 },
  titleRule: { width: 110, borderBottomWidth: 0.6, borderBottomColor: '#000000', marginTop: 4 },
  paragraph: { textAlign: 'justify', textIndent: 28, marginBottom: 6 },
  heading: { fontWeight: 700, marginTop: 8, marginBottom: 4 },
  // Borders belong to the cells (the first cell of a row draws the left one, the header row the top one), so a
  // table split across pages draws no stray line down to the bottom margin.
  table: { marginTop: 4, marginBottom: 6 },
  tableRow: { flexDirection: 'row' },
  firstCell: { borderLeftWidth: 0.75 },
  headRowCell: { borderTopWidth: 0.75 },
  cell: {
    borderRightWidth: 0.75, borderBottomWidth: 0.75, borderColor: '#000000',
    paddingVertical: 3, paddingHorizontal: 3, fontSize: 9.5, lineHeight: 1.25, justifyContent: 'center',
  },
  headCell: { fontWeight: 700, textAlign: 'center' },
  columnNumber: { fontStyle: 'italic', textAlign: 'center', fontSize: 8.5, paddingVertical: 1 },
  note: { fontSize: 10, fontStyle: 'italic', marginTop: 2 },
  signatureRow: { flexDirection: 'row', marginTop: 14 },
  recipients: { width: '48%', paddingTop: 2 },
  recipientsHeading: { fontSize: 11, fontWeight: 700, fontStyle: 'italic' },
  recipient: { fontSize: 10, lineHeight: 1.3 },
  signer: { width: '52%', alignItems: 'center' },
  signerLine: { fontSize: 12, fontWeight: 700, textAlign: 'center' },
  signerName: { fontSize: 12, fontWeight: 700, textAlign: 'center', marginTop: 64 },
  signerSpace: { height: 64 },
  // Placed from the top: react-pdf 4.9 drops a bottom-anchored text whose content comes from `render`.
  footer: { position: 'absolute', top: A4.height - MARGIN.bottom * 0.75, left: MARGIN.left, right: MARGIN.right, textAlign: 'center', fontSize: 9 },
});

export type DocumentInfo = { title: string; subject?: string; author?: string; creationDate?: Date };

/** The document and its A4 page(s): content flows onto as many pages as it needs, each numbered "Trang X/Y". */
export function AdministrativeDocument({ info, children }: { info: DocumentInfo; children: ReactNode }): ReactElement {
  return (
    <Document title={nfc(info.title)} subject={info.subject ? nfc(info.subject) : undefined} author={info.author ? nfc(info.author) : undefined}
      creator="Biên chế" producer="Biên chế" language="vi-VN" creationDate={info.creationDate}>
      <Page size="A4" style={styles.page} wrap>
        {children}
        <PageNumber />
      </Page>
    </Document>
  );
}

export function PageNumber(): ReactElement {
  return <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `Trang ${pageNumber}/${totalPages}`} />;
}

export type Issuer = {
  /** The governing body, upper case in the header: "Tỉnh ủy Nghệ An". */
  parent: string;
  /** The issuing body itself, bold: "Ban Tổ chức". */
  body: string;
};

/**
 * The header: on the left the governing and issuing bodies (the latter bold and underlined with a short rule)
 * and the number line; on the right the national name, the motto underlined as long as itself, and the place
 * and date in italics.
 */
export function DocumentHeader({ issuer, number, place, date }: { issuer: Issuer; number: string; place: string; date: string }): ReactElement {
  return (
    <View>
      <View style={styles.headerRow}>
        <View style={styles.headerLeft}>
          <Text style={styles.headerLine}>{upper(issuer.parent)}</Text>
          <Text style={[styles.headerLine, styles.bold]}>{upper(issuer.body)}</Text>
          <View style={styles.shortRule} />
        </View>
        <View style={styles.headerRight}>
          <Text style={[styles.headerLine, styles.bold]}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</Text>
          <View style={styles.underlined}>
            <Text style={[styles.headerLine, styles.bold, { fontSize: 12.5 }]}>Độc lập - Tự do - Hạnh phúc</Text>
          </View>
        </View>
      </View>
      <View style={styles.headerRow}>
        <View style={styles.headerLeft}>
          <Text style={styles.numberLine}>{nfc(number)}</Text>
        </View>
        <View style={styles.headerRight}>
          <Text style={styles.placeDate}>{placeDateLine(place, date)}</Text>
        </View>
      </View>
    </View>
  );
}

/** The centred title: the kind of document in capitals, then what it is about, in bold, with a short rule below. */
export function DocumentTitle({ kind, summary }: { kind: string; summary?: string }): ReactElement {
  return (
    <View style={styles.title} wrap={false}>
      <Text style={styles.titleKind}>{upper(kind)}</Text>
      {summary ? <Text style={styles.titleSummary}>{nfc(summary)}</Text> : null}
      <View style={styles.titleRule} />
    </View>
  );
}

/** A justified paragraph with a first-line indent. */
export function Paragraph({ children }: { children: string }): ReactElement {
  return <Text style={styles.paragraph}>{nfc(children)}</Text>;
}

/** A numbered section heading ("1. Tình hình chung"), kept with the start of what follows it. */
export function SectionHeading({ children }: { children: string }): ReactElement {
  return <Text style={styles.heading} minPresenceAhead={40}>{nfc(children)}</Text>;
}

export type Align = 'left' | 'center' | 'right';
export type Column = { header: string; width: number; align?: Align };
export type Cell = string | { text: string; bold?: boolean; italic?: boolean };
export type TableRow = { cells: Cell[]; bold?: boolean; shaded?: boolean };

/**
 * A bordered table. `width` of each column is a weight (the columns share the text area in proportion); the
 * header row is bold and centred and, with `columnNumbers`, followed by the row "(1) (2) …" of Vietnamese
 * tables. A row is never split across pages, and the header row repeats on every page the table spans.
 */
export function Table({ columns, rows, columnNumbers = false }: { columns: Column[]; rows: TableRow[]; columnNumbers?: boolean }): ReactElement {
  const sum = columns.reduce((s, c) => s + c.width, 0);
  const widthOf = (i: number) => `${(columns[i].width / sum) * 100}%`;
  const cellText = (cell: Cell) => (typeof cell === 'string' ? { text: cell } : cell);
  return (
    <View style={styles.table}>
      <View style={styles.tableRow} fixed>
        {columns.map((c, i) => (
          <View key={i} style={[styles.cell, styles.headRowCell, i === 0 ? styles.firstCell : {}, { width: widthOf(i) }]}>
            <Text style={styles.headCell}>{nfc(c.header)}</Text>
          </View>
        ))}
      </View>
      {columnNumbers ? (
        <View style={styles.tableRow} wrap={false}>
          {columns.map((_, i) => (
            <View key={i} style={[styles.cell, styles.columnNumber, i === 0 ? styles.firstCell : {}, { width: widthOf(i) }]}>
              <Text>({i + 1})</Text>
            </View>
          ))}
        </View>
      ) : null}
      {rows.map((row, r) => (
        <View key={r} style={[styles.tableRow, row.shaded ? { backgroundColor: '#f0f0f0' } : {}]} wrap={false}>
          {row.cells.map((raw, i) => {
            const cell = cellText(raw);
            return (
              <View key={i} style={[styles.cell, i === 0 ? styles.firstCell : {}, { width: widthOf(i) }]}>
                <Text
                  style={{
                    textAlign: columns[i].align ?? 'left',
                    fontWeight: row.bold || cell.bold ? 700 : 400,
                    fontStyle: cell.italic ? 'italic' : 'normal',
                  }}
                >
                  {nfc(cell.text)}
                </Text>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

export type Signature = {
  /** Who signs for whom, above the title: "TM. BAN THƯỜNG VỤ", "KT. TRƯỞNG BAN"; none when the head signs. */
  authority?: string;
  /** The signer's title: "Trưởng ban". */
  title: string;
  /** The signer's full name, under the space for the signature; left blank for the signer to write. */
  name?: string;
};

/** "Nơi nhận:" with its list on the left; the signer's authority, title, signature space and name on the right. */
export function SignatureBlock({ recipients, signature }: { recipients: string[]; signature: Signature }): ReactElement {
  return (
    <View style={styles.signatureRow} wrap={false}>
      <View style={styles.recipients}>
        <Text style={styles.recipientsHeading}>Nơi nhận:</Text>
        {recipients.map((r, i) => (
          <Text key={i} style={styles.recipient}>- {nfc(r)}</Text>
        ))}
      </View>
      <View style={styles.signer}>
        {signature.authority ? <Text style={styles.signerLine}>{upper(signature.authority)}</Text> : null}
        <Text style={styles.signerLine}>{upper(signature.title)}</Text>
        {signature.name ? <Text style={styles.signerName}>{nfc(signature.name)}</Text> : <View style={styles.signerSpace} />}
      </View>
    </View>
  );
}

/** Renders a document built from these blocks (its root an AdministrativeDocument) to PDF bytes, registering the fonts first. */
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  registerFonts();
  // The element is a component whose root is <AdministrativeDocument> (a <Document>); react-pdf's type wants the
  // <Document> element itself.
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
