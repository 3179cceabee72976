// Hostile workbooks for the import's limits (docs/decisions/033-bounded-imports.md), built in a fraction of a second
// however far they inflate: a repeated block is deflated once and its compressed bytes are repeated. Raw deflate
// pieces that each end on a sync flush (no final block, byte-aligned) may be concatenated, and one empty final
// block closes the stream. The CRC is computed as for a real archive, so any unzip tool reads these files too.

import zlib from 'node:zlib';
import { listZipEntries, readZipEntry } from '@/lib/import/zip';

/** Some content and how many times it repeats in a row. */
export type Piece = { text: string | Buffer; times?: number };

/** One entry of an archive being built; `declaredSize`, when set, is the (false) size its headers announce. */
export type ZipPart = { name: string; deflated: Buffer; size: number; crc: number; declaredSize?: number };

const ROWS_PER_BLOCK = 10_000;

export function deflatePart(name: string, pieces: Piece[], declaredSize?: number): ZipPart {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    const data = Buffer.isBuffer(piece.text) ? piece.text : Buffer.from(piece.text, 'utf8');
    const times = piece.times ?? 1;
    if (times === 0 || data.length === 0) continue;
    const deflated = zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    for (let i = 0; i < times; i++) {
      chunks.push(deflated);
      crc = zlib.crc32(data, crc);
    }
    size += data.length * times;
  }
  chunks.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { name, deflated: Buffer.concat(chunks), size, crc, declaredSize };
}

/** A ZIP archive (deflate, UTF-8 names) of the given parts. */
export function zipParts(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `count` copies of `line` (which ends with its own line break), as pieces of whole blocks and a remainder. */
export function repeated(line: string, count: number): Piece[] {
  return [
    { text: line.repeat(Math.min(count, ROWS_PER_BLOCK)), times: Math.floor(count / ROWS_PER_BLOCK) },
    { text: line.repeat(count % ROWS_PER_BLOCK) },
  ].filter((piece) => piece.times !== 0 && piece.text.length > 0);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A worksheet row of inline strings. */
export function xmlRow(row: number, cells: string[]): string {
  const body = cells.map((text, i) => `<c r="${columnLetters(i)}${row}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join('');
  return `<row r="${row}">${body}</row>`;
}

const WORKSHEET_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';
const WORKSHEET_END = '</sheetData></worksheet>';

/** A worksheet of a header row then `count` identical rows (all numbered 2, as a copy-paste gone wrong would not be). */
export function identicalRowsSheet(header: string[], row: string[], count: number): Piece[] {
  return [{ text: WORKSHEET_START + xmlRow(1, header) }, ...repeated(xmlRow(2, row), count), { text: WORKSHEET_END }];
}

/** The ZIP path of a sheet, from xl/workbook.xml and its relationships. */
function sheetPart(bytes: Uint8Array, sheet: string): string {
  const entries = listZipEntries(bytes);
  const read = (name: string) => readZipEntry(bytes, entries.find((e) => e.name === name)!, 1 << 24).toString('utf8');
  const rId = new RegExp(`<sheet\\b[^>]*\\bname="${sheet}"[^>]*\\br:id="([^"]*)"`).exec(read('xl/workbook.xml'))?.[1];
  const target = new RegExp(`<Relationship\\b[^>]*\\bId="${rId}"[^>]*\\bTarget="([^"]*)"`).exec(read('xl/_rels/workbook.xml.rels'))?.[1];
  if (!rId || !target) throw new Error(`no sheet ${sheet} in the workbook`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The archive with the content of one entry replaced by `pieces` (every other entry kept as it was); with
 * `declaredSize`, its headers announce that size for the new entry instead of the real one.
 */
export function replacePart(archive: Uint8Array, name: string, pieces: Piece[], declaredSize?: number): Buffer {
  const entries = listZipEntries(archive);
  if (!entries.some((entry) => entry.name === name)) throw new Error(`no ${name} in the archive`);
  return zipParts(entries.map((entry) =>
    entry.name === name ? deflatePart(name, pieces, declaredSize) : deflatePart(entry.name, [{ text: readZipEntry(archive, entry, 1 << 26) }]),
  ));
}

/** The workbook with the content of one sheet replaced (see replacePart). */
export function replaceSheet(xlsx: Uint8Array, sheet: string, pieces: Piece[], declaredSize?: number): Buffer {
  return replacePart(xlsx, sheetPart(xlsx, sheet), pieces, declaredSize);
}
