import { z } from 'zod';
import { searchText } from '@/lib/domain/text';
import { id, INT4_MAX } from './fields';

// Shared by the quota and commune-attribute forms and their actions. Messages are keys (decision 003).

/** No commune has more than a few hundred posts; a larger figure is a typing slip (an extra zero, a pasted ID). */
export const MAX_QUOTA = 9_999;
export const MIN_QUOTA_YEAR = 2000;
export const MAX_QUOTA_YEAR = 2100;


/** A quota as typed: a whole number from 0 to `max`, with a message saying which rule it broke (`tooLarge` above `max`). */
const quotaValue = (max: number, tooLarge: string) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .superRefine((text, ctx) => {
      if (text === '') ctx.addIssue({ code: 'custom', message: 'errors.required' });
      else if (/^-\s*\d+$/.test(text)) ctx.addIssue({ code: 'custom', message: 'quotas.errors.negative' });
      else if (!/^\d+$/.test(text)) ctx.addIssue({ code: 'custom', message: 'quotas.errors.notInteger' });
      else if (text.replace(/^0+(?=\d)/, '').length > String(max).length || Number(text) > max) {
        ctx.addIssue({ code: 'custom', message: tooLarge });
      }
    })
    .transform(Number);

const QuotaValueSchema = quotaValue(MAX_QUOTA, 'quotas.errors.tooLarge');

export const QuotaYearSchema = z.coerce
  .number({ error: 'quotas.errors.year' })
  .int({ error: 'quotas.errors.year' })
  .min(MIN_QUOTA_YEAR, { error: 'quotas.errors.year' })
  .max(MAX_QUOTA_YEAR, { error: 'quotas.errors.year' });

export const SaveCommuneQuotasSchema = z.object({
  communeId: id(),
  version: id(),
  year: QuotaYearSchema,
  partyFront: QuotaValueSchema,
  government: QuotaValueSchema,
});
export type SaveCommuneQuotasInput = z.infer<typeof SaveCommuneQuotasSchema>;

/** Opening a new quota year (decision 027): the year, copied from the latest confirmed year before it. */
export const OpenQuotaYearSchema = z.object({ year: QuotaYearSchema });
export type OpenQuotaYearInput = z.infer<typeof OpenQuotaYearSchema>;

/** Confirming a draft quota year, from the version its confirm screen was rendered with. */
export const ConfirmQuotaYearSchema = z.object({ year: QuotaYearSchema, version: id() });
export type ConfirmQuotaYearInput = z.infer<typeof ConfirmQuotaYearSchema>;

/** A department has at most a few thousand posts; a larger figure is a typing slip. */
export const MAX_DEPARTMENT_QUOTA = 99_999;

/** A department's quota of one year, as typed: a whole number from 0 to MAX_DEPARTMENT_QUOTA. */
export const SaveDepartmentQuotaSchema = z.object({
  departmentId: id(),
  version: id(),
  year: QuotaYearSchema,
  quota: quotaValue(MAX_DEPARTMENT_QUOTA, 'quotaYears.errors.departmentTooLarge'),
});
export type SaveDepartmentQuotaInput = z.infer<typeof SaveDepartmentQuotaSchema>;

/** An HTML checkbox sends "on" when ticked and nothing when not. */
const CheckboxSchema = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());

export const UpdateCommuneAttributesSchema = z.object({
  communeId: id(),
  version: id(),
  oldDistrictId: id('communeAttributes.errors.oldDistrictRequired'),
  mountainous: CheckboxSchema,
  extremelyDisadvantaged: CheckboxSchema,
  border: CheckboxSchema,
});
export type UpdateCommuneAttributesInput = z.infer<typeof UpdateCommuneAttributesSchema>;

/** The quota page's query string: a year, an old district code and a search; anything malformed is ignored. */
export const QuotaFiltersSchema = z.object({
  year: QuotaYearSchema.optional().catch(undefined),
  district: z.string().trim().max(20).optional().catch(undefined),
  q: z.string().transform((value) => searchText(value)).optional().catch(undefined),
});
export type QuotaFilters = z.infer<typeof QuotaFiltersSchema>;

/** No commune needs more than a few holders of one key post; a larger figure is a typing slip. */
export const MAX_KEY_POSITION_NORM = 20;
export const NORM_FIELD_PREFIX = 'norm-';

/**
 * The key-position norms form: one field `norm-<positionId>` per key position, each a whole number from 0 to
 * MAX_KEY_POSITION_NORM. Errors are reported on the field that carries them.
 */
export const SaveKeyPositionNormsSchema = z
  .looseObject({ communeId: id(), version: id() })
  .transform((value, ctx) => {
    const norms: { positionId: number; required: number }[] = [];
    for (const [key, raw] of Object.entries(value)) {
      if (!key.startsWith(NORM_FIELD_PREFIX)) continue;
      const positionId = Number(key.slice(NORM_FIELD_PREFIX.length));
      const text = typeof raw === 'string' ? raw.trim() : '';
      let problem: string | null = null;
      if (!Number.isInteger(positionId) || positionId <= 0 || positionId > INT4_MAX) problem = 'errors.invalid';
      else if (text === '') problem = 'errors.required';
      else if (/^-\s*\d+$/.test(text)) problem = 'quotas.errors.negative';
      else if (!/^\d+$/.test(text)) problem = 'quotas.errors.notInteger';
      else if (text.length > 3 || Number(text) > MAX_KEY_POSITION_NORM) problem = 'quotas.norms.tooLarge';
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
      else norms.push({ positionId, required: Number(text) });
    }
    if (norms.length === 0 && ctx.issues.length === 0) ctx.addIssue({ code: 'custom', path: ['_'], message: 'errors.invalid' });
    return { communeId: value.communeId as number, version: value.version as number, norms };
  });
export type SaveKeyPositionNormsInput = z.infer<typeof SaveKeyPositionNormsSchema>;
