// CSV sheets: UTF-8 with or without BOM, comma (or semicolon, as Excel writes in some locales) separated,
// RFC 4180 quoting. A file in another encoding is refused with a clear message instead of being read as
// mojibake: UTF-16 is recognised by its BOM or its zero bytes, anything else by invalid UTF-8.

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const NOT_UTF8 =
  'tệp không ở mã UTF-8 (có thể là Windows-1258 hoặc TCVN3): hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" trong Excel';

export function decodeCsv(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, message: 'tệp ở mã UTF-16 (Unicode Text): hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" trong Excel' };
  }
  // UTF-16 without BOM: ASCII text then has a zero byte in every other position.
  const sample = bytes.subarray(0, 200);
  if (sample.length > 1 && sample.filter((b) => b === 0).length * 4 >= sample.length) {
    return { ok: false, message: 'tệp ở mã UTF-16 (Unicode Text): hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" trong Excel' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, message: NOT_UTF8 };
  }
}

/** The delimiter of the header line: a comma unless the line has semicolons and no comma. */
function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes(',') || !first.includes(';') ? ',' : ';';
}

/**
 * The records of a CSV text, each with its 1-based record number (the spreadsheet row number: a record
 * spanning several lines inside quotes is one row). Empty lines are yielded as empty records so that row
 * numbers stay those a spreadsheet would show.
 */
export function* parseCsv(text: string): Generator<{ row: number; cells: string[] }> {
  const delimiter = detectDelimiter(text);
  let row = 0;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.length === 0) {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      cells.push(field);
      yield { row: ++row, cells };
      cells = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field.length > 0 || cells.length > 0) {
    cells.push(field);
    yield { row: ++row, cells };
  }
}
