// What a support request's attachment may be, decided by its content, never by its name or the browser's type
// (docs/decisions/044-support-requests-and-working-groups.md): PDF, PNG, JPEG, the zip-based office documents (Word,
// Excel, OpenDocument text and spreadsheet) and the legacy OLE ones (Word, Excel). Anything else is refused.
// Pure: bytes in, the stored MIME type (or null) out.

export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The names of the entries of a zip, read from its local file headers (what the office formats are told by). */
function zipEntryNames(bytes: Uint8Array, limit = 2000): { name: string; dataStart: number; compressedSize: number; method: number }[] {
  const entries = [];
  let offset = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (entries.length < limit && startsWith(bytes, ZIP, offset) && offset + 30 <= bytes.length) {
    const method = view.getUint16(offset + 8, true);
    const flags = view.getUint16(offset + 6, true);
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = ascii(bytes, offset + 30, offset + 30 + nameLength);
    const dataStart = offset + 30 + nameLength + extraLength;
    entries.push({ name, dataStart, compressedSize, method });
    // A size given after the data (bit 3) cannot be walked past from here: the entries read so far decide.
    if (flags & 0x08) break;
    offset = dataStart + compressedSize;
  }
  return entries;
}

function zipOffice(bytes: Uint8Array): AttachmentType | null {
  const entries = zipEntryNames(bytes);
  const first = entries[0];
  // OpenDocument: the first entry is `mimetype`, stored uncompressed, naming the document's type.
  if (first && first.name === 'mimetype' && first.method === 0) {
    const mime = ascii(bytes, first.dataStart, first.dataStart + first.compressedSize);
    if (mime === ATTACHMENT_TYPES.odt) return 'odt';
    if (mime === ATTACHMENT_TYPES.ods) return 'ods';
    return null;
  }
  const names = entries.map((e) => e.name);
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

/**
 * The type of a file from its bytes, or null when it is none of the accepted ones. A legacy OLE document (Word 97 or
 * Excel 97) is told apart by its name's extension only: both formats share one container.
 */
export function sniffAttachment(bytes: Uint8Array, fileName: string): { type: AttachmentType; mimeType: string } | null {
  const found = (type: AttachmentType) => ({ type, mimeType: ATTACHMENT_TYPES[type] });
  if (startsWith(bytes, PDF)) return found('pdf');
  if (startsWith(bytes, PNG)) return found('png');
  if (startsWith(bytes, JPEG)) return found('jpeg');
  if (startsWith(bytes, ZIP)) {
    const type = zipOffice(bytes);
    return type ? found(type) : null;
  }
  if (startsWith(bytes, OLE)) return found(/\.xls$/i.test(fileName) ? 'xls' : 'doc');
  return null;
}

/** A file name safe to store and to send back: its last path part, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'tep-dinh-kem' : cleaned;
}
