// Finding a person across the province (docs/decisions/039-completeness-search-personal-history.md): what a search
// box's text asks for. The database compares names folded the same way (f_unaccent: lower case, no diacritics), so
// "nguyen van an" finds "Nguyễn Văn An"; a code or a personal ID number is matched from its start.

export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 100;
/** Results shown at most; one more is read to know there are more. */
export const SEARCH_LIMIT = 50;

export type SearchQuery = {
  /** The text as typed, NFC, spaces collapsed. */
  text: string;
  /** Words every name must contain (in any order), as LIKE patterns with their wildcards escaped. */
  nameWords: string[];
  /** The start of a code (any case), escaped for LIKE; null when the text cannot be a code. */
  codePrefix: string | null;
  /** The start of a personal ID number (3 to 12 digits); null when not asked or not allowed. */
  nationalIdPrefix: string | null;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Reads a search box's text; null when it is too short (or too long) to search. A personal ID is searched only for
 * a user who sees personal data (`mayUseNationalId`): for anyone else digits are a code's or a name's, nothing more.
 */
export function parseSearchQuery(raw: string | null | undefined, options: { mayUseNationalId: boolean }): SearchQuery | null {
  const text = (raw ?? '').normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/\s+/g, ' ').trim();
  if (text.length < MIN_QUERY_LENGTH || text.length > MAX_QUERY_LENGTH) return null;
  const words = text.split(' ').filter((w) => w.length > 0);
  const isDigits = /^\d+$/.test(text);
  return {
    text,
    nameWords: isDigits ? [] : words.map(escapeLike),
    codePrefix: /^[\p{L}\p{N}._-]+$/u.test(text) ? escapeLike(text) : null,
    nationalIdPrefix: options.mayUseNationalId && isDigits && text.length >= 3 && text.length <= 12 ? text : null,
  };
}
