import { z } from 'zod';
import { DecisionFieldsSchema } from './decision';
import { blankToNull, id, optionalText, text, version } from './fields';

// The planning register's forms (docs/decisions/041-structure-and-planning.md). Messages are keys (decision 003).

const year = z.coerce.number({ error: 'planning.errors.termYears' }).int({ error: 'planning.errors.termYears' }).min(2020, { error: 'planning.errors.termYears' }).max(2100, { error: 'planning.errors.termYears' });

export const CreatePlanningTermSchema = z.object({ startYear: year, endYear: year });

/** A person planned for a post of one unit: a commune or a department (exactly one), by a decision. */
export const AddPlanningEntrySchema = DecisionFieldsSchema.extend({
  termId: id('planning.errors.term'),
  communeId: z.preprocess(blankToNull, id().nullable()),
  departmentId: z.preprocess(blankToNull, id().nullable()),
  positionId: id('planning.errors.position'),
  cadreCode: text('planning.errors.cadre').trim().min(1, { error: 'planning.errors.cadre' }).max(30, { error: 'planning.errors.cadre' }),
}).refine((v) => (v.communeId === null) !== (v.departmentId === null), { error: 'errors.invalid', path: ['communeId'] });

/** Taken out of the plan by a decision (its date is the day the entry ends), with an optional reason. */
export const RemovePlanningEntrySchema = DecisionFieldsSchema.extend({ entryId: id(), version, reason: optionalText(500) });
