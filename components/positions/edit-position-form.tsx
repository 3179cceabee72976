'use client';

import { useTranslations } from '@/components/forms/translations';
import { updatePosition } from '@/lib/actions/positions/update-position';
import { ActionForm } from '@/components/forms/action-form';
import { PositionFields } from './position-fields';

type Option = { value: string; label: string };
export type PositionFormValues = {
  positionId: number;
  version: number;
  titleVi: string;
  titleEn: string;
  block: string;
  field: string;
  sortOrder: string;
  level: string;
  isKey: boolean;
  isElected: boolean;
  concurrentByDesign: boolean;
};

/** Everything but the code, version-checked: a save made meanwhile by someone else is refused and nothing typed is lost. */
export function EditPositionForm({ initial, fields }: { initial: PositionFormValues; fields: Option[] }) {
  const t = useTranslations('positions');
  return (
    <ActionForm
      id="edit"
      testId="edit-position-form"
      namespace="positions"
      action={updatePosition}
      // The version the page was rendered from: a save made meanwhile by someone else is refused, not overwritten.
      hidden={{ positionId: initial.positionId, version: initial.version }}
      initial={{
        titleVi: initial.titleVi,
        titleEn: initial.titleEn,
        block: initial.block,
        field: initial.field,
        sortOrder: initial.sortOrder,
        level: initial.level,
        // A ticked checkbox is sent as "on", an unticked one not at all.
        ...(initial.isKey ? { isKey: 'on' } : {}),
        ...(initial.isElected ? { isElected: 'on' } : {}),
        ...(initial.concurrentByDesign ? { concurrentByDesign: 'on' } : {}),
      }}
      submitLabel={t('form.save')}
      className="space-y-4"
    >
      {({ values, error }) => <PositionFields prefix="edit" values={values} error={error} fields={fields} />}
    </ActionForm>
  );
}
