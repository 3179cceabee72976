import { searchText } from '@/lib/domain/text';

/**
 * A search box's text as the operand of `ILIKE '%' || f_unaccent($n) || '%'`: cleaned like every search
 * (lib/domain/text.ts: no NUL, no zero-width characters), with `\`, `%` and `_` escaped (backslash is ILIKE's
 * default escape) so that "50%" or "A_B" match those characters rather than any text. '' means no search.
 */
export function containsOperand(query: string): string {
  return searchText(query).replace(/[\\%_]/g, (character) => `\\${character}`);
}
