import { z } from 'zod';

// Shared by the roster forms and their actions. Messages are keys (style.md "i18n").

const id = (message = 'errors.invalid') => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });

/** A real calendar date written YYYY-MM-DD (the value of <input type="date">): 2025-02-31 is refused. */
export const isoDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message })
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, { error: message });

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
    .max(100, { error: 'roster.errors.fullName' }),
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
