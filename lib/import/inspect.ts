// The pass over an archive that comes before any parsing (docs/decisions/033-bounded-imports.md): each part the
// readers will read is inflated as a stream, in the order and as many times as they will read it, and its bytes,
// rows and cells are counted as they come. The first count past its limit throws ImportLimitError, which stops
// the inflating at once: a hostile file costs at most the limits' worth of inflating and counting, and nothing is
// kept but the counts. The sizes the archive announces are checked first, but never trusted alone.

import { CsvBytes } from './csv';
import { ImportBudget, ImportLimitError } from './limits';
import { streamZipEntry, ZipFormatError, type ZipEntry } from './zip';

const FOLLOWS_NAME = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]); // space, tab, LF, CR, "/", ">"

/**
 * Counts the start tags `<name …>` of an XML text given as byte chunks (a tag split between two chunks is
 * counted once). A tag in a comment counts too: the count can only be too high, never too low.
 */
export class TagCounter {
  count = 0;
  private carry = Buffer.alloc(0);
  private readonly needle: Buffer;

  constructor(name: string) {
    this.needle = Buffer.from(`<${name}`, 'latin1');
  }

  push(chunk: Buffer) {
    const buffer = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const length = this.needle.length;
    // The last bytes may begin a tag that the next chunk completes.
    let keepFrom = Math.max(0, buffer.length - (length - 1));
    for (let at = buffer.indexOf(this.needle); at >= 0; at = buffer.indexOf(this.needle, at + 1)) {
      if (at + length === buffer.length) {
        keepFrom = at;
        break;
      }
      if (FOLLOWS_NAME.has(buffer[at + length])) this.count++;
    }
    this.carry = Buffer.from(buffer.subarray(keepFrom));
  }
}

async function inflate(bytes: Uint8Array, entry: ZipEntry, budget: ImportBudget, take: (chunk: Buffer) => void) {
  for await (const chunk of streamZipEntry(bytes, entry)) {
    budget.inflatedBytes((chunk as Buffer).length);
    take(chunk as Buffer);
  }
}

/** The parts of a workbook that the XLSX reader will read, besides xl/workbook.xml and its relationships. */
export type XlsxParts = { sharedStrings?: ZipEntry; styles?: ZipEntry; sheets: { name: string; entry: ZipEntry }[] };

export async function inspectXlsx(bytes: Uint8Array, parts: XlsxParts, budget: ImportBudget): Promise<void> {
  const all = [parts.sharedStrings, parts.styles, ...parts.sheets.map((sheet) => sheet.entry)].filter((entry) => entry !== undefined);
  budget.declared(all.reduce((sum, entry) => sum + entry.uncompressedSize, 0));
  if (parts.sharedStrings) {
    const strings = new TagCounter('si');
    await inflate(bytes, parts.sharedStrings, budget, (chunk) => {
      strings.push(chunk);
      budget.sharedStrings(strings.count);
    });
  }
  if (parts.styles) await inflate(bytes, parts.styles, budget, () => {});
  for (const sheet of parts.sheets) {
    const rows = new TagCounter('row');
    const cells = new TagCounter('c');
    await inflate(bytes, sheet.entry, budget, (chunk) => {
      rows.push(chunk);
      budget.sheetRows(sheet.name, rows.count);
      const before = cells.count;
      cells.push(chunk);
      budget.addCells(cells.count - before);
    });
  }
}

/** Counts one CSV file given as byte chunks; its encoding problem, if any (the sheet is then not read). */
async function inspectCsvChunks(name: string, chunks: AsyncIterable<Buffer> | Iterable<Buffer>, budget: ImportBudget): Promise<string | null> {
  const csv = new CsvBytes(false);
  let cells = 0;
  const count = () => {
    budget.sheetRows(name, csv.reader.rows);
    budget.addCells(csv.reader.cells - cells);
    cells = csv.reader.cells;
  };
  for await (const chunk of chunks) {
    budget.inflatedBytes(chunk.length);
    csv.push(chunk);
    if (csv.problem) return csv.problem;
    count();
  }
  csv.end();
  if (csv.problem) return csv.problem;
  count();
  return null;
}

/**
 * The CSV files of a ZIP (or of a folder, each one chunk): each is counted; the result is each file's problem by
 * its key (an encoding the reader refuses, a damaged entry), which its sheet reports instead of its rows.
 */
export async function inspectCsvFiles(
  files: { name: string; key: string; declaredSize: number; chunks: () => AsyncIterable<Buffer> | Iterable<Buffer> }[],
  budget: ImportBudget,
  damaged: (key: string) => string,
): Promise<Map<string, string>> {
  budget.declared(files.reduce((sum, file) => sum + file.declaredSize, 0));
  const problems = new Map<string, string>();
  for (const file of files) {
    try {
      const problem = await inspectCsvChunks(file.name, file.chunks(), budget);
      if (problem) problems.set(file.key, problem);
    } catch (error) {
      if (error instanceof ImportLimitError) throw error;
      problems.set(file.key, error instanceof ZipFormatError ? error.message : damaged(file.key));
    }
  }
  return problems;
}
