import type { ReactElement, ReactNode } from 'react';
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { FONT_FAMILY, registerFonts } from './fonts';
import { layoutOf, recipientLines, titleSummary, type IssuingBodyKind, type Signature } from './layout';
import { nfc, upper } from './text';

// Building blocks of an A4 official document in the layout of its issuing body's kind (layout.ts): a Party document
// by Hướng dẫn 36-HD/VPTW, a State one by Nghị định 30/2020/NĐ-CP. Margins, the header (document-header.tsx), the
// centred title, bordered tables, the recipients and signature block, and "Trang X/Y" in the footer. The 5%
// compilation (compilation.tsx) and the plan report (lib/report/pdf.tsx) compose them.
//
// A plain module: no 'server-only', no Next import, so the route handler and the command line render the same
// bytes. The components use no hooks: @react-pdf/renderer is an external package in Next's server bundle, so
// its reconciler runs on node_modules' React while these elements are created by Next's own copy.

const MM = 72 / 25.4;

/** Page margins, within both texts' ranges (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
export const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;

const A4 = { width: 595.28, height: 841.89 } as const;

/** Width of the text area of an A4 page, in points. */
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** The body's line height: between single and 1.5 lines, as both texts allow. */
const LINE_HEIGHT = 1.25;

/**
 * How much of what follows a heading must fit under it on the same page, in points: three lines of body text after
 * a subheading or a caption (whose table also needs its header row); a section heading also keeps a subheading with
 * it, so it asks for more than a subheading does (react-pdf breaks before an element when its presence ahead does
 * not fit, and would otherwise move the subheading alone and leave the heading at the foot of the page).
 */
const KEEP_WITH_NEXT = { subheading: 3 * 14 * LINE_HEIGHT + 8, caption: 3 * 14 * LINE_HEIGHT + 40, heading: 3 * 14 * LINE_HEIGHT + 8 + 30 } as const;

export const styles = StyleSheet.create({
  bold: { fontWeight: 700 },
  italic: { fontStyle: 'italic' },
  paragraph: { textAlign: 'justify', textIndent: 1 * 10 * MM, marginBottom: 6 },
  heading: { fontWeight: 700, marginTop: 6, marginBottom: 4 },
  subheading: { fontWeight: 700, fontStyle: 'italic', marginTop: 4, marginBottom: 3 },
  caption: { fontSize: 12, fontStyle: 'italic', marginTop: 4, marginBottom: 2 },
  // Borders belong to the cells (the first cell of a row draws the left one, the header row the top one), so a
  // table split across pages draws no stray line down to the bottom margin.
  table: { marginTop: 2, marginBottom: 6 },
  tableRow: { flexDirection: 'row' },
  firstCell: { borderLeftWidth: 0.75 },
  headRowCell: { borderTopWidth: 0.75 },
  cell: {
    borderRightWidth: 0.75, borderBottomWidth: 0.75, borderColor: '#000000',
    paddingVertical: 2.5, paddingHorizontal: 3, fontSize: 11, lineHeight: 1.15, justifyContent: 'center',
  },
  headCell: { fontWeight: 700, textAlign: 'center' },
  columnNumber: { fontStyle: 'italic', textAlign: 'center', fontSize: 10, paddingVertical: 1 },
  note: { fontSize: 12, fontStyle: 'italic', marginTop: 2, textAlign: 'justify' },
  // Placed from the top: react-pdf drops a bottom-anchored text whose content comes from `render`.
  footer: { position: 'absolute', top: A4.height - MARGIN.bottom * 0.75, left: MARGIN.left, right: MARGIN.right, textAlign: 'center', fontSize: 10 },
});

export type DocumentInfo = { title: string; subject?: string; author?: string; creationDate?: Date };

/** The document and its A4 page(s) in the body type of its kind: content flows onto as many pages as it needs, each numbered "Trang X/Y". */
export function AdministrativeDocument({ kind, info, children }: { kind: IssuingBodyKind; info: DocumentInfo; children: ReactNode }): ReactElement {
  const page = {
    fontFamily: FONT_FAMILY,
    fontSize: layoutOf(kind).sizes.body,
    lineHeight: LINE_HEIGHT,
    paddingTop: MARGIN.top,
    // Room for the page number under the text area.
    paddingBottom: MARGIN.bottom + 8,
    paddingLeft: MARGIN.left,
    paddingRight: MARGIN.right,
    color: '#000000',
  };
  return (
    <Document title={nfc(info.title)} subject={info.subject ? nfc(info.subject) : undefined} author={info.author ? nfc(info.author) : undefined}
      creator="Biên chế" producer="Biên chế" language="vi-VN" creationDate={info.creationDate}>
      <Page size="A4" style={page} wrap>
        {children}
        <PageNumber />
      </Page>
    </Document>
  );
}

export function PageNumber(): ReactElement {
  return <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `Trang ${pageNumber}/${totalPages}`} />;
}

