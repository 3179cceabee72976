import { z } from 'zod';
import messages from '@/lib/i18n/messages/vi.json';
import { blankToNull, id, optionalText, text, version } from './fields';

// The positions catalogue form (Home Affairs) and its actions. Messages are keys (decision 003).

/** An HTML checkbox sends "on" when ticked and nothing when not. */
const CheckboxSchema = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());

/** Fields of expertise: the codes of the `fields` message catalogue (one list for forms, filters and imports). */
export const FIELD_CODES = Object.keys(messages.fields) as (keyof typeof messages.fields)[];
export const POSITION_BLOCKS = ['party_front', 'government'] as const;
export const MAX_SORT_ORDER = 99_999;
/** The post's rank for planning (docs/decisions/041-structure-and-planning.md): a larger number is a higher post. */
export const MAX_POSITION_LEVEL = 99;

/** Uppercase A–Z, 0–9 and underscore, starting with a letter (PARTY_SECRETARY, IT_OFFICER). */
export const PositionCodeSchema = z
  .string({ error: 'positions.errors.code' })
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, { error: 'positions.errors.code' }));

const PositionFieldsSchema = z.object({
  titleVi: text('positions.errors.titleVi').trim().min(2, { error: 'positions.errors.titleVi' }).max(200, { error: 'errors.tooLong' }),
  titleEn: optionalText(200),
  block: z.preprocess(blankToNull, z.enum(POSITION_BLOCKS, { error: 'positions.errors.block' }).nullable()),
  isKey: CheckboxSchema,
  isElected: CheckboxSchema,
  concurrentByDesign: CheckboxSchema,
  field: z.preprocess(blankToNull, z.enum(FIELD_CODES as [string, ...string[]], { error: 'positions.errors.field' }).nullable()),
  sortOrder: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? '0' : v),
    z.coerce
      .number({ error: 'positions.errors.sortOrder' })
      .int({ error: 'positions.errors.sortOrder' })
      .min(0, { error: 'positions.errors.sortOrder' })
      .max(MAX_SORT_ORDER, { error: 'positions.errors.sortOrder' }),
  ),
  // An empty box is 0 (unranked); a form that does not send the field at all leaves an existing post's level as it is.
  level: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? '0' : v),
    z.coerce
      .number({ error: 'positions.errors.level' })
      .int({ error: 'positions.errors.level' })
      .min(0, { error: 'positions.errors.level' })
      .max(MAX_POSITION_LEVEL, { error: 'positions.errors.level' })
      .optional(),
  ),
});

/** A key position counts in a commune block, so it needs a block (department posts have none). */
const keyNeedsBlock = (value: { isKey: boolean; block: string | null }, ctx: z.RefinementCtx) => {
  if (value.isKey && value.block === null) ctx.addIssue({ code: 'custom', path: ['block'], message: 'positions.errors.keyNeedsBlock' });
};

export const CreatePositionSchema = PositionFieldsSchema.extend({ code: PositionCodeSchema }).superRefine(keyNeedsBlock);
export type CreatePositionInput = z.infer<typeof CreatePositionSchema>;

export const UpdatePositionSchema = PositionFieldsSchema.extend({
  positionId: id(),
  version,
}).superRefine(keyNeedsBlock);
export type UpdatePositionInput = z.infer<typeof UpdatePositionSchema>;

export const DeletePositionSchema = z.object({
  positionId: id(),
  version,
});
