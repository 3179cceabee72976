import { Fragment, type ReactElement } from 'react';
import { Text } from '@react-pdf/renderer';
import { formatDate, formatNumber, formatPercent, formatSigned } from '@/lib/domain/format';
import {
  AdministrativeDocument, DocumentHeader, DocumentTitle, Paragraph, SectionHeading, SignatureBlock, Subheading, Table, TableCaption, nfc, renderPdf, styles,
  type Cell, type TableRow,
} from '@/lib/pdf';
import type { ReportCell, ReportColumn, ReportModel, ReportTable } from './model';

// The plan report as an A4 PDF in the official layout of its issuing body's kind, a Party document of the
// Organizing Committee (decisions 013, 019 and 022): the blocks of lib/pdf (a plain module, external in Next's
// server bundle) composed from the pure model, so the route handler and `npm run data -- export report` write the
// same document.

/** A table cell as the PDF prints it: 8.635, +647 / -12, 84,82%, dd/MM/yyyy, 2027. */
export function displayCell(value: ReportCell, column: ReportColumn): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (column.kind === 'signed') return value === 0 ? '0' : formatSigned(value);
    if (column.kind === 'percent') return formatPercent(value, 1);
    if (column.kind === 'year') return String(value);
    return formatNumber(value);
  }
  if (column.kind === 'date') return formatDate(value);
  return value;
}

/**
 * A table and its caption. Every table flows across pages, its header row repeated on each, so a table never leaves
 * the rest of a page empty; the caption keeps the header row and the first rows with it. No wrapping View: react-pdf
 * moves an element to the next page for its presence ahead only when something precedes it in the same parent, so
 * headings, captions and tables are all children of the page.
 */
function ReportTableView({ table }: { table: ReportTable }): ReactElement {
  const rows: TableRow[] = table.rows.map((r) => ({ cells: r.cells.map((c, i): Cell => displayCell(c, table.columns[i])), bold: r.bold }));
  return (
    <>
      <TableCaption>{table.caption}</TableCaption>
      <Table columns={table.columns.map((c) => ({ header: c.header, width: c.width, align: c.align }))} rows={rows} />
    </>
  );
}

export function ReportDocument({ model }: { model: ReportModel }): ReactElement {
  return (
    <AdministrativeDocument
      kind={model.issuingBody.kind}
      info={{ title: `${model.documentType} ${model.summary}`, subject: `Báo cáo ngày ${formatDate(model.date)}`, author: `${model.issuingBody.name} ${model.issuingBody.parent}` }}
    >
      <DocumentHeader kind={model.issuingBody.kind} issuingBody={model.issuingBody} number={model.number} place={model.province.name} date={model.date} />
      <DocumentTitle kind={model.issuingBody.kind} documentType={model.documentType} summary={model.summary} />
      {model.sections.map((section) => (
        <Fragment key={section.number}>
          <SectionHeading>{section.heading}</SectionHeading>
          {section.blocks.map((block, i) => {
            switch (block.kind) {
              case 'paragraph':
                return <Paragraph key={i}>{block.text}</Paragraph>;
              case 'subheading':
                return <Subheading key={i}>{block.text}</Subheading>;
              case 'note':
                return (
                  <Text key={i} style={[styles.note, { marginBottom: 6 }]}>
                    {nfc(block.text)}
                  </Text>
                );
              case 'table':
                return <ReportTableView key={i} table={block.table} />;
            }
          })}
        </Fragment>
      ))}
      <SignatureBlock kind={model.issuingBody.kind} recipients={model.recipients} signature={model.signature} />
    </AdministrativeDocument>
  );
}

/** The report as PDF bytes. */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  return renderPdf(<ReportDocument model={model} />);
}
