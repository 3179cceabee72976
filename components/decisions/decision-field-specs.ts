import type { getTranslations } from 'next-intl/server';
import type { IssuingBodyOption } from '@/lib/db/decision-queries';
import type { FormFieldSpec } from '@/components/forms/spec-fields';

type T = Awaited<ReturnType<typeof getTranslations<'decisions.fields'>>>;

/**
 * The decision behind a dated change (number, date, issuing body, and the reason when it takes effect before this
 * month), as fields of a server-rendered ActionForm: the names of lib/validation/decision.ts, the same labels as
 * the roster's DecisionFields. `idPrefix` is not needed: the form's own id prefixes every field.
 */
export function decisionFieldSpecs(t: T, bodies: IssuingBodyOption[], today: string): FormFieldSpec[] {
  return [
    { type: 'text', name: 'decisionNumber', label: t('number'), required: true, maxLength: 50, placeholder: t('numberPlaceholder') },
    { type: 'date', name: 'decisionDate', label: t('date'), required: true, defaultValue: today },
    {
      type: 'select', name: 'issuingBodyId', label: t('issuingBody'), required: true, defaultValue: '',
      options: [{ value: '', label: t('chooseIssuingBody') }, ...bodies.map((b) => ({ value: String(b.id), label: b.name }))],
    },
    { type: 'text', name: 'backdatedReason', label: t('backdatedReason'), hint: t('backdatedHint'), maxLength: 500, wide: true },
  ];
}
