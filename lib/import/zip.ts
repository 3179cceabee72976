// A small reader of ZIP archives held in memory (uploads are capped at 25 MB): the central directory gives
// every entry's name, method and sizes without inflating anything, which is all that sniffing needs, and
// entries are inflated one at a time with node:zlib. Only "stored" and "deflate" entries exist in XLSX and in
// the ZIPs that Windows, macOS and LibreOffice write; anything else is reported, never guessed.

import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export type ZipEntry = { name: string; method: number; compressedSize: number; uncompressedSize: number; localHeaderOffset: number };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export class ZipFormatError extends Error {}

/** An entry that inflates past the `maxBytes` it was read with. */
export class ZipEntryTooLargeError extends ZipFormatError {}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function view(bytes: Uint8Array) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The entries of the central directory (names decoded as UTF-8, as every current writer flags them). */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const buffer = view(bytes);
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('tệp ZIP bị hỏng (không có mục lục)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new ZipFormatError('tệp ZIP bị hỏng (mục lục sai)');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    entries.push({
      method: buffer.readUInt16LE(offset + 10),
      compressedSize: buffer.readUInt32LE(offset + 20),
      uncompressedSize: buffer.readUInt32LE(offset + 24),
      localHeaderOffset: buffer.readUInt32LE(offset + 42),
      name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const buffer = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ZipFormatError(`tệp ZIP bị hỏng (${entry.name})`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buffer.length) throw new ZipFormatError(`tệp ZIP bị hỏng (${entry.name})`);
  return buffer.subarray(start, start + entry.compressedSize);
}

function checkMethod(entry: ZipEntry) {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`tệp ${entry.name} trong ZIP dùng kiểu nén không hỗ trợ`);
}

/** The entry's content; `maxBytes` guards against archives that inflate far beyond their size. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer {
  checkMethod(entry);
  const data = compressedData(bytes, entry);
  if (entry.method === 0) return Buffer.from(data);
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipEntryTooLargeError(`tệp ${entry.name} giải nén quá lớn`);
    throw new ZipFormatError(`tệp ${entry.name} trong ZIP bị hỏng`);
  }
}

/** The entry's content as a stream, for large sheets read piece by piece. */
export function streamZipEntry(bytes: Uint8Array, entry: ZipEntry): Readable {
  checkMethod(entry);
  const data = compressedData(bytes, entry);
  const source = Readable.from([data]);
  return entry.method === 0 ? source : source.pipe(zlib.createInflateRaw());
}
