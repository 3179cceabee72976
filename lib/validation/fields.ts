import { z } from 'zod';
import { cleanText } from '@/lib/domain/text';

// The field types every form schema is built from. Messages are keys (decision 003).

/** The largest value of a PostgreSQL `integer` (int4): every id and version column. */
export const INT4_MAX = 2_147_483_647;

/**
 * A row's id as a form posts it: a positive integer a PostgreSQL integer column can hold. A larger one
 * (`2147483648`) is refused here; it would otherwise reach the database and fail there as a server error.
 */
export const id = (message = 'errors.invalid') =>
  z.coerce.number({ error: message }).int({ error: message }).positive({ error: message }).max(INT4_MAX, { error: message });

/** A row's version as the form was rendered with (optimistic locking): 0 or more, within int4. */
export const version = z.coerce
  .number({ error: 'errors.invalid' })
  .int({ error: 'errors.invalid' })
  .nonnegative({ error: 'errors.invalid' })
  .max(INT4_MAX, { error: 'errors.invalid' });

/**
 * Text as typed, cleaned by the one normaliser (lib/domain/text.ts: NFC, without zero-width and control
 * characters), so a length or emptiness check that follows sees what will be stored: a name of zero-width spaces
 * alone is empty. Chain `.trim()`, `.min()`, `.max()` as on `z.string()`.
 */
export const text = (message?: string) => z.string(message ? { error: message } : undefined).overwrite(cleanText);

/** An empty field (blank, or nothing but invisible characters) is null; undefined (not posted) too. */
export const blankToNull = (value: unknown) => (typeof value === 'string' ? (cleanText(value).trim() === '' ? null : value) : (value ?? null));

/** Optional free text of at most `max` characters: null when left blank. */
export const optionalText = (max: number) => z.preprocess(blankToNull, text().trim().max(max, { error: 'errors.tooLong' }).nullable());
