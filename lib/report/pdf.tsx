import type { ReactElement } from 'react';
import { Text, View } from '@react-pdf/renderer';
import { formatDate, formatNumber, formatPercent, formatSigned } from '@/lib/domain/format';
import { AdministrativeDocument, DocumentHeader, DocumentTitle, Paragraph, SectionHeading, SignatureBlock, Table, nfc, renderPdf, styles, upper, type Cell, type TableRow } from '@/lib/pdf';
import type { ReportCell, ReportColumn, ReportModel, ReportTable } from './model';

// The plan report as an A4 PDF in the layout of a Vietnamese administrative document (decision 013 and 019): the
// blocks of lib/pdf (a plain module, external in Next's server bundle) composed from the pure model, so the route
// handler and `npm run data -- export report` write the same document.

/** A table cell as the PDF prints it: 8.635, +647 / -12, 84,82%, dd/MM/yyyy. */
export function displayCell(value: ReportCell, column: ReportColumn): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (column.kind === 'signed') return value === 0 ? '0' : formatSigned(value);
    if (column.kind === 'percent') return formatPercent(value, 1);
    return formatNumber(value);
  }
  if (column.kind === 'date') return formatDate(value);
  return value;
}

const SHORT_TABLE_ROWS = 22;

function ReportTableView({ table }: { table: ReportTable }): ReactElement {
  const rows: TableRow[] = table.rows.map((r) => ({ cells: r.cells.map((c, i): Cell => displayCell(c, table.columns[i])), bold: r.bold }));
  // A short table moves to the next page whole rather than leave its header alone at the foot of a page; a long one
  // flows on, its header repeated on every page (react-pdf's minPresenceAhead does not see past a fixed header row).
  return (
    <View wrap={table.rows.length > SHORT_TABLE_ROWS}>
      <Text style={{ fontSize: 10.5, fontStyle: 'italic', marginTop: 4 }} minPresenceAhead={110}>{nfc(table.caption)}</Text>
      <Table columns={table.columns.map((c) => ({ header: c.header, width: c.width, align: c.align }))} rows={rows} />
    </View>
  );
}

export function ReportDocument({ model }: { model: ReportModel }): ReactElement {
  return (
    <AdministrativeDocument
      info={{ title: `${model.kind} ${model.summary}`, subject: `Báo cáo ngày ${formatDate(model.date)}`, author: `${model.issuer.body} ${model.issuer.parent}` }}
    >
      <DocumentHeader issuer={model.issuer} number={model.number} place={model.province.name} date={model.date} />
      <DocumentTitle kind={model.kind} summary={upper(model.summary)} />
      {model.sections.map((section) => (
        <View key={section.number}>
          <SectionHeading>{section.heading}</SectionHeading>
          {section.blocks.map((block, i) => {
            switch (block.kind) {
              case 'paragraph':
                return <Paragraph key={i}>{block.text}</Paragraph>;
              case 'subheading':
                return (
                  <Text key={i} style={{ fontWeight: 700, fontStyle: 'italic', marginTop: 4, marginBottom: 3 }} minPresenceAhead={40}>
                    {nfc(block.text)}
                  </Text>
                );
              case 'note':
                return (
                  <Text key={i} style={[styles.note, { marginBottom: 6, textAlign: 'justify' }]}>
                    {nfc(block.text)}
                  </Text>
                );
              case 'table':
                return <ReportTableView key={i} table={block.table} />;
            }
          })}
        </View>
      ))}
      <SignatureBlock recipients={model.recipients} signature={model.signature} />
    </AdministrativeDocument>
  );
}

/** The report as PDF bytes. */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  return renderPdf(<ReportDocument model={model} />);
}
