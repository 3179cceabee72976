// CSV sheets: UTF-8 with or without BOM, comma (or semicolon, as Excel writes in some locales) separated,
// RFC 4180 quoting. A file in another encoding is refused with a clear message instead of being read as
// mojibake: UTF-16 is recognised by its BOM or its zero bytes, anything else by invalid UTF-8.
// The text is read piece by piece as it is inflated (a sheet is never held whole), by one reader that also
// counts rows and cells for the import's limits without keeping any cell.

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const NOT_UTF8 =
  'tệp không ở mã UTF-8 (có thể là Windows-1258 hoặc TCVN3): hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" trong Excel';
const UTF16 = 'tệp ở mã UTF-16 (Unicode Text): hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" trong Excel';

/** Bytes that decide the encoding: the BOM, and a sample for UTF-16 without one. */
const SNIFF_BYTES = 200;

/** The problem with the encoding of a file that starts with `head` (its first SNIFF_BYTES bytes, or all of a shorter file). */
function encodingProblem(head: Uint8Array): string | null {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return UTF16;
  // UTF-16 without BOM: ASCII text then has a zero byte in every other position.
  const sample = head.subarray(0, SNIFF_BYTES);
  if (sample.length > 1 && sample.filter((b) => b === 0).length * 4 >= sample.length) return UTF16;
  return null;
}

export function decodeCsv(bytes: Uint8Array): Decoded {
  const problem = encodingProblem(bytes);
  if (problem) return { ok: false, message: problem };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, message: NOT_UTF8 };
  }
}

export type CsvRecord = { row: number; cells: string[] };

/** The delimiter is decided on the header line, or on this many characters of it when it is longer. */
const HEADER_SAMPLE = 64 * 1024;

/** The delimiter of the header line: a comma unless the line has semicolons and no comma. */
function detectDelimiter(firstLine: string): string {
  return firstLine.includes(',') || !firstLine.includes(';') ? ',' : ';';
}

/**
 * Records of a CSV text given piece by piece, each with its 1-based record number (the spreadsheet row number: a
 * record spanning several lines inside quotes is one row). Empty lines are records of one empty cell, so that row
 * numbers stay those a spreadsheet would show. With `keepCells` false nothing is kept: only `rows` and `cells` count.
 */
export class CsvReader {
  /** Records and fields read so far. */
  rows = 0;
  cells = 0;
  private delimiter: string | null = null;
  private head = '';
  private record: string[] = [];
  private recordWidth = 0;
  private field = '';
  private fieldLength = 0;
  private quoted = false;
  /** The previous piece ended on a quote inside a quoted field (a doubled quote or the closing one). */
  private quoteAtEnd = false;
  /** The previous piece ended on CR (a following LF belongs to the same line break). */
  private crAtEnd = false;

  constructor(private readonly keepCells = true) {}

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.delimiter === null) {
      this.head += text;
      const newline = this.head.indexOf('\n');
      if (newline < 0 && this.head.length < HEADER_SAMPLE) return out;
      this.delimiter = detectDelimiter(this.head.slice(0, Math.min(newline < 0 ? HEADER_SAMPLE : newline, HEADER_SAMPLE)));
      text = this.head;
      this.head = '';
    }
    this.scan(text, this.delimiter, out);
    return out;
  }

  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.delimiter === null) {
      this.delimiter = detectDelimiter(this.head.slice(0, HEADER_SAMPLE));
      this.scan(this.head, this.delimiter, out);
      this.head = '';
    }
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.quoted = false;
    }
    if (this.fieldLength > 0 || this.recordWidth > 0) {
      this.endField();
      this.endRecord(out);
    }
    return out;
  }

  private append(text: string, from: number, to: number) {
    if (to <= from) return;
    if (this.keepCells) this.field += text.slice(from, to);
    this.fieldLength += to - from;
  }

  private endField() {
    if (this.keepCells) this.record.push(this.field);
    this.field = '';
    this.fieldLength = 0;
    this.recordWidth++;
    this.cells++;
  }

  private endRecord(out: CsvRecord[]) {
    this.rows++;
    if (this.keepCells) out.push({ row: this.rows, cells: this.record });
    this.record = [];
    this.recordWidth = 0;
  }

  private scan(text: string, delimiter: string, out: CsvRecord[]) {
    const length = text.length;
    let i = 0;
    if (length === 0) return;
    if (this.crAtEnd) {
      this.crAtEnd = false;
      if (text[0] === '\n') i = 1;
    }
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (text[0] === '"') {
        this.append('"', 0, 1);
        i = 1;
      } else {
        this.quoted = false;
      }
    }
    while (i < length) {
      if (this.quoted) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          this.append(text, i, length);
          return;
        }
        this.append(text, i, quote);
        if (quote + 1 === length) {
          this.quoteAtEnd = true;
          return;
        }
        if (text[quote + 1] === '"') {
          this.append('"', 0, 1);
          i = quote + 2;
        } else {
          this.quoted = false;
          i = quote + 1;
        }
        continue;
      }
      const ch = text[i];
      if (ch === '"' && this.fieldLength === 0) {
        this.quoted = true;
        i++;
      } else if (ch === delimiter) {
        this.endField();
        i++;
      } else if (ch === '\r' || ch === '\n') {
        this.endField();
        this.endRecord(out);
        i++;
        if (ch === '\r') {
          if (i === length) this.crAtEnd = true;
          else if (text[i] === '\n') i++;
        }
      } else {
        // A run of plain characters; a quote inside a field that does not start with one is a plain character.
        let end = i + 1;
        while (end < length) {
          const c = text[end];
          if (c === delimiter || c === '\r' || c === '\n') break;
          end++;
        }
        this.append(text, i, end);
        i = end;
      }
    }
  }
}

/** The records of a whole CSV text. */
export function* parseCsv(text: string): Generator<CsvRecord> {
  const reader = new CsvReader();
  yield* reader.push(text);
  yield* reader.end();
}

/**
 * A CSV file given as byte chunks: the encoding is decided on its first bytes, then the text is decoded (invalid
 * UTF-8 stops it) and read. After a problem, further chunks are ignored; `problem` says what it was.
 */
export class CsvBytes {
  readonly reader: CsvReader;
  problem: string | null = null;
  private head: Buffer[] = [];
  private headLength = 0;
  private sniffed = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

  constructor(keepCells = true) {
    this.reader = new CsvReader(keepCells);
  }

  push(chunk: Uint8Array): CsvRecord[] {
    if (this.problem) return [];
    if (!this.sniffed) {
      this.head.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this.headLength += chunk.byteLength;
      if (this.headLength < SNIFF_BYTES) return [];
      return this.sniff();
    }
    return this.decode(chunk, true);
  }

  end(): CsvRecord[] {
    if (this.problem) return [];
    const records = this.sniffed ? [] : this.sniff();
    if (this.problem) return [];
    return [...records, ...this.decode(new Uint8Array(0), false), ...(this.problem ? [] : this.reader.end())];
  }

  private sniff(): CsvRecord[] {
    this.sniffed = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    this.problem = encodingProblem(head);
    return this.problem ? [] : this.decode(head, true);
  }

  private decode(bytes: Uint8Array, more: boolean): CsvRecord[] {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: more });
    } catch {
      this.problem = NOT_UTF8;
      return [];
    }
    return this.reader.push(text);
  }
}
