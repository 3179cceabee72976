import { INT4_MAX } from './fields';

// The dynamic segments of a page's address (`/communes/[code]`, `/transfers/[id]`), read the one way: a value
// that cannot name a row (a NUL byte, a malformed escape, an id past int4) is null, and the page answers 404 as
// for an unknown row, rather than letting the database refuse it with a server error.

const MAX_CODE_LENGTH = 100;
// Control and format characters (NUL, line breaks, zero-width) never appear in a code.
const HIDDEN = /[\p{Cc}\p{Cf}]/u;

/** A row id from the address: digits only, 1 to INT4_MAX; else null. */
export function routeId(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,10}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 && value <= INT4_MAX ? value : null;
}

/**
 * A code from the address (a commune, a position, a person), percent-decoded and NFC; null when it does not decode
 * or holds a control or invisible character.
 */
export function routeCode(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let value = raw;
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  value = value.normalize('NFC');
  return value !== '' && value.length <= MAX_CODE_LENGTH && !HIDDEN.test(value) ? value : null;
}
