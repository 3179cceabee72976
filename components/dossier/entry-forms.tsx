import { useTranslations } from 'next-intl';
import { addEducation } from '@/lib/actions/dossier/add-education';
import { addRecognition } from '@/lib/actions/dossier/add-recognition';
import { addTraining } from '@/lib/actions/dossier/add-training';
import { RECOGNITION_KINDS, TRAINING_KINDS } from '@/lib/domain/dossier';
import { untyped, type Translate } from '@/lib/i18n/translator';
import { EDUCATIONS } from '@/lib/validation/roster';
import { ActionForm, type FormFieldSpec } from '@/components/forms/action-form';

// The forms adding an entry to a dossier's lists (Server Components: next-intl's hook reads the request's messages). Each action is idempotent (docs/decisions/036-one-time-form-tokens.md:
// an entry is a row no natural key tells apart), so each form takes the one-time token its page made.

type Props = { cadreId: number; communeId: number; token: string };

function useLabels() {
  const t = untyped(useTranslations());
  return { t, label: (name: string) => t(`dossier.fields.${name}`) };
}

/** A closed block with its button as summary: the list stays the first thing read. */
function Folded({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="mt-3 rounded-md border border-stone-200 bg-stone-50 p-3">
      <summary className="cursor-pointer text-sm font-semibold text-brand-800">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

const options = (t: Translate, prefix: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

export function AddEducationForm({ cadreId, communeId, token }: Props) {
  const { t, label } = useLabels();
  const fields: FormFieldSpec[] = [
    { type: 'select', name: 'degree', label: label('degree'), required: true, options: options(t, 'education', EDUCATIONS), defaultValue: 'university' },
    { type: 'text', name: 'field', label: label('educationField'), required: true, maxLength: 200 },
    { type: 'text', name: 'institution', label: label('institution'), maxLength: 200 },
    { type: 'text', name: 'year', label: label('year'), maxLength: 4 },
    { type: 'text', name: 'mode', label: label('mode'), maxLength: 100 },
  ];
  return (
    <Folded summary={t('dossier.educations.add')}>
      <ActionForm id="add-education" namespace="dossier" action={addEducation} hidden={{ cadreId, communeId }} token={token} fields={fields} layout="grid" submitLabel={t('dossier.educations.add')} />
    </Folded>
  );
}

export function AddTrainingForm({ cadreId, communeId, token }: Props) {
  const { t, label } = useLabels();
  const fields: FormFieldSpec[] = [
    { type: 'select', name: 'kind', label: label('trainingKind'), required: true, options: options(t, 'dossier.trainingKinds', TRAINING_KINDS), defaultValue: 'professional' },
    { type: 'text', name: 'name', label: label('trainingName'), required: true, maxLength: 300, wide: true },
    { type: 'text', name: 'institution', label: label('institution'), maxLength: 200 },
    { type: 'text', name: 'certificate', label: label('certificate'), maxLength: 200 },
    { type: 'date', name: 'startDate', label: label('startDate') },
    { type: 'date', name: 'endDate', label: label('endDate') },
  ];
  return (
    <Folded summary={t('dossier.trainings.add')}>
      <ActionForm id="add-training" namespace="dossier" action={addTraining} hidden={{ cadreId, communeId }} token={token} fields={fields} layout="grid" submitLabel={t('dossier.trainings.add')} />
    </Folded>
  );
}

export function AddRecognitionForm({ cadreId, communeId, token }: Props) {
  const { t, label } = useLabels();
  const fields: FormFieldSpec[] = [
    { type: 'radio', name: 'kind', label: label('recognitionKind'), required: true, inline: true, options: options(t, 'dossier.recognitionKinds', RECOGNITION_KINDS), defaultValue: 'award' },
    { type: 'text', name: 'form', label: label('form'), hint: t('dossier.hints.recognitionForm'), required: true, maxLength: 200 },
    { type: 'text', name: 'decisionNumber', label: label('decisionNumber'), required: true, maxLength: 50 },
    { type: 'date', name: 'decisionDate', label: label('decisionDate'), required: true },
    { type: 'text', name: 'issuer', label: label('issuer'), maxLength: 200 },
    { type: 'textarea', name: 'reason', label: label('reason'), maxLength: 500, rows: 2 },
  ];
  return (
    <Folded summary={t('dossier.recognitions.add')}>
      <ActionForm id="add-recognition" namespace="dossier" action={addRecognition} hidden={{ cadreId, communeId }} token={token} fields={fields} layout="grid" submitLabel={t('dossier.recognitions.add')} />
    </Folded>
  );
}
