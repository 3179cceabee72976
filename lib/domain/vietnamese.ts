// Search and sorting for Vietnamese names. Folding drops tones and diacritics so "dong hieu" finds "Đông Hiếu";
// đ/Đ are separate letters (not a base letter plus a mark), so NFD alone leaves them intact.

export function toNfc(s: string): string {
  return s.normalize('NFC');
}

export function foldVietnamese(s: string): string {
  return s
    // Zero-width and other format characters (a pasted name) would split a word the reader sees as one.
    .replace(/\p{Cf}/gu, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in the haystack, ignoring case, tones and diacritics. */
export function matchesSearch(haystack: string, query: string): boolean {
  const folded = foldVietnamese(haystack);
  const words = foldVietnamese(query).split(' ').filter((word) => word.length > 0);
  return words.every((word) => folded.includes(word));
}

export const vietnameseCollator = new Intl.Collator('vi');

export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}
