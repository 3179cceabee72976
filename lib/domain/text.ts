// Text as people type or paste it. A value copied from a Word document, a PDF or a chat carries characters nobody
// sees: zero-width spaces and joiners, byte order marks, direction marks, soft hyphens (Unicode "format"
// characters), and now and then a control character. Stored, they make two equal names differ and a search miss;
// a NUL byte is refused by PostgreSQL outright. Every text the forms and the search boxes take goes through here
// (lib/validation/fields.ts, the list filters), which also puts it in Unicode NFC.

/** Format characters (zero-width space, joiners, BOM, direction marks, soft hyphen): never meant to be stored. */
const INVISIBLE = /\p{Cf}/gu;
/** Control characters other than tab and line breaks (a note keeps its lines). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Every control character, line breaks included: a one-line value (a search) has none. */
const ANY_CONTROL = /\p{Cc}/gu;

/** NFC, without invisible and control characters; tabs and line breaks are kept. Not trimmed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '');
}

export const MAX_SEARCH_LENGTH = 100;

/**
 * A search box's text from the address: NFC, invisible characters removed, control characters (a NUL, a tab, a
 * line break) read as spaces, trimmed and bounded. '' when nothing is left.
 */
export function searchText(value: string | null | undefined, max = MAX_SEARCH_LENGTH): string {
  if (!value) return '';
  return value.normalize('NFC').replace(INVISIBLE, '').replace(ANY_CONTROL, ' ').trim().slice(0, max).trim();
}