/**
 * The centred title: the document type in bold capitals ("BÁO CÁO"), then its summary in bold. Party: the summary
 * in lower case after the type and five hyphens below (Hướng dẫn 36, ô số 5a); State: a short rule below.
 */
export function DocumentTitle({ kind, documentType, summary }: { kind: IssuingBodyKind; documentType: string; summary?: string }): ReactElement {
  const s = layoutOf(kind).sizes;
  return (
    <View style={{ marginTop: 18, marginBottom: 12, alignItems: 'center' }} wrap={false}>
      <Text style={{ fontSize: s.titleKind, fontWeight: 700, textAlign: 'center', lineHeight: 1.2 }}>{upper(documentType)}</Text>
      {summary ? (
        <Text style={{ fontSize: s.titleSummary, fontWeight: 700, textAlign: 'center', lineHeight: 1.2, marginTop: 1, paddingHorizontal: 24 }}>{titleSummary(kind, summary)}</Text>
      ) : null}
      {kind === 'party' ? (
        <Text style={{ fontSize: s.titleSummary, textAlign: 'center', lineHeight: 1 }}>-----</Text>
      ) : (
        <View style={{ width: 110, borderBottomWidth: 0.75, borderBottomColor: '#000000', marginTop: 3 }} />
      )}
    </View>
  );
}

/** A justified paragraph with a first-line indent of 1 cm. */
export function Paragraph({ children }: { children: string }): ReactElement {
  return <Text style={styles.paragraph}>{nfc(children)}</Text>;
}

/** A numbered section heading ("I. TÌNH HÌNH CHUNG"), kept with the first lines of what follows it. */
export function SectionHeading({ children }: { children: string }): ReactElement {
  return <Text style={styles.heading} minPresenceAhead={KEEP_WITH_NEXT.heading}>{nfc(children)}</Text>;
}

/** A numbered subheading ("1. Theo chức danh"), bold italic, kept with the first lines of what follows it. */
export function Subheading({ children }: { children: string }): ReactElement {
  return <Text style={styles.subheading} minPresenceAhead={KEEP_WITH_NEXT.subheading}>{nfc(children)}</Text>;
}

export type Align = 'left' | 'center' | 'right';
export type Column = { header: string; width: number; align?: Align };
export type Cell = string | { text: string; bold?: boolean; italic?: boolean };
export type TableRow = { cells: Cell[]; bold?: boolean; shaded?: boolean };

/** The caption above a table ("Bảng 1. …"), kept with the table's header row and its first rows. */
export function TableCaption({ children }: { children: string }): ReactElement {
  return <Text style={styles.caption} minPresenceAhead={KEEP_WITH_NEXT.caption}>{nfc(children)}</Text>;
}

/**
 * A bordered table. `width` of each column is a weight (the columns share the text area in proportion); the
 * header row is bold and centred and, with `columnNumbers`, followed by the row "(1) (2) …" of Vietnamese
 * tables. The table flows across pages with its header row repeated on each (react-pdf's `fixed` inside the
 * table); a row is never split.
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

/**
 * "Nơi nhận" with its list on the left; on the right the authority (bold capitals), the position (capitals), the
 * space for the signature and the name (bold). Party (Hướng dẫn 36, ô số 7 and 9a): "Nơi nhận:" underlined,
 * recipients ending with a comma, the position not bold; State (Nghị định 30): "Nơi nhận:" bold italic, recipients
 * ending with a semicolon, the position bold. The last recipient ("Lưu …") ends with a full stop in both.
 */
export function SignatureBlock({ kind, recipients, signature }: { kind: IssuingBodyKind; recipients: string[]; signature: Signature }): ReactElement {
  const s = layoutOf(kind).sizes;
  const party = kind === 'party';
  const signerLine = { fontSize: s.signer, fontWeight: 700, textAlign: 'center', lineHeight: 1.2 } as const;
  return (
    <View style={{ flexDirection: 'row', marginTop: 14 }} wrap={false}>
      <View style={{ width: '48%', paddingTop: 2 }}>
        <Text
          style={
            party
              ? { fontSize: s.recipientsHeading, textDecoration: 'underline', lineHeight: 1.2 }
              : { fontSize: s.recipientsHeading, fontWeight: 700, fontStyle: 'italic', lineHeight: 1.2 }
          }
        >
          Nơi nhận:
        </Text>
        {recipientLines(kind, recipients).map((line, i) => (
          <Text key={i} style={{ fontSize: s.recipient, lineHeight: 1.2 }}>{line}</Text>
        ))}
      </View>
      <View style={{ width: '52%', alignItems: 'center' }}>
        {signature.authority ? <Text style={signerLine}>{upper(signature.authority)}</Text> : null}
        <Text style={party ? { ...signerLine, fontWeight: 400 } : signerLine}>{upper(signature.title)}</Text>
        <View style={{ height: 68 }} />
        {signature.name ? <Text style={signerLine}>{nfc(signature.name)}</Text> : null}
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
