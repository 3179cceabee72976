import { z } from 'zod';

// The inbox's forms (docs/decisions/045-inbox-and-reminders.md). An item is a stored one (`id`, a bigint as digits)
// or a reminder derived today (`key`, its dedupe key); the action recomputes the reminder, so a key names it and
// carries nothing the user could forge.

export const MarkReadSchema = z
  .object({
    id: z.string().trim().regex(/^[1-9]\d{0,17}$/, { error: 'errors.invalid' }).optional(),
    key: z.string().trim().min(1).max(200, { error: 'errors.invalid' }).optional(),
  })
  .refine((input) => (input.id === undefined) !== (input.key === undefined), { error: 'errors.invalid', path: ['id'] });

export const MarkAllReadSchema = z.object({});
