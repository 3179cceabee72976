import { z } from 'zod';

/**
 * A real calendar date as the forms post it: `dd/MM/yyyy` (also `d/M/yyyy`, with `/`, `-` or `.`), the form every
 * date field shows whatever the browser's language, or `YYYY-MM-DD` (links, scripts). The value is the ISO date;
 * 31/02/2026 is refused.
 */
export const isoDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .transform((value, context) => {
      const iso = parseFormDate(value);
      if (iso === null) {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return iso;
    });

/** `dd/MM/yyyy` (or ISO) to an ISO date, or null when it is not a real calendar date. */
export function parseFormDate(value: string): string | null {
  const text = value.trim();
  let iso: string | null = null;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (vn) iso = `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = text;
  if (iso === null) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
