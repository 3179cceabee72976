import { z } from 'zod';
import { isPersonName } from '@/lib/domain/people';

// Shared by the roster forms and their actions. Messages are keys (style.md "i18n").

const id = (message = 'errors.invalid') => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });

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

export const DEPARTURE_REASONS = ['retirement', 'resignation', 'early_retirement', 'transfer_out', 'death', 'other'] as const;

export const RecordDepartureSchema = z.object({
  cadreId: id(),
  communeId: id(),
  version: z.coerce.number({ error: 'errors.invalid' }).int().nonnegative(),
  reason: z.enum(DEPARTURE_REASONS, { error: 'roster.errors.reason' }),
  date: isoDate('roster.errors.date'),
});

export const RECRUIT_EMPLOYMENT_TYPES = ['cadre', 'civil_servant'] as const;
export const EDUCATIONS = ['intermediate', 'college', 'university', 'master', 'doctorate'] as const;

export const RecruitCadreSchema = z.object({
  communeId: id(),
  fullName: z
    .string({ error: 'roster.errors.fullName' })
    .trim()
    .min(2, { error: 'roster.errors.fullName' })
    .max(100, { error: 'roster.errors.fullName' })
    .refine(isPersonName, { error: 'roster.errors.fullNameLetters' }),
  gender: z.enum(['male', 'female'], { error: 'roster.errors.gender' }),
  birthDate: isoDate('roster.errors.date'),
  employmentType: z.enum(RECRUIT_EMPLOYMENT_TYPES, { error: 'roster.errors.employmentType' }),
  education: z.enum(EDUCATIONS, { error: 'roster.errors.education' }),
  field: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null)), z.string().trim().max(100, { error: 'errors.tooLong' }).nullable()),
  positionId: id('roster.errors.position'),
  startDate: isoDate('roster.errors.date'),
});

/** A change of primary position: the new post and the day it takes effect (the old one ends the day before). */
export const ChangePrimaryPositionSchema = z.object({
  cadreId: id(),
  communeId: id(),
  version: z.coerce.number({ error: 'errors.invalid' }).int().nonnegative(),
  positionId: id('roster.errors.position'),
  effectiveDate: isoDate('roster.errors.date'),
});

export const AddConcurrentPositionSchema = z.object({
  cadreId: id(),
  communeId: id(),
  version: z.coerce.number({ error: 'errors.invalid' }).int().nonnegative(),
  positionId: id('roster.errors.position'),
  startDate: isoDate('roster.errors.date'),
});

/** Ending one concurrent assignment: from `date` on the person no longer holds it. */
export const RemoveConcurrentPositionSchema = z.object({
  cadreId: id(),
  communeId: id(),
  version: z.coerce.number({ error: 'errors.invalid' }).int().nonnegative(),
  assignmentId: id(),
  date: isoDate('roster.errors.date'),
});
