import { toNfc } from '@/lib/domain/vietnamese';

// Text rules of a Vietnamese official document (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW writes the
// date the same way) that the building blocks share. Every string that reaches the PDF goes through nfc():
// react-pdf draws a decomposed (NFD) mark on the next letter ("Baó caó"), and text pasted from macOS or Word often
// arrives decomposed (decision 013).

export const nfc = toNfc;

/** Upper case with Vietnamese rules, NFC: "Nghệ An" → "NGHỆ AN". */
export function upper(s: string): string {
  return nfc(s).toLocaleUpperCase('vi-VN');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The place and date line: "Nghệ An, ngày 10 tháng 11 năm 2025". Days below 10 and the months January and
 * February take a leading zero ("ngày 05 tháng 02"); other months do not ("tháng 3").
 */
export function placeDateLine(place: string, isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Ngày không hợp lệ: ${isoDate}`);
  const day = Number(m[3]);
  const month = Number(m[2]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return nfc(`${place}, ngày ${dd} tháng ${mm} năm ${m[1]}`);
}
