import { toCsv, toXlsx, type Table } from './tabular';

// Downloads of what a page shows (units, declared vacancies): CSV with a UTF-8 BOM so Excel reads the
// Vietnamese text, or XLSX with typed cells. The status report keeps its own contract (no BOM).

export type DownloadFormat = 'csv' | 'xlsx';

/** The format parameter, or null when it is neither csv nor xlsx (default csv). */
export function parseDownloadFormat(params: URLSearchParams): DownloadFormat | null {
  const format = params.get('format') ?? 'csv';
  return format === 'csv' || format === 'xlsx' ? format : null;
}

export async function downloadResponse(table: Table<string>, format: DownloadFormat, basename: string, sheetName: string): Promise<Response> {
  const body = format === 'csv' ? Buffer.from(toCsv(table, { bom: true }), 'utf8') : await toXlsx(table, sheetName);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${basename}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
